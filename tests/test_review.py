"""`annotate review` lists doubtful readings; glossary/readings.tsv fixes them in every output."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import lxml.html
from click.testing import CliRunner
from lxml import etree

from annotate.cli import main

ROOT = Path(__file__).resolve().parent.parent
TEI = "{http://www.tei-c.org/ns/1.0}"


def _project(tmp_path) -> Path:
    (tmp_path / "seeds").mkdir()
    shutil.copy(ROOT / "seeds" / "ningbo-alibaba.txt", tmp_path / "seeds")
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    return tmp_path


def test_review_lists_a_short_list_with_context(tmp_path, monkeypatch):
    monkeypatch.chdir(_project(tmp_path))
    result = CliRunner().invoke(main, ["review", "seeds/"])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    header, rows = rows[0], rows[1:]
    assert header[:4] == ["file", "line", "column", "word"]
    assert 3 <= len(rows) <= 40
    for row in rows:
        item = dict(zip(header, row))
        assert item["source"] in ("default", "model") and item["word"] in item["context"]
        line = (tmp_path / item["file"]).read_text("utf-8").splitlines()[int(item["line"]) - 1]
        assert line[int(item["column"]) - 1] == item["char"]


def test_an_override_changes_the_reading_in_tei_html_and_json(tmp_path, monkeypatch):
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    runner = CliRunner()
    before = json.loads(runner.invoke(main, ["review", "seeds/", "--format", "json"]).stdout)
    assert any(item["word"] == "这场" for item in before)
    with open(project / "glossary" / "readings.tsv", "a", encoding="utf-8") as handle:
        handle.write("这场\tzhè cháng\tdeliberately odd, to see it everywhere\n")
    after = json.loads(runner.invoke(main, ["review", "seeds/", "--format", "json"]).stdout)
    assert not any(item["word"] == "这场" for item in after) and len(after) == len(before) - 1

    result = runner.invoke(main, ["build", "seeds/", "--out", "out", "--format", "tei,html,json"])
    assert result.exit_code == 0, result.output
    document = json.loads((project / "out" / "ningbo-alibaba.json").read_text("utf-8"))
    tokens = [t for s in document["sections"] for b in s["blocks"] for t in b["tokens"] if t["text"] == "这场"]
    assert tokens and all(t["readings"] == ["zhè", "cháng"] and t["sources"] == ["override"] * 2 for t in tokens)
    tei = etree.parse(str(project / "out" / "ningbo-alibaba.tei.xml"))
    rubies = tei.xpath("//t:ruby[t:rb//t:orig='场'][preceding-sibling::t:ruby[1]/t:rb//t:orig='这']/t:rt/text()",
                       namespaces={"t": TEI[1:-1]})
    assert rubies and set(rubies) == {"cháng"}
    page = lxml.html.parse(str(project / "out" / "ningbo-alibaba.html"))
    pairs = [("".join(r.xpath("./text()|./span[@class='zha-s']/text()")), r.findtext("rt")) for r in page.iter("ruby")]
    after_zhe = [reading for (before, _), (char, reading) in zip(pairs, pairs[1:]) if before == "这" and char == "场"]
    assert after_zhe and set(after_zhe) == {"cháng"}


def test_a_broken_override_is_one_clear_line(tmp_path, monkeypatch):
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    with open(project / "glossary" / "readings.tsv", "a", encoding="utf-8") as handle:
        handle.write("利好\tlì hǎo hǎo\n")
    result = CliRunner().invoke(main, ["glossary", "check", "glossary/"])
    assert result.exit_code == 4
    assert "readings.tsv:5" in result.stdout and "Traceback" not in result.output

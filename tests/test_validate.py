"""`annotate validate`: the project's TEI profile, shipped in the package, with line numbers."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from annotate import annotate_text, load_glossary, write
from annotate.cli import main
from annotate.validate import check

from .conftest import DATA, GOLDEN, ROOT

SEED_TEI = ROOT / "out" / "ningbo-alibaba.tei.xml"


def validate(*paths):
    return CliRunner().invoke(main, ["validate", *map(str, paths)], catch_exceptions=False)


def test_every_tei_the_tool_writes_fits(tmp_path):
    made = []
    for i, options in enumerate([{}, {"reading": "numbers", "tone_sandhi": True}, {"reading": "zhuyin"},
                                 {"dictionary": "cedict", "level": 3}, {"variant": "hk", "capitalize_names": True}]):
        document = annotate_text("長江很長。我们学习汉语，一个人不是B2B。\n他还没来。", glossary=load_glossary(DATA / "glossary.tsv"),
                                 **options)
        path = tmp_path / f"x{i}.tei.xml"
        path.write_bytes(write(document, "tei"))
        made.append(path)
    result = validate(SEED_TEI, *sorted(GOLDEN.glob("*.tei.xml")), *made)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.count(": ok\n") == len(made) + 1 + len(list(GOLDEN.glob("*.tei.xml")))


def _broken(tmp_path, name, edit):
    text = SEED_TEI.read_text(encoding="utf-8")
    edited = edit(text)
    assert edited != text
    path = tmp_path / name
    path.write_text(edited, encoding="utf-8")
    line = next(i for i, (a, b) in enumerate(zip(text.splitlines(), edited.splitlines()), 1) if a != b)
    return path, line


@pytest.mark.parametrize("name, edit, message", [
    ("rt.tei.xml", lambda t: t.replace(">zhōng</rt>", ">zhongg</rt>", 1), "is not a pinyin syllable"),
    ("rt-two.tei.xml", lambda t: t.replace(">zhōng</rt>", ">zhōng guó</rt>", 1), "is not a pinyin syllable"),
    ("ruby.tei.xml", lambda t: re.sub(r"<rb>(\w)</rb>", r"<rb>\1\1</rb>", t, count=1), "holds one Han character"),
    ("term.tei.xml", lambda t: t.replace('<term ref="#gl-', '<term ref="#gl-x', 1), "is no glossary entry"),
    ("schema.tei.xml", lambda t: t.replace("<rt ", "<rtx ", 1).replace("</rt>", "</rtx>", 1), "rtx"),
    ("xml.tei.xml", lambda t: t.replace("</p>", "", 1), "not well-formed"),
])
def test_each_kind_of_broken_edit_is_found_with_its_line(tmp_path, name, edit, message):
    path, line = _broken(tmp_path, name, edit)
    result = validate(SEED_TEI, path)
    assert result.exit_code == 1
    assert f"{SEED_TEI}: ok" in result.stdout
    found = [row for row in result.stdout.splitlines() if row.startswith(f"{path}:")]
    assert found and any(message in row for row in found), result.stdout
    numbers = {int(row.split(":")[1]) for row in found}
    assert line in numbers or (message == "not well-formed" and min(numbers) >= line), (line, numbers)


def test_the_library_check_names_no_problem_for_the_shared_example_and_finds_ruby_in_w():
    assert check(SEED_TEI.read_bytes()) == []
    bad = SEED_TEI.read_bytes().replace(b'<seg type="word">', b'<w>', 1)
    assert check(bad)


def _word_as_w(text: str, number: int) -> str:
    """Line `number`'s first `<seg type="word">…</seg>` renamed to `<w>…</w>` (a word, as TEI also writes one)."""
    lines = text.split("\n")
    line = lines[number - 1]
    start = line.index('<seg type="word">')
    end = line.index("</seg>", start)
    lines[number - 1] = line[:start] + "<w>" + line[start + len('<seg type="word">'):end] + "</w>" + line[end + 6:]
    return "\n".join(lines)


def test_a_misplaced_element_is_named_at_its_own_line_not_its_ancestors(tmp_path):
    """libxml2's RELAX NG names the <p>, <div> and <body> it could not match (lines 68–70 of the
    seed's edition); the message must point at the line that was edited (issue 25)."""
    text = SEED_TEI.read_text(encoding="utf-8")
    number = next(k for k, line in enumerate(text.split("\n"), 1) if line.strip().startswith("<p>") and
                  '<seg type="word">' in line)
    path = tmp_path / "w.tei.xml"
    path.write_text(_word_as_w(text, number), encoding="utf-8")
    result = validate(path)
    assert result.exit_code == 1
    rows = [row for row in result.stdout.splitlines() if row.startswith(f"{path}:")]
    assert rows and {int(row.split(":")[1]) for row in rows} == {number}, result.stdout
    assert "<ruby> is not allowed inside <w>" in rows[0]


def test_a_file_that_cannot_be_read_is_exit_code_3(tmp_path):
    result = validate(tmp_path / "nosuch.tei.xml")
    assert result.exit_code == 3 and "cannot read" in result.output and "Traceback" not in result.output
    assert validate(SEED_TEI, tmp_path / "nosuch.tei.xml").exit_code == 3  # a good file beside it changes nothing
    broken = tmp_path / "broken.tei.xml"
    broken.write_text(SEED_TEI.read_text(encoding="utf-8").replace("</p>", "", 1), encoding="utf-8")
    assert validate(broken, tmp_path / "nosuch.tei.xml").exit_code == 1  # a file that does not fit: 1, as always

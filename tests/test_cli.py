"""The `annotate` command: outputs, formats, stdin, and one clear line for each error."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from annotate import __version__
from annotate.cli import main

from .conftest import DATA


@pytest.fixture
def runner():
    return CliRunner()


def visible(folder):
    """Output files below `folder`, without hidden ones (the manifest)."""
    if not folder.exists():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def run(runner, *args, input=None):
    return runner.invoke(main, list(args), input=input, catch_exceptions=False)


def test_build_writes_the_default_formats(runner, tmp_path):
    source = tmp_path / "lesson.txt"
    source.write_text("我们学习汉语。\n", encoding="utf-8")
    result = run(runner, "build", str(source), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert visible(tmp_path / "out") == ["lesson.html", "lesson.json", "lesson.tei.xml"]
    assert result.stdout == ""
    assert "1 file(s): 1 written, 0 unchanged, 0 failed" in result.stderr


def test_directory_input_mirrors_the_tree(runner, tmp_path):
    (tmp_path / "in" / "unit1").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text("你好。", encoding="utf-8")
    (tmp_path / "in" / "unit1" / "b.md").write_text("# 标题\n再见。", encoding="utf-8")
    (tmp_path / "in" / "notes.docx").write_bytes(b"PK\x03\x04")
    result = run(runner, "build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--format", "json,html-fragment")
    assert result.exit_code == 0, result.stderr
    assert visible(tmp_path / "out") == ["a.fragment.html", "a.json", "unit1/b.fragment.html", "unit1/b.json"]


def test_stdin_writes_one_format_to_stdout(runner):
    result = run(runner, "build", "-", "--format", "json", "--reading", "numbers", input="中国".encode())
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["sections"][0]["blocks"][0]["tokens"][0]["readings"] == ["zhong1", "guo2"]


def test_stdin_with_several_formats_is_a_usage_error(runner):
    result = run(runner, "build", "-", "--format", "tei,json", input=b"x")
    assert result.exit_code == 2
    assert "one format" in result.stderr


def test_binary_file_is_one_line_and_leaves_no_output(runner, tmp_path):
    source = tmp_path / "bad.txt"
    source.write_bytes(bytes(range(256)) * 8)
    result = run(runner, "build", str(source), "--out", str(tmp_path / "out"))
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == (
        f"annotate: {source}: byte 128: not UTF-8 (0x80), and not readable as GB18030 or Big5 either; "
        "if it is text, pass --encoding NAME")
    assert "Traceback" not in result.stderr
    assert visible(tmp_path / "out") == []


def test_one_bad_file_does_not_stop_the_others(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("你好。", encoding="utf-8")
    (folder / "b.txt").write_bytes("好\n坏\x00了".encode())
    (folder / "c.txt").write_text("再见。", encoding="utf-8")
    result = run(runner, "build", str(folder), "--out", str(tmp_path / "out"), "--format", "json")
    assert result.exit_code == 1
    assert visible(tmp_path / "out") == ["a.json", "c.json"]
    errors = [line for line in result.stderr.splitlines() if "b.txt" in line]
    assert errors == [f"annotate: {folder / 'b.txt'}:2:2: character U+0000 cannot be written to XML; "
                      "remove it, or pass --replace-invalid"]
    assert "3 file(s): 2 written, 0 unchanged, 1 failed" in result.stderr


def test_bad_glossary_row_names_file_and_line(runner, tmp_path):
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("term\tgloss\n数字\t\n", encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text("数字", encoding="utf-8")
    result = run(runner, "build", str(source), "--glossary", str(glossary), "--out", str(tmp_path / "out"))
    assert result.exit_code == 4
    assert result.stderr == f"annotate: {glossary}:2: empty gloss for 数字\n"
    assert not (tmp_path / "out").exists()


def test_missing_input(runner, tmp_path):
    result = run(runner, "build", str(tmp_path / "nope.txt"))
    assert result.exit_code == 3
    assert result.stderr == f"annotate: {tmp_path / 'nope.txt'}: no such file or directory\n"


def test_unknown_format_is_a_usage_error(runner, tmp_path):
    result = run(runner, "build", "x.txt", "--format", "tei,pdf")
    assert result.exit_code == 2
    assert "pdf" in result.stderr


def test_glossary_option_applies(runner, tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("她的头发", encoding="utf-8")
    result = run(runner, "build", str(source), "--glossary", str(DATA / "glossary.tsv"), "--out", str(tmp_path), "--format", "json")
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert result.exit_code == 0
    assert [g["term"] for g in data["glossary"]] == ["头发"]


def test_help_has_examples_and_every_command_has_help(runner):
    assert "annotate build seeds/" in run(runner, "build", "--help").stdout
    for name, command in main.commands.items():
        assert command.help, f"command {name} has no help"


def test_version(runner):
    assert run(runner, "--version").stdout == f"annotate, version {__version__}\n"


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "annotate", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and __version__ in result.stdout


def test_assets_writes_css_and_js(runner, tmp_path):
    result = run(runner, "assets", str(tmp_path / "static"))
    assert result.exit_code == 0
    css = (tmp_path / "static" / "zh-annotate.css").read_text(encoding="utf-8")
    js = (tmp_path / "static" / "zh-annotate.js").read_text(encoding="utf-8")
    assert ".zha rt{" in css and "localStorage" in js


def test_build_help_is_made_from_the_code(runner):
    """Every format and every default pattern is in `build --help`, from the same constants the
    command uses (issue 25: the help said `*.txt and *.md` and left out tmx, tsv and intertext)."""
    from annotate.planning import DEFAULT_GLOBS
    from annotate.cli import FORMAT_NAMES

    options = {param.name: param for param in main.commands["build"].params}
    assert ", ".join(FORMAT_NAMES) in options["formats"].help
    assert " ".join(DEFAULT_GLOBS) in options["globs"].help
    shown = " ".join(run(runner, "build", "--help").output.split())
    for name in FORMAT_NAMES + DEFAULT_GLOBS:
        assert name in shown.replace("- ", "-")


def test_the_readmes_sample_summary_is_what_the_tool_prints(runner, tmp_path, monkeypatch):
    import re

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sample = re.search(r"```console\n\$ annotate build seeds/\n(annotate: .*)\n```", readme).group(1)
    pattern = re.escape(sample)
    pattern = re.sub(r"\d[\d,]*(?:\\\.\d+)?", r"[\\d,]+(?:\\.\\d+)?", pattern)  # numbers vary; the words do not
    pattern = pattern.replace(re.escape(" chars/s"), "(?: K)?" + re.escape(" chars/s"))  # 2675 chars/s, 21 K chars/s
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["build", "seeds/", "--out", str(tmp_path / "out")])
    printed = [line for line in result.output.splitlines() if line.startswith("annotate: 1 file(s)")]
    assert printed and re.fullmatch(pattern.replace(re.escape("out/"), re.escape(f"{tmp_path / 'out'}/")),
                                    printed[0]), (sample, printed)


def test_an_english_only_text_is_built_with_a_notice(runner, tmp_path):
    (tmp_path / "en.txt").write_text("This is English only.\nNothing Chinese here.\n", encoding="utf-8")
    result = runner.invoke(main, ["build", str(tmp_path / "en.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "en.txt: no Chinese text in it" in result.output
    (tmp_path / "zh.txt").write_text("我们学习汉语。\n", encoding="utf-8")
    result = runner.invoke(main, ["build", str(tmp_path / "zh.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0 and "no Chinese text" not in result.output


def test_the_readme_names_every_format_and_default_pattern():
    """The README's lists are tested against the code's constants, as the help is made from them."""
    from annotate.cli import FORMAT_NAMES
    from annotate.planning import DEFAULT_GLOBS

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = next(line for line in readme.splitlines() if "--format html,html-fragment" in line)
    assert [name for name in FORMAT_NAMES if name not in usage.split("#", 1)[1]] == []
    folders = readme[readme.index("**Whole folders.**"):readme.index("**Encodings.**")]
    assert [glob for glob in DEFAULT_GLOBS if f"`{glob}`" not in folders] == []

"""The README is the front door: its commands are the ones CI runs."""
from __future__ import annotations

from .conftest import ROOT


def _commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Two commands on a fresh machine", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_readme_gives_two_commands_and_ci_runs_the_test_one():
    install, test = _commands()
    assert "annotate build seeds/" in install and "pip install" in install
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci, "the last line of .ci/run must be the README's test command"
    assert "pytest" in test

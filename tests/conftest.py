"""Shared fixtures: the project's TEI profile (shipped in the package), the Nu Html Checker, golden files.

The tests read nothing outside this checkout: small data they need is in tests/data/ (see its
README for sources and licences); whole-corpus measurements are in bench/."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import settings
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"

settings.register_profile("ci", derandomize=True, deadline=None, max_examples=150)
settings.register_profile("dev", deadline=None, max_examples=150)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/ expected files.")


@pytest.fixture(scope="session")
def assert_valid_tei():
    """Check TEI against the profile the package ships (RELAX NG and its own rules), as
    `annotate validate` does; returns the parsed root for XPath."""
    from annotate.validate import check as profile_check

    def check(data: bytes) -> etree._Element:
        problems = profile_check(data)
        if problems:
            errors = "\n".join(f"line {p.line}: {p.message}" for p in problems)
            pytest.fail(f"TEI does not fit the project's TEI profile:\n{errors}")
        return etree.fromstring(data)

    return check


def find_vnu() -> Path | None:
    candidates = [os.environ.get("VNU_JAR", "")]
    for base in (ROOT / ".tools", ROOT):
        candidates.append(str(base / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"))
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


@pytest.fixture(scope="session")
def vnu():
    """Run the Nu Html Checker on files; returns its error messages (warnings are ignored)."""
    jar = find_vnu()
    java = shutil.which("java")
    if jar is None or java is None:
        pytest.fail("the Nu Html Checker is not installed: run `bash tests/setup-tools.sh` (needs java and npm)")

    def check(paths: list[Path]) -> list[str]:
        result = subprocess.run(
            [java, "-jar", str(jar), "--format", "json", "--exit-zero-always", *map(str, paths)],
            capture_output=True, text=True, timeout=300,
        )
        messages = json.loads(result.stderr or result.stdout)["messages"]
        return [
            f"{m.get('url', '?').rsplit('/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
            for m in messages
            if m.get("type") == "error" or m.get("subType") == "fatal"
        ]

    return check


@pytest.fixture
def golden(request):
    """Compare bytes with tests/golden/NAME; `pytest --update-golden` rewrites it."""
    update = request.config.getoption("--update-golden")

    def compare(name: str, actual: bytes) -> None:
        path = GOLDEN / name
        if update or not path.exists():
            path.write_bytes(actual)
            if not update:
                pytest.fail(f"{path} did not exist; it was written now: review it and commit it")
            return
        expected = path.read_bytes()
        if actual != expected:
            pytest.fail(
                f"{path.name} differs from the code's output. If the new output is right, accept it with "
                f"`pytest --update-golden` and review `git diff tests/golden`."
            )

    return compare


def wrap_fragment(fragment: bytes, title: str = "fragment") -> bytes:
    """A minimal valid page around an HTML fragment, for the checker and the browser."""
    return (
        b'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>'
        + title.encode()
        + b"</title></head><body>\n"
        + fragment
        + b"</body></html>\n"
    )


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, driven by Playwright (which must never download a browser)."""
    from annotate.demo import CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.fail("/usr/bin/chromium is missing: run `bash tests/setup-tools.sh` (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


SEED_EDITION = ROOT / "out" / "ningbo-alibaba.tei.xml"
"""The seed's bilingual edition, as the main job writes it (test_out keeps it current)."""


@pytest.fixture
def editor(tmp_path):
    """`annotate edit` on a copy of the seed's bilingual edition (with its page and JSON beside
    it), served in a thread: yields (server, folder); stopped afterwards."""
    from annotate.editor import serving

    folder = tmp_path / "edition"
    folder.mkdir()
    for path in SEED_EDITION.parent.glob("ningbo-alibaba.*"):
        shutil.copy(path, folder / path.name)
    with serving(folder / SEED_EDITION.name) as server:
        yield server, folder

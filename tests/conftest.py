"""Shared fixtures: the TEI schema (compiled once), the Nu Html Checker, golden files."""
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
SHARED = ROOT.parent / "shared"
TEI_RNG = SHARED / "schemas" / "tei" / "tei_all.rng"
DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"

settings.register_profile("ci", derandomize=True, deadline=None, max_examples=150)
settings.register_profile("dev", deadline=None, max_examples=150)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/ expected files.")


@pytest.fixture(scope="session")
def tei_schema():
    """TEI P5 4.8.0 tei_all, compiled once per test session (about 5 s)."""
    if not TEI_RNG.exists():
        pytest.fail(f"{TEI_RNG} is missing: the tests need ../shared beside the checkout")
    return etree.RelaxNG(etree.parse(str(TEI_RNG)))


@pytest.fixture(scope="session")
def assert_valid_tei(tei_schema):
    def check(data: bytes) -> etree._Element:
        root = etree.fromstring(data)
        if not tei_schema.validate(root):
            errors = "\n".join(f"line {e.line}: {e.message}" for e in tei_schema.error_log)
            pytest.fail(f"TEI does not validate against tei_all.rng:\n{errors}")
        return root

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

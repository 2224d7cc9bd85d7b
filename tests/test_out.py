"""`out/` is the committed example: it must be exactly what the README's main command makes now."""
from __future__ import annotations

import os
import subprocess
import sys

from .conftest import ROOT


def test_out_is_what_the_code_produces(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "annotate", "build", "seeds/", "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    made = {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file() and not p.name.startswith(".")}
    assert made, "the main command wrote nothing"
    committed = ROOT / "out"
    stale = [
        str(p) for p in sorted(made)
        if not (committed / p).exists() or (committed / p).read_bytes() != (tmp_path / p).read_bytes()
    ]
    assert not stale, f"out/ is stale for {stale}: run `annotate build seeds/` and commit out/"


def test_embed_demo_is_current():
    from annotate.demo import embed_demo, seed_fragment

    committed = ROOT / "out" / "embed-demo.html"
    assert committed.exists() and committed.read_bytes() == embed_demo(seed_fragment(ROOT)), (
        "out/embed-demo.html is stale: run `python -m annotate.demo` and commit out/"
    )

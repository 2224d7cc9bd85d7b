"""The tables the package ships ready-made are those a first run would build, and a cache
that cannot be written never stops a run."""
from __future__ import annotations

import os
import subprocess
import sys

from annotate import dictionary

from .conftest import ROOT


def test_shipped_tables_are_what_a_first_run_builds():
    source = dictionary.cedict_file()
    import jieba

    from annotate import align, names

    for kind, build in (("phrases3", dictionary._build_phrase_readings),
                        ("confirmed3", dictionary._build_confirmed_words), ("glossstems2", align._build_gloss_stems),
                        ("bound1", dictionary._build_bound_readings),
                        ("classifiers1", dictionary._build_classifier_readings),
                        ("sayings1", dictionary._build_sayings),
                        ("neutral5", dictionary._build_neutral_tables),
                        (f"names6-jieba{jieba.__version__}", names._build_names)):
        shipped = dictionary._prepared(kind, source)
        assert shipped is not None, f"annotate/data/prepared/{kind} is missing or stale: run python -m annotate.prepare"
        assert shipped == build()


def test_a_build_with_an_unwritable_cache_works(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = {**os.environ, "XDG_CACHE_HOME": str(blocker / "cache"), "TMPDIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "annotate", "build", "seeds/", "--out", str(tmp_path / "out"),
                             "--format", "json", "--dictionary", "cedict"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "ningbo-alibaba.json").stat().st_size > 10_000
    assert not (blocker / "cache").exists()

"""Readings on the CPP dev split must never fall below plain pypinyin on the same rows."""
from __future__ import annotations

import sys

import pytest

from .conftest import ROOT, SHARED

sys.path.insert(0, str(ROOT / "bench"))


@pytest.mark.slow
def test_cpp_dev_not_below_plain_pypinyin():
    dev = SHARED / "data" / "pinyin" / "cpp_dev.tsv"
    if not dev.exists():
        pytest.fail(f"{dev} is missing: the tests need ../shared beside the checkout")
    import accuracy

    results = accuracy.main("dev")
    ours, plain = results["zh-annotate"], results["pypinyin.pinyin(sentence)"]
    assert ours["misaligned"] == 0
    assert ours["accuracy"] >= plain["accuracy"] > 0.85
    assert ours["accuracy_clean"] >= plain["accuracy_clean"]

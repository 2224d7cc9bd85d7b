"""Traditional forms: OpenCC by phrase, recorded only where they differ, length never changes."""
from __future__ import annotations

from pathlib import Path

import pytest

from annotate import annotate_text
from annotate.errors import InvariantError
from annotate.variants import CONFIGS, convert_same_length

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpus" / "xiyouji_s.txt"


def forms(text, **options):
    document = annotate_text(text, **options)
    return [(t.text, t.traditional) for b in document.blocks() for t in b.tokens if t.kind == "han"]


@pytest.mark.parametrize("text, expected", [
    ("头发", "頭髮"),
    ("发展", "發展"),
    ("理发", "理髮"),
    ("面条", "麪條"),
])
def test_whole_words_decide_the_form(text, expected):
    assert forms(text, variant="t") == [(text, expected)]


def test_only_differing_forms_are_recorded():
    assert forms("我们的中国") == [("我们", "我們"), ("的", None), ("中国", "中國")]


@pytest.mark.parametrize("variant, expected", [("tw", "臺灣"), ("hk", "台灣"), ("t", "臺灣")])
def test_variant_standards(variant, expected):
    assert forms("台湾", variant=variant) == [("台湾", expected)]


def test_a_conversion_that_changes_length_fails_loudly():
    # s2twp replaces words (内存条 → 記憶體模組): we never use it, and the check refuses it.
    with pytest.raises(InvariantError, match="changed the length"):
        convert_same_length("内存条", "s2twp.json")


@pytest.mark.parametrize("config", sorted(set(CONFIGS.values())))
def test_configs_keep_length_on_the_whole_corpus(config):
    text = CORPUS.read_text(encoding="utf-8")
    assert len(text) > 700_000
    for line in text.split("\n"):
        convert_same_length(line, config)  # raises on any line whose length changes

"""Traditional forms: OpenCC by phrase, recorded only where they differ, length never changes."""
from __future__ import annotations

import json

import pytest

from annotate import annotate_text
from annotate.errors import InvariantError
from annotate.variants import CONFIGS, convert_same_length

from .conftest import DATA

CORPUS = DATA / "xiyouji_s.txt"
"""The first 720 paragraphs of 西游记 (bench/opencc_lengths.py checks the whole book)."""
VARIANT_OF = {"s2t": "t", "s2tw": "tw", "s2hk": "hk"}


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
def test_configs_keep_length_on_a_classical_novel(config):
    text = CORPUS.read_text(encoding="utf-8")
    assert len(text) > 80_000
    for line in text.split("\n"):
        convert_same_length(line, config)  # raises on any line whose length changes


def _opencc_cases():
    return json.loads((DATA / "opencc_cases.json").read_text(encoding="utf-8"))["cases"]


def test_opencc_own_cases_through_the_pipeline():
    """OpenCC's regression cases for the configs we use (221 of them): converting by phrase in
    context, as the pipeline does, gives what OpenCC itself gives for the whole text."""
    cases = _opencc_cases()
    assert len(cases) == 221
    wrong = []
    for case in cases:
        document = annotate_text(case["input"], variant=VARIANT_OF[case["config"]], script="Hans")
        got = "".join(t.traditional or t.text for b in document.blocks() for t in b.tokens)
        if got != case["expected"].replace("\n", ""):
            wrong.append((case["id"], case["config"], got))
    assert wrong == []

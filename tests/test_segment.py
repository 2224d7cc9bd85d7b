"""Words: jieba segmentation, glossary terms kept whole, Latin runs and punctuation untouched."""
from __future__ import annotations

from pathlib import Path

import pytest

from annotate.glossary import load
from annotate.segment import split_words

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def glossary():
    return load([DATA / "glossary.tsv"])


@pytest.mark.parametrize("run", ["B2B", "eWTP", "2020", "1+1>2", "C2M", "LOGO", "3.5%"])
def test_latin_runs_are_tokens_of_their_own(run):
    tokens = split_words(f"中国{run}平台", None)
    assert [t.text for t in tokens if t.kind == "latin"] == [run]
    assert "".join(t.text for t in tokens) == f"中国{run}平台"


def test_punctuation_and_spaces_pass_through():
    tokens = split_words("“你好”——他说……  好！", None)
    assert [(t.text, t.kind) for t in tokens if t.kind != "han"] == [
        ("“", "punct"), ("”", "punct"), ("——", "punct"), ("……", "punct"), ("  ", "space"), ("！", "punct"),
    ]


def test_glossary_terms_are_never_split(glossary):
    tokens = split_words("发展数字经济和头发", glossary)
    terms = [(t.text, t.note_ids) for t in tokens if t.note_ids]
    assert terms == [("数字经济", ("gl-shuzi-jingji",)), ("头发", ("gl-toufa",))]


def test_longest_term_wins(glossary):
    tokens = split_words("数字经济的数字", glossary)
    assert [t.text for t in tokens if t.note_ids] == ["数字经济", "数字"]


def test_latin_term_does_not_match_inside_a_longer_word(glossary):
    tokens = split_words("eWTPX和eWTP", glossary)
    assert [(t.text, bool(t.note_ids)) for t in tokens] == [("eWTPX", False), ("和", False), ("eWTP", True)]


def test_jieba_words_between_terms():
    words = [t.text for t in split_words("我们在银行工作", None) if t.kind == "han"]
    assert words == ["我们", "在", "银行", "工作"]

"""Readings of polyphones in context: a table of our own sentences (tests/data/polyphones.tsv).

Each row marks one character with brackets and gives the reading 现代汉语词典 gives it there,
neutral tones included. The table covers the classes issue 3 names: function words (地 为 得 还
长 了 着 …), surnames and places (曾 单 查 重庆), a phrase-matching artefact (递交了结案), neutral
tones (们, 例子, 东西, 地方), 一 and 不 in their original tones, and erhua.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotate import annotate_text

TABLE = Path(__file__).parent / "data" / "polyphones.tsv"


def _cases():
    for n, line in enumerate(TABLE.read_text("utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        kind, marked, reading = line.split("\t")
        match = re.search(r"\[(.)\]", marked)
        sentence = marked.replace("[", "").replace("]", "")
        yield pytest.param(sentence, match.start(), reading, id=f"{n}-{kind}-{marked}")


CASES = list(_cases())


def test_the_table_is_large_enough():
    assert len(CASES) >= 150


@pytest.mark.parametrize("sentence, index, expected", CASES)
def test_reading_in_context(sentence, index, expected):
    document = annotate_text(sentence)
    readings = [r for block in document.blocks() for token in block.tokens for r in token.readings]
    assert readings[index] is not None and readings[index].lower() == expected, \
        f"{sentence[:index]}[{sentence[index]}]{sentence[index + 1:]}: {readings[index]} (want {expected})"

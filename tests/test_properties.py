"""Properties over any text: outputs parse, TEI validates, and the source comes back exactly."""
from __future__ import annotations

import json
import re

import lxml.html
from hypothesis import given, strategies as st

from annotate import annotate_text, write
from annotate.glossary import Glossary
from annotate.model import GlossaryEntry

from . import recover

ALPHABET = st.sampled_from(
    list("中国人的了行长发头重还得地为一不儿们")  # common and polyphonic Han
    + ["𠀀", "〇", "㐀"]  # rare Han: extension B, ideographic zero, extension A
    + list("abcXYZ0129+>.%-")  # Latin runs and their joiners
    + list("，。！？“”「」——…、<>&\"'")  # punctuation, and characters XML/HTML must escape
    + [" ", "\u3000", "\t", "\u00a0", "😀", "é", "\u0301", "ー", "#"]  # spaces, emoji, combining mark, kana
)
LINE = st.text(ALPHABET, min_size=1, max_size=40).filter(lambda s: s.strip())
MARKER = re.compile(r"[ \t\u3000]*[A-Za-z0-9]{1,3}[.．][ \t\u3000]*")
MARKDOWN = re.compile(r"#{1,6}[ \t].*")
GLOSSARY = Glossary([
    GlossaryEntry(id="gl-zhongguo", term="中国", gloss="China <&>", pinyin=("zhōng", "guó"), written_pinyin="Zhōngguó"),
    GlossaryEntry(id="gl-abc", term="abc", gloss='"ABC"'),
])


@st.composite
def documents(draw):
    """Source text made of marker lines, paragraphs and blank lines; and the texts that must come back."""
    lines, expected = [], []
    for kind in draw(st.lists(st.sampled_from(["marker", "line", "line", "line", "blank"]), max_size=8)):
        if kind == "marker":
            lines.append(draw(st.sampled_from(["A.", "B.", "3．"])))
        elif kind == "blank":
            lines.append(draw(st.sampled_from(["", "  ", "\u3000"])))
        else:
            line = draw(LINE)
            if MARKER.fullmatch(line) or MARKDOWN.fullmatch(line):
                continue
            lines.append(line)
            expected.append(line)
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return newline.join(lines), expected


@given(documents(), st.sampled_from(["marks", "numbers", "zhuyin"]), st.booleans(), st.booleans())
def test_source_is_recovered_from_every_format(case, reading, tone_sandhi, capitalize_names):
    text, expected = case
    document = annotate_text(text, glossary=GLOSSARY, reading=reading, tone_sandhi=tone_sandhi,
                             capitalize_names=capitalize_names)
    assert recover.from_tei(write(document, "tei")) == expected
    assert recover.from_html(write(document, "html")) == expected
    assert recover.from_html(write(document, "html-fragment")) == expected
    assert recover.from_json(write(document, "json")) == expected


@given(documents())
def test_tei_is_valid_and_html_parses(assert_valid_tei, case):
    document = annotate_text(case[0], glossary=GLOSSARY)
    assert_valid_tei(write(document, "tei"))
    page = lxml.html.document_fromstring(write(document, "html").decode("utf-8"))
    assert page.find("body/article") is not None
    json.loads(write(document, "json"))


@given(documents())
def test_every_han_character_has_one_reading(case):
    document = annotate_text(case[0], tone_sandhi=True)
    for block in document.blocks():
        for token in block.tokens:
            assert len(token.readings) == len(token.text)
            assert len(token.sources) == len(token.text)
            assert all((r is None) == (s is None) for r, s in zip(token.readings, token.sources))
            if token.spoken:
                assert len(token.spoken) == len(token.written) == len(token.text)
            if token.traditional is not None:
                assert len(token.traditional) == len(token.text) and token.traditional != token.text

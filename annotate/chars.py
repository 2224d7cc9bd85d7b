"""What kind of character is this: Han, Latin letter or digit, punctuation, space, other."""
from __future__ import annotations

import re
import unicodedata

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RUN = re.compile(f"[{HAN}]+")
IS_HAN = re.compile(f"[{HAN}]")
ALNUM = "A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u00c0-\u024f"
# Letters and digits, joined by the operators and marks that live inside such runs:
# B2B, eWTP, 2020, 1+1>2, 3.5%, e-commerce, Wi-Fi.
LATIN_RUN = re.compile(f"[{ALNUM}]+(?:[+\\-*/=<>.,%&#_'’·:]+[{ALNUM}]+)*%?")
TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
"""The combining marks of pinyin's four tones (after NFD: ā = a + U+0304), and their numbers."""


def is_han(char: str) -> bool:
    return IS_HAN.match(char) is not None


def kind_of(char: str) -> str:
    """The token kind a single non-Han, non-Latin character belongs to."""
    if char.isspace():
        return "space"
    if unicodedata.category(char).startswith("P"):
        return "punct"
    return "other"

"""Paragraph text → tokens: glossary terms kept whole, jieba words, Latin runs, punctuation.

Glossary terms are found first, on the text itself (leftmost, then longest), so a term is
never split whatever jieba would do with it; jieba segments the Han text between them.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from .chars import HAN_RUN, LATIN_RUN, is_han, kind_of
from .glossary import Glossary
from .model import Block, Token


@lru_cache(maxsize=1)
def tokenizer():
    """jieba's tokenizer, its dictionary loaded once per process."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    instance = jieba.Tokenizer()
    instance.initialize()
    return instance


def split_words(text: str, glossary: Glossary | None) -> list[Token]:
    """Tokens of `text`; their texts concatenate to `text` exactly."""
    tokens: list[Token] = []
    position = 0
    for start, end, entry in glossary.find(text) if glossary else ():
        tokens.extend(_split_plain(text[position:start]))
        term = text[start:end]
        kind = "han" if any(is_han(c) for c in term) else "latin"
        tokens.append(Token(term, kind, note_ids=(entry.id,)))
        position = end
    tokens.extend(_split_plain(text[position:]))
    return tokens


def _split_plain(text: str) -> list[Token]:
    tokens: list[Token] = []
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        if is_han(char):
            run = HAN_RUN.match(text, i)
            tokens.extend(Token(word, "han") for word in tokenizer().cut(run.group(), HMM=True))
            i = run.end()
            continue
        latin = LATIN_RUN.match(text, i)
        if latin:
            tokens.append(Token(latin.group(), "latin"))
            i = latin.end()
            continue
        kind = kind_of(char)
        j = i + 1
        # Keep runs together: spaces, and doubled marks such as —— and …….
        while j < n and not is_han(text[j]) and kind_of(text[j]) == kind and (
            kind != "punct" or text[j] == char
        ) and not LATIN_RUN.match(text, j):
            j += 1
        tokens.append(Token(text[i:j], kind))
        i = j
    return tokens


def add_words(block: Block, glossary: Glossary | None) -> None:
    """Fill `block.tokens` from `block.text`."""
    block.tokens = split_words(block.text, glossary)

"""Paragraph text → tokens: glossary terms kept whole, jieba words, Latin runs, punctuation.

Glossary terms are found first, on the text itself (leftmost, then longest), so a term is
never split whatever jieba would do with it; jieba segments the Han text between them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .chars import HAN, IS_HAN, LATIN_RUN, is_han, kind_of
from .glossary import Glossary
from .model import Block, Token


NOT_HAN = re.compile(f"[^{HAN}]")


def cut(text: str) -> list[str]:
    """jieba's words of `text` (its dictionary and HMM), by rjieba: jieba-rs, the same dictionary
    and model in Rust, 15 times as fast (bench/RESULTS.md: the words of 5,603 of 西游记's 5,607
    paragraphs are the same; rjieba joins a run of rare characters and 常在 where jieba cuts them)."""
    import rjieba

    return rjieba.cut(text, True)


@lru_cache(maxsize=65_536)
def in_dictionary(word: str) -> bool:
    """Whether jieba's dictionary has `word` (a word of Han characters): rjieba's full mode lists
    every dictionary word of a text, so the word is there when it is listed whole. (jieba's own
    frequency table answers the same for Han words, but costs 60 MB and a second a process.)"""
    import rjieba

    return word in rjieba.cut_all(word)


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


def _han_words(text: str) -> dict[int, str]:
    """jieba's words of every Han run in `text`, by start offset, from one call to jieba.

    Every other character is masked with a comma, which jieba yields on its own, so each Han
    run is segmented exactly as if it were passed alone (one call per paragraph rather than
    one per run between punctuation marks).
    """
    masked = NOT_HAN.sub(",", text)
    words: dict[int, str] = {}
    position = 0
    for word in cut(masked):
        if word != ",":
            words[position] = word
        position += len(word)
    return words


def _split_plain(text: str) -> list[Token]:
    if not IS_HAN.search(text):
        return _split_other(text)
    tokens: list[Token] = []
    position = 0
    for start, word in _han_words(text).items():
        if start > position:
            tokens.extend(_split_other(text[position:start]))
        tokens.append(Token(word, "han"))
        position = start + len(word)
    if position < len(text):
        tokens.extend(_split_other(text[position:]))
    return tokens


def _split_other(text: str) -> list[Token]:
    """Text without Han characters → Latin runs, punctuation, spaces and other symbols."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        latin = LATIN_RUN.match(text, i)
        if latin:
            tokens.append(Token(latin.group(), "latin"))
            i = latin.end()
            continue
        char = text[i]
        kind = kind_of(char)
        j = i + 1
        # Keep runs together: spaces, and doubled marks such as —— and …….
        while j < n and kind_of(text[j]) == kind and (kind != "punct" or text[j] == char) and not LATIN_RUN.match(text, j):
            j += 1
        tokens.append(Token(text[i:j], kind))
        i = j
    return tokens


def add_words(block: Block, glossary: Glossary | None, script: str = "Hans") -> None:
    """Fill `block.tokens` from `block.text`.

    A traditional source is segmented (and matched against the glossary) through its simplified
    form, which jieba and the glossary know best; each token keeps the source's own characters
    and carries the simplified form, from which its readings are taken.
    """
    if script != "Hant":
        block.tokens = split_words(block.text, glossary)
        return
    from .variants import to_simplified

    simplified = to_simplified(block.text)
    block.tokens = split_words(simplified, glossary)
    position = 0
    for token in block.tokens:
        end = position + len(token.text)
        original = block.text[position:end]
        if original != token.text:
            token.simplified, token.text = token.text, original
        position = end

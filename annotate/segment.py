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


def _split_plain(text: str) -> list[Token]:
    """Tokens of text without glossary terms: jieba's words of every Han run, from one call to
    jieba per paragraph, and `_split_other`'s tokens between them.

    Every other character is masked with a comma, which jieba yields on its own, so each Han
    run is segmented exactly as if it were passed alone (one call per paragraph rather than
    one per run between punctuation marks).
    """
    if not IS_HAN.search(text):
        return _split_other(text)
    tokens: list[Token] = []
    position = other = 0  # `other`: where the text since the last Han word began
    for word in cut(NOT_HAN.sub(",", text)):
        if word == ",":
            position += 1
            continue
        if other < position:
            tokens += _split_other(text[other:position])
        tokens.append(Token(word, "han"))
        position = other = position + len(word)
    if other < len(text):
        tokens += _split_other(text[other:])
    return tokens


def _split_other(text: str) -> list[Token]:
    """Text without Han characters → Latin runs, punctuation, spaces and other symbols."""
    return [Token(piece, kind) for piece, kind in _other_pieces(text)]


@lru_cache(maxsize=4_096)
def _other_pieces(text: str) -> tuple[tuple[str, str], ...]:
    """(text, kind) of each token of `_split_other`: a book repeats its stretches between words
    (，, 。“, ！”) hundreds of thousands of times, so each is worked out once."""
    tokens: list[tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        latin = LATIN_RUN.match(text, i)
        if latin:
            tokens.append((latin.group(), "latin"))
            i = latin.end()
            continue
        char = text[i]
        kind = kind_of(char)
        j = i + 1
        # Keep runs together: spaces, and doubled marks such as —— and …….
        while j < n and kind_of(text[j]) == kind and (kind != "punct" or text[j] == char) and not LATIN_RUN.match(text, j):
            j += 1
        tokens.append((text[i:j], kind))
        i = j
    return tuple(tokens)


URL_OR_ADDRESS = re.compile(
    r"(?:https?|ftp|mailto):[^\s<>\"\u3000-\u303f\uff00-\uffef]+"  # a URL (up to a space or a CJK mark)
    r"|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s<>\"\u3000-\u303f\uff00-\uffef]*"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"  # an e-mail address
)
"""Text in running prose that must never get readings: a URL, an e-mail address."""
VERBATIM_MARKS = ("code", "verbatim")


def verbatim_ranges(block: Block) -> list[tuple[int, int]]:
    """Where `block.text` must pass untouched: all of a code block; inline code and the
    verbatim marks a reader gave; URLs and e-mail addresses found in the rest. In order, apart."""
    text = block.text
    if block.kind == "code":
        return [(0, len(text))] if text else []
    ranges = sorted((m.start, m.end) for m in block.marks if m.kind in VERBATIM_MARKS and m.end > m.start)
    if "@" in text or "://" in text or "www." in text or ":" in text:
        ranges += [m.span() for m in URL_OR_ADDRESS.finditer(text)
                   if not any(s < m.end() and m.start() < e for s, e in ranges)]
        ranges.sort()
    return ranges


def add_words(block: Block, glossary: Glossary | None, script: str = "Hans") -> None:
    """Fill `block.tokens` from `block.text`: verbatim stretches (code, URLs) as one token each,
    the text between them as words.

    A traditional source is segmented (and matched against the glossary) through its simplified
    form, which jieba and the glossary know best; each token keeps the source's own characters
    and carries the simplified form, from which its readings are taken.
    """
    ranges = verbatim_ranges(block)
    if not ranges:
        block.tokens = _words(block.text, glossary, script)
        return
    tokens, position = [], 0
    for start, end in ranges:
        tokens += _words(block.text[position:start], glossary, script)
        tokens.append(Token(block.text[start:end], "verbatim"))
        position = end
    block.tokens = tokens + _words(block.text[position:], glossary, script)


def _words(text: str, glossary: Glossary | None, script: str) -> list[Token]:
    if not text:
        return []
    if script != "Hant":
        return split_words(text, glossary)
    from .variants import to_simplified

    tokens = split_words(to_simplified(text), glossary)
    position = 0
    for token in tokens:
        end = position + len(token.text)
        original = text[position:end]
        if original != token.text:
            token.simplified, token.text = token.text, original
        position = end
    return tokens


def cut_at_marks(block: Block) -> None:
    """Cut tokens where a mark starts or ends, so writers open and close marks between tokens.
    Runs after the analysis, so a word across a boundary (`**银**行`) was read as one word; its
    parts keep its readings, and its note shows once, after its last part."""
    if not block.marks:
        return
    bounds = {b for m in block.marks for b in (m.start, m.end)}
    tokens, position = [], 0
    for token in block.tokens:
        end = position + len(token.text)
        inside = sorted(b - position for b in bounds if position < b < end)
        if not inside:
            tokens.append(token)
        else:
            edges = [0, *inside, len(token.text)]
            parts = token.split([(a, b) for a, b in zip(edges, edges[1:])])
            for part in parts[:-1]:
                part.note_here = False
            if token.spelling is not None:  # each part shows its whole word's spelling
                for part in parts:
                    part.spelling = token.spelling
            tokens += parts
        position = end
    block.tokens = tokens

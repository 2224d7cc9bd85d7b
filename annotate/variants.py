"""Traditional forms, from the official OpenCC binding, decided in context.

OpenCC converts whole phrases (头发 → 頭髮, 发展 → 發展), so each paragraph is converted
at once and the result is cut back into tokens. s2t, s2tw and s2hk map one character to
one character; that is checked on every paragraph, and a violation stops the run.
"""
from __future__ import annotations

from functools import lru_cache

from .constants import OPENCC_CONFIGS as CONFIGS
from .errors import InvariantError
from .model import Block


@lru_cache(maxsize=None)
def converter(config: str):
    """The OpenCC converter for a configuration file name, loaded once per process."""
    import opencc

    return opencc.OpenCC(config)


def convert_same_length(text: str, config: str) -> str:
    """Convert with an OpenCC configuration, refusing any result whose length differs."""
    converted = converter(config).convert(text)
    if len(converted) != len(text):
        raise InvariantError(
            f"OpenCC {config} changed the length of {text[:30]!r} "
            f"({len(text)} → {len(converted)} characters); please report this"
        )
    return converted


def to_traditional(text: str, variant: str) -> str:
    """头发 → 頭髮 in the variant's standard, aligned character by character with `text`."""
    if variant not in CONFIGS:
        raise ValueError(f"unknown variant {variant!r} (choose from {', '.join(CONFIGS)})")
    return convert_same_length(text, CONFIGS[variant])


def to_simplified(text: str) -> str:
    """頭髮 → 头发, aligned character by character (OpenCC t2s maps one character to one)."""
    return convert_same_length(text, "t2s.json")


def detect_script(text: str) -> str:
    """`Hant` when more characters are traditional-only than simplified-only, else `Hans`."""
    if not text:
        return "Hans"
    traditional_only = sum(a != b for a, b in zip(text, converter("t2s.json").convert(text)))
    simplified_only = sum(a != b for a, b in zip(text, converter("s2t.json").convert(text)))
    return "Hant" if traditional_only > simplified_only else "Hans"


def add_traditional(block: Block, variant: str, script: str = "Hans") -> None:
    """Record the other script's form of each word where it differs from the source.

    A simplified source gets traditional forms in the variant's standard; a traditional
    source gets simplified forms.
    """
    simplified = script == "Hant"
    converted = to_simplified(block.text) if simplified else to_traditional(block.text, variant)
    position = 0
    for token in block.tokens:
        end = position + len(token.text)
        form = converted[position:end] if token.kind == "han" else None
        if form == token.text:
            form = None
        if simplified:
            token.simplified = form
        else:
            token.traditional = form
        position = end

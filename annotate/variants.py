"""Traditional forms, from the official OpenCC binding, decided in context.

OpenCC converts whole phrases (头发 → 頭髮, 发展 → 發展), so each paragraph is converted
at once and the result is cut back into tokens. s2t, s2tw and s2hk map one character to
one character; that is checked on every paragraph, and a violation stops the run.
"""
from __future__ import annotations

from functools import lru_cache

from .errors import InvariantError
from .model import Block

CONFIGS = {"tw": "s2tw.json", "hk": "s2hk.json", "t": "s2t.json"}


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


def add_traditional(block: Block, variant: str) -> None:
    """Set `token.traditional` where the traditional form differs from the source."""
    converted = to_traditional(block.text, variant)
    position = 0
    for token in block.tokens:
        end = position + len(token.text)
        form = converted[position:end]
        token.traditional = form if token.kind == "han" and form != token.text else None
        position = end

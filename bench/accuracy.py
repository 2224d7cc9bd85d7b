"""Reading accuracy on the CPP polyphone set, through the public API, beside plain pypinyin.

    python bench/accuracy.py [dev|test]

Uses ../shared/data/pinyin/score.py. Tune on dev only; test is for reporting.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PINYIN_DATA = ROOT.parent / "shared" / "data" / "pinyin"
sys.path.insert(0, str(PINYIN_DATA))

from score import evaluate  # noqa: E402

import annotate  # noqa: E402


def ours(sentence: str) -> list[str | None]:
    """One reading per character of the sentence (None for non-Han), from annotate_text."""
    document = annotate.annotate_text(sentence)
    readings = [r for block in document.blocks() for token in block.tokens for r in token.readings]
    return readings if len(readings) == len(sentence) else [None] * len(sentence)


def plain_pypinyin(sentence: str) -> list:
    import pypinyin

    return pypinyin.pinyin(sentence, style=pypinyin.Style.TONE3)


def main(split: str = "dev") -> dict:
    path = PINYIN_DATA / f"cpp_{split}.tsv"
    results = {}
    for name, function in (("pypinyin.pinyin(sentence)", plain_pypinyin), ("zh-annotate", ours)):
        metrics = evaluate(str(path), function)
        results[name] = metrics
        print(f"{split}\t{name}\taccuracy {metrics['accuracy']:.4f}\tcleaned {metrics['accuracy_clean']:.4f}"
              f"\tmisaligned {metrics['misaligned']}\t{metrics['chars_per_second']:.0f} chars/s")
    return results


if __name__ == "__main__":
    main(*sys.argv[1:])

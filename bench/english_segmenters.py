"""Which English sentence segmenter splits a translation as its annotators did: pysbd or sentencex.

    python bench/english_segmenters.py

Each MAC-Dev chapter's English sentences are joined into one paragraph (the corpus keeps no
paragraph breaks) and split again; a boundary is right where it falls between two of the
annotators' sentences. Precision, recall and F1 over boundaries, and the time taken.
"""
from __future__ import annotations

import time
from pathlib import Path

MAC = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "align" / "mac-dev"


def boundaries(pieces: list[str]) -> set[int]:
    found, position = set(), 0
    for piece in pieces[:-1]:
        position += len(piece.strip()) + 1
        found.add(position)
    return found


def offsets(text: str, pieces: list[str]) -> set[int]:
    """Where each piece after the first starts in `text`, in the joined text's coordinates."""
    found, position = set(), 0
    for piece in pieces:
        start = text.find(piece.strip(), position)
        if start > 0:
            found.add(start)
        position = start + len(piece.strip())
    return found


def main() -> None:
    import pysbd
    import sentencex

    from annotate.align import split_translation

    splitters = {
        "pysbd": lambda text, seg=pysbd.Segmenter(language="en", clean=False): seg.segment(text),
        "sentencex": lambda text: list(sentencex.segment("en", text)),
        "zh-annotate (sentencex, then inside quotations)": lambda text: split_translation(text),
    }
    for name, split in splitters.items():
        tp = fp = fn = 0
        seconds = 0.0
        for chapter in sorted(MAC.glob("*.en")):
            sentences = chapter.read_text(encoding="utf-8").splitlines()
            text = " ".join(s.strip() for s in sentences)
            gold = offsets(text, sentences)
            start = time.perf_counter()
            pieces = split(text)
            seconds += time.perf_counter() - start
            found = offsets(text, pieces)
            tp, fp, fn = tp + len(gold & found), fp + len(found - gold), fn + len(gold - found)
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        print(f"{name}: precision {precision:.3f}, recall {recall:.3f}, F1 {2 * precision * recall / (precision + recall):.3f}"
              f" ({seconds:.2f} s for 6 chapters)")


if __name__ == "__main__":
    main()

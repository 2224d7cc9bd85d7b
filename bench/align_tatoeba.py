"""The aligner on short literal translations: Tatoeba's pairs, forty at a time, as a second domain.

    python bench/align_tatoeba.py
    PYTHONPATH=/path/to/another/checkout python bench/align_tatoeba.py    # the same figures for it

MAC-Dev (bench/align_mac.py) is six chapters of novels in published, free translations, where the
weights are tuned. A teacher's or a graded reader's translation is closer to Tatoeba: short
sentences, each translated on its own. Weights tuned on MAC-Dev must not lose here, so this is
a check, never a tuning set. 12,000 of the 12,600 pairs of ../shared/data/corpus, in texts of 40:
- clean: every pair is a 1-1 bead; how many come out so;
- one left out: one English sentence taken out of each text (a seeded draw); how many of those
  sentences get a bead of their own (found), and how many other sentences are called untranslated.
"""
from __future__ import annotations

import random
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpus" / "tatoeba_cmn_zh.tsv"
TEXT = 40
PAIRS = 12_000


def main() -> None:
    from annotate.align import align

    rows = [line.split("\t")[:2] for line in CORPUS.read_text(encoding="utf-8").splitlines()[1:PAIRS + 1]]
    draw = random.Random(7)
    right = found = false = texts = 0
    for start in range(0, len(rows), TEXT):
        chunk = rows[start:start + TEXT]
        source, target = [zh for zh, _ in chunk], [en for _, en in chunk]
        right += sum(len(b.source) == 1 and b.source == b.target for b in align(source, target))
        out = draw.randrange(len(chunk))
        beads = align(source, target[:out] + target[out + 1:])
        found += any(b.source == (out,) and not b.target for b in beads)
        false += sum(1 for b in beads if (not b.source or not b.target) and b.source != (out,))
        texts += 1
    print(f"clean: {right}/{len(rows)} pairs 1-1 ({right / len(rows):.1%}); one English sentence left out of "
          f"each of {texts} texts: {found} found ({found / texts:.0%}), {false} others called untranslated")


if __name__ == "__main__":
    main()

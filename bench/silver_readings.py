"""Readings of single-character polyphones in Tatoeba, checked against the English translation.

    python bench/silver_readings.py [--show N] [--bible]

For each Tatoeba sentence, each single-character word that CC-CEDICT reads two or more ways with
senses of their own (待 dāi "to stay" / dài "to wait, to treat") is given the reading whose
glosses, and no other reading's, share more English stems with the translation ("stay" in "Do you
want to stay any longer?": dāi). Where one reading wins, it is a silver label: noisy (了 "to
finish" wins wherever a translation says "finished", 的 "really" wherever it says "really"), but
a class of disagreements that recurs is worth reading. This is how 待在 dāi, 弹吉他 tán, 切菜 qiē,
睡…觉 jiào and 绕着太阳转 zhuàn were found (bench/RESULTS.md, issue 23). The data is
../shared/data/corpus/tatoeba_cmn_zh.tsv (CC-BY 2.0 FR, tatoeba.org); with `--bible`, the Chinese
Union Version and King James Bible of ../shared/data/align/bible (public domain), aligned by us,
their one-to-one beads at confidence 0.9 or more.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from neutral_senses import TATOEBA, stems  # noqa: E402

def gloss_stems(char: str, cache: dict = {}) -> dict[str, set[str]] | None:  # noqa: B006 - a cache
    """Each reading of the character → the English stems of its senses; None for one reading."""
    from annotate.dictionary import NOT_OWN, cedict
    from annotate.syllables import tone_marks

    if char not in cache:
        by: dict[str, set[str]] = defaultdict(set)
        for pinyin, _, gloss in cedict().get(char, ()):
            if not pinyin[:1].isupper() and not NOT_OWN.match(gloss):
                by[tone_marks(pinyin.lower())[0]].update(stems(gloss))
        cache[char] = dict(by) if len(by) > 1 else None
    return cache[char]


def vote(char: str, english: set[str]) -> str | None:
    """The reading whose own glosses share the most stems with the translation, if one does."""
    readings = gloss_stems(char)
    if not readings:
        return None
    score = {}
    for reading, own in readings.items():
        others = set().union(*(s for r, s in readings.items() if r != reading))
        score[reading] = len(english & (own - others))
    best = max(score.values())
    return None if best == 0 or list(score.values()).count(best) > 1 else max(score, key=score.get)


def bible_pairs() -> list[tuple[str, str]]:
    """The Bible's one-to-one beads that our aligner is sure of (≥ 0.9), as (Chinese, English)."""
    from annotate.align import align

    folder = TATOEBA.parent.parent / "align" / "bible"
    chinese = (folder / "bible.zh").read_text(encoding="utf-8").splitlines()
    english = (folder / "bible.en").read_text(encoding="utf-8").splitlines()
    return [(chinese[b.source[0]], english[b.target[0]]) for b in align(chinese, english)
            if len(b.source) == 1 and len(b.target) == 1 and b.confidence >= 0.9]


def main(show: int = 30, bible: bool = False) -> None:
    import annotate

    rows = bible_pairs() if bible else [
        line.split("\t")[:2] for line in TATOEBA.read_text(encoding="utf-8").splitlines()[1:] if "\t" in line]
    agree = total = 0
    disagree: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for chinese, english in rows:
        seen = stems(english)
        for block in annotate.annotate_text(chinese).blocks():
            for token in block.tokens:
                if token.kind != "han" or len(token.text) != 1:
                    continue
                label = vote(token.text, seen)
                if label is None:
                    continue
                total += 1
                if token.readings[0] == label:
                    agree += 1
                else:
                    disagree[(token.text, token.readings[0], label)].append(f"{chinese} | {english}")
    print(f"single-character polyphones with a silver label: {agree} of {total} agree ({agree / max(total, 1):.1%})")
    counts = Counter({key: len(found) for key, found in disagree.items()})
    for (char, ours, label), count in counts.most_common(show):
        print(f"{count:4}  {char} ours {ours}, translation says {label}:  {disagree[(char, ours, label)][0]}")


if __name__ == "__main__":
    main(int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 30, "--bible" in sys.argv)

"""Which reading of a word CC-CEDICT lists twice (东西 dōngxi "thing" / dōngxī "east and west") is
the usual one, from the English translations of the Tatoeba sentences that contain it.

    python bench/neutral_senses.py            # figures, with two-fold cross-validation
    python bench/neutral_senses.py --write    # also writes annotate/data/neutral_usual.tsv

For each sentence with such a word, the sense whose CC-CEDICT gloss shares more English stems with
the translation gets a vote ("tell" in the translation: 告诉 gàosu "to tell", not gàosù "to press
charges"). The usual reading is the one with more votes; a word with fewer than MIN_VOTES votes
is left out of the table, and the readings decide from the dictionary alone (see
`usual_reading` in annotate/readings.py).
The data is ../shared/data/corpus/tatoeba_cmn_zh.tsv (CC-BY 2.0 FR, tatoeba.org); the table keeps
only words, readings and counts.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TATOEBA = ROOT.parent / "shared" / "data" / "corpus" / "tatoeba_cmn_zh.tsv"
TABLE = ROOT / "annotate" / "data" / "neutral_usual.tsv"
MIN_VOTES = 3

STOP = set("a an the of and or in on at to for with by from as is be sb sth etc cl one's oneself "
           "it its this that up out off".split())


def stems(text: str) -> set[str]:
    text = re.sub(r"CL:\S*|\[[^\]]*\]|\([^)]*\)", " ", text.lower())
    found = set()
    for word in re.findall(r"[a-z]+", text):
        if word in STOP or len(word) < 3:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        found.add(word)
    return found


def glosses(word: str) -> tuple[set[str], set[str]]:
    """English stems of the neutral and of the full reading's senses."""
    from annotate.dictionary import cedict, neutral_tables
    from annotate.syllables import tone_marks

    neutral, full = neutral_tables().pairs[word][:2]
    by_reading: dict[tuple, set[str]] = {}
    for pinyin, _, gloss in cedict()[word]:
        if not pinyin[:1].isupper():
            by_reading.setdefault(tone_marks(pinyin.lower()), set()).update(stems(gloss))
    return by_reading.get(neutral, set()), by_reading.get(full, set())


def votes(rows: list[tuple[str, str]]) -> dict[str, Counter]:
    from annotate.dictionary import neutral_tables

    pairs = neutral_tables().pairs
    stems_of = {}
    counted: dict[str, Counter] = {}
    import rjieba

    for chinese, english in rows:
        tokens = rjieba.cut(chinese)
        for word in pairs:
            # the word as the segmenter's token, or joined with one character (一个故事, 很多东西);
            # never across words (他把手插进口袋里 is 把 + 手)
            if word not in chinese or not any(t == word or (len(t) == len(word) + 1 and word in t) for t in tokens):
                continue
            if word not in stems_of:
                stems_of[word] = glosses(word)
            n_stems, f_stems = stems_of[word]
            seen = stems(english)
            n, f = len(seen & (n_stems - f_stems)), len(seen & (f_stems - n_stems))
            if n != f:
                counted.setdefault(word, Counter())["neutral" if n > f else "full"] += 1
    return counted


def usual(counted: dict[str, Counter]) -> dict[str, str]:
    return {word: c.most_common(1)[0][0] for word, c in counted.items()
            if sum(c.values()) >= MIN_VOTES and c["neutral"] != c["full"]}


def main(write: bool) -> None:
    rows = []
    for line in TATOEBA.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) >= 2:
            rows.append((cells[0], cells[1]))
    # two-fold cross-validation: the table learnt on one half, checked against the other's votes
    agree = total = 0
    for fold in (0, 1):
        learnt = usual(votes([r for i, r in enumerate(rows) if i % 2 == fold]))
        held = votes([r for i, r in enumerate(rows) if i % 2 != fold])
        for word, counter in held.items():
            guess = learnt.get(word, "neutral")
            agree += counter[guess]
            total += sum(counter.values())
    print(f"two-fold: the usual reading learnt on one half is the voted one for {agree} of {total} "
          f"sentences of the other half ({agree / max(total, 1):.1%})")
    table = usual(votes(rows))
    counted = votes(rows)
    for word in sorted(counted, key=lambda w: -sum(counted[w].values())):
        print(word, dict(counted[word]), table.get(word, "(neutral, by default)"))
    if write:
        from annotate.dictionary import neutral_tables

        pairs = neutral_tables().pairs
        lines = ["# word\tusual reading\tvotes for the neutral reading\tvotes for the full one "
                 "(bench/neutral_senses.py, from Tatoeba's translations)"]
        for word in sorted(table):
            reading = pairs[word][0 if table[word] == "neutral" else 1]
            lines.append(f"{word}\t{' '.join(reading)}\t{counted[word]['neutral']}\t{counted[word]['full']}")
        TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {TABLE} ({len(table)} words)")


if __name__ == "__main__":
    main("--write" in sys.argv)

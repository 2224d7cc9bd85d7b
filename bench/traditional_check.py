"""Readings of simplified polyphones checked against the traditional spelling of the same text.

    python bench/traditional_check.py [--show N]

Simplification merged characters that read differently: 發 fā and 髮 fà are both 发, 乾 gān and
幹 gàn both 干, 隻 zhī and 只 zhǐ both 只. 西游记 is in ../shared/data/corpus in simplified
characters and, line by line, in traditional ones (an old Big5 transcription): where the
traditional character says which reading the simplified one has, our reading of the simplified
text is checked against it. The transcription is not always consistent (儘力 for 盡力, 只 for 隻),
and 西游记's vernacular is not today's, so the figure is a check to read, not a score to tune: a
class of misses that recurs is what it is for (红发 fà, 十来只 zhī, 不干我事 gān, 觔斗 dǒu;
bench/RESULTS.md, issue 23).
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "data" / "corpus"

READS = {
    ("只", "隻"): {"zhī"}, ("只", "只"): {"zhǐ"}, ("几", "幾"): {"jǐ", "jī"}, ("几", "几"): {"jī"},
    ("卷", "捲"): {"juǎn"}, ("斗", "鬥"): {"dòu"}, ("斗", "鬬"): {"dòu"}, ("斗", "斗"): {"dǒu"},
    ("仆", "僕"): {"pú"}, ("仆", "仆"): {"pū"}, ("干", "幹"): {"gàn"}, ("干", "乾"): {"gān", "qián"},
    ("干", "干"): {"gān"}, ("发", "發"): {"fā", "fa"}, ("发", "髮"): {"fà", "fa"}, ("尽", "盡"): {"jìn"},
    ("尽", "儘"): {"jǐn"}, ("系", "係"): {"xì"}, ("脏", "臟"): {"zàng"}, ("脏", "髒"): {"zāng"},
    ("了", "瞭"): {"liǎo", "liào"}, ("别", "彆"): {"biè"}, ("借", "藉"): {"jiè", "jí"}, ("当", "噹"): {"dāng"},
    ("须", "鬚"): {"xū"}, ("划", "劃"): {"huà", "huá"}, ("划", "划"): {"huá"},
}
"""(simplified, traditional) → the readings the traditional character allows (发 in 头发 and
打发 has CC-CEDICT's neutral tone)."""


def main(show: int = 15) -> None:
    import annotate

    simplified = (CORPUS / "xiyouji_s.txt").read_text(encoding="utf-8").splitlines()
    traditional = (CORPUS / "xiyouji_t.txt").read_text(encoding="utf-8").splitlines()
    wanted = {s for s, _ in READS}
    right = 0
    wrong: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for line, old in zip(simplified, traditional):
        if len(line) != len(old) or wanted.isdisjoint(line):
            continue
        readings = [r for block in annotate.annotate_text(line).blocks() for token in block.tokens
                    for r in token.readings]
        if len(readings) != len(line):
            continue
        for i, pair in enumerate(zip(line, old)):
            allowed = READS.get(pair)
            if allowed is None:
                continue
            if readings[i] in allowed:
                right += 1
            else:
                wrong[pair + (readings[i],)].append(f"{line[max(0, i - 8):i]}[{line[i]}]{line[i + 1:i + 5]}")
    total = right + sum(map(len, wrong.values()))
    print(f"simplified polyphones whose traditional spelling says the reading: {right} of {total} "
          f"read so ({right / max(total, 1):.1%})")
    for key, count in Counter({k: len(v) for k, v in wrong.items()}).most_common(show):
        simple, old, ours = key
        print(f"{count:4}  {simple} for {old}, read {ours}:  " + " | ".join(wrong[key][:4]))


if __name__ == "__main__":
    main(int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 15)

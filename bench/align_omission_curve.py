"""How many left-out sentences the aligner finds, against how many it calls untranslated
wrongly, as the one-sided beads' prior and the orphan cost move (bench/align_omissions.py's
`en` simulation: one 1-1 bead in 25 loses its English sentence; draws 1–3).

    python bench/align_omission_curve.py

Prints one line per setting. The shipped weights are prior −4.5, orphan 3.
"""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_omissions import chapters, run  # noqa: E402


def main() -> None:
    from annotate.align import Weights

    loaded = chapters()
    base = Weights()
    for prior in (-4.5, -3.5, -2.5, -1.5):
        for orphan in (3.0, 6.0):
            priors = dict(base.priors) | {(1, 0): prior, (0, 1): prior}
            result = run(loaded, dataclasses.replace(base, priors=priors, orphan=orphan), kinds=("en",), seeds=(1, 2, 3))
            en = result["en"]
            print(f"| {prior} | {orphan:g} | {result['clean']['f1']:.3f} | {en['own']}/{en['left_out']} "
                  f"({en['own'] / en['left_out']:.0%}) | {100 * en['false'] / en['left_out']:.0f} | {en['f1']:.3f} |",
                  flush=True)


if __name__ == "__main__":
    main()

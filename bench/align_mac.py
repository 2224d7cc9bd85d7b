"""Alignment accuracy on MAC-Dev: strict and lax F1 with the corpus metric, beside a length-only baseline.

    python bench/align_mac.py
    python bench/align_mac.py --cross    # leave one chapter out: what a held-out chapter would score

The metric (Thompson & Koehn 2019, as Vecalign and Bertalign score MAC): precision and recall
over beads, strict (a bead counts only if it is a gold bead) and lax (it counts if it overlaps a
gold bead on both sides); insertions and deletions count for precision only. Counts are summed
over the six chapters. The sentences are the annotators' (`--segments lines`).
"""
from __future__ import annotations

import ast
import sys
import time
from collections import defaultdict
from pathlib import Path

MAC = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "align" / "mac-dev"


def read_beads(path: Path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    beads = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            left, right = line.split("]:")
            beads.append((tuple(ast.literal_eval(left + "]")), tuple(ast.literal_eval(right))))
    return beads


def _counts(gold, test) -> list[int]:
    """[strict true, strict false, lax true, lax false] positives of `test` against `gold`."""
    gold = {(x, y) for x, y in gold if x or y}
    test = {(x, y) for x, y in test if x or y}
    targets = defaultdict(set)
    for x, y in gold:
        for i in x:
            targets[i].update(y)
    counts = [0, 0, 0, 0]
    for x, y in test:
        if (x, y) in gold:
            counts[0] += 1
            counts[2] += 1
        elif set(y) & {t for i in x for t in targets[i]}:
            counts[1] += 1
            counts[2] += 1
        else:
            counts[1] += 1
            counts[3] += 1
    return counts


def score(pairs) -> dict[str, float]:
    """Strict and lax precision, recall and F1 over (gold, test) pairs of chapters."""
    p, r = [0, 0, 0, 0], [0, 0, 0, 0]
    for gold, test in pairs:
        p = [a + b for a, b in zip(p, _counts(gold, test))]
        r = [a + b for a, b in zip(r, _counts(test, [(x, y) for x, y in gold if x and y]))]
    out = {}
    for name, (t, f) in (("strict", (0, 1)), ("lax", (2, 3))):
        precision = p[t] / ((p[t] + p[f]) or 1)
        recall = r[t] / ((r[t] + r[f]) or 1)
        out[f"{name}_precision"], out[f"{name}_recall"] = precision, recall
        out[f"{name}_f1"] = 2 * precision * recall / ((precision + recall) or 1)
    return out


def run(weights=None, chapters=None, show=True) -> dict[str, float]:
    from annotate.align import align

    pairs = []
    sentences = 0
    start = time.perf_counter()
    for zh in sorted(chapters or MAC.glob("*.zh")):
        source = zh.read_text(encoding="utf-8").splitlines()
        target = zh.with_suffix(".en").read_text(encoding="utf-8").splitlines()
        beads = align(source, target, weights=weights)
        pairs.append((read_beads(zh.with_suffix(".align")), [(b.source, b.target) for b in beads]))
        sentences += len(source) + len(target)
    seconds = time.perf_counter() - start
    result = score(pairs)
    result["sentences_per_second"] = sentences / seconds
    if show:
        print(f"strict F1 {result['strict_f1']:.3f} (P {result['strict_precision']:.3f}, R {result['strict_recall']:.3f}); "
              f"lax F1 {result['lax_f1']:.3f}; {sentences / seconds:.0f} sentences/s")
    return result


MANY = ((1, 2), (2, 1), (2, 2), (1, 3), (2, 3), (3, 2), (3, 1), (1, 4))


def cross_validate() -> None:
    """Leave one chapter out: on the other five, re-tune the priors of the many-sentence beads
    (coordinate descent from the shipped ones, steps of ±0.5 and ±1, two passes) by pooled strict
    F1, and score the sixth with them. The other weights were tuned on all six, so even this
    figure is somewhat optimistic."""
    import dataclasses

    from annotate.align import Weights, align

    chapters = sorted(MAC.glob("*.zh"))
    texts = {c: (c.read_text(encoding="utf-8").splitlines(), c.with_suffix(".en").read_text(encoding="utf-8").splitlines(),
                 read_beads(c.with_suffix(".align"))) for c in chapters}
    memo: dict = {}

    def pairs(chapter, weights):
        key = (chapter, tuple(sorted(weights.priors.items())))
        if key not in memo:
            source, target, gold = texts[chapter]
            memo[key] = [(gold, [(b.source, b.target) for b in align(source, target, weights=weights)])]
        return memo[key]

    def f1(chosen, weights) -> float:
        return score([pair for c in chosen for pair in pairs(c, weights)])["strict_f1"]

    held_out = []
    for chapter in chapters:
        rest = [c for c in chapters if c != chapter]
        weights = Weights()
        current = f1(rest, weights)
        for _ in range(2):
            for kind in MANY:
                for step in (-1.0, -0.5, 0.5, 1.0):
                    trial = dataclasses.replace(weights, priors={**weights.priors, kind: weights.priors[kind] + step})
                    value = f1(rest, trial)
                    if value > current + 1e-9:
                        current, weights = value, trial
        held_out += pairs(chapter, weights)
        moved = {k: v for k, v in weights.priors.items() if v != Weights().priors[k]}
        print(f"  {chapter.stem} held out: priors unlike the shipped {moved}: strict F1 {f1([chapter], weights):.3f}",
              flush=True)
    result = score(held_out)
    print(f"cross-validated: strict F1 {result['strict_f1']:.3f} (P {result['strict_precision']:.3f}, "
          f"R {result['strict_recall']:.3f}); lax F1 {result['lax_f1']:.3f}")


def main(*args: str) -> None:
    from annotate.align import Weights

    if "--cross" in args:
        cross_validate()
        return

    print("length only (Gale-Church, the same priors):", end=" ")
    run(Weights(lexical=0.0, learn=False, background=0.0))
    print("zh-annotate:", end=" ")
    run()
    for chapter in sorted(MAC.glob("*.zh")):
        print(f"  {chapter.stem}:", end=" ")
        run(chapters=[chapter])
    calibration()


def calibration() -> None:
    """How often beads of each confidence band were right (strict), over the six chapters."""
    from annotate.align import align

    bands = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 0.95), (0.95, 1.01)]
    right = {band: [0, 0] for band in bands}
    for zh in sorted(MAC.glob("*.zh")):
        gold = set(read_beads(zh.with_suffix(".align")))
        beads = align(zh.read_text(encoding="utf-8").splitlines(),
                      zh.with_suffix(".en").read_text(encoding="utf-8").splitlines())
        for bead in beads:
            band = next(b for b in bands if b[0] <= bead.confidence < b[1])
            right[band][0] += (bead.source, bead.target) in gold
            right[band][1] += 1
    print("confidence: " + "; ".join(f"{a:.2f}–{min(b, 1):.2f}: {r}/{n} right" for (a, b), (r, n) in right.items()))


if __name__ == "__main__":
    main(*sys.argv[1:])

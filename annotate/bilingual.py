"""A source and its translation, sentence by sentence: the model's `Alignment`.

Analysis only (no I/O, no output format): paragraphs of both sides in, sentences with ids and
the beads that pair them out. Sentences are split here (align.split_chinese, and sentencex
for the translation) or taken as given, one per line (`segments="lines"`); pairs already
aligned (TSV, TMX) become one bead each, untouched by the aligner.
"""
from __future__ import annotations

from .align import Bead, align, split_chinese, split_translation
from .model import Alignment, Link, Sentence

METHOD = ("Aligned by zh-annotate: dynamic programming over beads of up to 4 sentences a side, in a band around "
          "a path first found over chunks of sentences; a bead's score adds a prior for its kind, Gale and "
          "Church's length match, and the cosine between the English stems of the source words' CC-CEDICT "
          "glosses (with numbers, names in pinyin, question and exclamation marks and quotation marks) and the "
          "translation's; paragraph breaks on both sides are anchors. Each link's @cert is the aligner's "
          "confidence.")


def sentences_of(paragraphs: list[str], prefix: str, split, segments: str = "sentences",
                 lines: list[int] | None = None) -> list[Sentence]:
    """The sentences of a side's paragraphs, with ids `prefix`1, 2…; with `segments="lines"`,
    each paragraph is one sentence and its id is its line number (`lines`, 0-based)."""
    found = []
    for number, paragraph in enumerate(paragraphs):
        if segments == "lines":
            index = lines[number] if lines is not None else number
            found.append(Sentence(f"{prefix}{index + 1}", paragraph, 0))  # pre-split text: one paragraph
            continue
        for piece in split(paragraph):
            found.append(Sentence(f"{prefix}{len(found) + 1}", piece, number))
    return found


def make_alignment(source: list[Sentence], target: list[Sentence], language: str, *,
                   fixed: list[Bead] | None = None, name: str = "", source_language: str = "zh-Hans",
                   weights=None) -> Alignment:
    """Align two sides' sentences; `fixed` beads (by 0-based sentence numbers) hold."""
    source_ends = {k for k, s in enumerate(source) if k + 1 == len(source) or source[k + 1].paragraph != s.paragraph}
    target_ends = {k for k, t in enumerate(target) if k + 1 == len(target) or target[k + 1].paragraph != t.paragraph}
    paragraphs = len({s.paragraph for s in source}) > 1 and len({t.paragraph for t in target}) > 1
    beads = align([s.text for s in source], [t.text for t in target],
                  source_ends=source_ends if paragraphs else None, target_ends=target_ends if paragraphs else None,
                  fixed=fixed, weights=weights)
    links = [Link(tuple(source[i].id for i in b.source), tuple(target[j].id for j in b.target), b.confidence,
                  b.fixed) for b in beads]
    return Alignment(language, source, target, links, name=name, method=METHOD, source_language=source_language)


def paired(pairs: list[tuple[str, str]], language: str, name: str = "", source_language: str = "zh-Hans") -> Alignment:
    """Pairs already aligned (a TSV or TMX of sentence pairs): one bead each, as given."""
    source, target, links = [], [], []
    for number, (zh, en) in enumerate(pairs):
        ids = []
        for side, text, prefix in ((source, zh, "s"), (target, en, "t")):
            if text:
                side.append(Sentence(f"{prefix}{len(side) + 1}", text, number))
                ids.append((side[-1].id,))
            else:
                ids.append(())
        links.append(Link(ids[0], ids[1], 1.0, fixed=True))
    return Alignment(language, source, target, links, name=name, source_language=source_language,
                     method="Pairs as given, one bead each (already aligned: a TSV or TMX of sentence pairs).")


def plain(text: str) -> str:
    """A text without its spaces, to compare a sentence with the same sentence re-spaced."""
    return "".join(text.split())


def fixed_from_numbers(beads, source: list[Sentence], target: list[Sentence]) -> tuple[list[Bead], str | None]:
    """Beads by 0-based numbers (or, with `--segments lines`, line numbers: the ids' numbers),
    kept while they name sentences the texts have; the first that does not is the notice."""
    source_at = {int(s.id[1:]) - 1: k for k, s in enumerate(source)}
    target_at = {int(t.id[1:]) - 1: k for k, t in enumerate(target)}
    fixed = []
    for left, right in beads:
        if any(i not in source_at for i in left) or any(j not in target_at for j in right):
            return fixed, (f"the corrected alignment's bead {list(left)}:{list(right)} names a sentence the texts "
                           "no longer have; the beads before it hold, the rest is aligned again")
        fixed.append(Bead(tuple(source_at[i] for i in left), tuple(target_at[j] for j in right), 1.0, fixed=True))
    return fixed, None


def fixed_from_texts(rows: list[tuple[str, str]], source: list[Sentence],
                     target: list[Sentence]) -> tuple[list[Bead], str | None]:
    """Beads from rows of both texts (a corrected TSV, or InterText's links with their
    sentences): each row takes the next sentences whose text is its text (spaces aside). Where a
    text no longer matches, the beads before hold and the notice names the first differing sentence."""
    fixed: list[Bead] = []
    i = j = 0
    for zh, en in rows:
        taken = []
        for side, want, start in ((source, plain(zh), i), (target, plain(en), j)):
            got, k = "", start
            while len(got) < len(want) and k < len(side):
                got += plain(side[k].text)
                k += 1
            if got != want:
                at = side[start] if start < len(side) else None
                which = "source" if side is source else "translation"
                shown = f"{at.id} {at.text.strip()[:60]!r}" if at else "the end of the text"
                return fixed, (f"the {which} no longer matches the corrected alignment at {shown} (the corrected "
                               f"file has {(zh if side is source else en).strip()[:60]!r}); the beads before it "
                               "hold, the rest is aligned again")
            taken.append(tuple(range(start, k)))
        fixed.append(Bead(taken[0], taken[1], 1.0, fixed=True))
        i, j = i + len(taken[0]), j + len(taken[1])
    return fixed, None


__all__ = ["METHOD", "fixed_from_numbers", "fixed_from_texts", "make_alignment", "paired", "sentences_of",
           "split_chinese", "split_translation"]

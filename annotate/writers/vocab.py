"""Vocabulary list: a TSV file Anki imports as it is (term, pinyin, traditional, gloss, level, sentence).

The header lines follow Anki's import directives (`#separator:tab`, `#columns:`), so the
columns map themselves; tabs and line breaks inside a field become spaces.
"""
from __future__ import annotations

from .common import Sink

COLUMNS = ("term", "pinyin", "traditional", "gloss", "level", "sentence")


def _field(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


class VocabSink(Sink):
    """Writes every glossary and dictionary entry the document uses, once the text is through."""

    def finish(self) -> None:
        from ..constants import level_label

        lines = ["#separator:tab", "#html:false", "#columns:" + "\t".join(COLUMNS)]
        for entry in self.document.vocabulary():
            pinyin = entry.written_pinyin or " ".join(r for r in entry.pinyin or () if r)
            level = level_label(entry.level) if self.document.settings.learner else ""
            gloss = entry.gloss + (f" ({entry.note})" if entry.note else "")
            lines.append("\t".join(_field(v) for v in (entry.term, pinyin, entry.traditional, gloss, level, entry.example)))
        self.emit("\n".join(lines) + "\n")

"""Plain constants and labels that readers, analysis and writers may all import.

No analysis and no I/O here: names of standards and data, their credits, and how a level is
written, so that a writer can say what the analysis used without importing the analysis.
"""
from __future__ import annotations

CEDICT_ATTRIBUTION = (
    "Glosses from CC-CEDICT (MDBG, https://www.mdbg.net/chinese/dictionary?page=cc-cedict), "
    "licensed under Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)."
)
CEDICT_LICENCE = "https://creativecommons.org/licenses/by-sa/4.0/"
STANDARDS = {
    "2025": "HSK 3.0, 2025 exam syllabus (新版HSK考试大纲)",
    "2021": "HSK 3.0, 2021 grading standard (GF0025-2021)",
}
"""The HSK word lists a document can be graded by (`--hsk-standard`), and their full names."""
OPENCC_CONFIGS = {"tw": "s2tw.json", "hk": "s2hk.json", "t": "s2t.json"}
"""The OpenCC configuration of each traditional standard (`--variant`)."""


def level_label(level: int | None) -> str:
    """`3`, `7–9` (the band), or `outside HSK`: what follows "HSK " in a label (see level_name)."""
    return "outside HSK" if level is None else ("7–9" if level == 7 else str(level))


def level_name(level: int | None) -> str:
    """`HSK 3`, `HSK 7–9`, or `outside HSK`."""
    return "outside HSK" if level is None else f"HSK {level_label(level)}"

FORMAT_ID = "zh-annotate/1"
"""What a JSON edition says it is (`"format"`): the JSON writer writes it, the JSON reader checks it."""

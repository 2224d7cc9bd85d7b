"""Glossary files: load and validate them, and find their terms in text.

A glossary is a UTF-8 TSV file with a header row. `term` and `gloss` are required;
`pinyin`, `traditional` and `note` are optional. Lines starting with `#` are comments.

A file named `readings.tsv` holds reading overrides instead: `term` and `pinyin` (and an
optional `note` for the editor), no gloss. Each occurrence of the term is read that way,
wherever it falls in the segmentation, and the reading's source is `override`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
import re
import unicodedata
from pathlib import Path

from .chars import ALNUM
from .errors import GlossaryError
from .model import GlossaryEntry
from .syllables import parse_pinyin

COLUMNS = ("term", "gloss", "pinyin", "traditional", "note")
REQUIRED = ("term", "gloss")


class Glossary:
    """Entries by term, and a matcher that finds them leftmost-longest in text."""

    def __init__(self, entries: list[GlossaryEntry] | None = None,
                 readings: dict[str, tuple[str | None, ...]] | None = None) -> None:
        self.entries = list(entries or ())
        self.readings = dict(readings or {})
        """Reading overrides from readings.tsv: term → one syllable per character."""
        self._readings_pattern = re.compile("|".join(
            re.escape(term) for term in sorted(self.readings, key=lambda t: (-len(t), t)))) if self.readings else None
        self._pattern: re.Pattern | None = None
        self._by_term = {entry.term: entry for entry in self.entries}
        self._by_id = {entry.id: entry for entry in self.entries}
        if self.entries:
            # Longest first: at any position the regex takes the first alternative that
            # matches, so this is leftmost-longest. Latin edges must not touch more Latin.
            alternatives = []
            for term in sorted(self._by_term, key=lambda t: (-len(t), t)):
                before = f"(?<![{ALNUM}])" if re.match(f"[{ALNUM}]", term) else ""
                after = f"(?![{ALNUM}])" if re.search(f"[{ALNUM}]$", term) else ""
                alternatives.append(before + re.escape(term) + after)
            self._pattern = re.compile("|".join(alternatives))

    def by_id(self, entry_id: str) -> GlossaryEntry:
        return self._by_id[entry_id]

    def find(self, text: str):
        """Yield (start, end, entry) for each term occurrence, left to right, never overlapping."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            yield match.start(), match.end(), self._by_term[match.group()]

    def find_readings(self, text: str):
        """Yield (start, readings) for each reading override's term in text, leftmost-longest."""
        if self._readings_pattern is None:
            return
        for match in self._readings_pattern.finditer(text):
            yield match.start(), self.readings[match.group()]


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding of `check`: `glossary/x.tsv:12: empty gloss for 数字`."""

    where: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" + (" (warning)" if self.severity == "warning" else "")

    @classmethod
    def of(cls, error: GlossaryError) -> Problem:
        """The problem a GlossaryError reports as `where: message`."""
        return cls(*str(error).split(": ", 1))


def load(paths: list[Path]) -> Glossary:
    """Read glossary files (a directory means every TSV, CSV and TBX file in it), stopping at the
    first problem: a duplicate term, an empty gloss, pinyin that does not fit its term."""
    from .plain import load_pypinyin

    load_pypinyin()  # before the entries' pinyin imports pypinyin: it then gets the cached phrase table
    entries: list[GlossaryEntry] = []
    seen: dict[str, GlossaryEntry] = {}
    ids: set[str] = set()
    readings: dict[str, tuple[str | None, ...]] = {}
    for path in _expand(paths):
        if path.name == READINGS_FILE:
            readings.update(_reading_overrides(path))
            continue
        for row in _rows(path):
            entry = _entry(row.cells, row.where)
            if entry.term in seen:
                raise GlossaryError(
                    f"{entry.source}: duplicate term {entry.term} (first at {seen[entry.term].source})"
                )
            unique = entry.id
            counter = 2
            while unique in ids:
                unique = f"{entry.id}-{counter}"
                counter += 1
            ids.add(unique)
            entry = GlossaryEntry(**{**_fields(entry), "id": unique})
            seen[entry.term] = entry
            entries.append(entry)
    return Glossary(entries, readings)


READINGS_FILE = "readings.tsv"


def _reading_overrides(path: Path) -> dict[str, tuple[str | None, ...]]:
    """readings.tsv: term → pinyin, one override per row (a duplicate term is an error)."""
    found: dict[str, tuple[str | None, ...]] = {}
    for row in _rows(path, required=("term", "pinyin")):
        term = unicodedata.normalize("NFC", row.cells.get("term", ""))
        written = row.cells.get("pinyin", "")
        if not term or not written:
            raise GlossaryError(f"{row.where}: a reading override needs a term and its pinyin")
        if term in found:
            raise GlossaryError(f"{row.where}: duplicate term {term} in {path.name}")
        found[term] = parse_pinyin(written, term, row.where)
    return found


def check(paths: list[Path]) -> list[Problem]:
    """Every problem in the files, not just the first: errors, and traditional forms that
    disagree with OpenCC (a warning: a glossary may know better)."""
    from .variants import CONFIGS, to_traditional

    problems: list[Problem] = []
    seen: dict[str, str] = {}
    try:
        files = _expand(paths)
    except GlossaryError as error:
        return [Problem.of(error)]
    for path in files:
        if path.name == READINGS_FILE:
            try:
                overrides = _reading_overrides(path)
            except GlossaryError as error:
                problems.append(Problem.of(error))
                continue
            rows = {unicodedata.normalize("NFC", row.cells.get("term", "")): row.where
                    for row in _rows(path, required=("term", "pinyin"))}
            for term, pinyin in overrides.items():
                unreadable = _unreadable(term, pinyin)
                if unreadable:
                    problems.append(Problem(rows[term], f"the override of {term} does not fit it: {unreadable}"))
            continue
        try:
            rows = list(_rows(path))
        except GlossaryError as error:
            problems.append(Problem.of(error))
            continue
        for row in rows:
            try:
                entry = _entry(row.cells, row.where)
            except GlossaryError as error:
                problems.append(Problem(row.where, str(error).removeprefix(row.where + ": ")))
                continue
            unreadable = _unreadable(entry.term, entry.pinyin)
            if unreadable:
                problems.append(Problem(row.where, f"pinyin '{entry.written_pinyin}' does not fit {entry.term}: "
                                                   + unreadable))
            if entry.term in seen:
                problems.append(Problem(row.where, f"duplicate term {entry.term} (first at {seen[entry.term]})"))
            seen.setdefault(entry.term, row.where)
            if entry.traditional:
                forms = {to_traditional(entry.term, variant) for variant in CONFIGS}
                if entry.traditional not in forms:
                    problems.append(Problem(row.where, f"traditional form {entry.traditional} differs from OpenCC's "
                                                       f"{' / '.join(sorted(forms))}", "warning"))
    return problems


def _unreadable(term: str, pinyin: tuple[str | None, ...] | None) -> str:
    """The syllables of a term's pinyin that its characters cannot be read as, said in words (empty
    when all fit): a character's readings are pypinyin's (every heteronym), CC-CEDICT's for the
    term, any of them in the neutral tone, and r for 儿. `系统 zhōngguó` passed before, and the
    build put zhōng guó over 系统."""
    from pypinyin.pinyin_dict import pinyin_dict

    from .dictionary import cedict
    from .syllables import numbered, tone_marks

    if not pinyin:
        return ""
    words = [tone_marks(written) for written, _, _ in cedict().get(term, ())]
    found = []
    for k, (char, syllable) in enumerate(zip(term, pinyin)):
        if syllable is None:
            continue
        readings = {r.lower() for r in pinyin_dict.get(ord(char), "").split(",") if r}
        readings |= {word[k].lower() for word in words if len(word) == len(term) and word[k].isalpha()}
        if not readings:
            continue  # a character pypinyin does not know: nothing to check it against
        spoken = syllable.lower()
        bases = {numbered(r)[:-1] for r in readings}
        if spoken in readings or (char == "儿" and spoken == "r") or (numbered(spoken).endswith("5") and
                                                                      numbered(spoken)[:-1] in bases):
            continue
        found.append(f"{char} is never read {syllable} (its readings: {', '.join(sorted(readings))}, or a neutral tone)")
    return "; ".join(found)


def _fields(entry: GlossaryEntry) -> dict:
    return {name: getattr(entry, name) for name in GlossaryEntry.__dataclass_fields__}


SUFFIXES = (".tsv", ".csv", ".tbx")


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise GlossaryError(f"{path}: no such glossary file or directory")
    return files


@dataclass(frozen=True, slots=True)
class Row:
    cells: dict[str, str]
    where: str


def _rows(path: Path, required=REQUIRED):
    """The rows of a glossary file as column → text, each with its `file:line`."""
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".tbx":
        yield from _tbx_rows(data, path)
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise GlossaryError(f"{path}: byte {error.start}: not valid UTF-8; save it as UTF-8") from None
    if suffix == ".csv":
        import csv

        lines = text.splitlines(keepends=True)
        numbered = [(n, line) for n, line in enumerate(lines, start=1)
                    if line.strip() and not line.lstrip().startswith("#")]
        reader = csv.reader([line for _, line in numbered])
        records = [(numbered[i][0], [c.strip() for c in cells]) for i, cells in enumerate(reader)]
    else:
        records = [(n, [c.strip() for c in line.split("\t")])
                   for n, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1)
                   if line.strip() and not line.lstrip().startswith("#")]
    if not records:
        return
    number, header = records[0]
    header = [cell.lower() for cell in header]
    where = f"{path}:{number}"
    for name in required:
        if name not in header:
            raise GlossaryError(f"{where}: header has no '{name}' column (columns: {', '.join(COLUMNS)})")
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise GlossaryError(f"{where}: unknown column '{unknown[0]}' (columns: {', '.join(COLUMNS)})")
    for number, cells in records[1:]:
        where = f"{path}:{number}"
        if len(cells) > len(header):
            raise GlossaryError(f"{where}: {len(cells)} cells but the header has {len(header)} columns")
        yield Row(dict(zip(header, cells + [""] * (len(header) - len(cells)))), where)


TBX_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tbx_rows(data: bytes, path: Path):
    """TBX-Basic (ISO 30042, 2008 or 2019 names): one row per concept entry. The Chinese term is the zh / zh-Hans /
    zh-CN langSet's term; zh-Hant / zh-TW / zh-HK gives the traditional form, zh-Latn-pinyin
    (or a `pronunciation` termNote) the pinyin, the English terms the gloss, and a definition
    or note the note."""
    from lxml import etree

    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise GlossaryError(f"{path}:{error.lineno}: not well-formed TBX: {error.msg}") from None
    # TBX 2008 says termEntry/langSet/tig; ISO 30042:2019 says conceptEntry/langSec/termSec.
    for entry in root.iter("{*}termEntry", "termEntry", "{*}conceptEntry", "conceptEntry"):
        cells = {"term": "", "gloss": "", "pinyin": "", "traditional": "", "note": ""}
        glosses, notes = [], []
        for lang_set in entry.iter("{*}langSet", "langSet", "{*}langSec", "langSec"):
            lang = (lang_set.get(TBX_LANG) or lang_set.get("lang") or "").lower()
            terms = ["".join(t.itertext()).strip() for t in lang_set.iter("{*}term", "term")]
            if lang in ("zh", "zh-hans", "zh-cn", "zh-sg", "cmn", "cmn-hans") and terms:
                cells["term"] = terms[0]
                for note in lang_set.iter("{*}termNote", "termNote"):
                    if note.get("type") == "pronunciation":
                        cells["pinyin"] = "".join(note.itertext()).strip()
            elif lang in ("zh-hant", "zh-tw", "zh-hk", "zh-mo", "cmn-hant") and terms:
                cells["traditional"] = terms[0]
            elif lang in ("zh-latn-pinyin", "zh-latn") and terms:
                cells["pinyin"] = terms[0]
            elif lang.startswith("en"):
                glosses.extend(terms)
                notes.extend("".join(d.itertext()).strip() for d in lang_set.iter("{*}descrip", "descrip")
                             if d.get("type") == "definition")
        notes.extend("".join(n.itertext()).strip() for n in entry.iterchildren("{*}note", "note"))
        cells["gloss"] = "; ".join(g for g in glosses if g)
        cells["note"] = " ".join(n for n in notes if n)
        yield Row(cells, f"{path}:{entry.sourceline}")


def _entry(row: dict[str, str], where: str) -> GlossaryEntry:
    term = unicodedata.normalize("NFC", row["term"])
    if not term:
        raise GlossaryError(f"{where}: empty term")
    if not row["gloss"]:
        raise GlossaryError(f"{where}: empty gloss for {term}")
    written = row.get("pinyin") or None
    pinyin = parse_pinyin(written, term, where) if written else None
    traditional = row.get("traditional") or None
    if traditional is not None and len(traditional) != len(term):
        raise GlossaryError(
            f"{where}: traditional form {traditional} has {len(traditional)} characters, term {term} has {len(term)}"
        )
    if traditional == term:
        traditional = None
    return GlossaryEntry(
        id=_make_id(term, written),
        term=term,
        gloss=row["gloss"],
        pinyin=pinyin,
        written_pinyin=unicodedata.normalize("NFC", written) if written else None,
        traditional=traditional,
        note=row.get("note") or None,
        source=where,
    )


def _make_id(term: str, written_pinyin: str | None) -> str:
    """gl- and the pinyin without tones (数字经济 → gl-shuzi-jingji), else a hash of the term."""
    latin = written_pinyin or term
    ascii_text = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if not slug or len(slug) < len(latin) // 3:
        slug = hashlib.sha1(term.encode()).hexdigest()[:8]
    return f"gl-{slug}"

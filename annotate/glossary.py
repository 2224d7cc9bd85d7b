"""Glossary files: load and validate them, and find their terms in text.

A glossary is a UTF-8 TSV file with a header row. `term` and `gloss` are required;
`pinyin`, `traditional` and `note` are optional. Lines starting with `#` are comments.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .chars import ALNUM, LATIN_RUN, is_han
from .errors import GlossaryError
from .model import GlossaryEntry

COLUMNS = ("term", "gloss", "pinyin", "traditional", "note")
REQUIRED = ("term", "gloss")
SEPARATORS = re.compile(r"[\s'’\-·]+")
NUMBERED_SYLLABLE = re.compile(r"([a-zü:v]+)([0-5])")


class Glossary:
    """Entries by term, and a matcher that finds them leftmost-longest in text."""

    def __init__(self, entries: list[GlossaryEntry] | None = None) -> None:
        self.entries = list(entries or ())
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


def load(paths: list[Path]) -> Glossary:
    """Read glossary files (a directory means every `*.tsv` in it), rejecting duplicates."""
    entries: list[GlossaryEntry] = []
    seen: dict[str, GlossaryEntry] = {}
    ids: set[str] = set()
    for path in _expand(paths):
        for entry in _read_file(path):
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
    return Glossary(entries)


def _fields(entry: GlossaryEntry) -> dict:
    return {name: getattr(entry, name) for name in GlossaryEntry.__dataclass_fields__}


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.tsv")))
        elif path.is_file():
            files.append(path)
        else:
            raise GlossaryError(f"{path}: no such glossary file or directory")
    return files


def _read_file(path: Path) -> list[GlossaryEntry]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise GlossaryError(f"{path}: byte {error.start}: not valid UTF-8; save it as UTF-8") from None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header: list[str] | None = None
    entries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        where = f"{path}:{number}"
        if header is None:
            header = [cell.lower() for cell in cells]
            for name in REQUIRED:
                if name not in header:
                    raise GlossaryError(f"{where}: header has no '{name}' column (columns: {', '.join(COLUMNS)})")
            unknown = [name for name in header if name not in COLUMNS]
            if unknown:
                raise GlossaryError(f"{where}: unknown column '{unknown[0]}' (columns: {', '.join(COLUMNS)})")
            continue
        if len(cells) > len(header):
            raise GlossaryError(f"{where}: {len(cells)} cells but the header has {len(header)} columns")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        entries.append(_entry(row, where))
    return entries


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


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows, with ü as v, plus erhua `r`."""
    from pypinyin.constants import PINYIN_DICT

    found = {"r"}
    for value in PINYIN_DICT.values():
        for syllable in value.split(","):
            found.add(toneless(syllable))
    return frozenset(found)


def toneless(syllable: str) -> str:
    """lǜ → lv, zhōng → zhong: one output character per input character."""
    out = []
    for char in unicodedata.normalize("NFC", syllable.lower()):
        base = unicodedata.normalize("NFD", char)
        out.append("v" if char in "üǖǘǚǜ" else base[0])
    return "".join(out)


def parse_pinyin(written: str, term: str, where: str) -> tuple[str | None, ...]:
    """Glossary pinyin → one syllable per character of `term` (None for non-Han characters).

    Accepts tone marks or numbers, syllables joined (shùzì) or separated by spaces,
    apostrophes or hyphens (Xī'ān): 数字经济 + "shùzì jīngjì" → (shù, zì, jīng, jì).
    """
    from pypinyin.contrib.tone_convert import to_tone

    found: list[str] = []
    latin_in_term = {run.lower() for run in LATIN_RUN.findall(term)}
    for chunk in SEPARATORS.split(unicodedata.normalize("NFC", written).strip()):
        lower = chunk.lower()
        if not chunk or lower in latin_in_term:  # C端 → "C duān": the letter stands for itself
            continue
        if any(c.isdigit() for c in lower):
            pieces = NUMBERED_SYLLABLE.findall(lower.replace("u:", "ü"))
            if "".join(a + b for a, b in pieces) != lower.replace("u:", "ü"):
                raise GlossaryError(f"{where}: cannot read pinyin '{written}' (mixes numbers and letters oddly)")
            found.extend(to_tone(a.replace("v", "ü") + b) for a, b in pieces)
        else:
            split = _split_syllables(lower)
            if split is None:
                raise GlossaryError(f"{where}: '{chunk}' in pinyin '{written}' is not pinyin")
            found.extend(split)
    han = [c for c in term if is_han(c)]
    if len(found) != len(han):
        raise GlossaryError(
            f"{where}: pinyin '{written}' has {len(found)} syllables but {term} has {len(han)} Han characters"
        )
    syllable_iter = iter(found)
    return tuple(unicodedata.normalize("NFC", next(syllable_iter).lower()) if is_han(c) else None for c in term)


def _split_syllables(chunk: str) -> list[str] | None:
    """Split joined pinyin (shùzì) into syllables, preferring the longest first syllable."""
    plain = toneless(chunk)
    known = syllables()

    @lru_cache(maxsize=None)
    def split_from(i: int) -> tuple[int, ...] | None:
        if i == len(plain):
            return ()
        for j in range(min(len(plain), i + 6), i, -1):
            if plain[i:j] in known:
                rest = split_from(j)
                if rest is not None:
                    return (j, *rest)
        return None

    ends = split_from(0)
    if ends is None:
        return None
    pieces, start = [], 0
    for end in ends:
        pieces.append(chunk[start:end])
        start = end
    return pieces

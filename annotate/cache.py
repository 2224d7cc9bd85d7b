"""Tables made once and kept on disk: where the cache of a table made from a file lives, and
how a table is read from it or built and written there. The dictionary's tables (CC-CEDICT's)
and pypinyin's phrase table (plain) both keep theirs here."""
from __future__ import annotations

import marshal
import os
from pathlib import Path


def cache_path(source: Path, kind: str) -> Path:
    """The cache file of a table made from `source`, named by its kind and the file's size and time."""
    try:
        home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except (RuntimeError, KeyError):  # no home directory to be found: the cache goes to the temporary folder
        import tempfile

        home = Path(tempfile.gettempdir())
    base = home / "zh-annotate"
    stat = source.stat()
    return base / f"{kind}-{stat.st_size}-{int(stat.st_mtime)}-{marshal.version}.marshal"


def marshal_cached(cache: Path, build):
    """What `build()` returns, kept as a marshal file at `cache`: read from there when it can
    be, else built and written there (atomically; a cache that cannot be written, in a
    read-only home or on a full disk, only costs the time to build it again). None is not kept."""
    try:
        return marshal.loads(cache.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    if value is None:
        return None
    try:  # a cache is an optimisation: a read-only home must not stop the run
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_suffix(f".tmp{os.getpid()}")
        temporary.write_bytes(marshal.dumps(value))
        os.replace(temporary, cache)
    except OSError:
        pass
    return value

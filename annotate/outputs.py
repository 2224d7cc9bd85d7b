"""The output folder: what each output was made from (the manifest, so an unchanged input is
skipped next time), one run at a time (the lock), and files that are whole or absent (written
to a temporary name and renamed; a killed run's temporary files swept)."""
from __future__ import annotations

import hashlib
import json
import os
import time
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Callable

from .version import __version__

MANIFEST = ".annotate-manifest.json"
TEMPORARY = ".annotate-tmp-"


def _code_digest() -> str:
    """The package's own files: a finer version than the version string (an editable install)."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".css", ".js", ".json"):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def fingerprint(options, glossary_paths: tuple[str, ...]) -> str:
    """What, besides an input's content, decides its outputs: the options (batch.Options), the
    glossary, the tool and its code."""
    digest = hashlib.sha256()
    digest.update(json.dumps([__version__, _code_digest(), asdict(options)], sort_keys=True).encode())
    from .glossary import _expand

    for path in _expand([Path(p) for p in glossary_paths]) if glossary_paths else []:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def file_key(path: str, settings_key: str, *others: str | None) -> str:
    """The input's content (and its translation's and corrected alignment's) with the settings."""
    digest = hashlib.sha256(settings_key.encode())
    for name in (path, *others):
        digest.update(b"\0" + (name or "").encode() + b"\0")
        if name is None:
            continue
        with open(name, "rb") as file:
            while chunk := file.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


class Manifest:
    """`--out/.annotate-manifest.json`: for each input (a planning.Job), the key of its last
    successful outputs (a batch.Result)."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.path = out_dir / MANIFEST
        self.files: dict[str, dict] = {}
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self.files = data.get("files", {}) if data.get("manifest") == 1 else {}
            except (ValueError, OSError):
                self.files = {}  # unreadable: everything is redone, which is always safe
        self.dirty = False
        self.saved = 0.0

    def is_current(self, job, key: str) -> bool:
        entry = self.files.get(job.relative)
        return bool(entry and entry.get("key") == key and all((self.out_dir / p).exists() for p in entry.get("outputs", [])))

    def outputs(self, job) -> list[str]:
        return [str(self.out_dir / p) for p in self.files[job.relative]["outputs"]]

    def record(self, result) -> None:
        if result.status == "written":
            outputs = [Path(p).relative_to(self.out_dir).as_posix() for p in result.outputs]
            self.files[result.relative] = {"key": result.key, "outputs": outputs}
        else:
            self.files.pop(result.relative, None)
        self.dirty = True

    def save(self, force: bool = False) -> None:
        """Write atomically; at most once a second while running, always at the end."""
        if not self.dirty or (not force and time.monotonic() - self.saved < 1.0):
            return
        data = json.dumps({"manifest": 1, "tool": f"zh-annotate {__version__}", "files": self.files},
                          ensure_ascii=False, indent=1, sort_keys=True)
        write_atomic(self.path, data.encode("utf-8"))
        self.dirty, self.saved = False, time.monotonic()


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}{TEMPORARY}{os.getpid()}")
    try:
        temporary.write_bytes(data)
        os.chmod(temporary, 0o666 & ~umask())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def sweep(out_dir: Path) -> None:
    """Remove temporary files a killed run left behind (only ours: `.…annotate-tmp-PID`)."""
    if out_dir.is_dir():
        for path in out_dir.rglob(f".*{TEMPORARY}*"):
            path.unlink(missing_ok=True)


LOCK = ".annotate-lock"
"""In `--out`: held by the run writing there (its process id inside), so two runs into one folder
take turns instead of sweeping each other's temporary files and losing manifest entries."""


@contextmanager
def locked(out_dir: Path, waiting: Callable[[str], None] | None = None):
    """Hold `out_dir`'s lock; if another run holds it, say so through `waiting` and wait for it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / LOCK, "a+", encoding="utf-8") as handle:
        if not _lock(handle, block=False):
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            if waiting is not None:
                waiting(f"{out_dir}: another run ({holder}) is writing here; waiting for it to finish")
            _lock(handle, block=True)
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            _unlock(handle)


def _lock(handle, block: bool) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        while True:
            try:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                if not block:
                    return False
                time.sleep(0.2)
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if block else fcntl.LOCK_NB))
        return True
    except BlockingIOError:
        return False


def _unlock(handle) -> None:
    try:
        import fcntl
    except ImportError:
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

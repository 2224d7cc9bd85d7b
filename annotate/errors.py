"""Errors the library raises; the CLI maps each to one line on stderr and an exit code."""
from __future__ import annotations


class AnnotateError(Exception):
    """Base class: a problem the user can fix, with a one-line message."""

    exit_code = 1


class InputError(AnnotateError):
    """The source cannot be read: missing file, undecodable bytes, characters XML cannot hold."""

    exit_code = 3


class GlossaryError(AnnotateError):
    """A glossary file is malformed: `glossary/x.tsv:12: missing gloss`."""

    exit_code = 4


class InvariantError(AnnotateError):
    """A dependency broke a promise we rely on (e.g. OpenCC changed a text's length)."""

    exit_code = 70


class BookError(InputError):
    """An e-book that cannot be annotated: not a zip, no package document, DRM, a path out of the
    book, a chapter that is not well-formed. Exit code 1, as for any file that fails in a run."""

    exit_code = 1

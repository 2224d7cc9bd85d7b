"""The output formats, each a function Document → bytes, by name."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    suffix: str
    """File name ending after the stem: `.tei.xml`."""
    media_type: str
    load: Callable[[], Callable]


def _tei():
    from .tei import write_tei

    return write_tei


def _html():
    from .html import write_page

    return write_page


def _fragment():
    from .html import write_fragment

    return write_fragment


def _json():
    from .json import write_json

    return write_json


FORMATS = {
    "tei": Format("tei", ".tei.xml", "application/tei+xml", _tei),
    "html": Format("html", ".html", "text/html", _html),
    "html-fragment": Format("html-fragment", ".fragment.html", "text/html", _fragment),
    "json": Format("json", ".json", "application/json", _json),
}


def write(document, format: str, **options) -> bytes:
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r} (choose from {', '.join(FORMATS)})")
    return FORMATS[format].load()(document, **options)

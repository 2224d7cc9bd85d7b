"""Language tags are data from an input (a TMX's `xml:lang`, a TEI's, a JSON's, `--language`):
checked against the well-formed syntax of BCP 47 (RFC 5646, section 2.1) before they name a
file or go into markup, so that `en/../../x` or `en" onload="…` can never be either."""
from __future__ import annotations

import re

from .errors import InputError

_LANGTAG = (r"[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8}")  # language, with up to three extlangs
_TAG = re.compile(
    rf"(?:{_LANGTAG})"
    r"(?:-[A-Za-z]{4})?"                                   # script
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"                       # region
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"      # variants
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"       # extensions
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"                    # private use
    r"|[Xx](?:-[A-Za-z0-9]{1,8})+"                          # a private-use tag alone
    r"|i-[A-Za-z]{3,8}"                                     # grandfathered irregular ones (i-klingon …)
)


def is_language_tag(value: str) -> bool:
    """Whether `value` is a well-formed BCP 47 tag (`en`, `zh-Hant-TW`, `sr-Latn-RS`, `x-klingon`)."""
    return len(value) <= 64 and _TAG.fullmatch(value) is not None


def language_tag(value: str, where: str) -> str:
    """`value` if it is a well-formed BCP 47 tag, else one line naming where it came from."""
    if not is_language_tag(value):
        raise InputError(f"{where}: {value[:40]!r} is not a language tag (BCP 47: en, de, zh-Hant, en-GB)")
    return value

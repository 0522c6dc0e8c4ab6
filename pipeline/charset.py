"""Bytes of a page to text, the way browsers do it.

Order of authority: a byte-order mark, then the charset the server declared, then a
``<meta charset>``/``http-equiv`` or XML declaration in the first bytes, then UTF-8 when the
bytes are valid UTF-8, and finally windows-1252, the web's default for undeclared pages
(which also reads Latin-1 text correctly). Labels are read as the WHATWG Encoding standard
reads them: ``iso-8859-1`` and ``ascii`` mean windows-1252.
"""

from __future__ import annotations

import codecs
import re

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
# WHATWG: these labels are decoded as windows-1252, a superset of their printable characters.
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "cp819", "iso_8859-1"}
_FALLBACK = "cp1252"


def normalise_charset(label: str | None) -> str | None:
    """A Python codec name for a charset label; None when the label names no known codec.

    >>> normalise_charset("ISO-8859-1"), normalise_charset("utf8"), normalise_charset("x-nonsense")
    ('cp1252', 'utf-8', None)
    """
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_LABELS:
        return _FALLBACK
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_in_markup(raw: bytes) -> str | None:
    """The charset a ``<meta>`` tag or XML declaration names near the start of the page."""
    match = _META_CHARSET.search(raw[:_PRESCAN_BYTES])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", errors="ignore")
    codec = normalise_charset(label)
    # A page that is served as bytes cannot really be UTF-16 if its meta tag is readable ASCII.
    return "utf-8" if codec in ("utf-16", "utf-16-le", "utf-16-be") else codec


def decode_html(raw: bytes, declared: str | None = None) -> str:
    """Decode a page; see the module docstring for the order of authority.

    >>> decode_html("<p>café</p>".encode("cp1252"))
    '<p>café</p>'
    >>> decode_html('<meta charset="koi8-r"><p>\\xd0\\xd2\\xc9\\xd7\\xc5\\xd4</p>'.encode("latin-1"))[-13:]
    '<p>привет</p>'
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace")
    for codec in (normalise_charset(declared), declared_in_markup(raw)):
        if codec:
            return raw.decode(codec, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode(_FALLBACK, errors="replace")

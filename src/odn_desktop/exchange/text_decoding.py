"""Bytes of a text export to ``str``: BOM first, then strict UTF-8, then Windows-1252.

Files reach the coordinator from Excel on German Windows machines (Windows-1252 or UTF-8 with BOM), from web
forms (UTF-8) and from Microsoft Teams (UTF-16 with BOM). A byte-order mark decides; without one, a file that
is valid UTF-8 is UTF-8 (Windows-1252 text with umlauts is practically never valid UTF-8), and everything else
is read as Windows-1252. Binary data (an image, a PDF, an old ``.xls``) is refused with a German message.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from odn_desktop.domain.errors import UserError

NOT_TEXT = "Die Datei ist keine CSV- oder Excel-Datei."

# longest first: the UTF-32 LE mark starts with the UTF-16 LE one
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_LABELS = {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16", "utf-32-le": "utf-32",
               "utf-32-be": "utf-32"}
# control characters that never occur in a text export (tab, line feed, carriage return, form feed are fine;
# \x1a is the old DOS end-of-file marker some tools still append)
_CONTROL = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\x1a") | {"\x7f"}


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-32"


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a mark: nearly every second byte is NUL (ASCII text); the side says the byte order."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    half = len(sample) // 2
    odd_nuls = sample[1::2].count(0)
    even_nuls = sample[0::2].count(0)
    if odd_nuls > 0.7 * half and even_nuls < 0.1 * half:
        return "utf-16-le"
    if even_nuls > 0.7 * half and odd_nuls < 0.1 * half:
        return "utf-16-be"
    return None


def _check_text(text: str) -> str:
    sample = text[:8192]
    if "\x00" in text or (sample and sum(c in _CONTROL for c in sample) > max(2, len(sample) // 100)):
        raise UserError(NOT_TEXT)
    return text


def decode_bytes(data: bytes) -> DecodedText:
    """The text of ``data`` and the encoding it was read with; ``UserError`` for binary data."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise UserError(NOT_TEXT) from None
            return DecodedText(_check_text(text.lstrip("\ufeff")), _BOM_LABELS[codec])
    codec16 = _utf16_without_bom(data)
    if codec16 is not None:
        try:
            return DecodedText(_check_text(data.decode(codec16)), "utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return DecodedText(_check_text(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # strict: the five bytes Windows-1252 leaves undefined do not occur in text Excel wrote
        return DecodedText(_check_text(data.decode("cp1252")), "cp1252")
    except UnicodeDecodeError:
        raise UserError(NOT_TEXT) from None

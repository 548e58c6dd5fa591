"""The text of a PDF string or name, whatever bytes its producer wrote: the one decoder the reader, the
writers and the verifier use.

PDF strings are PDFDocEncoding or UTF-16BE with a BOM (UTF-8 with a BOM since PDF 2.0), and names are
bytes that are "usually" UTF-8. Chinese-locale producers write both in GBK: a font named 宋体 is the
name `/#CB#CE#CC#E5`, a document title is GBK bytes in a literal string. `str()` of such a pikepdf name
raises UnicodeDecodeError, and `str()` of such a string is PDFDocEncoding mojibake (ËÎÌå) that no
value matches. Order tried: BOMs, strict UTF-8 (a GBK byte pair is almost never valid UTF-8), strict
GB18030 when every non-ASCII character came from a pair of high bytes (as GB2312 hanzi do; accented
Latin in PDFDocEncoding has lone high bytes), PDFDocEncoding, Latin-1 for anything else. Never raises.
"""

from __future__ import annotations

import re

import pikepdf
import pikepdf.codec  # registers the "pdfdoc" codec

_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_HIGH_PAIRS = re.compile(rb"(?:[\x81-\xfe][\x80-\xfe])+")


def decode_bytes(raw: bytes) -> str:
    """The text of a PDF string's or name's bytes (see the module docstring for the order tried)."""
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    if raw.startswith(b"\xff\xfe"):
        return raw[2:].decode("utf-16-le", "replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    if raw.isascii():
        return raw.decode("ascii")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _gbk_like(raw):
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("pdfdoc")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _gbk_like(raw: bytes) -> bool:
    """Every byte >= 0x80 is part of a (lead, trail) pair of high bytes."""
    return all(not 0x80 <= b for b in _HIGH_PAIRS.sub(b"", raw))


def name_bytes(name: object) -> bytes:
    """A name's bytes without the leading slash, `#xx` escapes undone."""
    raw = name.unparse()  # type: ignore[attr-defined]
    if raw.startswith(b"/"):
        raw = raw[1:]
    return _NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)


def text_of(obj: object) -> str:
    """The text of a pikepdf String or Name (a name keeps its slash), of bytes, or of a str; "" for None
    and for other objects."""
    if obj is None:
        return ""
    if isinstance(obj, str):
        return obj
    if isinstance(obj, (bytes, bytearray)):
        return decode_bytes(bytes(obj))
    if isinstance(obj, pikepdf.String):
        return decode_bytes(bytes(obj))
    if isinstance(obj, pikepdf.Name):
        return "/" + decode_bytes(name_bytes(obj))
    return ""


def key_text(key: str) -> str:
    """A dictionary key as pikepdf lists it (non-UTF-8 bytes surrogate-escaped) as printable text."""
    try:
        key.encode("utf-8")
        return key
    except UnicodeEncodeError:
        return decode_bytes(key.encode("utf-8", "surrogateescape"))


_REGULAR = frozenset(range(0x21, 0x7F)) - frozenset(b"()<>[]{}/%#")


def key_object(key: str) -> pikepdf.Object:
    """The name object of a dictionary key as pikepdf lists it, for setting a value under a key whose
    bytes are not UTF-8 (pikepdf's own `d[key] = …` and `d.get(key)` refuse such a str)."""
    raw = key.encode("utf-8", "surrogateescape")
    if raw.startswith(b"/"):
        raw = raw[1:]
    return pikepdf.Object.parse(b"/" + b"".join(bytes([b]) if b in _REGULAR else b"#%02X" % b for b in raw))

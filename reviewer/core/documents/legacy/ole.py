"""Text a Word 97 / WPS binary holds that LibreOffice's docx does not show, read with olefile.

- The summary information streams (title, subject, author, keywords, comments, last saved by,
  company, manager): LibreOffice keeps some of them as docx properties and drops others.
- The document text as Word's piece table describes it (the FIB's CLX in the table stream): every
  story's text, including pieces LibreOffice leaves out. Paragraphs of it that are not in the
  converted text are returned, so detection sees them.
- In a fast-saved file (FIB fComplex), bytes of the WordDocument stream no piece points to can
  still hold the text of earlier saves: UTF-16 runs of readable text there are returned, labelled
  as possible fast-save fragments.
Nothing here is written back: the export is the docx, and it does not hold these bytes.
"""

from __future__ import annotations

import io
import re
import struct
from dataclasses import dataclass

import olefile

_SUMMARY_FIELDS = ("title", "subject", "author", "keywords", "comments", "last_saved_by", "company", "manager",
                   "category")
_FIELD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_READABLE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef0-9A-Za-z@.,:;()\-_/ ]{6,}")
MAX_STREAM = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class HiddenText:
    where: str  # "SummaryInformation author", "piece table", "fast-save fragment at 0x1200"
    text: str


def summary(ole: olefile.OleFileIO) -> list[HiddenText]:
    meta = ole.get_metadata()
    out = []
    for name in _SUMMARY_FIELDS:
        value = getattr(meta, name, None)
        if isinstance(value, bytes):
            value = _decode_ansi(value)
        if isinstance(value, str) and value.strip():
            out.append(HiddenText(f"summary information {name}", value.strip()))
    return out


def _decode_ansi(value: bytes) -> str:
    value = value.rstrip(b"\x00")
    for enc in ("utf-8", "gb18030", "cp1252"):
        try:
            return value.decode(enc)
        except UnicodeDecodeError:
            continue
    return value.decode("latin-1")


def _stream(ole: olefile.OleFileIO, name: str) -> bytes | None:
    if not ole.exists(name) or ole.get_size(name) > MAX_STREAM:
        return None
    return ole.openstream(name).read()


def piece_text(word: bytes, table: bytes) -> tuple[str, list[tuple[int, int]]]:
    """The text Word's piece table describes, and the byte ranges of the WordDocument stream it uses."""
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x01A2)
    clx = table[fc_clx:fc_clx + lcb_clx]
    i = 0
    while i < len(clx) and clx[i] == 0x01:  # Prc: property modifiers, skipped
        i += 3 + struct.unpack_from("<H", clx, i + 1)[0]
    if i >= len(clx) or clx[i] != 0x02:
        return "", []
    lcb = struct.unpack_from("<I", clx, i + 1)[0]
    plc = clx[i + 5:i + 5 + lcb]
    n = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    parts, ranges = [], []
    for k in range(n):
        fc_raw = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)[0]
        count = max(cps[k + 1] - cps[k], 0)
        if fc_raw & 0x40000000:  # compressed: one byte per character, ANSI
            start = (fc_raw & 0x3FFFFFFF) // 2
            chunk = word[start:start + count]
            parts.append(chunk.decode("cp1252", "replace"))
            ranges.append((start, start + count))
        else:
            start = fc_raw & 0x3FFFFFFF
            chunk = word[start:start + 2 * count]
            parts.append(chunk.decode("utf-16-le", "replace"))
            ranges.append((start, start + 2 * count))
    return "".join(parts), ranges


class Unreadable(Exception):
    """olefile could not read the streams (a damaged or fuzzed file LibreOffice still opened)."""


def encrypted(data: bytes) -> bool:
    """The Word FIB's fEncrypted flag (a password to open: RC4 or CryptoAPI)."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as f:
            word = f.openstream("WordDocument").read(0x20) if f.exists("WordDocument") else b""
    except Exception:  # noqa: BLE001 - olefile raises many types on damaged files; LibreOffice decides then
        return False
    return len(word) >= 0x0C and bool(struct.unpack_from("<H", word, 0x0A)[0] & 0x0100)


def hidden_text(data: bytes, shown: str) -> list[HiddenText]:
    """What the OLE file holds that `shown` (the converted document's text) does not."""
    try:
        return _hidden_text(data, shown)
    except Exception as exc:  # noqa: BLE001 - olefile and struct raise many types on damaged files
        raise Unreadable(f"{type(exc).__name__}") from exc


def _hidden_text(data: bytes, shown: str) -> list[HiddenText]:
    if not data.startswith(b"\xd0\xcf\x11\xe0"):
        return []  # Word 2.0: no OLE streams
    ole = olefile.OleFileIO(io.BytesIO(data))
    seen = _squash(shown)
    with ole:
        out = [h for h in summary(ole) if _squash(h.text) not in seen]
        word = _stream(ole, "WordDocument")
        if word is None or len(word) < 0x01AA:
            return out
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        table = _stream(ole, "1Table" if flags & 0x0200 else "0Table")
        if table is None:
            return out
        text, ranges = piece_text(word, table)
        text = re.sub(r"\x13[^\x13\x14\x15]*\x14", "", text)  # field instructions: read as hyperlinks and fields
        for paragraph in re.split(r"[\r\x07\x0c]", text):
            clean = _FIELD_CHARS.sub("", paragraph).strip()
            if len(clean) >= 2 and _squash(clean) not in seen:
                out.append(HiddenText("Word text not in the conversion", clean))
        if flags & 0x0004:  # fComplex: fast-saved
            out += _fragments(word, ranges, seen)
    return out


def _fragments(word: bytes, ranges: list[tuple[int, int]], seen: str) -> list[HiddenText]:
    free = bytearray(word)
    for start, end in ranges + [(0, 0x200)]:  # the pieces, and the FIB
        end = min(end, len(free))
        if start < end:
            free[start:end] = bytes(end - start)
    out = []
    for parity in (0, 1):
        text = free[parity:len(free) - ((len(free) - parity) % 2)].decode("utf-16-le", "replace")
        for m in _READABLE.finditer(text):
            value = m.group().strip()
            if any("\u4e00" <= c <= "\u9fff" for c in value) and _squash(value) not in seen:
                out.append(HiddenText(f"possible fast-save fragment at byte {parity + 2 * m.start():#x}", value))
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)

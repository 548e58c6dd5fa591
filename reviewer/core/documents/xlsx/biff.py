"""The parts of an Excel 97-2003 (BIFF8) Workbook stream that calamine does not report.

calamine gives the cell values, sheet names, their visibility and merged ranges. This walks the record
stream (2-byte type, 2-byte length) for what else a roster may hide: hidden rows (ROW fDyZero) and
columns (COLINFO fHidden, also the column widths the exported xlsx keeps), headers and footers, cell
comments (NOTE: its author; OBJ + TXO + CONTINUE: its text) and defined names (NAME: the name, and a
string constant when that is the whole formula). Not read: text boxes and charts (drawing records),
formulas' string operands, data-validation prompts, pivot caches (SXDB streams), VBA. A FILEPASS record
means the workbook is encrypted.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

BOF, EOF, BOUNDSHEET, FILEPASS, NAME = 0x0809, 0x000A, 0x0085, 0x002F, 0x0018
ROW, COLINFO, HEADER, FOOTER, NOTE, OBJ, TXO, CONTINUE = (
    0x0208,
    0x007D,
    0x0014,
    0x0015,
    0x001C,
    0x005D,
    0x01B6,
    0x003C,
)
_BIFF8 = 0x0600
_COMMENT_OBJECT = 0x19
_PTG_STR = 0x17


@dataclass
class BiffSheet:
    name: str
    state: int  # 0 visible, 1 hidden, 2 very hidden
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    widths: dict[int, float] = field(default_factory=dict)
    header: str = ""
    footer: str = ""
    comments: list[tuple[int, int, str, str]] = field(default_factory=list)  # row, col, author, text


@dataclass
class BiffWorkbook:
    encrypted: bool = False
    sheets: list[BiffSheet] = field(default_factory=list)
    names: list[tuple[str, str]] = field(default_factory=list)  # (name, string constant or "")


def _records(stream: bytes, pos: int):  # noqa: ANN202 - iterator of (type, data, position)
    end = len(stream)
    while pos + 4 <= end:
        rtype, size = struct.unpack_from("<HH", stream, pos)
        yield rtype, stream[pos + 4 : pos + 4 + size], pos
        pos += 4 + size


def _chars(data: bytes, pos: int, count: int, high: bool) -> tuple[str, int]:
    width = 2 if high else 1
    raw = data[pos : pos + count * width]
    return raw.decode("utf-16-le" if high else "latin-1", errors="replace"), pos + count * width


def _unicode(data: bytes, pos: int, cch_size: int) -> str:
    """XLUnicodeString (cch_size 2) or ShortXLUnicodeString (1): count, flags, [runs], [ext], characters."""
    if pos + cch_size + 1 > len(data):
        return ""
    count = data[pos] if cch_size == 1 else struct.unpack_from("<H", data, pos)[0]
    pos += cch_size
    flags = data[pos]
    pos += 1
    if flags & 0x08:
        pos += 2  # cRun
    if flags & 0x04:
        pos += 4  # cbExtRst
    return _chars(data, pos, count, bool(flags & 0x01))[0]


def read_biff(stream: bytes) -> BiffWorkbook:
    """Everything above from a Workbook stream; an empty result for anything but BIFF8."""
    book = BiffWorkbook()
    records = _records(stream, 0)
    first = next(records, None)
    if (
        first is None
        or first[0] != BOF
        or len(first[1]) < 2
        or struct.unpack_from("<H", first[1])[0] != _BIFF8
    ):
        return book
    offsets: list[int] = []
    for rtype, data, _pos in records:
        if rtype == EOF:
            break
        if rtype == FILEPASS:
            book.encrypted = True
        elif rtype == BOUNDSHEET and len(data) >= 8:
            offset, state = struct.unpack_from("<IB", data)
            offsets.append(offset)
            book.sheets.append(BiffSheet(name=_unicode(data, 6, 1), state=state & 0x03))
        elif rtype == NAME and len(data) >= 14:
            book.names.append(_name(data))
    if book.encrypted:
        return book
    for sheet, offset in zip(book.sheets, offsets, strict=True):
        if 0 <= offset < len(stream):
            _read_sheet(stream, offset, sheet)
    return book


def _name(data: bytes) -> tuple[str, str]:
    flags, _key, cch, cce = struct.unpack_from("<HBBH", data)
    if flags & 0x20:  # built-in (Print_Area, _FilterDatabase…): a one-byte code, not text anyone typed
        return "", ""
    name, pos = _chars(data, 15, cch, bool(data[14] & 0x01)) if len(data) > 14 else ("", 15)
    formula = data[pos : pos + cce]
    constant = ""
    if len(formula) >= 3 and formula[0] == _PTG_STR:
        constant = _chars(formula, 3, formula[1], bool(formula[2] & 0x01))[0]
    return name, constant


def _read_sheet(stream: bytes, offset: int, sheet: BiffSheet) -> None:
    texts: dict[int, str] = {}
    notes: list[tuple[int, int, int, str]] = []
    last_object: int | None = None
    pending: tuple[int, int] | None = None  # (object id, characters still to read) after a TXO
    records = _records(stream, offset)
    next(records, None)  # the sheet's BOF
    for rtype, data, _pos in records:
        if rtype == EOF:
            break
        if rtype == ROW and len(data) >= 14:
            row = struct.unpack_from("<H", data)[0]
            if struct.unpack_from("<H", data, 12)[0] & 0x20:
                sheet.hidden_rows.add(row)
        elif rtype == COLINFO and len(data) >= 10:
            first, last, width, _xf, options = struct.unpack_from("<HHHHH", data)
            for col in range(first, min(last, first + 256) + 1):
                sheet.widths[col] = width / 256
                if options & 0x01:
                    sheet.hidden_cols.add(col)
        elif rtype in (HEADER, FOOTER) and data:
            text = _unicode(data, 0, 2)
            if rtype == HEADER:
                sheet.header = text
            else:
                sheet.footer = text
        elif rtype == OBJ and len(data) >= 8 and struct.unpack_from("<H", data)[0] == 0x15:
            kind, ident = struct.unpack_from("<HH", data, 4)
            last_object = ident if kind == _COMMENT_OBJECT else None
        elif rtype == TXO and len(data) >= 12 and last_object is not None:
            pending = (last_object, struct.unpack_from("<H", data, 10)[0])
            texts[last_object] = ""
        elif rtype == CONTINUE and pending is not None and data:
            ident, remaining = pending
            text, _ = _chars(data, 1, remaining, bool(data[0] & 0x01))
            text = text[:remaining]
            texts[ident] += text
            remaining -= len(text)
            pending = (ident, remaining) if remaining > 0 else None
        elif rtype == NOTE and len(data) >= 8:
            row, col, _flags, ident = struct.unpack_from("<HHHH", data)
            notes.append((row, col, ident, _unicode(data, 8, 2)))
    for row, col, ident, author in notes:
        sheet.comments.append((row, col, author, texts.get(ident, "").replace("\r\n", "\n")))

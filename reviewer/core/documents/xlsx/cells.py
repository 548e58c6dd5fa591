"""Spreadsheet cells as blocks: one rendering of a cell's value, A1 references, the header row.

Shared by the xlsx and xls readers (and by the xlsx writer, which must recognise the text a reader
showed for a number or a date cell to replace it). The verifier has its own rendering on purpose.

Every non-empty cell is a `TABLE_CELL` block: `part` is the sheet's package part (xlsx) or its name (xls),
`path` is `Sheet1!C7`, and its attributes follow the table-cell contract of detection/columns.py:
`table` (the sheet name), `row` and `col` (0-based, the sheet's own row and column), `header` for
cells below the header row (their column's header text), `header_cell` for the header row itself, plus
`sheet`, `cell` (C7) and `hidden` ("sheet", "row", "column") when a viewer would not see the cell.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from reviewer.core.documents.model import Block, BlockKind

HEADER_SCAN_ROWS = 20  # a roster's header row sits under at most a few title lines
_MAX_HEADER_CHARS = 40


def render(value: Any) -> str:
    """The text of a cell value as calamine returns it: what a reader sees and detection runs on."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))  # a phone or an account typed as a number: 13812345678, not 1.38e10
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return (
            value.isoformat(sep=" ")
            if (value.hour, value.minute, value.second) != (0, 0, 0)
            else value.date().isoformat()
        )
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


@functools.lru_cache(maxsize=4096)
def column_letters(col: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """A → 0, AA → 26."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def cell_ref(row: int, col: int) -> str:
    return f"{column_letters(col)}{row + 1}"


@functools.lru_cache(maxsize=65536)
def _number(n: int) -> str:
    return str(n)


class CellAttrs(Mapping[str, str]):
    """A cell's block attributes in a few slots instead of a dict: a 100,000-row roster has a million
    cells. Reads like the dict every other block has."""

    __slots__ = ("_sheet", "_row", "_col", "_header", "_hidden", "_header_cell")
    _KEYS = ("table", "sheet", "cell", "row", "col", "header", "header_cell", "hidden")

    def __init__(
        self,
        sheet: str,
        row: int,
        col: int,
        header: str | None,
        hidden: str | None,
        header_cell: bool = False,
    ) -> None:
        self._sheet, self._row, self._col = sheet, row, col
        self._header, self._hidden, self._header_cell = header, hidden, header_cell

    def __getitem__(self, key: str) -> str:
        if key == "table" or key == "sheet":
            return self._sheet
        if key == "cell":
            return cell_ref(self._row, self._col)
        if key == "row":
            return _number(self._row)
        if key == "col":
            return _number(self._col)
        if key == "header" and self._header is not None:
            return self._header
        if key == "header_cell" and self._header_cell:
            return "1"
        if key == "hidden" and self._hidden:
            return self._hidden
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (k for k in self._KEYS if k in self)

    def __contains__(self, key: object) -> bool:
        if key in ("table", "sheet", "cell", "row", "col"):
            return True
        return (
            (key == "header" and self._header is not None)
            or (key == "header_cell" and self._header_cell)
            or (key == "hidden" and bool(self._hidden))
        )

    def __len__(self) -> int:
        return 5 + (self._header is not None) + self._header_cell + bool(self._hidden)

    def __bool__(self) -> bool:
        return True

    def __reduce__(self):  # noqa: ANN204 - pickled to the detection helper process with its block
        return (CellAttrs, (self._sheet, self._row, self._col, self._header, self._hidden, self._header_cell))

    def __repr__(self) -> str:
        return repr(dict(self))


def _is_header_text(text: str) -> bool:
    stripped = text.strip()
    if not stripped or len(stripped) > _MAX_HEADER_CHARS:
        return False
    compact = stripped.replace(" ", "").replace(".", "").replace("-", "")
    return not compact.isdigit()


def find_header_row(rows: Sequence[Sequence[str]]) -> int | None:
    """Index (within `rows`) of the header row: the first of the top rows whose cells are all short
    labels (no numbers) and that fills at least half as many columns as the fullest top row; a title
    row merged across the sheet has one cell and is passed over. None when no row qualifies (a sheet of
    notes, a single column)."""
    top = rows[:HEADER_SCAN_ROWS]
    widest = max((sum(1 for c in r if c.strip()) for r in top), default=0)
    if widest < 2:
        return None
    for i, row in enumerate(top):
        filled = [c for c in row if c.strip()]
        if len(filled) >= 2 and 2 * len(filled) >= widest and all(_is_header_text(c) for c in filled):
            # a header row has data under it: a row of labels followed by nothing is a note
            if any(any(c.strip() for c in r) for r in rows[i + 1 : i + 4]):
                return i
    return None


def header_texts(
    row: Sequence[str],
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]],
    header_row: int,
    first_col: int,
) -> list[str]:
    """The header row's texts by column; an empty cell inside a merged header range takes the range's text
    (补助金额 over two columns heads both)."""
    texts = [" ".join(c.split()) for c in row]
    for (r0, c0), (r1, c1) in merged:
        if r0 <= header_row <= r1:
            source = texts[c0 - first_col] if 0 <= c0 - first_col < len(texts) else ""
            for c in range(c0, c1 + 1):
                k = c - first_col
                if 0 <= k < len(texts) and not texts[k]:
                    texts[k] = source
    return texts


def sheet_blocks(
    sheet: str,
    part: str,
    rows: Sequence[Sequence[Any]],
    start: tuple[int, int],
    *,
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
    sheet_hidden: str | None = None,
    hidden_rows: frozenset[int] = frozenset(),
    hidden_cols: frozenset[int] = frozenset(),
    kind: BlockKind = BlockKind.TABLE_CELL,
    offset: int = 0,
) -> Iterator[Block]:
    """Blocks of a sheet's non-empty cells in reading order (row by row). `rows` are calamine's rows from
    `start` (row, col), 0-based; `offset` is where the first block starts in the document's text (each
    block is made once, in place: a 100,000-row sheet has a million of them)."""
    first_row, first_col = start
    texts = [[render(v) for v in r] for r in rows]
    header_at = find_header_row(texts)
    headers = (
        header_texts(texts[header_at], merged, first_row + header_at, first_col)
        if header_at is not None
        else []
    )
    for i, row in enumerate(texts):
        r = first_row + i
        hidden_row = sheet_hidden or ("row" if r in hidden_rows else None)
        is_header = header_at is not None and i == header_at
        below = header_at is not None and i > header_at
        for j, text in enumerate(row):
            if not text.strip():
                continue
            c = first_col + j
            hidden = hidden_row or ("column" if c in hidden_cols else None)
            header = (headers[j] if j < len(headers) else "") if below else None
            attrs = CellAttrs(sheet, r, c, header, hidden, header_cell=is_header)
            yield Block(
                kind=kind, part=part, path=f"{sheet}!{cell_ref(r, c)}", text=text, start=offset, attrs=attrs
            )
            offset += len(text) + 1

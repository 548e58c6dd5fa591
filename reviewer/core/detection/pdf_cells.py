"""Table cells of PDF pages as blocks under the table-cell contract of detection/columns.py.

The PDF reader leaves each page one block (writers, verification and the viewer work on page text and its
boxes) and records the ruled cells it found on the page block (documents/pdf/tables.py: `attrs["cells"]`,
offsets into the page text). Here they become cell blocks that share the page's offsets, so the column pass
finds a roster's 姓名 / 家庭住址 / 病种 column as a column: a wrapped cell is one value
(阿巴嘎旗…牧⏎民新村15号),
a name without a Han surname or padded with a space (朝鲁门, 王 琴) is a name because of its header.
A wrapped cell's line breaks are no separators ("wrapped" attribute). The first row of a table is its header
when it names a column kind we know (`_header_row`); a table that goes on over a page
break without repeating its header takes the previous page's last header (same number of columns).
"""

from __future__ import annotations

import re

from reviewer.core.detection.columns import column_kind
from reviewer.core.documents.model import Block, BlockKind, Document
from reviewer.core.documents.pdf.tables import CELLS


def pdf_cells(document: Document) -> list[Block]:
    """Data cells of the ruled tables of every page, with their column headers (empty when none)."""
    out: list[Block] = []
    carried: dict[int, str] | None = None  # the last table's header, for a table continued on the next page
    for block in document.blocks:
        records = block.attrs.get(CELLS) if block.kind is BlockKind.PAGE else None
        if not records:
            continue
        tables: dict[int, dict[int, dict[int, tuple[int, int]]]] = {}
        for record in records.split(";"):
            t, r, c, s, e = map(int, record.split(","))
            tables.setdefault(t, {}).setdefault(r, {})[c] = (s, e)
        for t, rows in sorted(tables.items()):
            first = rows[min(rows)]
            texts = {c: "".join(block.text[s:e].split()) for c, (s, e) in first.items()}
            columns = {c for row in rows.values() for c in row}
            if _header_row(texts):
                header, data = texts, [r for r in rows if r != min(rows)]
            elif carried is not None and len(carried) == len(columns):
                by_position = dict(zip(sorted(columns), (carried[c] for c in sorted(carried))))
                header, data = by_position, list(rows)
            else:
                header, data = {}, list(rows)
            carried = header or None
            table = f"{block.path}/table[{t}]"
            for r in sorted(data):
                for c, (s, e) in sorted(rows[r].items()):
                    out.append(Block(kind=BlockKind.TABLE_CELL, part=block.part,
                                     path=f"{table}/tr[{r}]/tc[{c}]", text=block.text[s:e],
                                     start=block.start + s, page=block.page,
                                     attrs={"table": table, "row": str(r), "col": str(c),
                                            "header": header.get(c, ""), "wrapped": "1"}))
    return out


_DATA = re.compile(r"[0-9]{4}")


def _header_row(texts: dict[int, str]) -> bool:
    """A header row names a column kind we know, and holds short labels, no numbers (a data row's address
    also says 社区, but it comes with an ID number or an amount)."""
    return any(column_kind(t) is not None for t in texts.values()) and \
        all(len(t) <= 30 and not _DATA.search(t) for t in texts.values())


_AUTHOR_PROPERTIES = frozenset({"creator", "lastModifiedBy", "Author", "author", "Manager", "manager"})
# a name as typed in the author field, padded too (雷　鸣: the drafter types it as in the documents' rosters)
_HAN_NAME = re.compile(r"[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{2,8}[·•][\u3400-\u9fff]{2,8}"
                       r"|[\u3400-\u9fff][ \u3000]{1,2}[\u3400-\u9fff]")


def property_cells(document: Document) -> list[Block]:
    """The author fields of a document's properties (docx creator / lastModifiedBy, PDF Author) as cells of a
    name column when they hold a Han name: a byline's 田野 is a person's name there, whatever the word means."""
    out = []
    for i, block in enumerate(document.blocks):
        if block.kind is BlockKind.PROPERTY and block.attrs.get("name") in _AUTHOR_PROPERTIES \
                and _HAN_NAME.fullmatch(block.text.strip()):
            out.append(Block(kind=BlockKind.TABLE_CELL, part=block.part, path=block.path, text=block.text,
                             start=block.start, attrs={"table": "properties", "row": str(i), "col": "author",
                                                       "header": "作者姓名"}))
    return out

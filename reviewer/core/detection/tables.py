"""Column headers as context for table cells (subsidy rosters, lists of parties).

In a roster the label sits in the header row (银行账号, QQ号, 出生日期), not next to the value. A
cell under the table-cell contract of detection/columns.py names its header in `attrs["header"]`; a
docx cell's block path reads `…/tbl[t]/tr[r]/tc[c]/p[k]` and the cell in row 0 of the same table and
column is its header. The header text is passed as context when the column's cells are analysed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewer.core.documents.model import Block, BlockKind

_CELL = re.compile(r"^(?P<table>.*tbl\[\d+\])/tr\[(?P<row>\d+)\]/tc\[(?P<col>\d+)\]")


def column_groups(blocks: Sequence[Block]) -> dict[tuple[str, str, str], tuple[str, list[int]]]:
    """(part, table, column) -> (header text, indices of the column's data cells in `blocks`)."""
    headers: dict[tuple[str, str, str], list[str]] = {}
    cells: dict[tuple[str, str, str], list[int]] = {}
    for i, block in enumerate(blocks):
        attrs = block.attrs
        if attrs and "header" in attrs and "table" in attrs:  # the table-cell contract (detection/columns.py)
            if attrs["header"].strip():
                key = (block.part, attrs["table"], attrs["col"])
                headers.setdefault(key, [attrs["header"]])
                cells.setdefault(key, []).append(i)
            continue
        if block.kind != BlockKind.TABLE_CELL:
            continue
        m = _CELL.match(block.path)
        if m is None:
            continue
        key = (block.part, m["table"], m["col"])
        if m["row"] == "0":
            headers.setdefault(key, []).append(block.text)
        else:
            cells.setdefault(key, []).append(i)
    return {key: (" ".join(headers[key]).strip(), indices) for key, indices in cells.items()
            if " ".join(headers.get(key, [])).strip()}

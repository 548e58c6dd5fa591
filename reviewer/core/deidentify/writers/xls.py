"""De-identified copy of an Excel 97-2003 (BIFF) workbook, written as xlsx (OUTPUT_FORMAT in writers/__init__).

Nothing edits BIFF safely in place, so the copy is rebuilt with xlsxwriter from what the reader reads: every
sheet with its visibility (hidden sheets removed when the profile says so), every cell value with the plan
applied (numbers, dates and booleans kept as such when untouched; a changed value becomes text), merged
ranges, column widths, hidden rows and columns, headers and footers, string-constant defined names, and the
title/subject/keywords/category/company properties (author and last-saved-by are not carried). Not carried,
and said in the notes: cell formatting other than dates (fonts, fills, borders, number formats), comments,
formulas (their last values are kept), charts, pictures, text boxes, pivot tables, macros.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from reviewer.core.deidentify.plan import RedactionPlan
from reviewer.core.documents.limits import Limits
from reviewer.core.documents.model import Document
from reviewer.core.documents.xlsx.biff import BiffSheet, read_biff
from reviewer.core.documents.xlsx.cells import render
from reviewer.core.documents.xlsx.structure import header_footer_text
from reviewer.core.documents.xlsx.xls import workbook_stream

NOT_CARRIED = (
    "converted from Excel 97-2003 (.xls) to xlsx: values, sheets, merged cells, column widths, hidden "
    "rows, columns and sheets, headers and footers carried; cell formatting (fonts, fills, borders, "
    "number formats other than dates), comments, formulas (their values are kept), charts, pictures, "
    "pivot tables and macros are not"
)
_PROPERTIES = ("title", "subject", "keywords", "comments", "category", "company")


def write_copy(
    document: Document,
    plan: RedactionPlan,
    output: Path,
    *,
    options=None,  # noqa: ANN001
    progress: Callable[[int, int], None] | None = None,
) -> tuple[str, ...]:
    import python_calamine
    import xlsxwriter

    data = Path(document.path).read_bytes()
    stream, properties = workbook_stream(data, document.path, Limits())
    biff = read_biff(stream)
    extras = {s.name: s for s in biff.sheets}
    book = python_calamine.CalamineWorkbook.from_path(document.path)
    pattern = plan.flexible_pattern()

    def replace(text: str) -> str:
        return pattern.sub(lambda m: plan.replacement_for(m.group()), text) if pattern is not None else text

    changed = removed = 0
    removed_names: list[str] = []
    workbook = xlsxwriter.Workbook(
        str(output),
        {
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "nan_inf_to_errors": True,
        },
    )
    dates = workbook.add_format({"num_format": "yyyy-mm-dd"})
    times = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    sheets = book.sheets_metadata
    for index, meta in enumerate(sheets):
        if progress is not None:
            progress(index, len(sheets))
        extra = extras.get(meta.name) or BiffSheet(meta.name, 0)
        state = extra.state or (0 if str(meta.visible).endswith("Visible") else 1)
        if state and plan.hidden_sheets == "remove":
            removed_names.append(meta.name)
            removed += 1
            continue
        sheet = workbook.add_worksheet(replace(meta.name)[:31])
        if state == 1:
            sheet.hide()
        elif state == 2:
            sheet.very_hidden()
        for col, width in sorted(extra.widths.items()):
            sheet.set_column(col, col, width, None, {"hidden": col in extra.hidden_cols})
        for col in sorted(extra.hidden_cols - set(extra.widths)):
            sheet.set_column(col, col, None, None, {"hidden": True})
        for row in sorted(extra.hidden_rows):
            sheet.set_row(row, None, None, {"hidden": True})
        if not str(meta.typ).endswith("WorkSheet"):
            continue
        grid = book.get_sheet_by_index(index)
        first_row, first_col = grid.start or (0, 0)
        values: dict[tuple[int, int], object] = {}
        for i, row in enumerate(grid.to_python()):
            for j, value in enumerate(row):
                if value == "" or value is None:
                    continue
                text = render(value)
                new = replace(text)
                if new != text:
                    changed += 1
                    value = new
                values[(first_row + i, first_col + j)] = value
        merged = grid.merged_cell_ranges or ()
        inside = set()
        for (r0, c0), (r1, c1) in merged:
            sheet.merge_range(r0, c0, r1, c1, "")
            _write(sheet, r0, c0, values.get((r0, c0), ""), dates, times)
            inside.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))
        for (r, c), value in values.items():
            if (r, c) not in inside:
                _write(sheet, r, c, value, dates, times)
        if extra.header:
            sheet.set_header(replace(header_footer_text(extra.header)).replace("&", "&&"))
        if extra.footer:
            sheet.set_footer(replace(header_footer_text(extra.footer)).replace("&", "&&"))
    for name, constant in biff.names:
        if name and constant:  # a string constant (="…"); names that refer to cells are not carried
            workbook.define_name(replace(name), '="{}"'.format(replace(constant).replace('"', '""')))
    wanted = {name: replace(value) for name, value in properties.items() if name in _PROPERTIES}
    if wanted:
        workbook.set_properties(wanted)
    workbook.close()
    notes = [f"{changed} cell values de-identified", NOT_CARRIED]
    if removed_names:
        notes.append("hidden sheets removed: " + ", ".join(removed_names))
    return tuple(notes)


def _write(sheet, row: int, col: int, value: object, dates, times) -> None:  # noqa: ANN001
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value)
    elif isinstance(value, dt.datetime):
        sheet.write_datetime(row, col, value, times)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), dates)
    else:
        sheet.write_string(row, col, render(value))

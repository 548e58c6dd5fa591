"""Ruled tables of a PDF page: cells from the ruling lines, characters assigned to cells by their boxes.

Why: a roster or 公示 table in a PDF is text lines to pdfium, so a cell that wraps (a long address, a company
name, a credit code) is broken over lines and a name column is just words on a line; detection cannot tell a
name column from the next cell. The grid is read from the page's path objects (pdfium, no second parser):
horizontal and vertical segments, thin filled rectangles (how Word draws borders) and rectangle edges. A cell
is a rectangle between consecutive ruling levels bordered on all four sides (a horizontally merged cell spans
the levels whose vertical rule does not cross it). Characters go to the cell holding their box centre.

The result is stored on the page block as `attrs["cells"]`: "table,row,col,start,end" records joined by ";"
(offsets into the page text; only cells whose characters form one stretch of the page text, which is how
producers draw tables, cell after cell). The page text itself is unchanged, so locators, writers and
verification see the same page; detection/pdf_cells.py turns the records into table cells with headers.
"""

from __future__ import annotations

import bisect
import ctypes
import math
from collections.abc import Sequence

import pypdfium2.raw as pdfium_c

CELLS = "cells"  # the page block's attrs key
TOLERANCE = 1.5  # points: rules drawn as separate segments meet within this
THIN = 2.5  # points: a filled rectangle this thin is a rule
MAX_PATHS = 5000  # a page drawn with more path objects is a drawing, not a table


Rule = tuple[float, float, float]  # (position, from, to)
Cell = tuple[int, int, int, tuple[float, float, float, float]]  # table, row, col, (x0, top, x1, bottom)


def ruling_lines(page: object, top: float) -> tuple[list[Rule], list[Rule]]:
    """(horizontal (y, x0, x1), vertical (x, y0, y1)) rules of a page, y from the top of the page."""
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    count = pdfium_c.FPDFPage_CountObjects(page)
    if count <= 0 or count > 4 * MAX_PATHS:
        return horizontal, vertical
    matrix = pdfium_c.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    paths = 0
    for i in range(count):
        obj = pdfium_c.FPDFPage_GetObject(page, i)
        if not obj or pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        paths += 1
        if paths > MAX_PATHS:
            return [], []
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        if abs(b) > 1e-6 or abs(c) > 1e-6:
            continue  # rotated or skewed: not a table rule
        subpaths: list[list[tuple[float, float]]] = []
        closed: list[bool] = []
        for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
                continue
            point = (a * x.value + e, top - (d * y.value + f))
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
                subpaths.append([point])
                closed.append(False)
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
                subpaths[-1].append(point)
            else:  # a curve: not a rule
                subpaths[-1].append((math.nan, math.nan))
            if pdfium_c.FPDFPathSegment_GetClose(segment):
                closed[-1] = True
        for points, is_closed in zip(subpaths, closed):
            _rules(points, is_closed, horizontal, vertical)
    return horizontal, vertical


def _rules(points: list[tuple[float, float]], closed: bool, horizontal: list, vertical: list) -> None:
    if any(math.isnan(p[0]) for p in points) or len(points) < 2:
        return
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    if closed and width <= THIN < height:  # a thin filled rectangle: a vertical rule
        vertical.append(((min(xs) + max(xs)) / 2, min(ys), max(ys)))
        return
    if closed and height <= THIN < width:
        horizontal.append(((min(ys) + max(ys)) / 2, min(xs), max(xs)))
        return
    pairs = list(zip(points, points[1:])) + ([(points[-1], points[0])] if closed else [])
    for (x0, y0), (x1, y1) in pairs:
        if abs(y1 - y0) < 0.5 and abs(x1 - x0) > THIN:
            horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) < 0.5 and abs(y1 - y0) > THIN:
            vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _levels(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOLERANCE:
            out.append(v)
    return out


def _covers(segments: dict[int, list[tuple[float, float]]], level: int, low: float, high: float) -> bool:
    """Whether the rules at `level` cover [low, high] (within the tolerance)."""
    reach = low + TOLERANCE
    for s0, s1 in sorted(segments.get(level, ())):
        if s0 - TOLERANCE > reach:
            break
        reach = max(reach, s1 + TOLERANCE)
        if reach >= high:
            return True
    return reach >= high


def _snap(levels: list[float], value: float) -> int | None:
    i = bisect.bisect_left(levels, value - TOLERANCE)
    return i if i < len(levels) and abs(levels[i] - value) <= TOLERANCE else None


def grid_cells(horizontal: list[Rule], vertical: list[Rule]) -> list[Cell]:
    """(table, row, col, (x0, top, x1, bottom)) of every ruled cell, tables numbered from the top."""
    if len(horizontal) < 3 or len(vertical) < 3:
        return []
    ys = _levels([h[0] for h in horizontal])
    xs = _levels([v[0] for v in vertical])
    h_at: dict[int, list[tuple[float, float]]] = {}
    for y, x0, x1 in horizontal:
        h_at.setdefault(_snap(ys, y), []).append((x0, x1))  # type: ignore[arg-type]
    v_at: dict[int, list[tuple[float, float]]] = {}
    for x, y0, y1 in vertical:
        v_at.setdefault(_snap(xs, x), []).append((y0, y1))  # type: ignore[arg-type]
    out: list[Cell] = []
    table, row, previous_band = -1, 0, None
    for band in range(len(ys) - 1):
        y0, y1 = ys[band], ys[band + 1]
        cells = []
        i = 0
        while i < len(xs) - 1:
            if not _covers(v_at, i, y0, y1):
                i += 1
                continue
            j = next((j for j in range(i + 1, len(xs)) if _covers(v_at, j, y0, y1)), None)
            if j is None:
                break
            if _covers(h_at, band, xs[i], xs[j]) and _covers(h_at, band + 1, xs[i], xs[j]):
                cells.append((i, (xs[i], y0, xs[j], y1)))
            i = j
        if len(cells) < 2:
            continue
        if previous_band != band - 1:
            table, row = table + 1, 0
        out.extend((table, row, col, box) for col, box in cells)
        row += 1
        previous_band = band
    counts: dict[int, int] = {}
    for t, r, _, _ in out:
        counts[t] = max(counts.get(t, 0), r + 1)
    return [c for c in out if counts[c[0]] >= 2]


def cell_records(text: str, boxes: Sequence, cells: list[Cell]) -> str:
    """The `attrs["cells"]` value for a page (see the module docstring); "" when no cell holds text."""
    if not cells:
        return ""
    bands = sorted({(box[1], box[3]) for _, _, _, box in cells})
    tops = [b[0] for b in bands]
    by_band: dict[tuple[float, float], list[tuple[float, float, int]]] = {}
    for index, (_, _, _, box) in enumerate(cells):
        by_band.setdefault((box[1], box[3]), []).append((box[0], box[2], index))
    owner = [-1] * len(text)
    for k, box in enumerate(boxes):
        if box is None or text[k].isspace():
            continue
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        i = bisect.bisect_right(tops, cy) - 1
        if i < 0 or cy > bands[i][1]:
            continue
        for x0, x1, index in by_band[bands[i]]:
            if x0 <= cx <= x1:
                owner[k] = index
                break
    spans: dict[int, list[int]] = {}
    for k, index in enumerate(owner):
        if index >= 0:
            span = spans.setdefault(index, [k, k + 1])
            span[1] = k + 1
    records = []
    for index, (start, end) in sorted(spans.items(), key=lambda item: item[1][0]):
        # one stretch of the page text: nothing of another cell (or outside the table) in between
        if any(owner[k] != index and not text[k].isspace() for k in range(start, end)):
            continue
        t, r, c, _ = cells[index]
        records.append(f"{t},{r},{c},{start},{end}")
    return ";".join(records)


def page_cells(page: object, top: float, text: str, boxes: Sequence) -> str:
    """`attrs["cells"]` of a loaded pdfium page whose text and boxes were read (see `cell_records`)."""
    horizontal, vertical = ruling_lines(page, top)
    return cell_records(text, boxes, grid_cells(horizontal, vertical))

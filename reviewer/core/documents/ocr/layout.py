"""Recognised lines in reading order as one block's text, with a box per character in the block's units.

Lines are grouped into rows (a table row's cells, read as separate lines, become one row) after undoing
the page's small tilt, rows go top to bottom and a row's lines left to right; lines of a row are joined by
an ideographic space (U+3000, as Chinese forms and tables space their fields: the NER reads a roster row's
name as a name there, and missed four of ten after an ASCII space), rows by a newline. Each line keeps its
confidence as an `OcrSpan` of the text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reviewer.core.documents.model import Block, BlockKind, Box, OcrSpan
from reviewer.core.documents.ocr.engine import OcrLine, PixelBox

ROW_SEPARATOR = "\u3000"


def _bounds(line: OcrLine) -> PixelBox | None:
    """The line's box in the upright page's frame."""
    boxes = [line.upright(b) for b in line.boxes if b is not None]
    if not boxes:
        return None
    xs0, ys0, xs1, ys1 = zip(*boxes)
    return min(xs0), min(ys0), max(xs1), max(ys1)


def _slope(lines: Sequence[OcrLine]) -> float:
    """The page's tilt as dy/dx, the median over lines of five characters or more (0 when unknown)."""
    slopes = []
    for line in lines:
        pts = [((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for b in map(line.upright, filter(None, line.boxes))]
        if len(pts) < 5:
            continue
        mx = sum(p[0] for p in pts) / len(pts)
        my = sum(p[1] for p in pts) / len(pts)
        sxx = sum((p[0] - mx) ** 2 for p in pts)
        if sxx > 0:
            slopes.append(sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx)
    if not slopes:
        return 0.0
    slopes.sort()
    return slopes[len(slopes) // 2]


def reading_order(lines: Sequence[OcrLine]) -> list[list[OcrLine]]:
    """Rows of lines, top to bottom, each left to right."""
    slope = _slope(lines)
    placed = []
    for line in lines:
        box = _bounds(line)
        if box is None:
            continue
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        placed.append((cy - slope * cx, box[3] - box[1], box[0], line))
    placed.sort(key=lambda p: p[0])
    rows: list[list[tuple[float, float, float, OcrLine]]] = []
    for item in placed:
        if rows:
            row = rows[-1]
            centre = sum(p[0] for p in row) / len(row)
            height = min(min(p[1] for p in row), item[1])
            if abs(item[0] - centre) <= 0.5 * height:
                row.append(item)
                continue
        rows.append([item])
    return [[p[3] for p in sorted(row, key=lambda p: p[2])] for row in rows]


def ocr_text(lines: Sequence[OcrLine], to_units: Callable[[PixelBox], Box]
             ) -> tuple[str, list[Box | None], tuple[OcrSpan, ...]]:
    """The block text of `lines`, a box per character (mapped by `to_units`) and each line's span."""
    parts: list[str] = []
    boxes: list[Box | None] = []
    spans: list[OcrSpan] = []
    pos = 0
    for r, row in enumerate(reading_order(lines)):
        if r:
            parts.append("\n")
            boxes.append(None)
            pos += 1
        for k, line in enumerate(row):
            if k:
                parts.append(ROW_SEPARATOR)
                boxes.append(None)
                pos += 1
            parts.append(line.text)
            boxes.extend(to_units(b) if b is not None else None for b in line.boxes)
            spans.append(OcrSpan(pos, pos + len(line.text), line.confidence))
            pos += len(line.text)
    return "".join(parts), boxes, tuple(spans)


def ocr_block(lines: Sequence[OcrLine], to_units: Callable[[PixelBox], Box], *, kind: BlockKind, part: str,
              path: str, page: int | None = None, attrs: dict[str, str] | None = None) -> Block | None:
    """A block of what OCR read (None when nothing was read)."""
    text, boxes, spans = ocr_text(lines, to_units)
    if not text.strip():
        return None
    return Block(kind=kind, part=part, path=path, text=text, boxes=tuple(boxes), page=page,
                 attrs={"ocr": "true", **(attrs or {})}, ocr=spans)


def mean_confidence(block: Block) -> float:
    """The block's confidence, its lines weighted by length."""
    total = sum(s.end - s.start for s in block.ocr)
    return sum(s.confidence * (s.end - s.start) for s in block.ocr) / total if total else 0.0

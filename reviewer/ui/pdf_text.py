"""The characters of a PDF page as the reader saw them, for selecting text with the mouse.

A PDF page's blocks carry one box per character (pdfium's text page, in points, origin top-left), and
each character's offset in `Document.text`. A press or a drag position is turned into a caret (the gap
before or after the nearest character on the line under the pointer), and a drag selects the characters
between two carets in reading order, as a PDF reader does: along the line, then on to the next lines.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy

from reviewer.core.documents.model import Document

LINE_SLACK = 1.5  # points above and below a character that still count as its line


@dataclass(frozen=True)
class PageText:
    offsets: numpy.ndarray  # offset in Document.text of each character that has a box, in reading order
    boxes: numpy.ndarray  # (n, 4): x0, top, x1, bottom

    @classmethod
    def of(cls, document: Document, page: int) -> PageText:
        offsets: list[int] = []
        boxes: list[tuple[float, float, float, float]] = []
        for block in document.blocks:
            if block.page != page or not block.boxes:
                continue
            for i, box in enumerate(block.boxes):
                if box is not None and box[2] > box[0]:
                    offsets.append(block.start + i)
                    boxes.append(tuple(box))
        return cls(
            numpy.array(offsets, dtype=numpy.int64), numpy.array(boxes, dtype=numpy.float64).reshape(-1, 4)
        )

    def __len__(self) -> int:
        return len(self.offsets)

    def caret(self, x: float, y: float) -> int | None:
        """The caret (an offset in Document.text) nearest to the point: before or after the nearest
        character of the line under it, else of the nearest line."""
        if not len(self):
            return None
        b = self.boxes
        on_line = (b[:, 1] - LINE_SLACK <= y) & (y <= b[:, 3] + LINE_SLACK)
        if not on_line.any():  # between lines or beside the text: the nearest line
            centre = (b[:, 1] + b[:, 3]) / 2
            nearest = numpy.abs(centre - y).min()
            on_line = numpy.abs(centre - y) <= nearest + LINE_SLACK
        candidates = numpy.flatnonzero(on_line)
        dx = numpy.maximum(0, numpy.maximum(b[candidates, 0] - x, x - b[candidates, 2]))
        i = candidates[int(numpy.argmin(dx))]
        after = x > (b[i, 0] + b[i, 2]) / 2
        return int(self.offsets[i]) + (1 if after else 0)

    def hit(self, x: float, y: float) -> int | None:
        """The offset of the character under the point, if any."""
        if not len(self):
            return None
        b = self.boxes
        inside = numpy.flatnonzero((b[:, 0] <= x) & (x <= b[:, 2]) & (b[:, 1] <= y) & (y <= b[:, 3]))
        return int(self.offsets[inside[0]]) if len(inside) else None

    def boxes_between(self, start: int, end: int) -> list[tuple[float, float, float, float]]:
        """The boxes of the characters with offsets in [start, end), in reading order."""
        chosen = (self.offsets >= start) & (self.offsets < end)
        return [tuple(map(float, row)) for row in self.boxes[chosen]]

    def inside(self, left: float, top: float, right: float, bottom: float) -> list[int]:
        """Offsets of the characters whose centres lie inside the rectangle."""
        b = self.boxes
        cx, cy = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
        chosen = (left <= cx) & (cx <= right) & (top <= cy) & (cy <= bottom)
        return [int(o) for o in self.offsets[chosen]]

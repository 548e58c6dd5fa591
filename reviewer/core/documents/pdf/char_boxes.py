"""Per-character boxes of a PDF page, packed: 16 bytes a character instead of ~170 as float tuples.

pdfium writes each character's FS_RECTF (left, top, right, bottom; float32; origin bottom-left)
straight into one buffer; this class turns an entry into a `Box` (x0, top, x1, bottom; origin
top-left) only when asked. It behaves like the tuple it replaces: len, indexing, iteration, and
slices return tuples, so `block.boxes[start:end]` works as before.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

import numpy

Box = tuple[float, float, float, float]


class CharBoxes(Sequence):
    __slots__ = ("_data", "_top")

    def __init__(self, data: array, top: float) -> None:
        """`data`: 4 float32 per character in pdfium's FS_RECTF order; NaN in `left` marks no box."""
        self._data = data
        self._top = top

    @classmethod
    def from_boxes(cls, boxes: Iterable[Box | None]) -> CharBoxes:
        """Pack top-left boxes (used where characters had to be re-joined one by one)."""
        data = array("f")
        for box in boxes:
            data.extend((math.nan, 0, 0, 0) if box is None else (box[0], -box[1], box[2], -box[3]))
        return cls(data, 0.0)

    def __len__(self) -> int:
        return len(self._data) // 4

    def part(self, start: int, end: int) -> CharBoxes:
        """The boxes of characters [start, end), still packed (a line of a page)."""
        start, end, _ = slice(start, end).indices(len(self))
        return CharBoxes(self._data[4 * start: 4 * max(start, end)], self._top)

    def bounds_of(self, spans: Sequence[tuple[int, int]]) -> list[Box | None]:
        """`bounds` of many non-empty spans (the lines of a page) in one numpy pass."""
        if not spans:
            return []
        rects = numpy.frombuffer(self._data, dtype=numpy.float32).reshape(-1, 4).copy()
        rects[numpy.isnan(rects[:, 0])] = numpy.nan  # a character without a box counts in no column
        cuts = numpy.array([i for span in spans for i in span], dtype=numpy.intp)
        if len(rects) == 0 or cuts.min() < 0 or cuts.max() > len(rects) or any(e <= s for s, e in spans):
            return [self.bounds(s, e) for s, e in spans]
        padded = numpy.vstack([rects, numpy.full((1, 4), numpy.nan, dtype=numpy.float32)])
        low = numpy.fmin.reduceat(padded, cuts, axis=0)[::2]
        high = numpy.fmax.reduceat(padded, cuts, axis=0)[::2]
        out: list[Box | None] = []
        for lo, hi in zip(low.tolist(), high.tolist()):
            if lo[0] != lo[0]:  # NaN: no character of the span has a box
                out.append(None)
            else:
                out.append((lo[0], self._top - hi[1], hi[2], self._top - lo[3]))
        return out

    def bounds(self, start: int = 0, end: int | None = None) -> Box | None:
        """The box around the characters [start, end) that have one, None if none has; numpy over the
        packed floats, the same numbers as min/max over the boxes one by one (float32 widened exactly,
        and ``top - v`` is monotonic in v, so the extreme is the same character's)."""
        start, end, _ = slice(start, end).indices(len(self))
        if end <= start:
            return None
        rects = numpy.frombuffer(self._data, dtype=numpy.float32).reshape(-1, 4)[start:end]
        rects = rects[~numpy.isnan(rects[:, 0])]
        if not len(rects):
            return None
        return (float(rects[:, 0].min()), self._top - float(rects[:, 1].max()),
                float(rects[:, 2].max()), self._top - float(rects[:, 3].min()))

    def _box(self, i: int) -> Box | None:
        left, top, right, bottom = self._data[4 * i: 4 * i + 4]
        if left != left:  # NaN
            return None
        return (left, self._top - top, right, self._top - bottom)

    @overload
    def __getitem__(self, index: int) -> Box | None: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Box | None, ...]: ...

    def __getitem__(self, index):
        n = len(self)
        if isinstance(index, slice):
            return tuple(self._box(i) for i in range(*index.indices(n)))
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("box index out of range")
        return self._box(index)

    def __iter__(self) -> Iterator[Box | None]:
        return (self._box(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"CharBoxes({len(self)} boxes)"


def part(boxes: Sequence[Box | None] | None, start: int, end: int) -> Sequence[Box | None] | None:
    """A slice of a block's boxes that stays packed when they are."""
    if boxes is None:
        return None
    return boxes.part(start, end) if isinstance(boxes, CharBoxes) else tuple(boxes[start:end])


def bounds(boxes: Sequence[Box | None] | None, start: int = 0, end: int | None = None) -> Box | None:
    """(x0, top, x1, bottom) around the characters [start, end) that have a box; None if none has."""
    if boxes is None:
        return None
    if isinstance(boxes, CharBoxes):
        return boxes.bounds(start, end)
    present = [b for b in boxes[start:end] if b is not None]
    if not present:
        return None
    return (min(b[0] for b in present), min(b[1] for b in present), max(b[2] for b in present),
            max(b[3] for b in present))


def bounds_of(boxes: Sequence[Box | None] | None, spans: Sequence[tuple[int, int]]) -> list[Box | None]:
    """`bounds` of each span."""
    if isinstance(boxes, CharBoxes):
        return boxes.bounds_of(spans)
    return [bounds(boxes, s, e) for s, e in spans]

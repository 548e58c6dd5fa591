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

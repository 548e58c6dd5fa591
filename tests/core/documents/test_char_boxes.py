"""Packed character boxes: the numpy bounds are the numbers a min/max over the boxes one by one gives."""

from __future__ import annotations

import random

from reviewer.core.documents import load_document
from reviewer.core.documents.pdf.char_boxes import CharBoxes, bounds, bounds_of, part
from tests.core.documents.conftest import DATA


def _reference(boxes, start, end):
    present = [b for b in list(boxes)[start:end] if b is not None]
    if not present:
        return None
    return (min(b[0] for b in present), min(b[1] for b in present), max(b[2] for b in present),
            max(b[3] for b in present))


def test_bounds_match_the_boxes_one_by_one_on_a_real_page():
    page = next(b for b in load_document(DATA / "reportlab-cjk.pdf").blocks if b.kind == "page")
    boxes = page.boxes
    assert isinstance(boxes, CharBoxes) and len(boxes) == len(page.text)
    spans = [(s, e) for s in range(0, len(boxes), 3) for e in (s + 1, s + 7, len(boxes)) if e <= len(boxes)]
    assert [boxes.bounds(s, e) for s, e in spans] == [_reference(boxes, s, e) for s, e in spans]
    assert boxes.bounds_of(spans) == [_reference(boxes, s, e) for s, e in spans]
    assert boxes.bounds() == _reference(boxes, 0, len(boxes))
    assert list(part(boxes, 2, 9)) == list(boxes)[2:9]


def test_characters_without_a_box_count_in_no_column():
    rng = random.Random(7)
    raw = [None if rng.random() < 0.3 else (rng.uniform(0, 500), rng.uniform(0, 800), rng.uniform(0, 500),
                                            rng.uniform(0, 800)) for _ in range(200)]
    boxes = CharBoxes.from_boxes(raw)
    spans = [(s, s + n) for s in range(0, 190, 5) for n in (1, 2, 9)]
    assert boxes.bounds_of(spans) == [_reference(boxes, s, e) for s, e in spans]
    hole = raw.index(None)
    assert boxes.bounds_of([(hole, hole + 1)]) == [None] and boxes.bounds(hole, hole + 1) is None
    nothing = CharBoxes.from_boxes([None, None, None])
    assert nothing.bounds() is None and nothing.bounds_of([(0, 2), (2, 3)]) == [None, None]


def test_plain_sequences_work_too():
    raw = ((1.0, 2.0, 3.0, 4.0), None, (0.5, 3.0, 2.0, 6.0))
    assert bounds(raw) == (0.5, 2.0, 3.0, 6.0)
    assert bounds_of(raw, [(1, 2), (0, 3)]) == [None, (0.5, 2.0, 3.0, 6.0)]
    assert part(raw, 0, 2) == raw[:2] and bounds(None) is None and part(None, 0, 1) is None

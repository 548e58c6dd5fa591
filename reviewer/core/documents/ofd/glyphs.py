"""Where each character of an OFD page sits: TextCode/DeltaX/DeltaY walked through objects and units.

A page (or template, or annotation appearance) is a tree of layers, page blocks, composite objects
(shared units in the resource parts, placed with their own CTM) and text objects. `walk` yields one
`Run` per TextCode with one `Glyph` per character, each with its box in page millimetres (top-left
origin, y down, as OFD itself), and the image objects it passes (`ImageUse`, the OCR hook). The
reader turns runs into lines of text; the writer uses the same walk to find the characters of a
value, and the `Glyph.code` element to delete them.

Glyph boxes are estimates: OFD stores the pen position of each character (X + the DeltaX sum), not
its width; the width is the next advance or the em size (half for narrow characters), the height
from 0.85 em above the baseline to 0.15 em below.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from lxml import etree

from reviewer.core.documents.ofd.package import local

Affine = tuple[float, float, float, float, float, float]  # x' = a x + c y + e, y' = b x + d y + f
IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_NESTING = 32  # page blocks and composite objects inside each other (a unit may name itself)
MM_TO_PT = 72.0 / 25.4
ASCENT, DESCENT = 0.85, 0.15

BoxMM = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True, slots=True)
class Glyph:
    char: str
    code: etree._Element  # the TextCode holding it
    index: int  # in the TextCode's text
    obj: etree._Element  # the TextObject
    position: int  # in the TextObject's text (all its TextCodes): what CGTransform counts
    box: BoxMM
    size: float  # em size in page millimetres
    baseline: float  # page y of the baseline (for lines)


@dataclass(frozen=True, slots=True)
class Run:
    glyphs: tuple[Glyph, ...]


@dataclass(frozen=True, slots=True)
class ImageUse:
    """An image drawn on a page: for OCR (not done here) and for the reviewer's attention."""

    resource_id: str
    box: BoxMM  # page millimetres


def compose(outer: Affine, inner: Affine) -> Affine:
    """Apply `inner` first, then `outer`."""
    A, B, C, D, E, F = outer
    a, b, c, d, e, f = inner
    return (A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d, A * e + C * f + E, B * e + D * f + F)


def numbers(value: str | None, count: int) -> tuple[float, ...] | None:
    if not value:
        return None
    try:
        found = tuple(float(part) for part in value.replace(",", " ").split())
    except ValueError:
        return None
    if len(found) < count or not all(math.isfinite(n) for n in found[:count]):
        return None
    return found[:count]


def object_transform(element: etree._Element) -> Affine:
    """Object space to parent space: the CTM, then a move to the Boundary's origin."""
    box = numbers(element.get("Boundary"), 4) or (0.0, 0.0, 0.0, 0.0)
    a, b, c, d, e, f = numbers(element.get("CTM"), 6) or IDENTITY
    return (a, b, c, d, e + box[0], f + box[1])


def deltas(value: str | None, limit: int) -> list[float]:
    """A DeltaX/DeltaY list with the `g <count> <value>` shorthand expanded, at most `limit` values
    (a huge repeat count costs nothing)."""
    if not value or limit <= 0:
        return []
    tokens = value.split()
    out: list[float] = []
    i = 0
    while i < len(tokens) and len(out) < limit:
        token = tokens[i]
        try:
            if token == "g" and i + 2 < len(tokens):
                count = int(float(tokens[i + 1]))
                out.extend([float(tokens[i + 2])] * max(0, min(count, limit - len(out))))
                i += 3
                continue
            out.append(float(token))
        except (ValueError, OverflowError):
            pass
        i += 1
    return [d if math.isfinite(d) else 0.0 for d in out]


def char_width(char: str, size: float) -> float:
    return size if unicodedata.east_asian_width(char) in ("W", "F") else size * 0.5


def visible(char: str) -> bool:
    return unicodedata.category(char) not in ("Cc", "Cf") or char == "\t"


def _transform_box(t: Affine, x0: float, y0: float, x1: float, y1: float) -> BoxMM:
    a, b, c, d, e, f = t
    if b == 0.0 and c == 0.0:  # no rotation or skew (nearly every text object): two corners are enough
        u0, u1, v0, v1 = a * x0 + e, a * x1 + e, d * y0 + f, d * y1 + f
        return (u0, v0, u1, v1) if a > 0 and d > 0 else (min(u0, u1), min(v0, v1), max(u0, u1), max(v0, v1))
    xs, ys = [], []
    for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return (min(xs), min(ys), max(xs), max(ys))


def text_runs(obj: etree._Element, t: Affine) -> Iterator[Run]:
    """One run per non-empty TextCode of a TextObject, each character with its page box."""
    size = _float(obj.get("Size"), 0.0)
    hscale = _float(obj.get("HScale"), 1.0) or 1.0
    scale = math.sqrt(abs(t[0] * t[3] - t[1] * t[2])) or 1.0
    x = y = 0.0
    position = 0
    for code in obj:
        if local(code.tag) != "TextCode":
            continue
        text = code.text or ""
        x = _float(code.get("X"), x)  # a TextCode without X/Y continues from the previous one's
        y = _float(code.get("Y"), y)
        dx = deltas(code.get("DeltaX"), len(text) - 1)
        dy = deltas(code.get("DeltaY"), len(text) - 1)
        glyphs = []
        px, py = x, y
        for i, ch in enumerate(text):
            estimate = char_width(ch, size) * hscale
            advance = dx[i] if i < len(dx) else estimate
            width = min(advance, estimate) if advance > 0 else estimate
            if visible(ch):
                box = _transform_box(t, px, py - ASCENT * size, px + width, py + DESCENT * size)
                baseline = t[1] * px + t[3] * py + t[5]
                glyphs.append(Glyph(ch, code, i, obj, position + i, box, size * scale, baseline))
            px += dx[i] if i < len(dx) else (estimate if not dy else 0.0)
            py += dy[i] if i < len(dy) else 0.0
        position += len(text)
        if glyphs:
            yield Run(tuple(glyphs))


def walk(content_parent: etree._Element | None, units: Mapping[str, etree._Element], t: Affine = IDENTITY,
         *, tick: Callable[[], None] | None = None) -> tuple[list[Run], list[ImageUse]]:
    """Runs and images of a page's or template's `Content` (or any element holding graphic objects)."""
    runs: list[Run] = []
    images: list[ImageUse] = []

    def visit(elements: list[etree._Element], transform: Affine, depth: int) -> None:
        for element in elements:
            name = local(element.tag)
            if name == "TextObject":
                runs.extend(text_runs(element, compose(transform, object_transform(element))))
            elif name == "ImageObject":
                box = numbers(element.get("Boundary"), 4)
                if box:
                    placed = _transform_box(transform, box[0], box[1], box[0] + box[2], box[1] + box[3])
                    images.append(ImageUse((element.get("ResourceID") or "").strip(), placed))
            elif depth >= MAX_NESTING:
                continue
            elif name in ("Layer", "PageBlock", "Content"):
                visit(list(element), transform, depth + 1)
            elif name == "CompositeObject":
                if tick is not None:
                    tick()
                unit = units.get((element.get("ResourceID") or "").strip())
                content = _child(unit, "Content") if unit is not None else None
                if content is not None:
                    visit(list(content), compose(transform, object_transform(element)), depth + 1)

    if content_parent is not None:
        visit(list(content_parent), t, 0)
    return runs, images


def page_content(root: etree._Element) -> etree._Element | None:
    return _child(root, "Content")


def _child(element: etree._Element | None, name: str) -> etree._Element | None:
    if element is None:
        return None
    return next((c for c in element if local(c.tag) == name), None)


def _float(value: str | None, default: float) -> float:
    if value is None:
        return default
    try:
        number = float(value)
    except ValueError:
        return default
    return number if math.isfinite(number) else default


@dataclass(frozen=True, slots=True)
class Line:
    """Runs joined into text the way they read: same baseline and adjacent → one line."""

    text: str
    glyphs: tuple[Glyph | None, ...]  # one per character; None for the "\n" and " " joins


def join_runs(runs: list[Run]) -> Line:
    """The text of runs in file order: consecutive runs on one baseline with no big gap are one line
    (a name written one character per TextObject still reads, and is detected, whole)."""
    chars: list[str] = []
    glyphs: list[Glyph | None] = []
    previous: Glyph | None = None
    for run in runs:
        if not any(not gl.char.isspace() for gl in run.glyphs):
            continue  # a TextCode of spaces only (producers pad with them) reads as nothing
        first = run.glyphs[0]
        if previous is not None:
            em = max(previous.size, first.size, 1e-6)
            gap = first.box[0] - previous.box[2]
            same_line = abs(first.baseline - previous.baseline) < 0.3 * em and -0.5 * em <= gap < 3 * em
            sep = ("" if gap < 1.0 * em else " ") if same_line else "\n"
            if sep:
                chars.append(sep)
                glyphs.append(None)
        for g in run.glyphs:
            chars.append(g.char)
            glyphs.append(g)
        previous = run.glyphs[-1]
    return Line("".join(chars), tuple(glyphs))


def points(box: BoxMM) -> tuple[float, float, float, float]:
    return (box[0] * MM_TO_PT, box[1] * MM_TO_PT, box[2] * MM_TO_PT, box[3] * MM_TO_PT)

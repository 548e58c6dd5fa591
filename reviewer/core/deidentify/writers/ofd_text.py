"""Removing characters from OFD text objects: TextCode text, its X/Y and DeltaX/DeltaY, CGTransform.

Every remaining character keeps its exact pen position: positions are computed from the old X and
deltas, the removed characters dropped, and X/DeltaX (Y/DeltaY) written anew from the positions that
remain (a `g` shorthand is written out). CGTransform maps character positions of the object's text
to glyph indexes: a one-to-one mapping loses the removed glyphs and shifts; a many-to-many one (a
ligature) that touches a removed character is removed whole with all its characters, so no glyph
of a removed character can still be drawn.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from reviewer.core.documents.ofd import glyphs as g
from reviewer.core.documents.ofd.package import local


def _fmt(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def _widened(obj: etree._Element, removed: set[int]) -> set[int]:
    """Removed object positions plus every position of a many-to-many CGTransform that touches one."""
    out = set(removed)
    for cg in (c for c in obj if local(c.tag) == "CGTransform"):
        start, count, glyph_count = (_int(cg.get(k)) for k in ("CodePosition", "CodeCount", "GlyphCount"))
        covered = set(range(start, start + max(count, 1)))
        if covered & removed and count != glyph_count:
            out |= covered
    return out


def _int(value: str | None) -> int:
    try:
        return int(float(value or 0))
    except (ValueError, OverflowError):
        return 0


def remove_positions(obj: etree._Element, removed: set[int]) -> int:
    """Delete the characters at these positions of the object's text (over all its TextCodes).
    Returns the number of characters removed (including those a ligature took with it)."""
    removed = _widened(obj, removed)
    if not removed:
        return 0
    _rewrite_cg(obj, removed)
    size = _num(obj.get("Size"), 0.0)
    codes = [c for c in obj if local(c.tag) == "TextCode"]
    x = y = 0.0
    for code in codes:  # a TextCode without X/Y takes the previous one's: write them out before editing
        x, y = _num(code.get("X"), x), _num(code.get("Y"), y)
        code.set("X", _fmt(x))
        code.set("Y", _fmt(y))
    count = 0
    position = 0
    for code in codes:
        text = code.text or ""
        x, y = _num(code.get("X"), 0.0), _num(code.get("Y"), 0.0)
        dx = g.deltas(code.get("DeltaX"), len(text) - 1)
        dy = g.deltas(code.get("DeltaY"), len(text) - 1)
        xs, ys = [x], [y]
        for i in range(len(text) - 1):
            xs.append(xs[-1] + (dx[i] if i < len(dx) else (g.char_width(text[i], size) if not dy else 0.0)))
            ys.append(ys[-1] + (dy[i] if i < len(dy) else 0.0))
        keep = [i for i in range(len(text)) if position + i not in removed]
        count += len(text) - len(keep)
        position += len(text)
        if len(keep) == len(text):
            continue
        if not keep:
            obj.remove(code)
            continue
        code.text = "".join(text[i] for i in keep)
        code.set("X", _fmt(xs[keep[0]]))
        code.set("Y", _fmt(ys[keep[0]]))
        gap = keep[-1] - keep[0] + 1 != len(keep)  # removed characters between kept ones
        for attr, pos in (("DeltaX", xs), ("DeltaY", ys)):
            if code.get(attr) is None and not (gap and attr == "DeltaX" and not dy):
                continue  # (without DeltaX the viewer advances by the font: estimated positions keep the gap)
            if len(keep) == 1:
                code.attrib.pop(attr, None)
            else:
                code.set(attr, " ".join(_fmt(pos[b] - pos[a]) for a, b in zip(keep, keep[1:])))
    if not any(local(c.tag) == "TextCode" for c in obj) and obj.getparent() is not None:
        obj.getparent().remove(obj)
    return count


def _num(value: str | None, default: float) -> float:
    if value is None:
        return default
    try:
        return float(value)
    except ValueError:
        return default


def _rewrite_cg(obj: etree._Element, removed: set[int]) -> None:
    for cg in [c for c in obj if local(c.tag) == "CGTransform"]:
        start, count = _int(cg.get("CodePosition")), _int(cg.get("CodeCount"))
        covered = range(start, start + max(count, 1))
        shift = sum(1 for r in removed if r < start)
        kept = [p for p in covered if p not in removed]
        if len(kept) == len(covered):
            cg.set("CodePosition", str(start - shift))
            continue
        if not kept:
            obj.remove(cg)
            continue
        holder = next((c for c in cg if local(c.tag) == "Glyphs"), None)
        glyph_ids = (holder.text or "").split() if holder is not None else []
        if holder is None or len(glyph_ids) != len(covered):
            obj.remove(cg)  # cannot tell which glyph is whose: the characters were widened away already
            continue
        holder.text = " ".join(glyph_ids[p - start] for p in kept)
        cg.set("CodePosition", str(start - shift))
        cg.set("CodeCount", str(len(kept)))
        cg.set("GlyphCount", str(len(kept)))


def box_object(tag_ns: str, object_id: int, box: g.BoxMM, origin: tuple[float, float] = (0.0, 0.0)) -> etree._Element:
    """An opaque black rectangle over `box` (page millimetres), placed relative to `origin`."""
    pad = 0.2
    x0, top, x1, bottom = box[0] - pad - origin[0], box[1] - pad - origin[1], box[2] + pad - origin[0], \
        box[3] + pad - origin[1]
    w, h = max(x1 - x0, 0.1), max(bottom - top, 0.1)
    path = etree.Element(f"{{{tag_ns}}}PathObject" if tag_ns else "PathObject",
                         ID=str(object_id), Boundary=f"{_fmt(x0)} {_fmt(top)} {_fmt(w)} {_fmt(h)}", Fill="true",
                         Stroke="false")
    prefix = f"{{{tag_ns}}}" if tag_ns else ""
    etree.SubElement(path, prefix + "FillColor", Value="0 0 0")
    data = etree.SubElement(path, prefix + "AbbreviatedData")
    data.text = f"M 0 0 L {_fmt(w)} 0 L {_fmt(w)} {_fmt(h)} L 0 {_fmt(h)} C"
    return path


def merge_boxes(boxes: Iterable[g.BoxMM]) -> list[g.BoxMM]:
    """Glyph boxes of one line joined into one rectangle per run of neighbours (fewer objects, no
    slivers between characters)."""
    out: list[list[float]] = []
    for b in sorted(boxes, key=lambda b: (round(b[1], 1), b[0])):
        if out:
            last = out[-1]
            height = max(last[3] - last[1], 1e-6)
            if abs(b[1] - last[1]) < 0.3 * height and abs(b[3] - last[3]) < 0.3 * height and \
                    b[0] <= last[2] + 0.5 * height:
                last[2] = max(last[2], b[2])
                last[1], last[3] = min(last[1], b[1]), max(last[3], b[3])
                continue
        out.append(list(b))
    return [tuple(b) for b in out]  # type: ignore[misc]

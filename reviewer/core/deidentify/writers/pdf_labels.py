"""The legal-basis label of each redaction drawn on its box in a PDF copy (like the exemption codes printed on
FOIA redactions), when the profile or the export asks for labels (`RedactionPlan.labels`).

Text writers print the label after the replacement (王某〔条例15〕, through the plan's replacement text); a PDF
removes characters and covers them with an opaque box, so the label is drawn on the box: in white, in the
embedded CJK font (a Form XObject made by reportlab, the font subset embedded as in the review log), scaled to fit
the box and left out where it would not be legible (narrower than 4 points). Pages the writer re-rendered as
images, rotated pages and pages whose boxes cannot be placed get no label; the returned note says how many were
drawn and skipped.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import pikepdf

from reviewer.core.deidentify.plan import RedactionPlan
from reviewer.core.documents.model import Document

FONT_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
FONT_NAME = "WQYZenHeiLabel"
REFERENCE = 10.0  # points: the size the label is drawn at before scaling into its box
SMALLEST = 4.0  # points: a label scaled below this height is left out (a box too small to read it)


def stamp_labels(output: Path, document: Document, plan: RedactionPlan, *,
                 skip: Iterable[int] = ()) -> tuple[str, ...]:
    """Draw the labels of `plan` on the boxes of every removed occurrence in the written copy at `output`."""
    if not plan.labels:
        return ()
    if not FONT_PATH.is_file():
        return (f"basis labels not drawn: the CJK font {FONT_PATH} is missing (install fonts-wqy-zenhei)",)
    skip = set(skip)
    places = _places(document, plan)
    drawn = skipped = 0
    forms: dict[str, tuple[pikepdf.Object, float, str]] = {}
    with pikepdf.open(output, allow_overwriting_input=True) as pdf:
        for number, stamps in sorted(places.items()):
            if number in skip or number > len(pdf.pages):
                skipped += len(stamps)
                continue
            page = pdf.pages[number - 1]
            if int(page.obj.get("/Rotate", 0)) % 360:
                skipped += len(stamps)
                continue
            box = [float(v) for v in page.mediabox]
            ops = []
            for label, (x0, top, x1, bottom) in stamps:
                if label not in forms:
                    forms[label] = (*_form(pdf, label), f"/RvBasis{len(forms)}")
                form, width, name = forms[label]
                scale = min((x1 - x0) * 0.94 / width, (bottom - top) * 0.86 / REFERENCE)
                if scale * REFERENCE < SMALLEST:
                    skipped += 1
                    continue
                if "/Resources" not in page.obj:
                    page.obj.Resources = pikepdf.Dictionary()
                if "/XObject" not in page.obj.Resources:
                    page.obj.Resources.XObject = pikepdf.Dictionary()
                page.obj.Resources.XObject[name] = form
                x = box[0] + x0 + ((x1 - x0) - width * scale) / 2
                y = box[3] - bottom + ((bottom - top) - REFERENCE * scale) / 2
                ops.append(f"q {scale:.4f} 0 0 {scale:.4f} {x:.2f} {y:.2f} cm {name} Do Q".encode())
                drawn += 1
            if ops:
                page.contents_add(pdf.make_stream(b"\n" + b"\n".join(ops) + b"\n"), prepend=False)
        pdf.save(output)
    note = f"legal-basis labels drawn on {drawn} boxes"
    return (note + (f", {skipped} left out (box too small, page rotated or re-rendered)" if skipped else ""),)


Rect = tuple[float, float, float, float]


def _places(document: Document, plan: RedactionPlan) -> dict[int, list[tuple[str, Rect]]]:
    """Per page, (label, box of the removed characters) for every occurrence of a labelled value."""
    matcher = plan.flexible_pattern()
    out: dict[int, list[tuple[str, Rect]]] = {}
    if matcher is None:
        return out
    for block in document.blocks:
        if block.page is None or block.boxes is None:
            continue
        for m in matcher.finditer(block.text):
            if "\n" in m.group():
                continue
            value = _value_of(plan, m.group())
            if value is None or value not in plan.labels:
                continue
            keep = plan.keep_masks.get(value, ())
            chars = [block.boxes[m.start() + i] for i in range(m.end() - m.start())
                     if (i >= len(keep) or not keep[i]) and m.start() + i < len(block.boxes)]
            chars = [c for c in chars if c is not None]
            if not chars:
                continue
            # one line: the characters on the first one's baseline (a value wrapped in a cell gets its first part)
            line = [c for c in chars if abs(c[3] - chars[0][3]) < 2]
            rect = (min(c[0] for c in line), min(c[1] for c in line),
                    max(c[2] for c in line), max(c[3] for c in line))
            out.setdefault(block.page, []).append((plan.labels[value], rect))
    return out


def _value_of(plan: RedactionPlan, matched: str) -> str | None:
    if matched in plan.values:
        return matched
    from reviewer.core.deidentify.flexible import match_key

    key = match_key(matched)
    return next((v for v in plan.values if match_key(v) == key), None)


def _form(pdf: pikepdf.Pdf, label: str) -> tuple[pikepdf.Object, float]:
    """The label as a Form XObject in white at REFERENCE points, and its width."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(FONT_PATH), subfontIndex=0))
    width = pdfmetrics.stringWidth(label, FONT_NAME, REFERENCE)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(width, REFERENCE), invariant=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont(FONT_NAME, REFERENCE)
    c.drawString(0, REFERENCE * 0.14, label)
    c.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as source:
        form = pdf.copy_foreign(source.pages[0].as_form_xobject())
    return form, width

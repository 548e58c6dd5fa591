"""Scanned PDF pages and pictures on PDF pages: removed values painted into pixels (the PDF writer's hook).

A page where OCR read a removed value (on a scan, or in a picture on a text page) is rendered by pdfium at
the resolution it was read at, the removed characters' areas (OCR boxes and, for visible text on the page,
the text layer's boxes) are painted opaque in that image, and the page is replaced by the image alone: the
original picture and content stream leave the page, so no pixel of a removed value is kept under a box.
The page keeps its searchable text: an invisible text layer (rendering mode 3, the non-embedded Adobe
STSong-Light font, Unicode through its predefined UniGB-UCS2-H encoding) carries the kept characters at
their places; kept characters that would spell a removed value once their neighbours are gone are dropped
from it too. The PDF writer then does its usual work on the result (text layers of other pages, metadata).
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reviewer.core.deidentify.plan import RedactionPlan, keep_mask
from reviewer.core.deidentify.writers.image import MARGIN, ocr_note
from reviewer.core.documents.model import Block, BlockKind, Box, Document
from reviewer.core.documents.pdf.pdfium_lock import PDFIUM_LOCK

DEFAULT_DPI = 200
JPEG_QUALITY = 80


@contextmanager
def scans_burned(document: Document, plan: RedactionPlan,
                 folder: Path) -> Iterator[tuple[Path, tuple[str, ...]]]:
    """The file the PDF writer should read (the input, or a copy with painted pages, kept in `folder`, the
    output's, never the system's temporary folder: the copy still holds the other pages' text) and the
    export notes."""
    pages = _pages(document)
    if not pages:
        yield Path(document.path), ()
        return
    from reviewer.core.documents.ocr.layout import mean_confidence

    notes = [ocr_note({n: _mean(bs, mean_confidence) for n, bs in pages.items()})]
    work = {n: _removals(document, n, bs, plan) for n, bs in pages.items()}
    work = {n: w for n, w in work.items() if w[0]}
    if not work:
        yield Path(document.path), tuple(notes)
        return
    from reviewer.core.documents.pdf.reader import openable_copy

    data = openable_copy(Path(document.path).read_bytes(), document.path)
    painted = _burn(data, work, {n: _dpi(bs) for n, bs in pages.items()})
    count = sum(len(w[0]) for w in work.values())
    notes.append(f"pages {sorted(work)} rendered as images with {count} removed characters painted over "
                 "(the original pictures and content left those pages); an invisible "
                 "text layer keeps their other text searchable")
    fd, name = tempfile.mkstemp(suffix=".part", prefix=".scans-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(painted)
        yield Path(name), tuple(notes)
    finally:
        Path(name).unlink(missing_ok=True)


def _pages(document: Document) -> dict[int, list[Block]]:
    found: dict[int, list[Block]] = {}
    for block in document.blocks:
        if block.ocr and block.page is not None:
            found.setdefault(block.page, []).append(block)
    return found


def _mean(blocks: list[Block], mean: Any) -> float:
    total = sum(len(b.text) for b in blocks)
    return sum(mean(b) * len(b.text) for b in blocks) / total if total else 0.0


def _dpi(blocks: list[Block]) -> int:
    values = [int(b.attrs["dpi"]) for b in blocks if b.attrs.get("dpi", "").isdigit()]
    return max(values) if values else DEFAULT_DPI


def _removals(document: Document, number: int, ocr_blocks: list[Block], plan: RedactionPlan
              ) -> tuple[list[Box], list[tuple[str, Box]]]:
    """Boxes to paint on page `number`, and the kept characters (with boxes) for its invisible layer."""
    whole = any(b.attrs.get("source") == "page" for b in ocr_blocks)
    text_layers = [b for b in document.blocks if b.kind is BlockKind.PAGE and b.page == number and not b.ocr]
    painted: list[Box] = []
    kept: list[tuple[str, Box]] = []
    pattern = plan.flexible_pattern()
    for block in text_layers + ocr_blocks:
        if block.boxes is None:
            continue
        removed: set[int] = set()
        if pattern is not None:
            for m in pattern.finditer(block.text):
                try:
                    keep = keep_mask(m.group(), plan.replacement_for(m.group()))
                except KeyError:
                    keep = (False,) * len(m.group())
                removed.update(m.start() + k for k in range(len(keep)) if not keep[k])
        for i, ch in enumerate(block.text):
            box = block.boxes[i] if i < len(block.boxes) else None
            if box is None or ch.isspace():
                continue
            if i in removed:
                painted.append(box)
            elif block.ocr or not whole:  # a page read whole: its own text layer is replaced by what OCR read
                kept.append((ch, box))
    _drop_spelled_values(kept, painted, plan)
    return painted, kept


def _drop_spelled_values(kept: list[tuple[str, Box]], painted: list[Box], plan: RedactionPlan) -> None:
    """Kept characters that spell a removed value once the characters between them are gone leave the
    invisible layer and are painted (as the text writers do for their gaps)."""
    pattern = plan.flexible_pattern()
    if pattern is None:
        return
    for _ in range(8):
        text = "".join(ch for ch, _ in kept)
        gone = {m.start() + k for m in pattern.finditer(text) for k in range(len(m.group()))}
        if not gone:
            return
        painted.extend(kept[i][1] for i in sorted(gone))
        kept[:] = [item for i, item in enumerate(kept) if i not in gone]


Work = dict[int, tuple[list[Box], list[tuple[str, Box]]]]  # page -> boxes to paint, kept characters


def _burn(data: bytes, work: Work, dpis: dict[int, int]) -> bytes:
    import pikepdf

    rendered = {n: _render(data, n, dpis.get(n, DEFAULT_DPI), boxes, kept)
                for n, (boxes, kept) in work.items()}
    with pikepdf.open(io.BytesIO(data)) as pdf:
        font = _invisible_font(pdf)
        for number, (jpeg, mode, size, page_size, chars) in rendered.items():
            _replace_page(pdf, pdf.pages[number - 1].obj, jpeg, mode, size, page_size, chars, font)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def _render(data: bytes, number: int, dpi: int, boxes: list[Box], kept: list[tuple[str, Box]]
            ) -> tuple[bytes, str, tuple[int, int], tuple[float, float], list[tuple[str, Box]]]:
    """The page as a painted JPEG, its colour mode, pixel size, its displayed size in points, and the kept
    characters with boxes in the displayed page (bottom-left origin)."""
    import ctypes

    import numpy as np
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
    from PIL import ImageDraw

    scale = dpi / 72.0
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(data)
        try:
            page = pdf[number - 1]
            try:
                width, height = page.get_size()
                image = page.render(scale=scale).to_pil().convert("RGB")
                media = [ctypes.c_float() for _ in range(4)]
                top = media[3].value if pdfium_c.FPDFPage_GetMediaBox(page.raw, *media) else 792.0
                dx, dy = ctypes.c_int(), ctypes.c_int()

                def device(x: float, y: float) -> tuple[int, int]:
                    pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, image.width, image.height, 0, x, y, dx, dy)
                    return dx.value, dy.value

                o, ex, ey = device(0, 0), device(1000, 0), device(0, 1000)
            finally:
                page.close()
        finally:
            pdf.close()
    ax, ay = (ex[0] - o[0]) / 1000, (ex[1] - o[1]) / 1000
    bx, by = (ey[0] - o[0]) / 1000, (ey[1] - o[1]) / 1000

    def to_device(box: Box) -> tuple[float, float, float, float]:
        """A top-left page box (unrotated page space) as a pixel rectangle of the rendered page."""
        pts = []
        for x, y_tl in ((box[0], box[1]), (box[2], box[3]), (box[0], box[3]), (box[2], box[1])):
            y = top - y_tl
            pts.append((o[0] + ax * x + bx * y, o[1] + ay * x + by * y))
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return min(xs), min(ys), max(xs), max(ys)

    draw = ImageDraw.Draw(image)
    for box in boxes:
        x0, y0, x1, y1 = to_device(box)
        pad = MARGIN * min(x1 - x0, y1 - y0) + 1
        draw.rectangle([x0 - pad, y0 - pad, x1 + pad, y1 + pad], fill=(0, 0, 0))
    pixels = np.asarray(image)
    sample = pixels[::8, ::8].astype(np.int16)
    grey = int(np.abs(sample[..., 0] - sample[..., 1]).max(initial=0)) < 24 and \
        int(np.abs(sample[..., 1] - sample[..., 2]).max(initial=0)) < 24
    if grey:
        image = image.convert("L")
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=JPEG_QUALITY)
    chars = []
    for ch, box in kept:
        x0, y0, x1, y1 = to_device(box)
        chars.append((ch, (x0 / scale, height - y1 / scale, x1 / scale, height - y0 / scale)))
    return buf.getvalue(), "L" if grey else "RGB", image.size, (width, height), chars


def _invisible_font(pdf: Any) -> Any:
    from pikepdf import Array, Dictionary, Name, String

    descriptor = Dictionary(Type=Name.FontDescriptor, FontName=Name("/STSong-Light"), Flags=6,
                            FontBBox=Array([-25, -254, 1000, 880]), ItalicAngle=0, Ascent=880, Descent=-120,
                            CapHeight=880, StemV=93)
    cid = Dictionary(Type=Name.Font, Subtype=Name.CIDFontType0, BaseFont=Name("/STSong-Light"),
                     CIDSystemInfo=Dictionary(Registry=String("Adobe"), Ordering=String("GB1"), Supplement=2),
                     FontDescriptor=pdf.make_indirect(descriptor), DW=1000)
    return pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type0, BaseFont=Name("/STSong-Light"),
                                        Encoding=Name("/UniGB-UCS2-H"),
                                        DescendantFonts=Array([pdf.make_indirect(cid)])))


def _replace_page(pdf: Any, page: Any, jpeg: bytes, mode: str, size: tuple[int, int],
                  page_size: tuple[float, float], chars: list[tuple[str, Box]], font: Any) -> None:
    import pikepdf

    width, height = page_size
    image = pikepdf.Stream(pdf, jpeg)
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height = size
    image.ColorSpace = pikepdf.Name.DeviceGray if mode == "L" else pikepdf.Name.DeviceRGB
    image.BitsPerComponent = 8
    image.Filter = pikepdf.Name.DCTDecode
    ops = [f"q {width:.3f} 0 0 {height:.3f} 0 0 cm /Im0 Do Q".encode()]
    if chars:
        ops.append(b"BT 3 Tr")
        for ch, (x0, y0, x1, y1) in chars:
            code = ch.encode("utf-16-be")
            if len(code) != 2:
                continue  # beyond the BMP: not in the UCS-2 encoding
            w, h = max(x1 - x0, 0.1), max(y1 - y0, 0.1)
            tm = f"{w:.2f} 0 0 {h:.2f} {x0:.2f} {y0 + 0.12 * h:.2f} Tm"
            ops.append(f"/F0 1 Tf {tm} <{code.hex()}> Tj".encode())
        ops.append(b"ET")
    for key in ("/CropBox", "/TrimBox", "/BleedBox", "/ArtBox", "/Rotate", "/Annots", "/StructParents",
                "/Thumb", "/Group", "/UserUnit"):
        if key in page:
            del page[key]
    page.MediaBox = pikepdf.Array([0, 0, width, height])
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image),
                                        Font=pikepdf.Dictionary(F0=font))
    page.Contents = pdf.make_stream(b"\n".join(ops))

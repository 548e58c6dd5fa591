"""True PDF redaction: the glyphs under a redaction leave the content stream; metadata is scrubbed.

A black box drawn over live text is the classic failed redaction: the text is still selectable.
Here the characters of each de-identified value (found by value in the page's glyph sequence and by
the reader's character boxes) are removed from the page or Form XObject content stream
(`pdf_content_editor`), keeping every other glyph in place, and an opaque box is drawn where they
were. A page whose streams cannot be edited with certainty (vertical writing, unknown encodings,
parser disagreement) is re-rendered with pdfium as an image with the boxes burned in; that page
loses its text layer, which the report states; so does a page where a redaction lies on an image
(a scan with an OCR layer), because covering would leave the pixels in the image data. Document-level
scrubbing (metadata, actions, attachments, annotations, strings) is in `pdf_scrub`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from reviewer.core.deidentify.plan import RedactionPlan
from reviewer.core.deidentify.writers.pdf_content_editor import (
    EditUnsafe,
    Glyph,
    Key,
    PageMap,
    rewrite_stream,
)
from reviewer.core.deidentify.writers.pdf_glyphs import (
    Needles,
    choose_glyphs,
    located_boxes,
    map_and_choose,
    needles_of,
    pages_to_map,
    reading_order_boxes,
)
from reviewer.core.deidentify.writers.pdf_raster import encode, page_format
from reviewer.core.deidentify.writers.pdf_scrub import (
    replace_strings,
    scrub_structure,
    strip_picture_metadata,
)
from reviewer.core.documents.image_metadata import stripped_note
from reviewer.core.documents.pdf.pdfium_lock import PDFIUM_LOCK

_INVISIBLE = {" ", "\t", "\n", "\r", "\u3000", "\u00a0", "\u200b", "\ufeff"}


@dataclass(frozen=True, slots=True)
class PdfWriteReport:
    glyphs_removed: int
    pages_edited: tuple[int, ...]
    pages_rasterized: tuple[int, ...]
    strings_replaced: int
    annotations_removed: int
    pages_over_images: tuple[int, ...] = ()
    pictures_stripped: int = 0
    source_note: str = ""  # which copy of a damaged or partly encrypted file was written from

    @property
    def notes(self) -> tuple[str, ...]:
        notes = [f"{self.glyphs_removed} characters removed from content streams on pages "
                 f"{list(self.pages_edited) or '-'}", f"{self.strings_replaced} metadata/outline/link strings replaced"]
        if self.pages_rasterized:
            notes.append(f"pages {list(self.pages_rasterized)} re-rendered as images (text layer lost)")
        if self.pages_over_images:
            notes.append(f"pages {list(self.pages_over_images)}: redactions lie on images (scans); the boxes follow "
                         "the OCR text layer, check those pages visually")
        if self.annotations_removed:
            notes.append(f"{self.annotations_removed} annotations removed")
        if self.pictures_stripped:
            notes.append(stripped_note(self.pictures_stripped))
        if self.source_note:
            notes.append(self.source_note)
        return tuple(notes)


def write_pdf(source: Path, plan: RedactionPlan, output: str | Path, *, rasterize: bool = False,
              progress: Callable[[int, int], None] | None = None, document: object | None = None,
              cancelled: Callable[[], bool] | None = None) -> PdfWriteReport:
    """Write the redacted copy. `rasterize=True` re-renders every page that has a redaction as an
    image (no text layer on those pages) instead of editing its content stream. `document`: the reading
    of `source` (its page texts and character boxes find every value in reading order; without it the
    pages are read again with pdfium). `progress(done, total)`: pages mapped and their glyphs chosen
    (most of the writing time); `cancelled()` is polled between pages and raises ExportCancelled."""
    from reviewer.core.documents.pdf.reader import export_source

    # the copy the reader read (repaired xref, owner-password-only, rebuilt catalog) so every readable
    # PDF can be exported too
    data, source_note = export_source(source.read_bytes(), str(source))
    located = located_boxes(plan)
    needles = needles_of(plan)
    if document is not None:
        reading = reading_order_boxes(document, needles)
        wanted = set(reading) | set(located)
        for number, boxes in reading.items():
            located.setdefault(number, []).extend(boxes)
    else:
        wanted = pages_to_map(data, plan) | set(located)

    def at(done: int) -> None:  # on a scale of 1000: pages mapped to 850, then edits, boxes and saving
        _check_cancelled(cancelled)
        if progress is not None:
            progress(done, 1000)

    maps, chosen = map_and_choose(data, wanted, needles, dict(plan.keep_masks), located,
                                  lambda done, total: at(850 * done // max(total, 1)),
                                  kept_masks=dict(plan.kept_masks))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        over_images = {n for n, glyphs in chosen.items() if _over_image(glyphs, maps[n].images)}
        if rasterize:
            edited, raster = set(), {n for n, glyphs in chosen.items() if glyphs}
        else:
            edited, raster = _edit_streams(pdf, maps, chosen, over_images)
        # a page whose content qpdf cannot parse cannot be checked string by string, and one where a
        # character to remove matched no glyph cannot be edited with certainty: their pictures go out
        raster |= _unparsable_pages(pdf) | {n for n, m in maps.items() if m.uncertain}
        at(880)
        for k, number in enumerate(sorted(raster)):
            at(880 + 60 * k // len(raster))
            _rasterize(pdf, data, number, chosen.get(number, []), maps.get(number), needles)
        for m in maps.values():
            if m.number not in raster and chosen[m.number]:
                _draw_boxes(pdf, pdf.pages[m.number - 1], m, chosen[m.number])
        at(940)
        removed_annots = scrub_structure(pdf)
        pictures = strip_picture_metadata(pdf)
        replaced = replace_strings(pdf, plan)
        at(960)
        pdf.save(output, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                 fix_metadata_version=False)
    at(1000)
    return PdfWriteReport(glyphs_removed=sum(len(g) for n, g in chosen.items() if n not in raster),
                          pages_edited=tuple(sorted(edited)), pages_rasterized=tuple(sorted(raster)),
                          strings_replaced=replaced, annotations_removed=removed_annots,
                          pages_over_images=tuple(sorted(over_images)), pictures_stripped=pictures,
                          source_note=source_note)


def _unparsable_pages(pdf: pikepdf.Pdf) -> set[int]:
    """Pages whose content streams qpdf cannot parse (damaged, or holding what no content stream may)."""
    pages = set()
    for number, page in enumerate(pdf.pages, 1):
        try:
            pikepdf.parse_content_stream(page)
        except (pikepdf.PdfError, TypeError, ValueError, RuntimeError):
            pages.add(number)
    return pages


def _check_cancelled(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        from reviewer.core.deidentify.errors import ExportCancelled

        raise ExportCancelled()


# --- which glyphs go -------------------------------------------------------------------------

# --- content streams -------------------------------------------------------------------------

def _over_image(glyphs: list[Glyph], images: list[tuple[float, float, float, float]]) -> bool:
    """A removed glyph lying on an image (typically the invisible OCR layer of a scan): the pixels
    under it would survive in the image data, so the page must be re-rendered, not covered."""
    return any(g.bbox[0] < i[2] and i[0] < g.bbox[2] and g.bbox[1] < i[3] and i[1] < g.bbox[3]
               for g in glyphs for i in images)


def _edit_streams(pdf: pikepdf.Pdf, maps: dict[int, PageMap], chosen: dict[int, list[Glyph]],
                  forced: set[int]) -> tuple[set[int], set[int]]:
    by_key: dict[Key, dict[tuple[int, int], list[Glyph]]] = {}
    pages_of_key: dict[Key, set[int]] = {}
    map_of_key: dict[Key, PageMap] = {}
    for m in maps.values():
        for g in chosen[m.number]:
            by_key.setdefault(g.key, {}).setdefault((g.op, g.element), []).append(g)
            pages_of_key.setdefault(g.key, set()).add(m.number)
            map_of_key.setdefault(g.key, m)
    raster: set[int] = set(forced)
    for key, pages in pages_of_key.items():
        if any(key in maps[n].unsafe for n in pages):
            raster |= pages
    edited: set[int] = set()
    for key, removals in by_key.items():
        pages = pages_of_key[key]
        if pages & raster:
            raster |= pages
            continue
        try:
            if key[0] == "page":
                page = pdf.pages[key[1] - 1]
                instructions = pikepdf.parse_content_stream(page)
                new, _ = rewrite_stream(instructions, key, map_of_key[key], removals)
                page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(new))
            else:
                stream = pdf.get_object((key[1], 0))
                new, _ = rewrite_stream(pikepdf.parse_content_stream(stream), key, map_of_key[key], removals)
                stream.write(pikepdf.unparse_content_stream(new))
            edited |= pages
        except (EditUnsafe, pikepdf.PdfError, ValueError, TypeError):
            raster |= pages
    return edited - raster, raster


def _rendered_value_boxes(page: object, needles: Needles, number: int, width: int, height: int
                          ) -> list[tuple[float, float, float, float]]:
    """Pixel boxes (left, top, right, bottom) of the removed characters of every value in pdfium's text of
    `page`, rendered at `width` x `height` with the page's own rotation. Caller holds PDFIUM_LOCK."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        glyphs = []
        dx, dy = ctypes.c_int(), ctypes.c_int()
        for i in range(textpage.count_chars()):
            corners = []
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            for x, y in ((left, bottom), (right, top)):
                pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, width, height, 0, x, y, dx, dy)
                corners.append((dx.value, dy.value))
            (ax, ay), (bx, by) = corners
            box = (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
            glyphs.append(Glyph(("page", number), 0, 0, 0, 0, textpage.get_text_range(i, 1), box, 0.0, 0.0))
    finally:
        textpage.close()
    page_map = PageMap(number=number, ctm=(1, 0, 0, 1, 0, 0), height=0.0, glyphs=glyphs)
    chosen = choose_glyphs(page_map, needles, {})
    return [g.bbox for g in chosen]


def _inverse(m: tuple[float, ...]) -> tuple[float, ...]:
    a, b, c, d, e, f = m
    det = a * d - b * c
    return (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _draw_boxes(pdf: pikepdf.Pdf, page: pikepdf.Page, m: PageMap, glyphs: list[Glyph]) -> None:
    """Wrap the page content in q/Q and paint an opaque box over each removed glyph, in user space."""
    inv = _inverse(m.ctm)
    ops = [b"q 0 0 0 rg"]
    for g in glyphs:
        x0, y0, x1, y1 = g.bbox
        pts = [_apply(inv, x, y) for x, y in ((x0, y0), (x1, y1), (x0, y1), (x1, y0))]
        ux0, uy0 = min(p[0] for p in pts), min(p[1] for p in pts)
        ux1, uy1 = max(p[0] for p in pts), max(p[1] for p in pts)
        ops.append(f"{ux0:.2f} {uy0:.2f} {ux1 - ux0:.2f} {uy1 - uy0:.2f} re f".encode())
    ops.append(b"Q")
    page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
    page.contents_add(pdf.make_stream(b"\nQ\n" + b"\n".join(ops) + b"\n"), prepend=False)


def _rasterize(pdf: pikepdf.Pdf, data: bytes, number: int, glyphs: list[Glyph], m: PageMap | None,
               needles: Needles) -> None:
    """Replace a page by an image of itself with the boxes burned in (no text layer remains).

    Boxes go where pdfminer put the removed glyphs and, as well, where pdfium (which draws the image)
    puts the characters of every value on the page: the pages that land here are exactly those whose
    streams pdfminer could not map with certainty, and its positions there can be off by whole
    characters (a code missing from the CMap shifted a line by one em and left a removed 三 legible)."""
    import pypdfium2
    from PIL import ImageDraw

    with PDFIUM_LOCK:
        doc = pypdfium2.PdfDocument(data)
        try:
            src = doc[number - 1]
            width, height = src.get_size()
            # encoded like the page's own picture (a scan stays a bilevel or JPEG scan of its resolution)
            fmt = page_format(pdf, pdf.pages[number - 1], m.images if m is not None else [], width, height)
            bitmap = src.render(scale=fmt.scale, grayscale=fmt.kind != "rgb")
            image = bitmap.to_pil().convert("L" if fmt.kind != "rgb" else "RGB")
            bitmap.close()  # freed under the lock, not by a finalizer in another thread
            drawn = _rendered_value_boxes(src, needles, number, image.width, image.height)
            src.close()
        finally:
            doc.close()
    draw = ImageDraw.Draw(image)
    black = 0 if image.mode == "L" else (0, 0, 0)
    scale = fmt.scale
    for g in glyphs:
        x0, y0, x1, y1 = g.bbox
        draw.rectangle([x0 * scale, (height - y1) * scale, x1 * scale, (height - y0) * scale], fill=black)
    for box in drawn:
        draw.rectangle(box, fill=black)
    xobj = encode(pdf, image, fmt)
    page = pdf.pages[number - 1].obj
    for key in ("/CropBox", "/TrimBox", "/BleedBox", "/ArtBox", "/Rotate", "/Annots", "/StructParents"):
        if key in page:
            del page[key]
    page.MediaBox = pikepdf.Array([0, 0, width, height])
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=xobj))
    page.Contents = pdf.make_stream(f"q {width:.3f} 0 0 {height:.3f} 0 0 cm /Im0 Do Q".encode())


def write_copy(document, plan: RedactionPlan, output: Path, *, options=None,  # noqa: ANN001
               progress: Callable[[int, int], None] | None = None) -> tuple[str, ...]:
    """The writers' common entry point (`reviewer.core.deidentify.writers.write_copy`)."""
    from reviewer.core.deidentify.writers.pdf_scans import scans_burned  # OCR hook (issue 27)

    rasterize = bool(getattr(options, "pdf_rasterize", False))
    with scans_burned(document, plan, Path(output).parent) as (source, scan_notes):  # OCR-read values painted
        return write_pdf(source, plan, output, rasterize=rasterize, progress=progress, document=document,
                         cancelled=getattr(options, "cancelled", None)).notes + scan_notes

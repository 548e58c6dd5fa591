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

import bisect
import io
import re
import unicodedata
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
    map_pages,
    rewrite_stream,
)
from reviewer.core.deidentify.writers.pdf_scrub import (
    replace_strings,
    scrub_structure,
    strip_picture_metadata,
)
from reviewer.core.documents.image_metadata import stripped_note
from reviewer.core.documents.pdf.pdfium_lock import PDFIUM_LOCK, pdfium_page_texts
from reviewer.core.trie_regex import compile_literals

RASTER_SCALE = 2.0  # 144 dpi for pages that must be re-rendered
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
        return tuple(notes)


def write_pdf(source: Path, plan: RedactionPlan, output: str | Path, *, rasterize: bool = False,
              progress: Callable[[int, int], None] | None = None) -> PdfWriteReport:
    """Write the redacted copy. `rasterize=True` re-renders every page that has a redaction as an
    image (no text layer on those pages) instead of editing its content stream. `progress(done,
    total)`: pages mapped and their glyphs chosen (most of the writing time)."""
    from reviewer.core.documents.pdf.reader import openable_copy

    # the copy the reader read (repaired xref, owner-password-only) so every readable PDF can be exported
    data = openable_copy(source.read_bytes(), str(source))
    located = _located_boxes(plan)
    needles = _needles(plan)
    maps: list[PageMap] = []
    chosen: dict[int, list[Glyph]] = {}
    wanted = _pages_to_map(data, plan) | set(located)
    total = _page_count(data) if progress is not None else 0
    for m in map_pages(data, wanted):
        maps.append(m)
        chosen[m.number] = _choose_glyphs(m, needles, located)
        if progress is not None:
            progress(len(maps), max(total, len(maps)))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        over_images = {n for n, glyphs in chosen.items() if _over_image(glyphs, maps[n - 1].images)}
        if rasterize:
            edited, raster = set(), {n for n, glyphs in chosen.items() if glyphs}
        else:
            edited, raster = _edit_streams(pdf, maps, chosen, over_images)
        for number in raster:
            _rasterize(pdf, data, number, chosen[number], maps[number - 1], needles)
        for m in maps:
            if m.number not in raster and chosen[m.number]:
                _draw_boxes(pdf, pdf.pages[m.number - 1], m, chosen[m.number])
        removed_annots = scrub_structure(pdf)
        pictures = strip_picture_metadata(pdf)
        replaced = replace_strings(pdf, plan)
        pdf.save(output, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                 fix_metadata_version=False)
    return PdfWriteReport(glyphs_removed=sum(len(g) for n, g in chosen.items() if n not in raster),
                          pages_edited=tuple(sorted(edited)), pages_rasterized=tuple(sorted(raster)),
                          strings_replaced=replaced, annotations_removed=removed_annots,
                          pages_over_images=tuple(sorted(over_images)), pictures_stripped=pictures)


def _page_count(data: bytes) -> int:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


# --- which glyphs go -------------------------------------------------------------------------

def _norm_chars(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c not in _INVISIBLE)


@dataclass(frozen=True, slots=True)
class _Needles:
    """The plan's values normalised once per export: per page, 2,400 values took 90 % of a 300-page write."""

    masks: tuple[tuple[str, list[bool]], ...]  # normalised value and keep flags, longest first
    skeletons: tuple[tuple[tuple[str, bool], ...], ...]  # letters and digits with keep flags (6+), longest first
    any_value: re.Pattern[str] | None = None  # every normalised value, for the text left after removal
    contexts: frozenset[str] = frozenset()  # which masks are kept contexts (plan.kept_contexts)


def _needles(plan: RedactionPlan) -> _Needles:
    # kept contexts (an occurrence a reviewer keeps) are matched like values, longest first, with their
    # own flags: the value inside them stays, other removed values inside them still go
    contexts = [_normalised_keep(c, k) for c, k in plan.kept_masks.items()]
    values = [_normalised_keep(v, k) for v, k in plan.keep_masks.items()]
    masks = sorted(values + contexts, key=lambda vk: -len(vk[0]))
    skeletons = []
    for value, keep in plan.keep_masks.items():
        pairs = tuple((n, flag) for ch, flag in zip(value, keep, strict=True) for n in _norm_chars(ch) if n.isalnum())
        if len(pairs) >= 6:
            skeletons.append(pairs)
    return _Needles(tuple(masks), tuple(sorted(skeletons, key=lambda p: -len(p))),
                    compile_literals({v for v, _ in values if v}), frozenset(c for c, _ in contexts))


def _choose_glyphs(page: PageMap, needles: _Needles,
                   located: dict[int, list[tuple[float, float, float, float]]]) -> list[Glyph]:
    """Glyphs to remove: every match of a value in the page's glyph text, plus glyphs under located boxes."""
    chosen: dict[int, Glyph] = {}
    norm: list[str] = []
    owner: list[int] = []
    for i, g in enumerate(page.glyphs):
        for ch in _norm_chars(g.text):
            norm.append(ch)
            owner.append(i)
    text = "".join(norm)
    claimed = [False] * len(text)
    covered: set[int] = set()  # glyphs inside a matched value (kept or removed)
    protected: set[int] = set()  # glyphs a kept context keeps: never removed as part of a value
    # longest values first, and a match overlapping a longer one is skipped: the same choice as the
    # longest-first replacement of the text writers (an 8-digit landline inside a mobile number)
    for nvalue, nkeep in needles.masks:
        if len(nvalue) < 1:
            continue
        start = text.find(nvalue)
        while start >= 0:
            end = start + len(nvalue)
            if not any(claimed[start:end]):
                claimed[start:end] = [True] * len(nvalue)
                covered.update(owner[start:end])
                for k in range(len(nvalue)):
                    if not nkeep[k]:
                        chosen[owner[start + k]] = page.glyphs[owner[start + k]]
                    elif nvalue in needles.contexts:
                        protected.add(owner[start + k])
            start = text.find(nvalue, start + 1)
    _choose_by_skeleton(page, needles, chosen, covered)
    boxes = located.get(page.number, [])
    if boxes:
        # glyph centres in pdfplumber's top-left coordinates, sorted by y for a range search per box
        centres = sorted(((page.height - (g.bbox[1] + g.bbox[3]) / 2, (g.bbox[0] + g.bbox[2]) / 2, i)
                          for i, g in enumerate(page.glyphs)))
        ys = [c[0] for c in centres]
        for x0, top, x1, bottom in boxes:
            lo, hi = bisect.bisect_left(ys, top - 0.5), bisect.bisect_right(ys, bottom + 0.5)
            for _, cx, i in centres[lo:hi]:
                if x0 - 0.5 <= cx <= x1 + 0.5:
                    chosen[i] = page.glyphs[i]
    if chosen:
        _no_value_left(page, needles, chosen, protected)
    return [chosen[i] for i in sorted(chosen)]


def _no_value_left(page: PageMap, needles: _Needles, chosen: dict[int, Glyph], protected: set[int]) -> None:
    """Removing characters can bring others together that spell a removed value: 黄龙玉 keeps 黄 (黄某),
    and with 龙玉 gone, 黄 and the 明 of 明年 read as 黄明, another name of the plan, wherever text
    extractors join across the gap (the verifier does, and refused the export). Such a run goes
    whole; repeated, as each removal opens a new gap (a few rounds at most in practice)."""
    if needles.any_value is None:
        return
    for _ in range(8):
        chars: list[str] = []
        owner: list[int] = []
        for i, g in enumerate(page.glyphs):
            if i not in chosen:
                for ch in _norm_chars(g.text):
                    chars.append(ch)
                    owner.append(i)
        added = False
        for m in needles.any_value.finditer("".join(chars)):
            if protected.intersection(owner[m.start():m.end()]):
                continue  # the occurrence a reviewer kept, inside its context
            for i in owner[m.start():m.end()]:
                if i not in chosen:
                    chosen[i] = page.glyphs[i]
                    added = True
        if not added:
            return


def _choose_by_skeleton(page: PageMap, needles: _Needles, chosen: dict[int, Glyph], covered: set[int]) -> None:
    """Long values also by their letters and digits only (`138-9600-1234` for 13896001234), as the
    verifier checks them; longest first, never inside a value already matched."""
    skel: list[str] = []
    owner: list[int] = []
    for i, g in enumerate(page.glyphs):
        for ch in _norm_chars(g.text):
            if ch.isalnum():
                skel.append(ch)
                owner.append(i)
    text = "".join(skel)
    for pairs in needles.skeletons:
        needle = "".join(n for n, _ in pairs)
        start = text.find(needle)
        while start >= 0:
            glyphs = owner[start:start + len(needle)]
            if not covered.intersection(glyphs):
                covered.update(glyphs)
                for k, (_, flag) in enumerate(pairs):
                    if not flag:
                        chosen.setdefault(owner[start + k], page.glyphs[owner[start + k]])
            start = text.find(needle, start + 1)


def _normalised_keep(value: str, keep: tuple[bool, ...]) -> tuple[str, list[bool]]:
    chars: list[str] = []
    flags: list[bool] = []
    for ch, flag in zip(value, keep, strict=True):
        for n in _norm_chars(ch):
            chars.append(n)
            flags.append(flag)
    nvalue = "".join(chars)
    if nvalue != _norm_chars(value):
        flags = [False] * len(_norm_chars(value))
        nvalue = _norm_chars(value)
    return nvalue, flags


def _pages_to_map(data: bytes, plan: RedactionPlan) -> set[int]:
    """Pages whose pdfium text holds a value: only those need the (slow) glyph-level map. A value that
    pdfium misses on another page is still caught by verification, which then refuses the export."""
    values = {_norm_chars(v) for v in plan.values}
    values.discard("")
    skeletons = {k for v in values for k in ["".join(c for c in v if c.isalnum())] if len(k) >= 6}
    pages: set[int] = set()
    if not values:
        return pages
    for index, raw in enumerate(pdfium_page_texts(data)):
        text = _norm_chars(raw)
        skeleton = "".join(c for c in text if c.isalnum())
        if any(v in text for v in values) or any(k in skeleton for k in skeletons):
            pages.add(index + 1)
    return pages


def _located_boxes(plan: RedactionPlan) -> dict[int, list[tuple[float, float, float, float]]]:
    """Per page, the boxes (pdfplumber top-left coordinates) of the removed characters of located findings."""
    pages: dict[int, list[tuple[float, float, float, float]]] = {}
    for r in plan.replacements:
        loc = r.finding.locator or {}
        if not isinstance(loc.get("page"), int) or not loc.get("boxes"):
            continue
        boxes = loc["boxes"]
        aligned = len(boxes) == len(r.keep)
        for i, box in enumerate(boxes):
            if not aligned or not r.keep[i]:
                pages.setdefault(loc["page"], []).append(tuple(box))
    return pages


# --- content streams -------------------------------------------------------------------------

def _over_image(glyphs: list[Glyph], images: list[tuple[float, float, float, float]]) -> bool:
    """A removed glyph lying on an image (typically the invisible OCR layer of a scan): the pixels
    under it would survive in the image data, so the page must be re-rendered, not covered."""
    return any(g.bbox[0] < i[2] and i[0] < g.bbox[2] and g.bbox[1] < i[3] and i[1] < g.bbox[3]
               for g in glyphs for i in images)


def _edit_streams(pdf: pikepdf.Pdf, maps: list[PageMap], chosen: dict[int, list[Glyph]],
                  forced: set[int]) -> tuple[set[int], set[int]]:
    by_key: dict[Key, dict[tuple[int, int], list[Glyph]]] = {}
    pages_of_key: dict[Key, set[int]] = {}
    map_of_key: dict[Key, PageMap] = {}
    for m in maps:
        for g in chosen[m.number]:
            by_key.setdefault(g.key, {}).setdefault((g.op, g.element), []).append(g)
            pages_of_key.setdefault(g.key, set()).add(m.number)
            map_of_key.setdefault(g.key, m)
    raster: set[int] = set(forced)
    for key, pages in pages_of_key.items():
        if any(key in maps[n - 1].unsafe for n in pages):
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


def _rendered_value_boxes(page: object, needles: _Needles, number: int, width: int, height: int
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
    chosen = _choose_glyphs(PageMap(number=number, ctm=(1, 0, 0, 1, 0, 0), height=0.0, glyphs=glyphs), needles, {})
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


def _rasterize(pdf: pikepdf.Pdf, data: bytes, number: int, glyphs: list[Glyph], m: PageMap,
               needles: _Needles) -> None:
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
            bitmap = src.render(scale=RASTER_SCALE)
            image = bitmap.to_pil().convert("RGB")
            bitmap.close()  # freed under the lock, not by a finalizer in another thread
            drawn = _rendered_value_boxes(src, needles, number, image.width, image.height)
            src.close()
        finally:
            doc.close()
    draw = ImageDraw.Draw(image)
    for g in glyphs:
        x0, y0, x1, y1 = g.bbox
        draw.rectangle([x0 * RASTER_SCALE, (height - y1) * RASTER_SCALE, x1 * RASTER_SCALE,
                        (height - y0) * RASTER_SCALE], fill=(0, 0, 0))
    for box in drawn:
        draw.rectangle(box, fill=(0, 0, 0))
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=85)
    xobj = pikepdf.Stream(pdf, buf.getvalue())
    xobj.Type, xobj.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    xobj.Width, xobj.Height = image.width, image.height
    xobj.ColorSpace, xobj.BitsPerComponent = pikepdf.Name.DeviceRGB, 8
    xobj.Filter = pikepdf.Name.DCTDecode
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
    rasterize = bool(getattr(options, "pdf_rasterize", False))
    report = write_pdf(Path(document.path), plan, output, rasterize=rasterize, progress=progress)
    if not plan.labels:
        return report.notes
    # --- legal-basis labels on the boxes (issue 26, pdf_labels.py): drawn on the written copy
    from reviewer.core.deidentify.writers.pdf_labels import stamp_labels

    return report.notes + stamp_labels(Path(output), document, plan, skip=report.pages_rasterized)

"""Where OCR runs on a PDF, and the blocks it adds: scanned pages and pictures on text pages.

Decided per page: a page whose text layer is unusable (no characters, or mostly characters without a
Unicode meaning) or that an image covers for the most part is rendered whole and read; on any other page
each picture large enough to hold a line of text is read from the rendered page, cut to the picture's
bounds (what the reader sees, masks and transforms applied). Rendering is at the pictures' own resolution,
150-300 dpi (200 for a page without pictures: text drawn as outlines). A recognised character's box is
mapped back through pdfium's device-to-page transform into the text layer's coordinates (points,
unrotated page, top-left origin), so OCR findings are highlighted and redacted like text.
The blocks of a page follow the page's own text block; their attrs say `ocr`, the resolution and
whether the whole page or one picture was read (the writer and the verifier use the same plan).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reviewer.core.documents.model import Block, BlockKind
from reviewer.core.documents.ocr.layout import ocr_block
from reviewer.core.documents.ocr.pool import Job, recognise_jobs
from reviewer.core.documents.pdf.pdfium_lock import PDFIUM_LOCK

MIN_CHARS = 5  # fewer visible characters than this: no usable text layer (a page number on a scan)
MAX_BAD_SHARE = 0.3  # share of characters without a Unicode meaning beyond which a text layer is garbage
PAGE_COVER = 0.5  # images covering this share of a page: the page is read whole
MIN_PICTURE_PT = (40.0, 14.0)  # a picture smaller than this (long side, short side, points) holds no line
MIN_PICTURE_PX = (64, 20)
DPI_RANGE = (150, 300)
_UNMAPPED = "\ufffd\ufffe\uffff"
OUTLINE_DPI = 200


@dataclass(frozen=True, slots=True)
class Region:
    """One image to read on a page: the whole page (`picture` None) or one picture's bounds."""

    page: int  # 0-based
    picture: int | None
    bounds: tuple[float, float, float, float]  # left, bottom, right, top in PDF user space
    dpi: int


def usable_text(text: str) -> bool:
    visible = [c for c in text if not c.isspace()]
    if len(visible) < MIN_CHARS:
        return False
    bad = sum(1 for c in visible if c in _UNMAPPED or unicodedata.category(c) in ("Co", "Cn", "Cc", "Cs"))
    return bad <= MAX_BAD_SHARE * len(visible)


def _pictures(page: Any) -> list[tuple[tuple[float, float, float, float], tuple[int, int]]]:
    """Bounds (page space) and pixel size of every image on the page, inside form XObjects too."""
    import pypdfium2.raw as pdfium_c

    found: list[tuple[tuple[float, float, float, float], tuple[int, int]]] = []

    def walk(form: Any, matrix: Any, depth: int) -> None:
        for obj in page.get_objects(max_depth=0, form=form):
            if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                left, bottom, right, top = obj.get_bounds() if hasattr(obj, "get_bounds") else obj.get_pos()
                if matrix is not None:
                    corners = ((left, bottom), (right, top), (left, top), (right, bottom))
                    xs, ys = zip(*(matrix.on_point(x, y) for x, y in corners))
                    left, bottom, right, top = min(xs), min(ys), max(xs), max(ys)
                try:
                    size = tuple(obj.get_px_size())
                except Exception:  # noqa: BLE001 - an image pdfium cannot size: judged by its bounds alone
                    size = (0, 0)
                found.append(((left, bottom, right, top), size))  # type: ignore[arg-type]
            elif obj.type == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 8:
                inner = obj.get_matrix()
                walk(obj, inner if matrix is None else inner.multiply(matrix), depth + 1)

    walk(None, None, 0)
    return found


def plan_regions(pdf: Any, texts: Sequence[str] | None) -> list[Region]:
    """What to read on every page of the open pdfium document `pdf` (caller holds PDFIUM_LOCK); `texts` are
    the pages' text layers (None: every page is judged by its pictures only, as the verifier does)."""
    regions: list[Region] = []
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            text = texts[index] if texts is not None and index < len(texts) else None
            regions += page_regions(page, index, text, judged_by_text=texts is not None)
        finally:
            page.close()
    return regions


def page_regions(page: Any, index: int, text: str | None, *, judged_by_text: bool) -> list[Region]:
    """What to read on one open pdfium page (page `index`, 0-based; caller holds PDFIUM_LOCK); `text` is
    its text layer, `judged_by_text` False when the page is judged by its pictures only (the verifier,
    which calls this on the page it has open anyway)."""
    width, height = page.get_size()
    area = max(width * height, 1.0)
    pictures = _pictures(page)
    drawn = pictures or any(True for _ in page.get_objects(max_depth=0))
    if not drawn:
        return []  # nothing on the page to read
    cover = sum(max(0.0, x1 - x0) * max(0.0, y1 - y0) for (x0, y0, x1, y1), _ in pictures) / area
    dpis = [_dpi(bounds, size) for bounds, size in pictures if size[0] > 0]
    usable = text is not None and usable_text(text)
    if (judged_by_text and not usable) or cover >= PAGE_COVER:
        if not pictures and judged_by_text and not any(not c.isspace() for c in text or ""):
            dpi = OUTLINE_DPI  # vector outlines or a blank page
        else:
            dpi = _clamp(max(dpis) if dpis else OUTLINE_DPI)
        return [Region(index, None, (0.0, 0.0, 0.0, 0.0), dpi)]
    regions = []
    for k, (bounds, size) in enumerate(pictures):
        w, h = bounds[2] - bounds[0], bounds[3] - bounds[1]
        if (max(w, h) < MIN_PICTURE_PT[0] or min(w, h) < MIN_PICTURE_PT[1]
                or (size[0] and (max(size) < MIN_PICTURE_PX[0] or min(size) < MIN_PICTURE_PX[1]))):
            continue
        regions.append(Region(index, k, bounds, _clamp(_dpi(bounds, size))))
    return regions


def _dpi(bounds: tuple[float, float, float, float], size: tuple[int, int]) -> float:
    long_pt = max(bounds[2] - bounds[0], bounds[3] - bounds[1], 1.0)
    return max(size) / (long_pt / 72.0)


def _clamp(dpi: float) -> int:
    return int(min(max(dpi, DPI_RANGE[0]), DPI_RANGE[1]))


Mapping = Callable[[tuple[float, float, float, float]], tuple[float, float, float, float]]


class PageRenderer:
    """Renders regions of one PDF (bytes) and maps their pixels back to page space, under PDFIUM_LOCK."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def geometry(self, region: Region) -> tuple[tuple[int, int, int, int], Mapping]:
        """The crop of the rendered page (left, top, right, bottom pixels) and the map from a pixel box of the
        crop to a top-left page box; needs no rendering (a cached region is mapped with it)."""
        return self._open(region, render=False)[1:]  # type: ignore[return-value]

    def render(self, region: Region) -> tuple[Any, Mapping]:
        """The region's pixels (RGB array) and the map from a pixel box to a top-left page box."""
        pixels, _, mapping = self._open(region, render=True)
        return pixels, mapping

    def _open(self, region: Region, render: bool) -> tuple[Any, tuple[int, int, int, int], Mapping]:
        import ctypes
        import math

        import numpy as np
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c

        scale = region.dpi / 72.0
        pixels = None
        with PDFIUM_LOCK:
            pdf = pdfium.PdfDocument(self.data)
            try:
                page = pdf[region.page]
                try:
                    full_w, full_h = math.ceil(page.get_width() * scale), math.ceil(page.get_height() * scale)
                    box = [ctypes.c_float() for _ in range(4)]
                    top = box[3].value if pdfium_c.FPDFPage_GetMediaBox(page.raw, *box) else 792.0
                    dx, dy = ctypes.c_int(), ctypes.c_int()
                    px, py = ctypes.c_double(), ctypes.c_double()

                    def to_device(x: float, y: float) -> tuple[int, int]:
                        pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, full_w, full_h, 0, x, y, dx, dy)
                        return dx.value, dy.value

                    def to_page(x: int, y: int) -> tuple[float, float]:
                        pdfium_c.FPDF_DeviceToPage(page.raw, 0, 0, full_w, full_h, 0, x, y, px, py)
                        return px.value, py.value

                    # device -> page is affine: three points give it, so boxes map without pdfium later
                    o, ex, ey = to_page(0, 0), to_page(1000, 0), to_page(0, 1000)
                    crop = (0, 0, full_w, full_h)
                    if region.picture is not None:
                        left, bottom, right, top_ = region.bounds
                        corners = [to_device(x, y) for x, y in ((left, bottom), (right, top_), (left, top_),
                                                                  (right, bottom))]
                        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
                        crop = (max(0, min(xs) - 2), max(0, min(ys) - 2), min(full_w, max(xs) + 2),
                                min(full_h, max(ys) + 2))
                    if render:
                        image = page.render(scale=scale, may_draw_forms=True).to_pil().convert("RGB")
                        if region.picture is not None:
                            image = image.crop(crop)
                        pixels = np.asarray(image)
                finally:
                    page.close()
            finally:
                pdf.close()
        ax, ay = (ex[0] - o[0]) / 1000, (ex[1] - o[1]) / 1000
        bx, by = (ey[0] - o[0]) / 1000, (ey[1] - o[1]) / 1000
        cx, cy = crop[0], crop[1]

        def to_units(b: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
            pts = [(o[0] + ax * (x + cx) + bx * (y + cy), o[1] + ay * (x + cx) + by * (y + cy))
                   for x, y in ((b[0], b[1]), (b[2], b[3]))]
            xs, ys = [p[0] for p in pts], [top - p[1] for p in pts]
            return (round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2))

        return pixels, crop, to_units


def ocr_blocks(data: bytes, sha256: str, page_blocks: Sequence[Block], *,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None, offset: int = 0) -> dict[int, list[Block]]:
    """OCR blocks by 0-based page index. `page_blocks` are the text layers in page order; progress counts
    `offset` + regions read, out of `offset` + regions."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(data)
        try:
            regions = plan_regions(pdf, [b.text for b in page_blocks])
        finally:
            pdf.close()
    if not regions:
        return {}
    renderer = PageRenderer(data)
    maps: dict[int, Callable] = {}

    def make(k: int, region: Region) -> Any:
        pixels, to_units = renderer.render(region)
        maps[k] = to_units
        return pixels

    jobs = [Job(("pdf", sha256, str(r.page), str(r.picture), str(r.dpi)), lambda k=k, r=r: make(k, r))
            for k, r in enumerate(regions)]
    step = None if progress is None else (lambda done, total: progress(offset + done, offset + total))
    results = recognise_jobs(jobs, progress=step, cancelled=cancelled)
    out: dict[int, list[Block]] = {}
    for k, (region, lines) in enumerate(zip(regions, results)):
        if not lines:
            continue
        to_units = maps.get(k)
        if to_units is None:  # read from the cache: the mapping needs the page's geometry only
            to_units = renderer.geometry(region)[1]
        n = region.page + 1
        source = "page" if region.picture is None else f"picture {region.picture}"
        path = f"page[{region.page}]/" + ("ocr" if region.picture is None else f"picture[{region.picture}]")
        base = page_blocks[region.page] if region.page < len(page_blocks) else None
        attrs = {"dpi": str(region.dpi), "source": source}
        if base is not None and "rotation" in base.attrs:
            attrs["rotation"] = base.attrs["rotation"]
        block = ocr_block(lines, to_units, kind=BlockKind.PAGE, part=f"page {n}", path=path, page=n,
                          attrs=attrs)
        if block is not None:
            out.setdefault(region.page, []).append(block)
    return out


def with_ocr(data: bytes, path: str, sha256: str, blocks: list[Block], pages: int, *,
             progress: Callable[[int, int], None] | None = None,
             cancelled: Callable[[], bool] | None = None) -> list[Block]:
    """`blocks` (the reader's: pages first, in order) with each page's OCR blocks after its text block."""
    import pypdfium2 as pdfium

    if pages == 0:
        return blocks
    with PDFIUM_LOCK:
        try:
            pdfium.PdfDocument(data).close()
        except pdfium.PdfiumError:
            from reviewer.core.documents.pdf.reader import openable_copy

            data = openable_copy(data, path)  # the repaired copy the text was read from
    page_blocks = [b for b in blocks[:pages] if b.kind is BlockKind.PAGE]
    if len(page_blocks) != pages:
        page_blocks = [next((b for b in blocks if b.kind is BlockKind.PAGE and b.page == n + 1),
                            Block(kind=BlockKind.PAGE, part=f"page {n + 1}", path=f"page[{n}]", text=""))
                       for n in range(pages)]
    found = ocr_blocks(data, sha256, page_blocks, progress=progress, cancelled=cancelled, offset=pages)
    if not found:
        return blocks
    out: list[Block] = []
    for block in blocks:
        out.append(block)
        if block.kind is BlockKind.PAGE and block.page is not None and "ocr" not in block.attrs:
            out.extend(found.pop(block.page - 1, []))
    for rest in found.values():
        out.extend(rest)
    return out

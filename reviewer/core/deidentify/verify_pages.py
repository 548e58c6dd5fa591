"""The verifier's pdfminer reading of a PDF page: pdfplumber's characters and text, without its objects.

`verify.py` reads every page of the written file with pdfminer (the engine pdfplumber wraps, another
parser and other CMaps than pdfium's), as pdfplumber does: the page's characters in drawing order and
the page text laid out by pdfplumber's own text-map code. pdfplumber builds a layout object and then a
twenty-key dictionary with colours for every character (six of eight seconds for 300 pages); here
the device computes each character's box as pdfminer's LTChar does, and gives pdfplumber's text map
the keys it reads. Tests compare both readings page for page. Shares no code with the writers.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pdfminer.converter import PDFPageAggregator
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.utils import apply_matrix_rect

from reviewer.core import pdf_tokens

pdf_tokens.install()  # pdfminer's content parser, with its tokens read faster (same tokens)

# characters in drawing order, laid-out text, images, (cid:N) characters, pdfium's text of the page, and
# what on the page is pictures to read again by OCR (judged on the pdfium page open here anyway)
# pdfminer reports every odd font descriptor and colour operand as a warning on the root logger: noise
# on a user's terminal ("Could not get FontBBox …"), never something to act on
logging.getLogger("pdfminer").setLevel(logging.ERROR)
Reading = tuple[str, str, int, int, str, list]


class _Characters(PDFPageAggregator):
    """Collects pdfplumber-style character dictionaries and counts images; draws no layout objects."""

    def __init__(self, rsrcmgr: object, page: object) -> None:
        super().__init__(rsrcmgr, pageno=page.page_number, laparams=None)
        self.page = page
        self.chars: list[dict] = []
        self.images = 0
        self.fonts: dict[int, tuple[object, dict, dict]] = {}  # id -> (font, text by cid, width by cid)

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs,  # noqa: ANN001, PLR0913
                    graphicstate) -> float:  # noqa: ANN001
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = f"(cid:{cid})"
        adv = font.char_width(cid) * fontsize * scaling
        if font.is_vertical():  # as pdfminer's LTChar
            vx, vy = font.char_disp(cid)
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            box = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
        else:
            descent = font.get_descent() * fontsize
            box = (0, descent + rise, adv, descent + rise + fontsize)
        a, b, c, d, _, _ = matrix
        x0, y0, x1, y1 = apply_matrix_rect(matrix, box)
        x0, x1 = min(x0, x1), max(x0, x1)
        y0, y1 = min(y0, y1), max(y0, y1)
        page = self.page
        mb_x0, mb_top = page.mediabox[:2]
        top = (page.height - y1) + mb_top
        self.chars.append({"text": text, "x0": x0 + mb_x0 if mb_x0 else x0, "x1": x1 + mb_x0 if mb_x0 else x1,
                           "top": top, "bottom": (page.height - y0) + mb_top,
                           "doctop": page.initial_doctop + top,
                           "upright": a * d * scaling > 0 and b * c <= 0})
        return adv

    def render_string_horizontal(self, seq, matrix, pos, font, fontsize, scaling,  # noqa: ANN001, ANN201, PLR0913
                                 charspace, wordspace, rise, dxscale, ncs, graphicstate):  # noqa: ANN001
        """pdfminer's loop with `render_char` inlined for unrotated text (the same float operations as
        its apply_matrix_rect, in the same order) and each font's widths and texts looked up once."""
        a, b, c, d, e0, f0 = matrix
        if not (b == 0 and c == 0):
            return super().render_string_horizontal(seq, matrix, pos, font, fontsize, scaling, charspace,
                                                    wordspace, rise, dxscale, ncs, graphicstate)
        texts, widths = self.fonts.setdefault(id(font), (font, {}, {}))[1:]
        page = self.page
        height, (mb_x0, mb_top), doctop = page.height, page.mediabox[:2], page.initial_doctop
        upright = a * d * scaling > 0
        bottom = font.get_descent() * fontsize + rise
        top = bottom + fontsize
        append = self.chars.append
        x, y = pos
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    text = texts.get(cid)
                    if text is None:
                        try:
                            text = font.to_unichr(cid)
                        except PDFUnicodeNotDefined:
                            text = f"(cid:{cid})"
                        texts[cid] = text
                    width = widths.get(cid)
                    if width is None:
                        width = widths[cid] = font.char_width(cid)
                    adv = width * fontsize * scaling
                    e = x * a + y * c + e0
                    f = x * b + y * d + f0
                    x0, x1 = e, a * adv + e
                    y0, y1 = d * bottom + f, d * top + f
                    if x1 < x0:
                        x0, x1 = x1, x0
                    if y1 < y0:
                        y0, y1 = y1, y0
                    char_top = (height - y1) + mb_top
                    append({"text": text, "x0": x0 + mb_x0 if mb_x0 else x0,
                            "x1": x1 + mb_x0 if mb_x0 else x1,
                            "top": char_top, "bottom": (height - y0) + mb_top, "doctop": doctop + char_top,
                            "upright": upright})
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
        return (x, y)

    def render_image(self, name, stream) -> None:  # noqa: ANN001
        self.images += 1

    def paint_path(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        pass


def page_reading(doc: object, index: int, pdfium_doc: object) -> Reading:
    """pdfplumber's reading of page `index` of the open pdfplumber document `doc`, and pdfium's text of it
    (`pdfium_doc`, the same file open in pypdfium2): the page's two independent readings, made by
    whichever process reads the page."""
    from pdfplumber.utils.text import chars_to_textmap

    from reviewer.core.documents.pdf.ocr import page_regions
    from reviewer.core.documents.pdf.pdfium_lock import PDFIUM_LOCK

    page = doc.pages[index]
    device = _Characters(page.pdf.rsrcmgr, page)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    chars = device.chars
    text = chars_to_textmap(chars, layout_bbox=page.bbox, layout_width=page.width,
                            layout_height=page.height).as_string if chars else ""
    page.close()  # pdfplumber keeps every page's objects otherwise
    with PDFIUM_LOCK:
        pdfium_page = pdfium_doc[index]
        textpage = pdfium_page.get_textpage()
        pdfium_text = textpage.get_text_range()
        textpage.close()
        try:
            regions = page_regions(pdfium_page, index, None, judged_by_text=False)
        finally:
            pdfium_page.close()
    return ("".join(c["text"] for c in chars), text, device.images,
            sum(1 for c in chars if c["text"].startswith("(cid:")), pdfium_text, regions)


_open: tuple[tuple[str, int, int], object, object] | None = None  # in the page helper: the file being verified


def helper_pages(path: str, first: int, last: int) -> list[Reading]:
    """In the page helper: `page_reading` for pages first..last-1 of the file being verified (kept open
    between chunks: opening it costs a third of a 12-page chunk)."""
    global _open
    import pdfplumber

    stat = Path(path).stat()
    key = (path, stat.st_size, stat.st_mtime_ns)
    if _open is None or _open[0] != key:
        import pypdfium2

        close_helper_pages(None)
        _open = (key, pdfplumber.open(path), pypdfium2.PdfDocument(path))
    return [page_reading(_open[1], index, _open[2]) for index in range(first, last)]


def close_helper_pages(path: str | None) -> None:
    """In the page helper: close the file `path` (any, for None)."""
    global _open
    if _open is not None and (path is None or _open[0][0] == path):
        _open[1].close()  # type: ignore[attr-defined]
        _open[2].close()  # type: ignore[attr-defined]
        _open = None

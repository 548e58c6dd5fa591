"""Character-level map of a PDF page's content streams, and removal of chosen glyphs from them.

pdfminer interprets the page (the same engine pdfplumber uses, so positions agree with the
reader's boxes); for every glyph we record which text-showing operator drew it (page stream or
Form XObject, operator index, array element, byte range of its code). pikepdf then parses the
same streams, checks that the operators and their string bytes are exactly those pdfminer saw,
and rewrites each affected `Tj`/`TJ`/`'`/`"` as a `TJ` array in which every removed glyph code is
replaced by a positioning number of the same advance, so the remaining text keeps its place.
Anything we cannot map with certainty raises `EditUnsafe`, and the caller falls back to
re-rendering that page as an image.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field

import pikepdf
from pdfminer import utils
from pdfminer.cmapdb import CMap, IdentityCMap, IdentityCMapByte
from pdfminer.converter import PDFPageAggregator
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdffont import PDFCIDFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import stream_value
from pdfminer.psparser import literal_name

from reviewer.core import pdf_tokens
from reviewer.core.deidentify.writers.pdf_operands import Unparsable, instructions, run

pdf_tokens.install()  # pdfminer's content parser, with its tokens read faster (same tokens)

# pdfminer reports every odd font descriptor and colour operand as a warning on the root logger: noise
# on a user's terminal ("Could not get FontBBox …"), never something to act on
logging.getLogger("pdfminer").setLevel(logging.ERROR)
Key = tuple[str, int]  # ("page", page number) or ("xobj", object number)
TEXT_OPERATORS = ("Tj", "TJ", "'", '"')


class EditUnsafe(Exception):
    """The content stream could not be mapped or edited with certainty."""


@dataclass(slots=True)
class Glyph:
    key: Key
    op: int  # index among the text-showing operators of that stream
    element: int  # index in the TJ array (0 for Tj)
    byte_start: int
    byte_end: int
    text: str
    bbox: tuple[float, float, float, float]  # pdfminer device space (x0, y0, x1, y1), y up
    advance: float  # in unscaled text space: w * Tfs + Tc (+ Tw)
    fontsize: float


@dataclass(slots=True)
class PageMap:
    number: int  # 1-based
    ctm: tuple[float, float, float, float, float, float]
    height: float  # for pdfplumber's top-left coordinates
    glyphs: list[Glyph] = field(default_factory=list)
    seqs: dict[tuple[Key, int], list[bytes | float]] = field(default_factory=dict)
    unsafe: set[Key] = field(default_factory=set)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)  # device space, like glyphs
    uncertain: bool = False  # a character to remove lies where no glyph of this map is: re-render the page
    top: float = 0.0  # the media box's top in user space (pdfium's top-left boxes are measured from it)


class _Device(PDFPageAggregator):
    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        super().__init__(rsrcmgr, laparams=None)
        self.current: tuple[Key, int] = (("page", 0), -1)
        self.map: PageMap | None = None
        self.fonts: dict[int, tuple[object, dict, dict]] = {}  # id -> (font, text by cid, width by cid)

    def render_string(self, textstate, seq, ncs, graphicstate) -> None:  # noqa: ANN001 - pdfminer API
        key, op = self.current
        page = self.map
        page.seqs[(key, op)] = [bytes(x) if isinstance(x, (bytes, bytearray)) else x for x in seq]
        font = textstate.font
        if font is None or font.is_vertical() or not textstate.fontsize:
            # not mapped to byte ranges: record what was drawn (text and boxes) so values are still
            # found, and mark the stream unsafe so the page is re-rendered with boxes instead
            page.unsafe.add(key)
            before = len(self.cur_item._objs)
            super().render_string(textstate, seq, ncs, graphicstate)
            for item in self.cur_item._objs[before:]:
                if hasattr(item, "get_text"):
                    page.glyphs.append(Glyph(key, op, -1, 0, 0, item.get_text(), tuple(item.bbox), 0.0,
                                             textstate.fontsize))
            return
        matrix = utils.mult_matrix(textstate.matrix, self.ctm)
        fontsize = textstate.fontsize
        scaling = textstate.scaling * 0.01
        multibyte = font.is_multibyte()
        charspace = textstate.charspace * scaling
        wordspace = 0 if multibyte else textstate.wordspace * scaling
        dxscale = 0.001 * fontsize * scaling
        bottom = font.get_descent() * fontsize + textstate.rise
        top = bottom + fontsize
        a, b, c, d, e0, f0 = matrix
        upright = b == 0 and c == 0
        texts, widths = self.fonts.setdefault(id(font), (font, {}, {}))[1:]
        x, y = textstate.linematrix
        needcharspace = False
        for index, obj in enumerate(seq):
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
                continue
            if not isinstance(obj, (bytes, bytearray)):
                continue
            data = bytes(obj)
            spans = code_spans(font, data)
            if spans is None:
                page.unsafe.add(key)
                spans = [(0, 0, cid) for cid in font.decode(data)]
            for start, end, cid in spans:
                if needcharspace:
                    x += charspace
                if cid is None:  # drawn as the notdef glyph: it takes its width (see code_spans)
                    text = _unmapped_text(font, data[start:end])
                    cid = NOTDEF
                else:
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
                # pdfminer's LTChar box (render_char) without the layout object; for unrotated text the
                # same float operations as apply_matrix_rect, in the same order
                adv = width * fontsize * scaling
                if upright:
                    e = x * a + y * c + e0
                    f = x * b + y * d + f0
                    x0, x1 = e, a * adv + e
                    y0, y1 = d * bottom + f, d * top + f
                else:
                    x0, y0, x1, y1 = utils.apply_matrix_rect(utils.translate_matrix(matrix, (x, y)),
                                                             (0, bottom, adv, top))
                space = textstate.wordspace if (cid == 32 and not multibyte) else 0.0
                advance = (adv / scaling if scaling else 0.0) + textstate.charspace + space
                box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
                page.glyphs.append(Glyph(key, op, index, start, end, text, box, advance, fontsize))
                x += adv
                if cid == 32 and wordspace:
                    x += wordspace
                needcharspace = True
        textstate.linematrix = (x, y)


    def render_image(self, name, stream) -> None:  # noqa: ANN001 - pdfminer API
        super().render_image(name, stream)
        fig = self.cur_item
        self.map.images.append((fig.x0, fig.y0, fig.x1, fig.y1))


class _Interpreter(PDFPageInterpreter):
    def __init__(self, rsrcmgr: PDFResourceManager, device: _Device, key: Key = ("page", 0)) -> None:
        super().__init__(rsrcmgr, device)
        self.key = key
        self.op_index = -1
        self._pending: Key | None = None

    def dup(self) -> _Interpreter:
        return self.__class__(self.rsrcmgr, self.device, self._pending or self.key)

    def execute(self, streams) -> None:  # noqa: ANN001 - pdfminer API
        """The streams parsed by qpdf (`pdf_operands`), pdfminer's own parser when qpdf refuses them;
        streams already being executed up the call stack are skipped, as pdfminer does."""
        valid = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None or stream.objid in self.parent_stream_ids:
                continue
            valid.append(stream)
            self.stream_ids.add(stream.objid)
        try:
            parsed = list(instructions(valid))
        except Unparsable:
            super().execute(streams)
            return
        run(iter(parsed), self._method)

    def _method(self, name: str):  # noqa: ANN202
        return getattr(self, name, None)

    def do_TJ(self, seq) -> None:  # noqa: ANN001 - pdfminer API
        self.op_index += 1
        self.device.current = (self.key, self.op_index)
        if self.textstate.font is None:
            self.device.map.unsafe.add(self.key)
        super().do_TJ(seq)

    def do__w(self, aw, ac, s) -> None:  # noqa: ANN001 - pdfminer API
        """`aw ac string "` moves to the next line first (PDF 32000 9.4.3); pdfminer omits the T*."""
        self.do_Tw(aw)
        self.do_Tc(ac)
        self.do_T_a()
        self.do_TJ([s])

    def do_Do(self, xobjid_arg) -> None:  # noqa: ANN001 - pdfminer API
        ref = self.xobjmap.get(literal_name(xobjid_arg))
        objid = getattr(ref, "objid", None)
        self._pending = ("xobj", objid) if objid is not None else ("xobj", -1)
        saved = self.device.current
        try:
            super().do_Do(xobjid_arg)
        finally:
            self._pending = None
            self.device.current = saved


NOTDEF = 0  # the CID a code missing from the CMap is drawn with (PDF 32000 9.7.6.3, no notdefrange)


def code_spans(font: object, data: bytes) -> list[tuple[int, int, int | None]] | None:
    """(byte start, byte end, cid) per glyph code, or None when the encoding is not understood.

    A code that its CMap does not map (reportlab's UniGB-UCS2-H has no "·", pdfminer's copy of it lacks
    a few hundred codes) has cid None. pdfminer skips it, with no advance; a renderer draws the notdef
    glyph and advances by its width, so every later glyph of the string sits one width further right
    than pdfminer says. Rasterising such a page burned its boxes one character to the left of the
    removed characters (the last one stayed legible). Only a code that fails on its last byte is
    accepted (every code sharing its prefix ends there): its length is then certain."""
    spans: list[tuple[int, int, int | None]] = []
    if isinstance(font, PDFCIDFont):
        cmap = font.cmap
        if isinstance(cmap, IdentityCMapByte):
            spans = [(i, i + 1, b) for i, b in enumerate(data)]
        elif isinstance(cmap, IdentityCMap):
            if len(data) % 2:
                return None
            spans = [(i, i + 2, data[i] << 8 | data[i + 1]) for i in range(0, len(data), 2)]
        elif isinstance(cmap, CMap):
            d, start = cmap.code2cid, 0
            for i, b in enumerate(data):
                x = d.get(b)
                if isinstance(x, int):
                    spans.append((start, i + 1, x))
                    d, start = cmap.code2cid, i + 1
                elif isinstance(x, dict):
                    d = x
                elif d is not cmap.code2cid and all(isinstance(v, int) for v in d.values()):
                    spans.append((start, i + 1, None))
                    d, start = cmap.code2cid, i + 1
                else:
                    return None
            if start != len(data):
                return None
        else:
            return None
    else:
        spans = [(i, i + 1, b) for i, b in enumerate(data)]
    if [s[2] for s in spans if s[2] is not None] != list(font.decode(data)):
        return None
    return spans


def _unmapped_text(font: PDFCIDFont, code: bytes) -> str:
    """A UCS-2 CMap's codes are the characters themselves (UniGB-UCS2-H: 00B7 is ·), as pdfium reads them."""
    name = str(getattr(font.cmap, "attrs", {}).get("CMapName", ""))
    if len(code) == 2 and ("UCS2" in name or "UTF16" in name):
        char = chr(int.from_bytes(code, "big"))
        return char if char.isprintable() and not 0xD800 <= ord(char) < 0xE000 else ""
    return ""


class PageMapper:
    """Glyph maps of one PDF's pages in any order: the document, its page list and its fonts parsed once."""

    def __init__(self, data: bytes) -> None:
        self.rsrcmgr = PDFResourceManager(caching=True)
        self.pages = list(PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(data)))))
        self.fonts: dict[int, tuple[object, dict, dict]] = {}  # shared by the pages: the manager caches fonts

    def map(self, number: int) -> PageMap:
        """The glyph map of page `number` (1-based)."""
        page = self.pages[number - 1]
        device = _Device(self.rsrcmgr)
        device.fonts = self.fonts
        x0, y0, x1, y1 = page.mediabox
        ctm = {90: (0, -1, 1, 0, -y0, x1), 180: (-1, 0, 0, -1, x1, y1),
               270: (0, 1, -1, 0, y1, -x0)}.get(page.rotate % 360, (1, 0, 0, 1, -x0, -y0))
        height = (x1 - x0) if page.rotate % 180 == 90 else (y1 - y0)
        device.map = PageMap(number=number, ctm=ctm, height=height, top=y1)
        interpreter = _Interpreter(self.rsrcmgr, device, ("page", number))
        interpreter.process_page(page)
        device.close()
        return device.map


def map_pages(data: bytes, only: Container[int] | None = None) -> Iterator[PageMap]:
    """Glyph maps of the pages (1-based numbers in `only`, default all), in page order; pages not
    asked for are yielded empty."""
    mapper = PageMapper(data)
    for number in range(1, len(mapper.pages) + 1):
        if only is not None and number not in only:
            yield PageMap(number=number, ctm=(1, 0, 0, 1, 0, 0), height=0.0)
        else:
            yield mapper.map(number)


def rewrite_stream(instructions: Iterable[object], key: Key, page: PageMap,
                   removals: dict[tuple[int, int], list[Glyph]]) -> tuple[list[object], int]:
    """New instruction list with the glyphs in `removals` ((op, element) → glyphs) taken out."""
    out: list[object] = []
    op_index = -1
    removed = 0
    for inst in instructions:
        operator = str(getattr(inst, "operator", ""))
        if operator not in TEXT_OPERATORS:
            out.append(inst)
            continue
        op_index += 1
        seq = _sequence(operator, inst.operands)
        expected = page.seqs.get((key, op_index))
        if expected is None or [x for x in expected if isinstance(x, bytes)] != [x for x in seq if isinstance(x, bytes)]:
            raise EditUnsafe(f"text operator {op_index} of {key} differs between parsers")
        targets = {el: gl for (op, el), gl in removals.items() if op == op_index}
        if not targets:
            out.append(inst)
            continue
        array = _rebuild(seq, targets)
        removed += sum(len(g) for g in targets.values())
        if operator == '"':
            out.append(pikepdf.ContentStreamInstruction([inst.operands[0]], pikepdf.Operator("Tw")))
            out.append(pikepdf.ContentStreamInstruction([inst.operands[1]], pikepdf.Operator("Tc")))
        if operator in ("'", '"'):
            out.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("T*")))
        out.append(pikepdf.ContentStreamInstruction([pikepdf.Array(array)], pikepdf.Operator("TJ")))
    count = sum(1 for g in page.seqs if g[0] == key)
    if op_index + 1 != count:
        raise EditUnsafe(f"{key}: {op_index + 1} text operators parsed, {count} interpreted")
    return out, removed


def _sequence(operator: str, operands: list[object]) -> list[bytes | float]:
    if operator == "TJ":
        return [bytes(x) if isinstance(x, pikepdf.String) else float(x) for x in operands[0]]
    return [bytes(operands[-1])]


def _rebuild(seq: list[bytes | float], targets: dict[int, list[Glyph]]) -> list[object]:
    array: list[object] = []

    def push_number(value: float) -> None:
        if array and isinstance(array[-1], float):
            array[-1] += value
        else:
            array.append(value)

    for index, element in enumerate(seq):
        if not isinstance(element, bytes):
            push_number(float(element))
            continue
        glyphs = sorted(targets.get(index, []), key=lambda g: g.byte_start)
        pos = 0
        for g in glyphs:
            if g.byte_start > pos:
                array.append(element[pos:g.byte_start])
            push_number(-g.advance * 1000.0 / g.fontsize)
            pos = g.byte_end
        if pos < len(element):
            array.append(element[pos:])
    return [pikepdf.String(x) if isinstance(x, bytes) else round(x, 4) for x in array]

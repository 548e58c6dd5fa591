"""The document model: ordered text blocks with stable locators.

Every character of `Document.text` (the text detection runs on) maps back to where it sits in the
file: `Document.locate(start, end)` returns a JSON-serialisable locator. Blocks are joined with a
single "\n" so that no pattern can match across two blocks.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class DocumentFormat(StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    TXT = "txt"
    OFD = "ofd"  # GB/T 33190
    DOC = "doc"  # Word 97-2003 and WPS (.wps is the same binary), read through LibreOffice's docx
    RTF = "rtf"  # read through LibreOffice's docx
    ODT = "odt"  # read through LibreOffice's docx
    HTML = "html"  # a web page, or the HTML of a saved .mht
    IMAGE = "image"  # png, jpeg or tiff (the kind is in properties["image.format"]); read by OCR
    XLSX = "xlsx"  # also xlsm/xltx and WPS .et/.ett that are OOXML inside
    XLS = "xls"  # Excel 97-2003 (BIFF8), also WPS .et/.ett that are BIFF inside; exported as xlsx


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    TABLE_CELL = "table_cell"
    HEADER = "header"
    FOOTER = "footer"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    COMMENT = "comment"
    TEXTBOX = "textbox"
    PROPERTY = "property"  # core/app/custom document properties, PDF info/XMP
    PAGE = "page"  # a PDF page's text layer
    ANNOTATION = "annotation"
    OUTLINE = "outline"
    ATTACHMENT = "attachment"  # embedded-file names
    LINE = "line"  # a txt line
    HYPERLINK = "hyperlink"  # a docx hyperlink's target (URL, mailto:), the link text stays in its paragraph
    ALT_TEXT = "alt_text"  # a docx picture's or shape's title/description (wp:docPr)
    CHART = "chart"  # a docx chart's titles, series names and category labels (word/charts)
    DIAGRAM = "diagram"  # a docx SmartArt's text (word/diagrams)
    IMAGE = "image"  # text read by OCR from a picture inside a docx
    DEFINED_NAME = "defined_name"  # a workbook's defined name: its name and formula or constant
    PIVOT_CACHE = "pivot_cache"  # a pivot cache's copy of the source rows and its field items
    EXTERNAL_LINK = "external_link"  # a linked workbook's path and the values cached from it


BLOCK_SEPARATOR = "\n"
# Block attributes copied into a locator. Table cells (any format) carry "table", "row", "col" and, for data
# cells, "header" (their column's header text; see detection/columns.py); spreadsheet cells also "sheet" and
# "cell" (A1 reference); "hidden" says why the reader saw what a viewer does not (sheet, row, column, comment…).
LOCATOR_ATTRS = ("author", "section", "type", "name", "sheet", "cell", "table", "row", "col", "header", "hidden")


@dataclass(frozen=True, slots=True)
class RunSpan:
    """A stretch of a block's text that comes from one run (docx) or one tracked change.

    `start`/`end` are offsets within the block text; `run` is the run's index within its paragraph
    (in document order, counting runs inside w:ins/w:del/w:hyperlink); `change` is "ins"/"del"/None.
    """

    start: int
    end: int
    run: int
    change: str | None = None
    author: str | None = None


Box = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, origin top-left
OCR_LOW_CONFIDENCE = 0.8  # an OCR line read with less confidence is marked for the reviewer


@dataclass(frozen=True, slots=True)
class OcrSpan:
    """One line of a block's text that OCR read: offsets within the block text and the line's confidence."""

    start: int
    end: int
    confidence: float


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of text in reading order.

    `part` is the container (docx package part such as "word/header1.xml", "page 3", "core
    properties"); `path` the position inside it (e.g. "body/tbl[0]/tr[1]/tc[2]/p[0]" or a property
    name); `runs` the run map for docx; `boxes` one box per character for PDF page text (None for
    characters that have no box, e.g. inserted line breaks).
    """

    kind: BlockKind
    part: str
    path: str
    text: str
    start: int = 0
    runs: tuple[RunSpan, ...] = ()
    boxes: Sequence[Box | None] | None = None  # a tuple, or pdf_reader's packed CharBoxes (slices give tuples)
    page: int | None = None  # 1-based, PDF
    line: int | None = None  # 1-based, txt
    attrs: Mapping[str, str] = field(default_factory=dict)  # e.g. {"author": ..., "section": "0", "type": "first"}
    ocr: tuple[OcrSpan, ...] = ()  # text read by OCR: its lines and their confidence (boxes as for PDF text)

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def locator(self, start: int, end: int) -> dict[str, Any]:
        """Locator for [start, end) given as offsets within this block's text."""
        loc: dict[str, Any] = {"kind": str(self.kind), "part": self.part, "path": self.path,
                               "offset": start, "length": end - start}
        if self.page is not None:
            loc["page"] = self.page
        if self.line is not None:
            loc["line"] = self.line
            loc["column"] = start + 1
        if self.runs:
            touched = [r for r in self.runs if r.start < end and r.end > start] or [
                r for r in self.runs if r.start <= start <= r.end][:1]
            loc["runs"] = [
                {"run": r.run, "offset": max(start, r.start) - r.start,
                 "length": min(end, r.end) - max(start, r.start)}
                | ({"change": r.change} if r.change else {})
                | ({"author": r.author} if r.author else {})
                for r in touched
            ]
        if self.boxes is not None:
            boxes = [b for b in self.boxes[start:end] if b is not None]
            if boxes:
                loc["bbox"] = [round(min(b[0] for b in boxes), 2), round(min(b[1] for b in boxes), 2),
                               round(max(b[2] for b in boxes), 2), round(max(b[3] for b in boxes), 2)]
                loc["boxes"] = [[round(v, 2) for v in b] for b in boxes]
        for key in LOCATOR_ATTRS:
            if key in self.attrs:
                loc[key] = self.attrs[key]
        if self.ocr:
            loc["ocr"] = True
            touched = [s.confidence for s in self.ocr if s.start < max(end, start + 1) and s.end > start]
            if touched:
                loc["confidence"] = round(min(touched), 3)
                if min(touched) < OCR_LOW_CONFIDENCE:
                    loc["low_confidence"] = True
        return loc


@dataclass(frozen=True, slots=True)
class ImageRef:
    """An image whose pixels may hold text no block has (an OFD ImageObject or seal, an HTML <img>):
    the hook for OCR, which is not done by the readers. `source` names the package member or file."""

    source: str
    page: int | None = None
    box: Box | None = None  # points, top-left origin
    where: str = ""  # the part and element that draws it


@dataclass(frozen=True, slots=True)
class Conversion:
    """A document read through another format: `Document.sha256` is the original's, `output` the
    converted file (a session cache, see documents/convert) whose sha256 is `output_sha256`."""

    tool: str  # e.g. "LibreOffice 7.4.7.2", or "antiword (text only)"
    source_format: str
    output: str | None  # None when only text was extracted (nothing an export can be written from)
    output_sha256: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    format: DocumentFormat
    sha256: str
    size: int
    blocks: tuple[Block, ...]
    pages: int | None = None
    properties: Mapping[str, str] = field(default_factory=dict)
    encoding: str | None = None  # txt
    newline: str | None = None  # txt: the file's own newline, kept by the writer
    bom: bool = False  # txt: the file started with a byte-order mark (encoding names the codec without it)
    images: tuple[ImageRef, ...] = ()  # images to OCR (OFD, HTML); empty for formats that do not list them
    conversion: Conversion | None = None  # doc/wps/rtf/odt: how the blocks were obtained
    text: str = ""
    _starts: tuple[int, ...] = ()

    @classmethod
    def build(cls, *, path: str, format: DocumentFormat, sha256: str, size: int,
              blocks: list[Block], **kwargs: Any) -> Document:
        """Assign each block its offset in the joined detection text."""
        placed: list[Block] = []
        offset = 0
        parts: list[str] = []
        for block in blocks:
            if placed:
                offset += len(BLOCK_SEPARATOR)
            placed.append(_with_start(block, offset))
            parts.append(block.text)
            offset += len(block.text)
        return cls(path=path, format=format, sha256=sha256, size=size, blocks=tuple(placed),
                   text=BLOCK_SEPARATOR.join(parts), _starts=tuple(b.start for b in placed), **kwargs)

    def block_at(self, offset: int) -> Block:
        """The block holding `offset` (a separator offset belongs to the block before it)."""
        if not self.blocks:
            raise IndexError("empty document")
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.blocks[max(i, 0)]

    def locate(self, start: int, end: int) -> dict[str, Any]:
        block = self.block_at(start)
        s = start - block.start
        e = min(end, block.end) - block.start
        return block.locator(s, e)


def _with_start(block: Block, start: int) -> Block:
    if block.start == start:
        return block
    return Block(kind=block.kind, part=block.part, path=block.path, text=block.text, start=start,
                 runs=block.runs, boxes=block.boxes, page=block.page, line=block.line, attrs=block.attrs,
                 ocr=block.ocr)

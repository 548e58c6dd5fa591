"""Where each line of a document sits: the 版头 of the first page, a page header/footer, or the body.

Markings are judged by position (GB/T 9704: 份号, 密级和保密期限 and 紧急程度 open the first page,
top-left in the 2012 format, top-right in the 1999 one), so detection works on lines that know their zone,
their order in it and, for PDF, which side of the page they sit on (from the character boxes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reviewer.core.documents.model import Block, BlockKind, Box, Document
from reviewer.core.documents.pdf.char_boxes import bounds, bounds_of, part

BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.TABLE_CELL, BlockKind.TEXTBOX, BlockKind.LINE,
                        BlockKind.PAGE})
EDGE_KINDS = frozenset({BlockKind.HEADER, BlockKind.FOOTER})


_OTHER_PLACES = {BlockKind.COMMENT: "批注", BlockKind.FOOTNOTE: "脚注", BlockKind.ENDNOTE: "尾注",
                 BlockKind.ANNOTATION: "PDF 注释", BlockKind.OUTLINE: "书签"}


class Zone(StrEnum):
    HEAD = "head"  # first non-empty lines of the first page / body: the 版头
    EDGE = "edge"  # page header or footer (docx parts; top/bottom line of later PDF pages)
    BODY = "body"  # everything else that is document text
    OTHER = "other"  # comments, notes, properties, annotations: statements only, no positional marks


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    CENTER = "center"


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    start: int  # offset of the line in Document.text
    zone: Zone
    index: int  # 0-based order among the non-empty lines of its zone run (版头 line number for HEAD)
    kind: BlockKind
    page: int | None = None
    boxes: Sequence[Box | None] | None = None  # PDF: one box per character of `text` (packed: CharBoxes)
    extent: tuple[float, float] | None = None  # PDF: left and right edge of the page's text
    name: str = ""  # PROPERTY blocks: the property name ("custom:密级")
    deleted: bool = False  # docx tracked deletion: invisible in Word, still in the file

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def side(self, start: int = 0, end: int | None = None) -> Side | None:
        """Which side of the page the characters [start, end) of this line sit on (PDF only)."""
        if self.boxes is None or self.extent is None:
            return None
        box = bounds(self.boxes, start, len(self.text) if end is None else end)
        if box is None:
            return None
        left, right = self.extent
        width = max(right - left, 1.0)
        x0, x1 = box[0], box[2]
        if x0 - left < 0.15 * width and x1 - left < 0.6 * width:
            return Side.LEFT
        if right - x1 < 0.15 * width and x0 - left > 0.4 * width:
            return Side.RIGHT
        return Side.CENTER

    def where_zh(self, start: int = 0, end: int | None = None) -> str:
        """Position in words for explanations, e.g. "首页左上角第2行"."""
        place = self._place_zh(start, end)
        return place + "（修订中已删除、但仍留在文件里的文字）" if self.deleted else place

    def _place_zh(self, start: int, end: int | None) -> str:
        if self.zone is Zone.EDGE:
            return "页眉" if self.kind is BlockKind.HEADER else ("页脚" if self.kind is BlockKind.FOOTER else
                                                                  f"第{self.page}页页边")
        if self.zone is Zone.HEAD:
            corner = {Side.LEFT: "左上角", Side.RIGHT: "右上角", Side.CENTER: "顶部"}.get(
                self.side(start, end), "开头")
            return f"首页{corner}第{self.index + 1}行"
        if self.zone is Zone.OTHER:
            if self.kind is BlockKind.PROPERTY:
                return f"文档属性“{self.name.removeprefix('custom:')}”"
            return _OTHER_PLACES.get(self.kind, "文档其他部分")
        if self.page is not None:
            return f"第{self.page}页正文"
        return "表格" if self.kind is BlockKind.TABLE_CELL else "正文"


def _split(block: Block) -> list[tuple[int, str]]:
    out, pos = [], 0
    for piece in block.text.split("\n"):
        out.append((pos, piece))
        pos += len(piece) + 1
    return out


def _page_extent(block: Block) -> tuple[float, float] | None:
    box = bounds(block.boxes)
    return None if box is None else (box[0], box[2])


def _reading_order(block: Block, pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """PDF lines top to bottom, left to right: the text order of a page follows the order things were
    drawn, and a 密级 stamped on afterwards would otherwise read as the last line of the page."""
    boxes = bounds_of(block.boxes, [(off, off + len(text)) for off, text in pieces])
    keys = {off: (float("inf"), 0.0) if box is None else (round(box[1] / 4.0), box[0])
            for (off, _), box in zip(pieces, boxes)}
    return sorted(pieces, key=lambda piece: keys[piece[0]])


def _starts_body(text: str, sentence_marks: frozenset[str]) -> bool:
    """A sentence or the addressee line ("各区县人民政府：") ends the 版头 whatever its length."""
    stripped = text.strip()
    return any(ch in sentence_marks for ch in stripped) or stripped.endswith(("：", ":"))


def document_lines(document: Document, *, head_lines: int, page_edge_lines: int,
                   sentence_marks: frozenset[str] = frozenset("。！？；")) -> list[Line]:
    """All lines of the document with their zone; empty lines are dropped."""
    lines: list[Line] = []
    head_seen = 0
    body_index = 0
    for block in document.blocks:
        pieces = [(off, t) for off, t in _split(block) if t.strip()]
        if block.kind in EDGE_KINDS:
            for i, (off, text) in enumerate(pieces):
                lines.append(Line(text, block.start + off, Zone.EDGE, i, block.kind, block.page,
                                  deleted=block.path.endswith("/del")))
            continue
        if block.kind not in BODY_KINDS:
            name = block.attrs.get("name", "")
            for i, (off, text) in enumerate(pieces):
                lines.append(Line(text, block.start + off, Zone.OTHER, i, block.kind, block.page, name=name))
            continue
        extent = _page_extent(block) if block.kind is BlockKind.PAGE else None
        if extent is not None:
            pieces = _reading_order(block, pieces)
        later_page = block.kind is BlockKind.PAGE and (block.page or 1) > 1
        for i, (off, text) in enumerate(pieces):
            boxes = part(block.boxes, off, off + len(text))
            start = block.start + off
            if later_page and (i < page_edge_lines or i >= len(pieces) - page_edge_lines):
                zone, index = Zone.EDGE, i
            elif not later_page and head_seen < head_lines and not _starts_body(text, sentence_marks):
                zone, index = Zone.HEAD, head_seen
                head_seen += 1
            else:
                head_seen = head_lines  # the 版头 is over for good
                zone, index = Zone.BODY, body_index
                body_index += 1
            lines.append(Line(text, start, zone, index, block.kind, block.page, boxes, extent,
                              deleted=block.path.endswith("/del")))
    return lines

"""A web page (a 政务公开 page before publication, a saved page, an .mht web archive) into blocks.

Visible text: one block per block-level element (its own text and that of its inline children), the
DOM path as locator (`html/body/div[1]/p[0]`). Then what a page leaks without showing it: hidden
elements (`hidden`, display:none, <template>, hidden inputs) as blocks marked `type: hidden`;
attributes (`alt`, `title`, `href` mailto:/tel:, `data-*`, `value`, `placeholder`, `aria-label`);
comments; every <meta> content (author, description, keywords); the string literals of inline
scripts and JSON. Pictures (local files of a saved page's `_files` folder, MHT parts, data: URIs)
are listed in `Document.images` for OCR, which the reader does not do.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from reviewer.core.documents.errors import corrupt
from reviewer.core.documents.html import page as pg
from reviewer.core.documents.limits import Limits, check_text
from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat, ImageRef

LEAKY_ATTRIBUTES = ("alt", "title", "value", "placeholder", "aria-label", "label", "summary", "content")
LINK_SCHEMES = ("mailto:", "tel:", "sms:", "callto:")


def read_html(data: bytes, path: str, sha256: str, limits: Limits) -> Document:
    try:
        page = pg.parse(data)
    except (ValueError, etree.ParserError) as exc:
        raise corrupt(path, f"无法解析网页 / unparsable web page: {exc}") from None
    reader = _Reader(path, limits)
    reader.walk(page.root)
    images = _images(page, path)
    properties = {b.path: b.text for b in reader.blocks if b.kind is BlockKind.PROPERTY and b.attrs.get("type") == "meta"}
    if page.message is not None:
        properties["html.archive"] = "mht"
    return Document.build(path=path, format=DocumentFormat.HTML, sha256=sha256, size=len(data), blocks=reader.blocks,
                          properties=properties, encoding=page.encoding, images=tuple(images))


class _Reader:
    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.blocks: list[Block] = []
        self.chars = 0

    def add(self, kind: BlockKind, where: str, text: str, **attrs: str) -> None:
        text = " ".join(text.split()) if kind is not BlockKind.PROPERTY or attrs.get("type") != "script" else text
        if not text.strip():
            return
        self.chars += len(text) + 1
        check_text(self.chars, self.limits, path=self.path)
        part = "head" if "/head" in where else "body"
        self.blocks.append(Block(kind=kind, part=part, path=where, text=text, attrs=attrs))

    def walk(self, root: etree._Element) -> None:
        self._visit(root, hidden=False, depth=0)

    def _visit(self, element: etree._Element, hidden: bool, depth: int) -> None:
        if depth > self.limits.max_xml_depth:
            return
        if not isinstance(element.tag, str):  # a comment or processing instruction
            if isinstance(element, etree._Comment) and element.text:
                self.add(BlockKind.COMMENT, pg.dom_path(element.getparent()) + "/comment()", element.text)
            return
        where = pg.dom_path(element)
        hidden = hidden or pg.hidden(element)
        flags = {"type": "hidden"} if hidden else {}
        self._attributes(element, where)
        if element.tag in pg.SKIP_TAGS:
            if element.tag == "script" and element.text:
                for k, (_, _, value) in enumerate(pg.js_strings(element.text)):
                    self.add(BlockKind.PROPERTY, f"{where}/string[{k}]", value, type="script")
            return
        if element.tag == "meta":
            return
        if element.tag in pg.BLOCK_TAGS or pg.hidden(element):
            self.add(BlockKind.TABLE_CELL if element.tag in ("td", "th") else BlockKind.PARAGRAPH, where,
                     self._inline_text(element), **flags)
        for child in element:
            self._visit(child, hidden, depth + 1)

    def _inline_text(self, element: etree._Element) -> str:
        """The element's own text and its inline descendants' (block-level ones are blocks of their own)."""
        parts = [element.text or ""] if element.tag not in pg.SKIP_TAGS else []
        for child in element:
            if isinstance(child.tag, str) and child.tag not in pg.BLOCK_TAGS and child.tag not in pg.SKIP_TAGS \
                    and not pg.hidden(child):
                parts.append(self._inline_text(child))
            if isinstance(child.tag, str) and child.tag == "br":
                parts.append(" ")
            parts.append(child.tail or "")
        return "".join(parts)

    def _attributes(self, element: etree._Element, where: str) -> None:
        for name, value in element.attrib.items():
            low = name.lower()
            if element.tag == "meta" and low == "content":
                label = element.get("name") or element.get("property") or element.get("http-equiv") or "meta"
                self.add(BlockKind.PROPERTY, f"{where}[@name={label}]", value, type="meta", name=label)
            elif low in ("href", "src", "action", "cite") and value.strip().lower().startswith(LINK_SCHEMES):
                self.add(BlockKind.HYPERLINK, f"{where}/@{name}", unquote(value))
            elif low in ("href", "src", "action") and "?" in value:  # query strings carry names and phones too
                self.add(BlockKind.HYPERLINK, f"{where}/@{name}", unquote(value.split("?", 1)[1]))
            elif low in LEAKY_ATTRIBUTES or low.startswith("data-"):
                self.add(BlockKind.ALT_TEXT, f"{where}/@{name}", value, name=name)


def _images(page: pg.Page, path: str) -> list[ImageRef]:
    """Pictures the page draws: local files (a saved page's `_files` folder), MHT parts, data: URIs."""
    folder = Path(path).parent
    out = []
    for element in page.root.iter("img", "image", "input"):
        src = (element.get("src") or element.get("href") or "").strip()
        if not src or (element.tag == "input" and (element.get("type") or "").lower() != "image"):
            continue
        where = pg.dom_path(element)
        if src.startswith("data:"):
            out.append(ImageRef(source="data: URI", where=where))
            continue
        parsed = urlparse(src)
        if parsed.scheme in ("", "file"):
            local = (folder / unquote(parsed.path)).resolve() if parsed.scheme == "" else Path(unquote(parsed.path))
            out.append(ImageRef(source=str(local), where=where))
        elif page.message is not None:
            out.append(ImageRef(source=src, where=where))  # an MHT part, by its Content-Location
    if page.message is not None:
        for part in page.message.walk():
            if part.get_content_maintype() == "image" and not any(i.source == part["Content-Location"] for i in out):
                out.append(ImageRef(source=str(part["Content-Location"] or "mht image part"), where="mht part"))
    return out

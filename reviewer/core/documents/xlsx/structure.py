"""What a worksheet part says about itself besides cell values: hidden rows and columns, header and
footer texts, hyperlinks. Read incrementally (a 100,000-row sheet is tens of megabytes of XML): rows are
freed as they pass, only their attributes are looked at.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from lxml import etree

from reviewer.core.errors import CorruptDocument

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_HEADER_FOOTER = ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter")
_TAGS = (f"{S}row", f"{S}col", f"{S}hyperlink", *(f"{S}{t}" for t in _HEADER_FOOTER))
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
# Header/footer codes (&L &C &R sections, &P page, &"font,style", &12 size, &K colour); && is a literal &.
_CODES = re.compile(r'&(?:"[^"]*"|K[0-9A-Fa-f]{6}|K\d{2}[+-]\d{3}|\d+|[A-Za-z])')
_TRUE = ("1", "true")


@dataclass(frozen=True, slots=True)
class SheetStructure:
    hidden_rows: frozenset[int] = frozenset()  # 0-based
    hidden_cols: frozenset[int] = frozenset()  # 0-based
    header_footer: tuple[tuple[str, str], ...] = ()  # (oddHeader, text without codes)
    hyperlinks: tuple[tuple[str, str, str], ...] = ()  # (cell reference, relationship id, location)
    column_widths: dict[int, float] = field(default_factory=dict)


def header_footer_text(raw: str) -> str:
    """The text Excel prints from a header/footer definition: sections joined by a space, codes removed."""
    text = _CODES.sub(" ", raw.replace("&&", "\x00"))
    return " ".join(text.replace("\x00", "&").split())


def refuse_dtd(raw: bytes, path: str, part: str) -> None:
    """Excel never writes a DTD: a part that declares one is refused (XXE, billion laughs), as docx parts are."""
    first = _FIRST_ELEMENT.search(raw)
    prolog = raw[: first.start()] if first else raw
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        raise CorruptDocument(
            f"文件可疑，已拒绝读取：{path} 的部件 {part} 含有 XML 实体/DTD 声明（Excel 从不写入，常见于 XXE 或“十亿笑声”攻击）。"
            "请勿用其他工具打开，向来源索取正常文件。",
            f"Suspicious file refused: part {part} of {path} declares an XML DTD/entities (Excel never writes these; "
            "typical of XXE or billion-laughs attacks). Do not open it elsewhere; ask the source for a normal file.",
            path=path,
        )


def sheet_structure(raw: bytes, path: str, part: str = "worksheet") -> SheetStructure:
    refuse_dtd(raw, path, part)
    hidden_rows: set[int] = set()
    hidden_cols: set[int] = set()
    widths: dict[int, float] = {}
    header_footer: list[tuple[str, str]] = []
    links: list[tuple[str, str, str]] = []
    context = etree.iterparse(
        io.BytesIO(raw), events=("end",), tag=_TAGS, resolve_entities=False, no_network=True, load_dtd=False
    )
    try:
        for _, el in context:
            tag = el.tag[len(S) :]
            if tag == "row":
                if el.get("hidden") in _TRUE and (el.get("r") or "").isdigit():
                    hidden_rows.add(int(el.get("r")) - 1)
                el.clear(keep_tail=False)
                parent = el.getparent()
                while parent is not None and el.getprevious() is not None:
                    del parent[0]
            elif tag == "col":
                first, last = el.get("min", ""), el.get("max", "")
                if first.isdigit() and last.isdigit():
                    span = range(int(first) - 1, min(int(last), int(first) + 16384))
                    if el.get("hidden") in _TRUE:
                        hidden_cols.update(span)
                    try:
                        width = float(el.get("width", ""))
                        widths.update((c, width) for c in span if c < 1024)
                    except ValueError:
                        pass
            elif tag == "hyperlink":
                links.append((el.get("ref", ""), el.get(R_ID, ""), el.get("location", "")))
            elif el.text and el.text.strip():
                text = header_footer_text(el.text)
                if text:
                    header_footer.append((tag, text))
    except etree.XMLSyntaxError as exc:
        from reviewer.core.documents.errors import corrupt

        raise corrupt(path, f"部件 {part} 的 XML 有误 / malformed XML in {part}: {exc}") from None
    return SheetStructure(
        frozenset(hidden_rows), frozenset(hidden_cols), tuple(header_footer), tuple(links), widths
    )

"""xlsx (also xlsm, xltx, WPS .et): every cell, and every place a workbook keeps text a viewer does not see.

Cell values come from python-calamine (fast, and it renders shared strings, inline strings, numbers and
dates the way Excel stores them). What calamine does not report is read from the package XML with the
capped, DTD-free `DocxPackage` (the same zip-bomb and XXE defences as docx): hidden rows and columns,
comments (legacy notes and threaded comments with their authors), headers and footers, defined names,
pivot caches (a full copy of the source rows, kept in the file after the sheet was cleaned), external
links (the linked file's path and the values cached from it), text boxes and charts, hyperlinks,
connections and the document properties. Everything a viewer does not see carries `hidden` in its
locator: "sheet", "very-hidden sheet", "row", "column", "comment", "defined-name", "pivot-cache",
"external-link", "connection".
"""

from __future__ import annotations

import io
import re

from lxml import etree

from reviewer.core.documents.docx.package import DocxPackage, Relationship
from reviewer.core.documents.docx.properties import property_blocks
from reviewer.core.documents.limits import Limits, check_deadline, check_text
from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat
from reviewer.core.documents.xlsx.cells import sheet_blocks
from reviewer.core.documents.xlsx.parts import WorkbookParts
from reviewer.core.documents.xlsx.structure import SheetStructure, sheet_structure
from reviewer.core.errors import EncryptedDocument, UnsupportedFormat

S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
S = f"{{{S_NS}}}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A_P, _A_T, _C_V = f"{{{_A_NS}}}p", f"{{{_A_NS}}}t", f"{{{_C_NS}}}v"
_TC = "{http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments}"
_STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_SHORT_NUMBER = re.compile(r"^[-+]?[\d.,%Ee+]{1,6}$")
_HIDDEN_STATES = {"hidden": "sheet", "veryHidden": "very-hidden sheet"}


def read_xlsx(data: bytes, path: str, sha256: str, limits: Limits) -> Document:
    package = DocxPackage(data, path, limits)
    if package.has("xl/workbook.bin"):
        raise UnsupportedFormat(
            f"不支持二进制工作簿（xlsb）：{path}。请在 Excel 或 WPS 中另存为 xlsx 后再审查。",
            f"Binary workbooks (xlsb) are not supported: {path}. Save it as xlsx in Excel or "
            "WPS and review that.",
            path=path,
        )
    package_rels = package.rels("")
    main = next(
        (r.target for r in package_rels.values() if r.type == "officeDocument" and not r.external),
        "xl/workbook.xml",
    )
    workbook = package.xml(main)
    if workbook is None:
        from reviewer.core.documents.errors import corrupt

        raise corrupt(path, f"缺少工作簿部件 {main} / missing workbook part {main}")
    if workbook.tag.startswith(f"{{{_STRICT_NS}}}"):
        raise UnsupportedFormat(
            f"不支持“严格 Open XML”格式的工作簿：{path}。请在 Excel 中另存为普通的“Excel 工作簿（*.xlsx）”后再审查。",
            f'Strict Open XML workbooks are not supported: {path}. Save it in Excel as a normal "Excel Workbook '
            '(*.xlsx)" and review that.',
            path=path,
        )
    reader = _Reader(package, limits)
    rels = package.rels(main)
    for name in package.names():  # every part through the caps before calamine inflates any of them
        if not name.endswith("/"):
            check_deadline(path)
            package.read(name)
    reader.read_sheets(data, workbook, rels)
    reader.read_defined_names(workbook, main)
    reader.read_pivot_caches(workbook, rels)
    reader.read_external_links(rels)
    reader.read_connections(rels)
    reader.read_persons(rels)
    props, _pages = property_blocks(package, package_rels)
    for block in props:
        reader.add(block)
    properties = {
        f"{b.part.rsplit('/', 1)[-1].removesuffix('.xml')}.{b.path.removeprefix('custom:')}": b.text
        for b in props
    }
    return Document.build(
        path=path,
        format=DocumentFormat.XLSX,
        sha256=sha256,
        size=len(data),
        blocks=reader.blocks,
        pages=None,
        properties=properties,
    )


def _calamine(data: bytes, path: str):  # noqa: ANN202 - python_calamine.CalamineWorkbook
    import python_calamine

    try:
        return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise EncryptedDocument(
            f"文件已加密：{path} 设有密码。请在 Excel/WPS 中输入密码后另存为不加密的 xlsx 再审查。",
            f"Encrypted file: {path} needs a password. Open it in Excel/WPS with the password, "
            "save an unencrypted xlsx and review that.",
            path=path,
        ) from None


class _Reader(WorkbookParts):
    def __init__(self, package: DocxPackage, limits: Limits) -> None:
        self.package = package
        self.limits = limits
        self.blocks: list[Block] = []
        self.offset = 0

    def add(self, block: Block) -> None:
        if block.start != self.offset:
            block = Block(
                kind=block.kind,
                part=block.part,
                path=block.path,
                text=block.text,
                start=self.offset,
                attrs=block.attrs,
            )
        self.blocks.append(block)
        self.offset += len(block.text) + 1
        if len(self.blocks) % 4096 == 0:
            check_text(self.offset, self.limits, path=self.package.path)

    # --- sheets: cells, hidden rows and columns, comments, headers and footers, drawings ------------

    def read_sheets(self, data: bytes, workbook: etree._Element, rels: dict[str, Relationship]) -> None:
        path = self.package.path
        book = _calamine(data, path)
        entries = workbook.findall(f"{S}sheets/{S}sheet")
        metadata = book.sheets_metadata
        for index, entry in enumerate(entries):
            name = entry.get("name", f"Sheet{index + 1}")
            rel = rels.get(entry.get(R_ID, ""))
            part = rel.target if rel is not None and not rel.external else name
            state = _HIDDEN_STATES.get(entry.get("state", "visible"))
            raw = self.package.read(part) if rel is not None and not rel.external else None
            structure = sheet_structure(raw, path, part) if raw is not None else SheetStructure()
            check_deadline(path)
            if index < len(metadata) and str(metadata[index].typ).endswith("WorkSheet"):
                sheet = book.get_sheet_by_index(index)
                start = sheet.start or (0, 0)
                for block in sheet_blocks(
                    name,
                    part,
                    sheet.to_python(),
                    start,
                    merged=sheet.merged_cell_ranges or (),
                    sheet_hidden=state,
                    hidden_rows=structure.hidden_rows,
                    hidden_cols=structure.hidden_cols,
                    offset=self.offset,
                ):
                    self.add(block)
            for k, (tag, text) in enumerate(structure.header_footer):
                kind = BlockKind.HEADER if "Header" in tag else BlockKind.FOOTER
                self.add(
                    Block(
                        kind=kind,
                        part=part,
                        path=f"{name}!{tag}",
                        text=text,
                        attrs={"sheet": name, "type": tag, **({"hidden": state} if state else {})},
                    )
                )
            sheet_rels = self.package.rels(part) if raw is not None else {}
            for ref, rid, location in structure.hyperlinks:
                link = sheet_rels.get(rid)
                target = link.target if link is not None and link.external else location
                if target:
                    self.add(
                        Block(
                            kind=BlockKind.HYPERLINK,
                            part=part,
                            path=f"{name}!{ref}/hyperlink",
                            text=target,
                            attrs={"sheet": name, "cell": ref},
                        )
                    )
            self._sheet_parts(name, sheet_rels)

    def _sheet_parts(self, sheet: str, rels: dict[str, Relationship]) -> None:
        for rel in rels.values():
            if rel.external or not self.package.has(rel.target):
                continue
            if rel.type == "comments":
                self._legacy_comments(sheet, rel.target)
            elif rel.type == "threadedComment":
                self._threaded_comments(sheet, rel.target)
            elif rel.type == "drawing":
                self._drawing_text(rel.target, BlockKind.TEXTBOX, sheet)
                for inner in self.package.rels(rel.target).values():
                    if inner.type == "chart" and not inner.external and self.package.has(inner.target):
                        self._drawing_text(inner.target, BlockKind.CHART, sheet)
            elif rel.type == "pivotTable":
                self._pivot_table(sheet, rel.target)

    def _legacy_comments(self, sheet: str, part: str) -> None:
        root = self.package.xml(part)
        if root is None:
            return
        authors = [(a.text or "").strip() for a in root.iter(f"{S}author")]
        for k, author in enumerate(authors):
            if author:
                self.add(
                    Block(
                        kind=BlockKind.COMMENT,
                        part=part,
                        path=f"authors/author[{k}]",
                        text=author,
                        attrs={"sheet": sheet, "author": author, "hidden": "comment"},
                    )
                )
        for comment in root.iter(f"{S}comment"):
            ref = comment.get("ref", "")
            text = _rich_text(comment.find(f"{S}text"))
            author_id = comment.get("authorId", "")
            author = authors[int(author_id)] if author_id.isdigit() and int(author_id) < len(authors) else ""
            if text.strip():
                self.add(
                    Block(
                        kind=BlockKind.COMMENT,
                        part=part,
                        path=f"{sheet}!{ref}/comment",
                        text=text,
                        attrs={
                            "sheet": sheet,
                            "cell": ref,
                            "hidden": "comment",
                            **({"author": author} if author else {}),
                        },
                    )
                )

    def _threaded_comments(self, sheet: str, part: str) -> None:
        root = self.package.xml(part)
        if root is None:
            return
        for k, comment in enumerate(root.iter(f"{_TC}threadedComment")):
            ref = comment.get("ref", "")
            text = "".join(t.text or "" for t in comment.iter(f"{_TC}text"))
            if text.strip():
                self.add(
                    Block(
                        kind=BlockKind.COMMENT,
                        part=part,
                        path=f"{sheet}!{ref}/threadedComment[{k}]",
                        text=text,
                        attrs={"sheet": sheet, "cell": ref, "hidden": "comment"},
                    )
                )

    def read_persons(self, rels: dict[str, Relationship]) -> None:
        """The people of threaded comments: display names and account ids (often an e-mail address)."""
        for rel in rels.values():
            if rel.type != "person" or rel.external or not self.package.has(rel.target):
                continue
            root = self.package.xml(rel.target)
            for k, person in enumerate(root.iter(f"{_TC}person") if root is not None else ()):
                for attr in ("displayName", "userId"):
                    value = (person.get(attr) or "").strip()
                    if value:
                        self.add(
                            Block(
                                kind=BlockKind.COMMENT,
                                part=rel.target,
                                path=f"person[{k}]/@{attr}",
                                text=value,
                                attrs={"name": attr, "hidden": "comment"},
                            )
                        )

    def _drawing_text(self, part: str, kind: BlockKind, sheet: str) -> None:
        root = self.package.xml(part)
        if root is None:
            return
        k = 0
        for el in root.iter(_A_P, _C_V):
            if el.tag == _A_P:
                text = "".join(t.text or "" for t in el.iter(_A_T)).strip()
            else:
                text = (el.text or "").strip()
                if _SHORT_NUMBER.match(text):
                    continue
            if text:
                self.add(
                    Block(
                        kind=kind,
                        part=part,
                        path=f"{kind.value}/text[{k}]",
                        text=text,
                        attrs={"sheet": sheet},
                    )
                )
                k += 1

    def _pivot_table(self, sheet: str, part: str) -> None:
        """Captions a pivot table stores itself: its name, renamed fields and items (item n="…")."""
        root = self.package.xml(part)
        if root is None:
            return
        k = 0
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            local = etree.QName(el).localname
            for attr in ("name", "n", "caption", "dataCaption"):
                value = (el.get(attr) or "").strip()
                if value and (local, attr) != ("pivotTableDefinition", "dataCaption"):
                    self.add(
                        Block(
                            kind=BlockKind.PIVOT_CACHE,
                            part=part,
                            path=f"{local}[{k}]/@{attr}",
                            text=value,
                            attrs={"sheet": sheet, "name": f"{local}@{attr}"},
                        )
                    )
                    k += 1


def _rich_text(el: etree._Element | None) -> str:
    """A comment's or string item's visible text: its runs joined, phonetic guides (rPh) left out."""
    if el is None:
        return ""
    return "".join(t.text or "" for t in el.iter(f"{S}t") if etree.QName(t.getparent()).localname != "rPh")

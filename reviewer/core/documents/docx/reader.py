"""docx: every place text can hide, each as blocks with a part, a paragraph path and a run map.

Reading order: headers, body, footers, footnotes, endnotes, comments, then properties and the
names of tracked-change authors. Deleted text (w:delText) is read too: it is invisible in Word's
final view but still in the file, and leaks when the file is published. Text boxes are read once:
of an mc:AlternateContent we take the first mc:Choice and skip the VML mc:Fallback copy.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Mapping

from lxml import etree

from reviewer.core.documents.docx.alt_chunks import UnreadableChunk, chunk_lines
from reviewer.core.documents.docx.embedded import embedded_lines
from reviewer.core.documents.docx.ole import ole_fields
from reviewer.core.documents.docx.package import R_NS, W_NS, DocxPackage, Relationship
from reviewer.core.documents.docx.pictures import picture_blocks
from reviewer.core.documents.docx.properties import property_blocks
from reviewer.core.documents.limits import Limits, check_text, too_large
from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat, RunSpan

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = f"{{{W_NS}}}"
_CELL_KEYS = frozenset({"table", "row", "col", "header", "header_cell"})
P, TBL, TR, TC, R_, T, DEL_TEXT = (W + n for n in ("p", "tbl", "tr", "tc", "r", "t", "delText"))
SDT, SDT_CONTENT, CUSTOM_XML, SMART_TAG = (W + n for n in ("sdt", "sdtContent", "customXml", "smartTag"))
INS, DEL, MOVE_TO, MOVE_FROM = (W + n for n in ("ins", "del", "moveTo", "moveFrom"))
HYPERLINK, FLD_SIMPLE, DIR, BDO = (W + n for n in ("hyperlink", "fldSimple", "dir", "bdo"))
TXBX_CONTENT, AUTHOR, INSTR_TEXT = W + "txbxContent", W + "author", W + "instrText"
ALT_CHUNK = W + "altChunk"
ALTERNATE, CHOICE, FALLBACK = (f"{{{MC_NS}}}{n}" for n in ("AlternateContent", "Choice", "Fallback"))
DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
R_ID = f"{{{R_NS}}}id"
_CHAR_TAGS = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
_DRAWING_TAGS = {W + "drawing", W + "pict", W + "object", ALTERNATE}
_INLINE_WRAPPERS = {SMART_TAG, CUSTOM_XML, FLD_SIMPLE, DIR, BDO, SDT_CONTENT}
_NOTE_SKIP = {"separator", "continuationSeparator", "continuationNotice"}
_MAIN_TYPES = ("officeDocument",)
_FIELD_LINK = re.compile(r'HYPERLINK\s+"([^"]+)"')
_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_AUTHORS = etree.XPath("//@w:author", namespaces={"w": W_NS})


def read_docx(data: bytes, path: str, sha256: str, limits: Limits, *,
              progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> Document:
    package = DocxPackage(data, path, limits)
    package_rels = package.rels("")
    main = next((r.target for r in package_rels.values() if r.type in _MAIN_TYPES and not r.external),
                "word/document.xml")
    root = package.xml(main)
    if root is not None and root.tag.startswith(f"{{{_STRICT_NS}}}"):
        from reviewer.core.errors import UnsupportedFormat

        raise UnsupportedFormat(
            f"不支持“严格 Open XML”格式的文档：{path}。请在 Word 中另存为普通的“Word 文档（*.docx）”后再审查。",
            f"Strict Open XML documents are not supported: {path}. Save it in Word as a normal "
            "\"Word Document (*.docx)\" and review that.", path=path)
    body = root.find(W + "body") if root is not None else None
    if body is None:
        from reviewer.core.documents.errors import corrupt

        raise corrupt(path, f"缺少正文部件 {main} / missing main part {main}")
    reader = _Reader(package, limits)
    rels = package.rels(main)
    headers, footers = _header_footer_parts(body, rels)
    for part, attrs in headers.items():
        reader.read_part(part, BlockKind.HEADER, "hdr", attrs)
    reader.walk(body, main, "body", BlockKind.PARAGRAPH, {}, rels, 0)
    reader.collect_authors(root)
    for part, attrs in footers.items():
        reader.read_part(part, BlockKind.FOOTER, "ftr", attrs)
    by_type = {r.type: r.target for r in rels.values() if not r.external}
    reader.read_notes(by_type.get("footnotes"), BlockKind.FOOTNOTE, "footnote")
    reader.read_notes(by_type.get("endnotes"), BlockKind.ENDNOTE, "endnote")
    reader.read_comments(by_type.get("comments"))
    for name in sorted(package.names(), key=_natural):
        kind = _drawing_part_kind(name)
        if kind is not None:
            reader.read_drawing_text(name, kind)
    embedded = [n for n in package.names() if n.lower().startswith("word/embeddings/") and not n.endswith("/")]
    for k, name in enumerate(embedded):  # named, and an embedded workbook/document/deck read row by row
        reader.add(Block(kind=BlockKind.ATTACHMENT, part="word/embeddings", path=f"file[{k}]",
                         text=name.rsplit("/", 1)[-1], attrs={"name": name}))
        data = package.read(name)
        for j, line in enumerate((embedded_lines(data) if data and data[:2] == b"PK" else None) or []):
            reader.add(Block(kind=BlockKind.ATTACHMENT, part=name, path=f"file[{k}]/line[{j}]", text=line,
                             attrs={"name": name}))
        for field, text in ole_fields(data) if data else ():
            reader.add(Block(kind=BlockKind.ATTACHMENT, part=name, path=f"file[{k}]/{field}", text=text,
                             attrs={"name": name, "field": field}))
    for block in picture_blocks(package.names(), package.read, progress=progress, cancelled=cancelled):
        reader.add(dataclasses.replace(block, start=reader.offset))  # pictures read by OCR (issue 27)
    for k, author in enumerate(sorted(reader.change_authors)):
        reader.add(Block(kind=BlockKind.PROPERTY, part=main, path=f"revision-author[{k}]", text=author,
                         attrs={"name": "revision author", "author": author}))
    props, pages = property_blocks(package, package_rels)
    for block in props:
        reader.add(block)
    properties = {f"{b.part.rsplit('/', 1)[-1].removesuffix('.xml')}.{b.path.removeprefix('custom:')}": b.text
                  for b in props}
    if pages is not None and pages > limits.max_pages:
        pages = None  # app.xml's count is what Word last saw, not a fact: ignore absurd claims
    if progress is not None:
        progress(1, 1)
    return Document.build(path=path, format=DocumentFormat.DOCX, sha256=sha256, size=len(data),
                          blocks=reader.blocks, pages=pages, properties=properties)


def _header_footer_parts(body: etree._Element, rels: Mapping[str, Relationship]
                         ) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """Header/footer parts in section order, each with the first section and type referring to it."""
    headers: dict[str, dict[str, str]] = {}
    footers: dict[str, dict[str, str]] = {}
    for section, sect_pr in enumerate(body.iter(W + "sectPr")):
        for ref in sect_pr:
            target = {W + "headerReference": headers, W + "footerReference": footers}.get(ref.tag)
            rel = rels.get(ref.get(R_ID, ""))
            if target is not None and rel and not rel.external and rel.target not in target:
                target[rel.target] = {"section": str(section), "type": ref.get(W + "type", "default")}
    for rel in rels.values():  # parts no section points to are still in the file
        for kind, target in (("header", headers), ("footer", footers)):
            if rel.type == kind and not rel.external and rel.target not in target:
                target[rel.target] = {"section": "-", "type": "unreferenced"}
    return headers, footers


class _Reader:
    def __init__(self, package: DocxPackage, limits: Limits) -> None:
        self.package = package
        self.limits = limits
        self.blocks: list[Block] = []
        self.offset = 0
        self.change_authors: set[str] = set()

    def add(self, block: Block) -> None:
        """Append with its final offset (so Document.build need not copy it)."""
        if block.start != self.offset:
            block = Block(kind=block.kind, part=block.part, path=block.path, text=block.text,
                          start=self.offset, runs=block.runs, attrs=block.attrs)
        self.blocks.append(block)
        self.offset += len(block.text) + 1
        check_text(self.offset, self.limits, path=self.package.path)

    def collect_authors(self, root: etree._Element) -> None:
        """Every w:author in a part: insertions, deletions, moves and formatting changes alike."""
        self.change_authors.update(a for a in _AUTHORS(root) if a.strip())

    def read_part(self, part: str, kind: BlockKind, root_path: str, attrs: Mapping[str, str]) -> None:
        root = self.package.xml(part)
        if root is not None:
            self.walk(root, part, root_path, kind, attrs, self.package.rels(part), 0)
            self.collect_authors(root)

    def read_drawing_text(self, part: str, kind: BlockKind) -> None:
        """Text Word draws from a chart or SmartArt part: one block per DrawingML paragraph (titles,
        SmartArt shapes) and per cached chart value (series names, category labels). Numbers shorter
        than an identifier are left out: they are the data, not names."""
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
                self.add(Block(kind=kind, part=part, path=f"{kind.value}/text[{k}]", text=text))
                k += 1

    def read_notes(self, part: str | None, kind: BlockKind, name: str) -> None:
        root = self.package.xml(part) if part else None
        if root is None:
            return
        rels = self.package.rels(part)
        self.collect_authors(root)
        for note in root.iterchildren(W + name):
            if note.get(W + "type") not in _NOTE_SKIP:
                self.walk(note, part, f"{name}[id={note.get(W + 'id')}]", kind, {}, rels, 0)

    def read_comments(self, part: str | None) -> None:
        root = self.package.xml(part) if part else None
        if root is None:
            return
        rels = self.package.rels(part)
        for comment in root.iterchildren(W + "comment"):
            path = f"comment[id={comment.get(W + 'id')}]"
            author = comment.get(AUTHOR) or ""
            attrs = {"author": author} if author else {}
            if author:  # the author attribute is itself a person's name in the file
                self.add(Block(kind=BlockKind.COMMENT, part=part, path=f"{path}/@author", text=author,
                               attrs=attrs))
            self.walk(comment, part, path, BlockKind.COMMENT, attrs, rels, 0)

    def walk(self, container: etree._Element, part: str, path: str, kind: BlockKind,
             attrs: Mapping[str, str], rels: Mapping[str, Relationship], depth: int) -> None:
        """Paragraphs and tables of a body, cell, header, note, comment or text box, in order."""
        if depth > self.limits.max_xml_depth:
            raise too_large("表格/文本框嵌套层数", "the nesting depth of tables/text boxes", depth,
                            self.limits.max_xml_depth, "max_xml_depth", path=self.package.path)
        counts = {P: 0, TBL: 0, SDT: 0, ALT_CHUNK: 0}
        for child in _block_children(container):
            tag = child.tag
            if tag == ALT_CHUNK:
                self._alt_chunk(child, part, f"{path}/altChunk[{counts[ALT_CHUNK]}]", kind, attrs, rels)
            elif tag == P:
                self._paragraph(child, part, f"{path}/p[{counts[P]}]", kind, attrs, rels, depth)
            elif tag == TBL:
                self._table(child, part, f"{path}/tbl[{counts[TBL]}]", kind, attrs, rels, depth)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.walk(content, part, f"{path}/sdt[{counts[SDT]}]", kind, attrs, rels, depth + 1)
            else:
                continue
            counts[tag] += 1

    def _alt_chunk(self, el: etree._Element, part: str, path: str, kind: BlockKind, attrs: Mapping[str, str],
                   rels: Mapping[str, Relationship]) -> None:
        """An imported HTML/MHT/RTF/text/docx file that Word shows in place: its lines are paragraphs here."""
        rel = rels.get(el.get(R_ID) or "")
        if rel is None or rel.external or rel.target.lower().endswith((".xml", ".rels")):
            return  # a chunk is an imported file, never a part of the package's own structure
        data = self.package.read(rel.target)
        if data is None:
            return  # nothing to show: Word shows nothing either
        chunk_attrs = {**attrs, "alt_chunk": rel.target}
        try:
            lines = chunk_lines(rel.target, data)
        except (UnreadableChunk, ValueError) as exc:
            # named, like an embedded file, so the reviewer knows there is content we cannot read
            self.add(Block(kind=BlockKind.ATTACHMENT, part=rel.target, path=path, text=rel.target.rsplit("/", 1)[-1],
                           attrs={**chunk_attrs, "unreadable": str(exc)}))
            return
        for k, line in enumerate(lines):
            self.add(Block(kind=kind, part=part, path=f"{path}/line[{k}]", text=line, attrs=chunk_attrs))

    def _table(self, tbl: etree._Element, part: str, path: str, kind: BlockKind, attrs: Mapping[str, str],
               rels: Mapping[str, Relationship], depth: int) -> None:
        """Cells in row order; each cell's blocks carry the table-cell contract of detection/columns.py
        (table, row, col, and "header" = its column's header text, or "header_cell" on the header row). The
        header row is the first row with two cells or more (a title row merged across the table is not)."""
        cell_kind = BlockKind.TABLE_CELL if kind is BlockKind.PARAGRAPH else kind
        outer = {k: v for k, v in attrs.items() if k not in _CELL_KEYS}  # a table nested in a cell
        headers: dict[int, str] | None = None
        for i, tr in enumerate(c for c in _block_children(tbl) if c.tag == TR):
            cells = [c for c in _block_children(tr) if c.tag == TC]
            header_row = headers is None and len(cells) >= 2
            texts: dict[int, str] = {}
            for j, tc in enumerate(cells):
                cell_attrs = {**outer, "table": path, "row": str(i), "col": str(j)}
                if header_row:
                    cell_attrs["header_cell"] = "1"
                elif headers is not None:
                    cell_attrs["header"] = headers.get(j, "")
                first = len(self.blocks)
                self.walk(tc, part, f"{path}/tr[{i}]/tc[{j}]", cell_kind, cell_attrs, rels, depth + 1)
                if header_row:
                    texts[j] = "".join("".join(b.text.split()) for b in self.blocks[first:])
            if header_row:
                headers = texts

    def _paragraph(self, p: etree._Element, part: str, path: str, kind: BlockKind, attrs: Mapping[str, str],
                   rels: Mapping[str, Relationship], depth: int) -> None:
        para = _Paragraph(rels)
        para.walk(p, None, None)
        if para.instructions:
            para.links.extend((m.group(1), "") for m in _FIELD_LINK.finditer("".join(para.instructions)))
        self.add(Block(kind=kind, part=part, path=path, text="".join(para.pieces), runs=tuple(para.runs),
                       attrs=attrs))
        if para.deleted:  # deleted text is invisible in Word but still in the file: it leaks
            self.add(Block(kind=kind, part=part, path=f"{path}/del", text="".join(para.deleted),
                           runs=tuple(para.deleted_runs), attrs=attrs))
        for k, (target, text) in enumerate(para.links):
            self.add(Block(kind=BlockKind.HYPERLINK, part=part, path=f"{path}/hyperlink[{k}]", text=target,
                           attrs={"name": text} if text else {}))
        for suffix, text in para.alt_texts:
            self.add(Block(kind=BlockKind.ALT_TEXT, part=part, path=f"{path}/{suffix}", text=text, attrs=attrs))
        for k, box in enumerate(para.textboxes):
            self.walk(box, part, f"{path}/txbx[{k}]", BlockKind.TEXTBOX, attrs, rels, depth + 1)


class _Paragraph:
    """Collects one paragraph's text, run map, hyperlink targets and text boxes in one pass."""

    __slots__ = ("rels", "pieces", "runs", "pos", "run_index", "links", "textboxes", "deleted",
                 "deleted_runs", "deleted_pos", "last_deleted", "instructions", "alt_texts", "drawings")

    def __init__(self, rels: Mapping[str, Relationship]) -> None:
        self.rels = rels
        self.pieces: list[str] = []
        self.runs: list[RunSpan] = []
        self.pos = 0
        self.run_index = 0
        self.links: list[tuple[str, str]] = []
        self.textboxes: list[etree._Element] = []
        self.deleted: list[str] = []  # text of w:del/w:moveFrom runs, kept apart from the current text
        self.deleted_runs: list[RunSpan] = []
        self.deleted_pos = 0
        self.last_deleted = -2  # run index of the last deleted run, to separate non-adjacent deletions
        self.instructions: list[str] = []  # field codes: HYPERLINK "mailto:..." fields hide targets too
        self.alt_texts: list[tuple[str, str]] = []  # (path suffix, text) of picture/shape titles and descriptions
        self.drawings = 0

    def walk(self, el: etree._Element, change: str | None, author: str | None) -> None:
        for child in el:
            tag = child.tag
            if tag == R_:
                self._run(child, change, author)
            elif tag in (INS, MOVE_TO, DEL, MOVE_FROM):
                who = child.get(AUTHOR) or None
                self.walk(child, "ins" if tag in (INS, MOVE_TO) else "del", who)
            elif tag == HYPERLINK:
                start = self.pos
                self.walk(child, change, author)
                rel = self.rels.get(child.get(R_ID, ""))
                if rel is not None and rel.external:
                    self.links.append((rel.target, "".join(self.pieces)[start:]))
            elif tag in _INLINE_WRAPPERS or tag == SDT:
                self.walk(child.find(SDT_CONTENT) if tag == SDT else child, change, author)
            elif tag == ALTERNATE:
                chosen = _choose(child)
                if chosen is not None:
                    self.walk(chosen, change, author)

    def _run(self, r: etree._Element, change: str | None, author: str | None) -> None:
        out: list[str] = []
        for c in r:
            tag = c.tag
            if tag == T or tag == DEL_TEXT:
                if c.text:
                    out.append(c.text)
            elif tag in _CHAR_TAGS:
                out.append(_CHAR_TAGS[tag])
            elif tag in _DRAWING_TAGS:
                for found in _drawing_content(c):
                    if found.tag == DOC_PR:
                        self.alt_texts.extend((f"drawing[{self.drawings}]/@{name}", found.get(name).strip())
                                              for name in ("title", "descr") if (found.get(name) or "").strip())
                        self.drawings += 1
                    else:
                        self.textboxes.append(found)
            elif tag == INSTR_TEXT and c.text:
                self.instructions.append(c.text)
        if out and change == "del":
            text = "".join(out)
            if self.deleted and self.last_deleted != self.run_index - 1:
                self.deleted.append("\n")  # separate deletions that were not next to each other
                self.deleted_pos += 1
            end = self.deleted_pos + len(text)
            self.deleted_runs.append(RunSpan(self.deleted_pos, end, self.run_index, change, author))
            self.deleted.append(text)
            self.deleted_pos = end
            self.last_deleted = self.run_index
        elif out:
            text = "".join(out)
            end = self.pos + len(text)
            self.runs.append(RunSpan(self.pos, end, self.run_index, change, author))
            self.pieces.append(text)
            self.pos = end
        self.run_index += 1


_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A_P, _A_T, _C_V = f"{{{_A_NS}}}p", f"{{{_A_NS}}}t", f"{{{_C_NS}}}v"
_SHORT_NUMBER = re.compile(r"^[-+]?[\d.,%Ee+]{1,6}$")
_DRAWING_PARTS = ((re.compile(r"^word/charts/chart\d*\.xml$", re.IGNORECASE), BlockKind.CHART),
                  (re.compile(r"^word/diagrams/data\d*\.xml$", re.IGNORECASE), BlockKind.DIAGRAM))


def _drawing_part_kind(name: str) -> BlockKind | None:
    return next((kind for pattern, kind in _DRAWING_PARTS if pattern.match(name)), None)


def _natural(name: str) -> list[object]:
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", name.lower())]


def _block_children(el: etree._Element | None) -> Iterator[etree._Element]:
    """Children, looking through wrappers that may hold block content (customXml, AlternateContent)."""
    if el is None:
        return
    for child in el:
        tag = child.tag
        if tag == CUSTOM_XML or tag in (INS, DEL, MOVE_TO, MOVE_FROM):
            yield from _block_children(child)
        elif tag == ALTERNATE:
            yield from _block_children(_choose(child))
        else:
            yield child


def _choose(alternate: etree._Element) -> etree._Element | None:
    """The first mc:Choice, else the mc:Fallback: exactly one copy of alternate content."""
    return alternate.find(CHOICE) if alternate.find(CHOICE) is not None else alternate.find(FALLBACK)


def _drawing_content(el: etree._Element | None) -> Iterator[etree._Element]:
    """w:txbxContent and wp:docPr inside a drawing, once (skipping fallbacks), in document order,
    not descending into nested text boxes (their own paragraphs are walked later)."""
    if el is not None and el.tag == ALTERNATE:
        el = _choose(el)
    if el is None:
        return
    for child in el:
        if child.tag == TXBX_CONTENT or child.tag == DOC_PR:
            yield child
        elif child.tag == ALTERNATE or len(child):
            yield from _drawing_content(child)

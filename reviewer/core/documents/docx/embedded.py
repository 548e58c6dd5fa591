"""The text inside an Office package embedded in a docx (word/embeddings/*.xlsx, *.docx, *.pptx).

A notice that embeds its roster as an Excel object shows a picture of the first rows; a double click
opens the whole workbook, ID numbers and all, for anyone who receives the file. The reader lists the
rows (cells joined by tabs) so detection sees them; the writer replaces values inside the package
(docx_writer._rewrite_package) and the verifier opens it too. OLE binaries (Excel 97-2003 objects)
are not read: they stay named only, and the verifier's byte search (UTF-16 included) still runs.
The label and paths of a file inserted as an OLE Package are in `ole`.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_A_T = "{http://schemas.openxmlformats.org/drawingml/2006/main}t"
_SHEET = re.compile(r"^xl/worksheets/sheet\d+\.xml$", re.IGNORECASE)
_SLIDE = re.compile(r"^ppt/slides/slide\d+\.xml$", re.IGNORECASE)
_MAX_PART = 64 * 1024 * 1024  # one part of an embedded package, decompressed
_MAX_LINES = 200_000


def _natural(name: str) -> list[object]:
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", name.lower())]


def embedded_lines(data: bytes) -> list[str] | None:
    """Rows of a workbook, paragraphs of a document, texts of slides; None when not such a package."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = {i.filename: i for i in archive.infolist()}
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    with archive:
        def xml(name: str) -> etree._Element | None:
            info = names.get(name)
            if info is None or info.file_size > _MAX_PART:
                return None
            try:
                return etree.fromstring(archive.read(info), _PARSER)
            except (etree.XMLSyntaxError, zipfile.BadZipFile, ValueError, OSError):
                return None

        if "xl/workbook.xml" in names or any(_SHEET.match(n) for n in names):
            return _workbook_rows(names, xml)
        if "word/document.xml" in names:
            from reviewer.core.documents.docx.reader import read_docx
            from reviewer.core.documents.limits import Limits

            document = read_docx(data, "embedded.docx", "", Limits())
            return [b.text for b in document.blocks if b.text.strip()]
        if any(_SLIDE.match(n) for n in names):
            lines = []
            for name in sorted((n for n in names if _SLIDE.match(n)), key=_natural):
                root = xml(name)
                if root is not None:
                    lines += [t.text.strip() for t in root.iter(_A_T) if t.text and t.text.strip()]
            return lines
    return None


def _workbook_rows(names, xml) -> list[str]:
    shared: list[str] = []
    sst = xml("xl/sharedStrings.xml")
    if sst is not None:
        for si in sst.iter(f"{_S}si"):
            shared.append("".join(t.text or "" for t in si.iter(f"{_S}t")))
    lines: list[str] = []
    for name in sorted((n for n in names if _SHEET.match(n)), key=_natural):
        root = xml(name)
        if root is None:
            continue
        for row in root.iter(f"{_S}row"):
            cells = []
            for c in row.iter(f"{_S}c"):
                kind, v = c.get("t"), c.find(f"{_S}v")
                if kind == "s" and v is not None and (v.text or "").strip().isdigit():
                    k = int(v.text)
                    cells.append(shared[k] if k < len(shared) else "")
                elif kind == "inlineStr":
                    cells.append("".join(t.text or "" for t in c.iter(f"{_S}t")))
                elif v is not None and v.text:
                    cells.append(v.text)
            text = "\t".join(x.strip() for x in cells if x and x.strip())
            if text:
                lines.append(text)
            if len(lines) >= _MAX_LINES:
                return lines
    return lines

"""Redacted copy of a .docx package: values replaced inside runs, comments and revisions gone.

Works on the package XML directly (lxml, entities off) rather than through python-docx, because
python-docx does not reach comments, revisions, footnotes, text boxes or properties uniformly:
- tracked changes are accepted and flattened (w:ins/w:moveTo unwrapped; w:del/w:moveFrom and
  deleted rows dropped; property-change records removed), so what is published is the final text
  the reviewer read and no revision author or deleted wording remains;
- comments parts, their markers and reference runs, people.xml, the page thumbnail and the glossary
  (building blocks: stored text Word never shows in the document) are removed, and with each removed
  part go its own relationships part, the relationships and content-type overrides that name it,
  and a folder entry of the zip left with nothing in it (the verifier checks each of these);
- the label and paths of a file inserted as an OLE Package (C:\\Users\\<account>\\…\\<name>.pdf) are
  rewritten in place, in their own encoding, as are the author strings of an embedded OLE object;
- every occurrence of every de-identified value is replaced, per paragraph with the runs' texts
  joined (a name split over three differently formatted runs still matches) and distributed back
  over the same runs so each keeps its own formatting, then in every other text node and attribute
  of every part (properties, relationships targets such as mailto:, field codes, custom XML);
- author attributes and the creator / last-modified-by / manager properties are blanked;
- pictures lose their metadata (EXIF with GPS position and camera owner, XMP, PNG text), losslessly;
- each w:altChunk (an HTML/MHT/RTF/text/docx file Word shows in place) becomes plain paragraphs of its
  text, de-identified like the rest, and its part is dropped (its own formatting is lost, which the
  report says); a chunk we cannot read stops the export.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from reviewer.core.deidentify.errors import ExportRefused
from reviewer.core.deidentify.plan import RedactionPlan
from reviewer.core.documents.docx.alt_chunks import ALT_CHUNK_TYPE, UnreadableChunk, chunk_lines
from reviewer.core.documents.docx.ole import MAX_STREAM, NATIVE_STREAM, is_ole, native_fields
from reviewer.core.documents.image_metadata import blank_preview, strip_image_metadata, stripped_note

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
_DROPPED_NAMES = re.compile(
    r"^(word/(comments|commentsExtended|commentsIds|commentsExtensible|people)\.xml|docProps/thumbnail\.[a-z]+"
    r"|word/glossary/.+)$",  # building blocks: stored text Word never shows in the document
    re.IGNORECASE)
_UNWRAP = {"ins", "moveTo"}
_DROP_WITH_CONTENT = {"del", "moveFrom"}
_DROP_MARKERS = {"rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
                 "tblGridChange", "numberingChange", "moveFromRangeStart", "moveFromRangeEnd",
                 "moveToRangeStart", "moveToRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd",
                 "customXmlDelRangeStart", "customXmlDelRangeEnd", "cellIns", "cellMerge",
                 "commentRangeStart", "commentRangeEnd", "commentReference"}
_PERSON_PROPERTIES = {"creator", "lastModifiedBy", "Manager"}
_TEXT_TAGS = ("t",)
_FIELD_TAGS = ("instrText",)


@dataclass(frozen=True, slots=True)
class DocxWriteReport:
    replaced: int
    insertions_accepted: int
    deletions_dropped: int
    comments_removed: int
    parts_removed: tuple[str, ...]
    alt_chunks_flattened: int = 0
    pictures_stripped: int = 0
    previews_blanked: int = 0
    ole_rewritten: int = 0

    @property
    def notes(self) -> tuple[str, ...]:
        notes = [f"{self.replaced} value replacements"]
        if self.insertions_accepted or self.deletions_dropped:
            notes.append(f"tracked changes accepted: {self.insertions_accepted} insertions kept, "
                         f"{self.deletions_dropped} deletions dropped")
        if self.comments_removed:
            notes.append(f"{self.comments_removed} comment markers removed")
        if self.previews_blanked:
            notes.append(f"{self.previews_blanked} preview pictures of embedded objects blanked (they showed removed "
                         "values; Word redraws them from the de-identified data when the object is opened)")
        if self.pictures_stripped:
            notes.append(stripped_note(self.pictures_stripped))
        if self.ole_rewritten:
            notes.append(f"labels, paths or author strings of {self.ole_rewritten} embedded objects "
                         "de-identified")
        if self.alt_chunks_flattened:
            notes.append(f"{self.alt_chunks_flattened} imported HTML/RTF/text chunks (altChunk) turned into plain "
                         "paragraphs: their own formatting is lost, check the layout")
        if self.parts_removed:
            notes.append("parts removed: " + ", ".join(self.parts_removed))
        return tuple(notes)


class _Counts:
    def __init__(self) -> None:
        self.replaced = self.ins = self.dels = self.comments = self.chunks = self.pictures = self.previews = 0
        self.ole = 0


def write_docx(source: Path, plan: RedactionPlan, output: str | Path,
               cancelled: Callable[[], bool] | None = None,
               pictures: dict[str, bytes] | None = None) -> DocxWriteReport:
    """`pictures`: parts replaced as given (pictures with removed values painted over, `writers.image`)."""
    counts = _Counts()
    pictures = pictures or {}
    with zipfile.ZipFile(source) as src:
        names = [i.filename for i in src.infolist()]
        chunks = _alt_chunks(src, names)
        dropped = _removed(names, {n for n in names if _DROPPED_NAMES.match(n)}
                           | {target for by_id in chunks.values() for target, _ in by_id.values()})
        packages, blanks = _embedded_packages(src, names, plan, counts)
        with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                _check_cancelled(cancelled)
                if info.filename in dropped:
                    continue
                data = src.read(info)
                if _is_xml(info.filename, data):
                    data = _rewrite_xml(info.filename, data, plan, dropped, counts, chunks.get(info.filename, {}))
                elif info.filename in packages:
                    data = packages[info.filename]
                elif info.filename in blanks:
                    data = blanks[info.filename]
                elif info.filename in pictures:  # OCR hook (issue 27): painted, encoded anew without metadata
                    data = pictures[info.filename]
                elif data[:2] == b"PK":
                    data = _rewrite_package(data, plan, counts)
                elif is_ole(data):
                    data = _rewrite_ole(data, plan, counts)
                else:
                    stripped = strip_image_metadata(data)
                    counts.pictures += stripped != data
                    data = stripped
                out = zipfile.ZipInfo(_renamed(info.filename, plan), date_time=info.date_time)
                out.compress_type = zipfile.ZIP_DEFLATED
                out.external_attr = info.external_attr
                dst.writestr(out, data)
    return DocxWriteReport(replaced=counts.replaced, insertions_accepted=counts.ins,
                           deletions_dropped=counts.dels, comments_removed=counts.comments,
                           parts_removed=tuple(sorted(dropped)), alt_chunks_flattened=counts.chunks,
                           pictures_stripped=counts.pictures, previews_blanked=counts.previews,
                           ole_rewritten=counts.ole)


def _check_cancelled(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        from reviewer.core.deidentify.errors import ExportCancelled

        raise ExportCancelled()


def _removed(names: list[str], parts: set[str]) -> set[str]:
    """The members that go with removed `parts`: the parts, each one's own relationships part
    (word/_rels/comments.xml.rels) and every folder entry (word/glossary/) with nothing kept under it."""
    lower = {p.lower() for p in parts}
    for name in names:
        folder, base = posixpath.split(name)
        if posixpath.basename(folder).lower() == "_rels" and base.lower().endswith(".rels"):
            owner = posixpath.join(posixpath.dirname(folder), base[: -len(".rels")]).lower()
            if owner in lower:
                lower.add(name.lower())
    kept = [n.lower() for n in names if not n.endswith("/") and n.lower() not in lower]
    for name in names:
        if name.endswith("/") and not any(k.startswith(name.lower()) for k in kept):
            lower.add(name.lower())
    return {n for n in names if n.lower() in lower}


def _rewrite_ole(data: bytes, plan: RedactionPlan, counts: _Counts) -> bytes:
    """The label and paths of an OLE Package and the strings of its property sets, values replaced in
    place by text of the same byte length (an OLE stream cannot change size here); the inserted file
    itself is not touched (the verifier searches it, and refuses the export if a value is in it)."""
    import olefile

    pattern = plan.flexible_pattern()
    if pattern is None:
        return data
    buffer = io.BytesIO(data)
    changed = False
    try:
        ole = olefile.OleFileIO(buffer, write_mode=True)
    except Exception:  # noqa: BLE001 - not an OLE file olefile can open: left for the verifier
        return data
    try:
        if ole.exists(NATIVE_STREAM) and ole.get_size(NATIVE_STREAM) <= MAX_STREAM:
            raw = ole.openstream(NATIVE_STREAM).read()
            new = bytearray(raw)
            for field in native_fields(raw):
                _replace_field(new, field.start, field.end, field.encoding, plan, pattern)
            if new != raw:
                ole.write_stream(NATIVE_STREAM, bytes(new))
                changed = True
        for entry in ole.listdir():
            name = "/".join(entry)
            if not entry[-1].startswith("\x05") or ole.get_size(name) > MAX_STREAM:
                continue  # property sets (SummaryInformation …) only: other streams are binary records
            raw = ole.openstream(name).read()
            new = bytearray(raw)
            for value in plan.values:
                for encoding in ("utf-16-le", "gb18030", "utf-8"):
                    needle = value.encode(encoding, errors="ignore")
                    if len(needle) >= 2:
                        new = bytearray(bytes(new).replace(needle, _mask(len(needle), encoding)))
            if new != raw:
                ole.write_stream(name, bytes(new))
                changed = True
    except Exception:  # noqa: BLE001 - a damaged OLE file: copied as it is, the verifier decides
        return data
    finally:
        ole.close()
    counts.ole += changed
    return buffer.getvalue() if changed else data


def _replace_field(raw: bytearray, start: int, end: int, encoding: str, plan: RedactionPlan,
                   pattern) -> None:  # noqa: ANN001
    """Replace the values in raw[start:end] (text in `encoding`) by replacements of the same byte length:
    the plan's own replacement when it has that length, else a mask."""
    try:
        text = bytes(raw[start:end]).decode(encoding)
    except UnicodeDecodeError:
        return
    if text.encode(encoding) != bytes(raw[start:end]):
        return
    for m in pattern.finditer(text):
        offset = start + len(text[: m.start()].encode(encoding))
        size = len(m.group().encode(encoding))
        replacement = plan.replacement_for(m.group()).encode(encoding, errors="replace")
        if len(replacement) != size:
            replacement = _mask(size, encoding)
        raw[offset:offset + size] = replacement


def _mask(size: int, encoding: str) -> bytes:
    if encoding.startswith("utf-16"):
        return "＊".encode(encoding) * (size // 2) + b"\x00" * (size % 2)
    return b"*" * size


_SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_TEXT_CELL_TYPES = {"s", "str", "inlineStr", "e", "b"}
_NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
_MAX_NESTING = 4


def _rewrite_package(data: bytes, plan: RedactionPlan, counts: _Counts, depth: int = 0) -> bytes:
    """The same replacements inside an embedded Office package (a chart's workbook keeps the names of its
    categories in sharedStrings.xml); anything that is not a readable zip is copied as it is, and the
    verifier, which opens embedded packages too, decides."""
    if depth >= _MAX_NESTING:
        return data
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        infos = src.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return data
    out = io.BytesIO()
    with src, zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in infos:
            part = src.read(info)
            if _is_xml(info.filename, part):
                before = counts.replaced
                part = _rewrite_xml(info.filename, part, plan, set(), counts)
                if counts.replaced != before and info.filename.startswith("xl/worksheets/"):
                    part = _numbers_turned_text(part)
            elif part[:2] == b"PK":
                part = _rewrite_package(part, plan, counts, depth + 1)
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(copy, part)
    return out.getvalue()


def _embedded_packages(src: zipfile.ZipFile, names: list[str], plan: RedactionPlan, counts: _Counts
                       ) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Embedded Office packages rewritten first, and a blank picture for the preview of each one whose
    data changed: the preview Word shows for an embedded workbook is a picture of its first rows."""
    packages: dict[str, bytes] = {}
    changed: set[str] = set()
    for name in names:
        if name.lower().startswith("word/embeddings/"):
            data = src.read(name)
            if data[:2] == b"PK":
                before = counts.replaced
                packages[name] = _rewrite_package(data, plan, counts)
                if counts.replaced != before:
                    changed.add(name)
    blanks: dict[str, bytes] = {}
    for package, previews in _ole_previews(src, names).items():
        if package in changed:
            for preview in previews:
                blank = blank_preview(src.read(preview))
                if blank is not None:
                    blanks[preview] = blank
    counts.previews = len(blanks)
    return packages, blanks


def _internal_relationships(src: zipfile.ZipFile, present: dict[str, str], part: str
                            ) -> list[tuple[etree._Element, str]]:
    """(Relationship element, stored part name) for each relationship of `part` to a part of the package."""
    folder, base = posixpath.split(part)
    rels_name = present.get(posixpath.join(folder, "_rels", f"{base}.rels").lower())
    if rels_name is None:
        return []
    out = []
    for rel in etree.fromstring(src.read(rels_name), _PARSER):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        if target.lower() in present:
            out.append((rel, present[target.lower()]))
    return out


def _ole_previews(src: zipfile.ZipFile, names: list[str]) -> dict[str, list[str]]:
    """Embedded part -> the preview pictures of the w:object elements that hold it."""
    present = {n.lower(): n for n in names}
    found: dict[str, list[str]] = {}
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    for name in names:
        if not name.lower().endswith(".xml") or b"OLEObject" not in src.read(name):
            continue
        targets = {rel.get("Id", ""): target for rel, target in _internal_relationships(src, present, name)}
        root = etree.fromstring(src.read(name), _PARSER)
        for obj in root.iter(f"{{{W}}}object"):
            packages = [targets.get(el.get(rid, "")) for el in obj.iter() if _local(el.tag) == "OLEObject"]
            pictures = [targets.get(el.get(rid, "")) for el in obj.iter() if _local(el.tag) == "imagedata"]
            for package in filter(None, packages):
                found.setdefault(package, []).extend(filter(None, pictures))
    return found


def _numbers_turned_text(data: bytes) -> bytes:
    """A numeric cell whose value was masked (13812345678 -> 138****5678) is a text cell now."""
    root = etree.fromstring(data, _PARSER)
    for cell in root.iter(f"{{{_SHEET_NS}}}c"):
        value = cell.find(f"{{{_SHEET_NS}}}v")
        if value is not None and cell.get("t") not in _TEXT_CELL_TYPES and not _NUMBER.match(value.text or ""):
            cell.set("t", "str")
    tree = root.getroottree()
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=tree.docinfo.standalone)


def _alt_chunks(src: zipfile.ZipFile, names: list[str]) -> dict[str, dict[str, tuple[str, list[str]]]]:
    """Per part that holds w:altChunk: relationship id -> (chunk part, its text lines)."""
    found: dict[str, dict[str, tuple[str, list[str]]]] = {}
    present = {n.lower(): n for n in names}
    for name in names:
        if not name.lower().endswith(".xml") or b"altChunk" not in src.read(name):
            continue
        by_id: dict[str, tuple[str, list[str]]] = {}
        for rel, stored in _internal_relationships(src, present, name):
            if rel.get("Type", "").rsplit("/", 1)[-1] != ALT_CHUNK_TYPE or stored.lower().endswith((".xml", ".rels")):
                continue  # a chunk is an imported file, never a part of the package's own structure
            try:
                by_id[rel.get("Id", "")] = (stored, chunk_lines(stored, src.read(stored)))
            except UnreadableChunk as exc:
                raise ExportRefused(
                    f"文档导入了无法读取的内容块 {stored}（altChunk），无法确认其中没有个人信息，未生成任何文件。"
                    "请用 Word 打开并另存为 .docx（Word 会把它转为普通段落）后重新审查。",
                    f"The document imports a chunk that cannot be read ({stored}, altChunk: {exc}), so it cannot "
                    "be checked for personal information; nothing was written. Open it in Word and save it as "
                    ".docx again (Word turns the chunk into ordinary paragraphs), then review it again.") from exc
        if by_id:
            found[name] = by_id
    return found


def _flatten_alt_chunks(root: etree._Element, chunks: dict[str, tuple[str, list[str]]], counts: _Counts) -> None:
    """Each w:altChunk becomes one w:p per line of its text, where it stood."""
    rid_attr = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    for el in list(root.iter(f"{{{W}}}altChunk")):
        _, lines = chunks.get(el.get(rid_attr, ""), ("", []))
        parent = el.getparent()
        index = parent.index(el)
        for k, line in enumerate(lines):
            p = etree.Element(f"{{{W}}}p")
            t = etree.SubElement(etree.SubElement(p, f"{{{W}}}r"), f"{{{W}}}t")
            t.text = line
            t.set(_XML_SPACE, "preserve")
            parent.insert(index + k, p)
        parent.remove(el)
        counts.chunks += 1


def _is_xml(name: str, data: bytes) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml")) or data.lstrip()[:5] == b"<?xml"


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _rewrite_xml(name: str, data: bytes, plan: RedactionPlan, dropped: set[str], counts: _Counts,
                 chunks: dict[str, tuple[str, list[str]]] | None = None) -> bytes:
    root = etree.fromstring(data, _PARSER)
    tree = root.getroottree()
    if chunks:
        _flatten_alt_chunks(root, chunks, counts)
    if name == "[Content_Types].xml":
        _drop_content_types(root, dropped)
    elif name.endswith(".rels"):
        _drop_relationships(name, root, dropped)
    _accept_revisions(root, counts)
    _remove_comment_markers(root, counts)
    for tags in (_TEXT_TAGS, _FIELD_TAGS):
        _replace_in_paragraphs(root, tags, plan, counts)
    _replace_everywhere(root, plan, counts)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=tree.docinfo.standalone)


def _drop_content_types(root: etree._Element, dropped: set[str]) -> None:
    gone = {d.lower() for d in dropped}
    for el in list(root):
        if _local(el.tag) == "Override" and unquote(el.get("PartName", "")).lstrip("/").lower() in gone:
            root.remove(el)


def _drop_relationships(name: str, root: etree._Element, dropped: set[str]) -> None:
    """Relationships to removed parts go (part names are case-insensitive and may be %-encoded)."""
    gone = {d.lower() for d in dropped}
    folder = posixpath.dirname(posixpath.dirname(name))  # word/_rels/document.xml.rels → word
    for rel in list(root):
        target = unquote(rel.get("Target", ""))
        if rel.get("TargetMode") == "External":
            continue
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        if resolved.lower() in gone:
            root.remove(rel)


def _accept_revisions(root: etree._Element, counts: _Counts) -> None:
    """Accept all tracked changes: the published text is the final one, without revision authors."""
    for el in list(root.iter(f"{{{W}}}tr")):
        tr_pr = el.find(f"{{{W}}}trPr")
        if tr_pr is not None and tr_pr.find(f"{{{W}}}del") is not None:  # deleted table row
            _remove(el)
            counts.dels += 1
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or not el.tag.startswith(f"{{{W}}}"):
            continue
        tag = _local(el.tag)
        parent = el.getparent()
        if parent is None:
            continue
        in_props = _local(parent.tag) in ("rPr", "pPr", "trPr", "tcPr")
        if tag in _DROP_WITH_CONTENT:
            counts.dels += 0 if in_props else 1
            _remove(el)  # a deleted paragraph mark (rPr/del) only loses its marker
        elif tag in _UNWRAP:
            if in_props:
                _remove(el)
            else:
                counts.ins += 1
                _unwrap(el)
        elif tag in _DROP_MARKERS and not tag.startswith("comment"):
            _remove(el)
    for el in list(root.iter(f"{{{W}}}delText", f"{{{W}}}delInstrText")):
        _remove(el)


def _remove_comment_markers(root: etree._Element, counts: _Counts) -> None:
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        for el in list(root.iter(f"{{{W}}}{tag}")):
            parent = el.getparent()
            _remove(el)
            counts.comments += tag == "commentReference"
            if parent is not None and _local(parent.tag) == "r" and all(
                    _local(c.tag) == "rPr" for c in parent):
                _remove(parent)


def _remove(el: etree._Element) -> None:
    """Remove an element but keep its tail text (lxml attaches the following text to it)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    index = parent.index(el)
    children = list(el)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    _remove(el)


# Run children that the reader shows as characters; they are part of the joined text so that a
# value read as `138-9600-1234` (hyphens from w:noBreakHyphen) is found and replaced here too.
_CHAR_TAGS = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}


def _replace_in_paragraphs(root: etree._Element, tags: tuple[str, ...], plan: RedactionPlan, counts: _Counts) -> None:
    """Per paragraph, join the text nodes, find values, and write replacements back into the same nodes."""
    pattern = plan.flexible_pattern()
    if pattern is None:
        return
    groups: dict[etree._Element, list[tuple[etree._Element, str | None]]] = {}
    with_chars = "t" in tags
    for el in root.iter():
        tag = _local(el.tag)
        if tag in tags:
            fixed = None
        elif with_chars and tag in _CHAR_TAGS and _local(el.getparent().tag) == "r":
            fixed = _CHAR_TAGS[tag]
        else:
            continue
        para = next((a for a in el.iterancestors() if _local(a.tag) == "p"), None)
        groups.setdefault(para if para is not None else root, []).append((el, fixed))
    for nodes in groups.values():
        texts = [(n.text or "") if fixed is None else fixed for n, fixed in nodes]
        joined = "".join(texts)
        matches = list(pattern.finditer(joined))
        if not matches:
            continue
        owner: list[int] = [i for i, t in enumerate(texts) for _ in t]
        pieces = list(joined)
        for m in matches:
            counts.replaced += 1
            _distribute(m.start(), m.end(), plan.replacement_for(m.group()), owner, pieces)
        new_texts = [""] * len(nodes)
        for pos, piece in enumerate(pieces):
            new_texts[owner[pos]] += piece
        _move_off_fixed(nodes, texts, new_texts)
        for (node, fixed), old, new in zip(nodes, texts, new_texts, strict=True):
            if fixed is not None:
                if new != old:
                    _remove(node)  # a tab/break/hyphen inside a replaced value goes with it
            elif new != old:
                node.text = new
                if new != new.strip():
                    node.set(_XML_SPACE, "preserve")


def _move_off_fixed(nodes: list[tuple[etree._Element, str | None]], texts: list[str], new_texts: list[str]) -> None:
    """Replacement text that landed on a tab/break/hyphen element moves to the nearest text node."""
    real = [i for i, (_, fixed) in enumerate(nodes) if fixed is None]
    for i, (_, fixed) in enumerate(nodes):
        if fixed is None or new_texts[i] == texts[i] or not real:
            continue
        before = [j for j in real if j < i]
        if before:
            new_texts[before[-1]] += new_texts[i]
        else:
            after = next(j for j in real if j > i)
            new_texts[after] = new_texts[i] + new_texts[after]
        new_texts[i] = ""


def _distribute(start: int, end: int, replacement: str, owner: list[int], pieces: list[str]) -> None:
    """Spread `replacement` over the runs the value occupied, keeping each run's share of characters.

    Equal lengths (masks) map character for character; otherwise each run gets as many characters
    as it held and the last run the rest, so `王|建|国` → `王|某|` keeps the surname's formatting.
    """
    segments: list[tuple[int, int]] = []
    for pos in range(start, end):
        if segments and owner[pos] == owner[segments[-1][0]]:
            segments[-1] = (segments[-1][0], pos + 1)
        else:
            segments.append((pos, pos + 1))
    rest = replacement
    for i, (s, e) in enumerate(segments):
        take = rest if i == len(segments) - 1 else rest[: e - s]
        rest = rest[len(take):]
        width = e - s
        chunk = list(take[:width]) + [""] * (width - min(width, len(take)))
        if len(take) > width:
            chunk[-1] += take[width:]
        pieces[s:e] = chunk


def _renamed(name: str, plan: RedactionPlan) -> str:
    """A member name with the values replaced, as the relationship targets and content-type part names
    that point at it are (word/media/王建国身份证.jpg -> word/media/王某身份证.jpg): the name is in the
    file too, and a renamed target with an unrenamed member would be a broken picture."""
    pattern = plan.flexible_pattern()
    if pattern is None or not pattern.search(name):
        return name
    return pattern.sub(lambda m: plan.replacement_for(m.group()), name)


def _replace_everywhere(root: etree._Element, plan: RedactionPlan, counts: _Counts) -> None:
    pattern = plan.flexible_pattern()
    for el in root.iter():
        tag = _local(el.tag)
        if not tag:
            continue
        if tag in _PERSON_PROPERTIES and el.text:
            el.text = ""
        for attr, value in list(el.attrib.items()):
            if _local(attr) in ("author", "initials"):
                el.set(attr, "")
                continue
            if pattern is None:
                continue
            new = pattern.sub(lambda m: plan.replacement_for(m.group()), value)
            if "%" in new:
                decoded = unquote(new)
                if pattern.search(decoded):
                    new = pattern.sub(lambda m: plan.replacement_for(m.group()), decoded)
            if new != value:
                counts.replaced += 1
                el.set(attr, new)
        if pattern is None:
            continue
        for slot in ("text", "tail"):
            value = getattr(el, slot)
            if value and pattern.search(value):
                counts.replaced += 1
                setattr(el, slot, pattern.sub(lambda m: plan.replacement_for(m.group()), value))


def write_copy(document, plan: RedactionPlan, output: Path, *, options=None,  # noqa: ANN001
               progress: Callable[[int, int], None] | None = None) -> tuple[str, ...]:
    """The writers' common entry point (`reviewer.core.deidentify.writers.write_copy`)."""
    from reviewer.core.deidentify.writers.image import docx_pictures  # OCR hook (issue 27)

    pictures, notes = docx_pictures(document, plan)
    return write_docx(Path(document.path), plan, output, getattr(options, "cancelled", None),
                      pictures=pictures).notes + notes

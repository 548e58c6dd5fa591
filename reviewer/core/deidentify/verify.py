"""Independent post-export verification: reopen the written file and look for every de-identified value.

This module shares no code with the writers: it reads the output with other means (zipfile + lxml
over every package part of a docx or xlsx, with its own rendering of a workbook's numbers and dates,
pikepdf over every object and stream, pdfplumber's reading of every page (pdfminer; `verify_pages`) and
pdfium text, raw bytes in several encodings; OFD and HTML in verify_ofd.py and verify_html.py) and compares after
normalisation (NFKC folds full-width forms, case folded, whitespace and invisible format characters removed), so `１３８ 9600 1234` still matches
`13896001234`. It also checks the writer's structural promises (no comments, no tracked changes,
no authors, no XMP, no JavaScript, no attachments) as "residues". Any survivor or residue fails.
"""

from __future__ import annotations

import contextlib
import io
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from reviewer.core.deidentify import verify_ocr
from reviewer.core.deidentify.errors import VerificationFailed
from reviewer.core.deidentify.verify_pages import close_helper_pages, helper_pages, page_reading
from reviewer.core.documents.docx.alt_chunks import chunk_kind, chunk_lines
from reviewer.core.documents.image_metadata import metadata_kinds
from reviewer.core.documents.pdf import pages as pdf_pages
from reviewer.core.documents.pdf.pages import share_pages
from reviewer.core.documents.pdf.pdfium_lock import PDFIUM_LOCK
from reviewer.core.documents.pdf.streams import jpeg_bytes
from reviewer.core.documents.pdf.strings import key_text, text_of
from reviewer.core.trie_regex import compile_literals

_INVISIBLE = re.compile(r"[\s\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u2064\ufeff]+")
_ENCODINGS = ("utf-8", "utf-16-be", "utf-16-le", "gb18030")
MIN_VALUE_LENGTH = 2  # a single character cannot be searched for without matching everything
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
_MAX_PART = 256 * 1024 * 1024


def normalise(text: str) -> str:
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def skeleton(text: str) -> str:
    """Letters and digits only: `138-9600-1234` (hyphens from w:noBreakHyphen, dots, brackets) still
    shows the number 13896001234."""
    return "".join(c for c in normalise(text) if c.isalnum())


SKELETON_MIN = 6  # shorter skeletons (names) are matched by `normalise` only, to avoid chance hits


@dataclass(frozen=True, slots=True)
class Survivor:
    value: str
    where: str  # e.g. "word/comments.xml paragraph 2", "page 1 text (pdfplumber)", "object 12 0 /Author"


@dataclass(frozen=True, slots=True)
class VerificationReport:
    path: str
    checked_values: int
    survivors: tuple[Survivor, ...]
    residues: tuple[str, ...]  # structural promises broken, e.g. "word/comments.xml present"
    places: int  # how many text places were examined
    warnings: tuple[str, ...] = ()  # what could not be checked (image pixels, glyphs without Unicode)
    ocr: tuple[str, ...] = ()  # which pages and pictures were read again by OCR, and how confidently

    @property
    def ok(self) -> bool:
        return not self.survivors and not self.residues

    def raise_if_failed(self) -> None:
        if not self.ok:
            raise VerificationFailed(self)


def _automaton(keys: Iterable[str]):  # noqa: ANN202 - ahocorasick.Automaton or None
    """Every occurrence of any key (Aho-Corasick, in C): a roster's hundreds of thousands of values would take
    a regex seconds to compile and minutes per megabyte to run."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for key in keys:
        if key:
            automaton.add_word(key, key)
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


class _Matcher:
    """Every occurrence of every value (overlapping ones too) in texts and bytes: Aho-Corasick automatons
    over the normalised values, their letter-and-digit skeletons and their bytes in each encoding
    (bytes searched as Latin-1 text, one character a byte); building them for 2,400 values takes
    milliseconds where the equivalent regular expressions took half a second."""

    def __init__(self, values: Iterable[str], kept: Iterable[str] = ()) -> None:
        # places a reviewer kept on purpose (a value inside its kept context, `RedactionPlan.
        # verification_kept`): blanked out before searching, in texts and in bytes
        self.kept = kept = list(kept)
        kept_norm = {normalise(k) for k in kept} - {""}
        self.kept_text = compile_literals(kept_norm) if kept_norm else None
        kept_raw = {form.encode(enc).decode("latin-1") for k in kept for form in {k, _INVISIBLE.sub("", k)}
                    for enc in _ENCODINGS if _encodable(form, enc)} - {""}
        self.kept_bytes = compile_literals(kept_raw) if kept_raw else None
        self.by_norm: dict[str, str] = {}
        for v in values:
            n = normalise(v)
            if len(n) >= MIN_VALUE_LENGTH:
                self.by_norm.setdefault(n, v)
        self.norms = _automaton(self.by_norm)
        self.by_skeleton = {k: v for v in self.by_norm.values() for k in [skeleton(v)] if len(k) >= SKELETON_MIN}
        self.skeletons = _automaton(self.by_skeleton)
        # byte patterns as latin-1 text (one character per byte), so one automaton searches raw bytes too
        self.raw: dict[str, str] = {}
        for v in self.by_norm.values():
            for form in {v, _INVISIBLE.sub("", v)}:
                for enc in _ENCODINGS:
                    try:
                        encoded = form.encode(enc)
                    except UnicodeEncodeError:
                        continue
                    if len(encoded) >= 2:
                        self.raw.setdefault(encoded.decode("latin-1"), v)
        self.raws = _automaton(self.raw)
        self.found: dict[tuple[str, str], None] = {}
        self.places = 0

    def text(self, text: str | None, where: str) -> None:
        if not text or self.norms is None:
            return
        self.places += 1
        norm = normalise(text)
        if self.kept_text is not None:
            norm = self.kept_text.sub("\x00", norm)
        for _, value in self.norms.iter(norm):
            self.found[(value, where)] = None
        if self.skeletons is not None:
            for _, value in self.skeletons.iter("".join(c for c in norm if c.isalnum())):
                self.found.setdefault((value, where), None)

    def data(self, data: bytes, where: str) -> None:
        if not data or self.raws is None:
            return
        self.places += 1
        chars = data.decode("latin-1")
        if self.kept_bytes is not None:
            chars = self.kept_bytes.sub("\x00", chars)
        for _, value in self.raws.iter(chars):
            self.found[(value, where)] = None

    def survivors(self) -> tuple[Survivor, ...]:
        return tuple(Survivor(v, w) for v, w in self.found)


def _automaton(keys: dict[str, str]) -> object | None:
    """An Aho-Corasick automaton yielding the value of each key found; None for no keys."""
    import ahocorasick

    if not keys:
        return None
    automaton = ahocorasick.Automaton()
    for key, value in keys.items():
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def verify_output(path: str | Path, values: Iterable[str], *, format: str, kept: Iterable[str] = (),
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> VerificationReport:
    """Look for each value (whole, after normalisation) anywhere in the file at `path`; `kept`: the forms
    a reviewer kept on purpose (`RedactionPlan.verification_kept()`), not counted as survivors.

    `progress(done, total)` follows every check as it goes (for a PDF: its objects, then each page's
    pdfminer reading, then pdfium's text); `cancelled()` is polled between them and raises
    ExportCancelled."""
    steps = _Steps(progress, cancelled)
    kept = list(kept)
    matcher = _Matcher(values, kept)
    residues: list[str] = []
    warnings: list[str] = []
    p = Path(path)
    raw = p.read_bytes()
    steps.check()
    if format == "pdf":
        matcher.data(_without_image_data(raw, p), "file bytes")
    elif format in ("xlsx", "docx", "ofd"):  # zip packages: every member is searched decompressed below
        matcher.data(_without_deflated_data(raw), "file bytes")
    elif format != "image":  # a picture's bytes are compressed pixels: values turn up there by chance
        matcher.data(raw, "file bytes")
    ocr = None
    if format == "docx":
        residues += _verify_docx(raw, matcher)
        warnings += _docx_warnings(raw)
        ocr = verify_ocr.check_docx(raw, matcher.text)
    elif format == "pdf":
        regions: list = []
        residues += _verify_pdf(p, matcher, warnings, steps, regions)
        steps.check()
        ocr = verify_ocr.check_pdf(p, matcher.text, regions)
    elif format == "txt":
        _verify_txt(raw, matcher)
    elif format == "ofd":
        from reviewer.core.deidentify.verify_ofd import verify_ofd

        residues += verify_ofd(raw, matcher, warnings)
    elif format == "html":
        from reviewer.core.deidentify.verify_html import verify_html

        residues += verify_html(raw, matcher, warnings)
    elif format == "image":
        kinds = metadata_kinds(raw) + verify_ocr.tiff_metadata(raw)
        residues += [f"picture metadata ({', '.join(sorted(set(kinds)))})"] if kinds else []
        ocr = verify_ocr.check_picture_file(raw, matcher.text)
    elif format == "xlsx":
        residues += _verify_xlsx(raw, matcher)
        warnings += _xlsx_warnings(raw)
    else:
        raise ValueError(f"unknown format {format!r}")
    if ocr is not None and ocr.read:  # pixels read again by OCR (issue 27): say that instead
        warnings = [w for w in warnings if "pixels cannot be checked" not in w] + list(ocr.notes()[1:])
    steps.done()
    return VerificationReport(path=str(p), checked_values=len(matcher.by_norm), survivors=matcher.survivors(),
                              residues=tuple(residues), places=matcher.places, warnings=tuple(warnings),
                              ocr=ocr.notes()[:1] if ocr is not None and ocr.read else ())


# --- txt -------------------------------------------------------------------------------------

def _verify_txt(raw: bytes, m: _Matcher) -> None:
    for enc in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            m.text(raw.decode(enc), f"text ({enc})")
        except UnicodeDecodeError:
            continue


# --- docx ------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TEXT_TAGS = {"t", "delText", "instrText"}
_REVISION_TAGS = {"ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
                  "trPrChange", "tcPrChange", "tblGridChange", "numberingChange", "cellIns", "cellDel"}
_COMMENT_TAGS = {"commentRangeStart", "commentRangeEnd", "commentReference"}
_PERSON_PROPS = {"creator", "lastModifiedBy", "Manager"}


def _verify_docx(raw: bytes, m: _Matcher, prefix: str = "") -> list[str]:
    residues: list[str] = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        # the output itself must be a package; an embedded part that merely starts with "PK" was
        # already searched as bytes
        return [] if prefix else ["not a zip package"]
    with archive:
        if not prefix:
            residues += _references_to_removed(archive)
        for info in archive.infolist():
            name = prefix + info.filename
            if info.file_size > _MAX_PART:
                residues.append(f"{name}: part too large to verify")
                continue
            data = archive.read(info)
            m.data(data, name)
            m.text(info.filename, f"{name} (member name)")
            low = info.filename.lower()
            if "comments" in low.rsplit("/", 1)[-1] or low.endswith("people.xml"):
                residues.append(f"{name} present (comments must be removed)")
            if low.startswith("docprops/thumbnail"):
                residues.append(f"{name} present (page thumbnail)")
            if low.startswith("word/glossary/"):
                residues.append(f"{name} present (building blocks must be removed)")
            kinds = metadata_kinds(data)
            if kinds:
                residues.append(f"{name}: picture metadata ({', '.join(sorted(set(kinds)))})")
            if data[:2] == b"PK":  # embedded package (xlsx, docx, pptx)
                residues += _verify_docx(data, m, prefix=name + "!/")
                continue
            if low.endswith((".xml", ".rels", ".vml")) or data.lstrip()[:5] == b"<?xml":
                residues += _verify_xml(data, name, m)
            elif chunk_kind(low, data) in ("html", "mht", "rtf", "text"):
                # an imported chunk Word would show (the writer turns them into paragraphs): its text, decoded
                # (HTML entities, RTF escapes, quoted-printable), not only its bytes
                try:
                    m.text("\n".join(chunk_lines(low, data)), f"{name} (text)")
                except ValueError as exc:
                    residues.append(f"{name}: imported chunk that cannot be read ({exc})")
    return residues


# What the export removes from a Word package, as relationship types and part names: a relationship
# or a content-type override naming one left behind is a residue (Word reports the file as damaged,
# and it says what was there).
_REMOVED_RELATIONSHIPS = {"comments", "commentsextended", "commentsids", "commentsextensible", "people",
                          "glossarydocument", "thumbnail"}
_REMOVED_PART = re.compile(r"^(word/(comments\w*|people)\.xml|word/glossary/.*|docprops/thumbnail\.\w+)$",
                           re.IGNORECASE)


def _references_to_removed(archive: zipfile.ZipFile) -> list[str]:
    residues: list[str] = []
    for info in archive.infolist():
        low = info.filename.lower()
        if info.file_size > _MAX_PART or not (low.endswith(".rels") or low == "[content_types].xml"):
            continue
        try:
            root = etree.fromstring(archive.read(info), _PARSER)
        except etree.XMLSyntaxError:
            continue  # reported as unparseable XML by the part scan
        if root is None:
            continue
        folder = posixpath.dirname(posixpath.dirname(info.filename))
        for el in root:
            tag = _local(el.tag)
            if tag == "Override" and _REMOVED_PART.match(unquote(el.get("PartName", "")).lstrip("/")):
                residues.append(f"{info.filename}: content type of removed part {el.get('PartName')} left")
            elif tag == "Relationship" and el.get("TargetMode") != "External":
                kind = el.get("Type", "").rsplit("/", 1)[-1].lower()
                target = unquote(el.get("Target", ""))
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(folder, target))
                if kind in _REMOVED_RELATIONSHIPS or _REMOVED_PART.match(target):
                    residues.append(f"{info.filename}: relationship {el.get('Id')} to removed part {target} "
                                    "left")
    return residues


def _docx_warnings(raw: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        media = [n for n in archive.namelist() if n.startswith(("word/media/", "word/embeddings/"))]
    return [f"{len(media)} images/embedded objects: their pixels cannot be checked, look at them"] if media else []


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _verify_xml(data: bytes, name: str, m: _Matcher) -> list[str]:
    residues: list[str] = []
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        return [f"{name}: unparseable XML ({exc})"]
    if root is None:
        return [f"{name}: empty XML"]
    paragraphs: dict[object, list[str]] = {}
    order: list[object] = []
    for el in root.iter():
        tag = _local(el.tag)
        if not tag:
            continue
        m.text(el.text, f"{name} <{tag}>")
        m.text(el.tail, f"{name} <{tag}> tail")
        for attr, value in el.attrib.items():
            where = f"{name} <{tag} {_local(attr)}=…>"
            m.text(value, where)
            if "%" in value:
                m.text(unquote(value), where + " (url-decoded)")
            if _local(attr) in ("author", "initials") and value.strip():
                residues.append(f"{name}: {_local(attr)} attribute '{value}' on <{tag}>")
        if tag in _TEXT_TAGS or (tag == "t" and el.text):
            para = next((a for a in el.iterancestors() if _local(a.tag) == "p"), None)
            if para is not None:
                if para not in paragraphs:
                    paragraphs[para] = []
                    order.append(para)
                paragraphs[para].append(el.text or "")
        if el.tag.startswith("{" + _W) and (tag in _REVISION_TAGS or tag in _COMMENT_TAGS):
            residues.append(f"{name}: <w:{tag}> left (tracked change or comment)")
        if tag in _PERSON_PROPS and (el.text or "").strip():
            residues.append(f"{name}: <{tag}> '{el.text.strip()}' (author property)")
    for i, para in enumerate(order):
        m.text("".join(paragraphs[para]), f"{name} paragraph {i + 1} (runs joined)")
    return residues


# --- xlsx ------------------------------------------------------------------------------------
# Every part of the workbook read again here, with its own rendering of numbers and dates: a phone typed as
# a number is `<v>13812345678</v>` or `<v>1.3812345678E10</v>`, a birth date a day count under a date style.

_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_BUILTIN_DATES = frozenset({*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)})
_DATE_CODE = re.compile(r"[dmyDMY]")
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_XLSX_RESIDUES = (
    (re.compile(r"(^|/)(comments\d*\.xml|threadedcomment\w*\.xml|person\w*\.xml)$"), "comments must be removed"),
    (re.compile(r"pivotcacherecords\d*\.xml$"), "pivot cache records (a copy of the source rows)"),
    (re.compile(r"^xl/revisions/"), "shared-workbook revision history"),
    (re.compile(r"^docprops/thumbnail"), "thumbnail picture"),
    (re.compile(r"vbaproject\w*\.bin$"), "macros"),
)


def _verify_xlsx(raw: bytes, m: _Matcher, prefix: str = "") -> list[str]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        return [] if prefix else ["not a zip package"]
    residues: list[str] = []
    with archive:
        names = archive.namelist()
        dates = _date_styles(archive.read("xl/styles.xml")) if "xl/styles.xml" in names else frozenset()
        for info in archive.infolist():
            name = prefix + info.filename
            if info.file_size > _MAX_PART:
                residues.append(f"{name}: part too large to verify")
                continue
            data = archive.read(info)
            m.data(data, name)
            m.text(info.filename, f"{name} (member name)")
            low = info.filename.lower()
            residues += [f"{name} present ({why})" for pattern, why in _XLSX_RESIDUES if pattern.search(low)]
            kinds = metadata_kinds(data)
            if kinds:
                residues.append(f"{name}: picture metadata ({', '.join(sorted(set(kinds)))})")
            if data[:2] == b"PK":
                residues += _verify_xlsx(data, m, prefix=name + "!/")
            elif low.endswith((".xml", ".rels", ".vml")) or data.lstrip()[:5] == b"<?xml":
                residues += _verify_workbook_xml(data, name, m, dates)
    return residues


def _without_deflated_data(raw: bytes) -> bytes:
    """The archive with the compressed data of its deflated members zeroed for the byte scan: a roster's
    megabytes of deflate output hold the 4 bytes of some two-character name (UTF-16, GBK) by chance, and every
    member is searched decompressed anyway. Names, headers and stored members stay."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(raw)).infolist()
    except zipfile.BadZipFile:
        return raw
    out = bytearray(raw)
    for info in infos:
        if info.compress_type == zipfile.ZIP_STORED:
            continue
        at = info.header_offset
        if raw[at:at + 4] != b"PK\x03\x04":
            continue
        start = at + 30 + int.from_bytes(raw[at + 26:at + 28], "little") + int.from_bytes(raw[at + 28:at + 30], "little")
        out[start:start + info.compress_size] = bytes(min(info.compress_size, max(0, len(raw) - start)))
    return bytes(out)


def _date_styles(styles: bytes) -> frozenset[int]:
    """Indices of the cell formats (cellXfs) that show a number as a date."""
    root = etree.fromstring(styles, _PARSER)
    if root is None:
        return frozenset()
    custom = {el.get("numFmtId"): el.get("formatCode", "") for el in root.iter(f"{_S}numFmt")}
    found = set()
    xfs = root.find(f"{_S}cellXfs")
    for k, xf in enumerate(xfs if xfs is not None else ()):
        ident = xf.get("numFmtId", "0")
        code = custom.get(ident)
        if (code is not None and _DATE_CODE.search(_QUOTED.sub("", code))) or (
                code is None and ident.isdigit() and int(ident) in _BUILTIN_DATES):
            found.add(k)
    return frozenset(found)


def _number_texts(value: str, date_style: bool) -> list[str]:
    """How a reader shows a stored number: as an integer (13812345678 from 1.3812345678E10) and, under a date
    style, as the date."""
    try:
        number = float(value)
    except ValueError:
        return []
    out = []
    if number.is_integer() and abs(number) < 1e19:
        out.append(str(int(number)))
    if date_style and 0 < number < 2958466:
        import datetime as dt

        day = dt.date(1899, 12, 30) + dt.timedelta(days=int(number))
        out += [day.isoformat(), f"{day.year}年{day.month}月{day.day}日", day.strftime("%Y%m%d")]
    return out


def _verify_workbook_xml(data: bytes, name: str, m: _Matcher, dates: frozenset[int]) -> list[str]:
    residues: list[str] = []
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        return [f"{name}: unparseable XML ({exc})"]
    if root is None:
        return [] if name.lower().endswith(".vml") else [f"{name}: empty XML"]
    for el in root.iter():
        tag = _local(el.tag)
        if not tag:
            continue
        m.text(el.text, f"{name} <{tag}>")
        m.text(el.tail, f"{name} <{tag}> tail")
        for attr, value in el.attrib.items():
            m.text(value, f"{name} <{tag} {_local(attr)}=…>")
            if "%" in value:
                m.text(unquote(value), f"{name} <{tag} {_local(attr)}=…> (url-decoded)")
        if tag in ("si", "is", "text", "comment"):  # rich text: runs joined
            m.text("".join(t.text or "" for t in el.iter() if _local(t.tag) == "t"), f"{name} <{tag}> (runs joined)")
        elif tag == "c":
            value = next((v.text for v in el if _local(v.tag) == "v"), None)
            if value and el.get("t") in (None, "n"):
                style = el.get("s", "0")
                for text in _number_texts(value, style.isdigit() and int(style) in dates):
                    m.text(text, f"{name} cell {el.get('r', '?')} (number as shown)")
        elif tag in ("creator", "lastModifiedBy") and (el.text or "").strip():
            residues.append(f"{name}: <{tag}> '{el.text.strip()}' (author property)")
        elif tag == "sheetDataSet" and len(el):
            residues.append(f"{name}: values cached from an external workbook")
        elif tag == "pivotCacheDefinition" and el.get("saveData") != "0":
            residues.append(f"{name}: pivot cache set to keep its source records")
    return residues


def _xlsx_warnings(raw: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        media = [n for n in archive.namelist() if n.startswith(("xl/media/", "xl/embeddings/"))]
    return [f"{len(media)} images/embedded objects: their pixels cannot be checked, look at them"] if media else []


# --- pdf -------------------------------------------------------------------------------------

class _Steps:
    """Progress over the checks of one file on a scale of 1000 (a PDF: objects 0-200, content streams
    200-300, each page read by pdfminer and by pdfium 300-1000), and the cancel check between them."""

    SCALE = 1000

    def __init__(self, progress: Callable[[int, int], None] | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self.progress = progress
        self.cancelled = cancelled

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            from reviewer.core.deidentify.errors import ExportCancelled

            raise ExportCancelled()

    def at(self, start: int, end: int, done: int, total: int) -> None:
        """`done` of `total` of the step that spans start..end of the scale; checks for cancel too."""
        self.check()
        if self.progress is not None:
            self.progress(start + (end - start) * min(done, total) // max(total, 1), self.SCALE)

    def done(self) -> None:
        if self.progress is not None:
            self.progress(self.SCALE, self.SCALE)


def _verify_pdf(path: Path, m: _Matcher, warnings: list[str], steps: _Steps | None = None,
                regions: list | None = None) -> list[str]:
    """Every object, stream and content operand (pikepdf), then each page's pdfminer and pdfium readings.
    On a long PDF the object checks run in the page helper while this process reads pages. `regions`
    receives what on the pages is pictures, for the OCR check (judged while each page is open)."""
    import pdfplumber

    steps = steps or _Steps(None, None)
    residues: list[str] = []
    with pdfplumber.open(path) as doc:
        count = len(doc.pages)
    elsewhere = pdf_pages.submit(object_checks, str(path), list(m.by_norm.values()), m.kept) \
        if count >= pdf_pages.MIN_PAGES else None
    if elsewhere is None:
        residues += _pdf_objects(path, m, steps)
    first_page_step = 300 if elsewhere is None else 0
    with pdfplumber.open(path) as doc, _pdfium_open(path) as pdfium_doc:
        # pdfminer is pure Python (3 s for 300 pages): a long PDF's pages are shared with the page helper
        count, read = len(doc.pages), [0]

        def step(made: list) -> None:
            read[0] += len(made)
            steps.at(first_page_step, 1000, read[0], count)

        pages, _ = share_pages(count, lambda index: page_reading(doc, index, pdfium_doc),
                               lambda first, last, _first_task: (helper_pages, (str(path), first, last)),
                               step, close=(close_helper_pages, (str(path),)))
    if elsewhere is not None:
        residues += _collect_object_checks(elsewhere, path, m, steps)
    unmapped: dict[int, int] = {}
    images = 0
    for n, (chars, text, page_images, cids, pdfium_text, page_regions) in enumerate(pages, 1):
        if regions is not None:
            regions += page_regions
        m.text(chars, f"page {n} characters (pdfplumber)")
        images += page_images
        if cids:
            unmapped[n] = cids
        m.text(text, f"page {n} text (pdfplumber)")
        m.text(pdfium_text, f"page {n} text (pdfium)")
    if images:
        warnings.append(f"{images} images: their pixels cannot be checked, look at them")
    for n, count in unmapped.items():
        warnings.append(f"page {n}: {count} characters without a Unicode mapping could not be read or checked")
    return residues


def _pdf_objects(path: Path, m: _Matcher, steps: _Steps) -> list[str]:
    """The structural promises, every object and stream, and the content operands of every page."""
    import pikepdf

    residues: list[str] = []
    with pikepdf.open(path) as pdf:
        residues += _pdf_structure(pdf)
        objects = len(pdf.objects)
        every = max(objects // 20, 1)
        for k, obj in enumerate(pdf.objects):
            if k % every == 0:
                steps.at(0, 200, k, objects)
            if not isinstance(obj, pikepdf.Object):
                continue  # a number or a boolean stored as an object of its own: no text in it
            where = f"object {obj.objgen[0]} {obj.objgen[1]}" if obj.is_indirect else "object"
            _walk_pdf(obj, where, m, depth=0)
            if isinstance(obj, pikepdf.Stream):
                data = _stream_bytes(obj)
                if obj.get("/Subtype") != "/Image":  # pixels: see _without_image_data
                    m.data(data, where + " stream")
                if obj.get("/Subtype") == "/XML" or obj.get("/Type") == "/Metadata":
                    m.text(data.decode("utf-8", "replace"), where + " XMP")
                if obj.get("/Subtype") == "/Form":
                    _content_strings(obj, where, m)
        pages_total = len(pdf.pages)
        every = max(pages_total // 10, 1)
        for n, page in enumerate(pdf.pages, 1):
            if n % every == 0:
                steps.at(200, 300, n, pages_total)
            try:
                for op in pikepdf.parse_content_stream(page):
                    operands = op.operands
                    if any(type(x) not in _NUMBERS for x in operands):  # most operators take numbers only
                        _operand_strings(operands, f"page {n} content", m)
            except _CONTENT_ERRORS as exc:
                residues.append(f"page {n}: content stream unparseable ({exc})")
    return residues


def object_checks(path: str, values: list[str], kept: list[str] = ()) -> tuple[list[tuple[str, str]], int, list[str]]:
    """In the page helper: `_pdf_objects` with a matcher of its own; (found value and place, places, residues)."""
    matcher = _Matcher(values, kept)
    residues = _pdf_objects(Path(path), matcher, _Steps(None, None))
    return list(matcher.found), matcher.places, residues


def _collect_object_checks(future: object, path: Path, m: _Matcher, steps: _Steps) -> list[str]:
    """The helper's object checks merged into `m` (cancel polled while waiting); made here if it failed."""
    from concurrent.futures import TimeoutError as FutureTimeout

    while True:
        steps.check()
        try:
            found, places, residues = future.result(timeout=0.05)
            break
        except FutureTimeout:
            continue
        except Exception:  # noqa: BLE001 - the helper died or failed: the same checks here
            return _pdf_objects(path, m, _Steps(None, steps.cancelled))
    for pair in found:
        m.found[pair] = None
    m.places += places
    return residues


@contextlib.contextmanager
def _pdfium_open(path: Path) -> Iterator[object]:
    import pypdfium2

    with PDFIUM_LOCK:
        pdf = pypdfium2.PdfDocument(str(path))
    try:
        yield pdf
    finally:
        with PDFIUM_LOCK:
            pdf.close()


def _without_image_data(raw: bytes, path: Path) -> bytes:
    """The file with its images' data blanked out for the byte scan. A page rendered with its boxes
    burned in is hundreds of kilobytes of compressed pixels, where the 4 bytes of a two-character name
    (UTF-16 or GBK) turn up by chance: seven such false survivors refused the export of a 71-page
    PDF. Pixels cannot be searched as text anyway; the report says so in its warnings."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            blobs = {obj.read_raw_bytes() for obj in pdf.objects
                     if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"}
    except pikepdf.PdfError:
        return raw  # unreadable here: _verify_pdf reports it; scan every byte
    for blob in sorted(blobs, key=len, reverse=True):
        if len(blob) >= 64:
            raw = raw.replace(blob, bytes(len(blob)))
    return raw


def _content_errors() -> tuple[type[BaseException], ...]:
    import pikepdf

    # qpdf reports damage as PdfError, and a content stream holding what none may hold as TypeError
    return (pikepdf.PdfError, TypeError, ValueError, RuntimeError)


_CONTENT_ERRORS = _content_errors()
_NUMBERS = (int, float, Decimal, bool)


def _stream_bytes(stream: object) -> bytes:
    import pikepdf

    try:
        return stream.read_bytes()
    except pikepdf.PdfError:
        return stream.read_raw_bytes()


def _walk_pdf(obj: object, where: str, m: _Matcher, depth: int) -> None:
    import pikepdf

    if depth > 40:
        return
    if isinstance(obj, pikepdf.String):
        m.text(text_of(obj), where)
        m.data(bytes(obj), where + " (bytes)")
    elif isinstance(obj, pikepdf.Name):
        m.text(text_of(obj), where + " name")
    elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        for key, value in obj.items():
            m.text(key_text(key), f"{where} key")
            if isinstance(value, pikepdf.Object) and value.is_indirect:
                continue  # visited as its own object
            _walk_pdf(value, f"{where} {key_text(key)}", m, depth + 1)
    elif isinstance(obj, pikepdf.Array):
        for i, value in enumerate(obj):
            if isinstance(value, pikepdf.Object) and value.is_indirect:
                continue
            _walk_pdf(value, f"{where}[{i}]", m, depth + 1)


def _operand_strings(operands: Iterable[object], where: str, m: _Matcher) -> None:
    import pikepdf

    for operand in operands:
        if isinstance(operand, pikepdf.String):
            m.text(text_of(operand), where + " string operand")
        elif isinstance(operand, pikepdf.Array) and all(isinstance(x, (pikepdf.String, int, float, Decimal))
                                                        for x in operand):
            # a TJ array: its strings joined (a value kerned across elements is caught too), bytes as well
            strings = [x for x in operand if isinstance(x, pikepdf.String)]
            m.text("".join(text_of(x) for x in strings), where + " operand")
            m.data(b"".join(bytes(x) for x in strings), where + " operand (bytes)")
        elif isinstance(operand, (pikepdf.Array, pikepdf.Dictionary)):
            _walk_pdf(operand, where + " operand", m, depth=1)


def _content_strings(stream: object, where: str, m: _Matcher) -> None:
    import pikepdf

    try:
        for op in pikepdf.parse_content_stream(stream):
            _operand_strings(op.operands, where + " content", m)
    except _CONTENT_ERRORS:
        pass


def _iter_annotations(pdf: object) -> Iterator[tuple[int, object]]:
    for n, page in enumerate(pdf.pages, 1):
        for annot in page.obj.get("/Annots", []) or []:
            yield n, annot


def _pdf_structure(pdf: object) -> list[str]:
    import pikepdf

    residues: list[str] = []
    info = pdf.trailer.get("/Info")
    if info is not None:
        for key in ("/Author", "/Creator"):
            if key == "/Author" and text_of(info.get(key)).strip():
                residues.append(f"document info {key} '{text_of(info.get(key))}' left")
    root = pdf.Root
    if "/Metadata" in root:
        residues.append("XMP metadata left in the catalog")
    names = root.get("/Names")
    if names is not None:
        for key in ("/JavaScript", "/EmbeddedFiles"):
            if key in names:
                residues.append(f"catalog /Names {key} left")
    if "/OpenAction" in root or "/AA" in root:
        residues.append("document open action left")
    if "/AcroForm" in root:
        residues.append("form fields (/AcroForm) left")
    for n, annot in _iter_annotations(pdf):
        if annot.get("/Subtype") != "/Link":
            residues.append(f"page {n}: {text_of(annot.get('/Subtype'))} annotation left")
        action = annot.get("/A")
        if action is not None and action.get("/S") in ("/JavaScript", "/Launch"):
            residues.append(f"page {n}: link with {text_of(action.get('/S'))} action left")
    for n, page in enumerate(pdf.pages, 1):
        if "/Thumb" in page.obj:
            residues.append(f"page {n}: thumbnail image left")
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)) and (
                obj.get("/Type") in ("/EmbeddedFile", "/Filespec") or "/EF" in obj or "/JS" in obj):
            residues.append(f"object {obj.objgen[0]}: embedded file or JavaScript left")
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)) and "/Metadata" in obj and obj.objgen != \
                root.objgen:
            residues.append(f"object {obj.objgen[0]}: XMP metadata left")
        jpeg = jpeg_bytes(pdf, obj)
        if jpeg is not None:
            kinds = metadata_kinds(jpeg)
            if kinds:
                residues.append(f"object {obj.objgen[0]}: picture metadata ({', '.join(sorted(set(kinds)))})")
    return residues


__all__ = ["Survivor", "VerificationFailed", "VerificationReport", "normalise", "verify_output"]

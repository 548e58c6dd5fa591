"""PDF: page text with a box per character (pypdfium2), plus every other place text hides.

pypdfium2's text API was measured against pdfplumber on the same 300-page CJK file of 700,000
characters (tests/core/documents/bench_pdf_readers.py): the same characters in the same order, box
centres within 0.7 pt, 2.5 s against 29 s, so it reads the pages. Boxes are pdfium's loose boxes (full font
height, good for highlighting and redaction) in points with a top-left origin, like pdfplumber.
Document info and outline titles come from pdfium; XMP metadata, annotation contents and
embedded-file names from pikepdf (`pdf_extras`). pdfium is not thread-safe: all of it runs under
`PDFIUM_LOCK`.
"""

from __future__ import annotations

import ctypes
import math
import re
from array import array
from collections import deque
from collections.abc import Callable
from itertools import repeat
from typing import TypeVar

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reviewer.core.documents.limits import Limits, check_deadline, check_text, too_large
from reviewer.core.documents.model import Block, BlockKind, Box, Document, DocumentFormat
from reviewer.core.documents.pdf.char_boxes import CharBoxes
from reviewer.core.documents.pdf.extras import extra_blocks
from reviewer.core.documents.pdf.ocr import with_ocr
from reviewer.core.documents.pdf.pages import read_pages
from reviewer.core.documents.pdf.pdfium_lock import PDFIUM_LOCK
from reviewer.core.documents.pdf.tables import CELLS, page_cells
from reviewer.core.errors import CorruptDocument, DocumentError, EncryptedDocument

T = TypeVar("T")

_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
_MAX_OUTLINE_ITEMS = 10_000
_SURROGATE = re.compile("[\ud800-\udfff]")
# A predictor row of a million columns (or colours, or bits) is never real; qpdf allocates it in full
# while opening the file (minutes of page faults for 4294967296, a fuzzer find), pdfium does not.
_ABSURD_DECODE_PARMS = re.compile(rb"/(?:Columns|Colors|BitsPerComponent)\s*(?:\d{7,}|-)")


def read_pdf(data: bytes, path: str, sha256: str, limits: Limits, *,
             progress: Callable[[int, int], None] | None = None,
             cancelled: Callable[[], bool] | None = None) -> Document:
    from reviewer.core.documents.errors import corrupt

    if looks_truncated(data):
        raise corrupt(path, "缺少文件结束标记，文件可能被截断 / no end-of-file marker, the file looks truncated")
    with PDFIUM_LOCK:
        blocks, info, outline, pages = _read_with_pdfium(data, path, limits, progress, cancelled)
    blocks = with_ocr(data, path, sha256, blocks, pages, progress=progress, cancelled=cancelled)  # OCR, issue 27
    properties: dict[str, str] = {}
    try:
        _, (extras, decoded), _ = structure_copy(data, path,
                                                 lambda copy: extra_blocks(copy, path, pages, limits))
        info = decoded or info  # qpdf's strings decoded by our rules (GBK titles) rather than pdfium's
    except CorruptDocument as exc:
        # pdfium read the pages (the text detection runs on) but no parser makes sense of the rest of
        # the file: scanning goes on without it, and the document says what was not read
        extras = []
        properties[STRUCTURE_UNREAD] = exc.message_en
    for key, value in info.items():
        blocks.append(Block(kind=BlockKind.PROPERTY, part="document info", path=key, text=value,
                            attrs={"name": key}))
    blocks.extend(outline)
    blocks.extend(extras)
    properties.update({f"info.{k}": v for k, v in info.items()})
    return Document.build(path=path, format=DocumentFormat.PDF, sha256=sha256, size=len(data),
                          blocks=blocks, pages=pages, properties=properties)


REWRITTEN = "the file's structure was damaged or partly encrypted: it was read from pdfium's re-written copy"
REBUILT = ("the file's catalog could not be parsed: its pages were copied into a new PDF (outline, "
           "attachments and form data of the original are not in the copy)")

# Document.properties key set when the document's structure (annotations, XMP, attachments) could not
# be parsed although pdfium read its pages; its value says why, in English.
STRUCTURE_UNREAD = "pdf.structure_unread"


def structure_copy(data: bytes, path: str, read: Callable[[bytes], T] | None = None
                   ) -> tuple[bytes, T | None, str]:
    """Bytes whose objects qpdf parses with the empty password, and `read(those bytes)`: the file itself,
    else pdfium's re-written copy (xref rebuilt; security removed, for a file pdfium opens without a
    password whose attachments alone are encrypted), else a new document pdfium builds from the pages
    it finds (a broken catalog or trailer). Every copy keeps the pages and their content streams.

    `read` raises CorruptDocument or EncryptedDocument for bytes it cannot use (default: qpdf opens
    them and finds the pages). The third element says which copy it is ("" for the file itself). When
    no candidate works, the first file's error is raised, worded for what is true: a document that
    opens without a password is never said to need one."""
    from reviewer.core.documents.errors import corrupt

    read = read or _qpdf_check
    first: DocumentError | None = None
    if _ABSURD_DECODE_PARMS.search(data):
        # qpdf would allocate gigabytes for the predictor row: only pdfium's copies are tried
        first = corrupt(path, "PDF 对象无法解析 / cannot parse PDF objects: abnormal /DecodeParms")
    else:
        try:
            return data, read(data), ""
        except (CorruptDocument, EncryptedDocument) as exc:
            first = exc
    with PDFIUM_LOCK:
        opened = _pdfium_open(data)
        if opened is None:
            raise first
        try:
            copies = [(_pdfium_save(opened, remove_security=True), REWRITTEN)]
            if copies[0][0] is None or _qpdf_check_quiet(copies[0][0]):
                copies.append((_pdfium_rebuilt(opened), REBUILT))
        finally:
            opened.close()
    for copy, how in copies:
        if copy is None:
            continue
        try:
            return copy, read(copy), how
        except (CorruptDocument, EncryptedDocument):
            continue
    if isinstance(first, EncryptedDocument):
        raise corrupt(path, "文档无需密码即可打开，但其中部分对象（如附件）已加密，无法读取 / "
                            "the document opens without a password, but some of its objects "
                            "(attachments, say) are encrypted and cannot be read")
    raise first


def _qpdf_check(data: bytes) -> None:
    """qpdf opens the bytes with the empty password and finds the catalog and the pages."""
    from reviewer.core.documents.errors import corrupt

    problem = _qpdf_check_quiet(data)
    if problem == "password":
        raise encrypted("")
    if problem:
        raise corrupt("", problem)


def _qpdf_check_quiet(data: bytes) -> str:
    """"" when qpdf opens the bytes and finds the catalog and pages, "password", or what went wrong."""
    import io

    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data), password="") as pdf:
            _ = len(pdf.pages), pdf.Root.get("/Type")
        return ""
    except pikepdf.PasswordError:
        return "password"
    except Exception as exc:  # noqa: BLE001 - qpdf raises PdfError and C++ errors as built-in types
        return f"{type(exc).__name__}: {exc}"[:200]


def _read_with_pdfium(data: bytes, path: str, limits: Limits, progress: Callable[[int, int], None] | None,
                      cancelled: Callable[[], bool] | None
                      ) -> tuple[list[Block], dict[str, str], list[Block], int]:
    """Page blocks, document info, outline blocks and the page count: everything pdfium reads, under the
    caller's PDFIUM_LOCK."""
    from reviewer.core.documents.errors import check_cancelled, corrupt

    try:
        pdf = pdfium.PdfDocument(data)  # pdfium tries the empty user password itself
    except pdfium.PdfiumError as exc:
        # qpdf opens more: an empty *owner* password (anyone may open the file), broken xref tables
        # and object streams it can rebuild. Its repaired, decrypted copy is what pdfium then reads;
        # the same pages and the same content streams, so locators are unchanged.
        repaired = _repaired_copy(data, path)
        if repaired is None:
            if getattr(exc, "err_code", None) == _PASSWORD_ERROR:
                raise encrypted(path) from None
            raise corrupt(path, f"PDF 无法解析 / cannot parse PDF: {pdfium_reason(exc)}") from None
        data, qpdf_pages = repaired
        if qpdf_pages == 0:  # pdfium refuses an empty page tree; there are no pages to read
            return [], {}, [], 0
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as again:
            raise corrupt(path, f"PDF 无法解析 / cannot parse PDF: {pdfium_reason(again)}") from None
    try:
        pages = len(pdf)
        if pages > limits.max_pages:
            raise too_large("页数", "the page count", pages, limits.max_pages, "max_pages", path=path)
        total = 0
        done = 0

        def local(index: int) -> Block:
            check_cancelled(cancelled)
            check_deadline(path)
            try:
                return page_block(pdf, index)
            except pdfium.PdfiumError:
                raise corrupt(path, f"第 {index + 1} 页无法解析 / page {index + 1} cannot be parsed") from None

        def step(arrived: list[Block]) -> None:
            nonlocal total, done
            check_cancelled(cancelled)
            total += sum(len(block.text) + 1 for block in arrived)
            check_text(total, limits, path=path)
            if arrived:
                done += len(arrived)
                if progress is not None:
                    progress(done, pages)

        blocks, _ = read_pages(data, pages, local, step)
        info = {k: v.strip() for k, v in _metadata(pdf).items() if v.strip()}
        outline: list[Block] = []
        for k, bookmark in enumerate(pdf.get_toc(max_depth=30)):
            if k >= _MAX_OUTLINE_ITEMS:
                break
            title = _bookmark_title(bookmark).strip()
            if title:
                dest = bookmark.get_dest()
                page = dest.get_index() + 1 if dest is not None and dest.get_index() is not None else None
                outline.append(Block(kind=BlockKind.OUTLINE, part="outline", path=f"outline[{k}]", text=title,
                                     page=page, attrs={"name": f"level {bookmark.level}"}))
        return blocks, info, outline, pages
    finally:
        pdf.close()


def openable_copy(data: bytes, path: str) -> bytes:
    """`export_source` without its note."""
    return export_source(data, path)[0]


def export_source(data: bytes, path: str) -> tuple[bytes, str]:
    """The bytes that pdfium, qpdf and pdfminer all open, in the clear: the file itself when they can,
    otherwise the copy the reader read (qpdf's decrypted/repaired one, or pdfium's re-written one).

    Writers call this on the source so that a file the reader could read can be exported too: the
    copies keep every page and content stream, so page numbers and character boxes still match. The
    note says which copy was used ("" for the file itself), for the export's notes.
    """
    import io

    import pikepdf

    from reviewer.core.documents.errors import corrupt

    with PDFIUM_LOCK:
        opened = _pdfium_open(data)
        if opened is not None:
            opened.close()
    if opened is None:
        repaired = _repaired_copy(data, path)
        if repaired is None:
            raise corrupt(path, "PDF 无法解析 / cannot parse PDF")
        return repaired[0], ""
    copy, _, how = structure_copy(data, path)
    with pikepdf.open(io.BytesIO(copy), password="") as pdf:
        if not pdf.is_encrypted:
            return copy, how
        out = io.BytesIO()
        pdf.save(out)  # decrypted: the writer edits content streams in the clear
        return out.getvalue(), how


def looks_truncated(data: bytes) -> bool:
    """Cut off in transit: no %%EOF, startxref or trailer near the end, or objects after the last %%EOF.

    Whatever follows the last %%EOF that holds no object (a signature block, an e-mail footer, padding,
    an HTML page a download tool appended) is trailing data, not truncation: pdfium, qpdf and poppler
    all read such files. A file that ends in a damaged trailer is not truncated either; pdfium and
    qpdf rebuild its xref.
    """
    tail = data.rstrip(b"\x00 \t\r\n\x0c")[-2048:]
    if any(marker in tail for marker in (b"%%EOF", b"startxref", b"trailer")):
        return False
    eof = data.rfind(b"%%EOF")
    return eof < 0 or _OBJECT_AFTER.search(data, eof) is not None


_OBJECT_AFTER = re.compile(rb"\d+\s+\d+\s+obj\b|\bendobj\b|\bstream\r?\n")


def pdfium_reason(exc: BaseException) -> str:
    """pdfium's reason for refusing a file in words (its own message can read "PDFium: Success")."""
    code = getattr(exc, "err_code", None)
    reason = _PDFIUM_REASONS.get(code) if isinstance(code, int) else None
    return reason or "pdfium 无法加载 / pdfium could not load it"


_PDFIUM_REASONS = {
    pdfium_c.FPDF_ERR_FILE: "文件无法打开 / the file cannot be opened",
    pdfium_c.FPDF_ERR_FORMAT: "不是 PDF 或已损坏 / not a PDF, or damaged",
    pdfium_c.FPDF_ERR_PASSWORD: "需要密码 / a password is needed",
    pdfium_c.FPDF_ERR_SECURITY: "不支持的加密方式 / unsupported security handler",
    pdfium_c.FPDF_ERR_PAGE: "页面无法解析 / a page cannot be parsed",
}


def _repaired_copy(data: bytes, path: str) -> tuple[bytes, int] | None:
    """qpdf's repaired, decrypted copy and its page count when it opens the file with the empty password."""
    import io

    import pikepdf

    if _ABSURD_DECODE_PARMS.search(data):
        return None

    try:
        with pikepdf.open(io.BytesIO(data), password="") as pdf:
            out = io.BytesIO()
            pdf.save(out)  # without `encryption=`, pikepdf saves unencrypted
            return out.getvalue(), len(pdf.pages)
    except pikepdf.PasswordError:
        raise encrypted(path) from None
    except Exception:  # noqa: BLE001 - qpdf cannot repair it either: the caller reports the file as corrupt
        return None


def _pdfium_open(data: bytes) -> pdfium.PdfDocument | None:
    """pdfium's document (the caller holds PDFIUM_LOCK and closes it), None when pdfium refuses the file."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None


_REMOVE_SECURITY = 3  # FPDF_REMOVESECURITY


def _pdfium_save(pdf: pdfium.PdfDocument, *, remove_security: bool = False) -> bytes | None:
    """pdfium's re-written copy (xref rebuilt; unencrypted with `remove_security`), None on failure."""
    import io

    try:
        out = io.BytesIO()
        pdf.save(out, flags=_REMOVE_SECURITY if remove_security else 0)
        return out.getvalue()
    except Exception:  # noqa: BLE001 - no copy: the caller tries the next way or reports the failure
        return None


def _pdfium_rebuilt(pdf: pdfium.PdfDocument) -> bytes | None:
    """A new document holding pdfium's pages of `pdf` (their content streams and resources): what is left
    when the catalog or trailer is beyond repair but pdfium still finds the pages."""
    try:
        new = pdfium.PdfDocument.new()
    except pdfium.PdfiumError:
        return None
    try:
        new.import_pages(pdf)
        if len(new) != len(pdf):
            return None
        return _pdfium_save(new)
    except Exception:  # noqa: BLE001 - no copy: the caller reports the failure
        return None
    finally:
        new.close()


def _utf16(buffer: bytes) -> str:
    """pdfium's UTF-16LE strings; a lone surrogate (pypdfium2's own decode raises on it) becomes U+FFFD."""
    raw = buffer.decode("utf-16-le", "surrogatepass")
    return raw.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _bookmark_title(bookmark: object) -> str:
    size = pdfium_c.FPDFBookmark_GetTitle(bookmark.raw, None, 0)  # type: ignore[attr-defined]
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFBookmark_GetTitle(bookmark.raw, buffer, size)  # type: ignore[attr-defined]
    return _utf16(buffer.raw[: size - 2])


def _metadata(pdf: pdfium.PdfDocument) -> dict[str, str]:
    """Document info values; a lone UTF-16 surrogate (pypdfium2's own decode raises on it) becomes U+FFFD."""
    values: dict[str, str] = {}
    for key in pdf.METADATA_KEYS:
        name = (key + "\x00").encode()
        size = pdfium_c.FPDF_GetMetaText(pdf.raw, name, None, 0)
        if size <= 2:
            continue
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDF_GetMetaText(pdf.raw, name, buffer, size)
        values[key] = _utf16(buffer.raw[: size - 2])
    return values


def encrypted(path: str) -> EncryptedDocument:
    return EncryptedDocument(
        f"文件已加密：{path} 需要密码才能打开。请用密码打开后另存一份不加密的 PDF 再审查。",
        f"Encrypted file: {path} needs a password to open. Open it with the password, save an unencrypted "
        "copy and review that.", path=path)


def page_block(pdf: pdfium.PdfDocument, index: int) -> Block:
    """One page's text layer; a box per character, None for characters pdfium generated.

    Boxes are in the unrotated page space (as pdfplumber's); a page with /Rotate carries
    attrs["rotation"] so a viewer that shows it turned can turn the boxes too. Raw pdfium calls:
    pypdfium2's page and text-page objects (finalizers, weak references) cost a tenth of the read.
    """
    page = pdfium_c.FPDF_LoadPage(pdf.raw, index)
    if not page:
        raise pdfium.PdfiumError(f"Failed to load page {index}.")
    try:
        box = [ctypes.c_float() for _ in range(4)]
        if pdfium_c.FPDFPage_GetMediaBox(page, *box):
            top = box[3].value
        else:
            top = 792.0  # no /MediaBox: US Letter, as pypdfium2's get_mediabox falls back
        rotation = _ROTATION.get(pdfium_c.FPDFPage_GetRotation(page))
        if rotation is None:
            raise pdfium.PdfiumError(f"Failed to get the rotation of page {index}.")
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            raise pdfium.PdfiumError(f"Failed to load the text of page {index}.")
        try:
            text, boxes = _chars_and_boxes(textpage, top)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
        cells = page_cells(page, top, text, boxes) if text.strip() else ""  # ruled tables (issue 25)
    finally:
        pdfium_c.FPDF_ClosePage(page)
    attrs = {"rotation": str(rotation)} if rotation else {}
    if cells:
        attrs[CELLS] = cells
    return Block(kind=BlockKind.PAGE, part=f"page {index + 1}", path=f"page[{index}]", text=text,
                 boxes=boxes, page=index + 1, attrs=attrs)


_ROTATION = {0: 0, 1: 90, 2: 180, 3: 270}


# Called once per character (or space): prototypes taking plain integers skip ctypes' argument conversion.
_GET_BOX = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)(
    ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value)
_IS_GENERATED = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_IsGenerated, ctypes.c_void_p).value)
_SPACE = re.compile(r"[ \r\n]")


def _chars_and_boxes(raw: object, top: float) -> tuple[str, CharBoxes]:
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return "", CharBoxes(array("f"), top)
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, count, buffer)
    text = bytes(memoryview(buffer).cast("B")[: 2 * max(written - 1, 0)]).decode("utf-16-le", "surrogatepass")
    if len(text) != count:  # rare: fall back to one code unit per char index
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, k)) for k in range(count))
    rects = (ctypes.c_float * (4 * count))()
    handle = ctypes.cast(raw, ctypes.c_void_p).value
    base = ctypes.addressof(rects)
    # map() drives the C calls without a Python-level loop body
    deque(map(_GET_BOX, repeat(handle, count), range(count), range(base, base + 16 * count, 16)), maxlen=0)
    data = array("f")
    data.frombytes(bytes(rects))
    spaces = [m.start() for m in _SPACE.finditer(text)]
    for k, generated in zip(spaces, map(_IS_GENERATED, repeat(handle, len(spaces)), spaces)):
        if generated == 1:  # spaces and line ends pdfium made up have no box of their own
            data[4 * k] = math.nan
    if "\r" in text:  # pdfium ends lines with "\r\n": keep one "\n" (and its box slot)
        kept = array("f")
        pieces = []
        last = 0
        for m in re.finditer("\r\n", text):
            pieces.append(text[last:m.start()])
            kept.extend(data[4 * last: 4 * m.start()])
            last = m.start() + 1
        pieces.append(text[last:])
        kept.extend(data[4 * last:])
        text, data = "".join(pieces).replace("\r", "\n"), kept
    boxes = CharBoxes(data, top)
    if _SURROGATE.search(text):
        text, joined = _join_surrogates(text, list(boxes))
        boxes = CharBoxes.from_boxes(joined)
    return text, boxes


def _join_surrogates(text: str, boxes: list[Box | None]) -> tuple[str, list[Box | None]]:
    """Characters beyond the BMP come as two UTF-16 units: one character, the first unit's box."""
    chars: list[str] = []
    out: list[Box | None] = []
    k = 0
    while k < len(text):
        ch = text[k]
        if "\ud800" <= ch <= "\udbff" and k + 1 < len(text) and "\udc00" <= text[k + 1] <= "\udfff":
            chars.append((ch + text[k + 1]).encode("utf-16-le", "surrogatepass").decode("utf-16-le"))
            out.append(boxes[k])
            k += 2
            continue
        chars.append("\ufffd" if "\ud800" <= ch <= "\udfff" else ch)
        out.append(boxes[k])
        k += 1
    return "".join(chars), out

"""Decide a file's format from its bytes, never from its name.

A docx renamed `.pdf` still loads as docx; an OFD is a zip with OFD.xml; a Word 97 `.doc` and a WPS
`.wps` are OLE files with a WordDocument stream; a workbook (xlsx/xlsm, or Excel 97-2003 BIFF, whatever its
name: WPS saves .et/.ett as either) loads as a workbook; a presentation named `.docx` gets a clear
`UnsupportedFormat`; an Office file encrypted with a password (an OLE/CFB container holding an
`EncryptedPackage` stream) gets `EncryptedDocument`. A plain zip or 7z is refused here: `reviewer scan`
opens archives as folders (documents/archive.py).
"""

from __future__ import annotations

import io
import re
import zipfile

from reviewer.core.documents.model import DocumentFormat
from reviewer.core.errors import EncryptedDocument, UnsupportedFormat

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD2_MAGIC = b"\xdb\xa5\x2d\x00"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_PDF_HEADER = re.compile(rb"%PDF-\d\.\d")

# magic prefix -> (Chinese, English) name, for formats we recognise but do not read
# pictures read by OCR (documents/image)
IMAGE_MAGICS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_OTHER_BINARIES: tuple[tuple[bytes, str, str], ...] = (
    (b"GIF8", "GIF 图片", "a GIF image"),
    (b"Rar!", "RAR 压缩包", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包", "a 7z archive"),
    (b"\x1f\x8b", "gzip 压缩包", "a gzip archive"),
    (b"%!PS", "PostScript 文件", "a PostScript file"),
)

_CONVERT_ZH = "请另存为 docx、xlsx、PDF、txt 或 PNG/JPEG/TIFF 图片后再审查。"
_CONVERT_EN = "Save it as docx, xlsx, PDF, txt or a PNG/JPEG/TIFF picture and review that."


def sniff_format(data: bytes, path: str) -> DocumentFormat:
    """The format the reader should use; raises for formats we recognise but cannot read."""
    head = data[:1024]
    if head.startswith(ZIP_MAGICS):
        return _sniff_zip(data, path)
    if _PDF_HEADER.search(head):  # the spec allows junk before the header within the first 1024 bytes
        return DocumentFormat.PDF
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(data, path)
    if head.startswith(WORD2_MAGIC):
        return DocumentFormat.DOC  # Word for Windows 2.0, before OLE: LibreOffice reads it too
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return DocumentFormat.RTF
    if _looks_like_html(head):
        return DocumentFormat.HTML
    if head.startswith(IMAGE_MAGICS):
        return DocumentFormat.IMAGE
    for magic, name_zh, name_en in _OTHER_BINARIES:
        if head.startswith(magic):
            raise UnsupportedFormat(f"不支持的文件格式：{path} 是{name_zh}。{_CONVERT_ZH}",
                                    f"Unsupported format: {path} is {name_en}. {_CONVERT_EN}", path=path)
    return DocumentFormat.TXT  # txt_reader rejects binary content it cannot decode as text


def _sniff_zip(data: bytes, path: str) -> DocumentFormat:
    """OOXML and ODF are both zips: look at the member names (cheap, reads only the directory)."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except Exception:  # noqa: BLE001 - hostile bytes make zipfile raise anything; the reader reports it
        return DocumentFormat.DOCX  # a damaged zip: the docx reader reports it as corrupt
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return DocumentFormat.DOCX
    if any(n.lstrip("/").lower() == "ofd.xml" for n in names):
        return DocumentFormat.OFD
    if _odf_mimetype(data) == "application/vnd.oasis.opendocument.text":
        return DocumentFormat.ODT
    if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
        return DocumentFormat.XLSX  # xlsx, xlsm, xltx, WPS .et saved as OOXML; xlsb has xl/workbook.bin: refused there
    kinds = (("ppt/", "PowerPoint 演示文稿（pptx）", "a PowerPoint presentation (pptx)"),
             ("mimetype", "OpenDocument 表格或演示文稿（ods/odp）", "an OpenDocument spreadsheet or presentation "
              "(ods/odp)"))
    for prefix, name_zh, name_en in kinds:
        if any(n.startswith(prefix) for n in names):
            raise UnsupportedFormat(f"不支持的文件格式：{path} 是{name_zh}。{_CONVERT_ZH}",
                                    f"Unsupported format: {path} is {name_en}. {_CONVERT_EN}", path=path)
    if "[Content_Types].xml" in names:
        return DocumentFormat.DOCX  # OOXML with an unusual main part name: the reader follows the rels
    raise UnsupportedFormat(f"不支持的文件格式：{path} 是普通 zip 压缩包。请用 reviewer scan 扫描压缩包，或解压后逐个审查其中的文件。",
                            f"Unsupported format: {path} is a plain zip archive. Scan it with reviewer scan, or "
                            "extract it and review the files inside one by one.", path=path)


_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>]",
                         re.IGNORECASE | re.DOTALL)
_MHT_HEADER = re.compile(rb"^(?:[\w-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)*?content-type:\s*multipart/related", re.IGNORECASE)


def _looks_like_html(head: bytes) -> bool:
    """A web page (its start), or a saved web archive (.mht: MIME multipart/related)."""
    if _HTML_START.match(head):
        return True
    return bool(head.lstrip().lower().startswith((b"mime-version:", b"from:", b"content-type:", b"subject:",
                                                   b"date:", b"message-id:", b"content-location:"))
                and _MHT_HEADER.match(head.lstrip()))


def _odf_mimetype(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read("mimetype")[:100].decode("ascii", "replace").strip()
    except Exception:  # noqa: BLE001 - hostile bytes; the caller falls through to its refusal
        return ""


# OLE stream names are case-insensitive: some writers store "worddocument" or "WORDDOCUMENT"
_WORD_STREAM = re.compile(b"".join(b"[" + c.lower().encode() + c.upper().encode() + b"]\x00" for c in "WordDocument"))


def _sniff_ole(data: bytes, path: str) -> DocumentFormat:
    """OLE/CFB: an Excel 97-2003 workbook (a `Workbook` or `Book` stream at the root: a .doc that embeds a
    workbook has it only inside an object storage), a Word 97-2003 / WPS document, else a refusal."""
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            root = {entry[0] for entry in ole.listdir(streams=True, storages=False) if len(entry) == 1}
    except Exception:  # noqa: BLE001 - a damaged directory: fall back to the byte checks below
        root = set()
    if root & {"Workbook", "Book"} and not root & {"EncryptedPackage", "WordDocument"}:
        return DocumentFormat.XLS
    _raise_for_ole(data, path)  # refuses what is neither a workbook nor a Word document
    return DocumentFormat.DOC


def _raise_for_ole(data: bytes, path: str) -> None:
    """OLE/CFB: password-protected OOXML, or a legacy binary Office file (a Word one is read).

    Stream names sit in the directory sectors as UTF-16LE; looking for them is enough to tell the two
    apart without a full CFB parser.
    """
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        raise EncryptedDocument(
            f"文件已加密：{path} 设有打开密码。请在 Word 中输入密码后另存为不加密的 docx 再审查。",
            f"Encrypted file: {path} needs a password to open. Open it in Word with the password, save an "
            "unencrypted copy as docx and review that.", path=path)
    if _WORD_STREAM.search(data):
        return  # Word 97-2003, or WPS Writer's .wps (the same binary format)
    raise UnsupportedFormat(f"不支持的文件格式：{path} 是旧版 Office 二进制文件。{_CONVERT_ZH}",
                            f"Unsupported format: {path} is a legacy binary Office file. {_CONVERT_EN}",
                            path=path)

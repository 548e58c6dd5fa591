"""Decide a file's format from its bytes, never from its name.

A docx renamed `.pdf` still loads as docx; a workbook (xlsx/xlsm, or Excel 97-2003 BIFF, whatever its
name: WPS saves .et/.ett as either) loads as a workbook; a legacy `.doc`, a presentation or an image named
`.docx` gets a clear `UnsupportedFormat`; an Office file encrypted with a password (an OLE/CFB container
holding an `EncryptedPackage` stream) gets `EncryptedDocument`.
"""

from __future__ import annotations

import io
import re
import zipfile

from reviewer.core.documents.model import DocumentFormat
from reviewer.core.errors import EncryptedDocument, UnsupportedFormat

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_PDF_HEADER = re.compile(rb"%PDF-\d\.\d")

# magic prefix -> (Chinese, English) name, for formats we recognise but do not read
_OTHER_BINARIES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG 图片", "a PNG image"),
    (b"\xff\xd8\xff", "JPEG 图片", "a JPEG image"),
    (b"GIF8", "GIF 图片", "a GIF image"),
    (b"II*\x00", "TIFF 图片", "a TIFF image"),
    (b"MM\x00*", "TIFF 图片", "a TIFF image"),
    (b"{\\rtf", "RTF 文档", "an RTF document"),
    (b"Rar!", "RAR 压缩包", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包", "a 7z archive"),
    (b"\x1f\x8b", "gzip 压缩包", "a gzip archive"),
    (b"%!PS", "PostScript 文件", "a PostScript file"),
)

_CONVERT_ZH = "请另存为 docx、xlsx、PDF 或 txt 后再审查。"
_CONVERT_EN = "Save it as docx, xlsx, PDF or txt and review that."


def sniff_format(data: bytes, path: str) -> DocumentFormat:
    """The format the reader should use; raises for formats we recognise but cannot read."""
    head = data[:1024]
    if head.startswith(ZIP_MAGICS):
        return _sniff_zip(data, path)
    if _PDF_HEADER.search(head):  # the spec allows junk before the header within the first 1024 bytes
        return DocumentFormat.PDF
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(data, path)
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
    if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
        return DocumentFormat.XLSX  # xlsx, xlsm, xltx, WPS .et saved as OOXML; xlsb has xl/workbook.bin: refused there
    kinds = (("ppt/", "PowerPoint 演示文稿（pptx）", "a PowerPoint presentation (pptx)"),
             ("mimetype", "OpenDocument 文档（odt/ods）", "an OpenDocument file (odt/ods)"))
    for prefix, name_zh, name_en in kinds:
        if any(n.startswith(prefix) for n in names):
            raise UnsupportedFormat(f"不支持的文件格式：{path} 是{name_zh}。{_CONVERT_ZH}",
                                    f"Unsupported format: {path} is {name_en}. {_CONVERT_EN}", path=path)
    if "[Content_Types].xml" in names:
        return DocumentFormat.DOCX  # OOXML with an unusual main part name: the reader follows the rels
    raise UnsupportedFormat(f"不支持的文件格式：{path} 是普通 zip 压缩包。请解压后逐个审查其中的文件。",
                            f"Unsupported format: {path} is a plain zip archive. Extract it and review the "
                            "files inside one by one.", path=path)


def _sniff_ole(data: bytes, path: str) -> DocumentFormat:
    """OLE/CFB: an Excel 97-2003 workbook (a `Workbook` or `Book` stream at the root: a .doc that embeds a
    workbook has it only inside an object storage), else one of the refusals below."""
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            root = {entry[0] for entry in ole.listdir(streams=True, storages=False) if len(entry) == 1}
    except Exception:  # noqa: BLE001 - a damaged directory: fall back to the byte checks below
        root = set()
    if root & {"Workbook", "Book"} and not root & {"EncryptedPackage", "WordDocument"}:
        return DocumentFormat.XLS
    _raise_for_ole(data, path)
    raise AssertionError("unreachable")  # _raise_for_ole always raises


def _raise_for_ole(data: bytes, path: str) -> None:
    """OLE/CFB: password-protected OOXML, or a legacy binary Office file.

    Stream names sit in the directory sectors as UTF-16LE; looking for them is enough to tell the two
    apart without a full CFB parser.
    """
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        raise EncryptedDocument(
            f"文件已加密：{path} 设有打开密码。请在 Word 中输入密码后另存为不加密的 docx 再审查。",
            f"Encrypted file: {path} needs a password to open. Open it in Word with the password, save an "
            "unencrypted copy as docx and review that.", path=path)
    if "WordDocument".encode("utf-16-le") in data:
        raise UnsupportedFormat(f"不支持旧版 Word 文档（.doc）：{path}。请在 Word 或 WPS 中另存为 docx 后再审查。",
                                f"Legacy Word document (.doc) is not supported: {path}. Save it as docx in "
                                "Word or WPS and review that.", path=path)
    raise UnsupportedFormat(f"不支持的文件格式：{path} 是旧版 Office 二进制文件。{_CONVERT_ZH}",
                            f"Unsupported format: {path} is a legacy binary Office file. {_CONVERT_EN}",
                            path=path)

"""Plain text: detect the encoding (Chinese first), normalise newlines, one block per line.

Government offices still produce GBK/GB18030 text (and UTF-16 from Windows tools), so after a BOM
and strict UTF-8 we prefer GB18030 whenever it decodes cleanly into Chinese text, and ask
charset-normalizer only when it does not. The encoding, BOM and newline are kept in the Document
so that a writer can produce the same bytes for unchanged text (`encode_text`).
"""

from __future__ import annotations

import codecs
import re

from reviewer.core.documents.limits import Limits, check_text
from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat
from reviewer.core.errors import UnsupportedFormat

# longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
BOM_BYTES = {name: bom for bom, name in _BOMS}

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_CHINESE_CODECS = {"gb2312", "gbk", "gb18030", "hz", "big5", "big5hkscs", "cp936", "euc_cn"}


def read_txt(data: bytes, path: str, sha256: str, limits: Limits) -> Document:
    text, encoding, bom = decode_text(data, path)
    check_text(len(text), limits, path=path)
    newline = _dominant_newline(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # the final newline ends the last line, it does not start a new one
    blocks = []
    offset = 0
    line_kind = BlockKind.LINE
    for number, line in enumerate(lines, 1):
        blocks.append(Block(kind=line_kind, part="text", path=f"line {number}", text=line, start=offset,
                            line=number))
        offset += len(line) + 1
    return Document.build(path=path, format=DocumentFormat.TXT, sha256=sha256, size=len(data), blocks=blocks,
                          encoding=encoding, newline=newline, bom=bom)


def decode_text(data: bytes, path: str) -> tuple[str, str, bool]:
    """(text, Python codec name without BOM, had BOM); raises UnsupportedFormat for binary data."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec, True
            except UnicodeDecodeError:
                break  # a BOM followed by garbage: treat as unknown bytes below
    try:
        return _checked(data.decode("utf-8"), path), "utf-8", False
    except UnicodeDecodeError:
        pass
    codec = _utf16_without_bom(data)
    if codec:
        try:
            return _checked(data.decode(codec), path), codec, False
        except UnicodeDecodeError:
            pass
    chinese = _chinese_first(data)
    if chinese:
        return _checked(chinese[0], path), chinese[1], False
    text, encoding = _charset_normalizer(data, path)
    return _checked(text, path), encoding, False


def encode_text(document: Document, text: str) -> bytes:
    """Bytes for `text` (with "\\n" newlines) in the document's own encoding, BOM and newline."""
    newline = document.newline or "\n"
    if newline != "\n":
        text = text.replace("\n", newline)
    encoding = document.encoding or "utf-8"
    prefix = BOM_BYTES.get(encoding, b"") if document.bom else b""
    return prefix + text.encode(encoding)


def _utf16_without_bom(data: bytes) -> str | None:
    """Text of mostly ASCII in UTF-16 has a NUL in every other byte: that side tells the byte order."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _chinese_first(data: bytes) -> tuple[str, str] | None:
    """GB18030 (a superset of GBK) when it decodes strictly into mostly Chinese text."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    non_ascii = len(_NON_ASCII.findall(text))
    if non_ascii and len(_CJK.findall(text)) < 0.7 * non_ascii:
        return None
    try:
        data.decode("gbk")
        return text, "gbk"
    except UnicodeDecodeError:
        return text, "gb18030"


def _charset_normalizer(data: bytes, path: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise _binary(path)
    try:
        encoding = codecs.lookup(best.encoding).name  # "utf_16_le" -> "utf-16-le", as elsewhere here
    except LookupError:
        raise _binary(path) from None
    if encoding in _CHINESE_CODECS and encoding not in {"big5", "big5hkscs"}:
        encoding = "gb18030"
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise _binary(path) from None


def _checked(text: str, path: str) -> str:
    """Reject decoded "text" that is really binary (control characters, replacement marks)."""
    if text and len(_CONTROL.findall(text[:65536])) > 0.01 * min(len(text), 65536) + 1:
        raise _binary(path)
    return text


def _binary(path: str) -> UnsupportedFormat:
    return UnsupportedFormat(
        f"不支持的文件格式：{path} 不是 docx、PDF，也不是可识别编码的文本。请确认文件类型，另存为 docx、PDF 或 UTF-8 文本后再审查。",
        f"Unsupported format: {path} is not docx, PDF or text in a known encoding. Check the file type and "
        "save it as docx, PDF or UTF-8 text.", path=path)


def _dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"))
    return best[1] if best[0] else "\n"

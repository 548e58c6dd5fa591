"""Word 97-2003 (.doc), WPS Writer (.wps, the same binary), RTF and ODT: read through LibreOffice.

LibreOffice (headless, private profile, no macros, a timeout; documents/legacy/convert.py) converts
the file to docx once per session; the docx reader gives the blocks, so locators name parts of that
docx (`Document.conversion` says which file, made by what, and its sha256; `Document.sha256` stays
the original's). For a .doc, text the binary holds that the conversion does not show (summary
information, pieces LibreOffice left out, fast-save fragments) is added as blocks (legacy/ole.py).

Without LibreOffice, a .doc is read by `antiword` if it is installed: text only, labelled so in
`Document.conversion` and the properties, and it cannot be exported. Without either, a clear refusal
that says what to install.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess

from reviewer.core.documents.docx.reader import read_docx
from reviewer.core.documents.legacy import convert, ole
from reviewer.core.documents.limits import Limits, check_text
from reviewer.core.documents.model import Block, BlockKind, Conversion, Document, DocumentFormat
from reviewer.core.documents.sniff import OLE_MAGIC, WORD2_MAGIC
from reviewer.core.errors import DocumentError, EncryptedDocument, UnsupportedFormat

ANTIWORD_TOOL = "antiword (text only: no layout, no export; install LibreOffice for the full reading)"
_NAMES = {"doc": ("Word 97-2003 / WPS 文档", "Word 97-2003 / WPS document"), "rtf": ("RTF 文档", "RTF document"),
          "odt": ("OpenDocument 文本", "OpenDocument text")}


def _format(data: bytes) -> DocumentFormat:
    if data.startswith((OLE_MAGIC, WORD2_MAGIC)):
        return DocumentFormat.DOC
    if data.startswith(b"PK"):
        return DocumentFormat.ODT
    return DocumentFormat.RTF


def read_legacy(data: bytes, path: str, sha256: str, limits: Limits) -> Document:
    fmt = _format(data)
    if fmt is DocumentFormat.DOC and ole.encrypted(data):
        raise EncryptedDocument(f"文件已加密：{path} 设有打开密码。请在 Word/WPS 中输入密码后另存为不加密的 docx 再审查。",
                                f"Encrypted file: {path} needs a password to open. Open it in Word/WPS with the "
                                "password, save an unencrypted copy as docx and review that.", path=path)
    converted = convert.to_docx(data, sha256, str(fmt), path)
    if converted is None:
        if fmt is DocumentFormat.DOC and shutil.which("antiword"):
            return _antiword(data, path, sha256, limits)
        name_zh, name_en = _NAMES[str(fmt)]
        raise UnsupportedFormat(
            f"读取{name_zh}需要 LibreOffice，本机未安装：{path}。{convert.INSTALL_HINT_ZH}；或在 Word/WPS 中另存为 docx 后再审查。",
            f"Reading a {name_en} needs LibreOffice, which is not installed: {path}. {convert.INSTALL_HINT_EN}, or "
            "save it as docx in Word/WPS and review that.", path=path)
    docx = read_docx(converted.docx.read_bytes(), path, sha256, limits)
    blocks = list(docx.blocks)
    properties = dict(docx.properties)
    if fmt is DocumentFormat.DOC:
        try:
            hidden_text = ole.hidden_text(data, docx.text)
        except ole.Unreadable as exc:
            hidden_text = []
            properties["hidden_text"] = f"not read: {exc}"  # LibreOffice read the file, olefile could not
        for k, hidden in enumerate(hidden_text):
            blocks.append(Block(kind=BlockKind.PROPERTY, part="Word binary (OLE)", path=f"hidden[{k}]",
                                text=hidden.text, attrs={"name": hidden.where}))
        check_text(sum(len(b.text) + 1 for b in blocks), limits, path=path)
    properties["converted_by"] = converted.tool
    return Document.build(path=path, format=fmt, sha256=sha256, size=len(data), blocks=blocks, pages=docx.pages,
                          properties=properties,
                          conversion=Conversion(tool=converted.tool, source_format=str(fmt), output=str(converted.docx),
                                                output_sha256=converted.sha256))


def _antiword(data: bytes, path: str, sha256: str, limits: Limits) -> Document:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="reviewer-antiword-") as tmp:
        source = Path(tmp) / "input.doc"
        source.write_bytes(data)
        try:
            proc = subprocess.run(["antiword", "-m", "UTF-8.txt", "-w", "0", str(source)], capture_output=True,
                                  timeout=120, cwd=tmp)
        except subprocess.TimeoutExpired:
            raise DocumentError(f"antiword 读取 {path} 超时。{convert.INSTALL_HINT_ZH}。",
                                f"antiword timed out on {path}. {convert.INSTALL_HINT_EN}.", path=path) from None
    if proc.returncode != 0:
        raise DocumentError(f"antiword 无法读取 {path}。{convert.INSTALL_HINT_ZH}。",
                            f"antiword could not read {path}. {convert.INSTALL_HINT_EN}.", path=path)
    text = proc.stdout.decode("utf-8", "replace")
    check_text(len(text), limits, path=path)
    blocks = [Block(kind=BlockKind.LINE, part="antiword text", path=f"line[{n}]", text=line, line=n + 1)
              for n, line in enumerate(text.splitlines()) if line.strip()]
    try:
        hidden = ole.hidden_text(data, text)
    except ole.Unreadable:
        hidden = []
    blocks += [Block(kind=BlockKind.PROPERTY, part="Word binary (OLE)", path=f"hidden[{k}]", text=h.text,
                     attrs={"name": h.where}) for k, h in enumerate(hidden)]
    return Document.build(path=path, format=DocumentFormat.DOC, sha256=sha256, size=len(data), blocks=blocks,
                          properties={"converted_by": ANTIWORD_TOOL},
                          conversion=Conversion(tool=ANTIWORD_TOOL, source_format="doc", output=None,
                                                output_sha256=hashlib.sha256(text.encode()).hexdigest()))

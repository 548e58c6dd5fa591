"""`load_document(path, **limits)`: sniff the bytes, dispatch to the format's reader.

Every failure a file can cause ends as a typed `DocumentError` with a bilingual one-line message:
readers raise the specific ones; anything else a parser throws on hostile bytes is reported as a
corrupt document (logged with its traceback at DEBUG level for developers), never a traceback.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewer.core.documents.errors import LoadCancelled, check_cancelled, corrupt  # noqa: F401 - LoadCancelled re-exported
from reviewer.core.documents.limits import Limits, deadline, too_large
from reviewer.core.documents.model import Document, DocumentFormat
from reviewer.core.documents.sniff import sniff_format
from reviewer.core.errors import DocumentError, ReviewerError, TooLarge

log = logging.getLogger(__name__)


def load_document(path: str | Path, *, progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None, **limits: Any) -> Document:
    """Read a docx, PDF, txt, OFD, doc/wps/rtf/odt, HTML, xlsx/xls or picture file (format from its content) into

    Keyword options are the caps of `Limits` (e.g. `max_pages=500`); unknown names are an error.
    `progress(done, total)` is called per PDF page and per picture read by OCR (once at the end for txt); when
    `cancelled()` returns True the load stops with `LoadCancelled`.
    """
    caps = Limits.from_options(**limits)
    p = Path(path)
    name = str(p)
    data = _read_bytes(p, caps)
    check_cancelled(cancelled)
    if not data and p.suffix.lower() != ".txt":
        raise corrupt(name, "空文件 / empty file")
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        with deadline(caps):
            document, fmt = _read(data, name, sha256, caps, progress, cancelled)
    except ReviewerError:
        raise
    except MemoryError:
        raise TooLarge(f"内存不足，无法读取 {name}。请拆分文件或在内存更大的电脑上审查。",
                       f"Out of memory while reading {name}. Split the file or review it on a machine with "
                       "more memory.", path=name) from None
    except RecursionError:
        raise TooLarge(f"文件结构嵌套过深：{name}。文件异常；请用 Word/WPS 打开后另存一份再审查。",
                       f"The structure of {name} is nested too deeply; the file is abnormal. Open it in "
                       "Word/WPS, save a new copy and review that.", path=name) from None
    except Exception as exc:
        # pdfium/qpdf raise many types. The user gets one line; developers get the traceback at DEBUG.
        log.debug("reader failed on %s", name, exc_info=True)
        raise corrupt(name, f"内容无法解析 / unparsable content: {type(exc).__name__}") from exc
    if progress is not None and fmt not in PAGED:
        progress(1, 1)
    return document


# Each format's reader, by module path: imported only when a file of that format is opened (the PDF
# stack is heavy). A new format adds one line here (and one in `deidentify.writers`).
READERS: dict[DocumentFormat, tuple[str, str]] = {
    DocumentFormat.DOCX: ("reviewer.core.documents.docx.reader", "read_docx"),
    DocumentFormat.PDF: ("reviewer.core.documents.pdf.reader", "read_pdf"),
    DocumentFormat.TXT: ("reviewer.core.documents.txt.reader", "read_txt"),
    DocumentFormat.OFD: ("reviewer.core.documents.ofd.reader", "read_ofd"),
    DocumentFormat.DOC: ("reviewer.core.documents.legacy.reader", "read_legacy"),
    DocumentFormat.RTF: ("reviewer.core.documents.legacy.reader", "read_legacy"),
    DocumentFormat.ODT: ("reviewer.core.documents.legacy.reader", "read_legacy"),
    DocumentFormat.HTML: ("reviewer.core.documents.html.reader", "read_html"),
    DocumentFormat.IMAGE: ("reviewer.core.documents.image.reader", "read_image"),
    DocumentFormat.XLSX: ("reviewer.core.documents.xlsx.reader", "read_xlsx"),
    DocumentFormat.XLS: ("reviewer.core.documents.xlsx.xls", "read_xls"),
}
# Readers that report progress per page and can be cancelled between pages.
PAGED = frozenset({DocumentFormat.PDF, DocumentFormat.OFD, DocumentFormat.IMAGE, DocumentFormat.DOCX})


def _read(data: bytes, name: str, sha256: str, caps: Limits, progress: Callable[[int, int], None] | None,
          cancelled: Callable[[], bool] | None) -> tuple[Document, DocumentFormat]:
    fmt = sniff_format(data, name)
    module, function = READERS[fmt]
    reader = getattr(importlib.import_module(module), function)
    if fmt in PAGED:
        return reader(data, name, sha256, caps, progress=progress, cancelled=cancelled), fmt
    return reader(data, name, sha256, caps), fmt


def _read_bytes(p: Path, caps: Limits) -> bytes:
    name = str(p)
    try:
        if p.is_dir():
            raise DocumentError(f"{name} 是文件夹，不是文件。请指定文件，或用 scan 命令扫描整个文件夹。",
                                f"{name} is a folder, not a file. Give a file, or scan the folder with the "
                                "scan command.", path=name)
        size = os.stat(p).st_size
        if size > caps.max_file_size:
            raise too_large("文件大小（字节）", "the file size (bytes)", size, caps.max_file_size,
                            "max_file_size", path=name)
        with open(p, "rb") as fh:
            data = fh.read(caps.max_file_size + 1)
    except FileNotFoundError:
        raise DocumentError(f"找不到文件：{name}。请检查路径。", f"File not found: {name}. Check the path.",
                            path=name) from None
    except PermissionError:
        raise DocumentError(f"无权读取文件：{name}。请检查文件权限。",
                            f"Permission denied: {name}. Check the file's permissions.", path=name) from None
    except OSError as exc:
        raise DocumentError(f"无法读取文件：{name}（{exc.strerror}）。请检查路径和磁盘。",
                            f"Cannot read {name} ({exc.strerror}). Check the path and the disk.",
                            path=name) from None
    if len(data) > caps.max_file_size:  # grew while we read it
        raise too_large("文件大小（字节）", "the file size (bytes)", len(data), caps.max_file_size,
                        "max_file_size", path=name)
    return data

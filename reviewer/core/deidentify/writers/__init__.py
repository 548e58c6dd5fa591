"""One writer per format: the de-identified copy of a document under a `RedactionPlan`.

Each writer module has `write_copy(document, plan, output, *, options, progress) -> notes`, where
`notes` say what the writer changed besides the planned values (comments removed, changes accepted,
pages re-rendered). Writers are imported only when a file of their format is written. A new format
adds one line to `WRITERS`; a format written as another (a legacy .doc exported as .docx) says so
in `OUTPUT_FORMAT`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.core.documents.model import DocumentFormat

if TYPE_CHECKING:
    from reviewer.core.deidentify.plan import RedactionPlan
    from reviewer.core.documents.model import Document


@dataclass(frozen=True, slots=True)
class WriteOptions:
    pdf_rasterize: bool = False  # PDF: re-render every page with a redaction as an image
    cancelled: Callable[[], bool] | None = None  # polled between pages/parts; True stops the write


WRITERS: dict[DocumentFormat, str] = {
    DocumentFormat.TXT: "reviewer.core.deidentify.writers.txt",
    DocumentFormat.DOCX: "reviewer.core.deidentify.writers.docx",
    DocumentFormat.PDF: "reviewer.core.deidentify.writers.pdf",
    DocumentFormat.OFD: "reviewer.core.deidentify.writers.ofd",
    DocumentFormat.DOC: "reviewer.core.deidentify.writers.legacy",
    DocumentFormat.RTF: "reviewer.core.deidentify.writers.legacy",
    DocumentFormat.ODT: "reviewer.core.deidentify.writers.legacy",
    DocumentFormat.HTML: "reviewer.core.deidentify.writers.html",
    DocumentFormat.IMAGE: "reviewer.core.deidentify.writers.image",
    DocumentFormat.XLSX: "reviewer.core.deidentify.writers.xlsx",
    DocumentFormat.XLS: "reviewer.core.deidentify.writers.xls",
}
# The format of the copy, where it is not the input's own: legacy word-processor files are exported as the
# docx LibreOffice converted them to (the original is never changed); an Excel 97-2003 workbook as xlsx.
OUTPUT_FORMAT: dict[DocumentFormat, DocumentFormat] = {DocumentFormat.DOC: DocumentFormat.DOCX,
                                                       DocumentFormat.RTF: DocumentFormat.DOCX,
                                                       DocumentFormat.ODT: DocumentFormat.DOCX,
                                                       DocumentFormat.XLS: DocumentFormat.XLSX}


def output_format(fmt: DocumentFormat) -> DocumentFormat:
    return OUTPUT_FORMAT.get(fmt, fmt)


def write_copy(document: Document, plan: RedactionPlan, output: Path, *, options: WriteOptions = WriteOptions(),
               progress: Callable[[int, int], None] | None = None) -> tuple[str, ...]:
    """Write the de-identified copy of `document` to `output` (the caller verifies and renames it)."""
    module = importlib.import_module(WRITERS[DocumentFormat(document.format)])
    return tuple(module.write_copy(document, plan, output, options=options, progress=progress))

"""The de-identified copy of a .doc/.wps/.rtf/.odt: the docx LibreOffice made of it, redacted.

The blocks the reviewer saw came from that docx (`Document.conversion`), so the docx writer applies
the plan to the same file: the copy is a docx (`OUTPUT_FORMAT`), the original is never changed.
The conversion is reused from the session cache; if it is gone (another process read the file), the
original, whose sha256 the export has just checked, is converted again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reviewer.core.deidentify.errors import ExportRefused
from reviewer.core.deidentify.plan import RedactionPlan
from reviewer.core.deidentify.writers.docx import write_docx
from reviewer.core.documents.legacy import convert


def write_copy(document, plan: RedactionPlan, output: Path, *, options=None,  # noqa: ANN001
               progress: Callable[[int, int], None] | None = None) -> tuple[str, ...]:
    conversion = document.conversion
    if conversion is None or conversion.output is None:
        raise ExportRefused(
            f"{Path(document.path).name} 只用 antiword 读取了文字，无法生成去标识化副本。{convert.INSTALL_HINT_ZH}后重新打开。",
            f"{Path(document.path).name} was read as text only (antiword); no de-identified copy can be written. "
            f"{convert.INSTALL_HINT_EN} and open it again.", path=document.path)
    converted = convert.cached(document.sha256)
    again = converted is None
    if converted is None:
        converted = convert.to_docx(Path(document.path).read_bytes(), document.sha256, conversion.source_format,
                                    document.path)
        if converted is None:
            raise ExportRefused(f"导出需要 LibreOffice。{convert.INSTALL_HINT_ZH}。",
                                f"The export needs LibreOffice. {convert.INSTALL_HINT_EN}.", path=document.path)
    notes = [f"the {conversion.source_format} file was converted to docx by {converted.tool}: the copy is a docx, "
             "the original is unchanged" + (" (converted again for the export)" if again else "")]
    return tuple(notes) + tuple(write_docx(converted.docx, plan, output).notes)

"""Write the review log in one of four formats, atomically."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.atomic import write_bytes_atomic
from reviewer.core.reports.review_log import ReviewLog, build_review_log

FORMATS = ("csv", "json", "docx", "pdf")


def export_review_log(workspace, fmt: str, output: str | Path, *, document_id: int | None = None,
                      catalog=None, language: str = "zh") -> ReviewLog:
    """Build and write the log in `language` ("zh", the default for filing, or "en"); the returned log says
    whether the chain verified (`chain_ok`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {FORMATS}")
    log = build_review_log(workspace, document_id=document_id, catalog=catalog, language=language)
    if fmt in ("csv", "json"):
        events = workspace.events(document_id)
        from reviewer.core.reports.export_tabular import to_csv, to_json
        data = to_csv(events) if fmt == "csv" else to_json(log, events)
    elif fmt == "docx":
        from reviewer.core.reports.export_docx import to_docx
        data = to_docx(log)
    else:
        from reviewer.core.reports.export_pdf import to_pdf
        data = to_pdf(log)
    write_bytes_atomic(output, data)
    return log

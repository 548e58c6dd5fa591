"""Whether each pdfium document is opened under the process-wide lock (pdfium is not thread-safe)."""

from __future__ import annotations

import pypdfium2

from reviewer.core.documents.pdf.pdfium_lock import PDFIUM_LOCK


def record_lock_on_open(monkeypatch) -> list[bool]:
    """From now on, every ``pypdfium2.PdfDocument(...)`` appends whether this thread holds the lock."""
    held: list[bool] = []
    real = pypdfium2.PdfDocument

    def spy(*args, **kwargs):
        held.append(PDFIUM_LOCK._is_owned())
        return real(*args, **kwargs)

    monkeypatch.setattr(pypdfium2, "PdfDocument", spy)
    return held

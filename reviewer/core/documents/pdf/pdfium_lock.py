"""One process-wide lock for pdfium, which is not thread-safe, not even across different documents.

Every pdfium call in the process (reading here, rendering in the UI, redaction and verification)
should hold this lock; it is re-entrant, so a caller that already holds it can call the reader.
"""

from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()


def pdfium_page_texts(source: str | bytes) -> list[str]:
    """Every page's text as pdfium reads it (a path or the file's bytes), under the lock; the export and
    the verifier compare it with the values that must be gone."""
    import pypdfium2

    with PDFIUM_LOCK:
        pdf = pypdfium2.PdfDocument(source)
        try:
            texts = []
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                texts.append(textpage.get_text_range())
                textpage.close()
                page.close()
            return texts
        finally:
            pdf.close()

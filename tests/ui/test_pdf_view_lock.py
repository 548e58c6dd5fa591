"""The PDF view renders with the core's pdfium lock, so rendering never overlaps reading or export."""

from __future__ import annotations

import threading

from reviewer.core.detection.config import PROJECT_ROOT
from reviewer.core.documents import load_document
from reviewer.core.documents.pdf.pdfium_lock import PDFIUM_LOCK
from reviewer.ui import pdf_view
from tests.pdfium_spy import record_lock_on_open

PDF = PROJECT_ROOT / "tests" / "data" / "documents" / "reportlab-cjk.pdf"


def test_the_view_uses_the_core_lock() -> None:
    assert pdf_view.PDFIUM_LOCK is PDFIUM_LOCK


def test_render_holds_the_lock(monkeypatch, qapp) -> None:
    held = record_lock_on_open(monkeypatch)
    image = pdf_view.render_page(str(PDF), 0, 0.5)
    assert not image.isNull() and held == [True]


def test_rendering_while_a_document_loads(qapp) -> None:
    """Two render threads and a reader at once (the whole-flow test crashed with a segfault here)."""
    errors: list[BaseException] = []

    def render() -> None:
        try:
            for _ in range(15):
                pdf_view.render_page(str(PDF), 0, 0.5)
        except BaseException as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=render) for _ in range(2)]
    for t in threads:
        t.start()
    for _ in range(15):
        assert load_document(PDF).text
    for t in threads:
        t.join()
    assert errors == []

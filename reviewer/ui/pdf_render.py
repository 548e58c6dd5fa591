"""PDF page layout and rendering with pypdfium2 (I/O lane), and per-line finding boxes.

pdfium is not thread-safe: every call holds the core's `PDFIUM_LOCK` (the reader, the PDF writer and the
verifier hold it too: a page rendered while a document loads or exports must not run pdfium concurrently).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage

from reviewer.core.documents.pdf.pdfium_lock import (
    PDFIUM_LOCK,  # the core's lock: reading and export share it
)


@dataclass(frozen=True, slots=True)
class PdfLayout:
    path: str
    sizes: tuple[tuple[float, float], ...]  # (width, height) in points per page


def read_layout(path: str) -> PdfLayout:
    """Page sizes (I/O lane): cheap, but still kept off the GUI thread for 300-page files."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(path)
        try:
            sizes = tuple(tuple(pdf.get_page_size(i)) for i in range(len(pdf)))
        finally:
            pdf.close()
    return PdfLayout(path, sizes)  # type: ignore[arg-type]


def render_page(path: str, index: int, scale: float) -> QImage:
    """One page as an image (I/O lane), in the screen's own pixel format (32-bit, no conversion when it
    becomes a pixmap on the GUI thread)."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(path)
        try:
            page = pdf[index]
            bitmap = page.render(scale=scale, prefer_bgrx=True)
            width, height, stride, channels = bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels
            data = bytes(bitmap.buffer)
            mode = bitmap.mode
            bitmap.close()  # freed here, under the lock (a finalizer would run in any thread, any time)
            page.close()
        finally:
            pdf.close()
    # Copy into a QImage that owns its memory (QImage over a Python buffer keeps no reference to it).
    formats = {
        "BGRX": QImage.Format.Format_RGB32,
        "BGRA": QImage.Format.Format_ARGB32,
        "BGR": QImage.Format.Format_BGR888,
        "RGB": QImage.Format.Format_RGB888,
    }
    image = QImage(width, height, formats.get(mode, QImage.Format.Format_RGB32))
    bits, line, row = image.bits(), image.bytesPerLine(), width * channels
    if line == stride:
        bits[: stride * height] = data[: stride * height]
    else:
        for y in range(height):
            bits[y * line : y * line + row] = data[y * stride : y * stride + row]
    return image


def merge_line_boxes(boxes: Sequence[Sequence[float]]) -> list[QRectF]:
    """Per-character boxes → one rectangle per line of text."""
    rects: list[QRectF] = []
    for x0, top, x1, bottom in boxes:
        last = rects[-1] if rects else None
        if last is not None and abs(last.top() - top) < 2 and x0 <= last.right() + 12:
            rects[-1] = last.united(QRectF(QPointF(x0, top), QPointF(x1, bottom)))
        else:
            rects.append(QRectF(QPointF(x0, top), QPointF(x1, bottom)))
    return rects

"""PDF pages rendered with pypdfium2, finding boxes drawn on the page, rubber-band text selection.

The scene is in PDF points (origin top-left of the first page; pages stacked with a gap). Pages are
rendered lazily, only those near the viewport, in the I/O pool; pdfium is not thread-safe, so every
pdfium call made by the UI holds the core's `PDFIUM_LOCK` (the reader, the PDF writer and the verifier
hold it too: a page rendered while a document loads or exports must not run pdfium concurrently).
Finding boxes come from the locators the core gives (`page` plus one box per character, in points with a
top-left origin) and are merged per line.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView, QWidget

from reviewer.core.documents.model import Document
from reviewer.core.documents.pdf.pdfium_lock import (
    PDFIUM_LOCK,  # the core's lock: reading and export share it
)
from reviewer.ui.findings_table_model import FindingRow, finding_tooltip
from reviewer.ui.labels import ReviewState, category_colour

PAGE_GAP = 14.0
_ROW_KEY = 0


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
    """One page as an image (I/O lane)."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(path)
        try:
            page = pdf[index]
            bitmap = page.render(scale=scale, rev_byteorder=True)
            width, height, stride, channels = bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels
            data = bytes(bitmap.buffer)
            bitmap.close()  # freed here, under the lock (a finalizer would run in any thread, any time)
            page.close()
        finally:
            pdf.close()
    # Copy into a QImage that owns its memory (QImage over a Python buffer keeps no reference to it).
    image = QImage(
        width, height, QImage.Format.Format_RGB888 if channels == 3 else QImage.Format.Format_RGBA8888
    )
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


class PdfPageView(QGraphicsView):
    finding_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPages")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.runner = None  # a TaskRunner; without one, pages render synchronously (tests, tiny files)
        self._layout: PdfLayout | None = None
        self._document: Document | None = None
        self._tops: list[float] = []
        self._pages: dict[int, QGraphicsPixmapItem] = {}  # rendered pages only
        self._paper: list[QRectF] = []
        self._rendered: dict[int, float] = {}
        self._pending: set[int] = set()
        self._boxes: dict[str, list[QGraphicsRectItem]] = {}
        self._rows: dict[str, FindingRow] = {}
        self._by_page: dict[int, list[FindingRow]] = {}
        self._drawn: set[int] = set()
        self._current: str | None = None
        self._selection: tuple[int, int] | None = None
        self._selection_items: list[QGraphicsRectItem] = []
        self._zoom = 1.0
        self._focus: QPointF | None = None  # the scene point of the current finding
        self._refresh = QTimer(self, singleShot=True, interval=60)
        self._refresh.timeout.connect(self._render_visible)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._refresh.start())
        self.rubberBandChanged.connect(self._on_rubber_band_changed)

    # -- document -------------------------------------------------------------------------------------
    def set_document(self, document: Document, layout: PdfLayout) -> None:
        scene = self.scene()
        scene.clear()
        self._document, self._layout = document, layout
        self._pages, self._tops, self._rendered, self._pending = {}, [], {}, set()
        self._boxes, self._rows, self._selection_items, self._selection = {}, {}, [], None
        self._by_page, self._drawn = {}, set()
        self._focus, self._zoom = None, 0.0
        self.resetTransform()
        y = 0.0
        width = max((w for w, _ in layout.sizes), default=595.0)
        self._paper = []  # blank pages are painted in drawBackground: no items for 300 pages up front
        for w, h in layout.sizes:
            x = (width - w) / 2
            self._paper.append(QRectF(x, y, w, h))
            self._tops.append(y)
            y += h + PAGE_GAP
        scene.setSceneRect(QRectF(-PAGE_GAP, -PAGE_GAP, width + 2 * PAGE_GAP, y + PAGE_GAP))
        self._fit_width()
        self.verticalScrollBar().setValue(0)
        self._refresh.start()

    def page_origin(self, page: int) -> QPointF:
        """Scene position of the top-left corner of 1-based `page`."""
        return self._paper[page - 1].topLeft()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt override
        painter.fillRect(rect, QColor("#e4e7eb"))
        if not self._tops:
            return
        first = max(0, bisect.bisect_right(self._tops, rect.top()) - 1)
        painter.setPen(QPen(QColor("#c9ced6"), 0))
        painter.setBrush(QBrush(Qt.GlobalColor.white))
        for paper in self._paper[first:]:
            if paper.top() > rect.bottom():
                break
            painter.drawRect(paper)

    def _page_item(self, index: int) -> QGraphicsPixmapItem:
        item = self._pages.get(index)
        if item is None:
            item = QGraphicsPixmapItem()
            item.setPos(self._paper[index].topLeft())
            item.setZValue(-1)
            item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            self.scene().addItem(item)
            self._pages[index] = item
        return item

    def _fit_width(self) -> None:
        if not self._layout or not self._layout.sizes:
            return
        width = max(w for w, _ in self._layout.sizes) + 2 * PAGE_GAP
        zoom = max(0.2, (self.viewport().width() - 4) / width)
        if abs(zoom - self._zoom) < 1e-3 and self.transform().m11() == zoom:
            return
        top = self.mapToScene(self.viewport().rect().topLeft()).y() if self._zoom else -PAGE_GAP
        self.resetTransform()
        self.scale(zoom, zoom)
        self._zoom = zoom
        if self._focus is not None:  # stay on the current finding
            self.centerOn(self._focus)
        else:  # keep the same line at the top (a new document starts at its first page)
            self.centerOn(QPointF(self.sceneRect().center().x(), top + self.viewport().height() / zoom / 2))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_width()
        self._refresh.start()

    # -- rendering ------------------------------------------------------------------------------------
    def _visible_pages(self) -> range:
        if not self._tops:
            return range(0)
        rect = self.mapToScene(self.viewport().rect()).boundingRect()
        first = max(0, bisect.bisect_right(self._tops, rect.top()) - 1)
        last = max(first, bisect.bisect_right(self._tops, rect.bottom()) - 1)
        return range(max(0, first - 1), min(len(self._tops), last + 2))

    def _render_visible(self) -> None:
        if not self._layout:
            return
        scale = self._zoom * self.devicePixelRatioF() * 1.25  # a little oversampling keeps CJK strokes crisp
        wanted = self._visible_pages()
        for index in wanted:
            self._draw_page(index + 1)
        for index in list(self._rendered):  # keep memory bounded on long documents
            if index not in wanted and abs(index - wanted.start) > 6:
                self.scene().removeItem(self._pages.pop(index))
                del self._rendered[index]
        for index in wanted:
            done = self._rendered.get(index)
            if index in self._pending or (done and abs(done - scale) / scale < 0.15):
                continue
            self._request(index, scale)

    def _request(self, index: int, scale: float) -> None:
        layout = self._layout
        assert layout is not None
        if self.runner is None:
            self._on_rendered(layout, index, scale, render_page(layout.path, index, scale))
            return
        from reviewer.ui.tasks import Lane

        self._pending.add(index)
        self.runner.submit(
            lambda _p, _c: render_page(layout.path, index, scale),
            lane=Lane.IO,
            label="render",
            cancellable=False,
            on_success=lambda image: self._on_rendered(layout, index, scale, image),
            on_error=lambda _e: self._pending.discard(index),
            owner=self,
        )

    def _on_rendered(self, layout: PdfLayout, index: int, scale: float, image: QImage) -> None:
        self._pending.discard(index)
        if layout is not self._layout:
            return  # another document was opened meanwhile
        item = self._page_item(index)
        item.setPixmap(QPixmap.fromImage(image))
        item.setScale(1 / scale)
        self._rendered[index] = scale

    def rendered_pages(self) -> list[int]:
        return sorted(self._rendered)

    # -- findings -------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[FindingRow]) -> None:
        """Boxes are drawn page by page when a page comes into view: a 300-page document with
        thousands of findings costs nothing until the reviewer looks at it."""
        scene = self.scene()
        for items in self._boxes.values():
            for item in items:
                scene.removeItem(item)
        self._boxes, self._drawn = {}, set()
        self._rows = {r.id: r for r in rows}
        self._by_page: dict[int, list[FindingRow]] = {}
        for row in rows:
            page = (row.finding.locator or {}).get("page")
            if page and page <= len(self._paper):
                self._by_page.setdefault(page, []).append(row)
        for index in self._visible_pages():
            self._draw_page(index + 1)

    def _draw_page(self, page: int) -> None:
        if page in self._drawn:
            return
        self._drawn.add(page)
        scene, origin = self.scene(), self.page_origin(page)
        for row in self._by_page.get(page, []):
            loc = row.finding.locator
            boxes = loc.get("boxes") or ([loc["bbox"]] if "bbox" in loc else [])
            items = []
            for rect in merge_line_boxes(boxes):
                item = QGraphicsRectItem(rect.adjusted(-1, -1, 1, 1).translated(origin))
                item.setData(_ROW_KEY, row.id)
                item.setToolTip(finding_tooltip(row))
                scene.addItem(item)
                items.append(item)
            self._boxes[row.id] = items
            self._style(row)

    def _style(self, row: FindingRow) -> None:
        colour = category_colour(row.finding.category)
        current = row.id == self._current
        for item in self._boxes.get(row.id, []):
            if row.state == ReviewState.REJECTED and not current:
                pen = QPen(QColor("#9aa0a6"), 0.8, Qt.PenStyle.DashLine)
                brush = QBrush(Qt.BrushStyle.NoBrush)
            else:
                pen = QPen(colour.darker(130) if current else colour, 2.2 if current else 1.0)
                fill = QColor(colour)
                fill.setAlpha(150 if current else 110 if row.state == ReviewState.ACCEPTED else 55)
                brush = QBrush(fill)
            pen.setCosmetic(True)
            item.setPen(pen)
            item.setBrush(brush)
            item.setZValue(2 if current else 1)

    def show_finding(self, row_id: str | None) -> None:
        previous, self._current = self._current, row_id
        for rid in (previous, row_id):
            if rid in self._rows:
                self._style(self._rows[rid])
        row = self._rows.get(row_id or "")
        if row is not None and (row.finding.locator or {}).get("page"):
            self._draw_page(row.finding.locator["page"])
        items = self._boxes.get(row_id or "")
        if items:
            rect = items[0].sceneBoundingRect()
            for item in items[1:]:
                rect = rect.united(item.sceneBoundingRect())
            self._focus = rect.center()
            self.centerOn(self._focus)
            self._refresh.start()

    def box_count(self, row_id: str) -> int:
        return len(self._boxes.get(row_id, []))

    # -- selection (for manual findings) --------------------------------------------------------------
    def _on_rubber_band_changed(self, rect, from_scene: QPointF, to_scene: QPointF) -> None:
        if rect.isNull() and not from_scene.isNull():
            return
        if not rect.isNull():
            self._pending_band = QRectF(from_scene, to_scene).normalized()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        band = getattr(self, "_pending_band", None)
        self._pending_band = None
        super().mouseReleaseEvent(event)
        if band is not None and band.width() > 3:
            self.select_rect(band)
            return
        for item in self.items(event.position().toPoint()):
            row_id = item.data(_ROW_KEY)
            if row_id:
                self.finding_clicked.emit(row_id)
                return

    def select_rect(self, scene_rect: QRectF) -> tuple[int, int] | None:
        """Select the characters whose centres fall inside `scene_rect` (one page)."""
        if self._document is None or not self._tops:
            return None
        index = max(0, bisect.bisect_right(self._tops, scene_rect.center().y()) - 1)
        local = scene_rect.translated(-self._paper[index].topLeft())
        hits = []
        for block in self._document.blocks:
            if block.page != index + 1 or not block.boxes:
                continue
            for i, box in enumerate(block.boxes):
                if box and local.contains(QPointF((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)):
                    hits.append(block.start + i)
        self._selection = (min(hits), max(hits) + 1) if hits else None
        self._draw_selection(index, local if hits else None)
        return self._selection

    def _draw_selection(self, index: int, local: QRectF | None) -> None:
        for item in self._selection_items:
            self.scene().removeItem(item)
        self._selection_items = []
        if local is not None:
            item = self.scene().addRect(
                local.translated(self._paper[index].topLeft()),
                QPen(QColor("#2f6fdf"), 0),
                QBrush(QColor(47, 111, 223, 40)),
            )
            item.setZValue(3)
            self._selection_items.append(item)

    def selected_span(self) -> tuple[int, int] | None:
        return self._selection

"""PDF pages rendered with pypdfium2, finding boxes drawn on the page, zoom and text selection.

The scene is in PDF points (origin top-left of the first page; pages stacked with a gap); the view's
scale is the zoom times the screen's pixels per point, so 100 % is the printed size. Pages are rendered
lazily, only those near the viewport, in the I/O pool, at the zoom's resolution (capped); a page far
from the viewport is dropped. pdfium is not thread-safe, so every pdfium call made by the UI holds the
core's `PDFIUM_LOCK` (the reader, the PDF writer and the verifier hold it too).
Finding boxes come from the locators the core gives (`page` plus one box per character, in points with a
top-left origin), merged per line, drawn as `finding_style` says (the legend uses the same drawing).

Mouse: a click on a box makes that finding current; Ctrl+click adds it to (or takes it from) the
selection; Ctrl+drag selects the findings inside the rectangle; a plain drag selects text along the
lines, as a PDF reader does (for a manual finding, M); a right click opens the finding's context menu.
Ctrl+wheel zooms about the pointer.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView, QWidget

from reviewer.core.documents.model import Document
from reviewer.core.documents.pdf.pdfium_lock import PDFIUM_LOCK  # noqa: F401 - re-exported (tests)
from reviewer.ui.finding_style import box_style, kind_of
from reviewer.ui.findings_table_model import FindingRow, finding_tooltip
from reviewer.ui.pdf_render import PdfLayout, merge_line_boxes, read_layout, render_page  # noqa: F401
from reviewer.ui.pdf_selection import TextSelection
from reviewer.ui.pdf_zoom import PAGE_GAP, ZOOM_STEPS, PageZoom  # noqa: F401 - ZOOM_STEPS: the text view's too

_ROW_KEY = 0
MAX_RENDER_SCALE = 4.0  # pixels per point of a rendered page (an A4 page: at most 2,380 × 3,368 pixels)
KEEP_PAGES = 6  # rendered pages kept beyond the visible ones, on each side


class PdfPageView(PageZoom, TextSelection, QGraphicsView):
    finding_clicked = Signal(str)
    finding_toggled = Signal(str)  # Ctrl+click: into or out of the selection
    findings_boxed = Signal(list)  # Ctrl+drag: the findings inside the rectangle
    context_menu_requested = Signal(QPoint, str)  # global position, the finding under it ("" if none)
    zoom_changed = Signal(float)
    text_selected = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPages")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.runner = None  # a TaskRunner; without one, pages render synchronously (tests, tiny files)
        self._layout: PdfLayout | None = None
        self._document: Document | None = None
        self._tops: list[float] = []
        self._pages: dict[int, QGraphicsPixmapItem] = {}  # rendered pages only
        self._paper: list[QRectF] = []
        self._rendered: dict[int, float] = {}
        self._pending: dict[int, float] = {}
        self._boxes: dict[str, list[QGraphicsRectItem]] = {}
        self._rows: dict[str, FindingRow] = {}
        self._by_page: dict[int, list[FindingRow]] = {}
        self._drawn: set[int] = set()
        self._current: str | None = None
        self._selected: set[str] = set()
        self._texts: dict = {}  # page index → PageText, read on the first press there
        self._selection: tuple[int, int] | None = None
        self._selection_items: list[QGraphicsRectItem] = []
        self._press: tuple[QPointF, int, int | None] | None = None  # scene point, page index, caret
        self._dragging = False
        self._band = False
        self.zoom = 1.0
        self.mode = "width"  # "width" | "page" | "fixed": what a resize keeps
        self._focus: QPointF | None = None  # the scene point of the current finding
        self._refresh = QTimer(self, singleShot=True, interval=60)
        self._refresh.timeout.connect(self._render_visible)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._refresh.start())
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self._refresh.start())

    # -- document -------------------------------------------------------------------------------------
    def set_document(self, document: Document, layout: PdfLayout) -> None:
        scene = self.scene()
        scene.clear()
        self._document, self._layout = document, layout
        self._pages, self._tops, self._rendered, self._pending = {}, [], {}, {}
        self._boxes, self._rows, self._selection_items, self._selection = {}, {}, [], None
        self._by_page, self._drawn, self._texts, self._selected = {}, set(), {}, set()
        self._focus, self._current = None, None
        y = 0.0
        width = max((w for w, _ in layout.sizes), default=595.0)
        self._paper = []  # blank pages are painted in drawBackground: no items for 300 pages up front
        for w, h in layout.sizes:
            x = (width - w) / 2
            self._paper.append(QRectF(x, y, w, h))
            self._tops.append(y)
            y += h + PAGE_GAP
        scene.setSceneRect(QRectF(-PAGE_GAP, -PAGE_GAP, width + 2 * PAGE_GAP, max(y, PAGE_GAP) + PAGE_GAP))
        self.mode = "width"
        self._apply_zoom(self._fit_zoom("width"), top=-PAGE_GAP)
        self._refresh.start()

    def page_origin(self, page: int) -> QPointF:
        """Scene position of the top-left corner of 1-based `page`."""
        return self._paper[page - 1].topLeft()

    def page_at(self, scene_y: float) -> int:
        """The 0-based index of the page at this height of the scene."""
        return max(0, bisect.bisect_right(self._tops, scene_y) - 1)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt override
        painter.fillRect(rect, QColor("#e4e7eb"))
        if not self._tops:
            return
        first = self.page_at(rect.top())
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

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.mode != "fixed" and self._paper:
            self._apply_zoom(self._fit_zoom(self.mode))
        self._refresh.start()

    # -- rendering ------------------------------------------------------------------------------------
    def visible_pages(self) -> range:
        if not self._tops:
            return range(0)
        rect = self.mapToScene(self.viewport().rect()).boundingRect()
        first = self.page_at(rect.top())
        last = max(first, self.page_at(rect.bottom()))
        return range(first, last + 1)

    def _render_visible(self) -> None:
        if not self._layout:
            return
        # one page pixel per screen pixel: drawn as a plain copy, no filtering on every repaint (pdfium
        # antialiases the text itself); very large zooms are capped (memory)
        scale = min(MAX_RENDER_SCALE, self.transform().m11() * self.devicePixelRatioF())
        visible = self.visible_pages()
        wanted = range(max(0, visible.start - 1), min(len(self._tops), visible.stop + 1))
        for index in wanted:
            self._draw_page(index + 1)
        for index in list(self._rendered):  # keep memory bounded on long documents
            if not wanted.start - KEEP_PAGES <= index < wanted.stop + KEEP_PAGES:
                self.scene().removeItem(self._pages.pop(index))
                del self._rendered[index]
        for index in sorted(wanted, key=lambda i: i not in visible):  # what is on screen first
            pending, done = self._pending.get(index), self._rendered.get(index)
            if any(s and abs(s - scale) / scale < 0.15 for s in (pending, done)):
                continue
            self._request(index, scale)

    def _request(self, index: int, scale: float) -> None:
        layout = self._layout
        assert layout is not None
        if self.runner is None:
            self._on_rendered(layout, index, scale, render_page(layout.path, index, scale))
            return
        from reviewer.ui.tasks import Lane

        self._pending[index] = scale
        self.runner.submit(
            lambda _p, _c: render_page(layout.path, index, scale),
            lane=Lane.IO,
            label="render",
            cancellable=False,
            on_success=lambda image: self._on_rendered(layout, index, scale, image),
            on_error=lambda _e: self._pending.pop(index, None),
            owner=self,
        )

    def _on_rendered(self, layout: PdfLayout, index: int, scale: float, image: QImage) -> None:
        if self._pending.get(index) == scale:
            del self._pending[index]
        if layout is not self._layout:
            return  # another document was opened meanwhile
        item = self._page_item(index)
        item.setPixmap(QPixmap.fromImage(image))
        item.setScale(1 / scale)
        self._rendered[index] = scale

    def rendered_pages(self) -> list[int]:
        return sorted(self._rendered)

    def render_scale(self, index: int) -> float | None:
        return self._rendered.get(index)

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
        self._by_page = {}
        for row in rows:
            page = (row.finding.locator or {}).get("page")
            if page and page <= len(self._paper):
                self._by_page.setdefault(page, []).append(row)
        for index in self.visible_pages():
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
        current = row.id == self._current
        pen, brush = box_style(row.finding.category, kind_of(row), current=current,
                               selected=row.id in self._selected)
        for item in self._boxes.get(row.id, []):
            item.setPen(pen)
            item.setBrush(brush)
            item.setZValue(2 if current else 1.5 if row.id in self._selected else 1)

    def set_selected(self, row_ids: set[str]) -> None:
        """Findings selected for a bulk action get a blue border."""
        changed = self._selected ^ row_ids
        self._selected = set(row_ids)
        for rid in changed:
            if rid in self._boxes and rid in self._rows:
                self._style(self._rows[rid])

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
            self.ensure_visible(rect)
            self._refresh.start()

    def ensure_visible(self, rect: QRectF) -> None:
        """Bring a finding into view at any zoom: centred when it is off screen or at an edge."""
        view = self.mapToScene(self.viewport().rect()).boundingRect()
        margin = 24 / max(self.transform().m11(), 1e-6)
        if not view.adjusted(margin, margin, -margin, -margin).contains(rect):
            self.centerOn(rect.center())

    def box_count(self, row_id: str) -> int:
        return len(self._boxes.get(row_id, []))

    def box_rect(self, row_id: str) -> QRectF | None:
        """The scene rectangle of a finding's first box (tests drive the mouse there)."""
        items = self._boxes.get(row_id)
        return items[0].sceneBoundingRect() if items else None

    def _finding_at(self, viewport_pos: QPoint) -> str:
        for item in self.items(viewport_pos):
            row_id = item.data(_ROW_KEY)
            if row_id:
                return str(row_id)
        return ""

    # -- mouse: click a finding, select text, Ctrl+drag a rectangle ----------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._press, self._dragging, self._band = None, False, False
        if event.button() != Qt.MouseButton.LeftButton or not self._tops:
            super().mousePressEvent(event)
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._band = True
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            super().mousePressEvent(event)
            return
        scene = self.mapToScene(event.position().toPoint())
        index = self.page_at(scene.y())
        self._press = (scene, index, self._caret(scene, index))
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            super().mouseMoveEvent(event)
            return
        start, index, anchor = self._press
        scene = self.mapToScene(event.position().toPoint())
        if not self._dragging and (scene - start).manhattanLength() * self.transform().m11() < 4:
            return
        self._dragging = True
        caret = self._caret(scene, index)  # a selection stays on the page it started on
        if anchor is not None and caret is not None:
            self._select_offsets(index, min(anchor, caret), max(anchor, caret))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._band:
            rubber = self.rubberBandRect()
            band = None if rubber.isNull() else self.mapToScene(rubber).boundingRect()
            super().mouseReleaseEvent(event)
            self.setDragMode(QGraphicsView.DragMode.NoDrag)  # the band is gone once the button is up
            self._band = False
            row_id = self._finding_at(event.position().toPoint())
            if band is not None and band.width() * self.transform().m11() > 3:
                self.findings_boxed.emit(self.findings_in(band))
            elif row_id:
                self.finding_toggled.emit(row_id)
            return
        press, dragging = self._press, self._dragging
        self._press, self._dragging = None, False
        if press is None:
            super().mouseReleaseEvent(event)
            return
        if dragging:
            if self._selection:
                self.text_selected.emit()
            return
        self.clear_selection()
        row_id = self._finding_at(event.position().toPoint())
        if row_id:
            self.finding_clicked.emit(row_id)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self._selection_items:  # Esc drops a text selection
            self.clear_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.context_menu_requested.emit(event.globalPos(), self._finding_at(event.pos()))
        event.accept()

    def findings_in(self, scene_rect: QRectF) -> list[str]:
        """Findings with a box inside or across the rectangle, in document order."""
        for index in range(self.page_at(scene_rect.top()), self.page_at(scene_rect.bottom()) + 1):
            self._draw_page(index + 1)
        ids = {str(i.data(_ROW_KEY)) for i in self.scene().items(scene_rect) if i.data(_ROW_KEY)}
        return sorted(ids, key=lambda i: (self._rows[i].finding.start, i) if i in self._rows else (0, i))

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(QRect(QPoint(0, 0), self.viewport().size())).boundingRect()

"""Text selection on the PDF page view by dragging along the lines (for a manual finding, M), drawn as
bands over the characters and cleared after use. A mixin of `PdfPageView` (which owns the scene and
the pages)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from reviewer.ui.pdf_render import merge_line_boxes
from reviewer.ui.pdf_text import PageText

SELECTION = QColor(47, 111, 223, 70)


class TextSelection:
    """Needs `_document`, `_paper`, `_tops`, `_texts`, `_selection`, `_selection_items`, `page_at` and
    `scene` from the view."""

    _selection: tuple[int, int] | None
    _selection_items: list[QGraphicsRectItem]

    def _page_text(self, index: int) -> PageText | None:
        if self._document is None:
            return None
        if index not in self._texts:
            self._texts[index] = PageText.of(self._document, index + 1)
        return self._texts[index]

    def _caret(self, scene: QPointF, index: int) -> int | None:
        text = self._page_text(index)
        if text is None:
            return None
        local = scene - self._paper[index].topLeft()
        return text.caret(local.x(), local.y())

    def _select_offsets(self, index: int, start: int, end: int) -> None:
        text = self._page_text(index)
        boxes = text.boxes_between(start, end) if text is not None and end > start else []
        self._selection = (start, end) if boxes else None
        self._draw_selection(index, merge_line_boxes(boxes))

    def select_rect(self, scene_rect: QRectF) -> tuple[int, int] | None:
        """Select the characters whose centres fall inside `scene_rect` (one page)."""
        if self._document is None or not self._tops:
            return None
        index = self.page_at(scene_rect.center().y())
        local = scene_rect.translated(-self._paper[index].topLeft())
        text = self._page_text(index)
        hits = text.inside(local.left(), local.top(), local.right(), local.bottom()) if text else []
        if hits:
            self._select_offsets(index, min(hits), max(hits) + 1)
        else:
            self.clear_selection()
        return self._selection

    def select_span(self, start: int, end: int) -> None:
        """Select [start, end) of the document text (on the page where it starts)."""
        if self._document is None:
            return
        page = self._document.block_at(start).page
        if page:
            self._select_offsets(page - 1, start, end)

    def _draw_selection(self, index: int, rects: list[QRectF]) -> None:
        for item in self._selection_items:
            self.scene().removeItem(item)
        self._selection_items = []
        origin = self._paper[index].topLeft()
        for rect in rects:
            item = self.scene().addRect(rect.translated(origin), QPen(Qt.PenStyle.NoPen), QBrush(SELECTION))
            item.setZValue(3)
            self._selection_items.append(item)

    def clear_selection(self) -> None:
        self._selection = None
        if self._selection_items:
            self._draw_selection(0, [])

    def selected_span(self) -> tuple[int, int] | None:
        return self._selection

    def selection_rects(self) -> list[QRectF]:
        return [i.rect() for i in self._selection_items]

"""Zoom of the PDF page view: steps, fit width, fit page, the printed size (100 %), Ctrl+wheel about the
pointer. A mixin of `PdfPageView` (which owns the scene, the pages and `mode`)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
PAGE_GAP = 14.0


class PageZoom:
    """Needs `_paper`, `_tops`, `_focus`, `zoom`, `mode`, `zoom_changed`, `_refresh` and `page_at` from
    the view."""

    def _points_to_pixels(self) -> float:
        """Screen pixels per PDF point at 100 % (a point is 1/72 inch)."""
        return max(1.0, self.logicalDpiX() / 72.0)

    def _fit_zoom(self, mode: str) -> float:
        if not self._paper:
            return 1.0
        width = max(p.width() for p in self._paper) + 2 * PAGE_GAP
        zoom = (self.viewport().width() - 4) / width / self._points_to_pixels()
        if mode == "page":
            height = max(p.height() for p in self._paper) + 2 * PAGE_GAP
            zoom = min(zoom, (self.viewport().height() - 4) / height / self._points_to_pixels())
        return max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))

    def _apply_zoom(self, zoom: float, *, anchor: QPoint | None = None, top: float | None = None) -> None:
        """Scale the view; the scene point under `anchor` (viewport pixels) stays under it, else the
        current finding stays in view, else the line at the top stays at the top."""
        zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
        viewport = self.viewport().rect()
        fixed = anchor if anchor is not None else viewport.center()
        before = self.mapToScene(fixed)
        if top is None and anchor is None:
            top = self.mapToScene(viewport.topLeft()).y()
        scale = zoom * self._points_to_pixels()
        self.resetTransform()
        self.scale(scale, scale)
        changed = abs(zoom - self.zoom) > 1e-6
        self.zoom = zoom
        if anchor is not None:
            after = self.mapToScene(fixed)
            self._scroll_by_scene(before - after)
        elif self._focus is not None and self.mode != "fixed" and not changed:
            self.centerOn(self._focus)
        else:
            left = self.sceneRect().center().x() if self.mode != "fixed" else before.x()
            self.centerOn(QPointF(left, (top or 0) + viewport.height() / scale / 2))
        if changed:
            self.zoom_changed.emit(zoom)
        self._refresh.start()

    def _scroll_by_scene(self, delta: QPointF) -> None:
        scale = self.transform().m11()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + round(delta.x() * scale))
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + round(delta.y() * scale))

    def set_zoom(self, zoom: float, anchor: QPoint | None = None) -> None:
        self.mode = "fixed"
        self._apply_zoom(zoom, anchor=anchor)

    def zoom_in(self, anchor: QPoint | None = None) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 1e-3), ZOOM_STEPS[-1]), anchor)

    def zoom_out(self, anchor: QPoint | None = None) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 1e-3), ZOOM_STEPS[0]), anchor)

    def fit_width(self) -> None:
        self.mode = "width"
        self._apply_zoom(self._fit_zoom("width"))

    def fit_page(self) -> None:
        self.mode = "page"
        centre = self.mapToScene(self.viewport().rect().center()).y()
        top = self._tops[self.page_at(centre)] if self._tops else 0
        self._apply_zoom(self._fit_zoom("page"), top=top - PAGE_GAP / 2)

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom * (1.15 ** steps), event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

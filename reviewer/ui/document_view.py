"""The document as the reviewer reads it, with findings highlighted by category.

docx and txt are shown as rich text (one paragraph per block; headers, footers, comments and
properties tinted so the reviewer sees where text lives); PDF pages are rendered (`PdfPageView`) with
finding boxes drawn on the page. Positions in the view map 1:1 to offsets in `Document.text`
(blocks are joined by one separator, as in the core), with a correction for characters outside the
BMP, which Qt counts as two UTF-16 units.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QStackedWidget, QTextEdit, QToolTip, QWidget

from reviewer.core.documents.model import BlockKind, Document, DocumentFormat
from reviewer.ui.finding_style import kind_of, text_format
from reviewer.ui.findings_table_model import FindingRow, finding_tooltip
from reviewer.ui.pdf_view import PdfPageView

_TINTED = {
    BlockKind.HEADER: "#eef3f8",
    BlockKind.FOOTER: "#eef3f8",
    BlockKind.COMMENT: "#fff7dc",
    BlockKind.FOOTNOTE: "#f3f3f3",
    BlockKind.ENDNOTE: "#f3f3f3",
    BlockKind.PROPERTY: "#f0eef6",
    BlockKind.TEXTBOX: "#eef6ee",
    BlockKind.ANNOTATION: "#fff7dc",
    BlockKind.OUTLINE: "#f0eef6",
    BlockKind.ATTACHMENT: "#f0eef6",
    BlockKind.CHART: "#eef6ee",
    BlockKind.DIAGRAM: "#eef6ee",
}


class _OffsetMap:
    """Python code-point offsets ↔ Qt UTF-16 positions (differ only after non-BMP characters)."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset) if self._astral else offset

    def from_qt(self, position: int) -> int:
        return position - bisect.bisect_left(self._astral_qt, position) if self._astral else position


VISIBLE_ALL = 400  # up to this many findings, all are highlighted at once
MARGIN_CHARS = 4000  # beyond the viewport, so that scrolling shows highlights at once


class TextDocumentView(QTextEdit):
    """Read-only rich text of a docx/txt document; findings as extra selections."""

    finding_clicked = Signal(str)
    finding_toggled = Signal(str)
    context_menu_requested = Signal(QPoint, str)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setObjectName("documentText")
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setMouseTracking(True)
        self._document: Document | None = None
        self._rows: list[FindingRow] = []
        self._starts: list[int] = []
        self._current: str | None = None
        self._selected: set[str] = set()
        self.zoom = 1.0
        self._base_size = 0.0
        self._map = _OffsetMap("")
        self._scrolled = QTimer(self, singleShot=True, interval=15)
        self._scrolled.timeout.connect(self._paint)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)

    def set_document(self, document: Document) -> None:
        self._document = document
        self._map = _OffsetMap(document.text)
        doc = QTextDocument(self)
        doc.setDocumentMargin(36)
        font = QFont(self.font())
        self._base_size = max(font.pointSizeF(), 10.5) + 1
        font.setPointSizeF(self._base_size * self.zoom)
        doc.setDefaultFont(font)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for i, block in enumerate(document.blocks):
            fmt = QTextBlockFormat()
            fmt.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            fmt.setBottomMargin(2)
            tint = _TINTED.get(block.kind)
            char = QTextCharFormat()
            if tint:
                fmt.setBackground(QColor(tint))
                fmt.setLeftMargin(12)
                char.setForeground(QColor("#4a5568"))
            if i == 0:
                cursor.setBlockFormat(fmt)
            else:
                cursor.insertBlock(fmt)
            cursor.insertText(block.text.replace("\r", ""), char)
        cursor.endEditBlock()
        self.setDocument(doc)
        self._rows, self._starts, self._current = [], [], None
        self.setExtraSelections([])

    def set_rows(self, rows: Sequence[FindingRow]) -> None:
        self._rows = sorted(rows, key=lambda r: r.finding.start)
        self._starts = [r.finding.start for r in self._rows]
        if len(self._rows) > VISIBLE_ALL:
            self._scrolled.start()  # after the layout has run: positions under the viewport are known then
        else:
            self._paint()

    def show_finding(self, row_id: str | None) -> None:
        self._current = row_id
        row = next((r for r in self._rows if r.id == row_id), None)
        if row is not None:
            cursor = self._cursor(row.finding.start, row.finding.end)
            probe = QTextCursor(cursor)
            probe.setPosition(cursor.selectionStart())
            self.setTextCursor(probe)
            self.ensureCursorVisible()
            rect = self.cursorRect(probe)
            bar = self.verticalScrollBar()  # centre the finding rather than leave it at the edge
            bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)
        self._scrolled.stop()
        self._paint()

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._map.from_qt(cursor.selectionStart()), self._map.from_qt(cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        self.setTextCursor(self._cursor(start, end))

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _visible_rows(self) -> list[FindingRow]:
        """The findings near the viewport: highlighting all of a 200-page document's findings on every
        key press cost 200 ms; only what can be seen (with a margin) is handed to Qt."""
        if len(self._rows) <= VISIBLE_ALL:
            return self._rows
        viewport = self.viewport().rect()
        top = self._map.from_qt(self.cursorForPosition(viewport.topLeft()).position())
        bottom = self._map.from_qt(self.cursorForPosition(viewport.bottomRight()).position())
        bottom = min(bottom, top + 4 * MARGIN_CHARS)  # (before the first layout, "bottom" is the end)
        first = bisect.bisect_left(self._starts, top - MARGIN_CHARS)
        last = bisect.bisect_right(self._starts, bottom + MARGIN_CHARS)
        rows = self._rows[first:last]
        current = next((r for r in self._rows if r.id == self._current), None) if self._current else None
        if current is not None and current not in rows:
            rows.append(current)
        return rows

    def _paint(self) -> None:
        selections = []
        for row in self._visible_rows():
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor(row.finding.start, row.finding.end)
            sel.format = text_format(row.finding.category, kind_of(row), current=row.id == self._current,
                                     selected=row.id in self._selected)
            selections.append(sel)
        self.setExtraSelections(selections)

    def set_selected(self, row_ids: set[str]) -> None:
        if row_ids != self._selected:
            self._selected = set(row_ids)
            self._paint()

    # zoom: the text's point size (Ctrl+wheel, Ctrl++ / Ctrl+-, Ctrl+0)
    def set_zoom(self, zoom: float, _anchor=None) -> None:  # noqa: ANN001
        from reviewer.ui.pdf_view import ZOOM_STEPS

        self.zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
        if self._base_size:
            font = QFont(self.document().defaultFont())
            font.setPointSizeF(self._base_size * self.zoom)
            self.document().setDefaultFont(font)
        self.zoom_changed.emit(self.zoom)

    def zoom_in(self) -> None:
        from reviewer.ui.pdf_view import ZOOM_STEPS

        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 1e-3), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        from reviewer.ui.pdf_view import ZOOM_STEPS

        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 1e-3), ZOOM_STEPS[0]))

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    fit_width = fit_page = actual_size  # text reflows to the width: its natural size fits

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom * (1.15 ** steps))
            event.accept()
            return
        super().wheelEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        row = self._row_at_offset(self._map.from_qt(self.cursorForPosition(event.pos()).position()))
        self.context_menu_requested.emit(event.globalPos(), row.id if row is not None else "")
        event.accept()

    def _on_scroll(self, _value: int) -> None:
        if len(self._rows) > VISIBLE_ALL:
            self._scrolled.start()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._on_scroll(0)

    def _row_at_offset(self, offset: int) -> FindingRow | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0:
            row = self._rows[i]
            if row.finding.start <= offset < row.finding.end:
                return row
            if self._rows[i].finding.end < offset - 200:
                break
            i -= 1
        return None

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if not self.textCursor().hasSelection():
            row = self._row_at_offset(
                self._map.from_qt(self.cursorForPosition(event.position().toPoint()).position())
            )
            if row is not None and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.finding_toggled.emit(row.id)
            elif row is not None:
                self.finding_clicked.emit(row.id)

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip:
            pos = self.cursorForPosition(event.pos()).position()
            row = self._row_at_offset(self._map.from_qt(pos))
            if row is not None:
                QToolTip.showText(event.globalPos(), finding_tooltip(row), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


class DocumentView(QStackedWidget):
    """Shows a document in the right view for its format; same interface for both."""

    finding_clicked = Signal(str)
    finding_toggled = Signal(str)
    findings_boxed = Signal(list)
    context_menu_requested = Signal(QPoint, str)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_view = TextDocumentView(self)
        self.pdf_view = PdfPageView(self)
        self.addWidget(self.text_view)
        self.addWidget(self.pdf_view)
        for view in (self.text_view, self.pdf_view):
            view.finding_clicked.connect(self.finding_clicked)
            view.finding_toggled.connect(self.finding_toggled)
            view.context_menu_requested.connect(self.context_menu_requested)
            view.zoom_changed.connect(self.zoom_changed)
        self.pdf_view.findings_boxed.connect(self.findings_boxed)
        self.document: Document | None = None

    @property
    def active(self) -> TextDocumentView | PdfPageView:
        return self.currentWidget()  # type: ignore[return-value]

    def set_document(self, document: Document, layout=None) -> None:
        """`layout` is the PDF page layout prepared off the GUI thread (`pdf_view.read_layout`)."""
        self.document = document
        if document.format == DocumentFormat.PDF and layout is not None:
            self.pdf_view.set_document(document, layout)
            self.setCurrentWidget(self.pdf_view)
        else:
            self.text_view.set_document(document)
            self.setCurrentWidget(self.text_view)
        self.zoom_changed.emit(self.active.zoom)

    def set_rows(self, rows: Sequence[FindingRow]) -> None:
        self.active.set_rows(rows)

    def show_finding(self, row_id: str | None) -> None:
        self.active.show_finding(row_id)

    def set_selected(self, row_ids: set[str]) -> None:
        self.active.set_selected(row_ids)

    def selected_span(self) -> tuple[int, int] | None:
        return self.active.selected_span()

    def clear_selection(self) -> None:
        view = self.active
        if isinstance(view, PdfPageView):
            view.clear_selection()
        else:
            cursor = view.textCursor()
            cursor.clearSelection()
            view.setTextCursor(cursor)

    @property
    def zoom(self) -> float:
        return self.active.zoom

    def zoom_in(self) -> None:
        self.active.zoom_in()

    def zoom_out(self) -> None:
        self.active.zoom_out()

    def fit_width(self) -> None:
        self.active.fit_width()

    def fit_page(self) -> None:
        self.active.fit_page()

    def actual_size(self) -> None:
        self.active.actual_size()

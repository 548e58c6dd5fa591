"""Small building blocks of the window: icons, docks, the de-identified preview, the welcome page."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.resources import resource

ICONS = resource("icons")


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(ICONS / f"{name}.svg"))


def dock(window: QMainWindow, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
    d = QDockWidget(window, objectName=name)
    d.setWidget(widget)
    d.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    window.addDockWidget(area, d)
    return d


_BODY = {"paragraph", "table_cell", "page", "line"}


def block_label(kind: str) -> str:
    """Where a preview block sits, for blocks outside the body (headers, comments, metadata)."""
    from PySide6.QtCore import QCoreApplication

    return {
        "header": QCoreApplication.translate("Preview", "Header"),
        "footer": QCoreApplication.translate("Preview", "Footer"),
        "comment": QCoreApplication.translate("Preview", "Comment"),
        "footnote": QCoreApplication.translate("Preview", "Footnote"),
        "endnote": QCoreApplication.translate("Preview", "Endnote"),
        "textbox": QCoreApplication.translate("Preview", "Text box"),
        "property": QCoreApplication.translate("Preview", "Document property"),
        "annotation": QCoreApplication.translate("Preview", "Annotation"),
        "outline": QCoreApplication.translate("Preview", "Bookmark"),
        "attachment": QCoreApplication.translate("Preview", "Attachment"),
        "hyperlink": QCoreApplication.translate("Preview", "Link target"),
        "alt_text": QCoreApplication.translate("Preview", "Alt text"),
        "chart": QCoreApplication.translate("Preview", "Chart"),
        "diagram": QCoreApplication.translate("Preview", "SmartArt"),
    }.get(kind, kind)


def preview_text(blocks) -> str:  # noqa: ANN001 - core PreviewBlocks
    """The copy's text block by block, the places outside the body labelled."""
    out = []
    for block in blocks:
        if block.kind in _BODY:
            out.append(block.text)
        else:
            where = f" {block.path}" if block.kind == "property" else ""
            out.append(f"〔{block_label(block.kind)}{where}〕{block.text}")
    return "\n".join(out)


class PreviewPane(QWidget):
    """The copy as it will be published, next to the original: made by the export's writer from the
    same plan (for a PDF, the current page rendered with its boxes), refreshed after each decision."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(objectName="previewTitle")
        self.text = QPlainTextEdit(objectName="previewText")
        self.text.setReadOnly(True)
        font = QFont(self.text.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5) + 1)
        self.text.setFont(font)
        self.text.document().setDocumentMargin(24)
        self.page = QLabel(objectName="previewPage")
        self.page.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_scroll = QScrollArea(objectName="previewPageScroll")
        self.page_scroll.setWidget(self.page)
        self.page_scroll.setWidgetResizable(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.text)
        self.stack.addWidget(self.page_scroll)
        self.page_number: int | None = None
        self.page_scale = 1.0
        self._image = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        self.retranslate()

    def retranslate(self) -> None:
        if self.page_number is None:
            self.title.setText(self.tr("Preview of the copy (as exported)"))
        else:
            self.title.setText(self.tr("Preview of the copy, page %1 (as exported)").replace("%1", str(self.page_number)))

    def set_text(self, text: str) -> None:
        self.page_number = None
        self.stack.setCurrentWidget(self.text)
        bar = self.text.verticalScrollBar()
        position = bar.value()
        self.text.setPlainText(text)
        bar.setValue(position)
        self.retranslate()

    def set_page(self, preview) -> None:  # noqa: ANN001 - a core PagePreview
        from PySide6.QtGui import QImage

        image = QImage(preview.rgb, preview.width, preview.height, preview.width * 3, QImage.Format.Format_RGB888)
        self._image = image.copy()  # owns its pixels (the bytes object may go)
        self.page_number = preview.page
        self.page_scale = preview.scale  # pixels of `page_image()` per PDF point
        self.stack.setCurrentWidget(self.page_scroll)
        self._fit()
        self.retranslate()

    def _fit(self) -> None:
        """The page at the pane's width (never enlarged beyond its rendering)."""
        if self._image is None or self.stack.currentWidget() is not self.page_scroll:
            return
        from PySide6.QtGui import QPixmap

        width = max(120, self.page_scroll.viewport().width() - 8)
        self.page.setPixmap(QPixmap.fromImage(self._image).scaledToWidth(
            min(width, self._image.width()), Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def page_image(self):  # noqa: ANN201 - the QImage shown (full resolution), for tests and screenshots
        return self._image

    def set_message(self, message: str) -> None:
        self.page_number = None
        self.stack.setCurrentWidget(self.text)
        self.text.setPlainText(message)
        self.retranslate()


class WelcomePage(QWidget):
    """Shown when no document is open: where to start, and the recent files."""

    open_requested = Signal(str)
    choose_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.logo = QLabel(objectName="welcomeLogo")
        self.logo.setPixmap(icon("app").pixmap(72, 72))
        self.logo.setMinimumHeight(84)
        self.heading = QLabel(objectName="welcomeHeading")
        self.hint = QLabel(objectName="welcomeHint")
        self.hint.setWordWrap(True)
        self.open_button = QPushButton(icon("open"), "", objectName="welcomeOpen")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.choose_requested)
        self.recent_title = QLabel(objectName="welcomeRecentTitle")
        self.recent = QListWidget(objectName="welcomeRecent")
        self.recent.itemActivated.connect(
            lambda item: self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        column = QWidget()
        column.setFixedWidth(600)
        inner = QVBoxLayout(column)
        inner.setSpacing(14)
        for widget in (self.logo, self.heading, self.hint):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            inner.addWidget(widget)
        inner.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addSpacing(18)
        inner.addWidget(self.recent_title)
        inner.addWidget(self.recent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def retranslate(self, recent: list[str]) -> None:
        self.heading.setText(self.tr("Confidentiality review before publication"))
        self.hint.setText(
            self.tr(
                "Drop a .docx, .pdf or .txt document here, or press Ctrl+O to open one. "
                "Press F1 for the keyboard shortcuts."
            )
        )
        self.open_button.setText(self.tr("Open document…"))
        self.recent_title.setText(self.tr("Recent files"))
        self.recent.clear()
        for path in recent:
            item = QListWidgetItem(f"{Path(path).name}    {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setIcon(icon("open"))
            self.recent.addItem(item)
        self.recent.setFixedHeight(min(8, max(1, len(recent))) * 28 + 6)
        self.recent_title.setVisible(bool(recent))
        self.recent.setVisible(bool(recent))


class TitledPane(QWidget):
    """A pane with a one-line title bar (the original and the de-identified preview side by side)."""

    def __init__(self, widget: QWidget, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(objectName=name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(widget, 1)


class TaskProgress(QWidget):
    """Status-bar progress and cancel for the task the window is waiting for (open, detect, export).

    Background chores (rendering, preview, panel refresh) run through the same runner untracked."""

    finished = Signal()

    def __init__(self, runner, cancel_action, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = None
        self.bar = QProgressBar(objectName="taskProgress")
        self.bar.setMaximumWidth(240)
        self.bar.setTextVisible(True)
        self.cancel_button = QToolButton(objectName="cancelTask")
        self.cancel_button.setDefaultAction(cancel_action)
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.bar.hide()
        self.cancel_button.hide()
        runner.task_progressed.connect(self._on_runner_task_progressed)
        runner.task_finished.connect(self._on_runner_task_finished)

    def track(self, handle) -> None:
        self.current = handle
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.bar.setFormat(handle.info.label)
        self.bar.show()
        self.cancel_button.setVisible(handle.info.cancellable)

    def cancel(self) -> None:
        if self.current is not None:
            self.current.cancel()

    def _on_runner_task_progressed(self, info, done: int, total: int) -> None:
        if self.current is not None and info.id == self.current.info.id and total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.bar.setFormat(f"{info.label} %p%")

    def _on_runner_task_finished(self, info) -> None:
        if self.current is not None and info.id == self.current.info.id:
            self.current = None
            self.bar.hide()
            self.cancel_button.hide()
            self.finished.emit()

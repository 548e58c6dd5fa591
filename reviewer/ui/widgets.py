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


class PreviewPane(QWidget):
    """The de-identified text next to the original, refreshed after each decision."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(objectName="previewTitle")
        self.text = QPlainTextEdit(objectName="previewText")
        self.text.setReadOnly(True)
        font = QFont(self.text.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5) + 1)
        self.text.setFont(font)
        self.text.document().setDocumentMargin(24)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("De-identified preview"))

    def set_text(self, text: str) -> None:
        bar = self.text.verticalScrollBar()
        position = bar.value()
        self.text.setPlainText(text)
        bar.setValue(position)

    def set_message(self, message: str) -> None:
        self.text.setPlainText(message)


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

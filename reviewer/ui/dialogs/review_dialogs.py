"""Small dialogs of the keyboard review: reject with a reason, edit a span, add a manual finding."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.types import EntityType
from reviewer.ui.labels import entity_type_name

CONTEXT = 24


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class RejectDialog(QDialog):
    """A rejection needs a reason (it goes into the review log)."""

    def __init__(self, finding_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reject finding"))
        self.reason = QComboBox(objectName="rejectReason")
        self.reason.setEditable(True)
        self.reason.addItems(
            [
                self.tr("Not personal information"),
                self.tr("Wrongly detected"),
                self.tr("Must stay: punitive notice"),
                self.tr("Must stay: mandatory disclosure"),
                self.tr("Already public"),
            ]
        )
        self.reason.setCurrentIndex(-1)
        self.reason.lineEdit().setPlaceholderText(self.tr("Why does this text stay as it is?"))
        self.buttons = _buttons(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Finding:"), QLabel(f"<b>{finding_text}</b>"))
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.buttons)
        self.reason.editTextChanged.connect(self._update)
        self._update()
        self.resize(440, self.sizeHint().height())

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text()))

    def text(self) -> str:
        return self.reason.currentText().strip()


class SpanDialog(QDialog):
    """Select the exact span in the surrounding text (Shift+arrows or the mouse)."""

    def __init__(self, text: str, start: int, end: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._base = max(0, start - CONTEXT)
        stop = min(len(text), end + CONTEXT)
        self.context = QLineEdit(text[self._base : stop].replace("\n", "⏎"), objectName="spanContext")
        self.context.setReadOnly(True)
        self.context.setMinimumWidth(460)
        self.set_span(start, end)
        self.entity_type = QComboBox(objectName="spanType")
        for t in EntityType:
            self.entity_type.addItem(entity_type_name(t), str(t))
        self.entity_type.setCurrentIndex(self.entity_type.findData(str(EntityType.MANUAL)))
        self.note = QLineEdit(objectName="spanNote")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Select the exact text (Shift+arrow keys or the mouse):")))
        layout.addWidget(self.context)
        form = QFormLayout()
        form.addRow(self.tr("Type:"), self.entity_type)
        form.addRow(self.tr("Note:"), self.note)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def set_span(self, start: int, end: int) -> None:
        self.context.setSelection(start - self._base, end - start)

    def span(self) -> tuple[int, int] | None:
        if not self.context.hasSelectedText():
            return None
        start = self._base + self.context.selectionStart()
        return start, start + self.context.selectionLength()

    def chosen_type(self) -> str:
        return str(self.entity_type.currentData())

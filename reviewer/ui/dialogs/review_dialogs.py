"""Small dialogs of the keyboard review: reject with a reason, edit a span, add a manual finding."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.review.reasons import REJECT_REASONS, reason_code, reason_label
from reviewer.core.types import EntityType
from reviewer.ui.labels import entity_type_name

CONTEXT = 24


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class RejectDialog(QDialog):
    """A rejection needs a reason (it goes into the review log). A preset is stored as its code
    (review/reasons.py), so the record shows it in its own language; a reason typed by hand as typed."""

    def __init__(self, finding_text: str, parent: QWidget | None = None, *, language: str = "zh",
                 suggestion: str = "") -> None:
        """`suggestion`: a reason offered already filled in (the reviewer confirms it with Enter)."""
        super().__init__(parent)
        self.setObjectName("rejectDialog")
        self.setWindowTitle(self.tr("Reject finding"))
        self.reason = QComboBox(objectName="rejectReason")
        self.reason.setEditable(True)
        if suggestion:
            self.reason.addItem(suggestion)
        for code in REJECT_REASONS:
            self.reason.addItem(reason_label(code, language), code)
        self.reason.setCurrentIndex(0 if suggestion else -1)
        self.reason.lineEdit().setPlaceholderText(self.tr("Why does this text stay as it is?"))
        self.reason.setCompleter(None)  # Enter confirms a reason offered selected (a completer would take it)
        self.reason.lineEdit().selectAll()
        self.buttons = _buttons(self)
        form = QFormLayout(self)
        finding = QLabel(f"<b>{_escape(finding_text)}</b>", objectName="rejectFinding")
        finding.setWordWrap(True)
        form.addRow(self.tr("Finding:"), finding)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.buttons)
        self.reason.editTextChanged.connect(self._update)
        self._update()
        self.resize(440, self.sizeHint().height())

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text()))

    def text(self) -> str:
        return self.reason.currentText().strip()

    def reason_code(self) -> str:
        """What the decision stores: a preset's code when its text is unchanged, else the text typed."""
        return reason_code(self.text())


class SpanDialog(QDialog):
    """Choose the exact span in the surrounding text.

    The span lives in the Start/End fields, not in the text widget's selection: selecting in the
    context (mouse or Shift+arrows) sets them, and moving to the note or changing the type cannot
    lose it (a selection used to vanish with the focus, and OK then silently did nothing). OK stays
    disabled, with the reason shown, until the span is valid.
    """

    def __init__(self, text: str, start: int, end: int, title: str, parent: QWidget | None = None, *,
                 original: tuple[int, int] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._text = text
        self._original = original  # editing: the finding's span (an unchanged span is not an edit)
        self._base = max(0, start - CONTEXT)
        stop = min(len(text), end + CONTEXT)
        self.context = QPlainTextEdit(objectName="spanContext")
        self.context.setPlainText(text[self._base : stop])
        self.context.setReadOnly(True)
        self.context.setTabChangesFocus(True)
        self.context.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.context.setMinimumWidth(460)
        self.context.setFixedHeight(self.context.fontMetrics().lineSpacing() * 4 + 16)
        self.start = QSpinBox(objectName="spanStart")
        self.end = QSpinBox(objectName="spanEnd")
        for box in (self.start, self.end):
            box.setRange(self._base, stop)
            box.setButtonSymbols(QSpinBox.ButtonSymbols.UpDownArrows)
        self.selected = QLabel(objectName="spanSelected")
        self.selected.setWordWrap(True)
        self.entity_type = QComboBox(objectName="spanType")
        for t in EntityType:
            self.entity_type.addItem(entity_type_name(t), str(t))
        self.entity_type.setCurrentIndex(self.entity_type.findData(str(EntityType.MANUAL)))
        self.note = QLineEdit(objectName="spanNote")
        self.problem = QLabel(objectName="spanProblem")
        self.problem.setStyleSheet("color: #b42318")
        self.problem.setWordWrap(True)
        self.buttons = _buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Select the exact text (Shift+arrow keys or the mouse):")))
        layout.addWidget(self.context)
        form = QFormLayout()
        bounds = QHBoxLayout()
        bounds.addWidget(QLabel(self.tr("Start:")))
        bounds.addWidget(self.start)
        bounds.addWidget(QLabel(self.tr("End:")))
        bounds.addWidget(self.end)
        bounds.addStretch(1)
        form.addRow(self.tr("Span:"), bounds)
        form.addRow(self.tr("Selected:"), self.selected)
        form.addRow(self.tr("Type:"), self.entity_type)
        form.addRow(self.tr("Note:"), self.note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.context.selectionChanged.connect(self._on_context_selection_changed)
        self.start.valueChanged.connect(self._update)
        self.end.valueChanged.connect(self._update)
        self.note.textChanged.connect(self._update)
        # select in the context, then the note: Tab and Shift+Tab move between the two
        QWidget.setTabOrder(self.context, self.note)
        QWidget.setTabOrder(self.note, self.entity_type)
        QWidget.setTabOrder(self.entity_type, self.start)
        QWidget.setTabOrder(self.start, self.end)
        self.set_span(start, end)

    def set_span(self, start: int, end: int) -> None:
        self.start.blockSignals(True)
        self.start.setValue(start)
        self.start.blockSignals(False)
        self.end.setValue(end)
        self._update()

    def _on_context_selection_changed(self) -> None:
        cursor = self.context.textCursor()
        if cursor.hasSelection():  # a click that clears the selection leaves the span as it was
            self.set_span(self._base + cursor.selectionStart(), self._base + cursor.selectionEnd())

    def _highlight(self, start: int, end: int) -> None:
        from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

        cursor = QTextCursor(self.context.document())
        cursor.setPosition(max(0, start - self._base))
        cursor.setPosition(max(0, end - self._base), QTextCursor.MoveMode.KeepAnchor)
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffd166"))
        mark.format = fmt
        self.context.setExtraSelections([mark])

    def problem_text(self) -> str:
        start, end = self.start.value(), self.end.value()
        if end <= start:
            return self.tr("Choose at least one character: the end must come after the start.")
        if "\n" in self._text[start:end]:
            return self.tr("A span cannot cross a line or cell boundary; choose text within one line.")
        if not self._text[start:end].strip():
            return self.tr("The chosen text is only blanks.")
        if self._original is not None and (start, end) == tuple(self._original) and not self.note.text().strip():
            return self.tr("The span is unchanged: change it, or write a note to accept the finding with it.")
        return ""

    def _update(self) -> None:
        start, end = self.start.value(), self.end.value()
        self.selected.setText(f"<b>{_escape(self._text[start:end])}</b>" if end > start else "—")
        self._highlight(start, max(start, end))
        problem = self.problem_text()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:  # noqa: D102 - Enter with an invalid span keeps the dialog open
        if self.problem_text():
            self._update()
            return
        super().accept()

    def span(self) -> tuple[int, int] | None:
        """The chosen span, or None while it is not a valid one."""
        start, end = self.start.value(), self.end.value()
        if end <= start or "\n" in self._text[start:end] or not self._text[start:end].strip():
            return None
        return start, end

    def chosen_type(self) -> str:
        return str(self.entity_type.currentData())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "⏎")


def grows_into_other_text(text: str, old: tuple[int, int], new: tuple[int, int]) -> str:
    """The text a span edit adds beyond the finding, when it is more than a little (the reviewer is
    asked to confirm: a span grown over unrelated words would remove them from the copy)."""
    added = text[new[0]:max(new[0], old[0])] + text[min(new[1], old[1]):new[1]]
    added = added.strip()
    return added if len(added) > max(3, (old[1] - old[0]) // 2) else ""

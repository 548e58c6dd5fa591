"""Export: the verified de-identified copy and/or the review log (保密审查记录) in chosen formats."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

LOG_FORMATS = ("docx", "pdf", "csv", "json")


_COPY_SUFFIX = {".doc": ".docx", ".wps": ".docx", ".rtf": ".docx", ".odt": ".docx"}  # exported as docx (writers.OUTPUT_FORMAT)


class ExportDialog(QDialog):
    def __init__(self, *, source: Path, folder: Path, copy: bool = True, logs: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.setWindowTitle(self.tr("Export"))
        self.folder = QLineEdit(str(folder), objectName="exportFolder")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.copy = QCheckBox(
            self.tr("De-identified copy (verified before it is written)"), objectName="exportCopy"
        )
        self.copy.setChecked(copy)
        self.logs = {fmt: QCheckBox(fmt.upper(), objectName=f"exportLog_{fmt}") for fmt in LOG_FORMATS}
        for fmt in ("docx", "pdf") if logs is None else logs:
            if fmt in self.logs:
                self.logs[fmt].setChecked(True)
        logs = QHBoxLayout()
        for box in self.logs.values():
            logs.addWidget(box)
        logs.addStretch(1)
        note = QLabel(
            self.tr(
                "The original file is never changed. A copy is written only after an independent check "
                "finds none of the removed values left in any part of it. That check covers the removed values: "
                "what detection did not find is not covered."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #57606a")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Folder:"), row)
        form.addRow(self.copy)
        form.addRow(self.tr("Review log:"), logs)
        form.addRow(note)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def copy_path(self) -> Path | None:
        if not self.copy.isChecked():
            return None
        return Path(self.folder.text()) / f"{self.source.stem}.deidentified{_COPY_SUFFIX.get(self.source.suffix.lower(), self.source.suffix)}"

    def log_paths(self) -> dict[str, Path]:
        return {
            fmt: Path(self.folder.text()) / f"{self.source.stem}.review-log.{fmt}"
            for fmt, box in self.logs.items()
            if box.isChecked()
        }


class OverrideDialog(QDialog):
    """The export gate's refusal, with the one way through: a reason, recorded in the audit log."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QPlainTextEdit

        super().__init__(parent)
        self.setObjectName("overrideDialog")
        self.setWindowTitle(self.tr("Export refused: classified content"))
        text = QLabel(message, objectName="overrideMessage")
        text.setWordWrap(True)
        self.reason_edit = QPlainTextEdit(objectName="overrideReason")
        self.reason_edit.setPlaceholderText(self.tr("Why this copy must be exported anyway (recorded in the audit log)"))
        self.reason_edit.setMaximumHeight(90)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.override = self.buttons.addButton(self.tr("Export anyway with this reason"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.override.setObjectName("overrideButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.hint = QLabel(self.tr("Write a reason to enable the override."), objectName="overrideHint")
        self.hint.setStyleSheet("color: #57606a")
        form = QFormLayout(self)
        form.addRow(text)
        form.addRow(self.tr("Reason:"), self.reason_edit)
        form.addRow(self.hint)
        form.addRow(self.buttons)
        self.reason_edit.textChanged.connect(self._update)
        self._update()
        self.resize(560, self.sizeHint().height())

    def _update(self) -> None:
        ok = bool(self.reason())
        self.override.setEnabled(ok)
        self.hint.setVisible(not ok)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def accept(self) -> None:  # noqa: D102 - never through without a reason
        if self.reason():
            super().accept()

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
    def __init__(self, *, source: Path, folder: Path, parent: QWidget | None = None) -> None:
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
        self.copy.setChecked(True)
        self.logs = {fmt: QCheckBox(fmt.upper(), objectName=f"exportLog_{fmt}") for fmt in LOG_FORMATS}
        self.logs["docx"].setChecked(True)
        self.logs["pdf"].setChecked(True)
        logs = QHBoxLayout()
        for box in self.logs.values():
            logs.addWidget(box)
        logs.addStretch(1)
        note = QLabel(
            self.tr(
                "The original file is never changed. A copy is written only after an independent check "
                "finds none of the removed values left in it."
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

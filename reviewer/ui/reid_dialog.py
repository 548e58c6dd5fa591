"""The roster re-identification check of the open document (Review → Roster re-identification check).

Hosts `ReidPanel` over the core's check of the document's tables as the review's current plan publishes
them (`core/service/reidentify.check_document`). The panel's generalisation steps re-run the check to show
what a coarser column would achieve; they do not change the export, and the dialog says so: the copy
follows the reviewer's decisions and the profile.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from reviewer.ui.reid_panel import ReidPanel


class ReidDialog(QDialog):
    def __init__(self, result, parent=None) -> None:  # noqa: ANN001 - core ReidResult
        super().__init__(parent)
        self.setObjectName("reidDialog")
        self.panel = ReidPanel(self)
        self.panel.set_result(result)
        self.note = QLabel(objectName="reidNote")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(900, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Roster re-identification check"))
        self.note.setText(self.tr(
            "The check reads the tables as the copy would publish them with the current decisions. "
            "A generalisation step here only shows its effect on the check; the export follows the "
            "decisions and the profile: to publish a column less precisely, change the operator of its "
            "findings or the profile's roster section, then check again."))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

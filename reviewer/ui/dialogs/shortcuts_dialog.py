"""The keyboard reference (F1 / ?): every review shortcut in one table."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)


class ShortcutsDialog(QDialog):
    def __init__(self, actions, parent=None) -> None:
        """`actions`: the window's QActions that have shortcuts (their text is already translated)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [
            (a.text().replace("&", ""), a.shortcut().toString())
            for a in actions
            if not a.shortcut().isEmpty()
        ]
        self.table = QTableWidget(len(rows), 2, self, objectName="shortcutTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Key")])
        for i, (label, key) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(label))
            self.table.setItem(i, 1, QTableWidgetItem(key))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(420, 460)

"""The keyboard reference (F1 / ?): every review shortcut in one table."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
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
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        import re

        rows = [
            (re.sub(r"\(&.\)", "", a.text()).replace("&", ""),
             a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for a in actions
            if not a.shortcut().isEmpty()
        ]
        rows += [  # the mouse, for bulk work and the page
            (self.tr("Select several findings in the table"), self.tr("Shift+click, Ctrl+click, Shift+↓")),
            (self.tr("Select every finding shown in the table"), "Ctrl+A"),
            (self.tr("Add a highlight on the page to the selection"), self.tr("Ctrl+click")),
            (self.tr("Select the findings inside a rectangle on the page"), self.tr("Ctrl+drag")),
            (self.tr("Select text on the page (then M)"), self.tr("Drag along the line")),
            (self.tr("Zoom the page"), self.tr("Ctrl+wheel")),
            (self.tr("Bulk actions for a finding"), self.tr("Right click")),
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
        self.resize(520, 560)

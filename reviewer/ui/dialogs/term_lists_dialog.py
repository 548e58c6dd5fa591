"""The office's term lists (单位敏感词库): one tab per list, terms with their notes, import and export.

Self-contained: it receives the current lists and three core calls — `save(entries)` (stores the next
version, one audit event; None when the user may only read the lists), `read_file(path, kind)` (terms in a
.txt/.xlsx file) and `write_file(path, entries)` — and shows the core's refusals in place. Nothing is
stored until OK.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.detection.terms.model import TermEntry, TermKind, TermSet

_STAMP = Qt.ItemDataRole.UserRole  # (added_by, added_at) of a stored entry, on its term item


class TermListsDialog(QDialog):
    def __init__(
        self,
        terms: TermSet,
        *,
        save: Callable[[list[TermEntry]], TermSet] | None = None,
        read_file: Callable[[str, TermKind | None], Sequence[TermEntry]] | None = None,
        write_file: Callable[[str, list[TermEntry]], object] | None = None,
        language: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("termListsDialog")
        self._save, self._read, self._write, self._language = save, read_file, write_file, language
        self.saved: TermSet | None = None
        self.setWindowTitle(self.tr("Office term lists"))
        self.version = QLabel(objectName="termsVersion")
        self.version.setWordWrap(True)
        if terms.version:
            self.version.setText(self.tr("Version %1, %2 terms, last changed by %3 at %4 (UTC)")
                                 .replace("%1", str(terms.version)).replace("%2", str(len(terms.entries)))
                                 .replace("%3", terms.changed_by).replace("%4", terms.changed_at[:19]))
        else:
            self.version.setText(self.tr("No term list has been kept in this workspace yet."))
        self.tabs = QTabWidget(objectName="termTabs")
        self.tables: dict[TermKind, QTableWidget] = {}
        for kind in TermKind:
            table = QTableWidget(0, 3, objectName=f"terms_{kind.value}")
            table.setHorizontalHeaderLabels([self.tr("Term"), self.tr("Note"), self.tr("Added by")])
            table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().setVisible(False)
            self.tables[kind] = table
            page = QWidget()
            layout = QVBoxLayout(page)
            hint = QLabel(self.kind_hint(kind))
            hint.setWordWrap(True)
            layout.addWidget(hint)
            layout.addWidget(table)
            self.tabs.addTab(page, self.kind_name(kind))
        for entry in terms.entries:
            self._append(entry)
        self.term = QLineEdit(objectName="newTerm")
        self.term.setPlaceholderText(self.tr("New term"))
        self.note = QLineEdit(objectName="newTermNote")
        self.note.setPlaceholderText(self.tr("Why it is listed (optional)"))
        self.add_button = QPushButton(self.tr("Add"), objectName="addTerm")
        self.remove_button = QPushButton(self.tr("Remove selected"), objectName="removeTerm")
        self.import_button = QPushButton(self.tr("Import…"), objectName="importTerms")
        self.export_button = QPushButton(self.tr("Export…"), objectName="exportTerms")
        self.add_button.clicked.connect(self.add_term)
        self.term.returnPressed.connect(self.add_term)
        self.note.returnPressed.connect(self.add_term)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.choose_import)
        self.export_button.clicked.connect(self.choose_export)
        self.error = QLabel(objectName="termsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #cf222e")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        add_row = QHBoxLayout()
        add_row.addWidget(self.term, 2)
        add_row.addWidget(self.note, 3)
        add_row.addWidget(self.add_button)
        file_row = QHBoxLayout()
        file_row.addWidget(self.remove_button)
        file_row.addStretch(1)
        file_row.addWidget(self.import_button)
        file_row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.version)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(add_row)
        layout.addLayout(file_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if save is None:  # read only: the lists are kept by supervisors and administrators
            for widget in (self.term, self.note, self.add_button, self.remove_button, self.import_button):
                widget.setEnabled(False)
            for table in self.tables.values():
                table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            self.error.setText(self.tr("Only supervisors and administrators may change the term lists."))
        self.resize(720, 560)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Enter in the new-term fields adds the term (returnPressed); it must not also press OK."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() in (self.term, self.note):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- names ----------------------------------------------------------------------------------------------
    def kind_name(self, kind: TermKind) -> str:
        return {TermKind.BLOCK: self.tr("Block release"), TermKind.REVIEW: self.tr("Sensitive wording"),
                TermKind.DENY: self.tr("Always remove"), TermKind.ALLOW: self.tr("Never flag")}[kind]

    def kind_hint(self, kind: TermKind) -> str:
        return {
            TermKind.BLOCK: self.tr("Terms that block release, e.g. code names of classified projects: the "
                                    "copy cannot be exported until a reviewer rejects the finding with a reason."),
            TermKind.REVIEW: self.tr("Sensitive wording a reviewer should look at before publishing."),
            TermKind.DENY: self.tr("Names and numbers always removed from the published copy, whatever "
                                   "the profile."),
            TermKind.ALLOW: self.tr("Terms never flagged: the agency's own officials in their public role, place "
                                    "names that look like names. Findings inside them are not shown (a finding "
                                    "that blocks release always is)."),
        }[kind]

    # -- the tables -----------------------------------------------------------------------------------------
    def current_kind(self) -> TermKind:
        return list(TermKind)[self.tabs.currentIndex()]

    def _append(self, entry: TermEntry) -> None:
        table = self.tables[entry.kind]
        row = table.rowCount()
        table.insertRow(row)
        term = QTableWidgetItem(entry.term)
        term.setData(_STAMP, (entry.added_by, entry.added_at))
        by = QTableWidgetItem(f"{entry.added_by} {entry.added_at[:10]}".strip())
        by.setFlags(by.flags() & ~Qt.ItemFlag.ItemIsEditable)
        table.setItem(row, 0, term)
        table.setItem(row, 1, QTableWidgetItem(entry.note))
        table.setItem(row, 2, by)

    def entries(self) -> list[TermEntry]:
        out = []
        for kind, table in self.tables.items():
            for row in range(table.rowCount()):
                term, note = table.item(row, 0), table.item(row, 1)
                if term is None or not term.text().strip():
                    continue
                added_by, added_at = term.data(_STAMP) or ("", "")
                out.append(TermEntry(kind, term.text().strip(), note.text().strip() if note else "", added_by,
                                     added_at))
        return out

    def add_term(self) -> None:
        text = self.term.text().strip()
        if not text:
            self.error.setText(self.tr("Type the term to add."))
            return
        kind = self.current_kind()
        self._append(TermEntry(kind, text, self.note.text().strip()))
        self.tables[kind].scrollToBottom()
        self.term.clear()
        self.note.clear()
        self.error.clear()
        self.term.setFocus()

    def remove_selected(self) -> None:
        table = self.tables[self.current_kind()]
        for row in sorted({i.row() for i in table.selectedIndexes()}, reverse=True):
            table.removeRow(row)

    # -- files ----------------------------------------------------------------------------------------------
    def import_from(self, path: str, kind: TermKind | None = None) -> int:
        """Add the terms of a file to the tables (saved with OK). A plain word list goes to `kind` (default:
        the tab shown). Returns how many terms were added."""
        if self._read is None:
            return 0
        from reviewer.ui.dialogs.error_dialog import error_text

        try:
            read = list(self._read(path, kind or self.current_kind()))
        except Exception as exc:  # noqa: BLE001 - the core's message, in place
            self.error.setText(error_text(exc, self._language))
            return 0
        for entry in read:
            self._append(entry)
        self.error.setText(self.tr("%1 terms read from %2; press OK to save them.")
                           .replace("%1", str(len(read))).replace("%2", Path(path).name))
        return len(read)

    def export_to(self, path: str) -> bool:
        if self._write is None:
            return False
        from reviewer.ui.dialogs.error_dialog import error_text

        try:
            self._write(path, self.entries())
        except Exception as exc:  # noqa: BLE001
            self.error.setText(error_text(exc, self._language))
            return False
        self.error.setText(self.tr("Exported to %1.").replace("%1", Path(path).name))
        return True

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import term list"), "",
                                              self.tr("Term lists (*.txt *.xlsx)"))
        if path:
            self.import_from(path)

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export term list"), "敏感词库.xlsx",
                                              self.tr("Excel workbook (*.xlsx);;Text (*.txt)"))
        if path:
            self.export_to(path)

    # -- OK -------------------------------------------------------------------------------------------------
    def try_accept(self) -> None:
        from reviewer.ui.dialogs.error_dialog import error_text

        if self._save is None:
            self.reject()
            return
        try:
            self.saved = self._save(self.entries())
        except Exception as exc:  # noqa: BLE001 - the core's refusal (a term in two lists, too short…)
            self.error.setText(error_text(exc, self._language))
            return
        self.accept()

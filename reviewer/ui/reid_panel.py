"""The roster re-identification panel: the rows of a published table, highlighted where they single a
household out, and a one-click generalisation of the selected column that re-runs the check.

Self-contained: it takes the core's `ReidResult` (reviewer/core/deidentify/reidentification.py) and emits
`result_changed` with the re-run result; whoever hosts it (the main window) decides where it comes from.
`ReidRowsModel` is the item model, tested without a window.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.deidentify.reidentification import (
    IDENTIFIER_KINDS,
    ReidResult,
    TableCheck,
    can_step,
    summarise,
)

BELOW_K = QColor("#f8d0d0")  # the row shares its values with fewer than k-1 others
NOT_DIVERSE = QColor("#fde6c0")  # its group has one value in a published sensitive column
FLAG_ROLE = Qt.ItemDataRole.UserRole + 1  # "k", "l" or "" for a row


class ReidRowsModel(QAbstractTableModel):
    """One row per table row: its columns as they would be published at the check's levels, then k and l."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._check: TableCheck | None = None
        self._k = 1
        self._l = 1

    def set_check(self, check: TableCheck | None, k: int, l: int) -> None:  # noqa: E741
        self.beginResetModel()
        self._check, self._k, self._l = check, k, l
        self.endResetModel()

    def check(self) -> TableCheck | None:
        return self._check

    def _columns(self) -> int:
        return len(self._check.table.columns) if self._check else 0

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._check is None else len(self._check.table.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._check is None else self._columns() + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if self._check is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._check.table.rows[section].where
        if section < self._columns():
            return self._check.table.columns[section].header
        return self.tr("k (rows alike)") if section == self._columns() else self.tr("l (sensitive values)")

    def flag(self, row: int) -> str:
        check = self._check
        if check is None:
            return ""
        if check.k[row] < self._k:
            return "k"
        value = check.l[row]
        return "l" if value is not None and value < self._l else ""

    def value(self, row: int, column: int) -> str:
        """The cell as published at the current level (a quasi-identifier), else as published."""
        check = self._check
        if column in check.quasi:
            value = check.keys[row][check.quasi.index(column)]
            return "" if value is None else value
        return check.table.rows[row].cells[column]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._check is None:
            return None
        row, column = index.row(), index.column()
        flag = self.flag(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if column < self._columns():
                return self.value(row, column)
            if column == self._columns():
                return str(self._check.k[row])
            value = self._check.l[row]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and flag:
            return QBrush(BELOW_K if flag == "k" else NOT_DIVERSE)
        if role == Qt.ItemDataRole.ToolTipRole and flag:
            if flag == "k":
                return (
                    self.tr(
                        "Only %1 row(s) share these values (k below %2): the household can be singled out"
                    )
                    .replace("%1", str(self._check.k[row]))
                    .replace("%2", str(self._k))
                )
            return self.tr(
                "Every row that shares these values has the same sensitive value (l below %1): it is "
                "disclosed"
            ).replace("%1", str(self._l))
        if role == FLAG_ROLE:
            return flag
        return None


class ReidPanel(QWidget):
    """Tables of a `ReidResult`, their flagged rows, and the one-click generalisation."""

    result_changed = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._result: ReidResult | None = None
        self.tables = QComboBox()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.model = ReidRowsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.generalise = QPushButton()
        self.generalise.setEnabled(False)
        self.inconsistencies = QLabel()
        self.inconsistencies.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.tables, 1)
        top.addWidget(self.generalise)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.inconsistencies)
        self.tables.currentIndexChanged.connect(self._show_table)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_button())
        self.generalise.clicked.connect(self.generalise_selected)
        self._update_button()

    # -- data in ---------------------------------------------------------------------------------------
    def set_result(self, result: ReidResult | None, *, keep_table: bool = False) -> None:
        current = self.tables.currentIndex() if keep_table else 0
        self._result = result
        self.tables.blockSignals(True)
        self.tables.clear()
        for check in result.tables if result else ():
            self.tables.addItem(f"{check.table.name} — {check.table.source.rsplit('/', 1)[-1]}")
        self.tables.setCurrentIndex(max(0, min(current, self.tables.count() - 1)))
        self.tables.blockSignals(False)
        self._show_table()
        self._show_inconsistencies()

    def result(self) -> ReidResult | None:
        return self._result

    # -- the one-click action -----------------------------------------------------------------------------
    def selected_column(self) -> int | None:
        index = self.view.currentIndex()
        check = self.model.check()
        if not index.isValid() or check is None or index.column() >= len(check.table.columns):
            return None
        return index.column()

    def generalise_selected(self) -> None:
        """One more generalisation step on the selected column, and the check re-run on the result."""
        column = self.selected_column()
        table = self.tables.currentIndex()
        if self._result is None or column is None or table < 0:
            return
        index = self.view.currentIndex()
        self.set_result(self._result.with_step(table, column), keep_table=True)
        self.view.setCurrentIndex(self.model.index(index.row(), column))
        self.result_changed.emit(self._result)

    def _update_button(self) -> None:
        column = self.selected_column()
        check = self.model.check()
        kind = check.table.columns[column].kind if check is not None and column is not None else None
        self.generalise.setText(
            self.tr("Mask one more digit") if kind in IDENTIFIER_KINDS else self.tr("Generalise this column")
        )
        self.generalise.setEnabled(
            column is not None
            and column in check.quasi
            and can_step(check.table, column, check.levels[column])
        )

    # -- display ------------------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        if event.type() == event.Type.LanguageChange:
            self._show_table()
            self._show_inconsistencies()
        super().changeEvent(event)

    def _show_table(self) -> None:
        result = self._result
        index = self.tables.currentIndex()
        check = result.tables[index] if result and 0 <= index < len(result.tables) else None
        self.model.set_check(check, result.k if result else 1, result.l if result else 1)
        self.view.resizeColumnsToContents()
        if check is None:
            self.summary.setText(self.tr("No table with a header row to check."))
            self.suggestion.clear()
        else:
            self.summary.setText(
                self.tr(
                    "%1 rows; unique: %2; below k = %3: %4; sensitive value disclosed (l below %5): %6 rows"
                )
                .replace("%1", str(len(check.k)))
                .replace("%2", f"{check.unique_share():.1%}")
                .replace("%3", str(result.k))
                .replace("%4", f"{check.below_share(result.k):.1%}")
                .replace("%5", str(result.l))
                .replace("%6", str(len(check.not_diverse(result.l))))
            )
            self.suggestion.setText(self._suggestion_text(check, result.k))
        self._update_button()

    def _suggestion_text(self, check: TableCheck, k: int) -> str:
        if check.after is None:
            return (
                self.tr("No row is below k.") if not check.below(k) else self.tr("No generalisation helps.")
            )
        zh = QLocale().name().startswith("zh")  # the core words each step in both languages
        steps = [
            s.label(check.table.columns[s.column].header, check.levels[s.column])[0 if zh else 1]
            for s in summarise(check.suggestion)
        ]
        return (
            self.tr("Suggested: %1. Then unique: %2; below k: %3")
            .replace("%1", "; ".join(steps))
            .replace("%2", f"{check.after.unique_share():.1%}")
            .replace("%3", f"{check.after.below_share(k):.1%}")
        )

    def _show_inconsistencies(self) -> None:
        items = self._result.inconsistencies if self._result else ()
        if not items:
            self.inconsistencies.clear()
            return
        lines = [
            self.tr("Masked differently in two files (together they show %1 characters): %2 → %3")
            .replace("%1", str(i.revealed))
            .replace("%2", " / ".join(v for _, _, v in i.places))
            .replace("%3", i.combined)
            for i in items
        ]
        self.inconsistencies.setText("\n".join(lines))

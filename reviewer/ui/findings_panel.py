"""The findings list: a filter bar over a sortable table; the current row follows the review."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.types import Category, EntityType
from reviewer.ui.findings_table_model import FindingsFilterModel, FindingsTableModel
from reviewer.ui.labels import ReviewState, category_name, entity_type_name, state_name


class FindingsPanel(QWidget):
    """Emits `current_changed(row_id)` when the reviewer moves to another finding."""

    current_changed = Signal(str)

    def __init__(self, model: FindingsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = FindingsFilterModel(self)
        self.proxy.setSourceModel(model)
        self.category = QComboBox(objectName="filterCategory")
        self.entity_type = QComboBox(objectName="filterType")
        self.state = QComboBox(objectName="filterState")
        self.search = QLineEdit(objectName="filterText")
        self.search.setClearButtonEnabled(True)
        self.summary = QLabel(objectName="findingsSummary")
        self.table = QTableView(objectName="findingsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Document order by default (the model's own order: no proxy sort over thousands of rows on
        # every reset); clicking a header sorts on demand.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FindingsTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column, width in (
            (FindingsTableModel.TYPE, 130),
            (FindingsTableModel.WHERE, 56),
            (FindingsTableModel.SCORE, 52),
            (FindingsTableModel.STATE, 64),
            (FindingsTableModel.OPERATOR, 92),
        ):
            self.table.setColumnWidth(column, width)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for widget in (self.category, self.entity_type, self.state):
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(self._apply_filters)
        filters.addWidget(self.search, 1)
        self.search.textChanged.connect(self._apply_filters)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        for signal in (model.modelReset, model.dataChanged, model.rowsRemoved, model.rowsInserted):
            signal.connect(self._update_summary)
        self._populate_filters()
        self._update_summary()

    # -- filters --------------------------------------------------------------------------------------
    def _populate_filters(self) -> None:
        def fill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, label in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

        fill(self.category, self.tr("All categories"), [(str(c), category_name(c)) for c in Category])
        fill(self.entity_type, self.tr("All types"), [(str(t), entity_type_name(t)) for t in EntityType])
        fill(self.state, self.tr("All decisions"), [(str(s), state_name(s)) for s in ReviewState])
        self.search.setPlaceholderText(self.tr("Search findings"))

    def _apply_filters(self) -> None:
        self.proxy.set_filters(
            category=self.category.currentData(),
            entity_type=self.entity_type.currentData(),
            state=self.state.currentData(),
            text=self.search.text().strip(),
        )
        self._update_summary()

    def _update_summary(self, *_args) -> None:
        rows = self.model.rows()
        pending = sum(r.state == ReviewState.PENDING for r in rows)
        text = self.tr("%1 findings · %2 undecided · %3 shown")
        self.summary.setText(
            text.replace("%1", str(len(rows)))
            .replace("%2", str(pending))
            .replace("%3", str(self.proxy.rowCount()))
        )

    # -- navigation -----------------------------------------------------------------------------------
    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.proxy.row_at(index.row()).id if index.isValid() else None

    def select_id(self, row_id: str) -> bool:
        proxy_row = self.proxy.proxy_row_of(row_id)
        if proxy_row < 0:
            return False
        index = self.proxy.index(proxy_row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        return True

    def step(self, delta: int) -> str | None:
        """Move to the next (+1) or previous (-1) visible finding; returns its id."""
        count = self.proxy.rowCount()
        if count == 0:
            return None
        index = self.table.currentIndex()
        row = (index.row() + delta) if index.isValid() else (0 if delta > 0 else count - 1)
        row = min(max(row, 0), count - 1)
        row_id = self.proxy.row_at(row).id
        self.select_id(row_id)
        return row_id

    def _on_table_current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.current_changed.emit(self.proxy.row_at(current.row()).id)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._populate_filters()
            self._update_summary()
        super().changeEvent(event)

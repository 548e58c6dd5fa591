"""The findings list: a filter bar over a sortable table, the details of the current finding under it.

Rows can be selected many at a time (Shift/Ctrl+click, Shift+arrows, Ctrl+A) for a bulk decision; the
current row follows the review (J/K) and the details pane follows the current row. A right click (or the
context-menu key) asks for the bulk menu (`context_menu_requested`)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
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
    selection_changed = Signal()
    context_menu_requested = Signal(QPoint)  # global position

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
        self.search.setMinimumWidth(90)
        self.summary = QLabel(objectName="findingsSummary")
        self.table = QTableView(objectName="findingsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)
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
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.table, 1)
        column.addWidget(self.summary)
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="findingsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.details_holder = QWidget()
        self.details_layout = QVBoxLayout(self.details_holder)
        self.details_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.details_holder)
        self.splitter.setStretchFactor(0, 1)  # the table and why its current row was found, half and half
        self.splitter.setStretchFactor(1, 1)
        self.table.setMinimumHeight(26 * 4 + 30)  # the header and four rows at least
        layout.addWidget(self.splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self._summary_timer = QTimer(self, singleShot=True, interval=0)  # a burst of changes: one count
        self._summary_timer.timeout.connect(self._update_summary)
        model.dataChanged.connect(self._summary_timer.start)
        for signal in (model.modelReset, model.rowsRemoved, model.rowsInserted):
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
        text = (text.replace("%1", str(len(rows))).replace("%2", str(pending))
                .replace("%3", str(self.proxy.rowCount())))
        selected = len(self.table.selectionModel().selectedRows())
        if selected > 1:
            text += " · " + self.tr("%1 selected").replace("%1", str(selected))
        self.summary.setText(text)

    def set_details(self, widget: QWidget) -> None:
        self.details_layout.addWidget(widget)

    # -- navigation -----------------------------------------------------------------------------------
    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.proxy.row_at(index.row()).id if index.isValid() else None

    def selected_ids(self) -> list[str]:
        """The selected rows' ids in table order."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.proxy.row_at(r).id for r in rows]

    def select_ids(self, row_ids: Iterable[str], current: str | None = None) -> int:
        """Select these rows (those the filters show); the current row moves to `current` or the first."""
        proxy_rows = sorted(r for r in (self.proxy.proxy_row_of(i) for i in row_ids) if r >= 0)
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        start = previous = None
        for r in [*proxy_rows, None]:  # contiguous runs become one range each
            if r is not None and previous is not None and r == previous + 1:
                previous = r
                continue
            if start is not None:
                selection.select(self.proxy.index(start, 0), self.proxy.index(previous, last))
            start = previous = r
        model = self.table.selectionModel()
        if proxy_rows:
            target = self.proxy.proxy_row_of(current) if current else -1
            index = self.proxy.index(target if target >= 0 else proxy_rows[0], 0)
            model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(index)
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return len(proxy_rows)

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

    def _on_table_selection_changed(self, *_args) -> None:
        self._update_summary()
        self.selection_changed.emit()

    def _on_table_context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            self.select_id(self.proxy.row_at(index.row()).id)  # a right click on another row acts on it
        if self.table.currentIndex().isValid():
            self.context_menu_requested.emit(self.table.viewport().mapToGlobal(pos))

    def show_context_menu(self) -> None:
        """The context-menu key or Shift+F10: the menu at the current row."""
        index = self.table.currentIndex()
        if index.isValid():
            rect = self.table.visualRect(index)
            self.context_menu_requested.emit(self.table.viewport().mapToGlobal(rect.center()))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not getattr(self, "_split", False):  # the first time: the table and the details share the height
            self._split = True
            height = max(2, self.splitter.height())
            self.splitter.setSizes([height * 11 // 20, height - height * 11 // 20])

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._populate_filters()
            self._update_summary()
        super().changeEvent(event)

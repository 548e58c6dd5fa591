"""Bulk decisions: the context menu of table rows and page highlights, and the "Decide in bulk" panel.

Which rows an action covers is the core's rule (`core.service.rows.select_rows`: by type, by value in any
spelling, by page, by score band, by decision; propagated rows follow their source); deciding them is one
call (`ReviewController.decide`): one undo step and one audit event that lists every finding. By type or
page, only undecided rows are decided unless the reviewer says otherwise (an explicit decision is never
overturned by accident); "every occurrence of this value" decides them all, which is its point.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.service.rows import select_rows
from reviewer.ui.labels import ReviewState, entity_type_name, operator_name

translate = QCoreApplication.translate

OPERATORS = ("mask", "pseudonym", "generalize", "redact", "label")
PERSONS = {"PERSON", "MANUAL"}
UNDECIDED = {str(ReviewState.PENDING)}


def operators_for(entity_types: set[str]) -> list[str]:
    """The operators that make sense for all these types (a pseudonym is for names, generalising for
    addresses)."""
    out = []
    for op in OPERATORS:
        if op == "pseudonym" and not entity_types <= PERSONS:
            continue
        if op == "generalize" and entity_types != {"CN_ADDRESS"}:
            continue
        out.append(op)
    return out


def page_of(row) -> int | None:  # noqa: ANN001
    page = (row.finding.locator or {}).get("page")
    return page if isinstance(page, int) else None


class BulkActions(QObject):
    """Builds the context menu for the current selection; every entry ends in `controller.decide`."""

    def __init__(self, controller, parent: QObject | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.controller = controller
        self.last_menu: QMenu | None = None  # for tests: the menu shown last

    def rows(self):  # noqa: ANN201
        return self.controller.model.rows()

    def where(self, **criteria) -> list[str]:
        return [r.id for r in select_rows(self.rows(), **criteria)]

    def decide_where(self, kind: str, *, operator: str | None = None, **criteria) -> None:
        ids = self.where(**criteria)
        if kind == "reject":
            self.controller.reject_rows(ids)
        else:
            self.controller.decide(ids, kind, operator=operator)

    def menu(self, parent: QWidget) -> QMenu | None:
        c = self.controller
        ids = c.selected()
        current = c.row(c.current() or "")
        if not ids or current is None:
            return None
        rows = [r for r in (c.row(i) for i in ids) if r is not None]
        menu = QMenu(parent)
        menu.setObjectName("bulkMenu")
        many = len(rows) > 1
        add = menu.addAction
        accept = add(
            translate("Bulk", "Accept %1 selected").replace("%1", str(len(rows)))
            if many
            else translate("Bulk", "Accept"),
            lambda: c.decide(ids, "accept"),
        )
        accept.setObjectName("menuAccept")
        reject = add(
            translate("Bulk", "Reject %1 selected…").replace("%1", str(len(rows)))
            if many
            else translate("Bulk", "Reject…"),
            lambda: c.reject_rows(ids),
        )
        reject.setObjectName("menuReject")
        types = {str(r.finding.entity_type) for r in rows}
        with_op = menu.addMenu(translate("Bulk", "Accept with"))
        with_op.setObjectName("menuOperator")
        for op in operators_for(types):
            action = with_op.addAction(operator_name(op), lambda op=op: c.decide(ids, "accept", operator=op))
            action.setObjectName(f"menuOperator_{op}")
        menu.addSeparator()
        f = current.finding
        value = f.text.replace("\n", " ")
        same = self.where(value=f.text)
        label = value if len(value) <= 18 else value[:17] + "…"
        sub = menu.addMenu(
            translate("Bulk", "Every “%1” (%2)").replace("%1", label).replace("%2", str(len(same)))
        )
        sub.setObjectName("menuValue")
        sub.addAction(
            translate("Bulk", "Accept every occurrence"), lambda: c.decide(same, "accept")
        ).setObjectName("menuValueAccept")
        sub.addAction(
            translate("Bulk", "Reject every occurrence…"), lambda: c.reject_rows(same)
        ).setObjectName("menuValueReject")
        sub.addAction(translate("Bulk", "Select them"), lambda: c.panel.select_ids(same, current=current.id))
        kind = str(f.entity_type)
        of_type = self.where(entity_types={kind}, states=UNDECIDED)
        sub = menu.addMenu(
            translate("Bulk", "All undecided “%1” (%2)")
            .replace("%1", entity_type_name(kind))
            .replace("%2", str(len(of_type)))
        )
        sub.setObjectName("menuType")
        sub.setEnabled(bool(of_type))
        sub.addAction(translate("Bulk", "Accept them"), lambda: c.decide(of_type, "accept")).setObjectName(
            "menuTypeAccept"
        )
        sub.addAction(translate("Bulk", "Reject them…"), lambda: c.reject_rows(of_type)).setObjectName(
            "menuTypeReject"
        )
        sub.addAction(
            translate("Bulk", "Select them"), lambda: c.panel.select_ids(of_type, current=current.id)
        )
        page = page_of(current)
        if page is not None:
            on_page = self.where(page=page, states=UNDECIDED)
            sub = menu.addMenu(
                translate("Bulk", "All undecided on page %1 (%2)")
                .replace("%1", str(page))
                .replace("%2", str(len(on_page)))
            )
            sub.setObjectName("menuPage")
            sub.setEnabled(bool(on_page))
            sub.addAction(
                translate("Bulk", "Accept them"), lambda: c.decide(on_page, "accept")
            ).setObjectName("menuPageAccept")
            sub.addAction(translate("Bulk", "Reject them…"), lambda: c.reject_rows(on_page)).setObjectName(
                "menuPageReject"
            )
            sub.addAction(
                translate("Bulk", "Select them"), lambda: c.panel.select_ids(on_page, current=current.id)
            )
        menu.addSeparator()
        edit = add(translate("Bulk", "Edit span…"), c.edit_span)
        edit.setEnabled(not many)
        for action in (accept, reject, with_op.menuAction(), edit):
            action.setEnabled(action.isEnabled() and not c.busy and c.session is not None)
        self.last_menu = menu
        return menu

    def decide_value(self, kind: str) -> None:
        """Shift+A / Shift+R: the same decision for every occurrence of the current finding's value."""
        c = self.controller
        row = c.row(c.current() or "")
        if row is None:
            return
        ids = self.where(value=row.finding.text)
        if kind == "reject":
            c.reject_rows(ids)
        else:
            c.decide(ids, "accept")

    def view_menu(self, parent: QWidget, where: QPoint, row_id: str, manual) -> None:  # noqa: ANN001
        """A right click on the page: on a highlight, the same menu as the table's for that finding (or
        the selection it belongs to); on selected text, the way to mark it (`manual`, the M action)."""
        c = self.controller
        if row_id:
            if row_id not in c.panel.selected_ids():
                c.panel.select_id(row_id)
            self.popup(parent, where)
            return
        span = c.view.selected_span()
        if span and span[1] > span[0] and manual.isEnabled():
            menu = QMenu(parent)
            menu.setObjectName("selectionMenu")
            menu.addAction(manual)
            menu.aboutToHide.connect(menu.deleteLater)
            menu.popup(where)

    def popup(self, parent: QWidget, where: QPoint) -> QMenu | None:
        menu = self.menu(parent)
        if menu is not None:
            menu.aboutToHide.connect(menu.deleteLater)
            menu.popup(where)
        return menu


class BulkPanel(QWidget):
    """Decide whole groups: per type, within a scope (whole document, the current page, the selected
    rows) and a score band; one click per group, each one undoable step."""

    SCOPES = ("document", "page", "selection")
    scope_changed = Signal()

    def __init__(
        self, actions: BulkActions, current_page: Callable[[], int | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkPanel")
        self.actions, self._current_page = actions, current_page
        self.scope = QComboBox(objectName="bulkScope")
        self.low = QDoubleSpinBox(objectName="bulkScoreLow")
        self.high = QDoubleSpinBox(objectName="bulkScoreHigh")
        for box, value in ((self.low, 0.0), (self.high, 1.0)):
            box.setRange(0.0, 1.0)
            box.setDecimals(2)
            box.setSingleStep(0.05)
            box.setValue(value)
            box.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.UpDownArrows)
            box.valueChanged.connect(self._schedule)
        self.undecided = QCheckBox(objectName="bulkUndecided")
        self.undecided.setChecked(True)
        self.undecided.toggled.connect(self._schedule)
        self.scope.currentIndexChanged.connect(self._schedule)
        self.table = QTableWidget(0, 5, objectName="bulkTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.horizontalHeader().hide()  # type, count and three buttons speak for themselves
        self.table.setMinimumHeight(30 * 2 + 2)
        self.hint = QLabel(objectName="bulkHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #57606a")
        self.scope_label, self.score_label, self.to_label = QLabel(), QLabel(), QLabel()
        row = QHBoxLayout()  # one line of controls: the groups get the height
        row.setSpacing(4)
        row.addWidget(self.scope_label)
        row.addWidget(self.scope, 1)
        row.addSpacing(6)
        row.addWidget(self.score_label)
        row.addWidget(self.low)
        row.addWidget(self.to_label)
        row.addWidget(self.high)
        row.addSpacing(6)
        row.addWidget(self.undecided)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self.buttons: dict[tuple[str, str], QPushButton | QToolButton] = {}
        self._rebuild = True  # the next refresh builds every row anew (first show, language change)
        self._timer = QTimer(self, singleShot=True, interval=80)
        self._timer.timeout.connect(self.refresh)
        c = actions.controller
        for signal in (c.model.modelReset, c.model.dataChanged, c.model.rowsRemoved, c.model.rowsInserted):
            signal.connect(self._schedule)
        c.panel.selection_changed.connect(self._on_selection_changed)
        c.panel.current_changed.connect(lambda _i: self._schedule() if self.scope_key() == "page" else None)
        c.busy_changed.connect(lambda _b: self._schedule())
        self.retranslate()

    def scope_key(self) -> str:
        return self.scope.currentData() or "document"

    def criteria(self) -> dict:
        out: dict = {"score": (self.low.value(), self.high.value())}
        if self.undecided.isChecked():
            out["states"] = UNDECIDED
        if self.scope_key() == "page":
            out["page"] = self._current_page() or 0
        return out

    def rows_in_scope(self):  # noqa: ANN201
        rows = select_rows(self.actions.rows(), **self.criteria())
        if self.scope_key() == "selection":
            chosen = set(self.actions.controller.panel.selected_ids())
            rows = [r for r in rows if r.id in chosen]
        return rows

    def _on_selection_changed(self) -> None:
        if self.scope_key() == "selection":
            self._schedule()

    def _schedule(self, *_args) -> None:
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Show the groups in scope. The rows' widgets are reused when the same types remain (a bulk
        decision changes counts, or removes a type with "undecided only"): building dozens of buttons
        and menus anew on every decision stalled the event loop for over 100 ms on a 300-page PDF, and
        buttons that stay put do not jump under the pointer."""
        rows = self.rows_in_scope()
        counts = Counter(str(r.finding.entity_type) for r in rows)
        busy = self.actions.controller.busy or self.actions.controller.session is None
        shown = [self.table.item(i, 0).data(Qt.ItemDataRole.UserRole) for i in range(self.table.rowCount())]
        if self._rebuild or not set(counts) <= set(shown):
            self._build(sorted(counts, key=lambda t: (-counts[t], entity_type_name(t))))
        else:
            for i in reversed(range(len(shown))):
                if shown[i] not in counts:
                    for decision in ("accept", "reject", "operator"):
                        self.buttons.pop((shown[i], decision), None)
                    self.table.removeRow(i)
        for i in range(self.table.rowCount()):
            kind = self.table.item(i, 0).data(Qt.ItemDataRole.UserRole)
            self.table.item(i, 1).setText(str(counts[kind]))
            for decision in ("accept", "reject", "operator"):
                self.buttons[(kind, decision)].setEnabled(not busy)
        self._rebuild = False
        if self.scope_key() == "page" and self._current_page() is None:
            self.hint.setText(translate("Bulk", "This document has no pages: choose another scope."))
        elif not counts:
            self.hint.setText(translate("Bulk", "Nothing in this scope."))
        else:
            self.hint.setText(
                translate("Bulk", "%1 findings in scope. Each click is one step: Ctrl+Z undoes it.").replace(
                    "%1", str(len(rows))
                )
            )

    def _build(self, types: list[str]) -> None:
        self.table.setRowCount(len(types))
        self.buttons = {}
        widths: dict[int, int] = {}
        for i, kind in enumerate(types):
            name = QTableWidgetItem(entity_type_name(kind))
            name.setData(Qt.ItemDataRole.UserRole, kind)
            self.table.setItem(i, 0, name)
            count = QTableWidgetItem()
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(i, 1, count)
            accept = QPushButton(translate("Bulk", "Accept all"), objectName=f"bulkAccept_{kind}")
            accept.clicked.connect(lambda _c=False, k=kind: self._decide(k, "accept"))
            reject = QPushButton(translate("Bulk", "Reject all…"), objectName=f"bulkReject_{kind}")
            reject.clicked.connect(lambda _c=False, k=kind: self._decide(k, "reject"))
            operator = QToolButton(objectName=f"bulkOperator_{kind}")
            operator.setText(translate("Bulk", "Accept as"))
            operator.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(operator)
            for op in operators_for({kind}):
                menu.addAction(operator_name(op), lambda k=kind, op=op: self._decide(k, "accept", op))
            operator.setMenu(menu)
            for col, button in ((2, accept), (3, reject), (4, operator)):
                self.table.setCellWidget(i, col, button)
                widths[col] = max(widths.get(col, 0), button.sizeHint().width() + 2)
            self.buttons[(kind, "accept")], self.buttons[(kind, "reject")] = accept, reject
            self.buttons[(kind, "operator")] = operator
        for col, width in widths.items():  # every button's whole label: the type column gives way
            self.table.setColumnWidth(col, width)

    def _decide(self, kind: str, decision: str, operator: str | None = None) -> None:
        ids = [r.id for r in self.rows_in_scope() if str(r.finding.entity_type) == kind]
        if decision == "reject":
            self.actions.controller.reject_rows(ids)
        else:
            self.actions.controller.decide(ids, decision, operator=operator)

    def retranslate(self) -> None:
        current = self.scope_key()
        self.scope.blockSignals(True)
        self.scope.clear()
        for key, text in zip(
            self.SCOPES,
            (
                translate("Bulk", "Whole document"),
                translate("Bulk", "Page of the current finding"),
                translate("Bulk", "Selected rows"),
            ),
            strict=True,
        ):
            self.scope.addItem(text, key)
        self.scope.setCurrentIndex(max(0, self.scope.findData(current)))
        self.scope.blockSignals(False)
        self.scope_label.setText(translate("Bulk", "Scope:"))
        self.score_label.setText(translate("Bulk", "Score"))
        self.to_label.setText("–")
        self.undecided.setText(translate("Bulk", "Undecided only"))
        self._rebuild = True
        if self.isVisible():
            self.refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

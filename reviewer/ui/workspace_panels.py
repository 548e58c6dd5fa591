"""Workspace docks: the document list, the attribute/sign-off panel and the audit history."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui.workspace_facade import DocumentRow


def status_name(status: str) -> str:
    return {
        "imported": QCoreApplication.translate("Status", "Imported"),
        "in_review": QCoreApplication.translate("Status", "In review"),
        "submitted": QCoreApplication.translate("Status", "Submitted"),
        "approved": QCoreApplication.translate("Status", "Approved"),
        "returned": QCoreApplication.translate("Status", "Returned"),
        "released": QCoreApplication.translate("Status", "Released"),
    }.get(status, status)


STATUS_COLOURS = {
    "in_review": "#9a6700",
    "submitted": "#0969da",
    "approved": "#1a7f37",
    "returned": "#cf222e",
    "released": "#6e7781",
}


def action_name(action: str) -> str:
    return {
        "document.imported": QCoreApplication.translate("Audit", "Document imported"),
        "document.kind_set": QCoreApplication.translate("Audit", "Document kind changed"),
        "decision.recorded": QCoreApplication.translate("Audit", "Decision recorded"),
        "decision.undone": QCoreApplication.translate("Audit", "Decision undone"),
        "decision.redone": QCoreApplication.translate("Audit", "Decision redone"),
        "finding.manual_added": QCoreApplication.translate("Audit", "Manual finding added"),
        "finding.removed": QCoreApplication.translate("Audit", "Finding removed"),
        "finding.restored": QCoreApplication.translate("Audit", "Finding restored"),
        "attribute.recorded": QCoreApplication.translate("Audit", "Attribute recorded"),
        "review.in_review": QCoreApplication.translate("Audit", "Review started"),
        "review.submitted": QCoreApplication.translate("Audit", "Submitted for sign-off"),
        "review.approved": QCoreApplication.translate("Audit", "Approved and signed"),
        "review.returned": QCoreApplication.translate("Audit", "Returned for rework"),
        "review.released": QCoreApplication.translate("Audit", "Released"),
        "export.recorded": QCoreApplication.translate("Audit", "Verified export"),
        "user.created": QCoreApplication.translate("Audit", "User created"),
        "lease.acquired": QCoreApplication.translate("Audit", "Checked out"),
        "lease.taken_over": QCoreApplication.translate("Audit", "Checkout taken over"),
        "lease.released": QCoreApplication.translate("Audit", "Checked in"),
        "workspace.migrated": QCoreApplication.translate("Audit", "Workspace migrated"),
    }.get(action, action)


def _kind_name(code: str) -> str:
    """A document kind (文种) code by its name in the interface's language, else as recorded."""
    from PySide6.QtCore import QLocale

    from reviewer.core.documents.kinds import load_kinds
    from reviewer.core.errors import ReviewerError

    try:
        kind = load_kinds().get(code)
    except ReviewerError:
        return code
    return kind.zh if QLocale().name().startswith("zh") else kind.en


def event_summary(details: dict) -> str:
    """The facts of an audit event in the reader's language (type, decision, operator, reason …)."""
    from reviewer.ui.labels import entity_type_name, operator_name

    parts = []
    items = details.get("items")
    if items:  # one action on many findings (a bulk decision)
        parts.append(QCoreApplication.translate("Audit", "%1 findings").replace("%1", str(len(items))))
        details = {**items[0], "entity_type": None}
    if details.get("entity_type"):
        parts.append(entity_type_name(details["entity_type"]))
    kind = details.get("kind")
    if kind:
        parts.append(
            {
                "accept": QCoreApplication.translate("Audit", "accepted"),
                "reject": QCoreApplication.translate("Audit", "rejected"),
                "edit": QCoreApplication.translate("Audit", "span edited"),
            }.get(kind) or _kind_name(kind)
        )
    if details.get("operator"):
        parts.append(operator_name(details["operator"]))
    if details.get("reason"):  # a preset is stored as its code (issue 26): shown in the reader's language
        from PySide6.QtCore import QLocale

        from reviewer.core.review.reasons import reason_label

        details = {**details, "reason": reason_label(details["reason"],
                                                     "zh" if QLocale().name().startswith("zh") else "en")}
    for key, label in (
        ("reason", QCoreApplication.translate("Audit", "reason: %1")),
        ("note", QCoreApplication.translate("Audit", "note: %1")),
        ("attribute", "%1"),
        ("comment", QCoreApplication.translate("Audit", "comment: %1")),
        ("output_path", "%1"),
    ):
        if details.get(key):
            parts.append(label.replace("%1", str(details[key])))
    if details.get("legal_basis"):
        parts.append("、".join(details["legal_basis"]))
    if isinstance(details.get("override"), dict):
        parts.append(QCoreApplication.translate("Audit", "exported despite markings: %1").replace(
            "%1", str(details["override"].get("reason", ""))))
    return " · ".join(parts)


def display_name(row: DocumentRow) -> str:
    """The name with the file's extension: a .docx and a .pdf of one name are two documents."""
    from pathlib import PurePath

    suffix = PurePath(row.path).suffix if row.path else ""
    return row.name if not suffix or row.name.endswith(suffix) else f"{row.name}{suffix}"


class DocumentListModel(QAbstractTableModel):
    NAME, STATUS, ATTRIBUTE, REVIEWERS, PERSONAL, RESTRICTED, OTHER, UNDECIDED = range(8)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentRow] = []

    def set_rows(self, rows: Sequence[DocumentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> DocumentRow:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Document"),
            self.tr("Status"),
            self.tr("Attribute"),
            self.tr("Reviewer"),
            self.tr("Personal"),
            self.tr("Restricted"),
            self.tr("Other"),
            self.tr("Undecided"),
        ][section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                display_name(r),
                status_name(r.status),
                r.attribute,
                "、".join(r.reviewers),
                r.counts.get("personal", 0),
                r.counts.get("restricted", 0),
                r.counts.get("other", 0),
                r.undecided,
            ][col]
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS and r.status in STATUS_COLOURS:
            return QColor(STATUS_COLOURS[r.status])
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.path
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.PERSONAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class WorkspacePanel(QWidget):
    document_activated = Signal(str)  # path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        self.table = QTableView(objectName="documentList")
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        # every column as wide as its header and contents (a narrow dock scrolls sideways: no cut headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.doubleClicked.connect(
            lambda index: self.document_activated.emit(self.model.row_at(proxy.mapToSource(index).row()).path)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)


class AttributePanel(QWidget):
    """The document's status and disclosure attribute record, with the workflow buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel(objectName="panelStatus")
        self.attribute = QLabel(objectName="panelAttribute")
        self.basis = QLabel(objectName="panelBasis")
        self.rationale = QLabel(objectName="panelRationale")
        self.determined = QLabel(objectName="panelDetermined")
        self.returned = QLabel(objectName="panelReturned")  # the supervisor's reason, while returned
        self.returned.setStyleSheet("color: #cf222e")
        for label in (self.basis, self.rationale, self.determined, self.returned):
            label.setWordWrap(True)
        self.edit_button = QPushButton(objectName="editAttribute")
        self.submit_button = QPushButton(objectName="submitReview")
        self.signoff_button = QPushButton(objectName="signOff")
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(5)]
        for label, value in zip(
            self._labels,
            (self.status, self.attribute, self.basis, self.rationale, self.determined),
            strict=True,
        ):
            self.form.addRow(label, value)
        buttons = QHBoxLayout()
        for b in (self.edit_button, self.submit_button, self.signoff_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self.form)
        layout.addWidget(self.returned)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._state: tuple = ("", None, "")
        self.retranslate()

    def show_record(self, status: str, record, returned: str = "") -> None:
        self._state = (status, record, returned)
        self.returned.setText(self.tr("Returned for rework: %1").replace("%1", returned) if returned else "")
        self.returned.setVisible(bool(returned))
        colour = STATUS_COLOURS.get(status, "#57606a")
        self.status.setText(f"<b style='color:{colour}'>{status_name(status)}</b>" if status else "—")
        self.attribute.setText(f"<b>{record.attribute}</b>" if record else self.tr("Not recorded yet"))
        self.basis.setText("、".join(record.legal_basis) if record and record.legal_basis else "—")
        self.rationale.setText(record.rationale if record and record.rationale else "—")
        self.determined.setText(
            f"{record.determined_by_unit} · {record.determined_by_person}" if record else "—"
        )

    def retranslate(self) -> None:
        for label, text in zip(
            self._labels,
            (
                self.tr("Status:"),
                self.tr("Attribute:"),
                self.tr("Legal basis:"),
                self.tr("Rationale:"),
                self.tr("Determined by:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.edit_button.setText(self.tr("Attribute…"))
        self.submit_button.setText(self.tr("Submit"))
        self.signoff_button.setText(self.tr("Sign off…"))
        self.show_record(*self._state)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AuditPanel(QWidget):
    """The audit events of the open document, newest last; verify checks the whole chain."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4, objectName="auditTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.verify_button = QPushButton(objectName="verifyChain")
        self.verify_result = QLabel(objectName="verifyResult")
        row = QHBoxLayout()
        row.addWidget(self.verify_result, 1)
        row.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self._events: list = []
        self.retranslate()

    def set_events(self, events) -> None:
        self._events = list(events)
        self.table.setRowCount(len(self._events))
        for i, e in enumerate(self._events):
            summary = event_summary(e.details)
            for col, value in enumerate(
                (e.ts.replace("T", " ")[:19], e.actor, action_name(e.action), summary)
            ):
                item = QTableWidgetItem(str(value))
                signed = " ✔ " + self.tr("signed") if e.signature else ""
                item.setToolTip(f"#{e.seq} {e.hash[:16]}…{signed}")
                self.table.setItem(i, col, item)
        self.table.scrollToBottom()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time (UTC)"), self.tr("Actor"), self.tr("Action"), self.tr("Details")]
        )
        self.verify_button.setText(self.tr("Verify chain"))
        if self._events:
            self.set_events(self._events)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

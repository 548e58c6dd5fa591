"""Qt item model over a plain list of findings with their review state (tested without a window).

`FindingsTableModel` shows one row per finding; `FindingsFilterModel` filters by category, entity
type, review state and free text, and sorts (score numerically, position by document offset).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from reviewer.core.types import Finding, Severity, is_possible
from reviewer.ui.labels import (
    ReviewState,
    category_colour,
    category_name,
    entity_type_name,
    operator_name,
    severity_name,
    state_name,
)

POSSIBLE_COLOUR = QColor("#9a6700")  # a possible name not yet decided: amber, italic
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FINDING_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True, slots=True)
class FindingRow:
    """A finding as the reviewer sees it: its current decision, operator and note (reason)."""

    finding: Finding
    state: ReviewState = ReviewState.PENDING
    operator: str | None = None
    note: str = ""
    key: str = ""  # the core's id for the finding (stable across decisions); defaults to the span
    origin: str = "detected"  # detected | manual | propagated (another occurrence of a removed value)
    replacement: str | None = None  # what the text becomes in the copy (None: it stays as printed)
    source: str | None = None  # the row a propagated occurrence follows
    conflict: bool = False  # rejected, yet the copy changes it (indistinguishable from removed ones)
    stale: bool = False  # decided a moment ago: the replacement is being recomputed
    legal_basis: tuple[str, ...] = ()  # the decision's legal basis codes (条例第三十七条: per redaction)

    @property
    def id(self) -> str:
        f = self.finding
        return self.key or f"{f.start}:{f.end}:{f.entity_type}"


def where(finding: Finding) -> str:
    """A short location: page or line, else the container (header, comment …)."""
    loc = finding.locator or {}
    if "page" in loc:
        return QCoreApplication.translate("FindingsTableModel", "p. %1").replace("%1", str(loc["page"]))
    if "line" in loc:
        return QCoreApplication.translate("FindingsTableModel", "l. %1").replace("%1", str(loc["line"]))
    kind = loc.get("kind", "")
    return {
        "header": QCoreApplication.translate("FindingsTableModel", "header"),
        "footer": QCoreApplication.translate("FindingsTableModel", "footer"),
        "comment": QCoreApplication.translate("FindingsTableModel", "comment"),
        "footnote": QCoreApplication.translate("FindingsTableModel", "footnote"),
        "endnote": QCoreApplication.translate("FindingsTableModel", "endnote"),
        "textbox": QCoreApplication.translate("FindingsTableModel", "text box"),
        "table_cell": QCoreApplication.translate("FindingsTableModel", "table"),
        "property": QCoreApplication.translate("FindingsTableModel", "properties"),
        "annotation": QCoreApplication.translate("FindingsTableModel", "annotation"),
        "outline": QCoreApplication.translate("FindingsTableModel", "bookmark"),
        "attachment": QCoreApplication.translate("FindingsTableModel", "embedded file"),
        "hyperlink": QCoreApplication.translate("FindingsTableModel", "link"),
        "alt_text": QCoreApplication.translate("FindingsTableModel", "alt text"),
        "chart": QCoreApplication.translate("FindingsTableModel", "chart"),
        "diagram": QCoreApplication.translate("FindingsTableModel", "SmartArt"),
    }.get(kind, "")


class FindingsTableModel(QAbstractTableModel):
    TYPE, TEXT, WHERE, SCORE, STATE, OPERATOR = range(6)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[FindingRow] = []
        self._index: dict[str, int] = {}  # row id → position (a bulk decision looks up thousands)

    # -- data in --------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[FindingRow]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: (r.finding.start, r.finding.end))
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._index = {r.id: i for i, r in enumerate(self._rows)}

    def update_rows(self, rows: Sequence[FindingRow]) -> None:
        """Replace rows with the same id in place (a decision changed); insert the others, keep order.
        One `dataChanged` over the stretch that changed: a bulk decision on 600 rows is one signal."""
        fresh, changed = [], []
        for row in rows:
            i = self._index.get(row.id)
            if i is None:
                fresh.append(row)
            else:
                self._rows[i] = row
                changed.append(i)
        if changed:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))
        if fresh:
            self.set_rows([*self._rows, *fresh])

    def remove_ids(self, ids: set[str]) -> None:
        for i in sorted((self._index[i] for i in ids if i in self._index), reverse=True):
            self.beginRemoveRows(QModelIndex(), i, i)
            del self._rows[i]
            self._reindex()  # before the signal: its slots look rows up
            self.endRemoveRows()

    def rows(self) -> list[FindingRow]:
        return list(self._rows)

    def row_at(self, row: int) -> FindingRow:
        return self._rows[row]

    def row_of(self, row_id: str) -> int:
        return self._index.get(row_id, -1)

    def counts(self) -> dict[str, int]:
        """Findings per category, for the status line and the workspace list."""
        out: dict[str, int] = {}
        for r in self._rows:
            out[str(r.finding.category)] = out.get(str(r.finding.category), 0) + 1
        return out

    def set_state(
        self, row_id: str, state: ReviewState, *, operator: str | None = None, note: str = ""
    ) -> None:
        i = self.row_of(row_id)
        if i >= 0:
            self.update_rows([replace(self._rows[i], state=state, operator=operator, note=note)])

    # -- Qt model API ---------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Type"),
            self.tr("Text"),
            self.tr("Where"),
            self.tr("Score"),
            self.tr("Decision"),
            self.tr("In the copy"),
        ][section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        f = row.finding
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.TYPE:
                if is_possible(f):  # a tier-2 candidate: marked where the reviewer reads the type
                    return self.tr("%1 (possible)").replace("%1", entity_type_name(f.entity_type))
                return entity_type_name(f.entity_type)
            if col == self.TEXT:
                return f.text.replace("\n", " ⏎ ")
            if col == self.WHERE:
                return where(f)
            if col == self.SCORE:
                return f"{f.score:.2f}"
            if col == self.STATE:
                name = state_name(row.state)
                if row.origin == "propagated":
                    return self.tr("%1 (same value)").replace("%1", name)
                return name
            if col == self.OPERATOR:
                return becomes(row)
        elif role == SORT_ROLE:
            return {
                self.SCORE: f.score,
                self.WHERE: f.start,
                self.TEXT: f.text,
                self.TYPE: entity_type_name(f.entity_type),
                self.STATE: str(row.state),
                self.OPERATOR: row.replacement or "",
            }[col]
        elif role == Qt.ItemDataRole.ToolTipRole:
            return finding_tooltip(row)
        elif role == Qt.ItemDataRole.DecorationRole and col == self.TYPE:
            return category_colour(f.category)
        elif role == Qt.ItemDataRole.ForegroundRole and row.state == ReviewState.REJECTED:
            return QBrush(Qt.GlobalColor.gray)
        elif role == Qt.ItemDataRole.ForegroundRole and row.state == ReviewState.PENDING and is_possible(f):
            return QBrush(POSSIBLE_COLOUR)
        elif (
            role == Qt.ItemDataRole.ForegroundRole and col == self.STATE and row.state == ReviewState.ACCEPTED
        ):
            return QBrush(QColor("#1a7f37"))
        elif role == Qt.ItemDataRole.FontRole and f.severity == Severity.BLOCK:
            font = QFont()
            font.setBold(True)
            return font
        elif role == Qt.ItemDataRole.FontRole and is_possible(f):
            font = QFont()
            font.setItalic(True)
            return font
        elif role == Qt.ItemDataRole.TextAlignmentRole and col == self.SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == FINDING_ROLE:
            return f
        elif role == ROW_ROLE:
            return row
        return None

    def retranslate(self) -> None:
        """Language changed: every label is computed in data(), so a repaint is enough."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))


def becomes(row: FindingRow) -> str:
    """The table's 'In the copy' cell: the replacement the export writes, or that the text stays."""
    if row.stale:
        return "…"
    if row.conflict:
        return QCoreApplication.translate("FindingsTableModel", "⚠ changes anyway: %1").replace(
            "%1", row.replacement or "")
    if row.replacement is None:
        return QCoreApplication.translate("FindingsTableModel", "stays")
    return f"→ {row.replacement}".replace("\n", " ")


def finding_tooltip(row: FindingRow) -> str:
    """The explanation a reviewer reads on hover: type, category, severity, why it was found, reason."""
    f = row.finding
    lines = [f"<b>{entity_type_name(f.entity_type)}</b> · {category_name(f.category)}"]
    if is_possible(f):
        lines.append(QCoreApplication.translate(
            "FindingsTableModel", "Possible name: a low-score candidate; the copy changes it only if you accept it."))
    if f.severity:
        lines.append(severity_name(f.severity))
    lines.append(_escape(f.explanation))
    if row.replacement is not None:
        lines.append(QCoreApplication.translate("FindingsTableModel", "In the copy: %1").replace(
            "%1", _escape(row.replacement)))
    if row.operator:
        lines.append(QCoreApplication.translate("FindingsTableModel", "Operator: %1").replace(
            "%1", operator_name(row.operator)))
    if row.note:
        lines.append(
            QCoreApplication.translate("FindingsTableModel", "Reason: %1").replace("%1", _escape(row.note))
        )
    return "<p style='white-space:pre-wrap'>" + "<br>".join(lines) + "</p>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class FindingsFilterModel(QSortFilterProxyModel):
    """Filters rows by category, entity type, review state and a free-text needle."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._category: str | None = None
        self._entity_type: str | None = None
        self._state: str | None = None
        self._needle = ""

    def set_filters(
        self,
        *,
        category: str | None = None,
        entity_type: str | None = None,
        state: str | None = None,
        text: str = "",
    ) -> None:
        self.beginFilterChange()
        self._category, self._entity_type, self._state, self._needle = category, entity_type, state, text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        row: FindingRow = model.row_at(source_row)
        f = row.finding
        if self._category and f.category != self._category:
            return False
        if self._entity_type and f.entity_type != self._entity_type:
            return False
        if self._state and row.state != self._state:
            return False
        return not self._needle or self._needle in f.text

    def row_at(self, proxy_row: int) -> FindingRow:
        return self.sourceModel().row_at(self.mapToSource(self.index(proxy_row, 0)).row())

    def proxy_row_of(self, row_id: str) -> int:
        source_row = self.sourceModel().row_of(row_id)
        if source_row < 0:
            return -1
        return self.mapFromSource(self.sourceModel().index(source_row, 0)).row()

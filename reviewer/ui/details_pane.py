"""The details of the current finding, under the findings table, and the colour legend.

What a reviewer needs to decide without hovering: the type, the text in its context, where it is, why it
was reported (the pattern or model, the check, the context word), whose information it is when detection
knows (role, owner), the decision and what will be applied (operator, legal basis), and what the text
becomes in the copy. Everything in the UI language (`explanation.py`); the keyboard flow shows it too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.types import Category
from reviewer.ui.explanation import explain, role_text
from reviewer.ui.finding_style import KINDS, kind_name, paint_swatch
from reviewer.ui.findings_table_model import FindingRow, where
from reviewer.ui.labels import (
    ReviewState,
    category_colour,
    category_name,
    entity_type_name,
    operator_name,
    severity_name,
    state_name,
)

CONTEXT = 30  # characters shown on each side of the finding


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ⏎ ")


def in_context(text: str, start: int, end: int) -> str:
    """The finding in bold inside its line, cut to CONTEXT characters each side (rich text)."""
    lo = max(text.rfind("\n", 0, start) + 1, start - CONTEXT)
    hi = text.find("\n", end)
    hi = min(len(text) if hi < 0 else hi, end + CONTEXT)
    before, after = text[lo:start], text[end:hi]
    return (("…" if lo > 0 and text[lo - 1] != "\n" else "") + _escape(before) + f"<b><u>{_escape(text[start:end])}</u></b>"
            + _escape(after) + ("…" if hi < len(text) and text[hi] != "\n" else ""))


class _Swatch(QWidget):
    def __init__(self, category: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category, self.kind = category, kind
        self.setFixedSize(QSize(22, 14))

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        paint_swatch(painter, QRectF(self.rect()), self.category, self.kind)


class FlowLayout(QLayout):
    """Items left to right, wrapping to the next line when the width runs out (the legend fits a
    narrow dock as well as a wide one)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y + (line - hint.height()) // 2 if line > hint.height() else y),
                                       hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class Legend(QWidget):
    """What the colours and box styles mean (the same drawing as on the page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self._labels: dict[str, QLabel] = {}
        layout = FlowLayout(self, spacing=4)
        for category in Category:
            entry = QWidget()
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 6, 0)
            row.setSpacing(4)
            chip = QLabel(objectName=f"legendCategory_{category}")
            chip.setFixedSize(12, 12)
            chip.setStyleSheet(f"background: {category_colour(category).name()}; border-radius: 2px;")
            row.addWidget(chip)
            self._labels[f"c:{category}"] = label = QLabel()
            row.addWidget(label)
            layout.addWidget(entry)
        for kind in KINDS:
            entry = QWidget()
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 6, 0)
            row.setSpacing(4)
            row.addWidget(_Swatch(Category.PERSONAL, kind))
            self._labels[f"k:{kind}"] = label = QLabel()
            row.addWidget(label)
            layout.addWidget(entry)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.retranslate()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.layout().heightForWidth(width)

    def retranslate(self) -> None:
        for key, label in self._labels.items():
            kind, value = key.split(":", 1)
            label.setText(category_name(value) if kind == "c" else kind_name(value))
        self.updateGeometry()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class DetailsPane(QWidget):
    """Shows one row; `set_row(None)` clears it. `operator_for(entity_type)` names the operator an accept
    would apply (the profile's); `chinese()` says whether the UI speaks Chinese."""

    FIELDS = ("text", "where", "found", "checked", "context", "role", "decision", "applies", "copy")

    def __init__(self, operator_for: Callable[[str], str | None], chinese: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPane")
        self._operator_for, self._chinese = operator_for, chinese
        self._row: FindingRow | None = None
        self._text = ""
        self.heading = QLabel(objectName="detailsHeading")  # one line: type · category · severity
        self.values: dict[str, QLabel] = {}
        self._names: dict[str, QLabel] = {}
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setVerticalSpacing(3)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in self.FIELDS:
            value = QLabel(objectName=f"details_{name}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name] = value
            self._names[name] = label = QLabel()
            label.setStyleSheet("color: #57606a")
            self.form.addRow(label, value)
        self.scroll = QScrollArea(objectName="detailsScroll")
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setMinimumHeight(60)
        self.empty = QLabel(objectName="detailsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #57606a")
        self.legend = Legend()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.legend)
        self.retranslate()

    def set_document_text(self, text: str) -> None:
        self._text = text

    def set_row(self, row: FindingRow | None) -> None:
        self._row = row
        self._show()

    def row(self) -> FindingRow | None:
        return self._row

    def _show(self) -> None:
        row = self._row
        self.empty.setVisible(row is None)
        self.scroll.setVisible(row is not None)
        if row is None:
            self.heading.setText("")
            return
        f = row.finding
        colour = category_colour(f.category).name()
        severity = severity_name(f.severity)
        self.heading.setText(f"<span style='color:{colour}'>■</span> <b>{_escape(entity_type_name(f.entity_type))}</b>"
                             f" · {_escape(category_name(f.category))}" + (f" · <b>{_escape(severity)}</b>" if severity else ""))
        why = explain(f, self._chinese())
        text = self._text
        values = {
            "text": in_context(text, f.start, f.end) if f.end <= len(text) and text[f.start:f.end] == f.text
            else f"<b>{_escape(f.text)}</b>",
            "where": _escape(where(f) or "—"),
            "found": _escape(" ".join(p for p in (why.method, why.completed) if p))
            + (" " + self.tr("Score %1.").replace("%1", f"{f.score:.2f}") if row.origin != "propagated" else ""),
            "checked": _escape(why.check),
            "context": _escape(why.context),
            "role": _escape(role_text(f)),
            "decision": self._decision(row),
            "applies": self._applies(row),
            "copy": self._copy(row),
        }
        for name, value in values.items():
            self.values[name].setText(value)
            visible = bool(value)
            self.values[name].setVisible(visible)
            self._names[name].setVisible(visible)

    def _decision(self, row: FindingRow) -> str:
        text = f"<b>{_escape(state_name(row.state))}</b>"
        if row.origin == "propagated":
            text += " · " + _escape(self.tr("follows the decision on the same value"))
        if row.state == ReviewState.REJECTED and row.note:
            text += " · " + _escape(self.tr("reason: %1").replace("%1", row.note))
        elif row.note:
            text += " · " + _escape(self.tr("note: %1").replace("%1", row.note))
        return text

    def _applies(self, row: FindingRow) -> str:
        if row.state == ReviewState.REJECTED:
            return _escape(self.tr("Nothing: the text stays as printed."))
        basis = "、".join(row.legal_basis) if row.legal_basis else ""
        if row.state == ReviewState.ACCEPTED and row.operator:
            text = operator_name(row.operator)
        else:
            default = self._operator_for(str(row.finding.entity_type))
            if not default:
                return ""
            text = self.tr("%1 if accepted (the profile's operator)").replace("%1", operator_name(default))
        if basis:
            text += " · " + self.tr("legal basis %1").replace("%1", basis)
        return _escape(text)

    def _copy(self, row: FindingRow) -> str:
        if row.stale:
            return _escape(self.tr("being recomputed…"))
        if row.conflict:
            return ("<span style='color:#cf222e'>" + _escape(
                self.tr("Changes anyway: %1. The same text goes elsewhere and this place cannot be told apart.")
                .replace("%1", row.replacement or "")) + "</span>")
        if row.replacement is None:
            return _escape(self.tr("Stays as printed."))
        return "→ <b>" + _escape(row.replacement) + "</b>"

    def retranslate(self) -> None:
        names = {
            "text": self.tr("Text:"),
            "where": self.tr("Where:"),
            "found": self.tr("Found:"),
            "checked": self.tr("Checked:"),
            "context": self.tr("Context:"),
            "role": self.tr("Role:"),
            "decision": self.tr("Decision:"),
            "applies": self.tr("Applies:"),
            "copy": self.tr("In the copy:"),
        }
        for name, label in self._names.items():
            label.setText(names[name])
        self.empty.setText(self.tr("Select a finding to see why it was reported and what the copy will hold."))
        self._show()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""The details of the current finding, under the findings table.

What a reviewer needs to decide without hovering: the type, the text in its context, where it is, why it
was reported (the pattern or model, the check, the context word), whose information it is when detection
knows (role, owner), the decision and what will be applied (operator, legal basis), and what the text
becomes in the copy. Everything in the UI language (`explanation.py`); the keyboard flow shows it too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from reviewer.core.types import is_possible
from reviewer.ui.explanation import explain, role_text
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
    return (
        ("…" if lo > 0 and text[lo - 1] != "\n" else "")
        + _escape(before)
        + f"<b><u>{_escape(text[start:end])}</u></b>"
        + _escape(after)
        + ("…" if hi < len(text) and text[hi] != "\n" else "")
    )


class DetailsPane(QWidget):
    """Shows one row; `set_row(None)` clears it. `operator_for(entity_type)` names the operator an accept
    would apply (the profile's); `chinese()` says whether the UI speaks Chinese."""

    FIELDS = ("text", "where", "found", "checked", "context", "role", "decision", "applies", "copy")

    def __init__(
        self,
        operator_for: Callable[[str], str | None],
        chinese: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll, 1)
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
        possible = self.tr("possible name (candidate)")  # a tier-2 candidate: changed only when accepted
        self.heading.setText(
            f"<span style='color:{colour}'>■</span> <b>{_escape(entity_type_name(f.entity_type))}</b>"
            f" · {_escape(category_name(f.category))}"
            + (f" · <b>{_escape(severity)}</b>" if severity else "")
            + (f" · <b style='color:#9a6700'>{_escape(possible)}</b>" if is_possible(f) else "")
        )
        why = explain(f, self._chinese())
        text = self._text
        values = {
            "text": in_context(text, f.start, f.end)
            if f.end <= len(text) and text[f.start : f.end] == f.text
            else f"<b>{_escape(f.text)}</b>",
            "where": _escape(where(f) or "—"),
            "found": _escape(" ".join(p for p in (why.method, why.completed) if p))
            + (
                " " + self.tr("Score %1.").replace("%1", f"{f.score:.2f}")
                if row.origin != "propagated"
                else ""
            ),
            "checked": _escape(why.check),
            "context": _escape(why.context),
            "role": _escape(role_text(f, self._chinese())),
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
        note = row.note
        if not note and row.origin == "manual" and row.finding.explanation != "marked by the reviewer":
            note = row.finding.explanation  # the note written when the finding was marked
        if row.state == ReviewState.REJECTED and note:
            text += " · " + _escape(self.tr("reason: %1").replace("%1", note))
        elif note:
            text += " · " + _escape(self.tr("note: %1").replace("%1", note))
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
            return (
                "<span style='color:#cf222e'>"
                + _escape(
                    self.tr(
                        "Changes anyway: %1. The same text goes elsewhere "
                        "and this place cannot be told apart."
                    ).replace("%1", row.replacement or "")
                )
                + "</span>"
            )
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
        self.empty.setText(
            self.tr("Select a finding to see why it was reported and what the copy will hold.")
        )
        self._show()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

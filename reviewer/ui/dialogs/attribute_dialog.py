"""Disclosure attribute (公开属性源头认定): attribute, legal bases from the catalog, rationale, who
determined it, and the judgments of wording, timing and channel/scope. The core validates the record
(rationale required unless 主动公开, codes in the catalog, consistency with the printed 附注)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from reviewer.core.types import DisclosureAttribute


class AttributeDialog(QDialog):
    def __init__(
        self,
        catalog,
        *,
        record=None,
        suggestion=None,
        language: str = "zh",
        save=None,
        judgments=None,
        check_channel=None,
        parent: QWidget | None = None,
    ) -> None:
        """`save(record)` hands the record to the core; its refusal is shown here and the dialog stays.
        `judgments`: the core's suggestions for wording, timing and channel (issue 33); `check_channel(text)`:
        the core's warning when the chosen channel reaches further than the document's audience."""
        super().__init__(parent)
        self._judgments, self._check_channel = judgments, check_channel
        self._save, self._language = save, language
        self.error = QLabel(objectName="attributeError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #cf222e")
        self.setWindowTitle(self.tr("Disclosure attribute"))
        self._suggestion = suggestion
        self.attribute = QComboBox(objectName="attributeValue")
        names = {
            DisclosureAttribute.PROACTIVE: self.tr("Proactive disclosure"),
            DisclosureAttribute.ON_REQUEST: self.tr("Disclosure on request"),
            DisclosureAttribute.WITHHELD: self.tr("Not disclosed"),
            DisclosureAttribute.REDACTED_RELEASE: self.tr("Released after redaction"),
        }
        for value in DisclosureAttribute:
            label = str(value) if language.startswith("zh") else f"{names[value]} ({value})"
            self.attribute.addItem(label, str(value))
        self.basis = QListWidget(objectName="attributeBasis")
        for entry in catalog:
            title = entry.title_zh if language.startswith("zh") else entry.title_en
            item = QListWidgetItem(f"{entry.code}  {title}")
            item.setData(Qt.ItemDataRole.UserRole, entry.code)
            item.setToolTip(f"{entry.instrument.title_zh}\n{title}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.basis.addItem(item)
        self.basis.setMinimumHeight(150)
        self.rationale = QPlainTextEdit(objectName="attributeRationale")
        self.rationale.setMaximumHeight(90)
        self.unit = QLineEdit(objectName="attributeUnit")
        self.person = QLineEdit(objectName="attributePerson")
        self.wording = QLineEdit(objectName="attributeWording")
        self.timing = QLineEdit(objectName="attributeTiming")
        self.channel = QComboBox(objectName="attributeChannel")
        self.channel.setEditable(True)
        self.channel.addItems(["", "政府网站", "政府公报", "新闻发布会", "公示栏", "政务新媒体"])
        self.suggested = QLabel(objectName="attributeSuggestion")
        self.suggested.setWordWrap(True)
        use = QPushButton(self.tr("Use suggestion"), objectName="useSuggestion")
        use.clicked.connect(self.apply_suggestion)
        use.setEnabled(suggestion is not None or judgments is not None)
        if suggestion is not None:
            self.suggested.setText(
                self.tr("Suggested from the findings: %1 (%2)")
                .replace("%1", str(suggestion.attribute))
                .replace("%2", "、".join(suggestion.legal_basis) or "—")
            )
        # issue 33: what the wording/timing checks and the document kind suggest for the three judgments
        self.judgment_hints = QLabel(objectName="judgmentSuggestions")
        self.judgment_hints.setWordWrap(True)
        self.judgment_hints.setStyleSheet("color: #57606a")
        self.channel_warning = QLabel(objectName="channelWarning")
        self.channel_warning.setWordWrap(True)
        self.channel_warning.setStyleSheet("color: #9a6700")
        if judgments is not None:
            lines = [self.tr("Wording: %1").replace("%1", judgments.wording),
                     self.tr("Timing: %1").replace("%1", judgments.timing)]
            if judgments.channel:
                lines.append(self.tr("Channel: %1").replace("%1", judgments.channel))
            self.judgment_hints.setText("\n".join(lines))
        self.channel.editTextChanged.connect(self._on_channel_changed)
        top = QHBoxLayout()
        top.addWidget(self.suggested, 1)
        top.addWidget(use)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(top)
        form.addRow(self.tr("Attribute:"), self.attribute)
        form.addRow(self.tr("Legal basis:"), self.basis)
        form.addRow(self.tr("Rationale:"), self.rationale)
        form.addRow(self.tr("Drafting unit:"), self.unit)
        form.addRow(self.tr("Determined by:"), self.person)
        form.addRow(self.tr("Wording judgment:"), self.wording)
        form.addRow(self.tr("Timing judgment:"), self.timing)
        form.addRow(self.tr("Channel and scope:"), self.channel)
        form.addRow(self.channel_warning)
        form.addRow(self.judgment_hints)
        form.addRow(self.error)
        form.addRow(buttons)
        self.resize(680, 640)
        if record is not None:
            self.load(record)

    def try_accept(self) -> None:
        from reviewer.ui.dialogs.error_dialog import error_text

        try:
            if self._save is not None:
                self._save(self.record())
        except Exception as exc:  # noqa: BLE001 - the core's refusal, shown in place
            self.error.setText(error_text(exc, self._language))
            return
        self.accept()

    def load(self, record) -> None:
        self.attribute.setCurrentIndex(self.attribute.findData(str(record.attribute)))
        self.set_codes(record.legal_basis)
        self.rationale.setPlainText(record.rationale)
        self.unit.setText(record.determined_by_unit)
        self.person.setText(record.determined_by_person)
        self.wording.setText(record.wording)
        self.timing.setText(record.timing)
        self.channel.setCurrentText(record.channel_scope)

    def apply_suggestion(self) -> None:
        j = self._judgments
        if j is not None:  # fills the judgments only where the reviewer wrote nothing
            for field, text in ((self.wording, j.wording), (self.timing, j.timing)):
                if not field.text().strip():
                    field.setText(text)
            if j.channel and not self.channel.currentText().strip():
                self.channel.setCurrentText(j.channel)
        s = self._suggestion
        if s is None:
            return
        self.attribute.setCurrentIndex(self.attribute.findData(str(s.attribute)))
        self.set_codes(s.legal_basis)
        if not self.rationale.toPlainText().strip():
            self.rationale.setPlainText(s.rationale)

    def _on_channel_changed(self, text: str) -> None:
        if self._check_channel is None:
            return
        try:
            warning = self._check_channel(text)
        except Exception:  # noqa: BLE001 - a convenience; the record is saved without it
            warning = ""
        self.channel_warning.setText(warning)

    def set_codes(self, codes) -> None:
        wanted = set(codes)
        for i in range(self.basis.count()):
            item = self.basis.item(i)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in wanted
                else Qt.CheckState.Unchecked
            )

    def codes(self) -> tuple[str, ...]:
        return tuple(
            self.basis.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.basis.count())
            if self.basis.item(i).checkState() == Qt.CheckState.Checked
        )

    def record(self):
        from reviewer.core.review.attribute import DisclosureRecord

        return DisclosureRecord(
            attribute=DisclosureAttribute(self.attribute.currentData()),
            legal_basis=self.codes(),
            rationale=self.rationale.toPlainText().strip(),
            determined_by_unit=self.unit.text().strip(),
            determined_by_person=self.person.text().strip(),
            wording=self.wording.text().strip(),
            timing=self.timing.text().strip(),
            channel_scope=self.channel.currentText().strip(),
        )

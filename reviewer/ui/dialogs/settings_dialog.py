"""Settings: policy profile, detection threshold, interface language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from reviewer.ui.i18n import LANGUAGES


class SettingsDialog(QDialog):
    def __init__(
        self,
        *,
        profiles: list[str],
        profile: str,
        threshold: float | None,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.profile = QComboBox(objectName="settingsProfile")
        names = {
            "auto": self.tr("By document kind (automatic)"),
            "general": self.tr("General (all personal information)"),
            "punitive-notice": self.tr("Punitive notice (names stay)"),
            "mandatory-disclosure": self.tr("Mandatory disclosure"),
            "appointment-notice": self.tr("Appointment or recruitment notice"),
            "procurement-result": self.tr("Procurement award notice"),
            "expropriation-compensation": self.tr("Expropriation compensation notice"),
            "assistance-notice": self.tr("Social-assistance notice"),
        }
        for name in profiles:
            self.profile.addItem(names.get(name, name), name)
        self.profile.setCurrentIndex(max(0, self.profile.findData(profile)))
        self.threshold = QDoubleSpinBox(objectName="settingsThreshold")
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setSpecialValueText(self.tr("Engine default"))  # 0.00 → the configured defaults
        self.threshold.setValue(threshold or 0.0)
        self.language = QComboBox(objectName="settingsLanguage")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("De-identification profile:"), self.profile)
        form.addRow(self.tr("Detection threshold:"), self.threshold)
        hint = QLabel(
            self.tr("Findings scored below the threshold are not shown. Applies to the next detection.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #57606a")
        form.addRow(hint)
        form.addRow(self.tr("Interface language:"), self.language)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

"""Add a user (administrators only; the core checks the role): name, display name, role, password."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


class AddUserDialog(QDialog):
    def __init__(
        self,
        create: Callable[[str, str, str, str], object],
        *,
        language: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        """`create(username, role, password, display_name)` is the core call; its refusal shows here."""
        super().__init__(parent)
        from reviewer.ui.workflow import role_name

        self._create, self._language = create, language
        self.user = None
        self.setWindowTitle(self.tr("Add user"))
        self.username = QLineEdit(objectName="newUser")
        self.display_name = QLineEdit(objectName="newDisplayName")
        self.role = QComboBox(objectName="newRole")
        for role in ("reviewer", "supervisor", "auditor", "admin"):
            self.role.addItem(role_name(role), role)
        self.password = QLineEdit(objectName="newPassword")
        self.repeat = QLineEdit(objectName="newPasswordRepeat")
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="newUserError")
        self.error.setStyleSheet("color: #cf222e")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Display name:"), self.display_name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.repeat)
        form.addRow(self.error)
        form.addRow(buttons)

    def try_accept(self) -> None:
        from reviewer.ui.dialogs.error_dialog import error_text

        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        try:
            self.user = self._create(
                self.username.text().strip(),
                self.role.currentData(),
                self.password.text(),
                self.display_name.text().strip() or None,
            )
        except Exception as exc:  # noqa: BLE001 - the core's message, in place
            self.error.setText(error_text(exc, self._language))
            return
        self.accept()

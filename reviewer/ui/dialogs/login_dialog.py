"""Log in / switch user; on a fresh workspace, create the first administrator (who may also review)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)


class LoginDialog(QDialog):
    """`check(username, password)` returns the core User or raises the core's error (shown inline). On the
    first run `check(username, password, also_reviewer)` creates the administrator."""

    def __init__(
        self,
        check: Callable[..., object],
        *,
        first_run: bool,
        last_user: str = "",
        language: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check, self._language, self.first_run = check, language, first_run
        self.user = None
        self.setWindowTitle(self.tr("Create the administrator") if first_run else self.tr("Log in"))
        self.intro = QLabel(
            self.tr("This workspace has no users yet. Create the first account: it administers the workspace "
                    "(adds users) and, if you review documents yourself, reviews too.")
            if first_run
            else self.tr("Log in to record decisions in the workspace.")
        )
        self.intro.setWordWrap(True)
        self.username = QLineEdit(last_user, objectName="loginUser")
        self.password = QLineEdit(objectName="loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="loginPasswordRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.also_reviewer = QCheckBox(self.tr("I also review documents with this account (reviewer role)"),
                                       objectName="alsoReviewer")
        self.also_reviewer.setChecked(True)
        self.signoff_note = QLabel(
            self.tr("Sign-off needs a supervisor who is someone else: add them afterwards under File → Users."),
            objectName="signoffNote")
        self.signoff_note.setWordWrap(True)
        self.error = QLabel(objectName="loginError")
        self.error.setStyleSheet("color: #cf222e")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.intro)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        if first_run:
            form.addRow(self.tr("Repeat password:"), self.repeat)
            form.addRow(self.also_reviewer)
            form.addRow(self.signoff_note)
        else:
            for widget in (self.repeat, self.also_reviewer, self.signoff_note):
                widget.hide()
        form.addRow(self.error)
        form.addRow(buttons)
        (self.password if last_user else self.username).setFocus()
        self.resize(460, self.minimumSizeHint().height())

    def try_accept(self) -> None:
        from reviewer.ui.dialogs.error_dialog import error_text

        if self.first_run and self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            self.repeat.selectAll()
            self.repeat.setFocus()
            return
        try:
            if self.first_run:
                self.user = self._check(self.username.text().strip(), self.password.text(),
                                        self.also_reviewer.isChecked())
            else:
                self.user = self._check(self.username.text().strip(), self.password.text())
        except Exception as exc:  # noqa: BLE001 - the core's message, in the dialog
            self.error.setText(error_text(exc, self._language))
            self.password.selectAll()
            return
        self.accept()

"""Supervisor sign-off: what still blocks approval (from the core), password re-entry, approve or
return with a comment. Approving runs the core's check (password, approval rules) while the dialog stays
open: a wrong password is said in the dialog, and the comment is still there to try again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)


class SignOffDialog(QDialog):
    APPROVE, RETURN = "approve", "return"

    def __init__(
        self,
        *,
        title: str,
        reviewers: str,
        supervisor: str,
        problems: list[str],
        approve: Callable[[str, str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`approve(password, comment)` starts the approval; it answers with `approved()` or
        `refused(message)`. Without it, Approve simply accepts the dialog."""
        super().__init__(parent)
        self.setObjectName("signoffDialog")
        self.choice: str | None = None
        self._approve_with = approve
        self.setWindowTitle(self.tr("Sign off"))
        self.error = QLabel(objectName="signoffError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #cf222e")
        self.error.hide()
        self.problems = QListWidget(objectName="signoffProblems")
        self.problems.addItems(problems or [self.tr("All approval checks pass.")])
        self.problems.setMaximumHeight(110)
        self.password = QLineEdit(objectName="signoffPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Re-enter your password to sign"))
        self.comment = QPlainTextEdit(objectName="signoffComment")
        self.comment.setPlaceholderText(self.tr("Required when returning the review"))
        self.comment.setMaximumHeight(80)
        self.approve_button = QPushButton(self.tr("Approve and sign"), objectName="approveButton")
        self.return_button = QPushButton(self.tr("Return for rework"), objectName="returnButton")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.return_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.approve_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.approve_button.clicked.connect(self._approve)
        self.return_button.clicked.connect(self._return)
        self.approve_button.setEnabled(not problems)
        form = QFormLayout(self)
        form.addRow(self.tr("Document:"), QLabel(f"<b>{title}</b>"))
        form.addRow(self.tr("Reviewed by:"), QLabel(reviewers or "—"))
        form.addRow(self.tr("Supervisor:"), QLabel(supervisor))
        form.addRow(self.tr("Approval checks:"), self.problems)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Comment:"), self.comment)
        form.addRow(self.error)
        form.addRow(buttons)
        self._can_approve = not problems
        self.resize(540, self.sizeHint().height())

    def _approve(self) -> None:
        if not self.password.text():
            self.password.setFocus()
            return
        self.choice = self.APPROVE
        if self._approve_with is None:
            self.accept()
            return
        self._busy(True)
        self.error.hide()
        self._approve_with(self.password.text(), self.comment.toPlainText().strip())

    def approved(self) -> None:
        self._busy(False)
        self.accept()

    def refused(self, message: str) -> None:
        """The core refused (a wrong password, a check that fails now): say so here, keep the comment."""
        self._busy(False)
        self.choice = None
        self.error.setText(message)
        self.error.show()
        self.password.selectAll()
        self.password.setFocus()

    def _busy(self, busy: bool) -> None:
        self.approve_button.setEnabled(not busy and self._can_approve)
        self.return_button.setEnabled(not busy)

    def _return(self) -> None:
        """A return is signed too: it needs the reason and the password."""
        if not self.comment.toPlainText().strip():
            self.comment.setFocus()
        elif not self.password.text():
            self.password.setFocus()
        else:
            self.choice = self.RETURN
            self.accept()

"""The workspace's users (administrators): who there is, their roles and state; add, change roles,
disable or enable. Every change is signed with the administrator's key, so the dialog asks for their
password once and the core checks it on each change. The core decides what is allowed; refusals and
confirmations show in the dialog, in the UI language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

ROLES = ("reviewer", "supervisor", "auditor", "admin")
Submit = Callable[[Callable[[], object], Callable[[object], None], Callable[[BaseException], None]], None]


def roles_label(roles) -> str:  # noqa: ANN001 - a set of core Roles or their names
    from reviewer.ui.workflow import role_name

    order = {r: i for i, r in enumerate(ROLES)}
    separator = QCoreApplication.translate("Roles", ", ")
    return separator.join(role_name(str(r)) for r in sorted(roles, key=lambda r: order.get(str(r), 9)))


class RoleBoxes(QWidget):
    """One checkbox per role (an account may hold several, e.g. administrator and reviewer)."""

    def __init__(self, checked=(), parent: QWidget | None = None) -> None:
        from reviewer.ui.workflow import role_name

        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = {}
        for role in ROLES:
            box = QCheckBox(role_name(role), objectName=f"role_{role}")
            box.setChecked(role in {str(r) for r in checked})
            layout.addWidget(box)
            self.boxes[role] = box

    def roles(self) -> list[str]:
        return [role for role, box in self.boxes.items() if box.isChecked()]


class _Signed(QDialog):
    """A small form whose OK runs a signed change through `submit` and stays open on a refusal."""

    def __init__(self, submit: Submit, language: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._submit, self._language = submit, language
        self.result_value = None
        self.error = QLabel(objectName="formError")
        self.error.setStyleSheet("color: #cf222e")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)

    def change(self):  # noqa: ANN201 - the core call, or None when a field is wrong (error shown)
        raise NotImplementedError

    def try_accept(self) -> None:
        from reviewer.ui.dialogs.error_dialog import error_text

        work = self.change()
        if work is None:
            return
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.error.setText(QCoreApplication.translate("UsersDialog", "Signing…"))

        def done(value) -> None:
            self.result_value = value
            self.accept()

        def failed(exc: BaseException) -> None:
            ok.setEnabled(True)
            self.error.setText(error_text(exc, self._language))

        self._submit(work, done, failed)


class AddUserDialog(_Signed):
    def __init__(self, create: Callable[[str, list[str], str, str | None], object], submit: Submit, *,
                 language: str = "zh", parent: QWidget | None = None) -> None:
        """`create(username, roles, password, display_name)` is the core call (signed by the admin)."""
        super().__init__(submit, language, parent)
        self._create = create
        self.setWindowTitle(self.tr("Add user"))
        self.username = QLineEdit(objectName="newUser")
        self.display_name = QLineEdit(objectName="newDisplayName")
        self.roles = RoleBoxes(("reviewer",))
        self.password = QLineEdit(objectName="newPassword")
        self.repeat = QLineEdit(objectName="newPasswordRepeat")
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        hint = QLabel(self.tr("A supervisor signs off reviews and must be someone other than their reviewer. "
                              "At least 8 characters for the password."))
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Display name:"), self.display_name)
        form.addRow(self.tr("Roles:"), self.roles)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.repeat)
        form.addRow(hint)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.resize(520, self.sizeHint().height())

    @property
    def user(self):  # noqa: ANN201 - the core User once created
        return self.result_value

    def change(self):  # noqa: ANN201
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            return None
        if not self.roles.roles():
            self.error.setText(self.tr("Choose at least one role."))
            return None
        name, roles, password = self.username.text().strip(), self.roles.roles(), self.password.text()
        display = self.display_name.text().strip() or None
        return lambda: self._create(name, roles, password, display)


class RolesDialog(_Signed):
    def __init__(self, username: str, current, change: Callable[[list[str]], object], submit: Submit, *,
                 language: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(submit, language, parent)
        self._change = change
        self.setWindowTitle(self.tr("Roles of %1").replace("%1", username))
        self.roles = RoleBoxes(current)
        form = QFormLayout(self)
        form.addRow(self.tr("Roles:"), self.roles)
        form.addRow(self.error)
        form.addRow(self.buttons)

    def change(self):  # noqa: ANN201
        roles = self.roles.roles()
        if not roles:
            self.error.setText(self.tr("Choose at least one role."))
            return None
        return lambda: self._change(roles)


class UsersDialog(QDialog):
    """`service` is the window's workspace facade; `admin` the logged-in administrator."""

    COLUMNS = 5

    def __init__(self, service, admin, submit: Submit, *, language: str = "zh", parent: QWidget | None = None,
                 opened: Callable[[QDialog], None] | None = None) -> None:
        super().__init__(parent)
        self.service, self.admin, self._submit, self._language = service, admin, submit, language
        self._opened = opened or (lambda _d: None)
        self.setWindowTitle(self.tr("Users"))
        self.table = QTableWidget(0, self.COLUMNS, objectName="usersTable")
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Name"), self.tr("Roles"),
                                              self.tr("State"), self.tr("Signing key")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.password = QLineEdit(objectName="adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Each change is signed with your key"))
        self.add_button = QPushButton(self.tr("&Add user…"), objectName="addUserButton")
        self.roles_button = QPushButton(self.tr("&Roles…"), objectName="rolesButton")
        self.toggle_button = QPushButton(self.tr("&Disable"), objectName="toggleUserButton")
        self.status = QLabel(objectName="usersStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.add_button.clicked.connect(self.add_user)
        self.roles_button.clicked.connect(self.change_roles)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.roles_button, self.toggle_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        password_row = QFormLayout()
        password_row.addRow(self.tr("Your password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(password_row)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(720, 420)
        self.reload()
        self.password.setFocus()  # every change needs it first

    # -- list -----------------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        self._users = self.service.users()
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            state = self.tr("Active") if user.active else self.tr("Disabled")
            for column, text in enumerate((user.username, user.display_name, roles_label(user.roles), state,
                                           user.key_fingerprint)):
                item = QTableWidgetItem(text)
                if not user.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
            if user.username == select:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self):  # noqa: ANN201 - the core User of the selected row
        rows = self.table.selectionModel().selectedRows()
        return self._users[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        self.roles_button.setEnabled(user is not None)
        self.toggle_button.setEnabled(user is not None)
        self.toggle_button.setText(self.tr("&Enable") if user is not None and not user.active else self.tr("&Disable"))

    # -- changes ----------------------------------------------------------------------------------------
    def _secret(self) -> str | None:
        if self.password.text():
            return self.password.text()
        self.status.setText(self.tr("Enter your own password first: each change is signed with your key."))
        self.password.setFocus()
        return None

    def _show(self, dialog: QDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self._opened(dialog)

    def add_user(self) -> AddUserDialog | None:
        secret = self._secret()
        if secret is None:
            return None
        service, admin = self.service, self.admin
        dialog = AddUserDialog(
            lambda name, roles, password, display: service.create_user(admin, name, roles, password, display,
                                                                       admin_password=secret),
            self._submit, language=self._language, parent=self)

        def added() -> None:
            user = dialog.user
            self.reload(select=user.username)
            self.status.setText(self.tr("%1 added as %2. They can log in now.")
                                .replace("%1", user.username).replace("%2", roles_label(user.roles)))

        dialog.accepted.connect(added)
        self._show(dialog)
        return dialog

    def change_roles(self) -> RolesDialog | None:
        user, secret = self.selected(), self._secret()
        if user is None or secret is None:
            return None
        service, admin = self.service, self.admin
        dialog = RolesDialog(user.username, {str(r) for r in user.roles},
                             lambda roles: service.set_roles(admin, user.username, roles, admin_password=secret),
                             self._submit, language=self._language, parent=self)

        def changed() -> None:
            now = dialog.result_value
            self.reload(select=now.username)
            self.status.setText(self.tr("Roles of %1: %2.").replace("%1", now.username)
                                .replace("%2", roles_label(now.roles)))

        dialog.accepted.connect(changed)
        self._show(dialog)
        return dialog

    def toggle_active(self) -> None:
        from reviewer.ui.dialogs.error_dialog import error_text

        user, secret = self.selected(), self._secret()
        if user is None or secret is None:
            return
        service, admin, active = self.service, self.admin, not user.active
        self.toggle_button.setEnabled(False)
        self.status.setText(self.tr("Signing…"))

        def done(now) -> None:
            self.reload(select=now.username)
            text = (self.tr("%1 enabled: they can log in again.") if now.active
                    else self.tr("%1 disabled: they can no longer log in or act, also in an open window."))
            self.status.setText(text.replace("%1", now.username))

        def failed(exc: BaseException) -> None:
            self._update_buttons()
            self.status.setText(error_text(exc, self._language))

        self._submit(lambda: service.set_active(admin, user.username, active, admin_password=secret), done, failed)

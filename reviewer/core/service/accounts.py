"""The workspace's accounts: first run, adding users, roles, disabling, passwords — each a signed event.

An administrator's change is signed with their key, so every call that changes someone else takes the
administrator's password (as a sign-off does). Who is acting is always read back from the workspace
(`acting`): the roles and active state the signed chain gives the account now, checked against its row.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from sqlalchemy import Connection

from reviewer.core.review import registry, users
from reviewer.core.review.users import Role, User
from reviewer.core.store.errors import NotFound, PermissionDenied


class OsAccount(str):
    """The operating-system account a CLI run without a sign-in acts as ("os:NAME"): recorded as such,
    allowed to import documents and record exports only, never to review or sign."""

    __slots__ = ()

    @property
    def username(self) -> str:
        return str(self)


class Accounts:
    """Mixed into `Workspace` (which provides read(), write(), write_witness() and `_registry`)."""

    # --- first run ---------------------------------------------------------------------------------
    def needs_admin(self) -> bool:
        with self.read() as conn:
            return users.count_users(conn) == 0

    def create_first_admin(self, username: str, password: str, display_name: str | None = None, *,
                           also_reviewer: bool = False) -> User:
        """The first account: an administrator (who signs their own registration, the chain's root of
        trust). `also_reviewer`: a one-person workspace reviews with the same account; sign-off still
        needs a supervisor who is someone else."""
        roles = {Role.ADMIN} | ({Role.REVIEWER} if also_reviewer else set())
        with self.write() as conn:
            if users.count_users(conn):
                raise PermissionDenied("工作区已有用户，请由管理员添加新用户。",
                                       "The workspace already has users; ask an administrator to add you.")
            name = users.normalize_username(username)
            user = users.create_user(conn, username=name, roles=frozenset(roles), password=password,
                                     display_name=display_name, created_by=name)
        self.write_witness()
        return user

    # --- administrators' changes ------------------------------------------------------------------------
    def _admin(self, conn: Connection, admin: User, password: str, action_zh: str, action_en: str):
        admin = self.acting(conn, admin)
        users.require_role(admin, Role.ADMIN, action_zh=action_zh, action_en=action_en)
        return admin, users.signing_key(conn, admin, password)

    def create_user(self, admin: User, username: str, roles: str | Role | Iterable[Role], password: str,
                    display_name: str | None = None, *, admin_password: str) -> User:
        wanted = users.parse_roles(roles)
        with self.write() as conn:
            admin, key = self._admin(conn, admin, admin_password, "添加用户", "add users")
            user = users.create_user(conn, username=username, roles=wanted, password=password,
                                     display_name=display_name, created_by=admin.username, signer_key=key)
        self.write_witness()
        return user

    def set_roles(self, admin: User, username: str, roles: str | Role | Iterable[Role], *,
                  admin_password: str) -> User:
        wanted = users.parse_roles(roles)
        with self.write() as conn:
            admin, key = self._admin(conn, admin, admin_password, "修改角色", "change roles")
            target = users.get_user(conn, username)
            if Role.ADMIN in target.roles and Role.ADMIN not in wanted:
                self._keep_an_admin(conn, target)
            if wanted != target.roles:
                users.set_roles(conn, target, wanted, admin=admin.username, key=key)
            user = users.get_user(conn, username)
        self.write_witness()
        return user

    def set_active(self, admin: User, username: str, active: bool, *, admin_password: str) -> User:
        """Disable (or enable again) an account: a disabled user cannot log in, and an open session of
        theirs is refused at its next action."""
        with self.write() as conn:
            admin, key = self._admin(conn, admin, admin_password, "停用或启用用户", "disable or enable users")
            target = users.get_user(conn, username)
            if not active and Role.ADMIN in target.roles:
                self._keep_an_admin(conn, target)
            if target.active != active:
                users.set_active(conn, target, active, admin=admin.username, key=key)
            user = users.get_user(conn, username)
        self.write_witness()
        return user

    def _keep_an_admin(self, conn: Connection, target: User) -> None:
        others = [u for u in users.list_users(conn)
                  if u.username != target.username and u.active and Role.ADMIN in u.roles]
        if not others:
            raise PermissionDenied(f"{target.username} 是唯一启用的管理员，不能停用或取消其管理员角色；请先指定另一名管理员。",
                                   f"{target.username} is the only active administrator and cannot be disabled or "
                                   "lose the role; make someone else an administrator first.")

    def reset_password(self, admin: User, username: str, new_password: str, *, admin_password: str) -> None:
        """A forgotten password: the administrator registers a new key for the user (signed by the
        administrator); sign-offs made with the old key still verify."""
        with self.write() as conn:
            admin, key = self._admin(conn, admin, admin_password, "重置密码", "reset passwords")
            target = users.get_user(conn, username)
            users.register_key(conn, target, new_password, actor=admin.username, key=key, reason="reset")
        self.write_witness()

    # --- one's own account -------------------------------------------------------------------------------
    def change_password(self, user: User, old_password: str, new_password: str) -> None:
        """A new password comes with a new signing key, sealed with it; the old sealed copy is removed and
        the change is an event signed with the old key."""
        with self.write() as conn:
            me = self.acting(conn, user)
            key = users.signing_key(conn, me, old_password)
            users.register_key(conn, me, new_password, actor=me.username, key=key, reason="password_changed")
        self.write_witness()

    def login(self, username: str, password: str) -> User:
        name = unicodedata.normalize("NFKC", username or "").strip()
        with self.read() as conn:
            users.authenticate(conn, name, password)
            return self.acting(conn, users.get_user(conn, name))

    # --- reading ---------------------------------------------------------------------------------------
    def get_user(self, username: str) -> User:
        with self.read() as conn:
            return users.get_user(conn, username)

    def users(self) -> list[User]:
        """Every account, active or not, with its roles (what the users list shows)."""
        with self.read() as conn:
            return users.list_users(conn)

    def public_keys(self) -> dict[str, str]:
        """Each user's current public key."""
        with self.read() as conn:
            return users.public_keys(conn)

    def key_history(self) -> dict[str, list[str]]:
        """Every key each user has had, from the signed chain (what `audit keys` exports)."""
        with self.read() as conn:
            current = self._registry.current(conn)
            return {name: account.keys for name, account in sorted(current.accounts.items())}

    def acting(self, conn: Connection, actor: User | OsAccount) -> User:
        """The user as the signed chain says they are now. Names are not accepted: only a User (from
        `login`) or, for the actions an unsigned-in CLI may do, an `OsAccount`, which is refused here."""
        if isinstance(actor, OsAccount) or not isinstance(actor, User):
            raise PermissionDenied(
                f"“{actor}”不是已登录的用户：此操作需要登录（命令行未登录时只能导入文档和登记导出，记为操作系统账号）。",
                f"'{actor}' is not a signed-in user: this needs a log-in (a CLI run without one may only import "
                "documents and record exports, as the operating-system account).")
        try:
            return registry.acting_user(conn, self._registry.current(conn), actor.username)
        except NotFound:
            raise PermissionDenied(f"找不到用户 {actor.username}。", f"No user named {actor.username}.") from None

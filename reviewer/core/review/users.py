"""Local accounts: roles, argon2id password hashes, and each user's Ed25519 sign-off key."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, func, select

from reviewer.core.audit import signing
from reviewer.core.audit.chain import append_event, utc_now
from reviewer.core.store import schema
from reviewer.core.store.errors import AuthenticationFailed, NotFound, PermissionDenied, UserExists

_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters
MIN_PASSWORD_LENGTH = 8


class Role(StrEnum):
    REVIEWER = "reviewer"
    SUPERVISOR = "supervisor"
    AUDITOR = "auditor"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    display_name: str
    role: Role
    public_key: str

    @property
    def key_fingerprint(self) -> str:
        return signing.fingerprint(self.public_key)


def _user(row) -> User:
    return User(row.id, row.username, row.display_name, Role(row.role), row.public_key)


def count_users(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(schema.users)).scalar() or 0)


def create_user(conn: Connection, *, username: str, role: Role, password: str, display_name: str | None,
                created_by: str) -> User:
    username = username.strip()
    if not username or len(username) > 64:
        raise PermissionDenied("用户名不能为空且不超过 64 个字符。", "The user name must be 1-64 characters.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthenticationFailed(f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符，请换一个更长的密码。",
                                   f"The password needs at least {MIN_PASSWORD_LENGTH} characters; "
                                   "choose a longer one.")
    if conn.execute(select(schema.users.c.id).where(schema.users.c.username == username)).first():
        raise UserExists(f"用户 {username} 已存在，请换一个用户名。",
                         f"User {username} already exists; choose another name.")
    public_key, sealed = signing.generate_keypair(password)
    now = utc_now()
    append_event(conn, actor=created_by, action="user.created",
                         details={"username": username, "role": str(role), "public_key": public_key,
                                  "key_fingerprint": signing.fingerprint(public_key)})
    result = conn.execute(schema.users.insert().values(
        username=username, display_name=display_name or username, role=str(role),
        password_hash=_HASHER.hash(password), public_key=public_key, private_key_sealed=sealed,
        active=True, created_at=now))
    return User(result.inserted_primary_key[0], username, display_name or username, role, public_key)


def get_user(conn: Connection, username: str) -> User:
    row = conn.execute(select(schema.users).where(schema.users.c.username == username)).first()
    if row is None:
        raise NotFound(f"找不到用户 {username}。", f"No user named {username}.")
    return _user(row)


def authenticate(conn: Connection, username: str, password: str) -> User:
    """Check the password; the same error for an unknown user and a wrong password."""
    row = conn.execute(select(schema.users).where(schema.users.c.username == username,
                                                  schema.users.c.active.is_(True))).first()
    failed = AuthenticationFailed("用户名或密码错误，请重新输入。", "Wrong user name or password; try again.")
    if row is None:
        raise failed
    try:
        _HASHER.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise failed from None
    return _user(row)


def private_key_for(conn: Connection, user: User, password: str):
    """Re-check the password and decrypt the user's signing key (sign-off needs password re-entry)."""
    authenticate(conn, user.username, password)
    sealed = conn.execute(select(schema.users.c.private_key_sealed)
                          .where(schema.users.c.id == user.id)).scalar_one()
    try:
        return signing.unseal(sealed, password)
    except ValueError:
        raise AuthenticationFailed("无法用该密码解开签名密钥，请联系管理员重置密钥。",
                                   "The password does not unlock the signing key; ask the administrator "
                                   "to reset the key.") from None


def change_password(conn: Connection, user: User, old_password: str, new_password: str) -> None:
    authenticate(conn, user.username, old_password)
    if len(new_password) < MIN_PASSWORD_LENGTH:
        raise AuthenticationFailed(f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符。",
                                   f"The password needs at least {MIN_PASSWORD_LENGTH} characters.")
    sealed = conn.execute(select(schema.users.c.private_key_sealed)
                          .where(schema.users.c.id == user.id)).scalar_one()
    conn.execute(schema.users.update().where(schema.users.c.id == user.id).values(
        password_hash=_HASHER.hash(new_password),
        private_key_sealed=signing.reseal(sealed, old_password, new_password)))
    append_event(conn, actor=user.username, action="user.password_changed", details={"username": user.username})


def public_keys(conn: Connection) -> dict[str, str]:
    rows = conn.execute(select(schema.users.c.username, schema.users.c.public_key)
                        .order_by(schema.users.c.username)).all()
    return {row.username: row.public_key for row in rows}


def require_role(user: User, *roles: Role, action_zh: str, action_en: str) -> None:
    if user.role not in roles:
        allowed = "/".join(str(r) for r in roles)
        raise PermissionDenied(f"{user.username}（{user.role}）无权{action_zh}；需要角色 {allowed}。",
                               f"{user.username} ({user.role}) may not {action_en}; it needs role {allowed}.")

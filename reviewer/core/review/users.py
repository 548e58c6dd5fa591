"""Local accounts: roles, argon2id password hashes, each user's Ed25519 key, and the signed user events.

A user's roles, active state and key are part of the audit chain: creation, role changes, deactivation
and key registration are events signed by an administrator's key (the first administrator signs their
own creation: the chain's root of trust, pinned from outside by `audit keys` / `--keys FILE`). The
`users` table is what log-in reads (password hash, sealed key); who may do what comes from the signed
chain (`registry.UserRegistry`), never from a caller's `User` object and never from the table alone.
Every change to a row goes through `write_user_row`, which applies exactly what the event says (on
PostgreSQL through a function owned by the table owner: the application role may not UPDATE users).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, func, select

from reviewer.core.audit import signing
from reviewer.core.audit.chain import AuditEvent, append_event
from reviewer.core.store import dialect, schema
from reviewer.core.store.errors import AuthenticationFailed, NotFound, PermissionDenied, UserExists

_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters
# A hash of a random password: log-in for an unknown user verifies against it, so a failure takes the
# same time whether or not the user exists.
_DUMMY_HASH = _HASHER.hash("no such user: constant-time refusal")
MIN_PASSWORD_LENGTH = 8
MAX_USERNAME_LENGTH = 64


class Role(StrEnum):
    REVIEWER = "reviewer"
    SUPERVISOR = "supervisor"
    AUDITOR = "auditor"
    ADMIN = "admin"


ROLE_ZH = {Role.REVIEWER: "审查人", Role.SUPERVISOR: "审核人", Role.AUDITOR: "审计员", Role.ADMIN: "管理员"}
ROLE_EN = {Role.REVIEWER: "reviewer", Role.SUPERVISOR: "supervisor", Role.AUDITOR: "auditor",
           Role.ADMIN: "administrator"}
_ORDER = list(Role)


def parse_roles(value: str | Role | Iterable[str | Role]) -> frozenset[Role]:
    """"admin+reviewer", a Role, or an iterable of them → a set of roles (unknown names refused)."""
    items = value.split("+") if isinstance(value, str) else list(value)
    try:
        roles = frozenset(Role(str(r).strip()) for r in items if str(r).strip())
    except ValueError as exc:
        raise PermissionDenied(f"未知的角色：{value}。可选：审查人、审核人、审计员、管理员。",
                               f"Unknown role {value!r}; use reviewer, supervisor, auditor or admin.") from exc
    if not roles:
        raise PermissionDenied("至少需要一个角色。", "A user needs at least one role.")
    if Role.AUDITOR in roles and len(roles) > 1:
        raise PermissionDenied("审计员须独立于审查和管理，不能兼任其他角色。",
                               "An auditor must be independent: the role cannot be combined with others.")
    return roles


def encode_roles(roles: Iterable[Role]) -> str:
    return "+".join(str(r) for r in sorted(set(roles), key=_ORDER.index))


def roles_zh(roles: Iterable[Role]) -> str:
    return "、".join(ROLE_ZH[r] for r in sorted(set(roles), key=_ORDER.index))


def roles_en(roles: Iterable[Role]) -> str:
    return " and ".join(ROLE_EN[r] for r in sorted(set(roles), key=_ORDER.index))


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    display_name: str
    roles: frozenset[Role]
    public_key: str
    active: bool = True

    @property
    def role(self) -> str:
        """The roles as stored ("admin+reviewer"); one role compares equal to its name."""
        return encode_roles(self.roles)

    def has_role(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def key_fingerprint(self) -> str:
        return signing.fingerprint(self.public_key)


def user_from_row(row) -> User:
    return User(row.id, row.username, row.display_name, parse_roles(row.role), row.public_key, bool(row.active))


def credential_digest(password_hash: str, sealed: str) -> str:
    """What a user event pins of the secret columns (the hash and the sealed key stay out of the log)."""
    return hashlib.sha256(f"{password_hash}\n{sealed}".encode()).hexdigest()


# --- names and passwords -----------------------------------------------------------------------------
_SEPARATORS = "._-·"
_LOOKALIKE = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "!": "l"})


def normalize_username(name: str) -> str:
    """NFKC (full-width letters become ASCII), trimmed; Latin letters, Chinese characters, digits and
    `. _ - ·` only, so Cyrillic or Greek look-alikes of Latin letters cannot make a second "admin"."""
    name = unicodedata.normalize("NFKC", name or "").strip()
    if not name or len(name) > MAX_USERNAME_LENGTH:
        raise PermissionDenied(f"用户名不能为空且不超过 {MAX_USERNAME_LENGTH} 个字符。",
                               f"The user name must be 1-{MAX_USERNAME_LENGTH} characters.")
    for ch in name:
        if ch.isascii() and (ch.isalnum() or ch in _SEPARATORS):
            continue
        kind = unicodedata.name(ch, "")
        if ch in _SEPARATORS or kind.startswith(("CJK UNIFIED IDEOGRAPH", "LATIN")):
            continue
        shown = repr(ch) if not ch.isprintable() or ch.isspace() else f"“{ch}”"
        raise PermissionDenied(
            f"用户名中不能有字符 {shown}：只能用字母、汉字、数字和 . _ - ·。",
            f"The user name may not contain {shown}: use letters, Chinese characters, digits and . _ - · only.")
    return name


def skeleton(name: str) -> str:
    """What a name looks like: case, accents, separators and look-alike characters (0/o, 1/l/I, rn/m,
    vv/w) ignored. Two names with the same skeleton are refused as confusable."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch) and ch not in _SEPARATORS)
    text = text.translate(_LOOKALIKE)
    return text.replace("rn", "m").replace("vv", "w")


def check_password(password: str, username: str = "") -> None:
    """Not blank, at least MIN_PASSWORD_LENGTH characters, no control characters (NUL included), not
    the user name, more than two different characters."""
    def refuse(zh: str, en: str) -> None:
        raise AuthenticationFailed(zh, en)

    if any(unicodedata.category(ch) == "Cc" for ch in password):
        refuse("密码不能包含控制字符（如 NUL、换行）。", "The password may not contain control characters (NUL, newline).")
    if not password.strip():
        refuse("密码不能为空或只有空格。", "The password cannot be blank or spaces only.")
    if len(password) < MIN_PASSWORD_LENGTH:
        refuse(f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符，请换一个更长的密码。",
               f"The password needs at least {MIN_PASSWORD_LENGTH} characters; choose a longer one.")
    if len(set(password)) <= 2:
        refuse("密码过于简单（几乎全是同一个字符），请换一个。", "The password is too simple (nearly one repeated "
               "character); choose another.")
    if username and password.strip().casefold() == username.casefold():
        refuse("密码不能与用户名相同。", "The password cannot be the user name.")


# --- reading ------------------------------------------------------------------------------------------
def count_users(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(schema.users)).scalar() or 0)


def list_users(conn: Connection) -> list[User]:
    return [user_from_row(r) for r in conn.execute(select(schema.users).order_by(schema.users.c.username))]


def get_user(conn: Connection, username: str) -> User:
    row = conn.execute(select(schema.users).where(schema.users.c.username == username)).first()
    if row is None:
        raise NotFound(f"找不到用户 {username}。", f"No user named {username}.")
    return user_from_row(row)


def authenticate(conn: Connection, username: str, password: str) -> User:
    """Check the password; the same error, in the same time, for an unknown user, a disabled account and
    a wrong password (an argon2 verification runs in every case)."""
    row = conn.execute(select(schema.users).where(schema.users.c.username == username)).first()
    failed = AuthenticationFailed("用户名或密码错误，请重新输入。", "Wrong user name or password; try again.")
    try:
        _HASHER.verify(row.password_hash if row is not None else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        raise failed from None
    if row is None or not row.active:
        raise failed
    return user_from_row(row)


def signing_key(conn: Connection, user: User, password: str):
    """Re-check the password and decrypt the user's signing key (signed actions need password re-entry)."""
    authenticate(conn, user.username, password)
    row = conn.execute(select(schema.users.c.private_key_sealed, schema.users.c.public_key)
                       .where(schema.users.c.username == user.username)).one()
    try:
        key = signing.unseal(row.private_key_sealed, password)
    except ValueError:
        raise AuthenticationFailed("无法用该密码解开签名密钥，请联系管理员重置密钥。",
                                   "The password does not unlock the signing key; ask the administrator "
                                   "to reset the key.") from None
    if signing.public_hex(key) != row.public_key:
        raise AuthenticationFailed("签名密钥与登记的公钥不符，请联系管理员重置密钥。",
                                   "The signing key does not match the registered public key; ask the "
                                   "administrator to reset the key.")
    return key


private_key_for = signing_key  # the name earlier callers use


def public_keys(conn: Connection) -> dict[str, str]:
    rows = conn.execute(select(schema.users.c.username, schema.users.c.public_key)
                        .order_by(schema.users.c.username)).all()
    return {row.username: row.public_key for row in rows}


# --- the signed changes -------------------------------------------------------------------------------
def _signer(key):  # noqa: ANN001, ANN202
    return lambda body: signing.sign(key, body)


def refuse_confusable(conn: Connection, username: str) -> None:
    if conn.execute(select(schema.users.c.id).where(schema.users.c.username == username)).first():
        raise UserExists(f"用户 {username} 已存在，请换一个用户名。",
                         f"User {username} already exists; choose another name.")
    mine = skeleton(username)
    for other in conn.execute(select(schema.users.c.username)).scalars():
        if skeleton(other) == mine:
            raise UserExists(f"用户名 {username} 与已有用户 {other} 看起来几乎一样，容易混淆，请换一个。",
                             f"The user name {username} looks almost the same as the existing user {other}; "
                             "choose a clearly different one.")


def create_user(conn: Connection, *, username: str, roles: frozenset[Role], password: str,
                display_name: str | None, created_by: str, signer_key=None) -> User:
    """Register a user: the event is signed by `signer_key` (an administrator's); None means the user
    signs their own creation (the first administrator: the root of trust)."""
    username = normalize_username(username)
    check_password(password, username)
    refuse_confusable(conn, username)
    display_name = unicodedata.normalize("NFKC", (display_name or "").strip()) or username
    public_key, sealed = signing.generate_keypair(password)
    key = signer_key if signer_key is not None else signing.unseal(sealed, password)
    password_hash = _HASHER.hash(password)
    event = append_event(conn, actor=created_by, action="user.created",
                         details={"username": username, "display_name": display_name, "roles": encode_roles(roles),
                                  "public_key": public_key, "key_fingerprint": signing.fingerprint(public_key),
                                  "credential_sha256": credential_digest(password_hash, sealed)},
                         signer=_signer(key))
    write_user_row(conn, event, password_hash=password_hash, sealed=sealed)
    return get_user(conn, username)


def set_roles(conn: Connection, target: User, roles: frozenset[Role], *, admin: str, key) -> AuditEvent:
    event = append_event(conn, actor=admin, action="user.roles_changed",
                         details={"username": target.username, "roles": encode_roles(roles),
                                  "previous": encode_roles(target.roles)}, signer=_signer(key))
    write_user_row(conn, event)
    return event


def set_active(conn: Connection, target: User, active: bool, *, admin: str, key) -> AuditEvent:
    event = append_event(conn, actor=admin, action="user.reactivated" if active else "user.deactivated",
                         details={"username": target.username}, signer=_signer(key))
    write_user_row(conn, event)
    return event


def register_key(conn: Connection, target: User, new_password: str, *, actor: str, key, reason: str) -> AuditEvent:
    """A new key pair sealed with the new password replaces the old sealed copy (which is gone: the old
    password opens nothing any more). Signed by `key`: the user's previous key (a password change) or an
    administrator's (a reset)."""
    check_password(new_password, target.username)
    public_key, sealed = signing.generate_keypair(new_password)
    password_hash = _HASHER.hash(new_password)
    event = append_event(conn, actor=actor, action="user.key_registered",
                         details={"username": target.username, "public_key": public_key,
                                  "key_fingerprint": signing.fingerprint(public_key),
                                  "previous_fingerprint": signing.fingerprint(target.public_key),
                                  "credential_sha256": credential_digest(password_hash, sealed), "reason": reason},
                         signer=_signer(key))
    write_user_row(conn, event, password_hash=password_hash, sealed=sealed)
    return event


def write_user_row(conn: Connection, event: AuditEvent, *, password_hash: str | None = None,
                   sealed: str | None = None) -> None:
    """Make the users table say what the (just appended) user event says, and nothing else."""
    if dialect.is_postgresql(conn):
        dialect.apply_user_event(conn, event.seq, password_hash, sealed)
        return
    d, users = event.details, schema.users
    where = users.c.username == d["username"]
    if event.action == "user.created":
        conn.execute(users.insert().values(
            username=d["username"], display_name=d["display_name"], role=d["roles"], password_hash=password_hash,
            public_key=d["public_key"], private_key_sealed=sealed, active=True, created_at=event.ts))
    elif event.action == "user.roles_changed":
        conn.execute(users.update().where(where).values(role=d["roles"]))
    elif event.action in ("user.deactivated", "user.reactivated"):
        conn.execute(users.update().where(where).values(active=event.action == "user.reactivated"))
    elif event.action == "user.key_registered":
        conn.execute(users.update().where(where).values(public_key=d["public_key"], password_hash=password_hash,
                                                        private_key_sealed=sealed))
    else:
        raise ValueError(f"not a user event: {event.action}")


# --- who may do what ---------------------------------------------------------------------------------
def require_role(user: User, *roles: Role, action_zh: str, action_en: str) -> None:
    """Refuse, naming the roles in both languages and saying what to do next. `user` must come from the
    workspace (`Workspace.acting`), not from the caller."""
    if user.has_role(*roles):
        return
    needed_zh = "或".join(f"“{ROLE_ZH[r]}”" for r in roles)
    needed_en = " or ".join(ROLE_EN[r] for r in roles)
    hint_zh, hint_en = _next_step(user, roles)
    raise PermissionDenied(
        f"{user.username}（{roles_zh(user.roles)}）无权{action_zh}：需要{needed_zh}角色。{hint_zh}",
        f"{user.username} ({roles_en(user.roles)}) may not {action_en}: it needs the {needed_en} role. {hint_en}")


def _next_step(user: User, roles: tuple[Role, ...]) -> tuple[str, str]:
    if Role.SUPERVISOR in roles and Role.REVIEWER not in roles:
        return ("请由审核人账号登录签批；如还没有审核人，请管理员在“用户”中添加一位（审核人须是审查人以外的另一人）。",
                "Log in as a supervisor to sign off; if there is none yet, an administrator adds one under Users "
                "(the supervisor must be someone other than the reviewer).")
    if Role.REVIEWER in roles:
        if user.has_role(Role.ADMIN):
            return ("管理员可在“文件 → 用户”中为自己加上审查人角色，或添加一名审查人后以其账号登录。",
                    "An administrator can give themselves the reviewer role under File → Users, or add a "
                    "reviewer and log in as them.")
        return ("请以审查人账号登录，或请管理员在“用户”中为您添加审查人角色。",
                "Log in as a reviewer, or ask an administrator to give you the reviewer role under Users.")
    if Role.ADMIN in roles:
        return ("请以管理员账号登录后再操作。", "Log in as an administrator to do this.")
    return ("请以有相应角色的账号登录。", "Log in with an account that has that role.")

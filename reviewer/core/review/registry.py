"""The users as the signed audit chain says they are: roles, active state and keys, at any event.

Replaying the user events in chain order (`observe`) checks each one: an administrator's valid Ed25519
signature (the first administrator signs their own creation: the root of trust; a user may register a
new key of their own, signed with the old one), an active signer, a known target. A bad event is not
applied and is kept in `problems`; the users table must then disagree with the registry, which is how
the core refuses an account edited behind its back and how `audit verify` names the event.

Trust: without outside keys the root is the chain's first administrator (trust on first use). With
keys exported earlier (`audit keys`, `verify --keys FILE`) a key is trusted when the file lists it or a
trusted key signed its registration, so a chain rewritten from its first event with another root key
fails. Workspaces made before user events were signed carry a `workspace.schema_upgraded` marker;
unsigned user events before it are accepted as they were written (the hash chain still covers them).
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from reviewer.core.audit import signing
from reviewer.core.audit.chain import AuditEvent, iter_events
from reviewer.core.errors import ReviewerError
from reviewer.core.review.users import Role, User, credential_digest, parse_roles
from reviewer.core.store import schema
from reviewer.core.store.errors import PermissionDenied

USER_ACTIONS = frozenset({"user.created", "user.roles_changed", "user.deactivated", "user.reactivated",
                          "user.key_registered", "user.password_changed"})
UPGRADE_ACTION = "workspace.schema_upgraded"  # details: from_version, to_version
SYSTEM_ACTOR = "system:migration"


@dataclass(frozen=True, slots=True)
class Snapshot:
    seq: int  # in force from this event on (inclusive)
    roles: frozenset[Role]
    active: bool
    public_key: str


@dataclass
class Account:
    username: str
    display_name: str
    roles: frozenset[Role]
    active: bool
    public_key: str
    credential: str | None  # sha256 of password hash + sealed key (None: written before it was pinned)
    trusted: bool
    created_seq: int
    created_ts: str = ""
    legacy: bool = False  # registered before user events were signed (no display name or time in the event)
    history: list[Snapshot] = field(default_factory=list)

    def snapshot(self, seq: int) -> None:
        self.history.append(Snapshot(seq, self.roles, self.active, self.public_key))

    def at(self, seq: int) -> Snapshot | None:
        """The account as it stood when event `seq` was written (changes by earlier events only)."""
        found = None
        for snap in self.history:
            if snap.seq >= seq:
                break
            found = snap
        return found

    @property
    def keys(self) -> list[str]:
        return list(dict.fromkeys(s.public_key for s in self.history))


@dataclass(frozen=True, slots=True)
class Finding:
    seq: int
    message_zh: str
    message_en: str


class UserRegistry:
    def __init__(self, trusted_keys: Mapping[str, Collection[str]] | None = None, *,
                 legacy_until: int = 0) -> None:
        self.trusted_keys = None if trusted_keys is None else {u: set(k) for u, k in trusted_keys.items()}
        self.legacy_until = legacy_until  # seq of the upgrade marker (0: every user event must be signed)
        self.accounts: dict[str, Account] = {}
        self.problems: list[Finding] = []
        self.signatures = 0  # signatures checked and valid
        self.last_seq = 0
        self.last_hash: str | None = None
        self._strict = False  # a signed user event was seen: no legacy from then on

    # --- replay -----------------------------------------------------------------------------------
    def observe(self, event: AuditEvent) -> None:
        """Feed every event in chain order; user events are checked and applied."""
        if event.seq <= self.last_seq:
            return
        self.last_seq, self.last_hash = event.seq, event.hash
        if event.action not in USER_ACTIONS:
            return
        problem = self._apply(event)
        if problem is not None:
            self.problems.append(Finding(event.seq, *problem))

    def _legacy(self, event: AuditEvent) -> bool:
        return not self._strict and not event.signature and 0 < event.seq < self.legacy_until

    def _apply(self, e: AuditEvent) -> tuple[str, str] | None:
        d = e.details
        name = d.get("username")
        legacy = self._legacy(e) and e.action in ("user.created", "user.password_changed")
        if e.action == "user.password_changed":  # before key rotation existed: the key stayed the same
            return None if legacy else _bad(e, "不是当前版本会写入的用户事件", "is not a user event this version writes")
        try:
            roles = parse_roles(d.get("roles") or d.get("role") or "") if e.action in (
                "user.created", "user.roles_changed") else None
        except ReviewerError:
            return _bad(e, "角色无效", "names invalid roles")
        if e.action == "user.created":
            return self._created(e, d, name, roles, legacy)
        account = self.accounts.get(name)
        if account is None:
            return _bad(e, f"针对未登记的用户 {name}", f"concerns {name}, who was never registered")
        self_rotation = e.action == "user.key_registered" and e.actor == name
        problem = None if legacy else self._check_signer(e, self_ok=self_rotation)
        if problem is not None:
            return problem
        if e.action == "user.roles_changed":
            account.roles = roles
        elif e.action in ("user.deactivated", "user.reactivated"):
            account.active = e.action == "user.reactivated"
        else:  # user.key_registered
            key = d.get("public_key") or ""
            account.public_key, account.credential = key, d.get("credential_sha256")
            signer = self.accounts.get(e.actor)
            account.trusted = self._trusted_key(name, key) or (signer is not None and signer.trusted)
        account.snapshot(e.seq)
        return None

    def _created(self, e: AuditEvent, d: dict, name: str | None, roles, legacy: bool) -> tuple[str, str] | None:
        if not name:
            return _bad(e, "没有用户名", "has no user name")
        if name in self.accounts:
            return _bad(e, f"重复登记用户 {name}", f"registers {name} a second time")
        key = d.get("public_key") or ""
        if legacy:
            trusted = self._trusted_key(name, key) or self.trusted_keys is None
        elif not self.accounts and e.actor == name:  # the first administrator: signs their own creation
            self._strict = True
            if Role.ADMIN not in roles:
                return _bad(e, "第一个用户不是管理员", "creates a first user who is not an administrator")
            if not e.signature or not signing.verify_signature(key, e.body(), e.signature):
                return _bad(e, "首个管理员的自签名无效", "carries an invalid self-signature of the first administrator")
            self.signatures += 1
            trusted = self.trusted_keys is None or self._trusted_key(name, key)
            if not trusted:
                return _bad(e, f"首个管理员 {name} 的公钥不在可信公钥文件中（整条链可能被重写）",
                            f"registers a first administrator {name} whose key is not in the trusted keys "
                            "file (the whole chain may have been rewritten)")
        else:
            problem = self._check_signer(e, self_ok=False)
            if problem is not None:
                return problem
            trusted = self.accounts[e.actor].trusted or self._trusted_key(name, key)
        account = Account(name, d.get("display_name") or name, roles, True, key, d.get("credential_sha256"),
                          trusted, e.seq, e.ts, legacy)
        account.snapshot(e.seq)
        self.accounts[name] = account
        return None

    def _trusted_key(self, name: str, key: str) -> bool:
        return self.trusted_keys is not None and key in self.trusted_keys.get(name, ())

    def _check_signer(self, e: AuditEvent, *, self_ok: bool) -> tuple[str, str] | None:
        self._strict = True
        signer = self.accounts.get(e.actor)
        if signer is None:
            return _bad(e, f"由未登记的用户 {e.actor} 签署", f"is signed by {e.actor}, who is not a registered user")
        if not signer.active:
            return _bad(e, f"由已停用的用户 {e.actor} 签署", f"is signed by {e.actor}, whose account was disabled")
        if Role.ADMIN not in signer.roles and not self_ok:
            return _bad(e, f"由非管理员 {e.actor} 签署", f"is signed by {e.actor}, who is not an administrator")
        if not e.signature or not signing.verify_signature(signer.public_key, e.body(), e.signature):
            return _bad(e, f"没有 {e.actor} 的有效签名", f"has no valid signature of {e.actor}")
        if not signer.trusted:
            return _bad(e, f"签署人 {e.actor} 的公钥不可信", f"is signed by {e.actor}, whose key is not trusted")
        self.signatures += 1
        return None

    # --- questions ---------------------------------------------------------------------------------
    def at(self, username: str, seq: int) -> Snapshot | None:
        account = self.accounts.get(username)
        return None if account is None else account.at(seq)

    def check_signed_by(self, event: AuditEvent, *roles: Role) -> tuple[str, str] | None:
        """A review event (approval, return, release) must be signed with the key its actor had then,
        the actor active and holding one of `roles` then; None when it is."""
        snap = self.at(event.actor, event.seq)
        account = self.accounts.get(event.actor)
        if snap is None or account is None:
            return _bad(event, f"由未登记的用户 {event.actor} 签署",
                        f"is by {event.actor}, who was not a registered user at the time")
        if not snap.active:
            return _bad(event, f"由当时已停用的用户 {event.actor} 作出", f"is by {event.actor}, disabled at the time")
        if not snap.roles.intersection(roles):
            needed = "或".join(_ROLE_ZH[r] for r in roles)
            return _bad(event, f"由当时不具有{needed}角色的 {event.actor} 作出",
                        f"is by {event.actor}, who was not a {' or '.join(roles)} at the time")
        claimed = event.details.get("public_key")
        if claimed is not None and claimed != snap.public_key:
            return _bad(event, f"所称公钥不是 {event.actor} 当时登记的公钥",
                        f"names a key that was not {event.actor}'s registered key at the time")
        if not event.signature or not signing.verify_signature(snap.public_key, event.body(), event.signature):
            return _bad(event, f"没有 {event.actor} 的有效签名（签名无效或缺失，记录可能被伪造）",
                        f"has no valid signature of {event.actor} (invalid or missing: the record may be forged)")
        if not account.trusted:
            return _bad(event, f"签署人 {event.actor} 的公钥不可信（不在可信公钥文件中，也未经可信管理员登记）",
                        f"is signed by {event.actor}, whose key is not trusted (not in the keys file nor "
                        "registered by a trusted administrator)")
        self.signatures += 1
        return None


_ROLE_ZH = {Role.REVIEWER: "审查人", Role.SUPERVISOR: "审核人", Role.AUDITOR: "审计员", Role.ADMIN: "管理员"}


def _bad(e: AuditEvent, zh: str, en: str) -> tuple[str, str]:
    if e.action.startswith("review."):
        return (f"第 {e.seq} 条签批事件（{e.action}）{zh}。", f"The sign-off in event {e.seq} ({e.action}) {en}.")
    return (f"第 {e.seq} 条事件（{e.action}）{zh}。", f"Event {e.seq} ({e.action}) {en}.")


def upgrade_marker(conn: Connection) -> int:
    """Seq of the first schema-upgrade marker of a workspace made before user events were signed (0: none)."""
    ev = schema.audit_events
    for row in conn.execute(select(ev.c.seq, ev.c.details_json, ev.c.actor)
                            .where(ev.c.action == UPGRADE_ACTION).order_by(ev.c.seq).limit(1)):
        event_from = _from_version(row.details_json)
        return row.seq if row.actor == SYSTEM_ACTOR and 0 < event_from < 4 else 0
    return 0


def _from_version(details_json: str) -> int:
    import json

    try:
        return int(json.loads(details_json).get("from_version", 0))
    except (ValueError, TypeError, AttributeError):
        return 0


class LiveRegistry:
    """The core's registry for one open workspace: brought up to date with the chain before each use
    (only the events since the last look are read), under a lock (the GUI calls from several threads)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._registry: UserRegistry | None = None

    def current(self, conn: Connection) -> UserRegistry:
        with self._lock:
            registry = self._registry
            if registry is not None and registry.last_seq and not _still_there(conn, registry):
                registry = None  # the events it read were rolled back (or the chain changed): start again
            if registry is None:
                registry = UserRegistry(legacy_until=upgrade_marker(conn))
            ev = schema.audit_events
            query = (select(ev).where(ev.c.seq > registry.last_seq,
                                      ev.c.action.in_(sorted(USER_ACTIONS)))
                     .order_by(ev.c.seq))
            for row in conn.execute(query):
                registry.observe(AuditEvent(row.seq, row.ts, row.actor, row.action, row.document_id,
                                            row.document_sha256, row.details_json, row.prev_hash, row.hash,
                                            row.signature))
            self._registry = registry
            return registry

    def forget(self) -> None:
        with self._lock:
            self._registry = None


def acting_user(conn: Connection, registry: UserRegistry, username: str) -> User:
    """The user as the signed chain says they are now, provided their row agrees (an account disabled,
    removed, or edited behind the program's back is refused, whatever the caller's object claims)."""
    account = registry.accounts.get(username)
    row = conn.execute(select(schema.users).where(schema.users.c.username == username)).first()
    if account is None or row is None:
        raise PermissionDenied(f"用户 {username} 不是本工作区登记的用户（或其记录已被删除），操作已拒绝。请重新登录。",
                               f"{username} is not a registered user of this workspace (or the record was "
                               "deleted); the action was refused. Log in again.")
    if not account.active:
        raise PermissionDenied(f"用户 {username} 的账号已被停用，不能再操作。如需恢复，请联系管理员。",
                               f"The account {username} was disabled and can no longer act. Ask an administrator "
                               "if it should be enabled again.")
    try:
        roles = parse_roles(row.role)
    except ReviewerError:
        roles = None
    credential = credential_digest(row.password_hash, row.private_key_sealed)
    if (roles != account.roles or not row.active or row.public_key != account.public_key
            or (account.credential is not None and credential != account.credential)):
        raise PermissionDenied(
            f"用户 {username} 的记录与审计链中签名登记的不一致（可能被改动），操作已拒绝。"
            "请联系审计员运行 reviewer audit verify。",
            f"The record of {username} differs from what the signed audit chain registered (it may have been "
            "tampered with); the action was refused. Ask an auditor to run `reviewer audit verify`.")
    return User(row.id, username, row.display_name, account.roles, account.public_key, True)


def _still_there(conn: Connection, registry: UserRegistry) -> bool:
    found = conn.execute(select(schema.audit_events.c.hash)
                         .where(schema.audit_events.c.seq == registry.last_seq)).scalar()
    return found == registry.last_hash


def replay_users(conn: Connection, trusted_keys: Mapping[str, Collection[str]] | None = None) -> UserRegistry:
    """The whole chain's user events (for `audit verify`, which replays everything else alongside)."""
    registry = UserRegistry(trusted_keys, legacy_until=upgrade_marker(conn))
    for event in iter_events(conn):
        registry.observe(event)
    return registry

"""Checkout leases: one reviewer works on a document at a time in a shared workspace.

A lease names its holder and an expiry time. It expires by itself, so a reviewer who walked away
does not block the team; a supervisor (or admin) may take over a live lease. While someone else holds
a live lease, review writes to the document are refused (`check_lease`); without any lease, writes
are allowed, so a one-person workspace needs no checkouts. Acquiring, taking over and releasing are
audit events; renewing (a heartbeat) only moves the expiry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, select

from reviewer.core.audit.chain import append_event, utc_now
from reviewer.core.review.documents import DocumentInfo
from reviewer.core.review.users import Role, User
from reviewer.core.store import schema
from reviewer.core.store.errors import DocumentCheckedOut, PermissionDenied

DEFAULT_MINUTES = 30
_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # the same as audit timestamps: lexical order is time order


@dataclass(frozen=True, slots=True)
class Lease:
    document_id: int
    holder: str
    acquired_at: str
    expires_at: str

    def live(self, now: str | None = None) -> bool:
        return self.expires_at > (now or utc_now())


def _later(now: str, minutes: float) -> str:
    if not 0 < minutes <= 24 * 60:
        raise ValueError("a lease lasts between a moment and 24 hours")
    return (datetime.strptime(now, _FORMAT).replace(tzinfo=UTC) + timedelta(minutes=minutes)).strftime(_FORMAT)


def get_lease(conn: Connection, document_id: int) -> Lease | None:
    """The document's lease row, live or expired."""
    row = conn.execute(select(schema.leases).where(schema.leases.c.document_id == document_id)).first()
    return None if row is None else Lease(row.document_id, row.holder, row.acquired_at, row.expires_at)


def live_lease(conn: Connection, document_id: int, now: str | None = None) -> Lease | None:
    lease = get_lease(conn, document_id)
    return lease if lease is not None and lease.live(now) else None


def _refusal(doc: DocumentInfo, lease: Lease) -> DocumentCheckedOut:
    return DocumentCheckedOut(
        f"文档“{doc.title}”已由 {lease.holder} 签出（至 {lease.expires_at[:19]} UTC），"
        "请等待其提交或签出到期，或请审核人接管。",
        f"“{doc.title}” is checked out by {lease.holder} until {lease.expires_at[:19]} UTC; wait until they "
        "submit or the lease expires, or ask a supervisor to take it over.")


def check_lease(conn: Connection, doc: DocumentInfo, actor: str) -> None:
    """Refuse a write by `actor` while someone else holds a live lease on the document."""
    lease = live_lease(conn, doc.id)
    if lease is not None and lease.holder != actor:
        raise _refusal(doc, lease)


def checkout(conn: Connection, doc: DocumentInfo, user: User, *, minutes: float = DEFAULT_MINUTES,
             take_over: bool = False) -> Lease:
    """Take (or extend) the lease on `doc` for `user`; a live lease of someone else needs take_over
    by a supervisor or admin."""
    now = utc_now()
    expires = _later(now, minutes)
    current = get_lease(conn, doc.id)
    previous = current.holder if current is not None and current.live(now) else None
    if previous is not None and previous != user.username:
        if not take_over:
            raise _refusal(doc, current)
        if not user.has_role(Role.SUPERVISOR, Role.ADMIN):
            raise PermissionDenied(f"{user.username} 无权接管他人的签出：需要“审核人”或“管理员”角色。"
                                   f"请等待 {previous} 提交或签出到期，或请审核人接管。",
                                   f"{user.username} may not take over someone else's checkout: it needs the "
                                   f"supervisor or administrator role. Wait until {previous} submits or the "
                                   "lease expires, or ask a supervisor to take it over.")
    if previous == user.username:
        return renew(conn, doc, user, minutes=minutes)
    action = "lease.taken_over" if previous else "lease.acquired"
    event = append_event(conn, actor=user.username, action=action, document_id=doc.id,
                         document_sha256=doc.sha256,
                         details={"holder": user.username, "expires_at": expires, "previous_holder": previous})
    values = {"holder": user.username, "acquired_at": now, "expires_at": expires, "event_seq": event.seq}
    if current is None:
        conn.execute(schema.leases.insert().values(document_id=doc.id, **values))
    else:
        conn.execute(schema.leases.update().where(schema.leases.c.document_id == doc.id).values(**values))
    return Lease(doc.id, user.username, now, expires)


def renew(conn: Connection, doc: DocumentInfo, user: User, *, minutes: float = DEFAULT_MINUTES) -> Lease:
    """Extend the holder's live lease (a heartbeat: not an audit event)."""
    now = utc_now()
    current = live_lease(conn, doc.id, now)
    if current is None or current.holder != user.username:
        if current is not None:
            raise _refusal(doc, current)
        return checkout(conn, doc, user, minutes=minutes)
    expires = max(current.expires_at, _later(now, minutes))
    conn.execute(schema.leases.update().where(schema.leases.c.document_id == doc.id).values(expires_at=expires))
    return Lease(doc.id, current.holder, current.acquired_at, expires)


def release(conn: Connection, doc: DocumentInfo, user: User) -> bool:
    """End `user`'s live lease (the holder, or a supervisor/admin); False when there was none."""
    now = utc_now()
    current = live_lease(conn, doc.id, now)
    if current is None:
        return False
    if current.holder != user.username and not user.has_role(Role.SUPERVISOR, Role.ADMIN):
        raise _refusal(doc, current)
    append_event(conn, actor=user.username, action="lease.released", document_id=doc.id,
                 document_sha256=doc.sha256, details={"holder": current.holder})
    conn.execute(schema.leases.update().where(schema.leases.c.document_id == doc.id).values(expires_at=now))
    return True

"""The workspace's term lists (敏感词库) in the store: versions, each change an audit event.

A change never edits a stored version: it writes the next one (the whole lists) and a `terms.changed` event
naming who, when, the new version and digest, and what was added, removed or re-noted. Supervisors and
administrators keep the lists (an allow-list entry hides findings, so a reviewer may not add one to clear
their own document); everyone may read them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from reviewer.core.audit.chain import append_event, canonical_json, utc_now
from reviewer.core.detection.terms.model import (
    TermChange,
    TermEntry,
    TermSet,
    diff,
    entries_digest,
    term_key,
    validate_entries,
)
from reviewer.core.review.users import Role, User, require_role
from reviewer.core.store import schema

EDITORS = (Role.SUPERVISOR, Role.ADMIN)


@dataclass(frozen=True, slots=True)
class TermVersion:
    version: int
    actor: str
    created_at: str
    count: int
    digest: str


def current_terms(conn: Connection) -> TermSet:
    """The newest version (version 0, empty, before any list was kept)."""
    row = conn.execute(select(schema.term_lists).order_by(schema.term_lists.c.version.desc()).limit(1)).first()
    if row is None:
        return TermSet()
    entries = tuple(TermEntry.from_json(e) for e in json.loads(row.entries_json))
    return TermSet(entries, row.version, row.actor, row.created_at)


def terms_at(conn: Connection, version: int) -> TermSet:
    """One stored version (version 0 or one never stored: empty), e.g. the one a batch runs with."""
    row = conn.execute(select(schema.term_lists).where(schema.term_lists.c.version == version)).first()
    if row is None:
        return TermSet()
    entries = tuple(TermEntry.from_json(e) for e in json.loads(row.entries_json))
    return TermSet(entries, row.version, row.actor, row.created_at)


def term_history(conn: Connection) -> list[TermVersion]:
    rows = conn.execute(select(schema.term_lists).order_by(schema.term_lists.c.version)).all()
    return [TermVersion(r.version, r.actor, r.created_at, len(json.loads(r.entries_json)), r.digest) for r in rows]


def save_terms(conn: Connection, entries: list[TermEntry], *, actor: User,
               source: str = "") -> tuple[TermSet, TermChange]:
    """Validate and store `entries` as the next version (nothing is written when nothing changed). New
    entries are stamped with who added them and when; kept ones keep their stamp."""
    require_role(actor, *EDITORS, action_zh="修改单位敏感词库", action_en="edit the office's term lists")
    old = current_terms(conn)
    cleaned = validate_entries(entries)
    known = {(e.kind, term_key(e.term)): e for e in old.entries}
    change = diff(old.entries, cleaned)
    if not change:
        return old, change
    version = int(conn.execute(select(func.coalesce(func.max(schema.term_lists.c.version), 0))).scalar()) + 1
    ts = utc_now()
    stamped = tuple(
        TermEntry(e.kind, e.term, e.note, *((k.added_by, k.added_at) if (k := known.get((e.kind, term_key(e.term))))
                                            else (actor.username, ts)))
        for e in cleaned)
    digest = entries_digest(stamped)
    event = append_event(conn, actor=actor.username, action="terms.changed", ts=ts,
                         details={"version": version, "digest": digest, "count": len(stamped), "source": source,
                                  **change.to_json()})
    conn.execute(schema.term_lists.insert().values(
        version=version, entries_json=canonical_json([e.to_json() for e in stamped]), digest=digest,
        actor=actor.username, created_at=event.ts, event_seq=event.seq))
    return TermSet(stamped, version, actor.username, event.ts), change

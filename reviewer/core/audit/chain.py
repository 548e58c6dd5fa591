"""The append-only, hash-chained audit log.

Each event's hash is SHA-256 over a canonical JSON body (sequence number, UTC time, actor, action,
document id and sha256, details, previous hash), so changing, removing, inserting or reordering any
event breaks every later link. The chain head (count and last hash) is kept in `audit_head`, updated
in the same transaction as the append; it is what makes truncation (removing the newest events)
visible. Sign-off events additionally carry an Ed25519 signature over the same body.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, select

from reviewer.core.errors import ReviewerError
from reviewer.core.store import schema

GENESIS_HASH = "0" * 64


class ChainBroken(ReviewerError):
    code = "audit_chain_broken"


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# one encoder for every call: `json.dumps` with options builds a new one each time
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def canonical_json(value: Any) -> str:
    return _CANONICAL.encode(value)


@dataclass(frozen=True, slots=True)
class AuditEvent:
    seq: int
    ts: str
    actor: str
    action: str
    document_id: int | None
    document_sha256: str | None
    details_json: str
    prev_hash: str
    hash: str
    signature: str | None = None

    @property
    def details(self) -> dict[str, Any]:
        return json.loads(self.details_json)

    def body(self) -> bytes:
        """The bytes that are hashed and (for sign-offs) signed."""
        return event_body(self.seq, self.ts, self.actor, self.action, self.document_id,
                          self.document_sha256, self.details_json, self.prev_hash)

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "ts": self.ts, "actor": self.actor, "action": self.action,
                "document_id": self.document_id, "document_sha256": self.document_sha256,
                "details": self.details, "prev_hash": self.prev_hash, "hash": self.hash,
                "signature": self.signature}


def event_body(seq: int, ts: str, actor: str, action: str, document_id: int | None,
               document_sha256: str | None, details_json: str, prev_hash: str) -> bytes:
    return canonical_json({"seq": seq, "ts": ts, "actor": actor, "action": action,
                           "document_id": document_id, "document_sha256": document_sha256,
                           "details": details_json, "prev_hash": prev_hash}).encode("utf-8")


def hash_body(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainHead:
    count: int
    hash: str


# built once: a batch appends two events per document, and building a statement costs more than running it
_READ_HEAD = select(schema.audit_head.c.count, schema.audit_head.c.hash).where(schema.audit_head.c.id == 1)
_MOVE_HEAD = (schema.audit_head.update()
              .where(schema.audit_head.c.id == 1, schema.audit_head.c.count == bindparam("old_count"))
              .values(count=bindparam("new_count"), hash=bindparam("new_hash")))
_INSERT_EVENT = schema.audit_events.insert()


def read_head(conn: Connection) -> ChainHead | None:
    row = conn.execute(_READ_HEAD).first()
    return None if row is None else ChainHead(int(row.count), row.hash)


def append_event(conn: Connection, *, actor: str, action: str, details: Mapping[str, Any] | None = None,
                 document_id: int | None = None, document_sha256: str | None = None,
                 signer: Callable[[bytes], str] | None = None, ts: str | None = None) -> AuditEvent:
    """Append one event inside the caller's (write-locked) transaction and move the head."""
    head = read_head(conn)
    if head is None:
        if conn.execute(select(func.count()).select_from(schema.audit_events)).scalar():
            raise ChainBroken("审计链头记录丢失，工作区可能被篡改。请运行 reviewer audit verify 并联系管理员。",
                              "The audit chain head is missing; the workspace may have been tampered with. "
                              "Run `reviewer audit verify` and contact the administrator.")
        head = ChainHead(0, GENESIS_HASH)
        conn.execute(schema.audit_head.insert().values(id=1, count=0, hash=GENESIS_HASH))
    seq = head.count + 1
    ts = ts or utc_now()
    details_json = canonical_json(dict(details or {}))
    body = event_body(seq, ts, actor, action, document_id, document_sha256, details_json, head.hash)
    digest = hash_body(body)
    signature = signer(body) if signer is not None else None
    conn.execute(_INSERT_EVENT, {
        "seq": seq, "ts": ts, "actor": actor, "action": action, "document_id": document_id,
        "document_sha256": document_sha256, "details_json": details_json, "prev_hash": head.hash, "hash": digest,
        "signature": signature})
    updated = conn.execute(_MOVE_HEAD, {"old_count": head.count, "new_count": seq, "new_hash": digest})
    if updated.rowcount != 1:  # another writer moved the head: the dialect lock was not held
        raise ChainBroken("审计链被并发修改，请重试。", "The audit chain was appended concurrently; retry.")
    return AuditEvent(seq, ts, actor, action, document_id, document_sha256, details_json, head.hash,
                      digest, signature)


def iter_events(conn: Connection, *, document_id: int | None = None, batch: int = 2000):
    """Events in chain order, fetched in batches (the chain can be long)."""
    last = 0
    while True:
        query = select(schema.audit_events).where(schema.audit_events.c.seq > last)
        if document_id is not None:
            query = query.where(schema.audit_events.c.document_id == document_id)
        rows = conn.execute(query.order_by(schema.audit_events.c.seq).limit(batch)).all()
        if not rows:
            return
        for row in rows:
            yield AuditEvent(row.seq, row.ts, row.actor, row.action, row.document_id, row.document_sha256,
                             row.details_json, row.prev_hash, row.hash, row.signature)
        last = rows[-1].seq

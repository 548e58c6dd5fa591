"""Workspace tables (SQLAlchemy Core, portable types only).

Timestamps are ISO-8601 UTC strings and structured values canonical JSON text, so the audit hash of
an event is the same whichever database stores it. State tables (documents, findings, decisions,
attribute records, exports) each point at the audit event that created them (`event_seq`), which lets
`audit verify` notice a truncated chain even when the head row was removed as well.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", String(40), nullable=False),
)

meta = Table(
    "workspace_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", String(128), nullable=False),
    Column("role", String(16), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("public_key", String(64), nullable=False),  # raw Ed25519 public key, hex
    Column("private_key_sealed", Text, nullable=False),  # Ed25519 key sealed with the password (signing.py)
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", String(40), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("path", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("title", Text, nullable=False),
    Column("doc_number", Text, nullable=False, default=""),  # 文号
    Column("text", Text, nullable=False),  # detection text, for manual findings and span edits
    Column("status", String(16), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("event_seq", Integer, nullable=False),
)

findings = Table(
    "findings", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, index=True),
    Column("entity_type", String(40), nullable=False),
    Column("category", String(16), nullable=False),
    Column("severity", String(16)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("recognizer", String(128), nullable=False),
    Column("explanation", Text, nullable=False),
    Column("locator_json", Text, nullable=False),
    Column("attributes_json", Text, nullable=False),
    Column("manual", Boolean, nullable=False, default=False),
    Column("active", Boolean, nullable=False, default=True),  # a manual finding undone is inactive
    Column("version", Integer, nullable=False, default=1),  # bumped by every decision change
    Column("event_seq", Integer, nullable=False),
)

decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True),
    Column("finding_id", Integer, ForeignKey("findings.id"), nullable=False, index=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("operator", String(64)),
    Column("reason", Text),
    Column("legal_basis_json", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
    Column("actor", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("undone", Boolean, nullable=False, default=False),
    Column("event_seq", Integer, nullable=False),
    Column("note", Text),  # schema version 3: the reviewer's note on an accept or a span edit
)

attribute_records = Table(
    "attribute_records", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, index=True),
    Column("record_json", Text, nullable=False),
    Column("actor", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("event_seq", Integer, nullable=False),
)

exports = Table(
    "exports", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, index=True),
    Column("output_path", Text, nullable=False),
    Column("output_sha256", String(64), nullable=False),
    Column("verified", Boolean, nullable=False),
    Column("details_json", Text, nullable=False),
    Column("actor", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("event_seq", Integer, nullable=False),
)

audit_events = Table(
    "audit_events", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("ts", String(40), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("action", String(64), nullable=False),
    Column("document_id", Integer, index=True),
    Column("document_sha256", String(64)),
    Column("details_json", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False, unique=True),
    Column("signature", String(128)),  # Ed25519 over the event body, hex (sign-off events)
)

# One row (id=1): the chain's length and last hash, updated in the same transaction as each append.
audit_head = Table(
    "audit_head", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("count", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)

# Checkout leases (schema version 2): who is working on a document, until when. A lease expires by
# itself (a reviewer who walked away does not block the team); a supervisor may take over a live one.
leases = Table(
    "leases", metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True, autoincrement=False),
    Column("holder", String(64), nullable=False),
    Column("acquired_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),  # ISO-8601 UTC: compares as text
    Column("event_seq", Integer, nullable=False),
)

# The office's term lists (敏感词库), schema version 4 ("v4_term_lists", issue 33): one row per version, each
# holding the whole lists (canonical JSON [[kind, term, note, added_by, added_at], …]); versions are never
# changed, a change writes the next one with its audit event (who, when, what was added and removed).
term_lists = Table(
    "term_lists", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("entries_json", Text, nullable=False),
    Column("digest", String(64), nullable=False),  # SHA-256 of the entries (terms.model.entries_digest)
    Column("actor", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("event_seq", Integer, nullable=False),
)

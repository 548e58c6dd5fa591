"""Batch tables (schema migration "v7_batch", issue 31): a batch is a set of jobs in the workspace.

`batches`: one row per sweep (its sources and settings; the same command resumes the same batch).
`batch_items`: one row per input file (a folder's file or an archive's member), its state
(pending → running → done | failed | refused | duplicate), attempts, who ran it and the triage summary
of its findings (`result_json`; the findings themselves are the document's rows, imported with their
audit event in the same transaction as the item's result). `batch_contents`: the bytes of documents
waiting for a worker on another machine (queue mode, PostgreSQL), deleted once recorded.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Integer, LargeBinary, String, Table, Text, UniqueConstraint

from reviewer.core.store.schema import metadata

batches = Table(
    "batches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), nullable=False, unique=True),  # sha256 of the sources and settings
    Column("label", Text, nullable=False),  # the sources as given, for lists
    Column("settings_json", Text, nullable=False),
    Column("status", String(16), nullable=False),  # running | finished
    Column("actor", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("event_seq", Integer, nullable=False),
)

batch_items = Table(
    "batch_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("batch_id", Integer, ForeignKey("batches.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),  # enumeration order: stable across runs
    Column("key", Text, nullable=False),  # as shown: /abs/folder/a.docx or /abs/in.zip!/dir/b.pdf
    Column("source", Text, nullable=False),  # the file given or found, or the outermost archive
    Column("member", Text, nullable=False),  # path inside the archive(s) ("" for a plain file)
    Column("sha256", String(64)),  # None for a member that was refused before extraction
    Column("size", Integer, nullable=False),
    Column("state", String(16), nullable=False, index=True),
    Column("attempts", Integer, nullable=False),
    Column("worker", String(128)),
    Column("started_at", String(40)),
    Column("finished_at", String(40)),
    Column("seconds", Float),
    Column("duplicate_of", Integer),
    Column("document_id", Integer, ForeignKey("documents.id")),
    Column("error", Text),  # bilingual reason of a refusal or failure
    Column("result_json", Text),
    UniqueConstraint("batch_id", "key", name="uq_batch_items_key"),
)

batch_contents = Table(
    "batch_contents",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

TABLES = (batches, batch_items, batch_contents)

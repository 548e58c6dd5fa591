"""Schema versions: each migration is a function of a connection, applied once, in order.

Migrations use SQLAlchemy Core DDL only, so the same list upgrades SQLite and PostgreSQL. A workspace
written by a newer program is refused rather than half-understood.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect, select, text

from reviewer.core.store import batch_tables, dialect, schema
from reviewer.core.store.errors import WorkspaceTooNew

# v1 created these tables from the current metadata; columns added later come from their own migration
_V1_TABLES = ("workspace_meta", "users", "documents", "findings", "decisions", "attribute_records", "exports",
              "audit_events", "audit_head")


def _v1_initial(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.metadata.tables[name] for name in _V1_TABLES])


def _v2_team(conn: Connection) -> None:
    """Issue 11: checkout leases; on a server, triggers that keep audit events append-only."""
    schema.leases.create(conn, checkfirst=True)
    dialect.install_audit_guards(conn)


def _v3_decision_notes(conn: Connection) -> None:
    """Issue 23: a decision keeps the reviewer's note (accept, span edit), as its audit event does."""
    if "note" not in {c["name"] for c in inspect(conn).get_columns("decisions")}:
        conn.execute(text("ALTER TABLE decisions ADD COLUMN note TEXT"))


def _v4_term_lists(conn: Connection) -> None:
    """Issue 33: the office's term lists (敏感词库), one row per version."""
    schema.term_lists.create(conn, checkfirst=True)


def _v5_document_kind(conn: Connection) -> None:
    """Issue 26: a document keeps its kind (文种: recognised at import, changed by a reviewer), which chooses the
    default profile."""
    if "kind" not in {c["name"] for c in inspect(conn).get_columns("documents")}:
        conn.execute(text("ALTER TABLE documents ADD COLUMN kind VARCHAR(40) NOT NULL DEFAULT ''"))


def _v6_audit(conn: Connection) -> None:
    """Issue 24: user events are signed and replayed, so the chain is searched by action; on a server the
    application role reads users and changes them only through the user-event function."""
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_audit_events_action_seq ON audit_events (action, seq)"))
    dialect.install_user_function(conn)
    dialect.restrict_user_grants(conn)


def _v7_batch(conn: Connection) -> None:
    """Issue 31: batch jobs and their results; on a server, the job queue's own tables (procrastinate)."""
    batch_tables.metadata.create_all(conn, tables=list(batch_tables.TABLES))
    dialect.install_job_queue(conn)


MIGRATIONS: list[tuple[int, Callable[[Connection], None]]] = [
    (1, _v1_initial),
    (2, _v2_team),
    (3, _v3_decision_notes),
    (4, _v4_term_lists),
    (5, _v5_document_kind),
    (6, _v6_audit),
    (7, _v7_batch),
]
SIGNED_USERS_VERSION = 6  # user events before the upgrade to this version were not signed
CURRENT_VERSION = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    value = conn.execute(select(schema.schema_version.c.version)
                         .order_by(schema.schema_version.c.version.desc()).limit(1)).scalar()
    return int(value or 0)


def migrate(conn: Connection, *, now: str) -> int:
    """Bring the schema up to CURRENT_VERSION inside the caller's transaction; return the old version."""
    schema.schema_version.create(conn, checkfirst=True)
    found = current_version(conn)
    if found > CURRENT_VERSION:
        raise WorkspaceTooNew(
            f"工作区版本为 {found}，本程序只支持到 {CURRENT_VERSION}。请升级本程序后再打开。",
            f"The workspace is at schema version {found}; this program supports up to {CURRENT_VERSION}. "
            "Upgrade the program before opening it.")
    for version, step in MIGRATIONS:
        if version > found:
            step(conn)
            conn.execute(schema.schema_version.insert().values(version=version, applied_at=now))
    return found

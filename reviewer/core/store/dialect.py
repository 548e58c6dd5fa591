"""Everything that differs between SQLite and PostgreSQL lives here, and nowhere else.

The rest of the store is portable SQLAlchemy Core. What needs the dialect:
- connection set-up: SQLite runs in WAL mode with synchronous=FULL (a commit is on disk when it
  returns), foreign keys on, and a busy timeout; PostgreSQL uses psycopg 3 and needs nothing else;
- consistent reads: one snapshot per read transaction (PostgreSQL: REPEATABLE READ);
- serialising writers: every write transaction appends to the one audit chain, so writers must
  queue. SQLite takes the database write lock up front (`BEGIN IMMEDIATE`, so two writers never both
  read the same chain head); PostgreSQL takes a transaction-scoped advisory lock (issue 11);
- defence in depth on a server: a trigger refuses UPDATE, DELETE and TRUNCATE of audit events even
  for the tables' owner, and the application's role is granted INSERT but not UPDATE/DELETE on them.
  (A SQLite file's owner can rewrite anything, triggers included; there the hash chain and the head
  witness file are the protection.)
- after a bulk copy with explicit ids (`workspace migrate`), PostgreSQL's id sequences are moved on.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from reviewer.core.store.errors import WorkspaceError

# Arbitrary constant key for pg_advisory_xact_lock: "the audit chain of this database".
_PG_CHAIN_LOCK_KEY = 0x7265766965776572 & 0x7FFFFFFFFFFFFFFF
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

# What the application's role may do, per table; everything not listed is refused by the server.
APP_GRANTS: dict[str, str] = {
    "audit_events": "SELECT, INSERT",  # never UPDATE, DELETE or TRUNCATE
    "audit_head": "SELECT, INSERT, UPDATE",
    "schema_version": "SELECT",
    "leases": "SELECT, INSERT, UPDATE",
    "workspace_meta": "SELECT, INSERT, UPDATE",
    "users": "SELECT, INSERT, UPDATE",
    "documents": "SELECT, INSERT, UPDATE",
    "findings": "SELECT, INSERT, UPDATE",
    "decisions": "SELECT, INSERT, UPDATE",
    "attribute_records": "SELECT, INSERT, UPDATE",
    "exports": "SELECT, INSERT",
    "term_lists": "SELECT, INSERT",  # versions are never changed: a change is the next version
    # batches (issue 31): the job queue's tables and ours; a document's bytes wait for a worker, then go
    "batches": "SELECT, INSERT, UPDATE",
    "batch_items": "SELECT, INSERT, UPDATE",
    "batch_contents": "SELECT, INSERT, DELETE",
    **{t: "SELECT, INSERT, UPDATE, DELETE"
       for t in ("procrastinate_jobs", "procrastinate_events", "procrastinate_workers",
                 "procrastinate_periodic_defers")},
}


def normalize_url(url: str) -> str:
    """`postgresql://` and `postgres://` mean psycopg 3 (the driver this program ships with)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def is_postgresql(url_or_conn) -> bool:
    if isinstance(url_or_conn, str):
        return normalize_url(url_or_conn).startswith("postgresql")
    return url_or_conn.dialect.name == "postgresql"


def make_engine(url: str) -> Engine:
    """Create an engine for `url` with the dialect's durability and locking set-up."""
    url = normalize_url(url)
    if url.startswith("sqlite"):
        # Pooled connections: closing the last connection to a WAL database checkpoints it (an extra
        # fsync per operation), so connections stay open until `Workspace.close()` disposes the pool.
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 15})


def _sqlite_on_connect(dbapi_connection, _record) -> None:
    # pysqlite's own implicit transactions are switched off; we emit BEGIN ourselves (below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    mode = "IMMEDIATE" if conn.get_execution_options().get("reviewer_write") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def prepare_write(conn: Connection) -> Connection:
    """Mark `conn` as a writer before its transaction begins."""
    return conn.execution_options(reviewer_write=True)


def prepare_read(conn: Connection) -> Connection:
    """A read transaction sees one snapshot. SQLite's read transaction already does; PostgreSQL's
    default (READ COMMITTED) takes a new snapshot per statement, so `audit verify` running beside
    writers could read a head newer than the events it read: REPEATABLE READ (read-only, it never
    fails with a serialisation error) gives the whole transaction one snapshot."""
    if conn.dialect.name == "postgresql":
        return conn.execution_options(isolation_level="REPEATABLE READ")
    return conn


def lock_chain(conn: Connection) -> None:
    """Inside a write transaction: make sure no other writer appends to the chain concurrently.

    PostgreSQL (READ COMMITTED): every statement after the lock sees all commits made before it, so
    the chain head, versions and leases read under the lock are current."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_CHAIN_LOCK_KEY})")
    # SQLite: BEGIN IMMEDIATE already holds the single write lock.


def is_file_database(url: str) -> bool:
    return url.startswith("sqlite") and ":memory:" not in url


# --- PostgreSQL defence in depth -----------------------------------------------------------------
_GUARD_FUNCTION = """
CREATE OR REPLACE FUNCTION reviewer_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
    MESSAGE = 'audit events are append-only: ' || TG_OP || ' refused / 审计事件只能追加，拒绝 ' || TG_OP;
END $$
"""


def install_audit_guards(conn: Connection) -> None:
    """Triggers refusing UPDATE, DELETE and TRUNCATE of audit events (a schema migration step)."""
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(_GUARD_FUNCTION)
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
    conn.exec_driver_sql("CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
                         "FOR EACH ROW EXECUTE FUNCTION reviewer_audit_append_only()")
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
    conn.exec_driver_sql("CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
                         "FOR EACH STATEMENT EXECUTE FUNCTION reviewer_audit_append_only()")


def install_job_queue(conn: Connection) -> None:
    """On a server: the tables and functions of the job queue that `reviewer worker` uses (procrastinate,
    pinned in pyproject.toml), from the SQL file the package ships; read, not imported, so opening a
    workspace never loads the queue library. A schema migration step (issue 31)."""
    if conn.dialect.name != "postgresql":
        return
    if conn.exec_driver_sql("SELECT to_regclass('procrastinate_jobs')").scalar() is not None:
        return  # installed already (a database that hosts other procrastinate users)
    spec = importlib.util.find_spec("procrastinate")
    found = [Path(p) / "sql" / "schema.sql" for p in (spec.submodule_search_locations or [])] if spec else []
    if not found or not found[0].is_file():
        raise WorkspaceError("缺少作业队列组件 procrastinate，无法初始化团队工作区。"
                             "请重新安装本程序。",
                             "The job-queue package procrastinate is missing, so the team workspace cannot "
                             "be set up. Reinstall the program.")
    # The raw driver connection: one simple-protocol call with several statements and no parameters, so
    # the % in the functions' RAISE messages are not taken for placeholders.
    conn.connection.driver_connection.execute(found[0].read_text(encoding="utf-8"))


def provision_app_role(conn: Connection, role: str, password: str | None) -> bool:
    """Create (or update) the application's login role and grant it exactly `APP_GRANTS`.

    Run by the database owner. Returns True when the role was created, False when it existed."""
    if conn.dialect.name != "postgresql":
        raise ValueError("roles exist only on a database server")
    if not _ROLE_NAME.match(role):
        raise ValueError(f"role name {role!r}: use lower-case letters, digits and _")
    exists = conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": role}).first()
    secret = "" if password is None else " PASSWORD " + _literal(password)
    if exists is None:
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE{secret}")
    elif secret:
        conn.exec_driver_sql(f"ALTER ROLE {role}{secret}")
    database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    conn.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{database}" TO {role}')
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {role}")
    for table, privileges in APP_GRANTS.items():
        conn.exec_driver_sql(f"REVOKE ALL ON {table} FROM {role}")
        conn.exec_driver_sql(f"GRANT {privileges} ON {table} TO {role}")
    conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
    return exists is None


def _literal(value: str) -> str:
    if "\x00" in value:
        raise ValueError("a password cannot contain NUL")
    return "'" + value.replace("'", "''") + "'"  # standard_conforming_strings is on since PostgreSQL 9.1


def reset_id_sequences(conn: Connection, tables: list[str]) -> None:
    """After inserting rows with explicit ids, move each table's id sequence past the largest id."""
    if conn.dialect.name != "postgresql":
        return  # SQLite picks max(rowid) + 1 by itself
    for table in tables:
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT max(id) FROM {table}), 0) + 1, false)")


def is_privilege_error(exc: BaseException) -> bool:
    """A server's "permission denied" (SQLSTATE 42501), as raised by grants and the audit triggers."""
    return getattr(getattr(exc, "orig", exc), "sqlstate", None) == "42501"


def database_name(url: str) -> str:
    return make_url(normalize_url(url)).database or ""

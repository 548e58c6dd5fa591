"""Everything that differs between SQLite and PostgreSQL lives here, and nowhere else.

The rest of the store is portable SQLAlchemy Core. Two things need the dialect:
- connection set-up: SQLite runs in WAL mode with synchronous=FULL (a commit is on disk when it
  returns), foreign keys on, and a busy timeout; PostgreSQL needs nothing at connect time;
- serialising writers: every write transaction appends to the one audit chain, so writers must
  queue. SQLite takes the database write lock up front (`BEGIN IMMEDIATE`, so two writers never both
  read the same chain head); PostgreSQL takes a transaction-scoped advisory lock (issue 11).
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, create_engine, event

# Arbitrary constant key for pg_advisory_xact_lock: "the audit chain of this database".
_PG_CHAIN_LOCK_KEY = 0x7265766965776572 & 0x7FFFFFFFFFFFFFFF


def make_engine(url: str) -> Engine:
    """Create an engine for `url` with the dialect's durability and locking set-up."""
    if url.startswith("sqlite"):
        # Pooled connections: closing the last connection to a WAL database checkpoints it (an extra
        # fsync per operation), so connections stay open until `Workspace.close()` disposes the pool.
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


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


def lock_chain(conn: Connection) -> None:
    """Inside a write transaction: make sure no other writer appends to the chain concurrently."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_CHAIN_LOCK_KEY})")
    # SQLite: BEGIN IMMEDIATE already holds the single write lock.


def is_file_database(url: str) -> bool:
    return url.startswith("sqlite") and ":memory:" not in url

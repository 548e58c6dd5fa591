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
- the users table on a server: the application's role may only read it; a user row changes through
  `reviewer_apply_user_event`, a SECURITY DEFINER function that applies exactly what the newest audit
  event (a signed user event the application appended) says, so no client can make itself supervisor
  or take over the administrator's row by an UPDATE;
- after a bulk copy with explicit ids (`workspace migrate`), PostgreSQL's id sequences are moved on.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

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
    "users": "SELECT",  # changes only through reviewer_apply_user_event (below), as the owner
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


_USER_FUNCTION = """
CREATE OR REPLACE FUNCTION reviewer_apply_user_event(p_seq integer, p_password_hash text, p_sealed text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  e record;
  d jsonb;
  newest integer;
BEGIN
  SELECT count INTO newest FROM audit_head WHERE id = 1;
  SELECT seq, ts, action, details_json INTO e FROM audit_events WHERE seq = p_seq;
  IF NOT FOUND OR e.seq IS DISTINCT FROM newest THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'a user row changes only with the newest audit event / 只能按最新的审计事件修改用户';
  END IF;
  d := e.details_json::jsonb;
  IF e.action IN ('user.created', 'user.key_registered') AND
     encode(sha256(convert_to(p_password_hash || E'\\n' || p_sealed, 'UTF8')), 'hex')
       IS DISTINCT FROM d->>'credential_sha256' THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'the credentials differ from the audit event / 凭据与审计事件不符';
  END IF;
  IF e.action = 'user.created' THEN
    INSERT INTO users (username, display_name, role, password_hash, public_key, private_key_sealed, active,
                       created_at)
    VALUES (d->>'username', d->>'display_name', d->>'roles', p_password_hash, d->>'public_key', p_sealed, true,
            e.ts);
  ELSIF e.action = 'user.roles_changed' THEN
    UPDATE users SET role = d->>'roles' WHERE username = d->>'username';
  ELSIF e.action IN ('user.deactivated', 'user.reactivated') THEN
    UPDATE users SET active = (e.action = 'user.reactivated') WHERE username = d->>'username';
  ELSIF e.action = 'user.key_registered' THEN
    UPDATE users SET public_key = d->>'public_key', password_hash = p_password_hash, private_key_sealed = p_sealed
      WHERE username = d->>'username';
  ELSE
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'not a user event: ' || e.action || ' / 不是用户事件';
  END IF;
END $$
"""
_GUARD_TRIGGERS = ("audit_events_append_only", "audit_events_no_truncate")
APP_FUNCTIONS = ("reviewer_apply_user_event(integer, text, text)",)


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


def install_user_function(conn: Connection) -> None:
    """The one way a server's users table changes for the application (a schema migration step)."""
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql("ALTER TABLE users ALTER COLUMN role TYPE VARCHAR(64)")  # "admin+reviewer"
    conn.exec_driver_sql(_USER_FUNCTION)
    conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {APP_FUNCTIONS[0]} FROM PUBLIC")


def restrict_user_grants(conn: Connection) -> None:
    """Upgrading a server provisioned before the user function: roles that could write users now only
    read them and execute the function (what `provision_app_role` grants today)."""
    if conn.dialect.name != "postgresql":
        return
    grantees = conn.exec_driver_sql(
        "SELECT DISTINCT grantee FROM information_schema.role_table_grants WHERE table_name = 'users' AND "
        "privilege_type IN ('INSERT', 'UPDATE', 'DELETE') AND grantee <> current_user").scalars().all()
    for grantee in grantees:
        if not _ROLE_NAME.match(grantee):
            continue
        conn.exec_driver_sql(f"REVOKE INSERT, UPDATE, DELETE ON users FROM {grantee}")
        conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {APP_FUNCTIONS[0]} TO {grantee}")


def apply_user_event(conn: Connection, seq: int, password_hash: str | None, sealed: str | None) -> None:
    conn.exec_driver_sql("SELECT reviewer_apply_user_event(%(s)s, %(h)s, %(k)s)",
                         {"s": seq, "h": password_hash, "k": sealed})


def missing_guards(conn: Connection) -> list[str]:
    """The audit guards (triggers, enabled) and the user function that are not in place on a server."""
    if conn.dialect.name != "postgresql":
        return []
    rows = conn.exec_driver_sql(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass AND tgenabled <> 'D'").all()
    present = {r[0] for r in rows}
    missing = [name for name in _GUARD_TRIGGERS if name not in present]
    if conn.exec_driver_sql("SELECT to_regprocedure(%(f)s)", {"f": APP_FUNCTIONS[0]}).scalar() is None:
        missing.append("reviewer_apply_user_event")
    return missing


def reinstall_guards(conn: Connection) -> bool:
    """Put missing guards back (the tables' owner can); False when this account may not."""
    try:
        with conn.begin_nested():
            install_audit_guards(conn)
            conn.exec_driver_sql(_USER_FUNCTION)
            conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {APP_FUNCTIONS[0]} FROM PUBLIC")
    except DBAPIError as exc:
        if is_privilege_error(exc):
            return False
        raise
    return True


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

    Run by the database owner. Returns True when the role was created, False when it existed.
    Raises `MissingPrivilege` naming what the connecting account lacks (CREATEROLE, ownership)."""
    if conn.dialect.name != "postgresql":
        raise ValueError("roles exist only on a database server")
    if not _ROLE_NAME.match(role):
        raise ValueError(f"role name {role!r}: use lower-case letters, digits and _")
    me = conn.exec_driver_sql("SELECT current_user").scalar_one()
    can_create, superuser = conn.exec_driver_sql(
        "SELECT rolcreaterole, rolsuper FROM pg_roles WHERE rolname = current_user").one()
    owner = conn.exec_driver_sql("SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND "
                                 "tablename = 'audit_events'").scalar()
    exists = conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": role}).first()
    secret = "" if password is None else " PASSWORD " + _literal(password)
    if not (can_create or superuser) and (exists is None or secret):
        raise MissingPrivilege(me, "CREATEROLE")
    if owner != me and not superuser:
        raise MissingPrivilege(me, f"OWNER ({owner})")
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
    for function in APP_FUNCTIONS:
        conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {function} TO {role}")
    conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
    return exists is None


class MissingPrivilege(Exception):
    """The connecting account lacks a privilege provisioning needs (the service words the message)."""

    def __init__(self, account: str, privilege: str) -> None:
        super().__init__(f"{account} lacks {privilege}")
        self.account, self.privilege = account, privilege


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

"""The store: durability settings, schema versions, locations, accounts, imports, portability."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable

from reviewer.core.audit.signing import unseal
from reviewer.core.documents import load_document
from reviewer.core.service import open_workspace
from reviewer.core.store import batch_tables, dialect, location, schema
from reviewer.core.store.errors import AuthenticationFailed, PermissionDenied, UserExists, WorkspaceTooNew
from reviewer.core.store.migrations import CURRENT_VERSION, MIGRATIONS
from tests.core.store.workspace_fixtures import DATA, PASSWORDS, penalty_findings

ROOT = Path(__file__).resolve().parents[3]
CORE = ROOT / "reviewer" / "core"


def test_sqlite_runs_in_wal_mode_with_full_sync(sqlite_ws):
    with sqlite_ws.read() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_schema_version_is_recorded_once_and_a_newer_workspace_is_refused(fresh_where):
    ws = open_workspace(fresh_where)
    ws.close()
    ws = open_workspace(fresh_where)
    with ws.read() as conn:
        versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    assert versions == [version for version, _step in MIGRATIONS] and versions[-1] == CURRENT_VERSION
    with ws.write() as conn:
        conn.execute(schema.schema_version.insert().values(version=CURRENT_VERSION + 1, applied_at="x"))
    ws.close()
    with pytest.raises(WorkspaceTooNew):
        open_workspace(fresh_where)


def test_locations(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    where = location.resolve(None)
    assert where.folder == (tmp_path / "data" / "reviewer" / "workspace").resolve()
    assert where.url == f"sqlite:///{where.folder / 'workspace.sqlite3'}"
    remote = location.resolve("postgresql://app:secret@db.internal/review")
    assert remote.folder is None and remote.url.startswith("postgresql://")
    assert "secret" not in remote.display()
    assert dialect.normalize_url(remote.url) == "postgresql+psycopg://app:secret@db.internal/review"
    assert dialect.normalize_url("postgres://db/x") == "postgresql+psycopg://db/x"


def test_store_sql_is_portable_outside_the_dialect_module():
    """No SQLite-only SQL outside dialect.py, and every table compiles for PostgreSQL (issue 11)."""
    pattern = re.compile(r"PRAGMA|BEGIN IMMEDIATE|AUTOINCREMENT|INSERT OR|sqlite_master|pg_advisory|"
                         r"exec_driver_sql|CREATE TRIGGER|GRANT |setval")
    offenders = []
    for folder in ("store", "review", "audit"):
        for path in (CORE / folder).rglob("*.py"):
            if path.name != "dialect.py" and pattern.search(path.read_text(encoding="utf-8")):
                offenders.append(path.name)
    assert offenders == []
    for table in schema.metadata.sorted_tables:
        assert "CREATE TABLE" in str(CreateTable(table).compile(dialect=postgresql.dialect()))


def test_first_run_creates_an_admin_then_only_admins_add_users(fresh_where):
    ws = open_workspace(fresh_where)
    try:
        assert ws.needs_admin()
        with pytest.raises(AuthenticationFailed):
            ws.create_first_admin("root", "short")
        admin = ws.create_first_admin("root", "root-password-1")
        assert not ws.needs_admin()
        with pytest.raises(PermissionDenied):
            ws.create_first_admin("second", "second-password")
        alice = ws.create_user(admin, "alice", "reviewer", "alice-password", admin_password="root-password-1")
        with pytest.raises(PermissionDenied):
            ws.create_user(alice, "mallory", "admin", "mallory-password", admin_password="alice-password")
        with pytest.raises(UserExists):
            ws.create_user(admin, "alice", "supervisor", "another-password", admin_password="root-password-1")
        with pytest.raises(AuthenticationFailed):  # the administrator's password signs the change
            ws.create_user(admin, "bob", "supervisor", "bob-password-1", admin_password="wrong-password")
        with ws.read() as conn:
            row = conn.execute(select(schema.users).where(schema.users.c.username == "alice")).one()
        assert row.password_hash.startswith("$argon2id$")
        sealed = json.loads(row.private_key_sealed)
        assert sealed["kdf"] == "argon2id" and len(row.public_key) == 64
        assert unseal(row.private_key_sealed, "alice-password").public_key().public_bytes_raw().hex() == \
            row.public_key
        with pytest.raises(ValueError):
            unseal(row.private_key_sealed, "wrong-password")
        assert ws.login("alice", "alice-password") == alice
        with pytest.raises(AuthenticationFailed):
            ws.login("alice", "wrong-password")
        with pytest.raises(AuthenticationFailed):
            ws.login("nobody", "alice-password")
        assert ws.verify().ok
    finally:
        ws.close()


def test_changed_password_still_unlocks_the_signing_key(ws, people):
    from reviewer.core.review.users import private_key_for

    ws.change_password(people.bob, PASSWORDS["bob"], "bob-new-password")
    with ws.read() as conn:
        assert private_key_for(conn, people.bob, "bob-new-password") is not None
        with pytest.raises(AuthenticationFailed):
            private_key_for(conn, people.bob, PASSWORDS["bob"])


def test_import_is_idempotent_and_recorded(ws, people):
    document = load_document(DATA / "penalty-notice.txt")
    findings = penalty_findings(document)
    first = ws.import_document(document, findings, ws.cli_actor())
    again = ws.import_document(document, findings, people.alice)
    assert again.id == first.id and first.sha256 == document.sha256
    assert len(ws.findings(first.id)) == len(findings)
    imports = [e for e in ws.events(first.id) if e.action == "document.imported"]
    assert len(imports) == 1 and imports[0].document_sha256 == document.sha256
    assert imports[0].actor.startswith("os:")
    with pytest.raises(PermissionDenied):
        ws.import_document(load_document(DATA / "internal-request.txt"), [], people.dave)


def test_exports_are_recorded_by_the_service_only_and_auditors_cannot_export(ws, people, penalty, tmp_path):
    """No public call records a hash someone else computed: the service hashes the file it wrote."""
    assert not hasattr(ws, "record_export") and not hasattr(ws, "record_verified_export")
    document = load_document(DATA / "penalty-notice.txt")
    outcome = ws.review(document, people.alice).export_copy(tmp_path / "out.txt", rename=False)
    [record] = ws.exports(penalty.id)
    assert record.verified and record.actor == "alice" and record.output_path == str((tmp_path / "out.txt").resolve())
    assert record.output_sha256 == outcome.result.sha256
    event = ws.events(penalty.id)[-1]
    assert event.action == "export.recorded" and event.details["verified"] is True
    with pytest.raises(PermissionDenied):
        ws.review(document, people.dave).export_copy(tmp_path / "x.txt", rename=False)
    with pytest.raises(PermissionDenied):  # a bare name is not a session
        ws.review(document, "alice").export_copy(tmp_path / "y.txt", rename=False)
    assert len(ws.exports(penalty.id)) == 1


def test_workspace_cli_init_add_user_status(tmp_path):
    folder = tmp_path / "cli-ws"

    def cli(*args, stdin=""):
        return subprocess.run([sys.executable, "-m", "reviewer", "workspace", *args, "--workspace", str(folder)],
                              input=stdin, check=False, capture_output=True, text=True, cwd=ROOT, timeout=120)

    assert cli("status").returncode == 1  # no workspace there yet: not silently created
    result = cli("init", "--admin", "root", "--password-stdin", stdin="root-password-1\n")
    assert result.returncode == 0, result.stderr
    assert cli("init", "--admin", "again", "--password-stdin", stdin="x-password-1\n").returncode == 1
    result = cli("add-user", "bob", "--role", "supervisor", "--as", "root", "--password-stdin",
                 stdin="root-password-1\nbob-password-1\n")
    assert result.returncode == 0, result.stderr
    result = cli("add-user", "eve", "--role", "admin", "--as", "root", "--password-stdin",
                 stdin="wrong-password\neve-password-1\n")
    assert result.returncode == 1 and "Wrong user name or password" in result.stderr
    result = cli("status")
    assert result.returncode == 0 and "audit head: 2:" in result.stdout


def test_audit_and_log_commands_refuse_a_missing_workspace(tmp_path):
    missing = tmp_path / "nowhere"
    verify = subprocess.run([sys.executable, "-m", "reviewer", "audit", "verify", "--workspace", str(missing)],
                            check=False, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert verify.returncode == 2 and "There is no workspace" in verify.stderr
    log = subprocess.run([sys.executable, "-m", "reviewer", "log", "export", "--workspace", str(missing),
                          "--format", "csv", "-o", str(tmp_path / "x.csv")],
                         check=False, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert log.returncode == 1 and "There is no workspace" in log.stderr
    assert not missing.exists() and not (tmp_path / "x.csv").exists()


def test_a_version_1_workspace_is_upgraded_in_place(fresh_where):
    """Personal workspaces made before issue 11 gain the leases table (and, on a server, the audit
    guards), from issue 23 the decisions' note column and from issue 26 the documents' kind column when
    opened; their chain is kept and gains one marker event (issue 24: user events after it are signed)."""
    ws = open_workspace(fresh_where)
    admin = ws.create_first_admin("root", "root-password-1")
    head = ws.head()
    with ws.write() as conn:  # back to what schema version 1 looked like
        schema.leases.drop(conn)
        schema.term_lists.drop(conn)
        batch_tables.metadata.drop_all(conn, tables=list(batch_tables.TABLES))
        conn.execute(text("ALTER TABLE decisions DROP COLUMN note"))
        conn.execute(text("ALTER TABLE documents DROP COLUMN kind"))
        conn.execute(schema.schema_version.delete().where(schema.schema_version.c.version > 1))
    ws.close()
    ws = open_workspace(fresh_where)
    try:
        with ws.read() as conn:
            assert conn.execute(select(schema.schema_version.c.version)).scalars().all() == [
                version for version, _step in MIGRATIONS]
            assert inspect(conn).has_table("term_lists")  # issue 33
            assert inspect(conn).has_table("batch_items")  # issue 31
        marker = ws.events()[-1]  # the chain is kept, event for event, and says from where user events are signed
        assert ws.events()[head.count - 1].hash == head.hash and ws.head().count == head.count + 1
        assert (marker.action, marker.details["from_version"]) == ("workspace.schema_upgraded", 1)
        assert marker.details["to_version"] == MIGRATIONS[-1][0]
        assert ws.verify().ok
        assert ws.lease(1) is None  # the leases table is back
        assert "note" in {c["name"] for c in inspect(ws.engine).get_columns("decisions")}
        assert "kind" in {c["name"] for c in inspect(ws.engine).get_columns("documents")}
        ws.create_user(admin, "alice", "reviewer", "alice-password", admin_password="root-password-1")
        assert ws.needs_admin() is False and ws.verify().ok
    finally:
        ws.close()

"""Defence in depth on PostgreSQL: the application's role may append audit events but never change
or remove them (grants), and even the tables' owner is stopped by a trigger (issue 11)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from reviewer.core.service import open_workspace
from reviewer.core.store import dialect
from reviewer.core.store.errors import WorkspaceError
from tests.core.store.pg_fixtures import APP_PASSWORD, APP_ROLE

TAMPERING = ["UPDATE audit_events SET actor = 'mallory' WHERE seq = 1",
             "DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)",
             "TRUNCATE audit_events"]


def _attempt(url: str, sql: str) -> DBAPIError:
    engine = create_engine(url)
    try:
        with engine.begin() as conn, pytest.raises(DBAPIError) as refused:
            conn.execute(text(sql))
        return refused.value
    finally:
        engine.dispose()


def test_the_app_role_appends_but_cannot_update_or_delete_audit_events(pg_cluster, pg_database):
    app_url = pg_cluster.url(pg_database, app=True)
    ws = open_workspace(app_url)
    try:
        before = ws.events()
        admin = ws.get_user("admin")
        ws.create_user(admin, "frank", "reviewer", "frank-pass-12", admin_password="admin-pass-1")  # an INSERT through the app: allowed
        assert len(ws.events()) == len(before) + 1
        for sql in TAMPERING:
            error = _attempt(app_url, sql)
            assert dialect.is_privilege_error(error) and "permission denied" in str(error.orig)
        for sql in ("ALTER TABLE audit_events DISABLE TRIGGER USER", "DROP TABLE audit_events CASCADE"):
            assert "must be owner" in str(_attempt(app_url, sql).orig)
        assert ws.events()[: len(before)] == before
        assert ws.verify().ok
    finally:
        ws.close()


def test_even_the_owner_is_stopped_by_the_trigger(pg_cluster, pg_database):
    owner_url = pg_cluster.url(pg_database)
    for sql in TAMPERING:
        error = _attempt(owner_url, sql)
        assert dialect.is_privilege_error(error) and "append-only" in str(error.orig)
    ws = open_workspace(owner_url)
    try:
        assert ws.verify().ok
    finally:
        ws.close()


def test_provisioning_is_idempotent_and_needs_the_owner(pg_cluster, pg_database):
    owner = open_workspace(pg_cluster.url(pg_database))
    try:
        assert owner.provision(APP_ROLE, APP_PASSWORD) is False  # exists: grants refreshed
    finally:
        owner.close()
    app = open_workspace(pg_cluster.url(pg_database, app=True))
    try:
        with pytest.raises(WorkspaceError) as refused:
            app.provision("intruder", "intruder-pass-1")
        # the message names the privilege that is missing, not just "connect as the owner"
        assert "lacks the CREATEROLE privilege" in refused.value.message_en and "CREATEROLE" in refused.value.message_zh
    finally:
        app.close()


def test_an_unreachable_database_is_a_clear_error(pg_cluster):
    with pytest.raises(WorkspaceError) as refused:
        open_workspace(pg_cluster.url("no_such_database", app=True))
    assert "Cannot open the workspace" in refused.value.message_en and "no_such_database" in refused.value.message_en
    assert APP_PASSWORD not in str(refused.value)


def test_workspace_provision_command_creates_a_working_app_role(pg_cluster, pg_database):
    import subprocess
    import sys
    from pathlib import Path

    from sqlalchemy.engine import make_url

    owner_url = pg_cluster.url(pg_database)
    result = subprocess.run([sys.executable, "-m", "reviewer", "workspace", "provision", "--workspace", owner_url,
                             "--app-role", "team_app", "--password-stdin"], input="team-app-pass-1\n",
                            check=False, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[3],
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "team_app: created" in result.stdout
    team_url = make_url(owner_url).set(username="team_app", password="team-app-pass-1")
    team_url = team_url.render_as_string(hide_password=False)
    ws = open_workspace(team_url)
    try:
        assert ws.login("alice", "alice-pass-1").username == "alice"
    finally:
        ws.close()
    assert dialect.is_privilege_error(_attempt(team_url, TAMPERING[0]))

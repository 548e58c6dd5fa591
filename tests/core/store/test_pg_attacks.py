"""Issue 24, attacks 1–3 as PostgreSQL's application role: a client holding the team's app-role password
writes SQL directly (it may INSERT audit events, move the head, and UPDATE documents and decisions, as
the program needs). Each attack ends with `reviewer audit verify` exiting 4 naming the event, or with
the operation refused — by the core, or by the server (the app role may not write the users table)."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import DBAPIError

from reviewer.core.review.errors import StatusTampered
from reviewer.core.service import open_workspace
from reviewer.core.store import dialect
from reviewer.core.store.errors import PermissionDenied
from tests.core.audit.forgery import (
    build_review,
    cli,
    document_sha,
    forge_event,
    forge_rejection_after_approval,
    id_card_finding,
    run_sql,
    verify_cli,
)
from tests.core.store.workspace_fixtures import DATA, PASSWORDS


@pytest.fixture
def app_url(pg_cluster, pg_database):
    return pg_cluster.url(pg_database, app=True)


def test_attack_1_as_the_app_role_status_from_an_unknown_event(app_url, tmp_path):
    """The app role appends a hashed `review.approved_by_phone` event and sets the status to approved."""
    doc = build_review(app_url, tmp_path, approve=False)
    seq = forge_event(app_url, actor="bob", action="review.approved_by_phone", document_id=doc,
                      document_sha256=document_sha(app_url, doc), details={"from": "submitted", "to": "approved"},
                      extra_sql=[("UPDATE documents SET status = 'approved' WHERE id = :d", {"d": doc})])
    result = verify_cli(app_url)
    assert result.returncode == 4 and f"first bad event: {seq}" in result.stderr
    assert f"Event {seq} (review.approved_by_phone) is not an action this program writes" in result.stderr
    ws = open_workspace(app_url)
    try:
        with pytest.raises(StatusTampered):
            ws.release(doc, ws.get_user("bob"), PASSWORDS["bob"])
    finally:
        ws.close()


def test_attack_2_as_the_app_role_a_decision_after_sign_off(app_url, tmp_path):
    """The app role appends a hashed rejection of the ID card number after bob's approval, with its row."""
    doc = build_review(app_url, tmp_path, approve=True)
    _finding, item = id_card_finding(app_url, doc)
    seq = forge_rejection_after_approval(app_url, doc, sha256=document_sha(app_url, doc), **item)
    result = verify_cli(app_url)
    assert result.returncode == 4
    assert f"Event {seq} (decision.recorded) changes the review of document {doc} while it is approved" in result.stderr
    out = tmp_path / "published.txt"
    redact = cli("redact", str(DATA / "penalty-notice.txt"), "-o", str(out), "--workspace", app_url)
    assert redact.returncode == 1 and "changed after the approval" in redact.stderr and not out.exists()


@pytest.mark.parametrize("sql", [
    "UPDATE users SET role = 'supervisor' WHERE username = 'erin'",
    "UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'erin') "
    "WHERE username = 'admin'",
    "INSERT INTO users (username, display_name, role, password_hash, public_key, private_key_sealed, active, "
    "created_at) SELECT 'mallory', 'm', 'admin', password_hash, public_key, private_key_sealed, true, created_at "
    "FROM users WHERE username = 'erin'",
    "DELETE FROM users WHERE username = 'carol'",
])
def test_attack_3_as_the_app_role_the_users_table_is_read_only(app_url, sql):
    """The app role tries to make itself supervisor, take over the administrator's password, add an
    administrator, or remove a user: the server refuses each (only the user-event function writes users)."""
    with pytest.raises(DBAPIError) as refused:
        run_sql(app_url, sql)
    assert dialect.is_privilege_error(refused.value) and "permission denied" in str(refused.value.orig)


def test_attack_3_as_the_app_role_a_forged_user_event_through_the_function(app_url, tmp_path):
    """The app role appends a hashed `user.roles_changed` "by admin" without the administrator's key and has
    the server's user function apply it: the row changes, but the core refuses erin's approval (the signed
    chain does not make her a supervisor) and verify names the event. An older event cannot be replayed."""
    doc = build_review(app_url, tmp_path, approve=False)
    seq = forge_event(app_url, actor="admin", action="user.roles_changed", signature="00" * 64,
                      details={"username": "erin", "roles": "supervisor", "previous": "reviewer"},
                      extra_sql=[("SELECT reviewer_apply_user_event(:seq, NULL, NULL)", {})])
    assert run_sql(app_url, "SELECT role FROM users WHERE username = 'erin'") == [("supervisor",)]
    ws = open_workspace(app_url)
    try:
        with pytest.raises(PermissionDenied):
            ws.approve(doc, ws.get_user("erin"), PASSWORDS["erin"])
    finally:
        ws.close()
    result = verify_cli(app_url)
    assert result.returncode == 4 and f"first bad event: {seq}" in result.stderr
    assert f"Event {seq} (user.roles_changed) has no valid signature of admin" in result.stderr
    with pytest.raises(DBAPIError) as refused:
        run_sql(app_url, "SELECT reviewer_apply_user_event(2, NULL, NULL)")
    assert "newest audit event" in str(refused.value.orig)


def test_a_dropped_trigger_is_reported_then_reinstalled_by_the_owner(pg_cluster, pg_database):
    """The database owner drops the append-only trigger (and could then rewrite events): verify reports it
    to everyone; the next open by the owner puts it back and records that it was missing."""
    owner_url, app = pg_cluster.url(pg_database), pg_cluster.url(pg_database, app=True)
    run_sql(owner_url, "DROP TRIGGER audit_events_append_only ON audit_events")
    ws = open_workspace(app)
    try:
        assert [p.kind for p in ws.warnings] == ["guard"]
        assert any("audit_events_append_only" in p.message_en for p in ws.verify().problems)
    finally:
        ws.close()
    result = verify_cli(app)
    assert result.returncode == 4 and "audit guard audit_events_append_only is missing" in result.stderr
    status = cli("workspace", "status", "--workspace", app)  # reported on open, too
    assert status.returncode == 0 and "WARNING" in status.stderr and "audit_events_append_only" in status.stderr
    doctor = cli("doctor", "--workspace", app)  # doctor fails its workspace check and says what to do
    line = next(x for x in doctor.stdout.splitlines() if "workspace:" in x)
    assert doctor.returncode != 0 and line.startswith("FAIL") and "audit_events_append_only" in line
    assert "database owner" in line
    open_workspace(owner_url).close()  # the owner's open reinstalls it
    ws = open_workspace(app)
    try:
        assert ws.events()[-1].action == "workspace.guards_restored"
        assert ws.events()[-1].details["missing"] == ["audit_events_append_only"]
        assert ws.verify().ok
    finally:
        ws.close()

"""`reviewer workspace migrate --from DIR --to URL`: a personal workspace moves into the team server
with its audit chain event for event, and `audit verify` passes on the target."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from reviewer.core.documents import load_document
from reviewer.core.service import open_workspace
from tests.core.store.workspace_fixtures import (
    DATA,
    PASSWORDS,
    decide_all,
    internal_findings,
    penalty_findings,
    proactive_record,
    redact_and_record,
)

ROOT = Path(__file__).resolve().parents[3]


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reviewer", *args], input=stdin, check=False, capture_output=True, text=True,
                          cwd=ROOT, timeout=180)


def _signed_off_personal_workspace(ws_path, tmp_path) -> tuple[list, dict]:
    ws = open_workspace(ws_path)
    try:
        people = {name: ws.get_user(name) for name in ("alice", "bob")}
        document = load_document(DATA / "penalty-notice.txt")
        info = ws.import_document(document, penalty_findings(document), ws.cli_actor())
        session = ws.session(info.id, people["alice"])
        decide_all(session)
        session.undo()
        session.redo()
        session.record_attribute(proactive_record())
        redact_and_record(ws, info.id, tmp_path)
        session.submit()
        ws.approve(info.id, people["bob"], PASSWORDS["bob"])
        assert ws.verify().ok
        return ws.events(), {"documents": len(ws.documents()), "findings": len(ws.findings(info.id))}
    finally:
        ws.close()


def test_migrate_copies_the_chain_intact_into_postgresql(ws_path, tmp_path, pg_cluster):
    source_events, counts = _signed_off_personal_workspace(ws_path, tmp_path)
    target = pg_cluster.url(pg_cluster.create())
    missing = cli("audit", "verify", "--workspace", target)  # an empty database is not a workspace
    assert missing.returncode == 2 and "There is no workspace" in missing.stderr
    result = cli("workspace", "migrate", "--from", str(ws_path), "--to", target)
    assert result.returncode == 0, result.stderr
    assert "audit verify: OK" in result.stdout
    verify = cli("audit", "verify", "--workspace", target)
    assert verify.returncode == 0, verify.stderr
    assert "7 个签名有效" in verify.stdout and "7 signatures valid" in verify.stdout  # 6 users + 1 approval

    ws = open_workspace(target)
    try:
        events = ws.events()
        assert events[: len(source_events)] == source_events  # same seq, time, actor, details, hashes
        assert events[-1].action == "workspace.migrated" and len(events) == len(source_events) + 1
        assert events[-1].details["source_head_hash"] == source_events[-1].hash
        [doc] = ws.documents()
        assert {"documents": 1, "findings": len(ws.findings(doc.id))} == counts
        # the id sequences moved past the copied rows: the team keeps working in the same store
        carol = ws.get_user("carol")
        internal = load_document(DATA / "internal-request.txt")
        added = ws.import_document(internal, internal_findings(internal), carol)
        assert added.id == doc.id + 1
        ws.session(added.id, ws.get_user("erin")).add_manual_finding(0, 2)
        ws.create_user(ws.get_user("admin"), "gina", "reviewer", "gina-pass-12", admin_password=PASSWORDS["admin"])
        assert ws.verify().ok
    finally:
        ws.close()
    again = cli("workspace", "migrate", "--from", str(ws_path), "--to", target)
    assert again.returncode == 1 and "not empty" in again.stderr
    assert cli("audit", "verify", "--workspace", str(ws_path)).returncode == 0  # the source is untouched


def test_migrate_refuses_a_source_whose_chain_is_broken(ws_path, tmp_path, pg_cluster):
    _signed_off_personal_workspace(ws_path, tmp_path)
    db = sqlite3.connect(ws_path / "workspace.sqlite3")
    db.execute("UPDATE audit_events SET actor = 'mallory' WHERE seq = 3")
    db.commit()
    db.close()
    target_name = pg_cluster.create()
    result = cli("workspace", "migrate", "--from", str(ws_path), "--to", pg_cluster.url(target_name))
    assert result.returncode == 1 and "fails audit verification" in result.stderr
    ws = open_workspace(pg_cluster.url(target_name))
    try:
        assert ws.events() == [] and ws.needs_admin()  # nothing was copied
    finally:
        ws.close()

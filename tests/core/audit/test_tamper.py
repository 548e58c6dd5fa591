"""Tampering with the audit log is caught by the real `reviewer audit verify` CLI (exit 4).

The attacker edits the SQLite file directly with the sqlite3 module, as someone with file access
would. Each case names the first bad event.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.core.audit.chain import event_body, hash_body
from reviewer.core.documents import load_document
from reviewer.core.service import open_workspace
from reviewer.core.store.errors import PermissionDenied
from reviewer.core.store.location import DB_FILENAME, WITNESS_FILENAME
from tests.core.store.workspace_fixtures import (
    DATA,
    PASSWORDS,
    decide_all,
    penalty_findings,
    proactive_record,
    redact_and_record,
)

ROOT = Path(__file__).resolve().parents[3]


def verify_cli(folder: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reviewer", "audit", "verify", "--workspace", str(folder), *extra],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.fixture(scope="module")
def signed_template(template_workspace, tmp_path_factory):
    """A workspace with a reviewed, exported, signed and released document (built once per module)."""
    folder = tmp_path_factory.mktemp("signed") / "ws"
    shutil.copytree(template_workspace, folder)
    ws = open_workspace(folder)
    alice, bob = ws.get_user("alice"), ws.get_user("bob")
    document = load_document(DATA / "penalty-notice.txt")
    penalty = ws.import_document(document, penalty_findings(document), ws.cli_actor())
    session = ws.session(penalty.id, alice)
    decide_all(session)
    session.record_attribute(proactive_record())
    redact_and_record(ws, penalty.id, folder.parent)
    session.submit()
    ws.approve(penalty.id, bob, PASSWORDS["bob"])
    ws.release(penalty.id, bob, PASSWORDS["bob"])
    ws.close()
    return folder


@pytest.fixture
def signed(signed_template, tmp_path):
    """A fresh copy of the signed workspace for one attack."""
    folder = tmp_path / "ws"
    shutil.copytree(signed_template, folder)
    return folder


def _db(folder: Path) -> sqlite3.Connection:
    return sqlite3.connect(folder / DB_FILENAME, isolation_level=None)


def _count(folder: Path) -> int:
    with _db(folder) as con:
        return con.execute("SELECT COUNT(*) FROM audit_events").fetchone()[0]


def _rehash_from(con: sqlite3.Connection, first: int) -> None:
    """A careful attacker: recompute every hash from `first` on and move the head to match."""
    rows = con.execute("SELECT seq, ts, actor, action, document_id, document_sha256, details_json, prev_hash "
                       "FROM audit_events WHERE seq >= ? ORDER BY seq", (first,)).fetchall()
    prev = con.execute("SELECT hash FROM audit_events WHERE seq = ?", (first - 1,)).fetchone()[0]
    for seq, ts, actor, action, doc_id, sha, details, _ in rows:
        digest = hash_body(event_body(seq, ts, actor, action, doc_id, sha, details, prev))
        con.execute("UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq))
        prev = digest
    con.execute("UPDATE audit_head SET hash = ?, count = (SELECT COUNT(*) FROM audit_events)", (prev,))


def test_intact_workspace_verifies(signed):
    result = verify_cli(signed)
    assert result.returncode == 0, result.stderr
    # six users registered (the first administrator signs their own registration), one approval, one release
    assert "8 signatures valid" in result.stdout


def test_altered_event_is_detected(signed):
    with _db(signed) as con:
        row = con.execute("SELECT seq, details_json FROM audit_events WHERE action = 'decision.recorded' "
                          "ORDER BY seq LIMIT 1").fetchone()
        details = json.loads(row[1])
        details["kind"] = "reject"
        con.execute("UPDATE audit_events SET details_json = ? WHERE seq = ?",
                    (json.dumps(details, ensure_ascii=False), row[0]))
    result = verify_cli(signed)
    assert result.returncode == 4
    assert f"Event {row[0]} (decision.recorded) was altered" in result.stderr
    assert f"first bad event: {row[0]}" in result.stderr


def test_deleted_event_is_detected(signed):
    with _db(signed) as con:
        con.execute("DELETE FROM audit_events WHERE seq = 10")
    result = verify_cli(signed)
    assert result.returncode == 4
    assert "Event 10 is missing" in result.stderr


def test_deleted_event_is_detected_even_after_renumbering_and_rehashing_the_rest(signed):
    """Renumbering and rehashing after a deletion keeps links intact, but not the signed sign-off."""
    with _db(signed) as con:
        con.execute("DELETE FROM audit_events WHERE seq = 10")
        total = con.execute("SELECT MAX(seq) FROM audit_events").fetchone()[0]
        for seq in range(11, total + 1):
            con.execute("UPDATE audit_events SET seq = ? WHERE seq = ?", (seq - 1, seq))
        _rehash_from(con, 10)
    result = verify_cli(signed)
    assert result.returncode == 4
    assert "sign-off" in result.stderr


def test_inserted_event_is_detected(signed):
    with _db(signed) as con:
        total = con.execute("SELECT MAX(seq) FROM audit_events").fetchone()[0]
        for seq in range(total, 7, -1):  # make room for a forged event 8
            con.execute("UPDATE audit_events SET seq = ? WHERE seq = ?", (seq + 1, seq))
        prev = con.execute("SELECT hash FROM audit_events WHERE seq = 7").fetchone()[0]
        body = event_body(8, "2026-01-01T00:00:00.000000Z", "mallory", "decision.recorded", 1, None, "{}", prev)
        con.execute("INSERT INTO audit_events (seq, ts, actor, action, document_id, details_json, prev_hash, hash) "
                    "VALUES (8, '2026-01-01T00:00:00.000000Z', 'mallory', 'decision.recorded', 1, '{}', ?, ?)",
                    (prev, hash_body(body)))
    result = verify_cli(signed)
    assert result.returncode == 4
    assert "Event 9 does not link" in result.stderr


def test_appended_event_without_head_is_detected(signed):
    with _db(signed) as con:
        seq, prev = con.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
        body = event_body(seq + 1, "2026-12-01T00:00:00.000000Z", "mallory", "review.released", 1, None, "{}", prev)
        con.execute("INSERT INTO audit_events (seq, ts, actor, action, document_id, details_json, prev_hash, hash) "
                    "VALUES (?, '2026-12-01T00:00:00.000000Z', 'mallory', 'review.released', 1, '{}', ?, ?)",
                    (seq + 1, prev, hash_body(body)))
    result = verify_cli(signed)
    assert result.returncode == 4
    assert f"Events from {seq + 1} on are not covered by the head record" in result.stderr


def test_reordered_events_are_detected(signed):
    with _db(signed) as con:
        con.execute("UPDATE audit_events SET seq = -1 WHERE seq = 12")
        con.execute("UPDATE audit_events SET seq = 12 WHERE seq = 13")
        con.execute("UPDATE audit_events SET seq = 13 WHERE seq = -1")
    result = verify_cli(signed)
    assert result.returncode == 4
    assert "first bad event: 12" in result.stderr


def test_truncated_tail_is_detected(signed):
    total = _count(signed)
    with _db(signed) as con:
        con.execute("DELETE FROM audit_events WHERE seq > ?", (total - 3,))
    result = verify_cli(signed)
    assert result.returncode == 4
    assert f"first bad event: {total - 2}" in result.stderr


def test_truncated_table_is_detected(signed):
    with _db(signed) as con:
        con.execute("DELETE FROM audit_events")
    result = verify_cli(signed)
    assert result.returncode == 4
    assert "first bad event: 1" in result.stderr


def test_truncated_table_and_head_is_detected_by_the_state_rows(signed):
    (signed / WITNESS_FILENAME).unlink()
    with _db(signed) as con:
        con.execute("DELETE FROM audit_events")
        con.execute("DELETE FROM audit_head")
    result = verify_cli(signed)
    assert result.returncode == 4
    assert "Workspace records refer to event" in result.stderr


def test_truncated_tail_with_rewritten_head_is_caught_by_the_witness_and_printed_head(signed):
    total = _count(signed)
    with _db(signed) as con:
        printed = con.execute("SELECT hash FROM audit_events WHERE seq = ?", (total,)).fetchone()[0]
        con.execute("DELETE FROM audit_events WHERE seq = ?", (total,))  # the release event
        con.execute("UPDATE audit_head SET count = ?, hash = (SELECT hash FROM audit_events WHERE seq = ?)",
                    (total - 1, total - 1))
    result = verify_cli(signed)
    assert result.returncode == 4 and "Document 1 (status" in result.stderr  # the state replay notices
    with _db(signed) as con:
        con.execute("UPDATE documents SET status = 'approved'")  # a thorough attacker fixes that too
    result = verify_cli(signed)
    assert result.returncode == 4 and "head witness file" in result.stderr
    (signed / WITNESS_FILENAME).unlink()
    result = verify_cli(signed)  # a witness that was written and is gone is reported, not forgotten
    assert result.returncode == 4 and "witness file" in result.stderr and "is missing" in result.stderr
    with _db(signed) as con:
        count, head = con.execute("SELECT count, hash FROM audit_head").fetchone()
    (signed / WITNESS_FILENAME).write_text(json.dumps({"count": count, "hash": head}))  # rewritten to match
    assert verify_cli(signed).returncode == 0  # without outside pins, a clean truncation is invisible
    result = verify_cli(signed, "--expect-head", f"{total}:{printed}")
    assert result.returncode == 4 and "printed review log" in result.stderr


def test_forged_sign_off_with_edited_approver_fails_the_signature_check(signed, tmp_path):
    keys = tmp_path / "keys.json"
    assert subprocess.run([sys.executable, "-m", "reviewer", "audit", "keys", "--workspace", str(signed),
                           "-o", str(keys)], cwd=ROOT, capture_output=True, timeout=120).returncode == 0
    with _db(signed) as con:
        seq, details = con.execute("SELECT seq, details_json FROM audit_events "
                                   "WHERE action = 'review.approved'").fetchone()
        forged = json.loads(details)
        forged["approver"] = "carol"
        con.execute("UPDATE audit_events SET actor = 'carol', details_json = ? WHERE seq = ?",
                    (json.dumps(forged, ensure_ascii=False, sort_keys=True, separators=(",", ":")), seq))
        _rehash_from(con, seq)  # links and head are consistent again: only the signature can tell
    ws = open_workspace(signed)
    report = ws.verify()
    ws.engine.dispose()
    assert any(p.seq == seq and "The sign-off in event" in p.message_en for p in report.problems)
    result = verify_cli(signed, "--keys", str(keys))
    assert result.returncode == 4
    assert f"first bad event: {seq}" in result.stderr
    assert f"The sign-off in event {seq} (review.approved) names a key that was not carol's" in result.stderr


def test_re_signed_forgery_with_a_swapped_database_key_fails_on_the_admins_signature(signed, tmp_path):
    """An attacker who rewrites bob's key in the database and the whole chain after it, re-signs the
    approval and replaces the witness: bob's registration is signed by the administrator, so the
    rewritten registration no longer verifies (before issue 24 only keys kept outside caught this)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    keys = tmp_path / "keys.json"
    subprocess.run([sys.executable, "-m", "reviewer", "audit", "keys", "--workspace", str(signed), "-o", str(keys)],
                   cwd=ROOT, check=True, capture_output=True, timeout=120)
    mallory = Ed25519PrivateKey.generate()
    public = mallory.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()
    with _db(signed) as con:
        seq, details = con.execute("SELECT seq, details_json FROM audit_events "
                                   "WHERE action = 'review.approved'").fetchone()
        forged = json.loads(details)
        forged["public_key"] = public
        forged["decisions_sha256"] = "0" * 64
        con.execute("UPDATE audit_events SET details_json = ? WHERE seq = ?",
                    (json.dumps(forged, ensure_ascii=False, sort_keys=True, separators=(",", ":")), seq))
        con.execute("UPDATE users SET public_key = ? WHERE username = 'bob'", (public,))
        created, created_details = con.execute("SELECT seq, details_json FROM audit_events WHERE action = "
                                               "'user.created' AND details_json LIKE '%\"bob\"%'").fetchone()
        rewritten = json.loads(created_details) | {"public_key": public}
        con.execute("UPDATE audit_events SET details_json = ? WHERE seq = ?",
                    (json.dumps(rewritten, ensure_ascii=False, sort_keys=True, separators=(",", ":")), created))
        _rehash_from(con, created)  # the whole chain from bob's creation on is rewritten
        row = con.execute("SELECT seq, ts, actor, action, document_id, document_sha256, details_json, prev_hash "
                          "FROM audit_events WHERE seq = ?", (seq,)).fetchone()
        con.execute("UPDATE audit_events SET signature = ? WHERE seq = ?",
                    (mallory.sign(event_body(*row)).hex(), seq))
        count, head = con.execute("SELECT count, hash FROM audit_head").fetchone()
    (signed / WITNESS_FILENAME).write_text(json.dumps({"count": count, "hash": head}))  # the witness too
    result = verify_cli(signed)
    assert result.returncode == 4 and f"first bad event: {created}" in result.stderr
    assert "has no valid signature of admin" in result.stderr
    result = verify_cli(signed, "--keys", str(keys))
    assert result.returncode == 4 and f"first bad event: {created}" in result.stderr


def test_closing_the_workspace_never_overwrites_the_witness_of_a_truncation(signed):
    total = _count(signed)
    with _db(signed) as con:
        con.execute("DELETE FROM audit_events WHERE seq = ?", (total,))
        con.execute("UPDATE audit_head SET count = ?, hash = (SELECT hash FROM audit_events WHERE seq = ?)",
                    (total - 1, total - 1))
    ws = open_workspace(signed)
    ws.close()  # an ordinary open/close after the attack must not bless the shortened chain
    result = verify_cli(signed)
    assert result.returncode == 4 and f"first bad event: {total}" in result.stderr


def test_swapped_public_key_in_the_users_table_contradicts_the_chain(signed):
    subprocess.run([sys.executable, "-m", "reviewer", "audit", "keys", "--workspace", str(signed), "-o",
                    str(signed / "keys.json")], cwd=ROOT, check=True, capture_output=True, timeout=120)
    with _db(signed) as con:
        con.execute("UPDATE users SET public_key = ? WHERE username = 'bob'", ("ab" * 32,))
    result = verify_cli(signed)
    # bob's key comes from his signed registration, so the approval still verifies; the row contradicts it
    assert result.returncode == 4 and "User bob's roles, active state, key or password record" in result.stderr
    ws = open_workspace(signed)
    try:
        report = ws.verify(keys=json.loads((signed / "keys.json").read_text()))
        assert any("User bob's roles, active state, key" in p.message_en for p in report.problems)
        with pytest.raises(PermissionDenied) as refused:  # and the core no longer lets bob act
            ws.login("bob", PASSWORDS["bob"])
        assert "differs from what the signed audit chain registered" in refused.value.message_en
    finally:
        ws.engine.dispose()


@pytest.mark.parametrize(("sql", "message"), [
    ("UPDATE decisions SET operator = 'keep' WHERE id = (SELECT MIN(id) FROM decisions WHERE kind = 'accept')",
     "Decision"),
    ("UPDATE decisions SET undone = 1 WHERE id = (SELECT MIN(id) FROM decisions)", "Decision"),
    ("UPDATE documents SET status = 'approved'", "Document 1"),
    ("UPDATE findings SET text = 'x' WHERE id = (SELECT MIN(id) FROM findings)", "Document 1"),
    ("DELETE FROM findings WHERE id = (SELECT MAX(id) FROM findings)", "Document 1"),
    ("UPDATE exports SET verified = 0", "Export record"),
    ("UPDATE attribute_records SET record_json = REPLACE(record_json, '主动公开', '不予公开')", "Attribute record"),
    ("UPDATE users SET role = 'supervisor' WHERE username = 'alice'", "User alice"),
    ("UPDATE users SET active = 0 WHERE username = 'alice'", "User alice"),
    ("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'bob') "
     "WHERE username = 'admin'", "User admin"),
    ("DELETE FROM users WHERE username = 'carol'", "User carol's record is missing"),
])
def test_state_rows_edited_behind_the_programs_back_are_detected(signed, sql, message):
    with _db(signed) as con:
        con.execute("PRAGMA foreign_keys = OFF")
        assert con.execute(sql).rowcount >= 1
    ws = open_workspace(signed)
    try:
        report = ws.verify()
    finally:
        ws.engine.dispose()
    assert not report.ok
    assert any(p.kind == "state" and message in p.message_en for p in report.problems), report.problems


def test_a_damaged_witness_is_reported_and_not_overwritten(signed):
    (signed / WITNESS_FILENAME).write_text("{not json")
    ws = open_workspace(signed)
    ws.close()  # must not replace the damaged witness with the current head
    assert (signed / WITNESS_FILENAME).read_text() == "{not json"
    result = verify_cli(signed)
    assert result.returncode == 4 and "witness file" in result.stderr and "is damaged" in result.stderr

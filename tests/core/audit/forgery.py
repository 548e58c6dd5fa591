"""What an attacker with write access to the workspace tables does, on SQLite (the file's owner) or on
PostgreSQL (a client holding the application role's password): plain SQL, no program code except the
public hash function (the chain's format is documented, so a careful attacker hashes correctly)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from reviewer.core.audit.chain import canonical_json, event_body, hash_body
from reviewer.core.documents import load_document
from reviewer.core.service import open_workspace
from reviewer.core.store.location import DB_FILENAME
from tests.core.store.workspace_fixtures import (
    DATA,
    PASSWORDS,
    decide_all,
    penalty_findings,
    proactive_record,
    redact_and_record,
)

ROOT = Path(__file__).resolve().parents[3]
FORGED_TS = "2026-12-31T23:59:59.000000Z"


def engine_for(where: str | Path):
    """A folder (its SQLite file) or a database URL (connect as whoever the URL names)."""
    if isinstance(where, Path) or "://" not in str(where):
        return create_engine(f"sqlite:///{Path(where) / DB_FILENAME}")
    return create_engine(str(where))


def forge_event(where, *, actor: str, action: str, details: dict, document_id: int | None = None,
                document_sha256: str | None = None, signature: str | None = None, extra_sql=()) -> int:
    """Append a correctly hashed event, move the head, and run `extra_sql` (statement, params) in the same
    transaction; returns the event's sequence number."""
    engine = engine_for(where)
    try:
        with engine.begin() as conn:
            count, prev = conn.execute(text("SELECT count, hash FROM audit_head WHERE id = 1")).one()
            seq = count + 1
            body = canonical_json(details)
            digest = hash_body(event_body(seq, FORGED_TS, actor, action, document_id, document_sha256, body, prev))
            conn.execute(text("INSERT INTO audit_events (seq, ts, actor, action, document_id, document_sha256, "
                              "details_json, prev_hash, hash, signature) VALUES (:seq, :ts, :actor, :action, :doc, "
                              ":sha, :details, :prev, :hash, :sig)"),
                         {"seq": seq, "ts": FORGED_TS, "actor": actor, "action": action, "doc": document_id,
                          "sha": document_sha256, "details": body, "prev": prev, "hash": digest, "sig": signature})
            conn.execute(text("UPDATE audit_head SET count = :c, hash = :h WHERE id = 1"), {"c": seq, "h": digest})
            for statement, params in extra_sql:
                conn.execute(text(statement), {"seq": seq, "ts": FORGED_TS, **params})
        return seq
    finally:
        engine.dispose()


def run_sql(where, statement: str, **params):
    engine = engine_for(where)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return result.all() if result.returns_rows else result.rowcount
    finally:
        engine.dispose()


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reviewer", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, timeout=180)


def verify_cli(where, *extra: str) -> subprocess.CompletedProcess:
    return cli("audit", "verify", "--workspace", str(where), *extra)


def build_review(where, tmp_path: Path, *, approve: bool = True) -> int:
    """The penalty notice reviewed by alice, exported through the service, submitted and (approve=True)
    approved by bob with his signature. Returns the document id."""
    ws = open_workspace(where)
    try:
        alice, bob = ws.get_user("alice"), ws.get_user("bob")
        document = load_document(DATA / "penalty-notice.txt")
        info = ws.import_document(document, penalty_findings(document), ws.cli_actor())
        session = ws.session(info.id, alice)
        decide_all(session)
        session.record_attribute(proactive_record())
        redact_and_record(ws, info.id, tmp_path)
        session.submit()
        if approve:
            ws.approve(info.id, bob, PASSWORDS["bob"])
        return info.id
    finally:
        ws.close()


def copy_folder(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


def id_card_finding(where, document_id: int) -> tuple[int, dict]:
    [(finding_id, entity_type)] = run_sql(
        where, "SELECT id, entity_type FROM findings WHERE document_id = :d AND entity_type = 'CN_ID_CARD'",
        d=document_id)
    return finding_id, {"finding_id": finding_id, "entity_type": entity_type}


def forge_rejection_after_approval(where, document_id: int, *, sha256: str, finding_id: int,
                                   entity_type: str, false_value=False) -> int:
    """Attack 2: a hashed `decision.recorded` (the ID card accepted → rejected) and its row, appended
    after the signed approval."""
    details = {"finding_id": finding_id, "entity_type": entity_type, "kind": "reject", "operator": None,
               "reason": "误报", "legal_basis": [], "start": None, "end": None, "note": None}
    return forge_event(where, actor="alice", action="decision.recorded", details=details, document_id=document_id,
                       document_sha256=sha256, extra_sql=[(
                           "INSERT INTO decisions (finding_id, document_id, kind, operator, reason, legal_basis_json, "
                           "start, \"end\", text, actor, created_at, undone, event_seq, note) VALUES (:f, :d, "
                           "'reject', NULL, '误报', '[]', NULL, NULL, NULL, 'alice', :ts, :u, :seq, NULL)",
                           {"f": finding_id, "d": document_id, "u": false_value}),
                           ("UPDATE findings SET version = version + 1 WHERE id = :f", {"f": finding_id})])


def document_sha(where, document_id: int) -> str:
    [(sha,)] = run_sql(where, "SELECT sha256 FROM documents WHERE id = :d", d=document_id)
    return sha


def details_of(where, seq: int) -> dict:
    [(body,)] = run_sql(where, "SELECT details_json FROM audit_events WHERE seq = :s", s=seq)
    return json.loads(body)

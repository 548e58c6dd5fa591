"""After a signed approval, any single-row change to the decisions, the attribute record, the export
record or the users — every column of a row, a deleted row, a duplicated row — makes `audit verify` fail.

The attacker edits the SQLite file directly (foreign keys off). Row ids are left out: an id is the row's
identity, not something it says (a decision's id is checked where events refer to it, by undo and redo).
"""

from __future__ import annotations

import sqlite3

import pytest

from reviewer.core.service import open_workspace
from reviewer.core.store.location import DB_FILENAME
from tests.core.audit.forgery import build_review, copy_folder, verify_cli

ID_CARD = "(SELECT id FROM decisions WHERE finding_id = (SELECT id FROM findings WHERE entity_type = 'CN_ID_CARD'))"
ALICE = "(SELECT id FROM users WHERE username = 'alice')"


def _bob(column: str) -> str:
    return f"(SELECT {column} FROM users WHERE username = 'bob')"


CHANGES = {
    "decisions": (ID_CARD, {
        "finding_id": "finding_id + 1", "document_id": "99", "kind": "'reject'", "operator": "'keep'",
        "reason": "'误报'", "legal_basis_json": "'[\"第十五条\"]'", "start": "0", "end": "5", "text": "'x'",
        "actor": "'bob'", "created_at": "'2020-01-01T00:00:00.000000Z'", "undone": "1",
        "event_seq": "event_seq + 1", "note": "'x'"}),
    "attribute_records": ("(SELECT MIN(id) FROM attribute_records)", {
        "document_id": "99", "record_json": "REPLACE(record_json, '主动公开', '依申请公开')", "actor": "'bob'",
        "created_at": "'2020-01-01T00:00:00.000000Z'", "event_seq": "event_seq + 1"}),
    "exports": ("(SELECT MIN(id) FROM exports)", {
        "document_id": "99", "output_path": "'/elsewhere/clean.txt'", "output_sha256": "'" + "f" * 64 + "'",
        "verified": "0", "details_json": "'{}'", "actor": "'bob'", "created_at": "'2020-01-01T00:00:00.000000Z'",
        "event_seq": "event_seq + 1"}),
    "users": (ALICE, {
        "username": "'alicia'", "display_name": "'Alice'", "role": "'supervisor'",
        "password_hash": _bob("password_hash"), "public_key": _bob("public_key"),
        "private_key_sealed": _bob("private_key_sealed"), "active": "0",
        "created_at": "'2020-01-01T00:00:00.000000Z'"}),
}
CASES = [(t, f"UPDATE {t} SET {c} = {v} WHERE id = {row}") for t, (row, cols) in CHANGES.items() for c, v in cols.items()]
CASES += [(t, f"DELETE FROM {t} WHERE id = {row}") for t, (row, _cols) in CHANGES.items()]
CASES += [(t, f"INSERT INTO {t} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM {t} WHERE id = {row}")
          for t, (row, cols) in CHANGES.items() if t != "users"]
CASES += [("users", "INSERT INTO users (username, display_name, role, password_hash, public_key, private_key_sealed, "
                    "active, created_at) SELECT 'mallory', display_name, 'admin', password_hash, public_key, "
                    f"private_key_sealed, active, created_at FROM users WHERE id = {ALICE}")]


@pytest.fixture(scope="module")
def signed_template(template_workspace, tmp_path_factory):
    folder = copy_folder(template_workspace, tmp_path_factory.mktemp("signed-rows") / "ws")
    build_review(folder, folder.parent, approve=True)
    return folder


def test_the_signed_workspace_verifies(signed_template, tmp_path):
    folder = copy_folder(signed_template, tmp_path / "ws")
    result = verify_cli(folder)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("table", "sql"), CASES, ids=[sql[:60] for _t, sql in CASES])
def test_a_single_row_change_after_sign_off_fails_verification(signed_template, tmp_path, table, sql):
    folder = copy_folder(signed_template, tmp_path / "ws")
    con = sqlite3.connect(folder / DB_FILENAME, isolation_level=None)
    try:
        con.execute("PRAGMA foreign_keys = OFF")
        assert con.execute(sql).rowcount == 1
    finally:
        con.close()
    ws = open_workspace(folder, create=False)
    try:
        report = ws.verify()
    finally:
        ws.engine.dispose()
    assert not report.ok, f"{sql} went unnoticed"


def test_the_cli_exits_4_on_such_a_change(signed_template, tmp_path):
    folder = copy_folder(signed_template, tmp_path / "ws")
    con = sqlite3.connect(folder / DB_FILENAME, isolation_level=None)
    con.execute(f"UPDATE decisions SET kind = 'reject', operator = NULL, reason = '误报' WHERE id = {ID_CARD}")
    con.close()
    result = verify_cli(folder)
    assert result.returncode == 4
    assert "The decisions of document 1 changed after the approval in event" in result.stderr

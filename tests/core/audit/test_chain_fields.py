"""Every field of every kind of event is covered by the hash: changing any one is caught at that event."""

from __future__ import annotations

import sqlite3

import pytest

from reviewer.core.service import open_workspace
from reviewer.core.store.location import DB_FILENAME

FIELDS = {
    "ts": "'2020-01-01T00:00:00.000000Z'",
    "actor": "'mallory'",
    "action": "'review.approved'",
    "document_id": "COALESCE(document_id, 0) + 1",
    "document_sha256": "'" + "f" * 64 + "'",
    "details_json": "'{}'",
    "prev_hash": "'" + "2" * 64 + "'",
    "hash": "'" + "1" * 64 + "'",
}


@pytest.fixture(scope="module")
def history(template_workspace, tmp_path_factory):
    """A workspace whose chain holds user, import, decision, undo, redo, manual-finding and attribute events."""
    import shutil

    from reviewer.core.documents import load_document
    from tests.core.store.workspace_fixtures import DATA, penalty_findings, proactive_record

    folder = tmp_path_factory.mktemp("fields") / "ws"
    shutil.copytree(template_workspace, folder)
    ws = open_workspace(folder)
    document = load_document(DATA / "penalty-notice.txt")
    info = ws.import_document(document, penalty_findings(document), ws.cli_actor())
    session = ws.session(info.id, ws.get_user("alice"))
    first = session.findings()[0].id
    session.accept(first, "mask")
    session.undo()
    session.redo()
    session.add_manual_finding(10, 14, note="manual")
    session.record_attribute(proactive_record())
    ws.close()
    with sqlite3.connect(folder / DB_FILENAME) as con:
        events = con.execute("SELECT seq, action FROM audit_events ORDER BY seq").fetchall()
    return folder, events


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_each_field_of_each_event_is_covered(history, field, tmp_path):
    import shutil

    template, events = history
    assert {a for _, a in events} >= {"user.created", "document.imported", "decision.recorded", "decision.undone",
                                      "decision.redone", "finding.manual_added", "attribute.recorded"}
    for seq, action in events:
        folder = tmp_path / f"{field}-{seq}"
        shutil.copytree(template, folder)
        with sqlite3.connect(folder / DB_FILENAME, isolation_level=None) as con:
            con.execute(f"UPDATE audit_events SET {field} = {FIELDS[field]} WHERE seq = ?", (seq,))
        ws = open_workspace(folder)
        try:
            report = ws.verify()
        finally:
            ws.engine.dispose()
        assert not report.ok, (field, seq, action)
        assert report.first_bad_seq == seq, (field, seq, action, [str(p) for p in report.problems])

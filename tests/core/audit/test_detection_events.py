"""Issue 24 meets issue 33: detection runs (`findings.detected`) and term-list changes (`terms.changed`) are
replayed with the same rules as every other event. A run that adds or retires findings is a change the
export must follow and nothing may change after submission; the term lists are kept by supervisors and
administrators as the signed chain registered them; the rows each event created must all still be there."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from reviewer.core.audit.chain import canonical_json
from reviewer.core.detection.terms.model import TermEntry, TermKind, entries_digest
from reviewer.core.documents import load_document
from reviewer.core.review.documents import findings_digest
from reviewer.core.review.errors import ExportNotVerified
from reviewer.core.review.users import Role
from reviewer.core.service import open_workspace
from reviewer.core.service.terms import save_term_lists, term_set
from reviewer.core.store.errors import PermissionDenied
from reviewer.core.types import EntityType
from tests.core.audit.forgery import (
    build_review,
    cli,
    copy_folder,
    document_sha,
    forge_event,
    id_card_finding,
    run_sql,
    verify_cli,
)
from tests.core.store.workspace_fixtures import (
    DATA,
    PASSWORDS,
    decide_all,
    penalty_findings,
    proactive_record,
    redact_and_record,
)


@pytest.fixture(scope="module")
def approved_template(template_workspace, tmp_path_factory):
    folder = copy_folder(template_workspace, tmp_path_factory.mktemp("approved") / "ws")
    build_review(folder, folder.parent, approve=True)
    return folder


def test_a_detection_run_that_changes_findings_is_a_change_the_export_must_follow(ws, people, ws_path, tmp_path):
    """A second run finds the ID card the first one missed (a new term list, a better model): the copy
    exported before it no longer reflects the review, so the core refuses to sign it, and after a new
    export the approval and `audit verify` agree (the replay counts the run as the core does)."""
    document = load_document(DATA / "penalty-notice.txt")
    findings = penalty_findings(document)
    first = [f for f in findings if f.entity_type != EntityType.CN_ID_CARD]
    review = ws.review(document, people.alice)
    review.import_findings(first)
    document_id = review.document_id
    session = ws.session(document_id, people.alice)
    decide_all(session)
    session.record_attribute(proactive_record())
    redact_and_record(ws, document_id, tmp_path)
    review.import_findings(findings)
    run = ws.events(document_id)[-1]
    assert (run.action, run.details["added"], run.details["retired"]) == ("findings.detected", 1, [])
    decide_all(ws.session(document_id, people.alice))
    ws.session(document_id, people.alice).submit()
    problems = ws.approval_problems(document_id, people.bob)
    assert [type(p) for p in problems] == [ExportNotVerified]
    redact_and_record(ws, document_id, tmp_path)
    ws.approve(document_id, people.bob, PASSWORDS["bob"])
    assert ws.verify().ok
    again = ws.review(document, people.alice)  # a run on the approved document records, changes nothing
    again.import_findings(first)
    assert ws.events(document_id)[-1].details["retired"] == [] and ws.verify().ok
    [(added_id,)] = run_sql(ws_path, "SELECT id FROM findings WHERE event_seq = :s", s=run.seq)
    run_sql(ws_path, "DELETE FROM decisions WHERE finding_id = :f", f=added_id)
    run_sql(ws_path, "DELETE FROM findings WHERE id = :f", f=added_id)
    report = ws.verify()
    assert any(f"Findings added to document {document_id} by a detection run does not match the audit chain "
               f"(event {run.seq})" in p.message_en for p in report.problems), report.problems


def test_a_forged_detection_run_after_the_approval_retires_the_id_card(approved_template, tmp_path):
    """After bob signed the approval, the attacker appends a correctly hashed `findings.detected` run that
    retires the ID-card finding, and sets its row inactive, hoping `reviewer redact --workspace` then
    publishes a copy that keeps the ID number."""
    approved = copy_folder(approved_template, tmp_path / "ws")
    finding_id, _item = id_card_finding(approved, 1)
    details = {"term_list": {"version": 0, "digest": "", "count": 0}, "checks": {"release": None, "attribute": None},
               "editable": True, "added": 0, "findings_sha256": findings_digest([]), "retired": [finding_id],
               "restored": []}
    seq = forge_event(approved, actor="alice", action="findings.detected", document_id=1,
                      document_sha256=document_sha(approved, 1), details=details,
                      extra_sql=[("UPDATE findings SET active = :a, version = version + 1 WHERE id = :f",
                                  {"a": False, "f": finding_id})])
    result = verify_cli(approved)
    assert result.returncode == 4
    assert f"Event {seq} (findings.detected) changes the review of document 1 while it is approved" in result.stderr
    assert "The decisions of document 1 changed after the approval" in result.stderr
    out = tmp_path / "published.txt"
    redact = cli("redact", str(DATA / "penalty-notice.txt"), "-o", str(out), "--workspace", str(approved))
    assert redact.returncode == 1 and "changed after the approval" in redact.stderr and not out.exists()


def test_term_lists_change_only_by_a_supervisor_the_chain_registered(ws, people, ws_path):
    """A reviewer who could put her own document's names on the allow list: a `User` object with an edited
    role is refused; a hashed `terms.changed` event by her with its row in the SQLite file is named."""
    with pytest.raises(PermissionDenied):
        save_term_lists(ws, replace(people.alice, roles=frozenset({Role.SUPERVISOR})),
                        [TermEntry(TermKind.ALLOW, "张伟", "")])
    assert term_set(ws).version == 0
    saved, _change = save_term_lists(ws, people.bob, [TermEntry(TermKind.DENY, "13800001111", "举报人电话")])
    assert saved.version == 1 and ws.verify().ok
    entries = (*saved.entries, TermEntry(TermKind.ALLOW, "张伟", "", "alice", "2026-12-31T23:59:59.000000Z"))
    digest = entries_digest(entries)
    seq = forge_event(ws_path, actor="alice", action="terms.changed",
                      details={"version": 2, "digest": digest, "count": 2, "source": "editor",
                               "added": [["allow", "张伟", ""]], "removed": [], "renoted": []},
                      extra_sql=[("INSERT INTO term_lists (version, entries_json, digest, actor, created_at, "
                                  "event_seq) VALUES (2, :e, :d, 'alice', :ts, :seq)",
                                  {"e": canonical_json([e.to_json() for e in entries]), "d": digest})])
    report = ws.verify()
    assert report.first_bad_seq == seq
    assert any(f"Event {seq} (terms.changed) is by alice, whose roles then did not allow it" in p.message_en
               for p in report.problems)


def test_a_deleted_term_list_version_is_named(ws, people, ws_path):
    """Deleting the newest term-list version would silently bring back the previous lists."""
    save_term_lists(ws, people.bob, [TermEntry(TermKind.DENY, "13800001111", "举报人电话")])
    saved, _change = save_term_lists(ws, people.bob, [TermEntry(TermKind.ALLOW, "王丽", "承办人")])
    [(seq, details)] = run_sql(ws_path, "SELECT seq, details_json FROM audit_events WHERE action = 'terms.changed' "
                                        "ORDER BY seq DESC LIMIT 1")
    assert json.loads(details)["version"] == saved.version == 2 and ws.verify().ok
    run_sql(ws_path, "DELETE FROM term_lists WHERE version = 2")
    assert term_set(ws).version == 1
    ws2 = open_workspace(ws_path, create=False)
    try:
        problems = [p.message_en for p in ws2.verify().problems]
    finally:
        ws2.close()
    assert any(f"The term list version recorded by event {seq} (terms.changed) is missing or duplicated" in p
               for p in problems), problems


def test_a_reviewers_change_of_kind_is_an_action_the_chain_knows(ws, people):
    """Issue 26's kind change (document.kind_set) is written by the program: verify stays OK after a reviewer
    changes the kind, and the document row's kind must still match the chain (changed by SQL: verify 4)."""
    from sqlalchemy import text

    document = load_document(DATA / "penalty-notice.txt")
    review = ws.review(document, people.alice)
    review.import_findings(penalty_findings(document))
    before = review.kind.code
    other = "dishonest_list" if before != "dishonest_list" else "penalty_decision"
    review.set_kind(other)
    assert ws.events(review.document_id)[-1].action == "document.kind_set"
    assert ws.verify().ok
    with ws.write() as conn:
        conn.execute(text("UPDATE documents SET kind = :k WHERE id = :i"),
                     {"k": before, "i": review.document_id})
    report = ws.verify()
    assert not report.ok and any("kind" in p.message_en or "文种" in p.message_zh for p in report.problems)

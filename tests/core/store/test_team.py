"""Team work on one store (issue 11), on SQLite and PostgreSQL: checkout leases, stale writes, the
supervisor's queue, and a full review with a signed sign-off."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from reviewer.core.review.states import ReviewStatus
from reviewer.core.store import schema
from reviewer.core.store.errors import DocumentCheckedOut, PermissionDenied, StaleWrite
from tests.core.store.workspace_fixtures import PASSWORDS, decide_all, proactive_record, redact_and_record


def test_a_checkout_keeps_others_out_until_a_supervisor_takes_it_over(ws, people, penalty):
    lease = ws.checkout(penalty.id, people.alice)
    assert ws.lease(penalty.id) == lease and lease.holder == "alice"
    finding = ws.findings(penalty.id)[0]
    erin = ws.session(penalty.id, people.erin)
    with pytest.raises(DocumentCheckedOut) as refused:
        erin.accept(finding.id, "mask")
    assert "alice" in refused.value.message_en and "签出" in refused.value.message_zh
    with pytest.raises(DocumentCheckedOut):
        ws.checkout(penalty.id, people.erin)
    with pytest.raises(PermissionDenied):
        ws.checkout(penalty.id, people.erin, take_over=True)  # reviewers cannot take over
    ws.session(penalty.id, people.alice).accept(finding.id, "mask")  # the holder can write
    taken = ws.checkout(penalty.id, people.bob, take_over=True)
    assert ws.lease(penalty.id) == taken and taken.holder == "bob"
    with pytest.raises(DocumentCheckedOut):
        ws.session(penalty.id, people.alice).reject(finding.id, "not personal")
    assert [e.action for e in ws.events(penalty.id) if e.action.startswith("lease.")] == [
        "lease.acquired", "lease.taken_over"]
    assert ws.events(penalty.id)[-1].details["previous_holder"] == "alice"
    assert ws.release_checkout(penalty.id, people.bob) and ws.lease(penalty.id) is None
    erin.reject(finding.id, "not personal")  # free again
    assert ws.verify().ok


def test_a_lease_expires_by_itself_and_renewing_extends_it(ws, people, penalty):
    short = ws.checkout(penalty.id, people.alice, minutes=1 / 60)  # one second
    renewed = ws.renew_checkout(penalty.id, people.alice, minutes=1 / 30)
    assert renewed.expires_at > short.expires_at and renewed.acquired_at == short.acquired_at
    time.sleep(2.2)
    assert ws.lease(penalty.id) is None
    assert ws.checkout(penalty.id, people.erin).holder == "erin"  # no take-over needed
    assert ws.verify().ok


def test_a_stale_decision_is_refused_with_a_clear_message_and_changes_nothing(ws, people, penalty):
    alice, erin = ws.session(penalty.id, people.alice), ws.session(penalty.id, people.erin)
    seen = {f.id: f.version for f in erin.findings()}  # erin opens the document
    target = next(iter(seen))
    alice.accept(target, "mask", expected_version=seen[target])
    with pytest.raises(StaleWrite) as refused:
        erin.reject(target, "not personal", expected_version=seen[target])
    assert f"version {seen[target]}" in refused.value.message_en and "not saved" in refused.value.message_en
    assert "未保存" in refused.value.message_zh
    [current] = [f for f in ws.findings(penalty.id) if f.id == target]
    assert current.decision.kind == "accept" and current.decision.actor == "alice"
    assert current.version == seen[target] + 1
    with ws.read() as conn:
        assert conn.execute(select(func.count()).select_from(schema.decisions)).scalar() == 1
    erin.reject(target, "not personal", expected_version=current.version)  # after a reload it works
    assert ws.verify().ok


def test_the_supervisor_queue_lists_everyones_submissions_in_arrival_order(ws, people, penalty, internal):
    ws.checkout(penalty.id, people.alice)
    for doc, who in ((internal, people.erin), (penalty, people.alice)):
        session = ws.session(doc.id, who)
        session.add_manual_finding(0, 2)
        session.submit()
    queue = ws.submission_queue()
    assert [(s.document_id, s.submitted_by) for s in queue] == [(internal.id, "erin"), (penalty.id, "alice")]
    assert queue[0].event_seq < queue[1].event_seq and queue[1].title == "行政处罚决定书"
    assert ws.lease(penalty.id) is None  # submitting ends the submitter's checkout
    assert ws.submission_queue(since_seq=queue[0].event_seq) == queue[1:]
    ws.return_for_rework(internal.id, people.bob, "请补充理由", password=PASSWORDS["bob"])
    assert [s.document_id for s in ws.submission_queue()] == [penalty.id]


def test_full_review_and_signed_sign_off(ws, people, penalty, tmp_path):
    session = ws.session(penalty.id, people.alice)
    ws.checkout(penalty.id, people.alice)
    decide_all(session)
    session.record_attribute(proactive_record())
    redact_and_record(ws, penalty.id, tmp_path)
    session.submit()
    event = ws.approve(penalty.id, people.bob, PASSWORDS["bob"])
    assert event.signature and ws.document(penalty.id).status == ReviewStatus.APPROVED
    report = ws.verify()
    # six user registrations (each signed by the administrator, who signs their own) and the approval
    assert report.ok and report.signatures_checked == 7 and report.count == ws.head().count

"""Every state transition and every refusal of the review workflow, enforced by the core."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.review.errors import (
    AttributeMissing,
    BlockFindingUnresolved,
    DisclosureNoteMismatch,
    ExportNotVerified,
    RationaleRequired,
    ReviewRefused,
    SelfApprovalRefused,
    SignOffInvalid,
    TransitionRefused,
    UndecidedFindings,
)
from reviewer.core.review.states import TRANSITIONS, ReviewStatus, check_transition
from reviewer.core.store.errors import AuthenticationFailed, PermissionDenied
from reviewer.core.types import DisclosureAttribute, EntityType
from tests.core.store.workspace_fixtures import (
    PASSWORDS,
    decide_all,
    proactive_record,
    redact_and_record,
    redacted_record,
    withheld_record,
)


def _ready_for_approval(ws, people, penalty, tmp_path):
    session = ws.session(penalty.id, people.alice)
    decide_all(session)
    session.record_attribute(proactive_record())
    redact_and_record(ws, penalty.id, tmp_path)
    session.submit()
    return session


def test_transition_table_is_exactly_the_documented_machine():
    allowed = {(a, b) for a, targets in TRANSITIONS.items() for b in targets}
    assert allowed == {
        (ReviewStatus.IMPORTED, ReviewStatus.IN_REVIEW), (ReviewStatus.IN_REVIEW, ReviewStatus.SUBMITTED),
        (ReviewStatus.SUBMITTED, ReviewStatus.APPROVED), (ReviewStatus.SUBMITTED, ReviewStatus.RETURNED),
        (ReviewStatus.RETURNED, ReviewStatus.IN_REVIEW), (ReviewStatus.APPROVED, ReviewStatus.RELEASED)}
    for a in ReviewStatus:
        for b in ReviewStatus:
            if (a, b) not in allowed:
                with pytest.raises(TransitionRefused):
                    check_transition(a, b)


def test_full_path_imported_to_released(ws, people, penalty, tmp_path):
    assert ws.document(penalty.id).status == ReviewStatus.IMPORTED
    session = ws.session(penalty.id, people.alice)
    decide_all(session)
    assert ws.document(penalty.id).status == ReviewStatus.IN_REVIEW
    session.record_attribute(proactive_record())
    redact_and_record(ws, penalty.id, tmp_path)
    session.submit()
    assert ws.document(penalty.id).status == ReviewStatus.SUBMITTED
    assert ws.approval_problems(penalty.id, people.bob) == []
    event = ws.approve(penalty.id, people.bob, PASSWORDS["bob"])
    assert ws.document(penalty.id).status == ReviewStatus.APPROVED
    assert event.signature and event.details["approver"] == "bob"
    assert event.details["reviewers"] == ["alice"]
    ws.release(penalty.id, people.bob, PASSWORDS["bob"], channel="政府网站")
    assert ws.document(penalty.id).status == ReviewStatus.RELEASED
    actions = [e.action for e in ws.events(penalty.id)]
    for action in ("document.imported", "review.in_review", "decision.recorded", "attribute.recorded",
                   "export.recorded", "review.submitted", "review.approved", "review.released"):
        assert action in actions
    assert ws.verify().ok


def test_returned_goes_back_to_review_and_can_be_approved_after_rework(ws, people, penalty, tmp_path):
    session = _ready_for_approval(ws, people, penalty, tmp_path)
    with pytest.raises(TransitionRefused):
        ws.return_for_rework(penalty.id, people.bob, "  ", password=PASSWORDS["bob"])  # a return needs a reason
    ws.return_for_rework(penalty.id, people.bob, "住址应保留到街道", password=PASSWORDS["bob"])
    assert ws.document(penalty.id).status == ReviewStatus.RETURNED
    address = next(f for f in session.findings() if f.finding.entity_type == EntityType.CN_ADDRESS)
    session.accept(address.id, "generalize")
    assert ws.document(penalty.id).status == ReviewStatus.IN_REVIEW
    session.submit()
    # the export predates the rework: it no longer reflects the review
    with pytest.raises(ExportNotVerified):
        ws.approve(penalty.id, people.bob, PASSWORDS["bob"])
    # bob returned it, which is not reviewing: he may still approve after a fresh verified export
    ws.return_for_rework(penalty.id, people.bob, "请重新导出", password=PASSWORDS["bob"])
    redact_and_record(ws, penalty.id, tmp_path)
    session.submit()
    ws.approve(penalty.id, people.bob, PASSWORDS["bob"])
    assert ws.document(penalty.id).status == ReviewStatus.APPROVED


def test_release_only_after_approval_and_nothing_after_release(ws, people, penalty, tmp_path):
    with pytest.raises(SignOffInvalid):  # nothing to release: no approval in the chain
        ws.release(penalty.id, people.bob, PASSWORDS["bob"])
    _ready_for_approval(ws, people, penalty, tmp_path)
    with pytest.raises(SignOffInvalid):
        ws.release(penalty.id, people.bob, PASSWORDS["bob"])
    ws.approve(penalty.id, people.carol, PASSWORDS["carol"])
    ws.release(penalty.id, people.admin, PASSWORDS["admin"])
    with pytest.raises(TransitionRefused):
        ws.return_for_rework(penalty.id, people.bob, "太晚了", password=PASSWORDS["bob"])
    session = ws.session(penalty.id, people.alice)
    with pytest.raises(TransitionRefused):
        session.accept(session.findings()[0].id, "redact")


def test_submitted_document_is_locked_for_edits(ws, people, penalty, tmp_path):
    session = _ready_for_approval(ws, people, penalty, tmp_path)
    with pytest.raises(TransitionRefused):
        session.reject(session.findings()[0].id, "改主意")
    with pytest.raises(TransitionRefused):
        session.add_manual_finding(0, 4)
    with pytest.raises(TransitionRefused):
        session.submit()


def test_self_approval_is_refused(ws, people, penalty, tmp_path):
    session = ws.session(penalty.id, people.bob)  # a supervisor reviewing
    decide_all(session)
    session.record_attribute(proactive_record())
    redact_and_record(ws, penalty.id, tmp_path)
    session.submit()
    with pytest.raises(SelfApprovalRefused):
        ws.approve(penalty.id, people.bob, PASSWORDS["bob"])
    ws.approve(penalty.id, people.carol, PASSWORDS["carol"])


def test_supervisor_who_made_one_decision_is_a_reviewer(ws, people, penalty, tmp_path):
    first = next(f for f in ws.findings(penalty.id) if f.finding.entity_type != EntityType.DISCLOSURE_NOTE)
    ws.session(penalty.id, people.carol).accept(first.id, "mask")
    _ready_for_approval(ws, people, penalty, tmp_path)
    assert ws.reviewers(penalty.id) == ["alice", "carol"]
    assert any(isinstance(p, SelfApprovalRefused) for p in ws.approval_problems(penalty.id, people.carol))
    with pytest.raises(SelfApprovalRefused):
        ws.approve(penalty.id, people.carol, PASSWORDS["carol"])


def test_undecided_findings_refuse_approval(ws, people, penalty, tmp_path):
    session = ws.session(penalty.id, people.alice)
    first = session.findings()[0]
    session.accept(first.id, "mask")
    session.record_attribute(proactive_record())
    redact_and_record(ws, penalty.id, tmp_path)
    session.submit()
    with pytest.raises(UndecidedFindings):
        ws.approve(penalty.id, people.bob, PASSWORDS["bob"])
    assert ws.document(penalty.id).status == ReviewStatus.SUBMITTED


def test_missing_attribute_refuses_approval(ws, people, penalty, tmp_path):
    session = ws.session(penalty.id, people.alice)
    decide_all(session)
    redact_and_record(ws, penalty.id, tmp_path)
    session.submit()
    with pytest.raises(AttributeMissing):
        ws.approve(penalty.id, people.bob, PASSWORDS["bob"])


def test_unverified_or_missing_export_refuses_approval(ws, people, penalty, tmp_path):
    session = ws.session(penalty.id, people.alice)
    decide_all(session)
    session.record_attribute(proactive_record())
    session.submit()
    with pytest.raises(ExportNotVerified):
        ws.approve(penalty.id, people.bob, PASSWORDS["bob"])
    redact_and_record(ws, penalty.id, tmp_path)  # a verified export, but its file is then changed…
    copy = Path(ws.exports(penalty.id)[-1].output_path)
    copy.write_text(copy.read_text(encoding="utf-8") + "500106198703154519", encoding="utf-8")
    with pytest.raises(ExportNotVerified) as refused:
        ws.approve(penalty.id, people.bob, PASSWORDS["bob"])
    assert "changed after it was verified" in refused.value.message_en
    copy.unlink()  # … or gone: an approval signs only a file it can check
    with pytest.raises(ExportNotVerified) as refused:
        ws.approve(penalty.id, people.bob, PASSWORDS["bob"])
    assert "cannot be read here" in refused.value.message_en


def test_block_finding_refuses_approval_even_when_redacted(ws, people, internal, tmp_path):
    session = ws.session(internal.id, people.alice)
    assert [f.finding.text for f in session.findings() if f.is_block] == ["机密★5年"]
    for stored in session.findings():  # everything, the 机密★5年 marking too, is redacted
        if stored.finding.entity_type == EntityType.DISCLOSURE_NOTE:
            # the printed （此件不予公开） will be reprinted with the new attribute: not this document's note
            session.reject(stored.id, "附注将按改正后的公开属性重印")
        else:
            session.accept(stored.id, "redact")
    # redaction does not declassify: a record other than 不予公开 is refused when it is made (issue 26) …
    with pytest.raises(BlockFindingUnresolved):
        session.record_attribute(_redacted_internal_record())
    redact_and_record(ws, internal.id, tmp_path, override_reason="报送保密行政管理部门")  # the gate, overridden
    session.submit()
    # … and the approval says so too (once), whatever was exported
    problems = ws.approval_problems(internal.id, people.bob)
    assert [type(p) for p in problems if isinstance(p, BlockFindingUnresolved)] == [BlockFindingUnresolved]
    with pytest.raises(ReviewRefused):
        ws.approve(internal.id, people.bob, PASSWORDS["bob"])


def _redacted_internal_record():
    from reviewer.core.review.attribute import DisclosureRecord

    return DisclosureRecord(DisclosureAttribute.REDACTED_RELEASE, ("第三十七条",), "删去密级标志后公开",
                            "渝中区财政局", "李娜")


def test_block_finding_rejected_as_stale_marking_allows_approval(ws, people, internal, tmp_path):
    session = ws.session(internal.id, people.alice)
    for stored in session.findings():
        if stored.finding.entity_type == EntityType.CLASSIFIED_MARKING:
            session.reject(stored.id, "保密期限已满，已依法解密", legal_basis=["保密法"])
    decide_all(session)
    # the printed note says 不予公开: the record must agree
    with pytest.raises(DisclosureNoteMismatch):
        session.record_attribute(_redacted_internal_record())
    session.record_attribute(withheld_record())
    session.submit()
    ws.approve(internal.id, people.bob, PASSWORDS["bob"])


def test_withheld_document_with_live_marking_can_be_approved_without_export(ws, people, internal):
    session = ws.session(internal.id, people.alice)
    decide_all(session)
    session.record_attribute(withheld_record())
    session.submit()
    assert ws.approval_problems(internal.id, people.bob) == []
    ws.approve(internal.id, people.bob, PASSWORDS["bob"])


def test_printed_note_mismatch_is_refused(ws, people, penalty, tmp_path):
    session = ws.session(penalty.id, people.alice)
    decide_all(session)  # the printed （此件公开发布） is kept
    with pytest.raises(DisclosureNoteMismatch):
        session.record_attribute(redacted_record())  # 删减后公开 vs printed 主动公开
    assert ws.attribute_record(penalty.id) is None
    # the note is checked again at approval: a note found after the record was made
    session.record_attribute(proactive_record())
    note = next(f for f in session.findings() if f.finding.entity_type == EntityType.DISCLOSURE_NOTE)
    # accepting the note, even with `redact`, confirms it: it is never removed, so the check stays (issue 26)
    session.accept(note.id, "redact")
    with pytest.raises(DisclosureNoteMismatch):
        session.record_attribute(redacted_record())
    # only a reviewer who says it is not this document's note (a rejection, with its reason) lifts the check
    session.reject(note.id, "不是本件的附注")
    session.record_attribute(redacted_record())
    assert ws.attribute_record(penalty.id).record.attribute == DisclosureAttribute.REDACTED_RELEASE


def test_missing_rationale_is_refused(ws, people, penalty):
    from dataclasses import replace

    session = ws.session(penalty.id, people.alice)
    with pytest.raises(RationaleRequired):
        session.record_attribute(replace(redacted_record(), rationale="   "))
    assert ws.attribute_record(penalty.id) is None


def test_roles_and_password_reentry(ws, people, penalty, tmp_path):
    with pytest.raises(PermissionDenied):
        ws.session(penalty.id, people.dave)  # auditors do not review
    _ready_for_approval(ws, people, penalty, tmp_path)
    with pytest.raises(PermissionDenied):
        ws.approve(penalty.id, people.erin, PASSWORDS["erin"])  # a reviewer cannot approve
    with pytest.raises(AuthenticationFailed):
        ws.approve(penalty.id, people.bob, "wrong-password")
    assert ws.document(penalty.id).status == ReviewStatus.SUBMITTED
    with pytest.raises(PermissionDenied):
        ws.return_for_rework(penalty.id, people.alice, "我自己退回", password=PASSWORDS["alice"])


def test_title_and_number_are_locked_once_submitted(ws, people, penalty, tmp_path):
    ws.set_document_info(penalty.id, people.alice, title="行政处罚决定书（张某）",
                         doc_number="渝中市监处罚〔2026〕18号")
    assert ws.document(penalty.id).title == "行政处罚决定书（张某）"
    _ready_for_approval(ws, people, penalty, tmp_path)
    with pytest.raises(TransitionRefused):
        ws.set_document_info(penalty.id, people.alice, title="改过的标题", doc_number="")
    assert ws.verify().ok

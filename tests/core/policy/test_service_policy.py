"""The kind, the profile it selects, roles and default legal bases in the service floor (`DocumentReview`),
on the real sample decision and real-looking roster files, in a real workspace."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from reviewer.core.detection import analyze
from reviewer.core.documents import load_document
from reviewer.core.documents.kinds import UnknownKind
from reviewer.core.resources import resource
from reviewer.core.store.errors import PermissionDenied
from tests.policy_docs import APPOINTMENT


@pytest.fixture
def sample():
    return load_document(resource("samples", "penalty-decision.docx"))


def test_import_keeps_the_title_number_and_kind_read_from_the_text(ws, people, sample):
    review = ws.review(sample, people.alice)  # profile "auto"
    review.import_findings(analyze(sample))
    info = ws.document(review.document_id)
    assert (info.title, info.doc_number, info.kind) == ("重庆市某区市场监督管理局行政处罚决定书", "渝某市监处罚〔2026〕118号",
                                                        "penalty_decision")
    assert review.profile.name == "punitive-notice" and review.profile_is_auto
    imported = next(e for e in ws.events(review.document_id) if e.action == "document.imported")
    assert imported.details["kind"] == "penalty_decision"


def test_rows_carry_role_owner_rule_and_basis(ws, people, sample):
    review = ws.review(sample, people.alice)
    review.import_findings(analyze(sample))
    rows = {r.finding.text: r for r in review.rows()}
    party, witness = rows["王建国"], rows["刘芳"]
    assert party.role == "party" and party.replacement is None and "行政处罚法第四十八条" in party.policy
    assert witness.role == "witness" and witness.replacement == "刘某" and witness.legal_basis[0] == "第十五条"
    office = rows["023-65432100"]
    assert office.owner == "institution" and office.replacement is None and "机构" in office.policy
    assert rows["此件公开发布"].replacement is None


def test_accept_records_the_default_basis_by_type_and_role_and_confirms_the_note(ws, people, sample):
    review = ws.review(sample, people.alice)
    review.import_findings(analyze(sample))
    rows = {r.finding.text: r for r in review.rows()}
    review.decide([rows["刘芳"].key, rows["13896001234"].key, rows["此件公开发布"].key], "accept")
    decided = {s.finding.text: s.decision for s in review.stored() if s.decision is not None}
    assert decided["刘芳"].legal_basis == ("第十五条", "个人信息保护法第二十五条")
    assert decided["13896001234"].legal_basis == ("第十五条",)
    assert decided["此件公开发布"].operator == "keep" and decided["此件公开发布"].legal_basis == ()
    assert "此件公开发布" not in review.plan().values  # confirmed, not removed
    review.decide([rows["王建国"].key], "accept", legal_basis=["第十四条"])  # the reviewer's basis wins
    assert {s.finding.text: s.decision for s in review.stored()}["王建国"].legal_basis == ("第十四条",)
    events = [e for e in ws.events(review.document_id) if e.action == "decision.recorded"]
    assert any("个人信息保护法第二十五条" in str(e.details) for e in events)  # the basis is in the audit event


def test_the_reviewer_changes_the_kind_and_the_profile_and_roles_follow(ws, people, tmp_path):
    document = load_document(APPOINTMENT.render(tmp_path, "docx"))
    review = ws.review(document, people.alice)
    review.import_findings(analyze(document))
    assert review.kind.code == "appointment_notice" and review.profile.name == "appointment-notice"
    roles = {r.finding.text: r.role for r in review.rows() if r.finding.entity_type == "PERSON"}
    assert roles["陈建华"] == "subject"
    review.set_kind("dishonest_list")
    assert review.kind.code == "dishonest_list" and review.profile.name == "punitive-notice"
    assert "审查人选定" in review.kind_evidence
    roles = {r.finding.text: r.role for r in review.rows() if r.finding.entity_type == "PERSON"}
    assert roles["陈建华"] == "party"  # a roster row in a 失信名单: worked out again for the new kind
    assert ws.document(review.document_id).kind == "dishonest_list"
    event = [e for e in ws.events(review.document_id) if e.action == "document.kind_set"][-1]
    assert event.details == {"kind": "dishonest_list", "from": "appointment_notice"}
    assert ws.verify().ok
    again = ws.review(document, people.erin)  # another session reads the stored kind
    assert again.kind.code == "dishonest_list" and again.profile.name == "punitive-notice"
    with pytest.raises(UnknownKind):
        review.set_kind("no_such_kind")
    with pytest.raises(PermissionDenied):
        ws.set_document_kind(review.document_id, people.dave, "notice")  # an auditor only reads


def test_a_kind_changed_behind_the_programs_back_is_reported(ws, people, sample):
    review = ws.review(sample, people.alice)
    review.import_findings(analyze(sample))
    with ws.write() as conn:
        conn.execute(text("UPDATE documents SET kind = 'notice'"))
    report = ws.verify()
    assert not report.ok and any("文种" in p.message_zh for p in report.problems)


def test_a_profile_named_by_the_reviewer_is_kept_whatever_the_kind(ws, people, sample):
    review = ws.review(sample, people.alice, profile="general")
    review.import_findings(analyze(sample))
    assert review.profile.name == "general" and not review.profile_is_auto
    review.use_profile("auto")
    assert review.profile.name == "punitive-notice"

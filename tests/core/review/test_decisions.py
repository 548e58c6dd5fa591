"""Decisions per finding, manual findings, undo/redo through the session's command history."""

from __future__ import annotations

import pytest

from reviewer.core.review.decisions import Decision, DecisionKind
from reviewer.core.review.errors import InvalidDecision, LegalBasisInvalid, NothingToUndo
from reviewer.core.store.errors import StaleWrite
from reviewer.core.types import EntityType


def _by_type(session, entity_type):
    return next(f for f in session.findings() if f.finding.entity_type == entity_type)


def test_accept_reject_and_edit_span(ws, people, penalty):
    session = ws.session(penalty.id, people.alice)
    id_card = _by_type(session, EntityType.CN_ID_CARD)
    phone = _by_type(session, EntityType.CN_MOBILE_PHONE)
    address = _by_type(session, EntityType.CN_ADDRESS)
    session.accept(id_card.id, "mask", legal_basis=["第十五条"])
    session.reject(phone.id, "单位办公电话，可公开")
    start = address.finding.start + len("重庆市渝中区解放碑街道")
    session.edit_span(address.id, start, address.finding.end, "redact")  # keep down to the 街道
    current = {f.id: f.decision for f in session.findings()}
    assert current[id_card.id].kind == DecisionKind.ACCEPT and current[id_card.id].legal_basis == ("第十五条",)
    assert current[id_card.id].actor == "alice"
    assert current[phone.id].kind == DecisionKind.REJECT and current[phone.id].reason == "单位办公电话，可公开"
    assert current[address.id].kind == DecisionKind.EDIT and current[address.id].text == "民族路88号"
    pairs = ws.decisions_for(penalty.id)
    assert len(pairs) == 3 and all(d is not None for _, d in pairs)
    assert ws.verify().ok


def test_invalid_decisions_are_refused(ws, people, penalty):
    session = ws.session(penalty.id, people.alice)
    target = session.findings()[0]
    with pytest.raises(InvalidDecision):
        session.reject(target.id, "  ")
    with pytest.raises(InvalidDecision):
        session.decide(target.id, Decision(DecisionKind.ACCEPT))
    with pytest.raises(InvalidDecision, match="blur"):
        session.accept(target.id, "blur")  # not an operator the redact step knows
    with pytest.raises(InvalidDecision):
        session.edit_span(target.id, 10, 5, "mask")
    with pytest.raises(InvalidDecision):
        session.edit_span(target.id, 0, 10_000, "mask")
    with pytest.raises(LegalBasisInvalid):
        session.accept(target.id, "mask", legal_basis=["第九十九条"])
    assert all(f.decision is None for f in session.findings())
    assert not session.can_undo


def test_manual_finding_from_a_selection(ws, people, penalty):
    session = ws.session(penalty.id, people.alice)
    with ws.read() as conn:
        from reviewer.core.review.documents import document_text
        body = document_text(conn, penalty.id)
    start = body.index("经营场所")
    finding_id = session.add_manual_finding(start, start + 4, note="经营地点可识别当事人")
    manual = next(f for f in session.findings() if f.id == finding_id)
    assert manual.manual and manual.finding.text == "经营场所" and manual.finding.entity_type == EntityType.MANUAL
    session.accept(finding_id, "redact")
    session.undo()
    session.undo()  # the manual finding itself goes away
    assert finding_id not in {f.id for f in session.findings()}
    session.redo()
    assert finding_id in {f.id for f in session.findings()}
    with pytest.raises(InvalidDecision):
        session.add_manual_finding(5, 5)


def test_undo_redo_walks_the_history(ws, people, penalty):
    session = ws.session(penalty.id, people.alice)
    target = session.findings()[0].id

    def current():
        return next(f.decision for f in session.findings() if f.id == target)

    with pytest.raises(NothingToUndo):
        session.undo()
    session.accept(target, "mask")
    session.reject(target, "是公众人物")
    assert current().kind == DecisionKind.REJECT
    session.undo()
    assert current().kind == DecisionKind.ACCEPT and current().operator == "mask"
    session.undo()
    assert current() is None and not session.can_undo
    session.redo()
    assert current().kind == DecisionKind.ACCEPT
    session.accept(target, "pseudonym")  # a new action clears the redo stack
    assert not session.can_redo
    with pytest.raises(NothingToUndo):
        session.redo()
    assert current().operator == "pseudonym"
    actions = [e.action for e in ws.events(penalty.id)]
    assert actions.count("decision.undone") == 2 and actions.count("decision.redone") == 1
    assert ws.verify().ok


def test_history_is_per_session_but_decisions_are_shared(ws, people, penalty):
    first = ws.session(penalty.id, people.alice)
    target = first.findings()[0].id
    first.accept(target, "mask")
    second = ws.session(penalty.id, people.erin)
    assert next(f for f in second.findings() if f.id == target).decision.operator == "mask"
    assert not second.can_undo


def test_stale_write_is_refused(ws, people, penalty):
    alice = ws.session(penalty.id, people.alice)
    erin = ws.session(penalty.id, people.erin)
    seen = alice.findings()[0]
    erin.reject(seen.id, "不是身份证号")
    with pytest.raises(StaleWrite):
        alice.accept(seen.id, "mask", expected_version=seen.version)
    fresh = alice.findings()[0]
    alice.accept(fresh.id, "mask", expected_version=fresh.version)

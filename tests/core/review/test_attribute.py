"""The disclosure attribute record: required fields, legal-basis catalog, consistency checks."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reviewer.core.review.errors import (
    DisclosureNoteMismatch,
    LegalBasisInvalid,
    RationaleRequired,
    RestrictedContentUnresolved,
)
from reviewer.core.types import DisclosureAttribute, EntityType
from tests.core.store.workspace_fixtures import decide_all, proactive_record, withheld_record


@pytest.mark.parametrize("attribute", [DisclosureAttribute.ON_REQUEST, DisclosureAttribute.WITHHELD,
                                       DisclosureAttribute.REDACTED_RELEASE])
def test_every_attribute_but_proactive_needs_rationale_and_basis(ws, people, internal, attribute):
    session = ws.session(internal.id, people.alice)
    base = replace(withheld_record(), attribute=attribute)
    with pytest.raises(RationaleRequired):
        session.record_attribute(replace(base, rationale=""))
    with pytest.raises(LegalBasisInvalid):
        session.record_attribute(replace(base, legal_basis=()))


def test_proactive_needs_no_rationale(ws, people, penalty):
    session = ws.session(penalty.id, people.alice)
    session.record_attribute(replace(proactive_record(), rationale="", legal_basis=()))
    stored = ws.attribute_record(penalty.id)
    assert stored.record.attribute == DisclosureAttribute.PROACTIVE and stored.actor == "alice"


def test_codes_come_from_the_catalog_and_someone_determined_it(ws, people, internal):
    session = ws.session(internal.id, people.alice)
    with pytest.raises(LegalBasisInvalid, match="第八十八条"):
        session.record_attribute(replace(withheld_record(), legal_basis=("第八十八条",)))
    with pytest.raises(LegalBasisInvalid):
        session.record_attribute(replace(withheld_record(), determined_by_person=""))
    session.record_attribute(withheld_record())
    record = ws.attribute_record(internal.id).record
    assert record == withheld_record()
    event = ws.events(internal.id)[-1]
    assert event.action == "attribute.recorded" and event.details["legal_basis"] == ["第十四条", "第十六条(二)"]


def test_printed_note_against_the_record(ws, people, internal):
    session = ws.session(internal.id, people.alice)
    with pytest.raises(DisclosureNoteMismatch, match="此件不予公开"):
        session.record_attribute(replace(withheld_record(), attribute=DisclosureAttribute.ON_REQUEST))
    session.record_attribute(withheld_record())


def test_proactive_refused_while_restricted_content_is_unresolved(ws, people, penalty):
    session = ws.session(penalty.id, people.alice)
    with ws.read() as conn:
        from reviewer.core.review.documents import document_text
        body = document_text(conn, penalty.id)
    start = body.index("销售过期食品")
    work_secret = session.add_manual_finding(start, start + 6, entity_type=EntityType.WORK_SECRET,
                                             note="案件细节尚属工作秘密")
    decide_all(session)  # the manual WORK_SECRET finding is accepted (redacted)
    with pytest.raises(RestrictedContentUnresolved, match="销售过期食品"):
        session.record_attribute(proactive_record())
    session.reject(work_secret, "处罚决定已作出，案件事实依法应公开")
    session.record_attribute(proactive_record())
    # the rule is checked again at approval, for restricted content marked after the record
    session.undo()
    problems = ws.approval_problems(penalty.id)
    assert any(isinstance(p, RestrictedContentUnresolved) for p in problems)

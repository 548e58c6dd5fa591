"""The printed 附注 is a check (issue 26): the attribute suggestion follows it wherever the content allows, and never
contradicts the record's own check against it (review/attribute.py `check_consistency`) — over every printed
attribute and every kind of content; where the content rules the note out, the suggestion says the note must be
corrected and the check refuses both."""

from __future__ import annotations

import itertools

import pytest

from reviewer.core.detection.classified.attribute import suggest_attribute
from reviewer.core.review.attribute import DisclosureRecord, check_consistency
from reviewer.core.review.decisions import Decision, DecisionKind, StoredFinding
from reviewer.core.review.errors import (
    BlockFindingUnresolved,
    DisclosureNoteMismatch,
    RestrictedContentUnresolved,
)
from reviewer.core.types import Category, DisclosureAttribute, EntityType, Finding, Severity

NOTES = {None: None, **{a: f"（此件{a}）" for a in DisclosureAttribute}}
CONTENT = {
    "nothing": [],
    "personal": [(EntityType.CN_ID_CARD, "500106198703154519", Category.PERSONAL, None)],
    "internal": [(EntityType.INTERNAL_USE, "内部资料", Category.RESTRICTED, Severity.REVIEW)],
    "process": [(EntityType.PROCESS_INFORMATION, "征求意见稿", Category.RESTRICTED, Severity.REVIEW)],
    "work": [(EntityType.WORK_SECRET, "工作秘密", Category.RESTRICTED, Severity.REVIEW)],
    "secret": [(EntityType.CLASSIFIED_MARKING, "机密★5年", Category.RESTRICTED, Severity.BLOCK)],
    "personal+internal": [(EntityType.CN_MOBILE_PHONE, "13896001234", Category.PERSONAL, None),
                          (EntityType.INTERNAL_USE, "内部资料", Category.RESTRICTED, Severity.REVIEW)],
}


def _stored(items, note, note_decision) -> list[StoredFinding]:
    out = []
    for i, (entity_type, text, category, severity) in enumerate(items):
        f = Finding(entity_type, i * 20, i * 20 + len(text), text, 0.9, "t", "", category=category, severity=severity)
        out.append(StoredFinding(i + 1, 1, f, False, True, 1, Decision(DecisionKind.ACCEPT, "redact")))
    if note is not None:
        f = Finding(EntityType.DISCLOSURE_NOTE, 500, 500 + len(note), note.strip("（）"), 0.95, "t", "",
                    category=Category.RESTRICTED, severity=Severity.INFO,
                    attributes={"attribute": str(next(a for a, n in NOTES.items() if n == note))})
        out.append(StoredFinding(99, 1, f, False, True, 1, note_decision))
    return out


@pytest.mark.parametrize(("printed", "content", "decision"), list(itertools.product(
    list(NOTES), list(CONTENT), ["accept", "undecided"])))
def test_the_suggestion_never_contradicts_the_check(printed, content, decision):
    note_decision = Decision(DecisionKind.ACCEPT, "keep") if decision == "accept" else None
    stored = _stored(CONTENT[content], NOTES[printed], note_decision)
    suggestion = suggest_attribute([s.finding for s in stored if not s.resolved_as_not_applicable])
    record = DisclosureRecord(suggestion.attribute, suggestion.legal_basis, suggestion.rationale, "单位", "拟稿人")
    if not suggestion.conflicts_with_printed:
        check_consistency(record, stored)  # what the suggestion proposes is what the check accepts
        return
    assert "改正附注" in suggestion.rationale  # the note itself is wrong for this content: say so
    with pytest.raises((DisclosureNoteMismatch, RestrictedContentUnresolved, BlockFindingUnresolved)):
        check_consistency(record, stored)
    printed_record = DisclosureRecord(printed, suggestion.legal_basis, "按附注", "单位", "拟稿人")
    with pytest.raises((DisclosureNoteMismatch, RestrictedContentUnresolved, BlockFindingUnresolved)):
        check_consistency(printed_record, stored)  # and the printed attribute cannot be recorded either


def test_a_printed_proactive_note_with_personal_information_is_proactive_not_redacted_release():
    """The reported case: （此件公开发布） + personal information. The suggestion used to be 删减后公开, which its own
    check then refused."""
    stored = _stored(CONTENT["personal"], NOTES[DisclosureAttribute.PROACTIVE], Decision(DecisionKind.ACCEPT, "keep"))
    suggestion = suggest_attribute([s.finding for s in stored])
    assert suggestion.attribute is DisclosureAttribute.PROACTIVE and not suggestion.conflicts_with_printed
    assert "去标识化" in suggestion.rationale and "第十五条" in suggestion.rationale


def test_a_rejected_note_is_not_the_documents_and_neither_side_uses_it():
    stored = _stored(CONTENT["personal"], NOTES[DisclosureAttribute.PROACTIVE],
                     Decision(DecisionKind.REJECT, reason="not_this_note"))
    suggestion = suggest_attribute([s.finding for s in stored if not s.resolved_as_not_applicable])
    assert suggestion.printed_attribute is None and suggestion.attribute is DisclosureAttribute.REDACTED_RELEASE
    check_consistency(DisclosureRecord(suggestion.attribute, suggestion.legal_basis, suggestion.rationale, "单位",
                                       "拟稿人"), stored)

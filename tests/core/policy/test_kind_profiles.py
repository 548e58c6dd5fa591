"""Acceptance (issue 26): a real-looking document of each kind, as docx and as PDF, through the real pipeline —
read, detect, recognise the kind, take the profile it selects, write and verify the copy — and per the rule of
its kind what stays in the published copy (the punished party, the published fields, institutional contacts,
文号) and what goes (ID numbers, private phones, third parties' names). The documents are in tests/policy_docs.py.
"""

from __future__ import annotations

import re

import pytest

from reviewer.core.detection import analyze
from reviewer.core.documents import load_document
from reviewer.core.service.exporting import export_copy
from reviewer.core.service.kinds import profile_for_document
from tests.policy_docs import CASES


def _flat(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_kind_keeps_what_its_rule_publishes_and_removes_the_rest(case, fmt, tmp_path):
    source = case.render(tmp_path, fmt)
    document = load_document(source)
    guess, profile = profile_for_document(document)
    assert (guess.code, profile.name) == (case.kind, case.profile), guess.evidence
    findings = analyze(document)
    outcome = export_copy(document, [(f, None) for f in findings], profile, tmp_path / f"copy.{fmt}", rename=False)
    assert outcome.result.report.ok  # verified: no removed value is left anywhere in the file
    published = _flat(load_document(outcome.output).text)
    original = _flat(document.text)
    for value in case.stays:
        assert _flat(case.text(value)) in original, value  # the test is about the copy, not the renderer
        assert _flat(case.text(value)) in published, f"{value} must stay ({profile.name})"
    for value in case.goes:
        assert _flat(case.text(value)) in original, value
        assert _flat(case.text(value)) not in published, f"{value} must go ({profile.name})"
    # every person has a role and every contact detail an owner, with the reason in its explanation
    for f in findings:
        if f.entity_type == "PERSON":
            assert f.attributes["role"] and "〔角色：" in f.explanation
        if f.entity_type in ("CN_LANDLINE_PHONE", "CN_MOBILE_PHONE", "EMAIL_ADDRESS", "CN_ADDRESS"):
            assert f.attributes["owner"] in ("institution", "person") and "〔归属：" in f.explanation
    # and the plan says which rule decided each finding
    assert all(outcome.plan.policy.get((f.start, f.end, f.entity_type)) for f in findings
               if f.category == "personal")

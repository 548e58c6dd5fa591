"""The table, the preview and the exported file agree, whatever the reviewer decides.

For random decisions on the sample documents (real detection, real writers): applying the table's rows
to the original text (each changing row's stretch replaced by what the row says it becomes) gives
exactly the text of the preview and exactly the text of the exported file, read back with the product's
reader. For a PDF, where removed characters vanish and a box is drawn, the same holds for the characters
that remain, page by page. So nothing in the output changes that no row shows, and every row that
says "changes" does.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.deidentify.plan import keep_mask, plan_from_decisions
from reviewer.core.deidentify.profiles import load_profile
from reviewer.core.documents import load_document
from reviewer.core.resources import resource
from reviewer.core.review.decisions import Decision, DecisionKind, StoredFinding
from reviewer.core.service.exporting import ConflictingDecisions, export_copy
from reviewer.core.service.preview import preview_copy
from reviewer.core.service.rows import review_rows

SAMPLES = ("penalty-decision.txt", "penalty-decision.docx", "penalty-decision.pdf")
OPERATORS = ("mask", "redact", "pseudonym", "label", None)  # None: the profile's own operator
BODY = {"paragraph", "table_cell", "page", "line", "header", "footer", "footnote", "endnote", "textbox"}
_SPACE = re.compile(r"\s+")


@functools.cache
def _sample(name: str):
    from reviewer.core.detection import analyze

    document = load_document(resource("samples", name))
    return document, tuple(analyze(document))


def _decision(draw, finding) -> Decision | None:
    choice = draw(st.sampled_from(["none", "accept", "accept", "reject", "edit"]))
    if choice == "none":
        return None
    if choice == "reject":
        return Decision(DecisionKind.REJECT, reason="不属于个人信息")
    operator = draw(st.sampled_from(OPERATORS)) or load_profile("general").rule_for(str(finding.entity_type)).operator
    operator = "redact" if str(operator) == "keep" else str(operator)
    if choice == "edit" and finding.end - finding.start > 3:
        end = finding.end - 1
        return Decision(DecisionKind.EDIT, operator=operator, start=finding.start, end=end,
                        text=finding.text[: end - finding.start])
    return Decision(DecisionKind.ACCEPT, operator=operator)


def _expected(text: str, rows, *, deleted: bool) -> str:
    """The original text with every changing row applied: its replacement, or (PDF) its removed
    characters taken out."""
    out, at = [], 0
    for row in sorted((r for r in rows if r.replacement is not None), key=lambda r: r.changed):
        s, e = row.changed
        assert s >= at, "two rows change one stretch"
        out.append(text[at:s])
        if deleted:
            original = text[s:e]
            out.append("".join(c for c, keep in zip(original, keep_mask(original, row.replacement), strict=True)
                               if keep))
        else:
            out.append(row.replacement)
        at = e
    out.append(text[at:])
    return "".join(out)


def _blocks(document):
    return {(str(b.kind), b.part, b.path): b for b in document.blocks if str(b.kind) in BODY}


@pytest.mark.slow
@pytest.mark.parametrize("name", SAMPLES)
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_table_preview_and_export_change_the_same_places(name, data, tmp_path_factory):
    document, findings = _sample(name)
    stored = [StoredFinding(i + 1, 1, f, False, True, 1, _decision(data.draw, f)) for i, f in enumerate(findings)]
    profile = load_profile("general")
    pairs = [(s.finding, s.decision) for s in stored]
    plan = plan_from_decisions(pairs, profile, text=document.text)
    rows = review_rows(document, stored, plan)
    out = tmp_path_factory.mktemp("agree") / name
    if plan.conflicts:
        assert {(r.finding.start, r.finding.end) for r in rows if r.conflict} == {
            (f.start, f.end) for f in plan.conflicts}
        with pytest.raises(ConflictingDecisions):
            export_copy(document, pairs, profile, out, rename=False)
        return
    exported = load_document(export_copy(document, pairs, profile, out, rename=False).output)
    pdf = str(document.format) == "pdf"
    for key, block in _blocks(document).items():
        in_block = [r for r in rows if r.changed and block.start <= r.changed[0] and r.changed[1] <= block.end]
        moved = [replace(r, changed=(r.changed[0] - block.start, r.changed[1] - block.start)) for r in in_block]
        expected = _expected(block.text, moved, deleted=pdf)
        copy = _blocks(exported).get(key)
        assert copy is not None, f"{key} is gone from the copy"
        if pdf:
            assert _SPACE.sub("", copy.text) == _SPACE.sub("", expected), key
            page = preview_copy(document, plan, page=block.page)
            assert _SPACE.sub("", page.text) == _SPACE.sub("", expected), key
        else:
            assert copy.text == expected, key
    if not pdf:
        preview = {(b.kind, b.path): b.text for b in preview_copy(document, plan).blocks}
        for (kind, _part, path), block in _blocks(exported).items():
            assert preview[(kind, path)] == block.text  # the preview is the copy


def test_a_pdf_page_preview_finds_a_value_located_on_another_page(tmp_path):
    """Found by the property test above: the agency's name accepted where it was found (page 1) also goes
    from the signature on page 2 in the export, but the page-2 preview showed it, as its one-page file was
    written without the page's reading. The preview now carries the page's blocks."""
    document, findings = _sample("penalty-decision.pdf")
    agency = findings[0]
    assert (str(agency.entity_type), agency.locator["page"]) == ("ORGANIZATION", 1)
    pairs = [(f, Decision(DecisionKind.ACCEPT, operator="mask") if f is agency else None) for f in findings]
    profile = load_profile("general")
    plan = plan_from_decisions(pairs, profile, text=document.text)
    page2 = preview_copy(document, plan, page=2)
    exported = load_document(export_copy(document, pairs, profile, tmp_path / "out.pdf", rename=False).output)
    on_page2 = "".join(b.text for b in exported.blocks if b.page == 2)
    assert agency.text in "".join(b.text for b in document.blocks if b.page == 2)
    assert agency.text not in on_page2 and agency.text not in page2.text
    assert _SPACE.sub("", page2.text) == _SPACE.sub("", on_page2)

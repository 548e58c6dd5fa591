"""Possible names (tier 2, detection/possible_names.py) on real files: a weak name is kept as a marked candidate,
the export leaves it unchanged and reports it, accepting it removes it, and what the guards drop (大写 amounts,
function words) never becomes a candidate. Fixtures: tests/data/detection/make_possible_names.py (hand-checked:
其儿子图门 and 授予黄河等 are the weak names, 王建国 and 李明 the sure ones)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reviewer.core.deidentify.profiles import BUILTIN_PROFILES, ROLE_CODES, load_profile
from reviewer.core.detection import analyze
from reviewer.core.detection.possible_names import SCORE, context_shapes, plausible
from reviewer.core.documents import load_document
from reviewer.core.reports.labels import note_label
from reviewer.core.review.decisions import Decision, DecisionKind
from reviewer.core.service.exporting import export_copy
from reviewer.core.service.rows import RowOrigin, RowState, select_rows
from reviewer.core.types import is_possible

DATA = Path(__file__).resolve().parents[2] / "data" / "detection"
FILES = [DATA / "possible_names.docx", DATA / "possible_names.pdf"]
WEAK = {"图门", "黄河"}


@pytest.fixture(scope="module", params=FILES, ids=lambda p: p.suffix)
def detected(request):
    document = load_document(request.param)
    return request.param, document, analyze(document)


def test_weak_names_are_candidates_and_sure_names_are_not(detected):
    _, document, findings = detected
    persons = [f for f in findings if f.entity_type == "PERSON"]
    candidates = {f.text for f in persons if is_possible(f)}
    assert candidates == WEAK
    assert {f.text for f in persons if not is_possible(f)} == {"王建国", "李明"}
    for f in persons:
        if is_possible(f):
            assert f.score == SCORE and "可能的姓名" in f.explanation


def test_guards_still_drop_amounts_and_function_words(detected):
    _, document, findings = detected
    text = document.text
    for word in ("应当", "伍万元", "伍万元整"):
        at = text.index(word)
        assert not any(f.entity_type == "PERSON" and f.start < at + len(word) and at < f.end for f in findings), word
    assert not plausible("应当自") and not plausible("张某")
    assert context_shapes("当事人应当自收到本决定书之日起") == []


@pytest.mark.parametrize("name", BUILTIN_PROFILES)
def test_every_profile_leaves_a_candidate_below_its_person_threshold(name, detected):
    _, _, findings = detected
    candidate = next(f for f in findings if is_possible(f))
    profile = load_profile(name)
    for role in (*ROLE_CODES, None):
        f = candidate if role is None else dataclasses.replace(
            candidate, attributes={**candidate.attributes, "role": role})
        rule = profile.choose(f).rule
        assert rule.operator == "keep" or rule.threshold > f.score, (name, role)


def _export(path, document, findings, decisions, tmp_path, undecided="profile"):
    pairs = [(f, decisions.get(f.text)) for f in findings]
    out = export_copy(document, pairs, load_profile("general"), tmp_path / f"out{path.suffix}", undecided=undecided)
    return out, load_document(out.output).text


def test_the_export_leaves_candidates_unchanged_and_reports_them(detected, tmp_path):
    path, document, findings = detected
    outcome, text = _export(path, document, findings, {}, tmp_path)
    assert "图门" in text and "黄河" in text  # candidates stay as printed
    assert "王建国" not in text  # a sure name is pseudonymised
    assert "黄河" not in outcome.plan.values and "图门" not in outcome.plan.values
    assert outcome.possible_names == 2
    assert any("2 个可能的姓名" in line for line in outcome.residual_zh())
    notes = outcome.details()["notes"]
    assert outcome.details()["possible_names_undecided"] == 2
    assert "2 个可能的姓名（低分候选）未经审查决定，导出件未作处理" in [note_label(n) for n in notes]


def test_accepting_a_candidate_removes_it_from_the_export(detected, tmp_path):
    path, document, findings = detected
    accept = Decision(DecisionKind.ACCEPT, operator="pseudonym")
    outcome, text = _export(path, document, findings, {"黄河": accept}, tmp_path)
    assert "黄河" not in text
    if path.suffix == ".docx":
        assert "黄某" in text  # a PDF keeps the surname and removes the given name's character
    assert "图门" in text  # the other candidate is still undecided, still unchanged
    assert outcome.possible_names == 1


def test_exporting_as_decided_still_counts_undecided_candidates(detected, tmp_path):
    path, document, findings = detected
    outcome, text = _export(path, document, findings, {}, tmp_path, undecided="keep")
    assert "黄河" in text and outcome.possible_names == 2


class _Row:
    def __init__(self, finding, state=RowState.PENDING):
        self.finding, self.state, self.origin = finding, state, RowOrigin.DETECTED


def test_bulk_decisions_by_type_leave_candidates_out(detected):
    _, _, findings = detected
    rows = [_Row(f) for f in findings]
    by_type = {r.finding.text for r in select_rows(rows, entity_types={"PERSON"}, states={"pending"})}
    assert by_type == {"王建国", "李明"}
    assert {r.finding.text for r in select_rows(rows, value="黄河")} == {"黄河"}  # one by one, by its value
    assert WEAK <= {r.finding.text for r in select_rows(rows, entity_types={"PERSON"}, possible=True)}

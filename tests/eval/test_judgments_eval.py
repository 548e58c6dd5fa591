"""`python -m reviewer.eval judgments`: the labelled set of the wording and timing checks (issue 33) loads, the
checks meet their targets on it (docx and PDF), and the held-out set is reported apart."""

from __future__ import annotations

from reviewer.core.types import JUDGMENT_TYPES
from reviewer.eval import judgments
from reviewer.eval.__main__ import main


def test_the_labelled_set_covers_every_check_with_positives_and_traps():
    cases = judgments.load_cases()
    expected = {kind for c in cases for kind, _ in c.expect}
    assert expected == set(JUDGMENT_TYPES)
    traps = [c for c in cases if not c.expect]
    assert len(traps) >= 25 and len(cases) - len(traps) >= 40
    assert len(judgments.load_cases(judgments.HOLDOUT_PATH)) >= 25


def test_the_checks_meet_their_targets_on_the_labelled_set():
    report = judgments.evaluate(judgments.load_cases())
    assert report.passed, judgments.format_report(report)
    assert report.files == 2 * report.cases  # every case as docx and as PDF


def test_the_dispatcher_runs_it(capsys):
    assert main(["judgments", "--format", "docx"]) == 0
    out = capsys.readouterr().out
    assert "precision" in out and "held out" in out

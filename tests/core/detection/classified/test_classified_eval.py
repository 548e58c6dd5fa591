"""The acceptance numbers: the labelled set written as real files, recall >= 98 %, false alarms <= 1 %."""

import re
from collections import Counter

from reviewer.eval import __main__ as dispatcher
from reviewer.eval import restricted


def test_labelled_set_is_large_and_balanced():
    cases = restricted.load_cases()
    marks = [c for c in cases if c.expect]
    mentions = [c for c in cases if not c.expect]
    assert len(cases) >= 150 and len(mentions) >= len(marks)
    places = Counter(c.place.split("-")[0] for c in marks)
    assert places["docx"] and places["pdf"] and places["txt"]
    kinds = Counter(c.place for c in marks)
    assert kinds["docx-header"] and kinds["docx-head"] and kinds["pdf-2012"] and kinds["pdf-1999"]
    types = {kind for c in marks for kind, _ in c.expect}
    assert types == {"CLASSIFIED_MARKING", "COPY_NUMBER", "URGENCY_MARKING", "STATE_SECRET_STATEMENT",
                     "WORK_SECRET", "INTERNAL_USE", "PROCESS_INFORMATION", "DISCLOSURE_NOTE"}


def test_eval_command_prints_and_meets_the_targets(capsys):
    code = dispatcher.main(["restricted"])  # python -m reviewer.eval restricted
    out = capsys.readouterr().out
    numbers = {m.group(1): float(m.group(2)) / 100
               for m in re.finditer(r"^(recall|false alarms|unexpected)\s+([\d.]+)%", out, re.M)}
    assert numbers["recall"] >= 0.98, out
    assert numbers["false alarms"] <= 0.01, out
    assert numbers["unexpected"] <= 0.01, out
    assert code == 0 and "PASS" in out

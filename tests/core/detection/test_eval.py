"""The labelled set and `python -m reviewer.eval detection`: acceptance of issue 3 on real data."""

from __future__ import annotations

import importlib.util
import json

from reviewer.core.detection.config import PROJECT_ROOT
from reviewer.eval import detection

PI = PROJECT_ROOT / "resources" / "eval" / "pi"


def test_labelled_set_is_large_varied_and_rebuilt_from_the_sentences():
    records = detection.load()
    assert len(records) >= 300
    assert len({r["style"] for r in records}) >= 6
    assert len({s["type"] for r in records for s in r["spans"]}) == len(detection.TYPES)
    assert sum(1 for r in records if not r["spans"]) >= 80  # sentences with nothing to find
    spec = importlib.util.spec_from_file_location("pi_build", PI / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.build() == records
    for r in records:
        for s in r["spans"]:
            assert r["text"][s["start"]:s["end"]] == s["text"]


def test_structured_identifiers_meet_the_acceptance_targets():
    ev = detection.evaluate(detection.load())
    assert ev.structured.recall >= detection.MIN_RECALL, detection.report(ev, verbose=True)
    assert ev.structured.precision >= detection.MIN_PRECISION, detection.report(ev, verbose=True)
    assert ev.contextual.f1 >= 0.9, detection.report(ev, verbose=True)


def test_eval_command_prints_a_table(capsys):
    from reviewer.eval.__main__ import main

    assert main(["detection", "--check"]) == 0
    out = capsys.readouterr().out
    assert "CN_ID_CARD" in out and "structured (micro)" in out and "PASS" in out
    json.dumps(out)

"""The scores stored in meta.json are what `python -m reviewer.eval ner` measures on the committed model."""

from __future__ import annotations

import json
from pathlib import Path

from reviewer.eval import ner as ner_eval

MODEL = Path(__file__).resolve().parents[4] / "models" / "zh_reviewer_ner"


def test_meta_scores_match_a_rerun_on_the_gov_set() -> None:
    stored = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))["reviewer_scores"]["gov"]
    rerun = ner_eval.run(["gov"])["gov"].to_json()
    assert rerun == stored


def test_markup_parser() -> None:
    text, spans = ner_eval.parse_marked("当事人：{罗建军|P}，住{江北区建新东路17号|A}，{江北区城市管理局|O}。")
    assert text == "当事人：罗建军，住江北区建新东路17号，江北区城市管理局。"
    assert [(text[s:e], lab) for s, e, lab in spans] == [
        ("罗建军", "PERSON"), ("江北区建新东路17号", "CN_ADDRESS"), ("江北区城市管理局", "ORGANIZATION")]


def test_gov_set_is_large_enough() -> None:
    examples = ner_eval.gov_examples()
    assert len(examples) >= 200
    assert sum(1 for _, spans in examples for s in spans if s[2] == "PERSON") >= 150


def test_meta_scores_match_a_rerun_on_resume_test() -> None:
    """A public set (model level): needs ../shared/data/ner, which CI has beside the clone."""
    stored = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))["reviewer_scores"]["resume_test"]
    rerun = ner_eval.run(["resume_test"])["resume_test"].to_json()
    assert rerun == stored

"""Health information (issue 25): disease and injury names from resources/ner/health_terms.txt in running text
that points at a person, and the pure matcher (wrapped PDF cells, modifiers kept)."""

from __future__ import annotations

import pytest

from reviewer.core.detection import analyze
from reviewer.core.detection.health import health_spans
from reviewer.core.detection.health_terms import terms
from tests.core.detection.conftest import make_document


def sensitive(text: str) -> list[str]:
    return [f.text for f in analyze(make_document(text)) if f.entity_type == "SENSITIVE_PERSONAL"]


@pytest.mark.parametrize("text, disease", [
    ("家中老母亲患帕金森病行动不便，无法下楼就医。", "患帕金森病"),
    ("其本人患有冠心病，长期受噪音影响病情加重。", "患有冠心病"),
    ("经医院诊断，黄晓玲右胫腓骨开放性骨折，需住院治疗。", "右胫腓骨开放性骨折"),
])
def test_a_disease_of_a_person_in_running_text_is_found(text, disease):
    assert sensitive(text) == [disease]  # with its trigger, as resources/eval/pi annotates it


@pytest.mark.parametrize("text", [
    "加强高血压、糖尿病等慢性病患者健康管理，做好艾滋病防治宣传。",
    "全县确诊肺结核患者120例，均已纳入管理。",
])
def test_policy_language_about_diseases_is_not_personal(text):
    assert sensitive(text) == []


def test_the_matcher_keeps_modifiers_and_reads_through_a_wrap():
    text = "妻子患类风湿性关\n节炎，突发急性心肌梗死，肢体残疾一级"
    found = ["".join(text[s:e].split()) for s, e in health_spans(text)]
    assert found == ["类风湿性关节炎", "急性心肌梗死", "肢体残疾一级"]
    assert "慢性肾功能衰竭" in terms() and terms().index("慢性肾功能衰竭") < terms().index("肾功能衰竭")

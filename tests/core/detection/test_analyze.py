"""analyze(document): findings with original text, locators, explanations; progress; cancellation."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.detection import analyze
from reviewer.core.detection.analyze import DetectionCancelled, document_numbers
from reviewer.core.detection.config import PROJECT_ROOT
from reviewer.core.detection.normalize import normalize
from reviewer.core.documents import load_document
from reviewer.core.types import Category
from tests.core.detection.conftest import make_document, personal

# a committed copy of ../shared/seeds/chongqing-2018-disclosure-work-plan.txt (tests/data/restricted/make_files.py)
SEED = PROJECT_ROOT / "tests" / "data" / "restricted" / "chongqing-2018-disclosure-work-plan.txt"
SAMPLE = PROJECT_ROOT / "resources" / "samples" / "penalty-decision.txt"


def test_seed_work_plan_has_no_personal_information_from_the_pattern_recognizers():
    assert personal(load_document(SEED).text) == []
    assert personal(load_document(SEED).text, threshold=0.3) == []


def test_seed_work_plan_has_no_personal_information_at_the_default_threshold():
    """The acceptance test of issue 3: the whole pipeline, NER included."""
    findings = analyze(load_document(SEED))
    assert [(f.entity_type, f.text) for f in findings if f.category == Category.PERSONAL] == []


def test_document_numbers_are_never_personal_information():
    text = "根据渝府办发〔2018〕76号和国办发〔2016〕80号文件精神"
    assert [f for f in analyze(make_document(text)) if f.category == Category.PERSONAL] == []


def test_document_number_broken_across_lines_keeps_its_issuer():
    """A PDF line pasted as a paragraph of its own separates the issuer from the year."""
    text = "（渝府办发\n\n〔2018〕52号）要求，依据国办发〔2016〕80号，年（2019）3号"
    assert [text[s:e] for s, e in document_numbers(text)] == ["渝府办发\n\n〔2018〕52号", "依据国办发〔2016〕80号",
                                                              "年（2019）3号"]
    assert document_numbers("（2018）52号") == []  # a bracketed year without an issuer is not a document number


def test_lines_pasted_from_a_pdf_do_not_make_names_or_addresses():
    """The work plan's own lines, one paragraph per PDF line: 市发 / 展改革委 is not a name, 渝府办发 /
    〔2018〕52号 not an address (the model finds both when each line is analysed alone)."""
    text = ("提高政策透明度、办事便捷度。（牵头单位：市发\n\n展改革委、市编办）\n"
            "社会公益事业建设领域政府信息公开意见的通知》（渝府办发\n\n〔2018〕52号）要求，做好相关工作。")
    assert [(f.entity_type, f.text) for f in analyze(make_document(text)) if f.category == Category.PERSONAL] == []


def test_sample_penalty_decision_finds_its_identifiers():
    found = {(f.entity_type, f.text) for f in analyze(load_document(SAMPLE))}
    for expected in [("CN_ID_CARD", "500106198703154519"), ("CN_MOBILE_PHONE", "13896001234"),
                     ("CN_LANDLINE_PHONE", "023-65432100"), ("EMAIL_ADDRESS", "lixiaomei@example.gov.cn"),
                     ("CN_BANK_CARD", "6217003320012345678")]:
        assert expected in found
    assert not any(t in {"渝某市监处罚〔2026〕118号", "2026年5月8日", "50,000"} for _, t in found)


def test_finding_carries_original_text_offsets_locator_and_explanation():
    doc = make_document("第一行没有信息\n当事人身份证号：５００１０６１９８７０３１５４５１５，电话13896001234")
    idcard, phone = personal(doc.text)
    assert idcard.text == doc.text[idcard.start:idcard.end] == "５００１０６１９８７０３１５４５１５"
    assert idcard.locator == doc.locate(idcard.start, idcard.end)
    assert idcard.locator["line"] == 2 and idcard.locator["column"] == 9
    assert idcard.category == Category.PERSONAL and idcard.recognizer == "CnIdCardRecognizer"
    for words in ("公民身份号码", "CnIdCardRecognizer", "18位身份号码", "校验码正确", "上下文“身份证”"):
        assert words in idcard.explanation
    assert idcard.attributes == {"validated": True, "context_word": "身份证"}
    assert "电话" in phone.explanation and phone.score == 1.0


def test_threshold_outside_zero_to_one_is_a_typed_error():
    from reviewer.core.detection.analyze import InvalidThreshold

    with pytest.raises(InvalidThreshold, match="0 到 1"):
        analyze(make_document("电话13896001234"), threshold=5)


def test_threshold_filters_and_defaults_to_the_configuration():
    text = "号码500106198703154519"  # failed check digit: 0.6
    assert personal(text)
    assert personal(text, threshold=0.7) == []
    assert personal("编号12345678", threshold=0.01) == []  # context-only candidates never surface bare


def test_progress_reaches_the_total_and_cancellation_stops():
    lines = "\n".join(f"第{i}行，联系电话1389600{i:04d}。" + "政务公开" * 300 for i in range(60))
    doc = make_document(lines)
    calls: list[tuple[int, int]] = []
    findings = analyze(doc, progress=lambda done, total: calls.append((done, total)))
    assert len([f for f in findings if f.entity_type == "CN_MOBILE_PHONE"]) == 60
    assert len(calls) > 1 and calls[-1] == (60, 60)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    with pytest.raises(DetectionCancelled):
        analyze(doc, progress=lambda done, total: None, cancelled=lambda: bool(calls.append((-1, -1))) or len(calls) > 12)


def test_empty_document():
    assert analyze(make_document("")) == []


@pytest.mark.parametrize("text", ["１３８\u200b９６００\u00ad１２３４", "a\u200b\u200bb", "无变化"])
def test_normalize_maps_every_offset_back(text):
    norm = normalize(text)
    assert "\u200b" not in norm.text and "\u00ad" not in norm.text
    kept = [i for i, ch in enumerate(text) if ch not in "\u200b\u00ad"]
    assert [norm.to_original(i) for i in range(len(norm.text))] == kept
    s, e = norm.span_to_original(0, len(norm.text))
    assert (s, e) == (kept[0], kept[-1] + 1)


def test_scan_command_uses_the_detector(tmp_path: Path):
    import json
    import subprocess
    import sys

    path = tmp_path / "letter.txt"
    path.write_text("信访人张三，手机13896001234，身份证号500106198703154515。\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "reviewer", "scan", str(path)], capture_output=True, text=True,
                         timeout=240, cwd=PROJECT_ROOT, check=True).stdout
    records = [json.loads(line) for line in out.splitlines()]
    types = {(r["entity_type"], r["text"]) for r in records}
    assert {("CN_MOBILE_PHONE", "13896001234"), ("CN_ID_CARD", "500106198703154515")} <= types
    assert all(r["explanation"] and r["locator"]["line"] == 1 for r in records)


@pytest.mark.parametrize("text", [
    "当事人张某某，身份证号500106********4515，电话138****1234。",
    "申请人李某，联系电话139××××5678，身份证号5001**********4519。",
    "经查，王某甲与王某乙系兄弟关系，邮箱已隐去。",
])
def test_deidentified_values_are_not_findings_in_the_whole_pipeline(text):
    assert [(f.entity_type, f.text) for f in analyze(make_document(text)) if f.category == Category.PERSONAL] == []


def test_ner_runs_only_on_chinese_blocks_and_in_bounded_segments(monkeypatch):
    import importlib

    analyze_module = importlib.import_module("reviewer.core.detection.analyze")
    from reviewer.core.detection.engine import get_engine

    engine = get_engine()
    seen: list[str] = []
    original = engine.ner_artifacts

    def spy(texts):
        texts = list(texts)
        seen.extend(texts)
        return original(texts)

    monkeypatch.setattr(engine, "ner_artifacts", spy)
    long_block = "政务公开工作要坚持依法依规。" * 1000  # 14,000 characters
    doc = make_document("13896001234 023-65432100\nabc@example.com\n联系人王建国，电话13896001234\n" + long_block)
    findings = analyze(doc)
    if engine.has_ner:
        assert "13896001234 023-65432100" not in seen and "abc@example.com" not in seen
        assert "联系人王建国，电话13896001234" in seen
        pieces = [t for t in seen if t.startswith("政务公开")]
        assert "".join(pieces) == long_block and max(map(len, pieces)) <= analyze_module.NER_SEGMENT
    assert {("CN_MOBILE_PHONE", "13896001234"), ("EMAIL_ADDRESS", "abc@example.com")} <= {
        (f.entity_type, f.text) for f in findings}


def test_a_name_cut_short_is_completed_to_the_same_name_found_elsewhere():
    """王建 (a boundary pulled in by the next word) becomes 王建国 when 王建国 is found elsewhere and the
    text there reads 王建国; a different person named 王建 elsewhere is left alone."""
    from reviewer.core.detection.analyze import complete_names
    from reviewer.core.types import Finding

    doc = make_document("当事人王建国，男。\n请核实王建国电话\n联系人王建，女。")
    text = doc.text

    def person(name: str, start: int) -> Finding:
        assert text[start:start + len(name)] == name
        return Finding(entity_type="PERSON", start=start, end=start + len(name), text=name, score=0.85,
                       recognizer="ChinesePersonRecognizer", explanation="NER",
                       locator=doc.locate(start, start + len(name)))

    first = text.index("王建国")
    cut = text.index("王建国", first + 1)
    other = text.index("王建，")
    out = complete_names(doc, [person("王建国", first), person("王建", cut), person("王建", other)])
    assert [(f.text, f.start) for f in out] == [("王建国", first), ("王建国", cut), ("王建", other)]
    assert out[1].locator == doc.locate(cut, cut + 3) and "同名补全" in out[1].explanation


def test_warm_up_runs_patterns_ner_and_rules_and_changes_no_result():
    """The engine's warm-up (app engine process, helper) goes through every stage on real text, and an
    analysis after it gives what it gave before (no cache may change a finding)."""
    from reviewer.core.detection.analyze import warm_up

    document = load_document(PROJECT_ROOT / "resources/samples/penalty-decision.txt")
    before = analyze(document)
    found = warm_up()
    assert {"PERSON", "CN_ID_CARD", "CN_MOBILE_PHONE", "CN_ADDRESS"} <= {f.entity_type for f in found}
    assert len({f.text for f in found if f.entity_type == "PERSON"}) >= 1
    assert analyze(document) == before


def test_warm_up_without_the_sample_document_still_runs(monkeypatch, tmp_path):
    """The engine process must start even where resources/samples is not installed."""
    import importlib

    analyze_module = importlib.import_module("reviewer.core.detection.analyze")  # the package exports the function
    monkeypatch.setattr(analyze_module, "WARM_UP_SAMPLE", tmp_path / "missing.txt")
    found = analyze_module.warm_up()
    assert not {"CN_ID_CARD", "CN_MOBILE_PHONE"} & {f.entity_type for f in found}

"""The office's term lists (issue 33): entries, files (txt, xlsx), and the presidio recognizers run by the real
pipeline on real documents (the sample decision as docx and PDF)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.deidentify.profiles import load_profile
from reviewer.core.detection import analyze
from reviewer.core.detection.engine import get_engine
from reviewer.core.detection.recognizers.office_terms import OfficeTermRecognizer
from reviewer.core.detection.terms import TermEntry, TermKind, TermListInvalid, TermSet, validate_entries
from reviewer.core.detection.terms.files import read_terms, write_terms
from reviewer.core.documents import load_document
from reviewer.core.service.exporting import ExportBlocked, export_copy
from reviewer.core.types import Category, EntityType, Severity

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


def _set(*entries: tuple[TermKind, str, str], version: int = 3) -> TermSet:
    return TermSet(validate_entries([TermEntry(k, t, n) for k, t, n in entries]), version=version)


def test_entries_are_cleaned_and_a_term_belongs_to_one_list():
    entries = validate_entries([TermEntry(TermKind.DENY, " 138 0000 1111 ", ""),
                                TermEntry(TermKind.BLOCK, "XK-17工程", "项目代号"),
                                TermEntry(TermKind.DENY, "13800001111", "same number, other spelling")])
    assert [(e.kind, e.term) for e in entries] == [(TermKind.BLOCK, "XK-17工程"), (TermKind.DENY, "138 0000 1111")]
    with pytest.raises(TermListInvalid) as err:
        validate_entries([TermEntry(TermKind.ALLOW, "李明华", ""), TermEntry(TermKind.DENY, "李明华", "")])
    assert "不标记" in err.value.message_zh and "never flag" in err.value.message_en
    with pytest.raises(TermListInvalid):
        validate_entries([TermEntry(TermKind.REVIEW, "某", "")])  # one character matches everywhere


def test_txt_and_xlsx_files_round_trip_and_plain_lists_need_a_kind(tmp_path):
    terms = _set((TermKind.BLOCK, "XK-17工程", "某涉密项目代号"), (TermKind.REVIEW, "群体性事件", ""),
                 (TermKind.DENY, "13800001111", "举报人电话"), (TermKind.ALLOW, "张家界", "地名"))
    for name in ("lists.txt", "lists.xlsx"):
        path = write_terms(terms.entries, tmp_path / name)
        back = validate_entries(read_terms(path))
        assert [(e.kind, e.term, e.note) for e in back] == [(e.kind, e.term, e.note) for e in terms.entries]
    # the number stays text in Excel (never 1.38E+10)
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(tmp_path / "lists.xlsx")).get_sheet_by_index(0).to_python()
    assert rows[0][:3] == ["类别", "词条", "备注"] and ["必删", "13800001111", "举报人电话"] in [r[:3] for r in rows]
    # a plain word list as an office keeps it (GBK, no sections)
    plain = tmp_path / "plain.txt"
    plain.write_bytes("# 局领导\n李明华\t局长\n王小红\n".encode("gb18030"))
    assert [(e.kind, e.term, e.note) for e in read_terms(plain, default_kind=TermKind.ALLOW)] == [
        (TermKind.ALLOW, "李明华", "局长"), (TermKind.ALLOW, "王小红", "")]
    with pytest.raises(TermListInvalid) as err:
        read_terms(plain)
    assert "[阻断发布]" in err.value.message_zh
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04not a workbook")
    with pytest.raises(TermListInvalid):
        read_terms(broken)


def test_the_recognizer_matches_as_written_with_free_separators_and_letter_boundaries():
    recognizer = OfficeTermRecognizer(TermKind.DENY, validate_entries([
        TermEntry(TermKind.DENY, "13800001111", "举报人电话"), TermEntry(TermKind.DENY, "XK-17", ""),
        TermEntry(TermKind.DENY, "张三丰", "")]), version=2)
    text = "电话138 0000 1111，项目xk17与XK-170不同；张三丰和张三。"
    found = [text[r.start:r.end] for r in recognizer.analyze(text, ["TERM_DENY"])]
    assert found == ["138 0000 1111", "xk17", "张三丰"]  # XK-170 is another code; 张三 is not listed
    result = recognizer.analyze(text, ["TERM_DENY"])[0]
    assert "第 2 版" in result.analysis_explanation.textual_explanation
    assert "举报人电话" in result.analysis_explanation.textual_explanation


@pytest.fixture(scope="module")
def engine():
    return get_engine()


@pytest.mark.parametrize("name", ["penalty-decision.docx", "penalty-decision.pdf"])
def test_block_review_deny_and_allow_on_the_sample_decision(engine, tmp_path, name):
    document = load_document(SAMPLES / name)
    plain = analyze(document)
    assert any(f.entity_type == EntityType.PERSON and f.text == "李晓梅" for f in plain)
    terms = _set((TermKind.BLOCK, "过期食品", "某涉密专案代号（测试）"), (TermKind.REVIEW, "行政复议", "舆情敏感"),
                 (TermKind.DENY, "王建国", "当事人要求不公开（测试）"), (TermKind.ALLOW, "李晓梅", "本局承办人，公开职务"))
    findings = analyze(document, terms=terms)
    listed = {str(f.entity_type): f for f in findings if f.entity_type in ("TERM_BLOCK", "TERM_REVIEW", "TERM_DENY")}
    block, review, deny = listed["TERM_BLOCK"], listed["TERM_REVIEW"], listed["TERM_DENY"]
    assert (block.category, block.severity) == (Category.RESTRICTED, Severity.BLOCK)
    assert (review.category, review.severity) == (Category.OTHER, Severity.REVIEW)
    assert deny.category == Category.PERSONAL and deny.text == "王建国"
    assert "单位敏感词库第 3 版" in block.explanation and "某涉密专案代号" in block.explanation
    assert block.attributes["term_list_version"] == 3 and block.locator
    # the allow list hides the agency's own official; the deny list replaces the NER's reading of the name
    assert not any(f.text == "李晓梅" and f.entity_type == EntityType.PERSON for f in findings)
    assert not any(f.entity_type == EntityType.PERSON and f.text == "王建国" for f in findings)
    # a blocking term stops a release copy, as a 密级 marking does
    pairs = [(f, None) for f in findings]
    with pytest.raises(ExportBlocked):
        export_copy(document, pairs, load_profile("punitive-notice"), tmp_path / f"out{document.format}")
    # the punitive-notice profile keeps the punished party's name, but not a deny-listed one
    outcome = export_copy(document, pairs, load_profile("punitive-notice"), tmp_path / f"copy.{document.format}",
                          override_reason="测试：阻断词为测试数据")
    copied = load_document(outcome.output).text
    assert "王建国" not in copied and "过期食品" in copied  # the block term is a gate, not a redaction


def test_an_allow_list_never_hides_a_blocking_finding(engine, tmp_path):
    from tests.official_docs import write_docx

    path = write_docx(tmp_path / "memo.docx", ["关于XK-17工程进度的情况说明", "XK-17工程由张家界分公司承建。"])
    terms = _set((TermKind.BLOCK, "XK-17", "涉密项目代号"), (TermKind.ALLOW, "XK-17工程", "误加入白名单"),
                 (TermKind.ALLOW, "张家界", "地名"))
    findings = analyze(load_document(path), terms=terms)
    assert [f.text for f in findings if f.entity_type == EntityType.TERM_BLOCK] == ["XK-17", "XK-17"]
    assert not any("张家" in f.text and f.entity_type == EntityType.PERSON for f in findings)

"""End to end on real files (tests/data/restricted, written by make_files.py): load_document → detect →
suggest_attribute, and the seed work plan."""

from pathlib import Path

from reviewer.core.detection.classified import detect, suggest_attribute
from reviewer.core.documents import load_document
from reviewer.core.types import DisclosureAttribute, Severity

DATA = Path(__file__).resolve().parents[3] / "data" / "restricted"
SEED = DATA / "chongqing-2018-disclosure-work-plan.txt"  # copy of ../shared/seeds/ (make_files.py)


def _types(findings):
    return [(str(f.entity_type), f.text) for f in findings]


def test_docx_header_secret_5_years_blocks_and_suggests_withheld_under_article_14():
    findings = detect(load_document(DATA / "header-secret-5y.docx"))
    assert _types(findings) == [("CLASSIFIED_MARKING", "机密★5年")]
    (marking,) = findings
    assert marking.severity is Severity.BLOCK
    assert marking.locator["kind"] == "header" and marking.locator["part"].startswith("word/header")
    assert marking.attributes["level"] == "机密" and marking.attributes["period"] == "5年"
    suggestion = suggest_attribute(findings)
    assert suggestion.attribute is DisclosureAttribute.WITHHELD
    assert "第十四条" in suggestion.legal_basis
    assert "机密★5年" in suggestion.rationale


def test_docx_first_lines_2012_layout():
    findings = detect(load_document(DATA / "first-lines-2012.docx"))
    assert _types(findings) == [("COPY_NUMBER", "000001"), ("CLASSIFIED_MARKING", "机密★5年"),
                                ("URGENCY_MARKING", "特急")]
    assert [f.locator["path"] for f in findings] == ["body/p[0]", "body/p[1]", "body/p[2]"]


def test_pdf_first_page_2012_top_left():
    findings = detect(load_document(DATA / "first-page-2012.pdf"))
    assert _types(findings) == [("COPY_NUMBER", "000001"), ("CLASSIFIED_MARKING", "机密★5年"),
                                ("URGENCY_MARKING", "特急")]
    marking = findings[1]
    assert marking.attributes["side"] == "left" and marking.attributes["layout"] == "GB/T 9704-2012"
    assert marking.locator["page"] == 1 and marking.locator["bbox"][1] < 120  # near the top of the page
    assert "左上角" in marking.explanation


def test_pdf_first_page_1999_top_right_with_copy_number_on_the_same_line():
    findings = detect(load_document(DATA / "first-page-1999.pdf"))
    assert _types(findings) == [("COPY_NUMBER", "000036"), ("CLASSIFIED_MARKING", "秘密★1年"),
                                ("URGENCY_MARKING", "加急")]
    copy, marking, _ = findings
    assert copy.attributes["side"] == "left"
    assert marking.attributes["side"] == "right" and marking.attributes["layout"] == "GB/T 9704-1999"
    assert "右上角" in marking.explanation
    assert marking.locator["bbox"][0] > 300  # the right half of an A4 page (595 pt wide)


def test_mentions_docx_gives_only_its_disclosure_note():
    findings = detect(load_document(DATA / "mentions.docx"))
    assert _types(findings) == [("DISCLOSURE_NOTE", "此件公开发布")]
    assert suggest_attribute(findings).attribute is DisclosureAttribute.PROACTIVE


def test_internal_and_process_markers_docx():
    findings = detect(load_document(DATA / "markers.docx"))
    assert sorted(_types(findings)) == sorted([
        ("PROCESS_INFORMATION", "征求意见稿"), ("INTERNAL_USE", "本资料仅供内部参考"),
        # the sentence holds nothing but its subject and restriction marks: its second mark counts too
        ("INTERNAL_USE", "请勿扩散"),
        ("DISCLOSURE_NOTE", "此件依申请公开"), ("INTERNAL_USE", "内部资料"), ("INTERNAL_USE", "注意保存")])
    assert {f.severity for f in findings if f.entity_type != "DISCLOSURE_NOTE"} == {Severity.REVIEW}
    footer = [f for f in findings if f.locator["kind"] == "footer"]
    assert len(footer) == 2
    # internal and process information *may* be withheld (第十六条); the drafter printed 依申请公开, which nothing
    # rules out, so the suggestion follows the 附注 (the record is checked against it) and cites 第十六条
    suggestion = suggest_attribute(findings)
    assert suggestion.attribute is DisclosureAttribute.ON_REQUEST
    assert suggestion.legal_basis == ("第十六条(一)", "第十六条(二)")
    assert suggestion.printed_attribute is DisclosureAttribute.ON_REQUEST and not suggestion.conflicts_with_printed
    assert "按附注认定" in suggestion.rationale


def test_drafting_sheet_cell_under_a_label():
    findings = detect(load_document(DATA / "drafting-sheet-cell.docx"))
    assert _types(findings) == [("CLASSIFIED_MARKING", "秘密")]
    assert findings[0].locator["kind"] == "table_cell"


def test_seed_work_plan_gives_only_its_own_disclosure_note():
    document = load_document(SEED)
    findings = detect(document)
    assert _types(findings) == [("DISCLOSURE_NOTE", "此件公开发布")]
    assert findings[0].attributes["attribute"] == "主动公开"
    assert findings[0].locator["line"] == 18
    # nothing hides just under the threshold either
    assert _types(detect(document, threshold=0.01)) == _types(findings)


def test_custom_properties_carry_a_classification_and_a_disclosure_option():
    findings = detect(load_document(DATA / "custom-properties.docx"))
    assert sorted(_types(findings)) == sorted([("DISCLOSURE_NOTE", "此件公开发布"), ("CLASSIFIED_MARKING", "机密"),
                                               ("DISCLOSURE_NOTE", "依申请公开")])
    marking = next(f for f in findings if f.entity_type == "CLASSIFIED_MARKING")
    assert marking.locator["kind"] == "property" and "文档属性“密级”" in marking.explanation
    suggestion = suggest_attribute(findings)
    assert suggestion.attribute is DisclosureAttribute.WITHHELD
    assert suggestion.printed_attribute is None and "相互矛盾" in suggestion.rationale


def test_pdf_stamp_drawn_after_the_body_is_still_in_the_head():
    findings = detect(load_document(DATA / "stamp-drawn-last.pdf"))
    assert _types(findings) == [("CLASSIFIED_MARKING", "机密★5年")]
    assert findings[0].attributes["position"] == "head" and findings[0].attributes["side"] == "right"


def test_head_set_in_a_table():
    findings = detect(load_document(DATA / "head-table.docx"))
    assert _types(findings) == [("COPY_NUMBER", "000017"), ("CLASSIFIED_MARKING", "秘密★2年"),
                                ("URGENCY_MARKING", "特急")]
    assert {f.locator["kind"] for f in findings} == {"table_cell"}


def test_libreoffice_pdf_with_the_mark_in_every_page_header():
    findings = detect(load_document(DATA / "libreoffice-2pages.pdf"))
    markings = [f for f in findings if f.entity_type == "CLASSIFIED_MARKING"]
    assert {f.locator["page"] for f in markings} == {1, 2, 3}  # LibreOffice ran the text onto 3 pages
    assert all(f.attributes["period"] == "1年" for f in markings)  # pdfium reads "秘密★1 年"
    assert [f.attributes["position"] for f in markings if f.locator["page"] > 1] == ["edge", "edge"]
    assert [(str(f.entity_type), f.text) for f in findings if f.entity_type != "CLASSIFIED_MARKING"] == [
        ("COPY_NUMBER", "000042"), ("URGENCY_MARKING", "特急")]


def test_docx_resaved_by_libreoffice():
    findings = detect(load_document(DATA / "libreoffice-resaved.docx"))
    assert [(str(f.entity_type), f.text, f.locator["kind"]) for f in findings] == [
        ("CLASSIFIED_MARKING", "秘密★1年", "header"), ("COPY_NUMBER", "000042", "paragraph"),
        ("CLASSIFIED_MARKING", "秘密★1年", "paragraph"), ("URGENCY_MARKING", "特急", "paragraph")]


def test_a_mark_deleted_with_tracked_changes_is_still_in_the_file():
    findings = detect(load_document(DATA / "deleted-mark.docx"))
    assert _types(findings) == [("CLASSIFIED_MARKING", "秘密★1年")]
    (marking,) = findings
    assert marking.severity is Severity.BLOCK and marking.locator["runs"][0]["change"] == "del"
    assert "已删除" in marking.explanation


def test_mark_in_the_first_page_header_only():
    findings = detect(load_document(DATA / "first-page-header.docx"))
    assert _types(findings) == [("CLASSIFIED_MARKING", "绝密★长期")]
    assert findings[0].locator["type"] == "first" and findings[0].attributes["period_kind"] == "long_term"


def test_wording_variants_docx():
    """Marks as offices also write them: 内部★ in the header, 第12份, 密级 and 保密期限 as two labels, marks
    after the document's name (本通知仅供参考，不宜公开，不得外传), 仅供市领导参阅 and 阅后收回, 限…范围内传阅, 工作秘密
    declared of named content; and no finding for 不属于工作秘密, 涉及工作秘密的, a 征求意见稿 mentioned, 仅供参考 said
    of a table, 第3份材料 in a sentence, (共印25份)."""
    findings = detect(load_document(DATA / "wording-variants.docx"))
    assert _types(findings) == [
        ("INTERNAL_USE", "内部★"), ("COPY_NUMBER", "第12份"),
        ("CLASSIFIED_MARKING", "密级：秘密\u3000\u3000保密期限：1年"), ("URGENCY_MARKING", "加急"),
        ("WORK_SECRET", "属于工作秘密"), ("INTERNAL_USE", "仅供参考"), ("INTERNAL_USE", "不宜公开"), ("INTERNAL_USE", "不得外传"),
        ("INTERNAL_USE", "本专报仅供市领导参阅"), ("INTERNAL_USE", "阅后收回"), ("INTERNAL_USE", "限本单位范围内传阅")]
    assert findings[0].locator["kind"] == "header"
    assert findings[1].attributes["number"] == "12"


def test_request_title_with_its_draft_state_wrapping_in_a_pdf():
    """…的请示（送审稿） broken inside the brackets by the line end: both parts are the process title."""
    findings = detect(load_document(DATA / "draft-request.pdf"))
    assert _types(findings) == [
        ("COPY_NUMBER", "份号：000123"), ("CLASSIFIED_MARKING", "机密★2年"), ("URGENCY_MARKING", "紧急程度：特急"),
        ("PROCESS_INFORMATION", "关于某某区印染产业集聚区企业搬迁补助资金安排的请示（"),
        ("PROCESS_INFORMATION", "送审稿"),
        ("INTERNAL_USE", "内部资料"), ("INTERNAL_USE", "注意保存"), ("INTERNAL_USE", "请勿外传")]


def test_internal_briefing_pdf_marks_and_talk():
    """A 工作简报（内部） as a PDF: 工作秘密★ and a short 份号 after its label at the top, （内部） after the title,
    工作秘密 declared of named content (…属于工作秘密范畴), 不宜对外公开 after the issue's name; 内部掌握 inside a
    sentence and 不属于工作秘密的 are talk."""
    findings = detect(load_document(DATA / "briefing-internal.pdf"))
    assert _types(findings) == [
        ("WORK_SECRET", "工作秘密★"), ("COPY_NUMBER", "份号：0126"), ("INTERNAL_USE", "内部"),
        ("WORK_SECRET", "属于工作秘密范畴"), ("INTERNAL_USE", "本期简报不宜对外公开")]
    assert findings[1].attributes["number"] == "0126"


def test_draft_title_without_brackets_and_reference_only_marks():
    """仅供参考 beside 内部资料 in the 版头 is a mark, （仅供参考） after a form's name in the body is not; a title
    ending in its draft state without brackets (…条例草案) is the process title; 请注意保密 on its own line."""
    findings = detect(load_document(DATA / "draft-head.docx"))
    assert _types(findings) == [
        ("INTERNAL_USE", "内部资料"), ("INTERNAL_USE", "仅供参考"), ("PROCESS_INFORMATION", "某某市养犬管理条例草案"),
        ("INTERNAL_USE", "请注意保密")]

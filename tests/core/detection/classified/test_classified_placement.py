"""Placement decides: a mark in the 版头, a header/footer or alone on a line is a mark; the same words in a
sentence, in quotes or in a table of categories are not (table-driven, documents built from blocks)."""

import pytest

from reviewer.core.detection.classified import detect
from reviewer.core.types import Category, Severity

from .helpers import BODY, docx_like, found

CM, COPY, URG = "CLASSIFIED_MARKING", "COPY_NUMBER", "URGENCY_MARKING"
SSS, WS, IU, PROC, NOTE = ("STATE_SECRET_STATEMENT", "WORK_SECRET", "INTERNAL_USE", "PROCESS_INFORMATION",
                           "DISCLOSURE_NOTE")

HEAD_CASES = [
    (("000001", "机密★5年", "特急"), [(COPY, "000001"), (CM, "机密★5年"), (URG, "特急")]),
    (("秘密★6个月", "加急"), [(CM, "秘密★6个月"), (URG, "加急")]),
    (("绝密★长期",), [(CM, "绝密★长期")]),
    (("秘密",), [(CM, "秘密")]),
    (("秘　密", "特　急"), [(CM, "秘　密"), (URG, "特　急")]),
    (("000001 秘密★1年 特急",), [(COPY, "000001"), (CM, "秘密★1年"), (URG, "特急")]),
    (("密级：机密★10年",), [(CM, "密级：机密★10年")]),
    (("份号：000021",), [(COPY, "份号：000021")]),
    (("内部资料　注意保存",), [(IU, "内部资料"), (IU, "注意保存")]),
    (("工作秘密",), [(WS, "工作秘密")]),
    (("（讨论稿）",), [(PROC, "讨论稿")]),
    # six digits at the top of an unclassified document are not a 份号
    (("400015",), []),
    (("重庆市某某局文件",), []),
]


@pytest.mark.parametrize(("head", "expected"), HEAD_CASES, ids=lambda v: "/".join(v) if isinstance(v, tuple) else "")
def test_marks_in_the_first_lines(head, expected):
    assert found(docx_like(*head, *BODY)) == expected


@pytest.mark.parametrize(("header", "expected"), [
    ("机密★5年", [(CM, "机密★5年")]),
    ("重庆市某某局　秘密★1年", [(CM, "秘密★1年")]),
    ("涉密文件　严禁外传", [(SSS, "涉密文件"), (IU, "严禁外传")]),
    ("机密文件管理规定（试行）", []),
    ("重庆市某某区人民政府办公室", []),
])
def test_marks_in_a_page_header(header, expected):
    assert found(docx_like(*BODY, header=header)) == expected


MENTIONS = [
    "除依法需要保密的外都要及时公开。",
    "除涉及国家秘密外，所有使用财政资金的单位都要公开本部门预决算。",
    "加强政府信息公开审查",
    "（十四）加强政府信息公开审查。各区县政府在政府信息公开前要依法依规严格审查。",
    "本文件不涉及国家秘密，可以公开发布。",
    "如本文件涉及国家秘密，应当按照有关规定管理。",
    "经审查，本件不涉密，同意主动公开。",
    "本文件所称涉密人员，是指在涉密岗位工作的人员。",
    "会议审议并原则通过了《某某区城市更新条例（草案）》。",
    "会议讨论了2024年政务公开工作要点（征求意见稿）并提出修改意见。",
    "定密责任人应当依法确定密级和保密期限，如“秘密★1年”。",
    "发文时应在附注处标注“（此件公开发布）”等公开属性。",
    "国家秘密的密级分为绝密、机密、秘密三级。",
    "注意保存好相关档案资料，做到有据可查。",
    "第三章　工作秘密",
    "政府信息公开工作年度报告应当于每年1月31日前公布。",
]


@pytest.mark.parametrize("sentence", MENTIONS)
def test_mentions_are_not_marks(sentence):
    assert found(docx_like(*BODY[:4], sentence, *BODY[4:])) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("本文件含国家秘密，请按规定妥善保管。", [(SSS, "本文件含国家秘密")]),
    ("此件涉密，阅后退回。", [(SSS, "此件涉密")]),
    ("本材料属工作秘密，仅限参会人员阅知。", [(WS, "本材料属工作秘密")]),
    ("此件不得翻印。", [(IU, "此件不得翻印")]),
    ("本纪要为讨论稿，仅供会议讨论使用。", [(PROC, "本纪要为讨论稿")]),
    ("秘密★1年", [(CM, "秘密★1年")]),  # an attachment that starts mid-document
    ("（此件依申请公开）", [(NOTE, "此件依申请公开")]),
    ("信息公开选项：主动公开", [(NOTE, "信息公开选项：主动公开")]),
])
def test_statements_and_lines_of_their_own_in_the_body(sentence, expected):
    assert found(docx_like(*BODY[:4], sentence, *BODY[4:])) == expected


def test_table_cells_label_and_value():
    assert found(docx_like(*BODY, cells=("密级", "秘密"))) == [(CM, "秘密")]
    assert found(docx_like(*BODY, cells=("公开方式", "依申请公开"))) == [(NOTE, "依申请公开")]
    # a table of categories is not a mark on the document
    assert found(docx_like(*BODY, cells=("类别", "国家秘密", "工作秘密"))) == []
    assert found(docx_like(*BODY, cells=("序号", "秘密"))) == []


def test_a_comment_is_not_a_mark_but_a_statement_in_it_counts():
    assert found(docx_like(*BODY, comment="秘密")) == []
    assert found(docx_like(*BODY, comment="本文件涉及国家秘密，不能公开。")) == [(SSS, "本文件涉及国家秘密")]


def test_title_suffixes_and_bracketed_process_markers():
    assert found(docx_like("关于申请增加事业编制的请示", *BODY[2:])) == [(PROC, "关于申请增加事业编制的请示")]
    assert found(docx_like("某某区物业管理条例（公开征求意见稿）", *BODY[2:])) == [(PROC, "征求意见稿")]
    assert found(docx_like("某某区城市管理条例（草案修改稿）", *BODY[2:])) == [(PROC, "草案"), (PROC, "修改稿")]
    assert found(docx_like("关于对区财政局请示的批复", *BODY[2:])) == []
    assert found(docx_like("2023年某某区政府信息公开工作年度报告", *BODY[2:])) == []


def test_finding_fields_level_period_severity_locator():
    document = docx_like("000001", "机密★5年", "特急", *BODY, "（此件公开发布）")
    by_type = {str(f.entity_type): f for f in detect(document)}
    marking = by_type[CM]
    assert marking.category is Category.RESTRICTED and marking.severity is Severity.BLOCK
    assert marking.attributes["level"] == "机密" and marking.attributes["period"] == "5年"
    assert marking.attributes["years"] == 5 and marking.attributes["period_kind"] == "years"
    assert marking.locator["path"] == "body/p[1]" and marking.locator["offset"] == 0
    assert document.text[marking.start:marking.end] == "机密★5年"
    assert "首页" in marking.explanation and "第十四条" in marking.explanation
    assert by_type[COPY].severity is Severity.REVIEW and by_type[URG].severity is Severity.INFO
    assert by_type[NOTE].attributes["attribute"] == "主动公开" and by_type[NOTE].severity is Severity.INFO


@pytest.mark.parametrize(("mark", "attributes"), [
    ("秘密★6个月", {"level": "秘密", "period": "6个月", "months": 6}),
    ("机密★二十年", {"level": "机密", "period": "二十年", "years": 20}),
    ("秘密★１０年", {"level": "秘密", "period": "10年", "years": 10}),
    ("绝密★启用前", {"level": "绝密", "period": "启用前", "period_kind": "condition"}),
    ("秘密★2025年12月31日", {"level": "秘密", "period_kind": "date"}),
    ("秘密", {"level": "秘密"}),
])
def test_period_parsing(mark, attributes):
    (finding,) = detect(docx_like(mark, *BODY))
    assert {k: finding.attributes[k] for k in attributes} == attributes


def test_period_beyond_the_legal_maximum_is_pointed_out():
    (finding,) = detect(docx_like("秘密★15年", *BODY))
    assert "超过秘密级10年" in finding.explanation


def test_threshold_filters_the_weak_forms():
    document = docx_like(*BODY[:4], "秘密", *BODY[4:])  # a level alone in the body, no label above it
    assert detect(document) == []
    weak = detect(document, threshold=0.3)
    assert [(str(f.entity_type), f.score) for f in weak] == [(CM, 0.45)]


def test_label_with_a_separate_period_label():
    (finding,) = detect(docx_like("密级：秘密　保密期限：一年", *BODY))
    assert finding.attributes["level"] == "秘密" and finding.attributes["years"] == 1


def test_legal_style_condition_is_not_a_statement():
    assert found(docx_like(*BODY[:4], "本文件内容涉及国家秘密的，按照有关规定办理。", *BODY[4:])) == []
    assert found(docx_like(*BODY[:4], "本文件含国家秘密的内容，阅后退回。", *BODY[4:])) == [
        (SSS, "本文件含国家秘密")]


def test_a_heading_that_names_a_document_type_is_not_a_title():
    assert found(docx_like(*BODY[:4], "（三）会议纪要", *BODY[4:])) == []
    assert found(docx_like(*BODY[:4], "关于某某事项的请示", *BODY[4:])) == []


def test_a_rejected_long_candidate_does_not_hide_a_mark_inside_it():
    # in the body the title rule does not apply, but the bracketed draft marker still does
    assert found(docx_like(*BODY[:4], "关于某某事项（征求意见稿）的请示", *BODY[4:])) == [(PROC, "征求意见稿")]

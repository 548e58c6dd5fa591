"""Issue 25, held-out precision and sensitive recall: the whole pipeline on real docx and PDF files.

False names: a new policy coinage that the document also writes before a sector noun (托育费用, 冷链物流) and its
premises (普惠托育园), the unit of a cited clause (第（一）项之规定), a village cut inside a list closed by its count
(东湾、莫家|都等5个村) and a 苏木 that a PDF line breaks (甘珠尔苏⏎木); names after 网格员 and 社工 are found.
Health: a diagnosis in brackets after a name (刘建国（肺癌晚期）), 系…感染者, a work-injury disability grade
(伤残等级为九级), a finger named with its hand (右手环指开放性骨折); a class of people (一级至四级伤残的职工) and a
list of diseases in brackets after no name are not.
"""

from __future__ import annotations

import pytest

from reviewer.core.detection import analyze
from reviewer.core.documents import load_document

NEWS = [
    "临川区“一老一小”服务再提速",
    "今年全区新建普惠托育园5所，托育服务覆盖所有街道，托育费用比市场价低三成。",
    "区商务局推进冷链物流和农产品上行，在石门乡建成冷链仓储中心，冷链配送车每天往返城区。",
    "东湾、莫家都等5个村已完成适老化改造，网格员郦小芬和社工俞　静逐户走访。",
    "街道党工委书记朱海波说，下一步将推动托育与养老服务融合发展。",
]

DECISION = [
    "认定工伤决定书",
    "申请人王德胜受到的事故伤害，符合《工伤保险条例》第十四条第（一）项之规定，属于工伤认定范围。",
    "王德胜在操作冲床时受伤，经医院诊断为右手环指开放性骨折。经市劳动能力鉴定委员会鉴定，王德胜伤残等级为九级。",
    "同班组工人钱永利（肺癌晚期）已办理病退；救助对象孙玉兰系艾滋病病毒感染者，相关信息严格保密。",
    "职工因工致残被鉴定为一级至四级伤残的，保留劳动关系，退出工作岗位。",
    "本市将重特大疾病（恶性肿瘤、尿毒症）纳入医疗救助范围。",
]

# a PDF text layer whose line breaks the place unit 苏木 after a Mongolian place name
PDF_LINES = [
    "新巴尔虎左旗雪灾情况报告",
    "受强降雪影响，积雪平均深度达32厘米，甘珠尔苏",
    "木、新宝力格苏木受灾较重。苏木长巴特尔带队查看灾情。",
]


def _docx(path, paragraphs):
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return load_document(path)


def _found(document, entity_type):
    return [f for f in analyze(document) if f.entity_type == entity_type and f.attributes.get("tier") != "possible"]


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    return _docx(tmp_path_factory.mktemp("coined") / "news.docx", NEWS)


@pytest.fixture(scope="module")
def decision(tmp_path_factory):
    return _docx(tmp_path_factory.mktemp("health") / "decision.docx", DECISION)


def test_coinages_cited_clauses_and_listed_villages_are_no_names(news, decision):
    names = {f.text for f in _found(news, "PERSON")} | {f.text for f in _found(decision, "PERSON")}
    assert not names & {"托育", "托育园", "冷链", "莫家", "莫家都", "项之"}, names


def test_names_after_grid_workers_and_social_workers_are_found(news, decision):
    names = {"".join(f.text.split()) for f in _found(news, "PERSON")}
    assert {"郦小芬", "俞静", "朱海波"} <= names, names
    assert {"王德胜", "钱永利", "孙玉兰"} <= {f.text for f in _found(decision, "PERSON")}


def test_diagnoses_grades_and_fingers_of_a_person_are_sensitive(decision):
    found = {f.text for f in _found(decision, "SENSITIVE_PERSONAL")}
    for phrase in ("肺癌晚期", "艾滋病病毒感染者", "伤残等级为九级", "右手环指开放性骨折"):
        assert any(phrase in f for f in found), (phrase, found)


def test_a_class_of_people_and_a_list_of_diseases_are_not_sensitive(decision):
    text = decision.text
    tail = text.index("职工因工致残")
    assert not [f.text for f in _found(decision, "SENSITIVE_PERSONAL") if f.start >= tail]


def test_a_name_before_a_place_unit_broken_by_the_pdf_line_is_a_place(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    path = tmp_path / "snow.pdf"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("STSong-Light", 12)
    for i, line in enumerate(PDF_LINES):
        c.drawString(72, 780 - 20 * i, line)
    c.showPage()
    c.save()
    document = load_document(path)
    assert "甘珠尔苏\n木" in document.text or "甘珠尔苏 \n木" in document.text, document.text
    names = {f.text for f in _found(document, "PERSON")}
    assert "甘珠尔" not in names and "巴特尔" in names, names

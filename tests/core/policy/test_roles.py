"""Roles of persons and owners of contact details (detection/roles.py) on texts where the findings are placed by
hand, so each rule is checked on its own; the whole pipeline on real-looking files is test_kind_profiles.py."""

from __future__ import annotations

import pytest

from reviewer.core.detection.roles import assign_roles
from reviewer.core.documents.kinds import load_kinds
from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat
from reviewer.core.types import Category, Finding, category_of


def document(*lines: str, table: list[list[str]] | None = None, author: str | None = None) -> Document:
    blocks = [Block(BlockKind.PARAGRAPH, "word/document.xml", f"body/p[{i}]", t) for i, t in enumerate(lines)]
    for r, row in enumerate(table or []):
        for c, cell in enumerate(row):
            blocks.append(Block(BlockKind.TABLE_CELL, "word/document.xml", f"body/tbl[0]/tr[{r}]/tc[{c}]/p[0]", cell))
    if author:
        blocks.append(Block(BlockKind.PROPERTY, "docProps/core.xml", "creator", author))
    return Document.build(path="t.docx", format=DocumentFormat.DOCX, sha256="0", size=0, blocks=blocks)


def at(doc: Document, entity_type: str, text: str, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    return Finding(entity_type, start, start + len(text), text, 0.9, "test", "说明。",
                   category=Category(category_of(entity_type)))


def roles(doc: Document, findings: list[Finding], kind: str = "other") -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in assign_roles(doc, findings, kind=load_kinds().get(kind)):
        value = f.attributes.get("role") or f.attributes.get("owner")
        if value:
            out.setdefault(f.text, []).append(value)
    return out


def test_a_word_before_the_name_and_a_list_sharing_it():
    doc = document("当事人：王建国", "3.执法人员杨帆、罗丹（执法证号：50011223017）对委托代理人陈小燕所作的询问笔录；",
                   "出席：罗振宇、刘晓岚（区财政局）、江河", "长江日报记者江河　通讯员田野　向阳")
    names = [("PERSON", n) for n in ("王建国", "杨帆", "罗丹", "陈小燕", "罗振宇", "刘晓岚")]
    found = [at(doc, t, n) for t, n in names] + [at(doc, "PERSON", "江河"), at(doc, "PERSON", "江河", 1),
                                                 at(doc, "PERSON", "田野"), at(doc, "PERSON", "向阳")]
    got = roles(doc, found)
    assert got["王建国"] == ["party"] and got["杨帆"] == got["罗丹"] == ["official"]
    assert got["陈小燕"] == ["agent"] and got["罗振宇"] == got["刘晓岚"] == ["official"]
    assert got["江河"] == ["official", "journalist"]  # an attendee, and elsewhere the byline's reporter
    assert got["田野"] == got["向阳"] == ["journalist"]


def test_a_word_after_the_name_wins_and_the_reason_is_in_the_explanation():
    doc = document("当事人厨师长周秀兰作为见证人在笔录上签字确认。")
    [f] = assign_roles(doc, [at(doc, "PERSON", "周秀兰")], kind=load_kinds().get("penalty_decision"))
    assert f.attributes["role"] == "witness" and "作为见证人" in f.attributes["role_reason"]
    assert "〔角色：证人、见证人；下文“作为见证人”〕" in f.explanation
    [again] = assign_roles(doc, [f], kind=load_kinds().get("penalty_decision"))
    assert again.explanation == f.explanation  # a second pass (another kind chosen) replaces, never adds


def test_salutation_property_author_and_the_same_name_elsewhere():
    doc = document("邓雨桐：", "本机关于2024年4月15日收到您的申请。", "经办人冉小琴，电话028-85551273。",
                   "如有疑问请联系冉小琴。", author="冉小琴")
    found = [at(doc, "PERSON", "邓雨桐"), at(doc, "PERSON", "冉小琴"), at(doc, "PERSON", "冉小琴", 1),
             at(doc, "PERSON", "冉小琴", 2)]
    got = roles(doc, found, "disclosure_reply")
    assert got["邓雨桐"] == ["applicant"]
    assert got["冉小琴"] == ["contact", "contact", "official"]  # by its word, then by name; the author property


def test_roster_rows_get_the_kinds_role_and_column_headers_name_theirs():
    doc = document("根据有关规定，现将拟任职干部予以公示。",
                   table=[["序号", "姓名", "拟任职务"], ["1", "陈建华", "局长"], ["2", "林雪梅", "局长"]])
    found = [at(doc, "PERSON", "陈建华"), at(doc, "PERSON", "林雪梅")]
    assert roles(doc, found, "appointment_notice") == {"陈建华": ["subject"], "林雪梅": ["subject"]}
    assert roles(doc, found, "dishonest_list") == {"陈建华": ["party"], "林雪梅": ["party"]}
    assert roles(doc, found, "notice") == {"陈建华": ["unknown"], "林雪梅": ["unknown"]}  # a notice lists nobody
    duty = document(table=[["日期", "带班领导", "值班人员"], ["10月1日", "朴成浩", "王文静"]])
    assert roles(duty, [at(duty, "PERSON", "朴成浩"), at(duty, "PERSON", "王文静")]) == {
        "朴成浩": ["official"], "王文静": ["official"]}
    flat = document("日期 带班领导 值班人员 联系电话\n10月1日 朴成浩 王文静 15981054420")  # a PDF's text layer
    assert roles(flat, [at(flat, "PERSON", "朴成浩"), at(flat, "PERSON", "王文静")]) == {
        "朴成浩": ["official"], "王文静": ["official"]}


def test_a_word_wrapped_onto_the_line_above_and_an_agency_head():
    doc = document("2 南昌赣鑫建材贸易有\n限公司（法定代表人\n：熊志强）", "乡民政办负责人：者永春 制表：普红梅")
    got = roles(doc, [at(doc, "PERSON", "熊志强"), at(doc, "PERSON", "者永春"), at(doc, "PERSON", "普红梅")])
    assert got == {"熊志强": ["legal_representative"], "者永春": ["official"], "普红梅": ["contact"]}


@pytest.mark.parametrize(("line", "entity_type", "value", "owner"), [
    ("监督电话：0571-87922380", "CN_LANDLINE_PHONE", "0571-87922380", "institution"),
    ("来信地址：杭州市西湖区文三路538号西湖区行政中心6号楼", "CN_ADDRESS", "杭州市西湖区文三路538号西湖区行政中心6号楼",
     "institution"),
    ("电子邮箱：xhgbjd@xihu.gov.cn", "EMAIL_ADDRESS", "xhgbjd@xihu.gov.cn", "institution"),
    ("当事人应将罚款缴至指定银行账户6217003320012345678。", "CN_BANK_CARD", "6217003320012345678", "institution"),
    ("统一社会信用代码：91500112MA60K7JD2E", "CN_USCC", "91500112MA60K7JD2E", "institution"),
    ("统一社会信用代码：92441900MA4XNY2B80", "CN_USCC", "92441900MA4XNY2B80", "person"),  # 个体工商户 (GB 32100)
    ("住址：重庆市沙坪坝区小龙坎街道天星桥正街42号3单元502室", "CN_ADDRESS", "重庆市沙坪坝区小龙坎街道天星桥正街42号3单元502室",
     "person"),
    ("您在申请表中填写的联系电话18980672314，电子邮箱dengyutong1992@qq.com。", "EMAIL_ADDRESS",
     "dengyutong1992@qq.com", "person"),
    ("各单位将值班表报区政府总值班室，联系电话：0431-88952115。", "CN_LANDLINE_PHONE", "0431-88952115", "institution"),
])
def test_owner_by_label_kind_and_domain(line, entity_type, value, owner):
    doc = document(line)
    [f] = assign_roles(doc, [at(doc, entity_type, value)], kind=load_kinds().get("other"))
    assert f.attributes["owner"] == owner, f.attributes["owner_reason"]
    assert f"〔归属：{'机构' if owner == 'institution' else '个人'}；" in f.explanation


def test_owner_by_holder_a_public_role_or_a_citizen():
    doc = document("承办人：杨帆　联系电话：023-67821056　手机：13983126657",
                   "当事人：刘德明", "联系电话：023-67821099")
    found = [at(doc, "PERSON", "杨帆"), at(doc, "CN_LANDLINE_PHONE", "023-67821056"),
             at(doc, "CN_MOBILE_PHONE", "13983126657"), at(doc, "PERSON", "刘德明"),
             at(doc, "CN_LANDLINE_PHONE", "023-67821099")]
    got = roles(doc, found, "penalty_decision")
    assert got["023-67821056"] == ["institution"]  # the case handler's office line is the agency's
    assert got["13983126657"] == ["person"]  # a mobile is a person's, whoever carries it
    assert got["023-67821099"] == ["person"]  # a label-only line continues the party's record above


def test_a_value_inside_a_document_number_is_part_of_it():
    doc = document("张文旅投〔2024〕第118号", "武侯府信复〔2024〕第058号", "（2024）赣0102执812号 南昌市东湖区八一大道357号")
    found = [at(doc, "PERSON", "张文"), at(doc, "CN_ADDRESS", "058号"), at(doc, "CN_ADDRESS", "812号")]
    for f in assign_roles(doc, found, kind=load_kinds().get("other")):
        assert f.attributes["part_of"] == "doc_number" and "〔文号：" in f.explanation, f.text


def test_a_labelled_list_whose_first_name_was_not_found_still_shares_the_label():
    doc = document("出席：乌力吉巴雅尔、张景辉、高　峰、宝音", "您在建议中提到的联名代表覃海燕、黄志强关于同步配建幼儿园的意见")
    names = ("张景辉", "高　峰", "宝音", "覃海燕", "黄志强")  # 乌力吉巴雅尔 is not among the findings
    got = roles(doc, [at(doc, "PERSON", n) for n in names], "meeting_minutes")
    assert all(got[n] == ["official"] for n in names), got


def test_a_label_cell_on_the_line_above_or_a_label_word_broken_by_a_wrap():
    doc = document("诉求人", "梁嘉欣", "签\u3000\u3000发", "黎海波", "江西省恒泰物业服务有限公司（法定代表", "人：付　涛）",
                   "本人精神残疾二级，监护", "人萨日娜", "2024年9月17日", "罗小川")
    names = ("梁嘉欣", "黎海波", "付　涛", "萨日娜", "罗小川")
    got = roles(doc, [at(doc, "PERSON", n) for n in names])
    assert got["梁嘉欣"] == ["applicant"] and got["黎海波"] == ["official"]
    assert got["付　涛"] == ["legal_representative"] and got["萨日娜"] == ["family"]
    assert got["罗小川"] == ["unknown"]  # a date above is no label


def test_the_author_property_is_the_drafter_unless_the_body_names_them_otherwise():
    byline = document("记者　次仁旺堆　通讯员　高原", author="高原")
    got = roles(byline, [at(byline, "PERSON", "高原"), at(byline, "PERSON", "高原", 1)], "news")
    assert got["高原"] == ["journalist", "journalist"]
    clerk = document("联系人：冉小琴　联系电话：028-85062135", author="冉小琴")
    got = roles(clerk, [at(clerk, "PERSON", "冉小琴"), at(clerk, "PERSON", "冉小琴", 1)])
    assert got["冉小琴"] == ["contact", "official"]  # the agency's clerk in the body, the drafter in the file


def test_a_name_after_a_sole_traders_credit_code_is_its_operator():
    doc = document("2 东莞市塘厦镇佳美服装厂（个体工商户） 92441900MA4XNY2B80 冯美玲 东人社失信决字〔2024〕第034号")
    got = roles(doc, [at(doc, "ORGANIZATION", "东莞市塘厦镇佳美服装厂"), at(doc, "CN_USCC", "92441900MA4XNY2B80"),
                      at(doc, "PERSON", "冯美玲")], "dishonest_list")
    assert got["冯美玲"] == ["legal_representative"] and got["92441900MA4XNY2B80"] == ["person"]


@pytest.mark.parametrize(("lines", "entity_type", "value", "owner"), [
    (("申请人地址：厦门市思明区莲前东路468号莲花五村12号楼603室0592-5163827",), "CN_ADDRESS",
     "厦门市思明区莲前东路468号莲花五村12号楼603室", "person"),
    (("申请人地址：厦门市思明区莲前东路468号莲花五村12号楼603室0592-5163827",), "CN_LANDLINE_PHONE", "0592-5163827",
     "person"),
    (("诉求地址", "珠海市香洲区吉大景山路183号海湾花园5栋门口长期占道"), "CN_ADDRESS", "珠海市香洲区吉大景山路183号海湾花园5栋",
     "person"),
    (("2024年秋季学期，我局已在柳州市城中区文惠路9号原柳州市第二职业技术学校旧址设置临时教学点。",), "CN_ADDRESS",
     "柳州市城中区文惠路9号原柳州市第二职业技术学校旧址", "institution"),
    # a column header 法定代表人身份证号 above a numbered row is no cue of this row's company address
    (("序号 单位名称 法定代表人身份证号 住所", "1 东莞市鸿运达五金塑胶制品有限公司 冯国栋 441900197509280611 东莞市长安镇乌沙社区兴发南路112号2栋"),
     "CN_ADDRESS", "东莞市长安镇乌沙社区兴发南路112号2栋", "institution"),
])
def test_owner_by_a_persons_detail_label_or_the_agency_speaking_of_itself(lines, entity_type, value, owner):
    doc = document(*lines)
    found = [at(doc, entity_type, value)]
    if "有限公司" in doc.text:
        found += [at(doc, "ORGANIZATION", "东莞市鸿运达五金塑胶制品有限公司"), at(doc, "PERSON", "冯国栋")]
    [f] = [g for g in assign_roles(doc, found, kind=load_kinds().get("dishonest_list" if found[1:] else "other"))
           if g.text == value]
    assert f.attributes["owner"] == owner, f.attributes["owner_reason"]

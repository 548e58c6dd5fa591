"""Wording and layout variants from the realdocs dev documents 77–84 (issue 25), on real files read by the product's
readers (tests/data/detection/make_variants.py writes them): address heads and ends, 兵团 and 牧区 addresses, plots
with their bounds in brackets, wrapped table cells without a name column, injuries, pregnancies and criminal
records of named persons, rules about such people, badge numbers, labelled 版头 marks and restriction notes."""

from __future__ import annotations

import functools

import pytest

from reviewer.core.detection import analyze
from reviewer.core.detection.config import PROJECT_ROOT
from reviewer.core.documents import load_document

DATA = PROJECT_ROOT / "tests" / "data" / "detection"


@functools.cache
def findings(name: str) -> tuple[str, list]:
    document = load_document(DATA / name)
    return document.text, analyze(document)


def of(name: str, entity_type: str) -> list[str]:
    return [f.text for f in findings(name)[1] if f.entity_type == entity_type]


def squeezed(name: str, entity_type: str) -> list[str]:
    return ["".join(t.split()) for t in of(name, entity_type)]


@pytest.mark.parametrize("address", [
    "即墨区蓝鳌路1000号",  # a county or district whose name begins with 即/于 right after a label
    "于都县梓山镇潭头村潭头组8号",
    "锦华苑5号楼2单元301室",  # …301室内: 室 stays, 内 ("inside") goes
    "大连市金州区站前街道和平路27号",  # 金州区要对|大连市…: the clause's subject is no part of it
    "一二一团八连居民区2排6号",  # a 兵团 company's row and house
    "东乌珠穆沁旗满都胡宝拉格镇额仁高比嘎查第三浩特2户",  # a herder's 嘎查 + 浩特 + 户
    "石河子经济技术开发区北八东路15号2号车间",  # a development zone as the district, a numbered 车间
    "苏家屯区72街坊（东至枫杨路，南至迎春街，西至雪松路，北至海棠街）",  # a 街坊 with its bounds in brackets
    "石家庄市裕华区槐安东路136号3号楼",
    "广州市越秀区北京街道大南路33号之一502房",  # 号之一 and a room written 房
    "北京市海淀区学院路30号院11号楼3门401",  # an entrance (门) and its flat
    "从化区街口街道河滨北路88号",  # 坐落于|从化区: 从 begins the district's name after a preposition
    "西安市雁塔区小寨东路126号百隆广场B座1803室",  # a building's lettered block
])
def test_address_variants_in_running_text_are_whole(address):
    assert address in of("variants-prose.docx", "CN_ADDRESS")


def test_a_badge_number_after_its_label_is_no_phone_and_the_landline_after_an_address_is():
    assert of("variants-prose.docx", "CN_MOBILE_PHONE") == []
    assert of("variants-prose.docx", "CN_LANDLINE_PHONE") == ["0993-2716358"]


@pytest.mark.parametrize("phrase", [
    "左侧第3—5肋骨骨折", "右侧胫骨平台骨折", "额部皮肤挫裂伤",  # injuries by side, numbered ribs, body site
    "妊娠30周",  # a pregnancy in weeks
    "决定强制隔离戒毒二年", "判处有期徒刑一年二个月",  # a named defendant's record and sentence
    "精神分裂症", "一级视力残疾",  # 系…患者; a grade written before the disability
    "曾因故意伤害罪", "判刑两年", "刑满释放人员", "行政拘留十日",  # a past offence, a status, a detention
])
def test_health_and_criminal_records_of_named_persons_are_sensitive(phrase):
    assert phrase in of("variants-prose.docx", "SENSITIVE_PERSONAL")


def test_rules_about_classes_of_people_are_not_sensitive():
    text, found = findings("variants-prose.docx")
    start = text.index("对被判处有期徒刑以上刑罚的人员")
    end = text.index("应当及时通知其家属")
    assert not [f.text for f in found if f.entity_type == "SENSITIVE_PERSONAL" and start <= f.start < end]


def test_labelled_head_marks_and_a_title_opening_with_its_issuer_is_one_request():
    assert of("variants-head.docx", "COPY_NUMBER") == ["份号：000031"]
    assert of("variants-head.docx", "URGENCY_MARKING") == ["紧急程度：特急"]
    assert of("variants-head.docx", "CLASSIFIED_MARKING") == ["机密 ★ 3年"]
    assert of("variants-head.docx", "PROCESS_INFORMATION")[0] == \
        "苏尼特右旗农牧和科技局关于申请下拨2024年度\n受灾牧户饲草料补贴资金的请示"


def test_restriction_notes_in_new_wordings_are_found_and_a_denial_is_none():
    # 此件仅供领导参考，不得转发: a sentence of its subject and restriction marks, every mark counts
    assert of("variants-head.docx", "INTERNAL_USE") == ["此件仅供领导参考", "不得转发", "内部资料", "注意保存",
                                                         "不得翻印", "本简报仅供领导同志参阅", "此件限发至"]
    assert of("variants-head.docx", "PROCESS_INFORMATION")[1:] == ["本材料仅供会议讨论"]
    assert of("variants-head.docx", "STATE_SECRET_STATEMENT") == []  # 本请示内容不涉及国家秘密


def test_wrapped_cells_without_a_name_column_are_read_joined():
    _, found = findings("variants-cells.pdf")
    addresses = squeezed("variants-cells.pdf", "CN_ADDRESS")
    assert {"一二一团八连居民区3排12号", "一二一团九连（东至八连干渠，南至团场公路，西至七连道路，北至3号林带）",
            "石河子经济技术开发区化工新材料产业园北四东路15号2号厂房", "闵行区浦江镇浦航路1500弄22号1203室"} <= set(addresses)
    assert all("\n" in a for a in of("variants-cells.pdf", "CN_ADDRESS")[1:])  # these cells do wrap
    health = [f for f in found if f.entity_type == "SENSITIVE_PERSONAL"]
    assert ["".join(f.text.split()) for f in health] == ["患尿毒症"] and "\n" in health[0].text


def test_health_terms_of_pregnancy_injuries_and_diseases_in_a_roster_reasons_column():
    found = set(of("variants-roster.docx", "SENSITIVE_PERSONAL"))
    assert {"子痫前期", "早产", "硬膜下血肿", "唇腭裂", "结核性胸膜炎", "重度抑郁发作"} <= found
    assert not any("倒塌" in f for f in found)

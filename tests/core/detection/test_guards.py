"""Precision guards (issue 25): amounts, document numbers, plates and ordinary words never become names or
addresses, and addresses stop at their clause. The whole pipeline (NER included) on sentences written like the
realdocs failures, and the pure rules table-tested."""

from __future__ import annotations

import pytest

from reviewer.core.detection import analyze
from reviewer.core.detection.guards import (
    address_bounds,
    amount_name,
    fragment_address,
    inside_place,
    number_spans,
)
from tests.core.detection.conftest import make_document


def found(text: str, entity_type: str) -> list[str]:
    return [f.text for f in analyze(make_document(text)) if f.entity_type == entity_type]


@pytest.mark.parametrize("text", [
    "当事人违法所得人民币叁仟陆佰元（¥3,600.00），罚款人民币伍万元（¥50,000.00）。",
    "合计人民币肆万贰仟叁佰陆拾元整。",
    "救助金额35,000元（大写：叁万伍仟元整），大写：伍万叁仟壹佰肆拾肆元零肆分。",
    "你剩余课时费用人民币壹万零肆佰元整（¥10,400.00）。",
])
def test_capital_numerals_are_never_names(text):
    assert found(text, "PERSON") == []


def test_a_surname_that_is_also_a_numeral_stays_a_name():
    assert not amount_name("被执行人伍万林，", 4, 7)
    assert amount_name("人民币伍万元整", 3, 6)


@pytest.mark.parametrize("text, number", [
    ("武侯府信复〔2024〕第058号\n邓雨桐：", "058号"),
    ("东人社失信决字〔\n2024〕第031号", "031号"),
    ("（2024）赣0102执812号 南昌市东湖区八一大道357号", "812号"),
    ("根据《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人社部令第45号），东莞市", "第45号"),
    ("甬建字第330212202400318号 宁波万科云城置业有限公司", "318号"),
])
def test_document_and_case_numbers_are_no_addresses(text, number):
    assert all(number not in a for a in found(text, "CN_ADDRESS"))
    assert any(s <= text.index(number) < e for s, e in number_spans(text))


def test_a_plate_or_a_room_alone_is_no_address():
    text = "覃海林驾驶桂AD73195号小型纯电动汽车。认定702室存在拆除部分非承重隔墙。"
    assert found(text, "CN_ADDRESS") == []
    assert fragment_address("702室") and fragment_address("195号") and fragment_address("7-8")
    assert not fragment_address("4栋2单元1203室") and not fragment_address("民族路166号附6号")


def test_an_address_stops_at_its_clause():
    text = ("2024年3月12日，本局执法人员对当事人位于重庆市渝北区龙溪街道红锦大道52号1幢1-3的经营场所"
            "进行现场检查。")
    assert found(text, "CN_ADDRESS") == ["重庆市渝北区龙溪街道红锦大道52号1幢1-3"]
    t = "对该公司位于南京市玄武区玄武巷1号玄武湖公园环洲码头的售票点立案调查"
    s = t.index("南京")
    assert t[slice(*address_bounds(t, s, len(t) - 2))] == "南京市玄武区玄武巷1号玄武湖公园环洲码头"
    t = "经营地址为民族路166号附6号，确存在"
    assert t[slice(*address_bounds(t, t.index("为"), t.index("，")))] == "民族路166号附6号"


def test_a_landline_wins_over_an_address_fragment():
    text = "居民可拨打12345热线或武昌区商务局便民服务专线027-88865213反映。"
    assert found(text, "CN_ADDRESS") == []
    assert found(text, "CN_LANDLINE_PHONE") == ["027-88865213"]  # 热线 before it no longer hides it


def test_place_names_are_no_names():
    text = ("张家界市文化旅游广电体育局：导游带领旅游者进入张家界湘西土特产品购物中心。\n"
            "籍贯：宁夏吴忠\n宝格都乌拉嘎查 阿巴嘎旗别力古台镇宝格都乌拉嘎查四组")
    names = found(text, "PERSON")
    assert "张家界" not in names and "吴忠" not in names and not any("嘎" in n for n in names)
    assert inside_place("宝格都乌拉嘎查", 3, 6, frozenset())


def test_ordinary_words_in_prose_are_no_names():
    text = "当事人应当自收到本决定书之日起十五日内缴纳罚款。信访人曾于2024年1月通过12345反映。"
    assert found(text, "PERSON") == []

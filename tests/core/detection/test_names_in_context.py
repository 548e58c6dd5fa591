"""Names in context (issue 25): padded two-character names, role words of bylines and rosters, whole minority
names after a role word; the whole pipeline on sentences written like the realdocs failures."""

from __future__ import annotations

import pytest

from reviewer.core.detection import analyze
from reviewer.core.detection.normalize import unpad
from tests.core.detection.conftest import make_document


def names(text: str) -> list[str]:
    return [f.text for f in analyze(make_document(text)) if f.entity_type == "PERSON"]


def test_unpad_maps_back_to_the_padded_text():
    text = "复核：李 锐 联系电话，、赵　毅、"
    norm = unpad(text)
    assert norm.text == "复核：李锐 联系电话，、赵毅、"
    s = norm.text.index("赵毅")
    assert text[slice(*norm.span_to_original(s, s + 2))] == "赵　毅"
    assert unpad("本　局 文件").text == "本　局 文件"  # only a surname starts a padded name
    assert unpad("王　琴琴").text == "王　琴琴"  # and the name ends at the next non-Han character


@pytest.mark.parametrize("text, expected", [
    ("出席：罗振宇、刘晓岚、谭文彬、赵　毅、周燕", "赵　毅"),
    ("二、先进个人（20名）\n黄河　鼓楼区东街街道综治办主任\n林　木　福州市公安局鼓楼分局东街派出所民警\n"
     "陈　静　鼓楼区人民法院审判员", "林　木"),
    ("项目联系人：何丽萍、陈 曦\n电话：020-38821567", "陈 曦"),
])
def test_padded_names_in_running_text(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text, expected", [
    ("（编辑：高山　审核：方圆）", ["高山", "方圆"]),
    ("经办人：马海阿呷 审核人：吉地尔日 乡镇主要负责人：阿尔木呷 报送日期：2024年9月2日", ["马海阿呷", "吉地尔日", "阿尔木呷"]),
    ("值班：热合曼·托合提　核稿：古丽", ["热合曼·托合提"]),
    ("旅游大巴（车牌号湘G·30617，司机向国强）故障。", ["向国强"]),
])
def test_role_words_introduce_whole_names(text, expected):
    found = names(text)
    assert all(n in found for n in expected), found


def test_a_role_word_before_an_ordinary_word_is_no_name():
    assert "和司机" not in names("调取了行程单、导游和司机的询问笔录。")


def test_rare_surnames_after_a_colon_and_padding_after_a_colon():
    found = names("乡民政办负责人：者永春 制表：普红梅 复核：杞 锐 联系电话：0878-3410265")
    assert {"者永春", "普红梅", "杞 锐"} <= set(found)
    assert names("记录：无误") == []

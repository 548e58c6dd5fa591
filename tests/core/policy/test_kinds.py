"""Document kinds recognised from the text (documents/kinds.py): title, 文号, body words; the strict catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.documents import load_document
from reviewer.core.documents.kinds import load_kinds, recognize, recognize_document
from reviewer.core.errors import ConfigurationError
from reviewer.core.resources import resource

REALDOCS = resource("eval", "realdocs", "files")


@pytest.mark.parametrize(("name", "kind", "title", "number"), [
    ("01-chufa-shipin.docx", "penalty_decision", "重庆市渝北区市场监督管理局行政处罚决定书", "渝北市监处罚〔2024〕47号"),
    ("02-yishenqing-wuhou.docx", "disclosure_reply", "政府信息公开申请答复书", "武侯府信复〔2024〕第058号"),
    ("03-dibao-abaga.pdf", "assistance_notice", "别力古台镇2024年第三季度城乡最低生活保障新增对象公示", ""),
    ("05-zhongbiao-nanshan.pdf", "procurement_result", "深圳市南山区教育局2024年中小学智慧教室设备采购项目中标结果公告", ""),
    ("10-qingshi-nanming.pdf", "request",  # a title wrapped over two lines; a 请示 about 医疗救助 money is a 请示
     "关于申请追加2024年度城乡居民基本医疗保险财政补助资金及医疗救助配套资金的请示", "南医保呈〔2024〕19号"),
    ("21-anzhi-dazhou.pdf", "expropriation", "通川区西外片区棚户区改造项目安置房源分配结果公示", ""),  # a cited 文号
    ("11-xinwen-wuchang.docx", "news", "武昌区“15分钟便民生活圈”让居民幸福感“近在咫尺”", ""),  # by its byline
    ("52-zhengqiu-jinniu.docx", "other", "成都市金牛区城市管理领域轻微违法行为免罚清单（征求意见稿）", ""),
])
def test_kind_title_and_number_of_real_looking_documents(name, kind, title, number):
    guess = recognize_document(load_document(REALDOCS / name))
    assert (guess.code, guess.title, guess.doc_number) == (kind, title, number), guess.evidence
    assert guess.evidence


def test_the_sample_decision():
    guess = recognize_document(load_document(resource("samples", "penalty-decision.docx")))
    assert guess.code == "penalty_decision" and guess.profile == "punitive-notice"
    assert guess.title == "重庆市某区市场监督管理局行政处罚决定书"  # the 版头's body before a bare 文种 heading
    assert guess.doc_number == "渝某市监处罚〔2026〕118号"


def test_a_number_cited_in_a_sentence_is_not_the_documents_and_words_decide_without_a_title():
    lines = ["根据《达州市安置房分配办法》（通府规〔2023〕2号），现将有关事项说明如下。", "当事人：王某", "违法事实如下。",
             "本局决定处以罚款。"]
    guess = recognize(lines)
    assert guess.doc_number == "" and guess.code == "penalty_decision" and "正文含" in guess.evidence


def test_every_kind_names_a_profile_that_loads():
    from reviewer.core.deidentify.profiles import load_profile

    catalog = load_kinds()
    assert len(catalog.kinds) >= 12
    for kind in (*catalog.kinds, catalog.get("other")):
        assert load_profile(kind.profile).name == kind.profile


@pytest.mark.parametrize(("text", "message"), [
    ("version: 1\nkinds:\n  - {code: a, zh: 甲, en: A, profile: general, titles: [x], colour: red}\n", "colour"),
    ("version: 1\nkinds:\n  - {code: a, zh: 甲, en: A, profile: general, titles: ['(']}\n", "titles"),
    ("version: 1\nkinds:\n  - {code: a, zh: 甲, en: A, profile: general, titles: [x], roster_role: boss}\n", "boss"),
    ("version: 1\nkinds:\n  - {code: other, zh: 甲, en: A, profile: general, titles: [x]}\n", "other"),
    ("version: 2\nkinds: []\n", "version"),
])
def test_the_catalogue_is_strict(tmp_path: Path, text, message):
    path = tmp_path / "kinds.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigurationError) as info:
        load_kinds(path)
    assert message in str(info.value)

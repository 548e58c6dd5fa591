"""Restriction wording missed on real documents (issue 25): a telegram's 内部明电 and 等级：特急, notices made
of restriction marks only, internal-research and distribution-limit statements, a 请示 title wrapped over two
lines; and talk about restrictions that must stay quiet."""

from __future__ import annotations

import pytest

from tests.core.detection.classified.helpers import docx_like, found


def test_a_telegram_head():
    document = docx_like("内部明电", "等级：特急", "喀什地区行政公署办公室关于做好动物疫病防控工作的紧急通知",
                         "各县（市）人民政府：", "近日，我区发生疫情。")
    assert ("INTERNAL_USE", "内部明电") in found(document)
    assert ("URGENCY_MARKING", "等级：特急") in found(document)


def test_internal_telegram_at_the_end_of_the_issuing_office_line():
    document = docx_like("特急", "西宁市人民政府办公室内部明电", "发电单位：西宁市人民政府办公室")
    assert ("INTERNAL_USE", "内部明电") in found(document)


@pytest.mark.parametrize("sentence, phrase", [
    ("本纪要发至区政府领导，区政府各部门主要负责人。注意保密，用后收回。", "注意保密"),
    ("本报告仅供内部研究参考，不得外传、不得转载。", "仅供内部研究"),
    ("本刊为内部资料，请妥善保管，不得外传", "为内部资料"),
    ("（此件发至县处级，不得在互联网上传播）", "发至县处级"),
])
def test_restriction_notices(sentence, phrase):
    kinds = {(t, text) for t, text in found(docx_like(*BODY_START, sentence))}
    assert any(t == "INTERNAL_USE" and phrase in text for t, text in kinds)


def test_a_request_title_wrapped_over_two_lines():
    document = docx_like("南明区医疗保障局文件", "南医保呈〔2024〕19号", "关于申请追加2024年度城乡居民基本医疗保险财政补助资金的",
                         "请示", "区人民政府：")
    # the whole title, its first line included (the lone 请示 alone left the subject readable)
    assert ("PROCESS_INFORMATION", "关于申请追加2024年度城乡居民基本医疗保险财政补助资金的\n请示") in found(document)


@pytest.mark.parametrize("sentence", [
    "各单位要加强内部资料管理，注意保密工作，严格执行用后收回制度。",
    "涉及国家秘密的部分已按规定单独管理，其余内容依法公开。",
    "会议要求，相关材料不得在互联网上传播的规定要落实到位。",
])
def test_talk_about_restrictions_is_not_flagged(sentence):
    assert [f for f in found(docx_like(*BODY_START, sentence)) if f[0] == "INTERNAL_USE"] == []


BODY_START = ("南京市玄武区市场监督管理局", "关于2024年国庆假期舆情的分析报告", "区委宣传部：", "现将有关情况报告如下。")

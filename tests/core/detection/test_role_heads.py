"""A role word ending in 人 right before a name stays out of the name (issue 25): the model sometimes takes the
role word or its 人 into the span (人陈建波, 承租人沈国梁), and the copy would lose it (被告陈某). The whole
pipeline on a real docx: sentences of a judgment and a Word table whose cells hold the role and the name."""

from __future__ import annotations

import pytest

from reviewer.core.detection import analyze
from reviewer.core.detection.guards import role_head_end
from reviewer.core.documents import load_document
from tests.official_docs import write_docx

PARAGRAPHS = [
    "浙江省温州市鹿城区人民法院刑事判决书",
    "公诉机关温州市鹿城区人民检察院。",
    "被告人陈建波，男，1988年5月12日出生，汉族。",
    "本院认为，被告人陈建波违反国家毒品管理规定，其行为已构成贩卖毒品罪。",
    "辩护人林晓东，浙江瓯越律师事务所律师。",
]
TABLE = [
    ["序号", "被征收人", "房屋坐落"],
    ["1", "承租人沈国梁，共同居住人陆美华", "虹口区塘沽路583弄12号"],
    ["2", "产权人徐慧芳、徐慧玲", "虹口区海宁路766号1202室"],
]


@pytest.fixture(scope="module")
def detected(tmp_path_factory):
    path = write_docx(tmp_path_factory.mktemp("roles") / "role-heads.docx", PARAGRAPHS, TABLE)
    loaded = load_document(path)
    return loaded, [f for f in analyze(loaded) if f.entity_type == "PERSON"]


def test_names_after_role_words_ending_in_ren_are_the_names_alone(detected):
    _document, persons = detected
    texts = [f.text for f in persons]
    assert set(texts) >= {"陈建波", "林晓东", "沈国梁", "陆美华", "徐慧芳", "徐慧玲"}
    assert not [t for t in texts if "人" in t], texts


@pytest.mark.parametrize(("span", "name"), [
    ("被告人陈建波", "陈建波"), ("承租人沈国梁", "沈国梁"), ("产权人徐慧芳", "徐慧芳"), ("证人唐国华", "唐国华"),
    ("法定代表人欧阳明", "欧阳明"),
    # names with 人 in them, and a span at the start of the text (no role word before its 人)
    ("李人杰", "李人杰"), ("王人美", "王人美"), ("人民", "人民"), ("申请人王", "申请人王"),
])
def test_role_head_end(span, name):
    text = "经查，" + span + "。"
    start = role_head_end(text, 3, 3 + len(span))
    assert text[start:3 + len(span)] == name


def test_a_bare_ren_is_cut_only_after_a_word(detected):
    text = "人陈建波"
    assert role_head_end(text, 0, len(text)) == 0
    text = "被告人陈建波"
    assert role_head_end(text, 2, len(text)) == 3

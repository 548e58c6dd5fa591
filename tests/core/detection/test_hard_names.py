"""Names written the ways government documents write them (issue 25, realdocs 69-76), on real files: the whole
pipeline on hard_names.docx and hard_names.pdf (tests/data/detection/make_hard_names.py, hand-checked). Each test
is one rule: padded names after a unit or a title, the same name wherever it stands, Yi, Tibetan and Mongolian
names, sex after a name, bylines, titles before a colon, household-member cells, a name broken by a line end; and
what must stay no name (an ethnicity, a padded label, a spaced-out title, a shop's trade name at a wrap)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.detection import analyze
from reviewer.core.detection.normalize import padded_names
from reviewer.core.documents import load_document
from reviewer.core.types import is_possible

DATA = Path(__file__).resolve().parents[2] / "data" / "detection"


@pytest.fixture(scope="module")
def docx():
    document = load_document(DATA / "hard_names.docx")
    return document, analyze(document)


@pytest.fixture(scope="module")
def pdf():
    document = load_document(DATA / "hard_names.pdf")
    return document, analyze(document)


def _sure(findings) -> list:
    return [f for f in findings if f.entity_type == "PERSON" and not is_possible(f)]


def _names_at(detected, line: str) -> list[str]:
    """The sure PERSON findings inside the paragraph or line that starts with `line`."""
    document, findings = detected
    start = document.text.index(line)
    end = document.text.find("\n", start)
    end = len(document.text) if end < 0 else end
    return [f.text for f in _sure(findings) if start <= f.start and f.end <= end]


def test_padded_names_after_a_unit_are_names_even_when_they_are_words(docx):
    assert _names_at(docx, "人民医院急诊科") == ["雷　鸣"]  # 雷鸣 (thunder) is a word; the padding makes it a name
    assert _names_at(docx, "社棠派出所") == ["闫小平", "苟　磊"]


def test_the_author_field_holds_a_padded_name(docx):
    document, findings = docx
    author = next(b for b in document.blocks if b.attrs.get("name") == "creator")
    # read as a name column of its own (detection/pdf_cells.property_cells), padded as typed
    assert any(f.start == author.start and f.text == "雷　鸣" and f.attributes.get("column") == "作者姓名"
               for f in _sure(findings))


def test_padded_names_glued_to_the_sentence_after_a_title_or_role_word(docx):
    assert _names_at(docx, "农业农村局局长") == ["何　平"]
    assert _names_at(docx, "现场检查发现") == ["刘　芳"]


def test_a_padded_label_and_a_spaced_out_title_are_no_names(docx):
    document, findings = docx
    for word in ("通　报", "姓　名"):
        at = document.text.index(word)
        assert not any(f.entity_type == "PERSON" and f.start < at + 3 and at < f.end for f in findings), word
    assert padded_names("通　报\n姓　名：\n决　定　书") == []


def test_a_second_byline_name_after_a_wide_space(docx):
    assert _names_at(docx, "记者") == ["次仁旺堆", "高原", "白云"]


def test_a_name_before_its_sex_is_whole_and_found_again_in_the_sentence(docx):
    assert _names_at(docx, "当事人阿苏拉惹") == ["阿苏拉惹", "吉克伍呷"]  # a Yi clan opens both
    assert _names_at(docx, "经查") == ["阿苏拉惹"]


def test_tibetan_and_mongolian_names_are_not_cut(docx):
    assert _names_at(docx, "村民三郎泽仁") == ["三郎泽仁", "泽旺多吉"]
    assert _names_at(docx, "9月3日上午") == ["乌力吉巴雅尔"]


def test_a_title_and_a_colon_before_a_long_name_without_a_dot(docx):
    assert _names_at(docx, "经办人") == ["马　丽", "叶尔江·木合塔尔", "巴合提别克"]


def test_a_name_cut_one_character_long_is_cut_back_to_the_name_found_above(docx):
    assert _names_at(docx, "其中，民警") == ["闫小平", "苟磊"]


def test_an_ethnicity_is_no_name(docx):
    assert _names_at(docx, "备注") == []


def test_rivers_in_a_list_are_no_names(docx):
    document, findings = docx
    start = document.text.index("2024年7月，我区")
    end = document.text.index("\n", start)
    assert not any(f.entity_type == "PERSON" and start <= f.start < end for f in findings)


def test_household_members_with_their_relation_are_names(docx):
    document, findings = docx
    cell = next(b for b in document.blocks if b.text.startswith("阿依古丽·买买提（妻）"))
    found = [f.text for f in _sure(findings) if cell.start <= f.start and f.end <= cell.start + len(cell.text)]
    assert found == ["阿依古丽·买买提", "米热阿依", "努尔曼古丽"]


def test_a_name_broken_by_the_line_end_is_found_from_its_other_occurrence(pdf):
    document, findings = pdf
    persons = {f.text for f in _sure(findings)}
    assert "唐\n国华" in persons and "唐国华" in persons


def test_a_two_character_name_is_joined_to_its_last_character_on_the_next_line(pdf):
    document, findings = pdf
    assert "邓建\n华" in {f.text for f in _sure(findings)}
    assert not any(f.text == "邓建" for f in findings)


def test_a_trade_name_wrapped_in_its_cell_is_no_person(pdf):
    document, findings = pdf
    start = document.text.index("开封市鼓楼区阿")
    end = document.text.index("餐厅", start) + 2
    assert not any(f.entity_type == "PERSON" and f.start < end and start < f.end for f in findings)


def test_household_members_are_family_by_their_bracketed_relation(docx):
    document, findings = docx
    roles = {f.text: f.attributes.get("role") for f in _sure(findings)}
    assert [roles[n] for n in ("阿依古丽·买买提", "米热阿依", "努尔曼古丽")] == ["family"] * 3


def test_a_mongolian_name_after_a_relation_word(docx):
    assert _names_at(docx, "户主巴特已故") == ["巴特", "其木格"]


def test_a_list_of_names_closed_by_a_count(docx):
    assert _names_at(docx, "农业农村局组织兽医") == ["王　斌", "泽旺", "田野"]


def test_a_name_after_a_role_word_broken_by_the_line_end(pdf):
    document, findings = pdf
    assert "周\n建国" in {f.text for f in _sure(findings)}


def test_a_sentence_after_a_colon_is_no_name_and_a_title_makes_no_trade_name(docx):
    # the five-character run after 主持人： is in no transliteration's characters; 刘淇 is no shop's trade name
    assert _names_at(docx, "主持人") == ["刘淇"]


def test_a_section_glued_to_its_agency_is_no_name(docx):
    document, findings = docx
    start = document.text.index("蜀山区教育体育局")
    end = document.text.index("\n", start)
    assert not any(f.entity_type == "PERSON" and start <= f.start < end for f in findings)

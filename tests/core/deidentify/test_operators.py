"""Operators, table-driven: the conventions of DOMAIN.md §5 exactly."""

import pytest

from reviewer.core.deidentify.operators import generalize_address, keyed_hash, label, mask, redact
from reviewer.core.deidentify.pseudonyms import NamePseudonymizer, surname_of


@pytest.mark.parametrize(("value", "head", "tail", "expected"), [
    ("13896001234", 3, 4, "138****1234"),
    ("500106198703154515", 6, 4, "500106********4515"),
    ("500106198703154515", 2, 3, "50*************515"),
    ("6217003320012345677", 0, 4, "***************5677"),
    ("023-65432100", 3, 4, "023-****2100"),
    ("138 9600 1234", 3, 4, "138 **** 1234"),
    ("12", 3, 4, "1*"),  # never returns the value unmasked
])
def test_mask_keeps_head_and_tail(value, head, tail, expected):
    assert mask(value, keep_head=head, keep_tail=tail) == expected


def test_redact_and_label():
    assert redact("王建国") == "███"
    assert label("500106198703154515", entity_type="CN_ID_CARD") == "[身份证号]"
    assert label("x", entity_type="CN_ID_CARD", text="证件号") == "[证件号]"


@pytest.mark.parametrize(("address", "expected"), [
    ("重庆市沙坪坝区小龙坎街道天星桥正街42号3单元502室", "重庆市沙坪坝区小龙坎街道"),
    ("江苏省镇江市京口区正东路街道学府路5号", "江苏省镇江市京口区正东路街道"),  # 镇 of 镇江 is not a township
    ("四川省成都市双流区黄水镇文星村3组", "四川省成都市双流区黄水镇"),
    ("北京市朝阳区建国门外大街1号", "北京市朝阳区"),  # no township: county level
    ("天星桥正街42号", "████████"),  # nothing to generalise to: removed
])
def test_address_generalised_to_township(address, expected):
    assert generalize_address(address) == expected


def test_keyed_hash_is_stable_per_key_and_differs_across_keys():
    a = keyed_hash("王建国", key=b"k1" * 16, entity_type="PERSON")
    assert a == keyed_hash("王 建国", key=b"k1" * 16, entity_type="PERSON")
    assert a != keyed_hash("王建国", key=b"k2" * 16, entity_type="PERSON")
    assert a != keyed_hash("王建国", key=b"k1" * 16, entity_type="CN_ID_CARD")
    assert "王建国" not in a and a.startswith("[姓名-")
    with pytest.raises(ValueError):
        keyed_hash("王建国", key=b"", entity_type="PERSON")


def test_names_by_convention():
    names = NamePseudonymizer().assign(["王建国", "张伟", "李晓梅", "张敏", "王建国", "欧阳修文", "买买提·艾力"])
    assert names["王建国"] == "王某"
    assert names["张伟"] == "张某甲" and names["张敏"] == "张某乙"  # same surname, different people
    assert names["李晓梅"] == "李某"
    assert names["欧阳修文"] == "欧阳某"  # compound surname kept whole
    assert names["买买提·艾力"] == "买某"  # minority name keeps its first character
    assert NamePseudonymizer(given="某某").assign(["李晓梅"])["李晓梅"] == "李某某"
    assert surname_of("司马光") == "司马" and surname_of("司马") == "司"


def test_same_person_same_pseudonym_despite_spacing():
    names = NamePseudonymizer().assign(["王建国", "王 建国", "王建军"])
    assert names["王建国"] == "王某甲" and names["王建军"] == "王某乙" and len(names) == 2

"""suggest_attribute: the most restrictive reason wins; codes come from the catalog; the printed 附注 is
compared with the suggestion."""

from reviewer.core.detection.classified import detect, suggest_attribute
from reviewer.core.legal_basis import load_catalog
from reviewer.core.types import Category, DisclosureAttribute, EntityType, Finding

from .helpers import BODY, docx_like


def _personal(text="张三"):
    return Finding(entity_type=EntityType.PERSON, start=0, end=len(text), text=text, score=0.9,
                   recognizer="test", explanation="", category=Category.PERSONAL)


def test_state_secret_wins_over_everything():
    findings = detect(docx_like("秘密★1年", *BODY[:4], "此件不得翻印。", *BODY[4:], "（此件公开发布）"))
    s = suggest_attribute([*findings, _personal()])
    assert s.attribute is DisclosureAttribute.WITHHELD
    assert s.legal_basis == ("第十四条", "保密法实施条例第五条")
    assert s.reasons == ("CLASSIFIED_MARKING",)
    assert "《中华人民共和国政府信息公开条例》第十四条" in s.rationale and "解密" in s.rationale
    assert s.printed_attribute is DisclosureAttribute.PROACTIVE and s.conflicts_with_printed
    assert "不一致" in s.rationale


def test_statement_alone_is_enough_for_article_14():
    s = suggest_attribute(detect(docx_like(*BODY[:4], "本文件含国家秘密，请妥善保管。", *BODY[4:])))
    assert s.attribute is DisclosureAttribute.WITHHELD and s.reasons == ("STATE_SECRET_STATEMENT",)


def test_work_secret_internal_and_process_use_article_16():
    s = suggest_attribute(detect(docx_like("工作秘密", *BODY)))
    assert s.attribute is DisclosureAttribute.WITHHELD
    assert s.legal_basis == ("第十六条(一)", "保密法第六十四条")
    s = suggest_attribute(detect(docx_like("（征求意见稿）", *BODY)))
    assert s.legal_basis == ("第十六条(二)",) and "过程性" in s.rationale and "可以不予公开" in s.rationale


def test_personal_information_only_suggests_release_after_redaction():
    s = suggest_attribute([_personal()])
    assert s.attribute is DisclosureAttribute.REDACTED_RELEASE
    assert s.legal_basis == ("第十五条", "第三十七条") and s.reasons == ("PERSON",)
    assert "姓名" in s.rationale and "张三" not in s.rationale  # kinds only: the rationale is logged


def test_nothing_found_suggests_proactive_and_agrees_with_the_printed_note():
    s = suggest_attribute(detect(docx_like(*BODY, "（此件公开发布）")))
    assert s.attribute is DisclosureAttribute.PROACTIVE and s.legal_basis == ("第十九条",)
    assert s.printed_attribute is DisclosureAttribute.PROACTIVE and not s.conflicts_with_printed
    assert "不一致" not in s.rationale


def test_every_suggested_code_is_in_the_catalog():
    catalog = load_catalog()
    cases = [docx_like("秘密", *BODY), docx_like("工作秘密", *BODY), docx_like("内部资料", *BODY),
             docx_like("（讨论稿）", *BODY), docx_like(*BODY)]
    for document in cases:
        for code in suggest_attribute(detect(document)).legal_basis:
            assert code in catalog

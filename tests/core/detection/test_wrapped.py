"""Identifiers broken across lines in PDF page text are found whole; table rows are not glued."""

from __future__ import annotations

from reviewer.core.detection import analyze
from reviewer.core.detection.config import PROJECT_ROOT
from reviewer.core.detection.normalize import unwrap_lines
from reviewer.core.documents import load_document

WRAPPED = PROJECT_ROOT / "tests" / "data" / "detection" / "wrapped.pdf"


def test_wrapped_identifiers_in_a_real_pdf():
    document = load_document(WRAPPED)
    found = {(f.entity_type, f.text.replace("\n", "")) for f in analyze(document)
             if f.entity_type not in {"PERSON", "CN_ADDRESS", "ORGANIZATION"}}
    assert found == {("CN_ID_CARD", "500106198703154515"), ("CN_MOBILE_PHONE", "13983021456"),
                     ("EMAIL_ADDRESS", "wangjianguo@example.com"), ("CN_MOBILE_PHONE", "13896001234"),
                     ("CN_MOBILE_PHONE", "13896001235")}
    idcard = next(f for f in analyze(document) if f.entity_type == "CN_ID_CARD")
    assert idcard.text == document.text[idcard.start:idcard.end] and "\n" in idcard.text
    assert idcard.locator["page"] == 1 and len(idcard.locator["boxes"]) == 18


def test_unwrap_lines_only_joins_identifier_characters():
    assert unwrap_lines("没有换行") is None
    assert unwrap_lines("第一行。\n第二行") is None
    u = unwrap_lines("号码500106\n19870315，电话\n139")
    assert u is not None and u.text == "号码50010619870315，电话\n139"
    assert u.spans_a_cut(2, 16) and not u.spans_a_cut(0, 8)
    assert u.span_to_original(2, 16) == (2, 17)

"""Property tests: any text, any mix of full-width and invisible characters, the findings stay exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.detection.analyze import analyze_patterns
from reviewer.core.detection.normalize import normalize
from tests.core.detection.conftest import make_document

PIECES = ["身份证号", "500106198703154515", "１３８９６００１２３４", "13896001234", "\u200b", "\u00ad", "，", "。",
          "\n", " ", "QQ：", "12345678", "渝A·D12345", "wjg@163.com", "账号", "6217003320012345677", "某", "*",
          "出生", "1987年3月15日", "023-65432100", "（", "）", "Ｅ", "E12345678", "患有", "抑郁症", "〔2018〕76号"]


def _to_full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=30), st.booleans())
def test_findings_are_exact_slices_with_locators(pieces, full_width):
    text = "".join(pieces)
    if full_width:
        text = _to_full_width(text)
    document = make_document(text)
    for f in analyze_patterns(document):
        assert 0 <= f.start < f.end <= len(document.text)
        assert f.text == document.text[f.start:f.end]
        assert "\n" not in f.text
        assert f.locator == document.locate(f.start, f.end)
        assert f.explanation and f.recognizer.startswith("Cn") and 0 < f.score <= 1


@given(st.text(max_size=60))
def test_normalize_keeps_or_removes_every_character_in_order(text):
    norm = normalize(text)
    positions = [norm.to_original(i) for i in range(len(norm.text))]
    assert positions == sorted(set(positions))
    assert all(0 <= p < len(text) for p in positions)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES + ["\n", "5001061987\n03154515", "139\n83021456"]), max_size=30))
def test_page_blocks_with_line_breaks_give_exact_slices(pieces):
    from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat

    text = "".join(pieces)
    blocks = [Block(kind=BlockKind.PAGE, part=f"page {i}", path=f"page[{i}]", text=text, page=i) for i in (1, 2)]
    document = Document.build(path="memory.pdf", format=DocumentFormat.PDF, sha256="", size=0, blocks=blocks)
    findings = analyze_patterns(document)
    for f in findings:
        assert f.text == document.text[f.start:f.end]
        assert document.block_at(f.start) is document.block_at(f.end - 1)  # never across blocks
    spans = sorted((f.start, f.end) for f in findings)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # pattern findings never overlap

"""Any text in any block kind: detect never fails, spans index Document.text, every finding has a locator."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.detection.classified import detect, suggest_attribute
from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat

PIECES = ["秘密", "机密", "绝密", "★", "5年", "6个月", "000001", "特急", "本文件", "此件", "含国家秘密", "不",
          "如", "内部资料", "注意保存", "（", "）", "《", "》", "“", "”", "征求意见稿", "的请示", "公开发布",
          "密级", "：", "，", "。", " ", "\u3000", "\n", "工作秘密", "的", "公开方式", "主动公开", "１", "a"]
KINDS = [BlockKind.PARAGRAPH, BlockKind.HEADER, BlockKind.FOOTER, BlockKind.TABLE_CELL, BlockKind.COMMENT,
         BlockKind.PROPERTY, BlockKind.LINE, BlockKind.PAGE, BlockKind.TEXTBOX]

texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
blocks = st.lists(st.tuples(st.sampled_from(KINDS), texts, st.booleans()), min_size=1, max_size=8)


def _block(kind, text, with_boxes, i):
    boxes = None
    if kind is BlockKind.PAGE and with_boxes:
        boxes = tuple(None if ch == "\n" else (10.0 * k, 20.0, 10.0 * k + 9, 30.0) for k, ch in enumerate(text))
    return Block(kind, "part", f"p[{i}]", text, boxes=boxes, page=1 if kind is BlockKind.PAGE else None,
                 attrs={"name": "custom:密级"} if kind is BlockKind.PROPERTY else {})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks)
def test_detect_is_total_and_offsets_are_exact(spec):
    document = Document.build(path="f", format=DocumentFormat.DOCX, sha256="0", size=0,
                              blocks=[_block(k, t, b, i) for i, (k, t, b) in enumerate(spec)])
    findings = detect(document, threshold=0.01)
    for f in findings:
        assert 0 <= f.start < f.end <= len(document.text)
        assert document.text[f.start:f.end] == f.text and "\n" not in f.text
        assert f.locator["length"] == f.end - f.start and f.explanation and f.severity is not None
    suggest_attribute(findings)

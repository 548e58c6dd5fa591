"""CN_QQ: QQ numbers (5-11 digits, no leading 0): reported only next to a context word (QQ, 扣扣)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from reviewer.core.detection.recognizers.base import CnPatternRecognizer, lead

CONTEXT_ONLY_SCORE = 0.05


class CnQqRecognizer(CnPatternRecognizer):
    ENTITY = "CN_QQ"
    LABEL = "QQ号码"
    PATTERNS = (
        Pattern("QQ号码（需上下文）", lead("[1-9]", "[0-9A-Za-z*×.@_-]") + r"[0-9]{4,10}(?![0-9A-Za-z*×@_]|\.[0-9A-Za-z])",
                CONTEXT_ONLY_SCORE),
    )
    CONTEXT = ("QQ", "扣扣", "企鹅号")
    CONTEXT_WINDOW = 10

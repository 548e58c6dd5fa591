"""CN_HK_MACAO_PERMIT: 往来港澳通行证 (C + letter/digit + 7 digits; old booklets W + 8 digits) and
港澳居民来往内地通行证 (H or M + 8 or 10 digits). The letters are too generic to report without a
context word (港澳, 通行证, 回乡证).
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from reviewer.core.detection.context import SENTENCE_BOUNDARY
from reviewer.core.detection.recognizers.base import NOT_AFTER, CnPatternRecognizer, lead


class CnHkMacaoPermitRecognizer(CnPatternRecognizer):
    ENTITY = "CN_HK_MACAO_PERMIT"
    LABEL = "港澳通行证号码"
    PATTERNS = (
        Pattern("往来港澳通行证", lead("C") + r"[0-9A-HJ-NP-Z][0-9]{7}" + NOT_AFTER, 0.35),
        Pattern("旧版往来港澳通行证", lead("W") + r"[0-9]{8}" + NOT_AFTER, 0.3),
        Pattern("港澳居民来往内地通行证", lead("[HM]") + r"[0-9]{8}(?:[0-9]{2})?" + NOT_AFTER, 0.3),
    )
    CONTEXT = ("港澳", "通行证", "回乡证", "往来港澳", "来往内地")
    # The document type is often named once for the sentence: 证件类型：往来港澳通行证，证件号码：C…,
    # or after the number: M10482637（港澳居民来往内地通行证）.
    CONTEXT_WINDOW = 30
    SUFFIX_WINDOW = 20
    CONTEXT_BOUNDARY = SENTENCE_BOUNDARY

"""CN_PASSPORT: passport numbers: E + 8 digits or E + letter + 7 digits (electronic ordinary
passports), G + 8 digits (older ordinary), P/S/D + 7-8 digits (public affairs, service, diplomatic),
K + 8 digits (Hong Kong SAR). Only the E/G forms are common enough to report without a context word.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from reviewer.core.detection.context import SENTENCE_BOUNDARY
from reviewer.core.detection.recognizers.base import NOT_AFTER, CnPatternRecognizer, lead


class CnPassportRecognizer(CnPatternRecognizer):
    ENTITY = "CN_PASSPORT"
    LABEL = "护照号码"
    PATTERNS = (
        Pattern("电子普通护照", lead("E") + r"(?:[0-9]{8}|[A-HJ-NP-Z][0-9]{7})" + NOT_AFTER, 0.55),
        Pattern("旧版普通护照", lead("G") + r"[0-9]{8}" + NOT_AFTER, 0.5),
        Pattern("公务/外交/特区护照（需上下文）", lead("[PSDK]") + r"(?:(?<=[PSD])[0-9]{7,8}|(?<=K)[0-9]{8})" + NOT_AFTER, 0.3),
        # a foreign passport (美国籍，护照号561234871): any 6-12 letters and digits right after the label
        Pattern("紧随“护照号”的证件号码", r"(?:(?<=护照号)|(?<=护照号码)|(?<=护照号：)|(?<=护照号码：)|(?<=护照号:)|"
                r"(?<=护照号码:))[A-Z0-9]{6,12}" + NOT_AFTER, 0.75),
    )
    GUARDS = {"紧随“护照号”的证件号码": "护照号"}
    CONTEXT = ("护照", "passport", "出入境证件", "旅行证件")
    CONTEXT_WINDOW = 30
    SUFFIX_WINDOW = 12
    CONTEXT_BOUNDARY = SENTENCE_BOUNDARY

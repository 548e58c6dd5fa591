"""CN_WECHAT: WeChat ids (a letter, then 5-19 letters, digits, _ or -): only next to a context word.

A phone number or QQ number used as a WeChat id is already reported by those recognizers.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from reviewer.core.detection.recognizers.base import CnPatternRecognizer, lead


class CnWechatRecognizer(CnPatternRecognizer):
    ENTITY = "CN_WECHAT"
    LABEL = "微信号"
    PATTERNS = (
        Pattern("微信号（需上下文）", lead("[A-Za-z]", "[0-9A-Za-z_.@-]") + r"[A-Za-z0-9_-]{5,19}(?![0-9A-Za-z_@-]|\.[A-Za-z])",
                0.05),
    )
    CONTEXT = ("微信", "WeChat", "wechat", "weixin", "VX", "vx")
    CONTEXT_WINDOW = 10

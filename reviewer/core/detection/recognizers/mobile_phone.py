"""CN_MOBILE_PHONE: mainland mobile numbers, 1[3-9] + 9 digits, with +86/0086, spaces or dashes."""

from __future__ import annotations

from presidio_analyzer import Pattern

from reviewer.core.detection.recognizers.base import (
    NOT_AFTER,
    NOT_BEFORE,
    Check,
    CnPatternRecognizer,
    compact,
    lead,
)

# Second and third digits allocated to mobile networks (MIIT numbering plan); 14x/16x/17x/19x
# blocks include data-only and virtual-operator ranges, which still identify a subscriber.
_UNALLOCATED = frozenset({"154", "160", "161", "163", "164", "168", "169", "179", "194"})
_PREFIX = r"(?:(?:\+|00)86[ -]?|[(（](?:\+|00)?86[)）][ -]?)"


class CnMobilePhoneRecognizer(CnPatternRecognizer):
    ENTITY = "CN_MOBILE_PHONE"
    LABEL = "手机号码"
    PATTERNS = (
        Pattern("11位手机号", lead("1") + r"[3-9][0-9]{9}" + NOT_AFTER, 0.8),
        Pattern("手机号（3-4-4分组）", lead("1") + r"[3-9][0-9][ -][0-9]{4}[ -][0-9]{4}" + NOT_AFTER, 0.8),
        Pattern("手机号（4-3-4分组）", lead("1") + r"[3-9][0-9]{2}[ -][0-9]{3}[ -][0-9]{4}" + NOT_AFTER, 0.8),
        Pattern("带国家码的手机号", NOT_BEFORE + _PREFIX + r"1[3-9][0-9](?:[ -]?[0-9]{4}){2}" + NOT_AFTER, 0.8),
    )
    CONTEXT = ("手机", "电话", "联系方式", "联系", "致电", "号码", "短信", "微信", "tel", "mobile")
    GUARDS = {"带国家码的手机号": "86"}
    # an 11-digit serial after these is a certificate or badge number (执法证号15020423011), not a phone
    NEGATIVE_CONTEXT = ("编号", "订单号", "流水号", "单号", "批次号", "证号", "警号", "工号", "执法证", "证件号")

    def check(self, value: str, pattern: Pattern) -> Check:
        digits = compact(value).lstrip("+")
        if digits.startswith("0086"):
            digits = digits[4:]
        elif digits.startswith("86") and len(digits) == 13:
            digits = digits[2:]
        if digits[:3] in _UNALLOCATED:
            return Check(None, f"号段{digits[:3]}未分配给移动网络", False)
        return Check(pattern.score, f"号段{digits[:3]}属于移动网络号段（无校验位）")

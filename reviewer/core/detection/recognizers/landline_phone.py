"""CN_LANDLINE_PHONE: fixed-line numbers, area code (010, 02x, 0xxx) + 7-8 digits, extensions.

Forms seen in documents: 023-65432100, (023)65432100, （023）6543 2100, 023 65432100, +86-23-65432100,
023-65432100-8012, 023-65432100转8012. A bare 7-8 digit local number is reported only with a
context word (电话, 联系方式). Service numbers (12345, 95xxx, 400/800) are not personal: the local part
must start with 2-9 and be 7-8 digits, which they are not.
"""

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

_AREA = r"(?:10|2[0-9]|[3-9][0-9]{2})"  # after the leading 0
_LOCAL = r"[2-9][0-9]{2,3}[ -]?[0-9]{4}"
_EXT = r"(?:(?:-|转|分机|ext\.?|EXT\.?)[0-9]{1,5})?"


class CnLandlinePhoneRecognizer(CnPatternRecognizer):
    ENTITY = "CN_LANDLINE_PHONE"
    LABEL = "固定电话号码"
    PATTERNS = (
        Pattern("区号-号码", lead("0") + _AREA + r"[ -]" + _LOCAL + _EXT + NOT_AFTER, 0.7),
        Pattern("（区号）号码", r"[(（]0" + _AREA + r"[)）][ -]?" + _LOCAL + _EXT + NOT_AFTER, 0.7),
        Pattern("+86 区号 号码", NOT_BEFORE + r"(?:\+|00)86[ -]?(?:10|2[0-9]|[3-9][0-9]{2})[ -]"
                + _LOCAL + _EXT + NOT_AFTER, 0.7),
        Pattern("区号号码连写", lead("0") + _AREA + r"[2-9][0-9]{6,7}" + NOT_AFTER, 0.4),
        Pattern("本地号码（需上下文）", lead("[2-9]", "[0-9A-Za-z*×(（)）-]") + r"[0-9]{2,3}-?[0-9]{4}" + NOT_AFTER, 0.2),
    )
    CONTEXT = ("电话", "座机", "联系方式", "传真", "办公室", "致电", "拨打", "专线", "tel", "fax")
    CONTEXT_WINDOW = 16
    GUARDS = {"+86 区号 号码": "86"}
    # not 热线: a short hotline (12345) never has a landline's shape, and "12345热线或…专线027-88865213" names
    # a landline after the word (issue 25)
    NEGATIVE_CONTEXT = ("邮编", "邮政编码", "编号", "文号", "金额", "元", "证号", "警号", "工号", "执法证")

    def check(self, value: str, pattern: Pattern) -> Check:
        digits = compact(value)
        if pattern.name.startswith("本地号码"):
            return Check(pattern.score, f"{len(digits)}位本地号码，无区号，需要上下文确认")
        return Check(pattern.score, "区号格式有效（固定电话没有校验位）")

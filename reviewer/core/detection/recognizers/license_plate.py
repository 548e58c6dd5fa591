"""CN_LICENSE_PLATE: motor-vehicle plates (GA 36): 渝A12345, 渝A·12345, new-energy 渝AD12345 / 渝A12345D.

Province abbreviation + issuing-office letter (no I/O) + optional separator (·, space, dash) + 5
characters (regular) or 6 (new energy: D/F first for small cars, last for large ones). Regular plates
carry at least 3 digits; special plates end in 挂/学/警/港/澳/领/使/试/超.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from reviewer.core.detection.recognizers.base import Check, CnPatternRecognizer, compact, lead

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_L = "[A-HJ-NP-Z]"
_LN = "[A-HJ-NP-Z0-9]"
_HEAD = lead(f"[{PROVINCES}]", "[A-Za-z0-9]") + f" ?{_L}[·. -]?"
_TAIL = r"(?![A-Za-z0-9])"


class CnLicensePlateRecognizer(CnPatternRecognizer):
    ENTITY = "CN_LICENSE_PLATE"
    LABEL = "机动车号牌"
    PATTERNS = (
        Pattern("新能源号牌（6位）", _HEAD + r"(?:[DF]" + _LN + r"[0-9]{4}|[0-9]{5}[DF])" + _TAIL, 0.85),
        Pattern("普通号牌（5位）", _HEAD + _LN + "{5}" + _TAIL, 0.8),
        Pattern("特种号牌", _HEAD + _LN + "{4}[挂学警港澳领使试超]", 0.8),
    )
    CONTEXT = ("车牌", "号牌", "车辆", "机动车", "驾驶", "车号", "停车", "牌照")

    def check(self, value: str, pattern: Pattern) -> Check:
        serial = compact(value)[2:]
        if pattern.name.startswith("普通") and len(re.findall("[0-9]", serial)) < 3:
            return Check(0.3, "序号中数字少于3位，不像普通号牌", None)
        return Check(pattern.score, f"省份简称“{value[0]}”、发牌机关代号与序号格式有效（号牌没有校验位）")

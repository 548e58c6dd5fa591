"""CN_BIRTH_DATE: a date is personal information only when it is a birth date (出生日期, 生于, …出生).

Dates in general (document dates, deadlines) are not: every date pattern here has a near-zero score and
is reported only with a context word in the same clause, before or right after the date.
"""

from __future__ import annotations

import datetime as dt
import re

from presidio_analyzer import Pattern

from reviewer.core.detection.recognizers.base import Check, CnPatternRecognizer, lead

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}
_Y = r"(?:(?<=1)[89]|(?<=2)0)[0-9]{2}"  # after lead("[12]")
_CNY = "[〇○零一二三四五六七八九]{4}"
_CNMD = "[一二三四五六七八九十]{1,3}"


def _cn_number(text: str) -> int:
    """Chinese numerals up to 31 (十二, 二十三, 三十一) or digit by digit (一九八七)."""
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


class CnBirthDateRecognizer(CnPatternRecognizer):
    ENTITY = "CN_BIRTH_DATE"
    LABEL = "出生日期"
    PATTERNS = (
        Pattern("年月日", lead("[12]", "[0-9]") + _Y + r" ?年 ?[0-9]{1,2} ?月(?: ?[0-9]{1,2} ?日)?", 0.05),
        Pattern("数字日期", lead("[12]", "[0-9.]") + _Y + r"[-./](?:0?[1-9]|1[0-2])(?:[-./](?:0?[1-9]|[12][0-9]|3[01]))?"
                r"(?![0-9]|\.[0-9])", 0.05),
        Pattern("8位日期", lead("[12]", "[0-9A-Za-z]") + _Y + r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?![0-9A-Za-z])",
                0.05),
        Pattern("中文数字日期", _CNY + "年" + _CNMD + "月(?:" + _CNMD + "日)?", 0.05),
    )
    CONTEXT = ("出生", "生日", "生于", "诞生", "出生年月", "出生日期")
    CONTEXT_WINDOW = 12
    SUFFIX_WINDOW = 3
    SUFFIX_CONTEXT_RE = re.compile(r" ?生(?=人|$|[\s，,。；;）)、])")
    # 发生于/产生于 contain 生于; 生效 and 生产 dates are not birth dates.
    NEGATIVE_CONTEXT = ("发生", "产生", "生效", "生产", "卫生", "生态")

    def check(self, value: str, pattern: Pattern) -> Check:
        if pattern.name == "中文数字日期":
            parts = re.split("[年月日]", value)
            numbers = [_cn_number(p) for p in parts if p]
        else:
            numbers = [int(n) for n in re.findall("[0-9]+", value)] if pattern.name != "8位日期" else [
                int(value[:4]), int(value[4:6]), int(value[6:8])]
        year, month, day = (numbers + [1, 1])[:3]
        try:
            born = dt.date(year, month, day)
        except ValueError:
            return Check(None, "日期不存在", False)
        if born > dt.date.today():
            return Check(None, "日期在将来，不是出生日期", False)
        return Check(pattern.score, "日期有效；日期本身不是个人信息，只有“出生”等上下文时才报告")

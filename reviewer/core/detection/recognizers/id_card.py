"""CN_ID_CARD: 公民身份号码 (GB 11643-1999), 18 digits, and first-generation 15-digit numbers.

18 digits = 6-digit region code + birth date YYYYMMDD + 3-digit sequence + ISO 7064 MOD 11-2 check
character (0-9 or X). Only the province part of the region code is checked: an ID keeps the code it was
issued with, so a retired code (pre-1997 Chongqing IDs start 51…) or one created later is still valid.
A failed check character is still reported, lower, as a possibly mistyped ID: a typo in a draft still
identifies a person. An impossible birth date means it is not an ID.
"""

from __future__ import annotations

import datetime as dt

from presidio_analyzer import Pattern

from reviewer.core.detection.recognizers.base import NOT_AFTER, Check, CnPatternRecognizer, compact, lead

PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "71", "81", "82", "83",  # 83: Taiwan residents' residence permits (2018)
    "91", "92", "93", "94", "95", "96", "97", "98", "99",  # foreigners' permanent residence ID (2023)
})
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"

VALID_SCORE = 1.0
BAD_CHECKSUM_SCORE = 0.6
OLD_ID_SCORE = 0.5


def check_character(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits."""
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def birth_date(digits: str) -> dt.date | None:
    """The birth date encoded in an 18- or 15-digit number, or None if impossible."""
    try:
        if len(digits) == 18:
            born = dt.date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
        else:
            born = dt.date(1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12]))
    except ValueError:
        return None
    if born.year < 1890 or born > dt.date.today():
        return None
    return born


_DATE = r"(?:18[89][0-9]|19[0-9]{2}|20[0-9]{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"


class CnIdCardRecognizer(CnPatternRecognizer):
    ENTITY = "CN_ID_CARD"
    LABEL = "公民身份号码"
    PATTERNS = (
        Pattern("18位身份号码", lead("[1-9]") + r"[0-9]{5}" + _DATE + r"[0-9]{3}[0-9Xx]" + NOT_AFTER, 0.6),
        Pattern("18位身份号码（分组书写）",
                lead("[1-9]") + r"[0-9]{5}[ -]" + _DATE + r"[ -][0-9]{3}[0-9Xx]" + NOT_AFTER, 0.6),
        Pattern("18位身份号码（4位分组）",
                lead("[1-9]") + r"[0-9]{3}(?: [0-9]{4}){3} [0-9][0-9Xx]" + NOT_AFTER, 0.6),
        Pattern("残疾人证号（身份号码+类别等级）",
                lead("[1-9]") + r"[0-9]{5}" + _DATE + r"[0-9]{3}[0-9Xx][1-7][1-4]" + NOT_AFTER, 0.6),
        Pattern("15位身份号码（一代证）",
                lead("[1-9]") + r"[0-9]{5}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}"
                + NOT_AFTER, OLD_ID_SCORE),
    )
    CONTEXT = ("身份证", "身份号码", "公民身份", "证件号", "身份证号", "证号", "居民身份")
    NEGATIVE_CONTEXT = ("注册号", "账号", "账户", "卡号", "订单号", "编号", "流水号")

    def check(self, value: str, pattern: Pattern) -> Check:
        digits = compact(value).upper()
        if len(digits) == 20:  # 残疾人证号: the holder's ID number + disability category and grade
            return self.check(digits[:18], pattern)
        if digits[:2] not in PROVINCES:
            return Check(None, f"前两位{digits[:2]}不是省级行政区划代码", False)
        born = birth_date(digits)
        if born is None:
            return Check(None, "出生日期不存在", False)
        when = f"出生日期{born.isoformat()}有效"
        if len(digits) == 15:
            return Check(OLD_ID_SCORE, f"15位一代身份号码，{when}，一代证没有校验位", None)
        expected = check_character(digits[:17])
        if digits[17] == expected:
            return Check(VALID_SCORE, f"省级区划代码{digits[:2]}、{when}、校验码正确", True)
        return Check(BAD_CHECKSUM_SCORE,
                     f"{when}，但校验码应为{expected}而不是{digits[17]}：可能是录入错误的身份号码", False)

"""CN_USCC: 统一社会信用代码 (GB 32100-2015), 18 characters with a check character.

Registration authority (1 char) + organisation type (1) + region code (6 digits) + organisation code
(9) + check character, over the alphabet 0-9A-HJ-NPQRTUWXY (no I, O, S, V, Z). It identifies a person
when it belongs to a sole trader (个体工商户), so it is reported as personal information for review.
A failed check character is reported only with a context word (信用代码), as a possible typo.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from reviewer.core.detection.recognizers.base import NOT_AFTER, Check, CnPatternRecognizer, lead

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_C = "[0-9A-HJ-NPQRTUWXY]"


def uscc_check_character(first17: str) -> str:
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


class CnUsccRecognizer(CnPatternRecognizer):
    ENTITY = "CN_USCC"
    LABEL = "统一社会信用代码"
    PATTERNS = (
        Pattern("18位统一社会信用代码",
                lead("[1-9A-HJ-NPQRTUWY]") + r"[1-9][0-9]{6}" + _C + "{9}" + _C + NOT_AFTER, 0.3),
    )
    CONTEXT = ("信用代码", "社会信用", "营业执照", "纳税人识别号", "税号", "组织机构代码")

    def check(self, value: str, pattern: Pattern) -> Check:
        expected = uscc_check_character(value[:17])
        if value[17] == expected:
            # X is a letter of the code's alphabet: 9150010664A97MXXXW is a real, valid code (the
            # benchmark's roster had five such codes, all missed while XXX meant "masked")
            if value.isdigit():
                return Check(0.5, "GB 32100校验码正确（全数字，也可能是其他编号）", True)
            return Check(1.0, "GB 32100校验码正确", True)
        if "XXX" in value:  # 91500106MA5U7XXXX0: masked, already de-identified (its check fails)
            return Check(None, "含连续的X且校验码不符，是已去标识化的代码", False)
        return Check(0.3, f"校验码应为{expected}而不是{value[17]}：可能是录入错误的统一社会信用代码", False)

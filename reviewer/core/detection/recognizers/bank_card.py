"""CN_BANK_CARD: bank card numbers (16-19 digits, Luhn) and bank account numbers (by context).

A Luhn-valid number with a card-scheme prefix (UnionPay 62, Visa 4, Mastercard 5/2, Amex 34/37,
JCB 35, domestic 9) is a card. Corporate and savings account numbers (12-25 digits, no check digit)
cannot be told from other numbers by form alone: they are reported only with a context word
(账号, 账户, 开户, 卡号) in the same clause.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from reviewer.core.detection.recognizers.base import NOT_AFTER, Check, CnPatternRecognizer, compact, lead

CARD_SCORE = 0.85
ACCOUNT_SCORE = 0.15
_SCHEMES = ("62", "4", "51", "52", "53", "54", "55", "22", "23", "24", "25", "26", "27", "34", "37", "35", "9")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


class CnBankCardRecognizer(CnPatternRecognizer):
    ENTITY = "CN_BANK_CARD"
    LABEL = "银行卡号/账号"
    PATTERNS = (
        Pattern("银行卡号/账号（连写）", lead("[0-9]") + r"[0-9]{11,24}" + NOT_AFTER, ACCOUNT_SCORE),
        Pattern("银行卡号（4位分组）", lead("[0-9]") + r"[0-9]{3}(?:[ -][0-9]{4}){2,3}(?:[ -][0-9]{1,4})?"
                + NOT_AFTER, ACCOUNT_SCORE),
        Pattern("银行账号（分段）", lead("[0-9]") + r"[0-9]{1,5}(?:-[0-9]{2,12}){1,4}" + NOT_AFTER, ACCOUNT_SCORE),
    )
    CONTEXT = ("账号", "帐号", "账户", "帐户", "卡号", "银行卡", "开户", "银行", "存折", "社保卡", "收款")
    CONTEXT_WINDOW = 24
    NEGATIVE_CONTEXT = ("身份证", "身份号码", "电话", "手机", "信用代码", "编号", "订单", "文号", "案号")

    def check(self, value: str, pattern: Pattern) -> Check:
        digits = compact(value)
        if not 12 <= len(digits) <= 25:
            return Check(None, "位数不符合银行卡号或账号", False)
        if 16 <= len(digits) <= 19 and luhn_ok(digits):
            if digits.startswith(_SCHEMES):
                return Check(CARD_SCORE, f"{len(digits)}位，Luhn校验通过，卡组织前缀{digits[:2]}有效", True)
            return Check(0.45, f"{len(digits)}位，Luhn校验通过，但前缀{digits[:2]}不属于常见卡组织", None)
        return Check(ACCOUNT_SCORE, f"{len(digits)}位数字，无校验位，按账号处理，需要“账号/账户”等上下文确认")

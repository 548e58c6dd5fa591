"""Explanations a reviewer can read, rendered from presidio's decision process.

presidio records for each result the recognizer, the pattern, the validation result and the context
word that raised the score (`AnalysisExplanation`). We turn that into one Chinese sentence, e.g.
公民身份号码：CnIdCardRecognizer 按模式“18位身份号码”识别；校验：…校验码正确；上下文“身份号码”使分数由 0.60 升至 0.95。
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

LABELS = {
    "CN_ID_CARD": "公民身份号码", "CN_MOBILE_PHONE": "手机号码", "CN_LANDLINE_PHONE": "固定电话号码",
    "EMAIL_ADDRESS": "电子邮箱", "CN_BANK_CARD": "银行卡号/账号", "CN_USCC": "统一社会信用代码",
    "CN_LICENSE_PLATE": "机动车号牌", "CN_PASSPORT": "护照号码", "CN_HK_MACAO_PERMIT": "港澳通行证号码",
    "IP_ADDRESS": "IP地址", "CN_QQ": "QQ号码", "CN_WECHAT": "微信号", "CN_BIRTH_DATE": "出生日期",
    "SENSITIVE_PERSONAL": "敏感个人信息", "PERSON": "姓名", "CN_ADDRESS": "地址", "ORGANIZATION": "机构名称",
    "TERM_BLOCK": "单位敏感词（阻断发布）", "TERM_REVIEW": "单位敏感词（敏感表述）", "TERM_DENY": "单位必删词",
}


def label_of(entity_type: str) -> str:
    return LABELS.get(entity_type, entity_type)


def explain(result: RecognizerResult) -> str:
    """One sentence: what found it, how it was checked, which context word raised the score."""
    e = result.analysis_explanation
    label = label_of(result.entity_type)
    if e is None:
        return f"{label}：得分 {result.score:.2f}。"
    how = f"{e.recognizer} 按模式“{e.pattern_name}”识别" if e.pattern_name else f"{e.recognizer} 识别"
    parts = [f"{label}：{how}"]
    if e.textual_explanation:
        parts.append(f"校验：{e.textual_explanation}" if e.pattern_name else f"依据：{e.textual_explanation}")
    if e.supportive_context_word and result.score > e.original_score:
        parts.append(f"上下文“{e.supportive_context_word}”使分数由 {e.original_score:.2f} 升至 {result.score:.2f}")
    elif e.supportive_context_word:
        parts.append(f"上下文“{e.supportive_context_word}”印证；分数 {result.score:.2f}")
    else:
        parts.append(f"分数 {result.score:.2f}")
    return "；".join(parts) + "。"

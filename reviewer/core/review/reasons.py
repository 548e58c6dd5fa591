"""Reasons a reviewer rejects a finding, stored as codes so the review record shows them in its own language.

The reject dialog offers these presets; a reason typed by hand is stored as typed. A code is what the decision
row and its audit event hold (`Decision.reason`), whatever language the interface had.
"""

from __future__ import annotations

# code → (Chinese, English)
REJECT_REASONS: dict[str, tuple[str, str]] = {
    "not_personal": ("不属于个人信息", "Not personal information"),
    "wrongly_detected": ("识别错误", "Wrongly detected"),
    "punitive_notice": ("应当保留：惩戒性公示", "Must stay: punitive notice"),
    "mandatory_disclosure": ("应当保留：法定公开事项", "Must stay: mandatory disclosure"),
    "already_public": ("已公开的信息", "Already public"),
    "institutional_contact": ("机构联系方式，按规定公开", "Institutional contact, published by design"),
    "official_role": ("公职人员履行职务，依法公开", "An official acting in a public role"),
    "not_this_note": ("不是本件的公开属性附注", "Not this document's disclosure note"),
}


def reason_label(reason: str | None, language: str = "zh") -> str:
    """A preset reason in `language` ("zh" or "en"); a reason typed by hand as it was typed."""
    if not reason:
        return ""
    labels = REJECT_REASONS.get(reason)
    if labels is None:
        return reason
    return labels[0] if language == "zh" else labels[1]


def reason_code(text: str) -> str:
    """The code of a preset shown in either language (the dialog's text), else the text itself."""
    text = text.strip()
    for code, labels in REJECT_REASONS.items():
        if text in labels or text == code:
            return code
    return text

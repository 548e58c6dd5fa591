"""Channel and audience (公开方式和范围): the audience the rules name for a document kind, and a warning when the
channel the reviewer chose reaches further.

征收分户补偿 is published within the expropriation area (房屋征收与补偿条例第二十九条), 低保 applicants in their
village or community (社会救助暂行办法第十一条), a penalty decision to the public. The scopes, from narrow to wide,
and the words that name them are in resources/judgments.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.core.detection.judgments.rules import SCOPES, JudgmentRules, KindRule
from reviewer.core.documents.model import Document


@dataclass(frozen=True, slots=True)
class ChannelAdvice:
    kind: str | None  # the document kind the advice is for (None: no rule for it)
    suggestion: str  # text for the attribute's 公开方式与范围 field ("" without a rule)
    source: str
    chosen_scope: str | None  # the widest scope the chosen channel names (None: not recognised or empty)
    warning: str  # "" when the chosen channel is not wider than the rules' audience


_NEGATED = re.compile(r"(?:不|非|勿|禁止|不得|不宜)[^，。；、]{0,3}$")


def scope_of(channel: str, rules: JudgmentRules) -> str | None:
    """The widest scope a free-text channel names (公示栏、政府网站 → public); a negated one (不在政府网站公开)
    does not count."""
    def named(word: str) -> bool:
        return any(not _NEGATED.search(channel[:m.start()]) for m in re.finditer(re.escape(word), channel))

    found = [s.key for s in rules.scopes if any(named(w) for w in s.words)]
    return max(found, key=SCOPES.index) if found else None


def advice(kind: str | None, chosen: str, rules: JudgmentRules) -> ChannelAdvice:
    """What the rules say for `kind` (a document-kind name, e.g. 征收分户补偿), and whether `chosen` is wider."""
    rule: KindRule | None = rules.kinds.get(kind or "")
    chosen_scope = scope_of(chosen, rules) if chosen.strip() else None
    if rule is None:
        return ChannelAdvice(kind, "", "", chosen_scope, "")
    warning = ""
    if chosen_scope is not None and SCOPES.index(chosen_scope) > SCOPES.index(rule.scope):
        audience = next(s.zh for s in rules.scopes if s.key == rule.scope)
        wider = next(s.zh for s in rules.scopes if s.key == chosen_scope)
        warning = (f"所选公开方式“{chosen.strip()}”面向{wider}，超出{kind}规定的公开范围（{audience}）。"
                   f"依据：{rule.source}。请改为在规定范围内公开，或在公开方式与范围中说明扩大范围的理由。")
    return ChannelAdvice(kind, f"{rule.suggestion}（{rule.source}）", rule.source, chosen_scope, warning)


# --- TEMPORARY (issue 33): a minimal document-kind recogniser for the channel rules only. ------------------
# Document-kind recognition is built on branch `policy` (issue 26); when it lands, replace `document_kind`
# with the policy engineer's recogniser and map its kind names onto the keys of channel.kinds in
# resources/judgments.yaml. It recognises only the three kinds the channel rules name, from the title lines.
_KINDS = (
    ("处罚决定", re.compile(r"(?:行政)?处罚决定书")),
    ("征收分户补偿", re.compile(r"分户补偿|征收[^\n]{0,20}补偿[^\n]{0,10}(?:公示|公布|情况|结果)")),
    ("低保公示", re.compile(r"(?:低保|最低生活保障|特困|临时救助|医疗救助)[^\n]{0,20}(?:公示|名单|公布)")),
)


def document_kind(document: Document, *, head_lines: int = 8) -> str | None:
    """TEMPORARY: the kind named by the document's first lines, for the channel rules (see above)."""
    head = "\n".join([b.text.strip() for b in document.blocks if b.text.strip()][:head_lines])
    return next((kind for kind, pattern in _KINDS if pattern.search(head)), None)
# --- end TEMPORARY -------------------------------------------------------------------------------------------

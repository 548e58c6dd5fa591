"""Suggestions for the attribute's three judgments (wording, timing, channel and scope), from the wording and
timing findings the reviewer still stands by, the dates the document sets and its kind (issue 33)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from reviewer.core.detection.judgments import JudgmentContext, timing_suggestion
from reviewer.core.detection.judgments.channel import advice, document_kind
from reviewer.core.detection.judgments.rules import load_judgments
from reviewer.core.types import WORDING_TYPES, EntityType

_WORDING_ZH = {
    EntityType.WORDING_OUTDATED_NAME: "机构改革前的名称",
    EntityType.WORDING_DRAFT_STATUS: "草稿标记",
    EntityType.WORDING_PROMISE: "绝对化承诺",
    EntityType.WORDING_NUMBER_YEAR: "文号年份与成文日期不一致",
    EntityType.WORDING_FUTURE_DATE: "成文日期晚于今天",
    EntityType.TERM_REVIEW: "单位敏感词库中的敏感表述",
}
CHECKED_ZH = "机构名称（2018年机构改革）、草稿标记、绝对化承诺、文号年份、成文日期和单位敏感词库"


@dataclass(frozen=True, slots=True)
class JudgmentSuggestion:
    wording: str  # for 公开内容表述
    timing: str  # for 公开时机
    channel: str  # for 公开方式与范围 ("" when no rule names the document's audience)
    channel_warning: str  # "" unless the chosen channel reaches further than the rules' audience
    kind: str | None  # the document kind the channel rule was taken for


def suggest_judgments(review, *, channel: str = "", release: datetime.date | None = None  # noqa: ANN001
                      ) -> JudgmentSuggestion:
    """`review`: a `service.review.DocumentReview`; `channel`: the channel the reviewer has chosen so far."""
    if review.document_id is None:
        wording = "尚未检测：请先运行检测（Ctrl+D）。"
    else:
        kept = [s.finding for s in review.stored() if s.active and not s.resolved_as_not_applicable
                and (s.finding.entity_type in WORDING_TYPES or s.finding.entity_type == EntityType.TERM_REVIEW)]
        if kept:
            parts = []
            for entity_type, name in _WORDING_ZH.items():
                texts = list(dict.fromkeys(f.text for f in kept if f.entity_type == entity_type))
                if texts:
                    shown = "、".join(f"“{t}”" for t in texts[:3]) + ("等" if len(texts) > 3 else "")
                    parts.append(f"{name} {len(texts)} 处（{shown}）")
            wording = "；".join(parts) + "：请修改或说明可以保留的理由。"
        else:
            wording = f"已检查{CHECKED_ZH}，未发现需修改的表述（或已逐条驳回）。"
    timing = timing_suggestion(review.document, JudgmentContext(release=release))
    kind = document_kind(review.document)
    found = advice(kind, channel, load_judgments())
    return JudgmentSuggestion(wording, timing, found.suggestion, found.warning, kind)


def channel_warning(review, channel: str) -> str:  # noqa: ANN001
    """Only the channel check, for a dialog that re-checks as the reviewer types."""
    return advice(document_kind(review.document), channel, load_judgments()).warning

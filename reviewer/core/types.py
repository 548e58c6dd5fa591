"""Value types shared by the whole core: frozen dataclasses and Enums, stored by value."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Category(StrEnum):
    """What kind of problem a finding is; fixed by the `reviewer scan` output contract."""

    PERSONAL = "personal"  # personal information (GB/T 35273)
    RESTRICTED = "restricted"  # classified or restricted content (保守国家秘密法, GB/T 9704 markings)
    OTHER = "other"  # e.g. organisation names: shown, but not personal information


class Severity(StrEnum):
    BLOCK = "block"  # release must be refused (live state-secret marking); redaction does not cure it
    REVIEW = "review"
    INFO = "info"


class EntityType(StrEnum):
    """Entity type names: the contract used by the CLI, exports, profiles and tests."""

    # personal information, structured identifiers
    CN_ID_CARD = "CN_ID_CARD"
    CN_MOBILE_PHONE = "CN_MOBILE_PHONE"
    CN_LANDLINE_PHONE = "CN_LANDLINE_PHONE"
    EMAIL_ADDRESS = "EMAIL_ADDRESS"
    CN_BANK_CARD = "CN_BANK_CARD"
    CN_USCC = "CN_USCC"
    CN_LICENSE_PLATE = "CN_LICENSE_PLATE"
    CN_PASSPORT = "CN_PASSPORT"
    CN_HK_MACAO_PERMIT = "CN_HK_MACAO_PERMIT"
    IP_ADDRESS = "IP_ADDRESS"
    CN_QQ = "CN_QQ"
    CN_WECHAT = "CN_WECHAT"
    CN_BIRTH_DATE = "CN_BIRTH_DATE"
    SENSITIVE_PERSONAL = "SENSITIVE_PERSONAL"
    # personal information from NER + rules
    PERSON = "PERSON"
    CN_ADDRESS = "CN_ADDRESS"
    # other
    ORGANIZATION = "ORGANIZATION"
    # restricted content
    CLASSIFIED_MARKING = "CLASSIFIED_MARKING"
    COPY_NUMBER = "COPY_NUMBER"
    URGENCY_MARKING = "URGENCY_MARKING"
    STATE_SECRET_STATEMENT = "STATE_SECRET_STATEMENT"
    WORK_SECRET = "WORK_SECRET"
    INTERNAL_USE = "INTERNAL_USE"
    PROCESS_INFORMATION = "PROCESS_INFORMATION"
    DISCLOSURE_NOTE = "DISCLOSURE_NOTE"
    # the office's own term lists (敏感词库, issue 33): block release / sensitive wording / always remove
    TERM_BLOCK = "TERM_BLOCK"
    TERM_REVIEW = "TERM_REVIEW"
    TERM_DENY = "TERM_DENY"
    # judgments of wording and timing the 2018 work plan asks for (section 十四; issue 33)
    WORDING_OUTDATED_NAME = "WORDING_OUTDATED_NAME"  # a body renamed in the 2018 reform named as current
    WORDING_DRAFT_STATUS = "WORDING_DRAFT_STATUS"  # 征求意见稿… in a document recorded as 主动公开
    WORDING_PROMISE = "WORDING_PROMISE"  # an absolute commitment (确保100%, 绝不…)
    WORDING_NUMBER_YEAR = "WORDING_NUMBER_YEAR"  # 文号 year ≠ year of the 成文日期
    WORDING_FUTURE_DATE = "WORDING_FUTURE_DATE"  # 成文日期 after today
    TIMING_DEADLINE = "TIMING_DEADLINE"  # …前报送: past or too close at the planned release date
    TIMING_EFFECTIVE = "TIMING_EFFECTIVE"  # 自…起施行 / 有效期至…: past or too close at the release date
    TIMING_EMBARGO = "TIMING_EMBARGO"  # …之前不得公开
    # added by a reviewer from a text selection
    MANUAL = "MANUAL"


RESTRICTED_TYPES = frozenset(
    {
        EntityType.CLASSIFIED_MARKING,
        EntityType.COPY_NUMBER,
        EntityType.URGENCY_MARKING,
        EntityType.STATE_SECRET_STATEMENT,
        EntityType.WORK_SECRET,
        EntityType.INTERNAL_USE,
        EntityType.PROCESS_INFORMATION,
        EntityType.DISCLOSURE_NOTE,
    }
)
WORDING_TYPES = frozenset({
    EntityType.WORDING_OUTDATED_NAME, EntityType.WORDING_DRAFT_STATUS, EntityType.WORDING_PROMISE,
    EntityType.WORDING_NUMBER_YEAR, EntityType.WORDING_FUTURE_DATE})
TIMING_TYPES = frozenset({EntityType.TIMING_DEADLINE, EntityType.TIMING_EFFECTIVE, EntityType.TIMING_EMBARGO})
# Findings that call for a judgment, not for a redaction: accepting one acknowledges it and the text stays
# (a wrong name or date is corrected by the drafters, not blacked out). Category `other`.
JUDGMENT_TYPES = WORDING_TYPES | TIMING_TYPES
# The office's term lists: a blocking term is restricted content (the export gate, no 主动公开); a deny-list
# term is removed like personal information under every profile; a review term is `other`.
TERM_TYPES = frozenset({EntityType.TERM_BLOCK, EntityType.TERM_REVIEW, EntityType.TERM_DENY})
OTHER_TYPES = frozenset({EntityType.ORGANIZATION, EntityType.TERM_REVIEW}) | JUDGMENT_TYPES


# A possible name (tier 2, detection/possible_names.py): a low-score PERSON candidate shown to the reviewer and
# never acted on unless accepted. Marked in `Finding.attributes[TIER] == POSSIBLE`.
TIER = "tier"
POSSIBLE = "possible"


def is_possible(finding: Any) -> bool:
    """Whether a finding (or anything with `attributes`) is a possible name, a tier-2 candidate."""
    attributes = getattr(finding, "attributes", None) or {}
    return attributes.get(TIER) == POSSIBLE


def category_of(entity_type: str) -> Category:
    if entity_type in RESTRICTED_TYPES or entity_type == EntityType.TERM_BLOCK:
        return Category.RESTRICTED
    if entity_type in OTHER_TYPES:
        return Category.OTHER
    return Category.PERSONAL


class DisclosureAttribute(StrEnum):
    PROACTIVE = "主动公开"
    ON_REQUEST = "依申请公开"
    WITHHELD = "不予公开"
    REDACTED_RELEASE = "删减后公开"


@dataclass(frozen=True, slots=True)
class Finding:
    """One detected span. `start`/`end` are offsets into `Document.text` (the detection text)."""

    entity_type: str
    start: int
    end: int
    text: str
    score: float
    recognizer: str
    explanation: str
    category: Category = Category.PERSONAL
    locator: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity | None = None
    # parsed facts, e.g. {"level": "机密", "period": "5年"} or {"attribute": "主动公开"}
    attributes: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self, path: str) -> dict[str, Any]:
        """The fixed `reviewer scan` JSON Lines record (extra keys only after the contract ones)."""
        record: dict[str, Any] = {
            "path": path,
            "entity_type": str(self.entity_type),
            "category": str(self.category),
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": round(float(self.score), 4),
            "locator": dict(self.locator),
            "recognizer": self.recognizer,
            "explanation": self.explanation,
        }
        if self.severity is not None:
            record["severity"] = str(self.severity)
        if self.attributes:
            record["attributes"] = dict(self.attributes)
        return record

"""What a batch says about each document: counts by type, the risk it ranks by, and the next step.

Risk tiers, most urgent first (issue 31):
  0 a `block` finding, which redaction does not cure: a live 密级 marking or a secrecy statement (these
    first), or a term on the office's block list (issue 33);
  1 checksummed identifiers the profile removes (公民身份号码 MOD 11-2, bank cards Luhn, 统一社会信用代码);
  2 names and addresses the profile removes, by count;
  3 anything else to decide (other identifiers, restricted phrases such as 工作秘密 or 内部资料);
  4 nothing detected to act on;
  5 refused or failed files (no result: the next step is to get a readable copy).
Counts are of findings at or above the profile's threshold whose operator changes the copy ("act"), so
the ranking and the next step agree with what an export under the batch's profile would do. The
summary holds counts and marking texts only, never a personal value: the report can be passed around.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from reviewer.core.deidentify.operators import OperatorKind
from reviewer.core.deidentify.profiles import Profile
from reviewer.core.types import EntityType, Finding, Severity

CHECKSUMMED = (EntityType.CN_ID_CARD, EntityType.CN_BANK_CARD, EntityType.CN_USCC)
NAMES_ADDRESSES = (EntityType.PERSON, EntityType.CN_ADDRESS)
TIERS = ("classified", "identifiers", "names", "other", "none", "refused")
NEXT_OPEN, NEXT_PUBLISH, NEXT_REFUSED = "open", "publish", "refused"
NEXT_STEPS = {
    NEXT_OPEN: ("在应用中审查", "open in the app"),
    NEXT_PUBLISH: ("可发布（未检出需处理的内容）", "safe to publish: nothing detected to act on"),
    NEXT_REFUSED: ("无法处理的文件：请取得可读的副本", "refused file: get a readable copy"),
}


def profile_rules(profile: Profile) -> dict[str, Any]:
    """The profile as plain data (operator and threshold per type) for the batch's settings: a worker
    on another machine applies the same rules without the profile file."""
    rules = {
        str(t): [str(profile.rule_for(str(t)).operator), profile.rule_for(str(t)).threshold]
        for t in EntityType
    }
    return {"name": profile.name, "rules": rules}


def _acts(rules: Mapping[str, Any], f: Finding) -> bool:
    operator, threshold = rules["rules"].get(str(f.entity_type), [str(OperatorKind.REDACT), 0.0])
    return operator != str(OperatorKind.KEEP) and f.score >= threshold


def summarize(
    findings: Iterable[Finding], rules: Mapping[str, Any], *, fmt: str = "", chars: int = 0, note: str = ""
) -> dict[str, Any]:
    """The triage summary of one document's findings (stored as the batch item's result)."""
    findings = list(findings)
    counts = Counter(str(f.entity_type) for f in findings)
    act = Counter(str(f.entity_type) for f in findings if _acts(rules, f))
    block = [f for f in findings if f.severity == Severity.BLOCK]
    review = sum(1 for f in findings if f.severity == Severity.REVIEW)
    markings = sorted({f.text.strip() for f in block if f.entity_type == EntityType.CLASSIFIED_MARKING})
    return {
        "format": fmt,
        "chars": chars,
        "findings": len(findings),
        "counts": dict(sorted(counts.items())),
        "act": dict(sorted(act.items())),
        "block": len(block),
        "review": review,
        "markings": markings,
        "note": note,
    }


def tier(result: Mapping[str, Any] | None) -> int:
    if result is None:
        return 5
    act = result["act"]
    if result["block"]:
        return 0
    if any(act.get(str(t)) for t in CHECKSUMMED):
        return 1
    if any(act.get(str(t)) for t in NAMES_ADDRESSES):
        return 2
    if sum(act.values()) or result["review"]:
        return 3
    return 4


def next_step(result: Mapping[str, Any] | None) -> str:
    t = tier(result)
    return NEXT_REFUSED if t == 5 else NEXT_PUBLISH if t == 4 else NEXT_OPEN


def rank_key(result: Mapping[str, Any] | None, key: str) -> tuple:
    """Sort key: tier, then the tier's own count (markings before statements in tier 0), then names and
    addresses, then everything to act on; the document's key breaks ties (a stable order)."""
    t = tier(result)
    if result is None:
        return (t, 0, 0, 0, 0, key)
    act = result["act"]
    own = {
        0: result["block"],
        1: sum(act.get(str(x), 0) for x in CHECKSUMMED),
        2: sum(act.get(str(x), 0) for x in NAMES_ADDRESSES),
    }.get(t, sum(act.values()) + result["review"])
    marked = -result["counts"].get(str(EntityType.CLASSIFIED_MARKING), 0)
    names = sum(act.get(str(x), 0) for x in NAMES_ADDRESSES)
    return (t, marked, -own, -names, -sum(act.values()), key)

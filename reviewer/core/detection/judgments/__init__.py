"""The judgments section 十四 of the 2018 work plan asks for beside secrets and privacy: wording (公开内容表述),
timing (公开时机) and channel (公开方式和范围).

`check_document(document, context)` gives the wording and timing findings (category `other`, severity review or
info, attribute `check` = "wording" or "timing", each with its reason). `JudgmentContext` carries what the
text cannot say: today, the planned release date and the recorded attribute; it is picklable and travels with
each analyze call to the detection process.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from reviewer.core.detection.judgments.dates import document_number, signing_date
from reviewer.core.detection.judgments.rules import load_bodies, load_judgments
from reviewer.core.detection.judgments.text import Text
from reviewer.core.detection.judgments.timing import suggestion, timing_facts, timing_findings
from reviewer.core.detection.judgments.wording import (
    draft_status,
    future_date,
    number_year,
    outdated_names,
    promises,
)
from reviewer.core.documents.model import Document
from reviewer.core.types import EntityType, Finding


@dataclass(frozen=True, slots=True)
class JudgmentContext:
    today: datetime.date | None = None  # None: the day of the check
    release: datetime.date | None = None  # planned release date; None: today
    attribute: str | None = None  # the recorded disclosure attribute (主动公开…), if any

    def resolved_today(self) -> datetime.date:
        return self.today or datetime.date.today()

    def resolved_release(self) -> datetime.date:
        return self.release or self.resolved_today()


def _head_end(text: Text, lines: int) -> int:
    """End of the document's first `lines` non-empty lines (its 版头 and title), in normalised offsets."""
    position, seen = 0, 0
    t = text.text
    while position < len(t) and seen < lines:
        end = t.find("\n", position)
        end = len(t) if end < 0 else end
        if t[position:end].strip():
            seen += 1
        position = end + 1
    return min(position, len(t))


_NOT_GIVEN = object()


def printed_attribute_of(findings: Iterable[Finding]) -> str | None:
    """The attribute the document's 附注 prints (（此件公开发布） → 主动公开), from its DISCLOSURE_NOTE finding."""
    return next((str(f.attributes["attribute"]) for f in findings
                 if f.entity_type == EntityType.DISCLOSURE_NOTE and f.attributes.get("attribute")), None)


def check_document(document: Document, context: JudgmentContext | None = None, *,
                   printed_attribute: str | None | object = _NOT_GIVEN) -> list[Finding]:
    """Wording and timing findings. `printed_attribute`: the attribute the document's 附注 prints, used for the
    draft-status check when no attribute is recorded (`analyze` passes it; otherwise it is read here)."""
    context = context or JudgmentContext()
    if printed_attribute is _NOT_GIVEN:
        from reviewer.core.detection.classified import detect

        printed_attribute = printed_attribute_of(detect(document))
    rules, bodies = load_judgments(), load_bodies()
    text = Text.of(document)
    today, release = context.resolved_today(), context.resolved_release()
    signed, number = signing_date(document), document_number(document)
    out = outdated_names(text, bodies, signed, today)
    out += draft_status(text, rules, context.attribute or printed_attribute, _head_end(text, rules.draft_head_lines))
    out += promises(text, rules)
    out += number_year(text, number, signed)
    out += future_date(text, signed, today)
    facts = timing_facts(text, rules, base_year=(signed.value if signed else release).year)
    out += timing_findings(text, facts, rules, release=release, release_given=context.release is not None)
    return sorted(out, key=lambda f: (f.start, f.end))


def timing_suggestion(document: Document, context: JudgmentContext | None = None) -> str:
    """Text for the attribute's 公开时机 field from every date the document sets."""
    context = context or JudgmentContext()
    rules = load_judgments()
    signed = signing_date(document)
    release = context.resolved_release()
    facts = timing_facts(Text.of(document), rules, base_year=(signed.value if signed else release).year)
    return suggestion(facts, release=release, signed=signed, rules=rules)


__all__ = ["JudgmentContext", "check_document", "printed_attribute_of", "timing_suggestion"]

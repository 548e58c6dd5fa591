"""CLASSIFIED_MARKING: the state-secret mark 密级★保密期限 (GB/T 9704 版头; 保守国家秘密法 levels).

Forms: `机密★5年`, `秘密★6个月`, `绝密★长期`, `绝密★启用前`, `秘密★2030年12月31日`, the level alone (`秘密`)
when no period is set, and the labelled form of drafting sheets (`密级：机密`). The level and the period
are parsed into the finding's attributes; a period longer than the legal maximum is pointed out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reviewer.core.detection.classified.candidates import Candidate, Placement, alternation, positional_score
from reviewer.core.detection.classified.layout import Line, Zone
from reviewer.core.detection.classified.rules import ClassifiedRules
from reviewer.core.types import EntityType, Severity

_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> int | None:
    """Arabic (also full-width) or simple Chinese numerals up to 99: "5", "５", "六", "十五", "三十"."""
    text = unicodedata.normalize("NFKC", text).strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


@dataclass(frozen=True, slots=True)
class DocContext:
    """Facts about the whole document that a line-level decision needs."""

    previous: dict[int, str]  # line start -> text of the previous non-empty line in the same zone run


class ClassifiedMarkingRecognizer:
    name = "classified_marking"
    entity_type = EntityType.CLASSIFIED_MARKING

    def __init__(self, rules: ClassifiedRules) -> None:
        self.rules = rules
        levels = alternation(rules.levels, spaced=True)
        stars = "[" + "".join(re.escape(s) for s in rules.stars) + "]"
        periods = "|".join(f"(?P<{kind}>{p.pattern})" for kind, p in rules.periods.items())
        star_form = rf"(?P<level>{levels})级?\s*{stars}\s*(?:{periods})?"
        self._star = re.compile(star_form)
        # "密级：秘密　保密期限：一年" (forms and covers set the period apart under its own label)
        periods2 = "|".join(f"(?P<{kind}2>{p.pattern})" for kind, p in rules.periods.items())
        self._label = re.compile(rf"(?:{alternation(rules.classified_labels)})\s*[：:]?\s*"
                                 rf"(?:{star_form}|(?P<level2>{levels})级?(?:[\s，,；;]*保密期限\s*[：:]?\s*"
                                 rf"(?:{periods2}))?)")
        self._level = re.compile(rf"(?P<level>{levels})级?")
        self._label_line = re.compile(rf"^\s*(?:{alternation(rules.classified_labels)})\s*[：:]?\s*$")

    def candidates(self, line: Line) -> list[Candidate]:
        out = []
        for form, pattern in (("label", self._label), ("star", self._star), ("level", self._level)):
            for m in pattern.finditer(line.text):
                out.append(self._candidate(m, form))
        return out

    def _candidate(self, m: re.Match[str], form: str) -> Candidate:
        groups = {k.removesuffix("2"): v for k, v in m.groupdict().items() if v}
        level = groups["level"]
        level = re.sub(r"[ \u3000]", "", level)
        attributes: dict[str, object] = {"level": level}
        notes = [f"密级{level}"]
        for kind in self.rules.periods:
            if kind in groups:
                period = re.sub(r"\s+", "", unicodedata.normalize("NFKC", groups[kind]))
                attributes |= {"period": period, "period_kind": kind}
                notes.append(f"保密期限{period}" if kind in ("years", "months", "long_term") else
                             f"解密时间或条件“{period}”")
                amount = chinese_number(re.sub(r"个?月|年", "", period)) if kind in ("years", "months") else None
                if amount is not None:
                    attributes["years" if kind == "years" else "months"] = amount
                    limit = self.rules.max_years.get(level)
                    if kind == "years" and limit is not None and amount > limit:
                        notes.append(f"超过{level}级{limit}年的法定最长期限，请核对")
                break
        else:
            notes.append("未标保密期限")
        return Candidate(self.entity_type, m.start(), m.end(), form, self.name, attributes,
                         Severity.BLOCK, "，".join(notes))

    def score(self, line: Line, c: Candidate, p: Placement, ctx: DocContext) -> float:
        if c.form == "label":
            return positional_score(line, p, head=0.97, body_line=0.95, other=0.6) or (
                0.9 if not p.quoted and not p.sentence else 0.0)
        if c.form == "star":
            return positional_score(line, p, head=0.97, body_line=0.9, other=0.6)
        # the level alone: a mark in the 版头 or a header; on a body line only under a 密级 label
        if line.zone in (Zone.BODY, Zone.OTHER) and p.mark_line and self._label_line.match(
                ctx.previous.get(line.start, "")):
            return 0.9
        return positional_score(line, p, head=0.9, body_line=0.45, other=0.3)

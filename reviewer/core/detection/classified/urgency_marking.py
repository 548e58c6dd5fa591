"""URGENCY_MARKING: 紧急程度 (特急/加急; telegrams 特提/特急/加急/平急), a 版头 element under the 密级.

It does not restrict release; it is reported at `info` so the reviewer sees the whole 版头.
"""

from __future__ import annotations

import re

from reviewer.core.detection.classified.candidates import Candidate, Placement, alternation, positional_score
from reviewer.core.detection.classified.layout import Line
from reviewer.core.detection.classified.rules import ClassifiedRules
from reviewer.core.types import EntityType, Severity


class UrgencyMarkingRecognizer:
    name = "urgency_marking"
    entity_type = EntityType.URGENCY_MARKING

    def __init__(self, rules: ClassifiedRules) -> None:
        words = alternation(rules.urgency_words, spaced=True)
        self._label = re.compile(rf"(?:{alternation(rules.urgency_labels)})\s*[：:]?\s*(?P<word>{words})")
        self._word = re.compile(rf"(?P<word>{words})")

    def candidates(self, line: Line) -> list[Candidate]:
        out = []
        for form, pattern in (("label", self._label), ("word", self._word)):
            for m in pattern.finditer(line.text):
                word = re.sub(r"[ \u3000]", "", m.group("word"))
                out.append(Candidate(self.entity_type, m.start(), m.end(), form, self.name,
                                     {"urgency": word}, Severity.INFO, f"紧急程度{word}"))
        return out

    def score(self, line: Line, c: Candidate, p: Placement) -> float:
        if c.form == "label":
            return positional_score(line, p, head=0.95, body_line=0.9)
        return positional_score(line, p, head=0.9, body_line=0.6)

"""DISCLOSURE_NOTE: the disclosure attribute printed in the 附注 (`（此件公开发布）`, `（此件依申请公开）`,
`（此件不予公开）`, 删减后公开) or on a drafting sheet / cover (`公开方式：主动公开`).

The attribute is parsed so the review can compare it with the recorded one (DOMAIN §1). Only a note
that stands as a line of its own counts: a sentence explaining how to print the note is a mention.
"""

from __future__ import annotations

import re

from reviewer.core.detection.classified.candidates import Candidate, Placement, alternation, positional_score
from reviewer.core.detection.classified.layout import Line
from reviewer.core.detection.classified.rules import ClassifiedRules
from reviewer.core.types import EntityType, Severity


class DisclosureNoteRecognizer:
    name = "disclosure_note"
    entity_type = EntityType.DISCLOSURE_NOTE

    def __init__(self, rules: ClassifiedRules) -> None:
        self.rules = rules
        values = alternation(list(rules.note_values))
        self._note = re.compile(rf"(?:{alternation(rules.note_subjects)})\s*(?P<value>{values})")
        self._label = re.compile(rf"(?:{alternation(rules.note_labels)})\s*[：:]\s*(?P<value>{values})")
        # a drafting-sheet table: the label in one cell, the value alone in the next
        self._value = re.compile(rf"^\s*(?P<value>{values})\s*$")
        self._label_line = re.compile(rf"^\s*(?:{alternation(rules.note_labels)})\s*[：:]?\s*$")

    def candidates(self, line: Line) -> list[Candidate]:
        out = []
        for form, pattern in (("note", self._note), ("label", self._label), ("value", self._value)):
            for m in pattern.finditer(line.text):
                attribute = self.rules.note_values[m.group("value")]
                out.append(Candidate(self.entity_type, m.start(), m.end(), form, self.name,
                                     {"attribute": str(attribute)}, Severity.INFO,
                                     f"印制的公开属性为{attribute}"))
        return out

    def score(self, line: Line, c: Candidate, p: Placement, previous: str) -> float:
        if p.quoted or not p.mark_line:
            return 0.0
        if c.form == "value":
            return 0.9 if self._label_line.match(previous) else 0.0
        return positional_score(line, p, head=0.95, body_line=0.95, other=0.5)

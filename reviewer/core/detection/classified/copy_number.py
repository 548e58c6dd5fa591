"""COPY_NUMBER: 份号, six digits opening the first page of a classified document (GB/T 9704-2012 7.2.1).

Six digits at the top of a page are only a 份号 when the document also carries a 密级 mark in its 版头
or header (also printed `No.000001`); the labelled form (`份号：000001`) counts by itself.
"""

from __future__ import annotations

import re
import unicodedata

from reviewer.core.detection.classified.candidates import Candidate, Placement, alternation, positional_score
from reviewer.core.detection.classified.layout import Line, Zone
from reviewer.core.detection.classified.rules import ClassifiedRules
from reviewer.core.types import EntityType, Severity


class CopyNumberRecognizer:
    name = "copy_number"
    entity_type = EntityType.COPY_NUMBER

    def __init__(self, rules: ClassifiedRules) -> None:
        self.rules = rules
        digits = rules.copy_pattern.pattern
        # No.000042 / №000042: the serial as some offices print it (still only at the top of a classified file)
        self._bare = re.compile(rf"(?<![0-9０-９A-Za-z])(?:(?:No|NO|Ｎｏ)[.．]?\s*|№\s*)?(?:{digits})(?![0-9０-９])")
        # after its label a shorter serial is a 份号 too (份号：0123, 份号 12)
        self._label = re.compile(rf"(?:{alternation(rules.copy_labels)})\s*[：:]?\s*(?:{digits}|[0-9０-９]{{1,5}})"
                                 rf"(?![0-9０-９])")
        # 第12份 / 第 000012 份: the copy written as an ordinal, alone on one of the first lines
        self._ordinal = re.compile(r"(?<![\w])第\s*[0-9０-９]{1,6}\s*份(?![\w])")

    def candidates(self, line: Line) -> list[Candidate]:
        out = []
        for form, pattern in (("label", self._label), ("bare", self._bare), ("ordinal", self._ordinal)):
            for m in pattern.finditer(line.text):
                number = re.sub(r"\D", "", unicodedata.normalize("NFKC", m.group()))
                out.append(Candidate(self.entity_type, m.start(), m.end(), form, self.name,
                                     {"number": number}, Severity.REVIEW, f"份号{number}"))
        return out

    def score(self, line: Line, c: Candidate, p: Placement, *, classified: bool) -> float:
        if c.form == "label":
            return positional_score(line, p, head=0.95, body_line=0.9)
        if line.zone is not Zone.HEAD or line.index >= self.rules.copy_first_lines:
            return 0.0
        if c.form == "ordinal":
            # a line of its own reading 第12份 at the top; "共印25份" or "第3份材料" in a sentence are not
            return (0.9 if classified else 0.6) if p.mark_line else 0.0
        # without a 密级 mark, six digits at the top are more likely a code or a postcode
        return positional_score(line, p, head=0.9 if classified else 0.3, body_line=0.0)

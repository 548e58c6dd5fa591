"""Run the restricted-content recognizers over a document's lines and build `Finding`s.

Two passes: the first finds 密级 marks (a bare six-digit line is a 份号 only in a classified document),
the second scores every candidate by its placement. Findings keep offsets into `Document.text` and the
locator of the block they sit in.
"""

from __future__ import annotations

from reviewer.core.detection.classified.candidates import Candidate, Placement, longest_first, place
from reviewer.core.detection.classified.classified_marking import ClassifiedMarkingRecognizer, DocContext
from reviewer.core.detection.classified.copy_number import CopyNumberRecognizer
from reviewer.core.detection.classified.disclosure_note import DisclosureNoteRecognizer
from reviewer.core.detection.classified.layout import Line, Side, Zone, document_lines
from reviewer.core.detection.classified.restriction_phrase import RestrictionPhraseRecognizer
from reviewer.core.detection.classified.rules import ClassifiedRules, load_rules
from reviewer.core.detection.classified.urgency_marking import UrgencyMarkingRecognizer
from reviewer.core.documents.model import BlockKind, Document
from reviewer.core.types import Category, EntityType, Finding


class ClassifiedDetector:
    """All recognizers of this package, built once from one rule set."""

    def __init__(self, rules: ClassifiedRules) -> None:
        self.rules = rules
        self.marking = ClassifiedMarkingRecognizer(rules)
        self.copy = CopyNumberRecognizer(rules)
        self.urgency = UrgencyMarkingRecognizer(rules)
        self.note = DisclosureNoteRecognizer(rules)
        self.phrases = [RestrictionPhraseRecognizer(rules, r) for r in rules.restrictions]

    def _line_candidates(self, line: Line) -> list[Candidate]:
        found = self.marking.candidates(line) + self.copy.candidates(line) + self.urgency.candidates(line)
        found += self.note.candidates(line)
        for recognizer in self.phrases:
            found += recognizer.candidates(line)
        return found

    def _select(self, line: Line, pool: list[Candidate], ctx: DocContext, classified: bool,
                threshold: float) -> list[tuple[Candidate, float]]:
        """Non-overlapping candidates with their scores. A long candidate that is rejected (a title-like
        line that is not a title, a marker in a table cell) must not hide a shorter one inside it, so the
        choice is made again without the rejected ones (rarely more than once)."""
        for _ in range(4):
            chosen = longest_first(pool)
            placements = place(line, chosen, self.rules)
            scored = [(c, self._score(line, c, placements[c], ctx, classified)) for c in chosen]
            rejected = {id(c) for c, score in scored if score <= 0 or score < threshold}
            hidden = [o for o in pool if o not in chosen]
            if not rejected or not any(c.start < o.end and o.start < c.end for c in chosen if id(c) in rejected
                                       for o in hidden):
                break
            pool = [c for c in pool if id(c) not in rejected]
        return [(c, score) for c, score in scored if score > 0 and score >= threshold]

    def _score(self, line: Line, c: Candidate, p: Placement, ctx: DocContext, classified: bool) -> float:
        if c.entity_type is EntityType.CLASSIFIED_MARKING:
            return self.marking.score(line, c, p, ctx)
        if c.entity_type is EntityType.COPY_NUMBER:
            return self.copy.score(line, c, p, classified=classified)
        if c.entity_type is EntityType.URGENCY_MARKING:
            return self.urgency.score(line, c, p)
        if c.entity_type is EntityType.DISCLOSURE_NOTE:
            return self.note.score(line, c, p, ctx.previous.get(line.start, ""))
        recognizer = next(r for r in self.phrases if r.entity_type is c.entity_type)
        return recognizer.score(line, c, p)

    def detect(self, document: Document, *, threshold: float) -> list[Finding]:
        lines = document_lines(document, head_lines=self.rules.head_lines,
                               page_edge_lines=self.rules.page_edge_lines,
                               sentence_marks=self.rules.sentence_marks)
        previous: dict[int, str] = {}
        for before, line in zip(lines, lines[1:], strict=False):
            if (before.zone is Zone.OTHER) is (line.zone is Zone.OTHER):
                previous[line.start] = before.text
        for line in lines:  # a property's name labels its value: custom property "密级" = "机密"
            if line.kind is BlockKind.PROPERTY:
                previous[line.start] = line.name.removeprefix("custom:")
        ctx = DocContext(previous=previous)
        pools = [(line, found) for line in lines if (found := self._line_candidates(line))]
        # a bare six-digit line is a 份号 only when the document carries a 密级 mark where marks sit
        classified = False
        for line, pool in pools:
            chosen = longest_first([c for c in pool if c.entity_type is EntityType.CLASSIFIED_MARKING])
            placements = place(line, chosen, self.rules) if line.zone in (Zone.HEAD, Zone.EDGE) else {}
            if any(self.marking.score(line, c, p, ctx) >= self.rules.default_threshold
                   for c, p in placements.items()):
                classified = True
                break
        above = {line.start: before for before, line in zip(lines, lines[1:], strict=False)}
        findings = [self._finding(document, line, c, score, above.get(line.start))
                    for line, pool in pools for c, score in self._select(line, pool, ctx, classified, threshold)]
        return sorted(findings, key=lambda f: (f.start, f.end))

    def _finding(self, document: Document, line: Line, c: Candidate, score: float,
                 above: Line | None = None) -> Finding:
        start, end = line.start + c.start, line.start + c.end
        if c.form == "title" and above is not None and _title_head(above, line):
            start = above.start + above.text.index(above.text.strip())  # 关于…冬春农村 / 困难群众…的请示
        where = line.where_zh(c.start, c.end)
        attributes = dict(c.attributes) | {"position": str(line.zone), "form": c.form}
        side = line.side(c.start, c.end)
        if side is not None:
            attributes["side"] = str(side)
        if c.entity_type is EntityType.CLASSIFIED_MARKING and line.zone is Zone.HEAD and side in (Side.LEFT,
                                                                                                   Side.RIGHT):
            # 2012 edition: 密级 top-left under the 份号; 1999 edition: top-right
            attributes["layout"] = "GB/T 9704-2012" if side is Side.LEFT else "GB/T 9704-1999"
            where += f"（{attributes['layout']} 格式）"
        if c.entity_type is EntityType.DISCLOSURE_NOTE and line.zone is Zone.BODY and c.form == "note":
            where += "附注"
        explanation = f"{where}的“{line.text[c.start:c.end]}”：{c.note}。{self.rules.explanations[c.entity_type]}"
        return Finding(entity_type=c.entity_type, start=start, end=end, text=document.text[start:end],
                       score=score, recognizer=c.recognizer, explanation=explanation,
                       category=Category.RESTRICTED, locator=document.locate(start, end),
                       severity=c.severity, attributes=attributes)


def _title_head(above: Line, line: Line) -> bool:
    """The line above a title line is the title's first part: a title split by hand or wrapped over two lines
    (关于申请拨付…冬春农村 / 困难群众生活救助资金的请示) begins with 关于 and holds no sentence."""
    head, tail = above.text.strip(), line.text.strip()
    # the issuer may open the title (新巴尔虎左旗农牧和科技局关于…): 关于 within its first words
    return (above.zone is Zone.HEAD and "关于" in head[:24] and "关于" not in tail
            and 4 < len(head) <= 40 and not any(ch in head for ch in "。；;：:，,"))


_DETECTORS: dict[int, ClassifiedDetector] = {}


def detector_for(rules: ClassifiedRules | None = None) -> ClassifiedDetector:
    rules = rules or load_rules()
    key = id(rules)
    if key not in _DETECTORS:
        _DETECTORS.clear()  # one rule set is live at a time; a reload replaces it
        _DETECTORS[key] = ClassifiedDetector(rules)
    return _DETECTORS[key]

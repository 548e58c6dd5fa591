"""STATE_SECRET_STATEMENT, WORK_SECRET, INTERNAL_USE, PROCESS_INFORMATION: phrase rules from the YAML.

One recognizer class, one instance per entity type (like presidio's configured PatternRecognizer):
- markers printed on the document (`内部资料`, `工作秘密`, `（征求意见稿）`) count where marks sit;
- statements about this document (`本文件含国家秘密`, `此件不得翻印`) count in any sentence unless denied
  (`本文件不涉及国家秘密`) or conditional (`如本文件涉及国家秘密…`, `除本文件…外`);
- title suffixes (`…关于…的请示`, `…会议纪要`) name a process document when they end its title line.
Talk about secrets ("除涉及国家秘密外", "加强工作秘密管理") matches none of these.
"""

from __future__ import annotations

import re

from reviewer.core.detection.classified.candidates import Candidate, Placement, alternation, positional_score
from reviewer.core.detection.classified.layout import Line, Zone
from reviewer.core.detection.classified.rules import ClassifiedRules, Restriction
from reviewer.core.documents.model import BlockKind
from reviewer.core.types import EntityType

_CLAUSE_BREAKS = "，,。；;！!？?：:、\n"
_WORD = re.compile(r"[\w\u4e00-\u9fff]")
_NOT_WORDS = re.compile(r"[\s，,、；;：:·（）()\u3000]+")
# "仅供参考" alone says little (样表（仅供参考）, 本表数据仅供参考 in a published table): a mark only in the 版头 or
# in a sentence of restriction marks (本通知仅供参考，不宜公开，不得外传)
_WEAK_MARK = "仅供参考"
_TITLE_TAILS = frozenset({"请示", "的请示", "纪要", "的纪要", "会议纪要", "会纪要"})


class RestrictionPhraseRecognizer:
    def __init__(self, rules: ClassifiedRules, restriction: Restriction) -> None:
        self.rules = rules
        self.restriction = restriction
        self.entity_type: EntityType = restriction.entity_type
        self.name = f"restriction_phrase:{str(restriction.entity_type).lower()}"
        patterns = "".join(f"(?:{p.pattern})|" for p in restriction.patterns)
        self._marker = re.compile(patterns + alternation(restriction.markers))
        gap = "[^" + re.escape(_CLAUSE_BREAKS) + "]{0,12}?"
        self._statement = re.compile(rf"(?P<subject>{alternation(rules.subjects)})(?P<gap>{gap})"
                                     rf"(?P<pred>{patterns}{alternation(restriction.statements)})")
        self._subject = re.compile(rf"^(?:{alternation(rules.subjects)})")
        # 工作秘密 is declared of anything (审计报告所列问题线索属于工作秘密。), not only of "this document":
        # the predicate that ends its clause counts without a subject (never when denied or conditional)
        self._bare = (re.compile(rf"(?:{alternation(restriction.statements)})(?:事项|内容|范畴|范围)?"
                                 rf"(?=[{re.escape(_CLAUSE_BREAKS)}]|$)")
                      if restriction.entity_type is EntityType.WORK_SECRET else None)
        # a title ending in 的请示 / 会议纪要 may carry its draft state in brackets (…的请示（送审稿）), and a
        # wrapped title may break inside them (…的请示（ / 送审稿）)
        draft = (rf"(?:[（(](?:{alternation(restriction.markers)})?[)）]?)?"
                 if restriction.entity_type is EntityType.PROCESS_INFORMATION else "")
        self._suffix = (re.compile(rf"(?:{alternation(restriction.title_suffixes)}){draft}$")
                        if restriction.title_suffixes else None)
        # a title that ends in its draft state without brackets (…养犬管理条例草案, …实施方案征求意见稿)
        self._draft_title = (re.compile(rf"(?:{alternation(restriction.markers)})$")
                             if restriction.entity_type is EntityType.PROCESS_INFORMATION else None)

    def candidates(self, line: Line) -> list[Candidate]:
        text = line.text
        out = []
        for m in self._marker.finditer(text):
            out.append(self._make(m.start(), m.end(), "marker", m.group()))
        for m in self._statement.finditer(text):
            if self._is_assertion(text, m):
                out.append(self._make(m.start(), m.end(), "statement", m.group("pred")))
        if self._bare is not None:
            for m in self._bare.finditer(text):
                if self._is_bare_assertion(text, m):
                    out.append(self._make(m.start(), m.end(), "statement", m.group()))
        if self._suffix is not None and line.kind is not BlockKind.TABLE_CELL:
            stripped = text.strip()
            # a title that wraps leaves its last words alone on a line (关于…资金的 / 请示): the same finding
            if (self._suffix.search(stripped) and len(stripped) > 4) or \
                    (stripped in _TITLE_TAILS and self._suffix.search("的" + stripped.lstrip("的"))):
                start = text.index(stripped)
                word = (self._suffix.search(stripped) or self._suffix.search("的" + stripped.lstrip("的"))).group()
                out.append(self._make(start, start + len(stripped), "title", word))
            elif self._draft_title is not None and (m := self._draft_title.search(stripped)) \
                    and len(stripped) >= len(m.group()) + 6 and stripped[m.start() - 1] not in "（(":
                start = text.index(stripped)
                out.append(self._make(start, start + len(stripped), "title", m.group()))
        return out

    def _make(self, start: int, end: int, form: str, word: str) -> Candidate:
        return Candidate(self.entity_type, start, end, form, self.name, {"phrase": word},
                         self.restriction.severity, f"“{word}”")

    def _is_assertion(self, text: str, m: re.Match[str]) -> bool:
        gap, pred = m.group("gap"), m.group("pred")
        if any(word in gap for word in self.rules.negations):
            return False
        clause_start = max((text.rfind(ch, 0, m.start()) for ch in _CLAUSE_BREAKS), default=-1) + 1
        lead = text[max(clause_start, m.start() - 4):m.start()]
        if any(word in lead for word in self.rules.conditionals):
            return False
        after = text[m.end():m.end() + 2]
        if after[:1] == "的" and (len(after) == 1 or after[1] in _CLAUSE_BREAKS):
            return False  # "本文件内容涉及国家秘密的，按规定办理": a condition in legal style
        if pred in self.restriction.strict_statements:
            after = text[m.end():m.end() + 1]
            return gap == "" and not (after and _WORD.match(after))
        return True

    def _is_bare_assertion(self, text: str, m: re.Match[str]) -> bool:
        """工作秘密 declared of something named in the clause: not denied, not a condition, not a rule."""
        clause_start = max((text.rfind(ch, 0, m.start()) for ch in _CLAUSE_BREAKS), default=-1) + 1
        clause = text[clause_start:m.start()]
        if len(clause) < 2 or any(word in clause[-3:] for word in self.rules.negations):
            return False  # a bare "属于工作秘密" heading a list, "不属于工作秘密"
        return not any(clause.startswith(word) for word in self.rules.conditionals)

    def score(self, line: Line, c: Candidate, p: Placement) -> float:
        if p.quoted:
            return 0.0
        high = 0.9 if self.entity_type is EntityType.STATE_SECRET_STATEMENT else 0.85
        if c.form == "statement":
            return high
        if c.form == "title":
            # only the document's own title (in the 版头 area); a heading "（三）会议纪要" further down is not
            return 0.8 if line.zone is Zone.HEAD and p.title_like else 0.0
        if c.form == "marker" and line.kind is BlockKind.TABLE_CELL and line.zone is Zone.BODY:
            return 0.0  # a cell reading "工作秘密" is a category in a table, not a mark on the document
        if c.form == "marker" and c.attributes.get("phrase") == _WEAK_MARK and line.zone is not Zone.HEAD \
                and not self._notice_sentence(line.text, c.start, c.end):
            return 0.0  # "（仅供参考）" after a form's name in the body is no mark; in the 版头 or beside others it is
        score = positional_score(line, p, head=high, body_line=high, other=0.4)
        if c.form == "marker" and score < high and not p.quoted:
            if self._notice_sentence(line.text, c.start, c.end):
                return high  # …主要负责人。注意保密，用后收回。: a sentence made of restriction marks only
            if line.zone is Zone.HEAD and line.text.rstrip().endswith(line.text[c.start:c.end]) \
                    and len(line.text.strip()) <= 30:
                return high  # 西宁市人民政府办公室内部明电: the mark ends the telegram's title line
        return score

    def _notice_sentence(self, text: str, start: int, end: int) -> bool:
        """The sentence around [start, end) holds nothing but this type's markers and punctuation."""
        left = max(text.rfind(ch, 0, start) for ch in "。！？!?\n") + 1
        rights = [i for i in (text.find(ch, end) for ch in "。！？!?\n") if i >= 0]
        sentence = text[left:min(rights) if rights else len(text)]
        # the sentence may name what it marks first (本通知仅供参考，不宜公开，不得外传。)
        rest = _NOT_WORDS.sub("", self._marker.sub("", sentence))
        rest = self._subject.sub("", rest)
        return rest == "" and len(self._marker.findall(sentence)) >= 2

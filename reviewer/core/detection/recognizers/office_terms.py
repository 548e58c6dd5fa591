"""TERM_BLOCK, TERM_REVIEW, TERM_DENY: the office's own term lists (敏感词库) as presidio pattern recognizers.

Not in analyzer.yaml: the lists belong to a workspace and change while the app runs, so one recognizer per
kind is built from the `TermSet` each analyze call carries and run as presidio ad-hoc recognizers (cached per
list digest). presidio's own `deny_list` wraps the words in `\\W` boundaries, which never hold between
Chinese characters; here a term matches as written, with boundaries only where it begins or ends with a
letter or digit (ABC12 is not found inside XABC123), and spaces or hyphens between letters and digits are
free (138 0000 1111 is 13800001111). Each result says which list, which entry, its note and who added it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)

from reviewer.core.detection.normalize import normalize
from reviewer.core.detection.terms.model import (
    ENTITY_OF,
    KIND_ZH,
    TermEntry,
    TermKind,
    TermSet,
    term_key,
)

SCORE = 1.0  # the office listed the term: a match is certain by definition
_ALNUM = "0-9A-Za-z"
_END = object()


def _is_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _units(term: str) -> str:
    """The term as matched: spaces/hyphens between letters and digits dropped (they are optional in the text)."""
    return re.sub(r"(?<=[0-9A-Za-z])[ \-]+(?=[0-9A-Za-z])", "", term)


def flexible_trie(words: Iterable[str]) -> str | None:
    """A trie-shaped regex for `words` (longest first at each position) in which a space or a hyphen may
    stand between two letters/digits. A flat alternation of thousands of terms would try every branch
    at every position of the document."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch.lower() if _is_alnum(ch) else ch, {})
        node[_END] = True
    if not trie:
        return None

    def build(node: dict, previous: str) -> str:
        children = sorted(k for k in node if k is not _END)
        branches = []
        for ch in children:
            gap = "[ \\-]?" if previous and _is_alnum(previous) and _is_alnum(ch) else ""
            branches.append(gap + re.escape(ch) + build(node[ch], ch))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if _END in node else body

    return build(trie, "")


class OfficeTermRecognizer(PatternRecognizer):
    """One kind of one term list version; `analyze` finds every entry with its note in the explanation."""

    def __init__(self, kind: TermKind, entries: Sequence[TermEntry], *, version: int,
                 supported_language: str = "zh") -> None:
        self.kind, self.list_version = kind, version  # presidio's `version` is its own
        forms = [(_units(normalize(e.term).text), e) for e in entries]  # full-width folded, as the text is
        self.entries = {term_key(units): e for units, e in forms}
        entity = str(ENTITY_OF.get(kind, f"TERM_{kind.value.upper()}"))
        self._compiled: list[re.Pattern[str]] = []
        groups: dict[tuple[bool, bool], list[str]] = {}
        for units, _entry in forms:
            groups.setdefault((_is_alnum(units[0]), _is_alnum(units[-1])), []).append(units)
        patterns = []
        for (alnum_first, alnum_last), words in sorted(groups.items()):
            source = flexible_trie(words)
            if source is None:
                continue
            regex = (f"(?<![{_ALNUM}])" if alnum_first else "") + f"(?:{source})" + \
                (f"(?![{_ALNUM}])" if alnum_last else "")
            patterns.append(Pattern(f"{KIND_ZH[kind]}词条", regex, SCORE))
            self._compiled.append(re.compile(regex, re.IGNORECASE))
        super().__init__(supported_entity=entity, name=f"OfficeTermRecognizer:{kind.value}",
                         supported_language=supported_language, patterns=patterns)

    def _note(self, entry: TermEntry) -> str:
        where = f"单位敏感词库第 {self.list_version} 版" if self.list_version else "所给词库文件"
        parts = [f"{where}“{KIND_ZH[entry.kind]}”词条“{entry.term}”"]
        if entry.note:
            parts.append(f"备注：{entry.note}")
        if entry.added_by:
            parts.append(f"由 {entry.added_by} 于 {entry.added_at[:10]} 加入")
        return "，".join(parts)

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        results = []
        for rx in self._compiled:
            for m in rx.finditer(text):
                entry = self.entries.get(term_key(m.group()))
                if entry is None:  # cannot happen for a match of the trie; never report an unlisted text
                    continue
                explanation = AnalysisExplanation(recognizer=self.name, original_score=SCORE, pattern_name=None,
                                                  pattern=None, validation_result=None,
                                                  textual_explanation=self._note(entry))
                results.append(RecognizerResult(
                    entity_type=self.supported_entities[0], start=m.start(), end=m.end(), score=SCORE,
                    analysis_explanation=explanation,
                    recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                          RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return EntityRecognizer.remove_duplicates(results) if len(results) > 1 else results


def build_recognizers(terms: TermSet, language: str = "zh") -> dict[TermKind, OfficeTermRecognizer]:
    """One recognizer per kind that has entries."""
    return {kind: OfficeTermRecognizer(kind, entries, version=terms.version, supported_language=language)
            for kind in TermKind if (entries := terms.of(kind))}

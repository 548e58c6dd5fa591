"""The base of our pattern recognizers: presidio `PatternRecognizer` with graded validation.

presidio's `validate_result` is all-or-nothing (1.0 or dropped). Chinese identifiers need grades: an
ID number whose check digit fails is still a person's ID with a typo, reported at a lower score. So a
recognizer implements `check(value, pattern) -> Check(score, note)`: `score=None` drops the match,
`note` says in Chinese what was verified (it becomes the reviewer's explanation).

Patterns are plain `re` expressions over normalised (ASCII) text. They never use `\\b`: Python counts
Chinese characters as word characters, so `\\b` misses `账户6217…`. Boundaries are explicit
look-arounds (`NOT_BEFORE` / `NOT_AFTER`), which also refuse a value glued to a masked one (`138****`).
A value may be captured in a group named `v` when the pattern needs surrounding text to match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)

from reviewer.core.detection.context import (
    CLAUSE_BOUNDARY,
    EXTERNAL_CONTEXT,
    clause_after,
    clause_before,
    find_word,
)

# A match scoring at most this much is a context-only candidate (a bare 8-digit number, an account
# number without a check digit, a date): it is kept only when a context word is in its clause, so the
# engine does not build and then discard thousands of results.
CONTEXT_ONLY_MAX = 0.2

# A value must not continue a longer alphanumeric run nor touch a masking star (`138****1234`).
# Values separated by one space are separate values (roster rows); a grouped number such as
# "6217 0033 …" is matched whole by its own pattern and wins the overlap over its fragments.
NOT_BEFORE = r"(?<![0-9A-Za-z*×])"
NOT_AFTER = r"(?![0-9A-Za-z*×])"
_NOT_BEFORE_CLASS = "[0-9A-Za-z*×]"


def lead(first: str, not_before: str = _NOT_BEFORE_CLASS) -> str:
    """`first` (one character class) not preceded by `not_before`, written so that `re` can skip
    ahead to candidate characters: a look-behind at the very start of a pattern disables that and
    makes the scan 5-20 times slower on Chinese text."""
    return f"{first}(?<!{not_before}{first})"
SEPARATORS = re.compile(r"[\s\-·.()（）]")


# A number followed by a unit is an amount or a statistic, not an identifier: 13896001234元, 623456789012人次.
UNITS = re.compile(r" ?(?:[万亿]?元|美元|[万亿]|人次|人|户|件|次|吨|公斤|千克|平方米|亩|%|‰)")


def compact(value: str) -> str:
    """The value without spaces, hyphens, dots or brackets (for checksums and comparisons)."""
    return SEPARATORS.sub("", value)


@dataclass(frozen=True, slots=True)
class Check:
    """Outcome of validating one match: `score=None` means it is not this entity."""

    score: float | None
    note: str
    valid: bool | None = None


class CnPatternRecognizer(PatternRecognizer):
    """Subclasses set ENTITY, LABEL, PATTERNS, CONTEXT and implement `check`."""

    ENTITY: ClassVar[str]
    LABEL: ClassVar[str]  # the type's name for a reviewer, e.g. 公民身份号码
    PATTERNS: ClassVar[Sequence[Pattern]]
    CONTEXT: ClassVar[Sequence[str]] = ()
    # Words right before the value (same clause) showing it is something else: an unvalidated match
    # (no checksum, or a failed one) is dropped.
    NEGATIVE_CONTEXT: ClassVar[Sequence[str]] = ()
    # A pattern matched right after the value that shows the same (e.g. a count: 患儿950多例).
    NEGATIVE_SUFFIX_RE: ClassVar[re.Pattern[str] | None] = UNITS
    CONTEXT_WINDOW: ClassVar[int] = 20
    SUFFIX_WINDOW: ClassVar[int] = 0
    CONTEXT_BOUNDARY: ClassVar[re.Pattern[str]] = CLAUSE_BOUNDARY
    FLAGS: ClassVar[int] = 0
    # pattern name -> a substring (or compiled pattern) the text must contain for the pattern to run.
    GUARDS: ClassVar[dict[str, str | re.Pattern[str]]] = {}

    def __init__(self, supported_language: str = "zh") -> None:
        patterns = [Pattern(p.name, p.regex, p.score) for p in self.PATTERNS]
        super().__init__(supported_entity=self.ENTITY, name=type(self).__name__,
                         supported_language=supported_language, patterns=patterns,
                         context=list(self.CONTEXT))
        self._compiled = [(p, re.compile(p.regex, self.FLAGS)) for p in self.patterns]

    def check(self, value: str, pattern: Pattern) -> Check:
        """Validate a matched value; the default accepts it at the pattern's score."""
        return Check(pattern.score, "仅按格式匹配，无校验规则")

    def validate_result(self, pattern_text: str) -> bool | None:
        """presidio's hook, kept meaningful for callers that use it directly."""
        return self.check(pattern_text, self.patterns[0]).valid

    def _has_context(self, text: str, start: int, end: int) -> bool:
        """Whether a context word is in the clause (the enhancer then raises the score)."""
        if find_word(clause_before(text, start, self.CONTEXT_WINDOW, self.CONTEXT_BOUNDARY), self.context):
            return True
        if find_word(clause_after(text, end, self.SUFFIX_WINDOW, self.CONTEXT_BOUNDARY), self.context):
            return True
        suffix_rx = getattr(self, "SUFFIX_CONTEXT_RE", None)
        if suffix_rx is not None and suffix_rx.match(text, end):
            return True
        external = EXTERNAL_CONTEXT.get()
        return bool(external and find_word(" ".join(external), self.context))

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for pattern, rx in self._compiled:
            guard = self.GUARDS.get(pattern.name)
            if guard is not None and (guard not in text if isinstance(guard, str) else not guard.search(text)):
                continue
            has_group = "v" in rx.groupindex
            for m in rx.finditer(text):
                start, end = m.span("v") if has_group else m.span()
                if start == end:
                    continue
                check = self.check(text[start:end], pattern)
                if check.score is None or check.score <= 0:
                    continue
                if check.score <= CONTEXT_ONLY_MAX and not self._has_context(text, start, end):
                    continue
                if check.valid is not True and self.NEGATIVE_CONTEXT and find_word(
                        clause_before(text, start, self.CONTEXT_WINDOW, self.CONTEXT_BOUNDARY), self.NEGATIVE_CONTEXT):
                    continue
                if check.valid is not True and self.NEGATIVE_SUFFIX_RE is not None and \
                        self.NEGATIVE_SUFFIX_RE.match(text, end):
                    continue
                explanation = AnalysisExplanation(
                    recognizer=self.name, original_score=check.score, pattern_name=pattern.name,
                    pattern=pattern.regex, validation_result=check.valid, textual_explanation=check.note)
                results.append(RecognizerResult(
                    entity_type=self.ENTITY, start=start, end=end, score=check.score,
                    analysis_explanation=explanation,
                    recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                          RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return EntityRecognizer.remove_duplicates(results) if len(results) > 1 else results

"""Context words for Chinese: searched in the same clause, by characters, not by spaCy lemmas.

presidio's `LemmaContextAwareEnhancer` looks at the n tokens before a match. With a character
tokenizer that is n characters of any clause, and its list look-ups make long texts quadratic. Chinese
labels sit right before the value in the same clause (`联系电话：138…`, `QQ号码为…`), so we look back
(and, for some types, ahead: `1987年3月15日出生`) within the clause, bounded by a few characters.
The result's presidio explanation records the supporting word, as the stock enhancer does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextvars import ContextVar

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

# Clause boundaries: a label before one of these belongs to another value.
CLAUSE_BOUNDARY = _BOUNDARY = re.compile(r"[。；;！？!?\n，,]")


# Context that applies to the whole text being analysed (a table column's header), set by the engine.
EXTERNAL_CONTEXT: ContextVar[tuple[str, ...]] = ContextVar("external_context", default=())

# Sentence boundaries: for words that describe a person across commas (信访人：李某，刑满释放人员).
SENTENCE_BOUNDARY = re.compile(r"[。；;！？!?\n]")


def clause_before(text: str, start: int, limit: int, boundary: re.Pattern[str] = _BOUNDARY) -> str:
    """Up to `limit` characters before `start`, cut at the last clause boundary."""
    window = text[max(0, start - limit):start]
    cut = None
    for cut in boundary.finditer(window):
        pass
    return window[cut.end():] if cut else window


def clause_after(text: str, end: int, limit: int, boundary: re.Pattern[str] = _BOUNDARY) -> str:
    """Up to `limit` characters after `end`, cut at the first clause boundary."""
    if limit <= 0:
        return ""
    window = text[end:end + limit]
    m = boundary.search(window)
    return window[:m.start()] if m else window


def find_word(window: str, words: Sequence[str]) -> str:
    """The first of `words` that occurs in `window` (ASCII case-insensitive), or ""."""
    if not window:
        return ""
    lowered = window.lower()
    for word in words:
        if word.lower() in lowered:
            return word
    return ""


class ClauseContextEnhancer(ContextAwareEnhancer):
    """Raise a result's score when one of its recognizer's context words is in the same clause.

    A recognizer may set `CONTEXT_WINDOW` / `SUFFIX_WINDOW` (characters) to narrow or widen the
    search (context-only types such as QQ, WeChat and birth dates use short windows), and
    `CONTEXT_BOUNDARY` (where a clause ends), and
    `SUFFIX_CONTEXT_RE`, a compiled pattern that must match right after the value (`1987年3月生`).
    """

    def __init__(self, *, boost: float, min_score_with_context: float, prefix_chars: int,
                 suffix_chars: int) -> None:
        super().__init__(context_similarity_factor=boost,
                         min_score_with_context_similarity=min_score_with_context,
                         context_prefix_count=prefix_chars, context_suffix_count=suffix_chars)

    def enhance_using_context(self, text: str, raw_results: list[RecognizerResult],
                              nlp_artifacts: NlpArtifacts | None, recognizers: list[EntityRecognizer],
                              context: list[str] | None = None) -> list[RecognizerResult]:
        by_id = {r.id: r for r in recognizers}
        for result in raw_results:
            meta = result.recognition_metadata or {}
            recognizer = by_id.get(meta.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if recognizer is None or not recognizer.context:
                continue
            if meta.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                continue
            boundary = getattr(recognizer, "CONTEXT_BOUNDARY", _BOUNDARY)
            before = clause_before(text, result.start,
                                   getattr(recognizer, "CONTEXT_WINDOW", self.context_prefix_count), boundary)
            after = clause_after(text, result.end,
                                 getattr(recognizer, "SUFFIX_WINDOW", self.context_suffix_count), boundary)
            word = find_word(before, recognizer.context) or find_word(after, recognizer.context)
            suffix_rx = getattr(recognizer, "SUFFIX_CONTEXT_RE", None)
            if not word and suffix_rx is not None:
                m = suffix_rx.match(text, result.end)
                word = m.group() if m else ""
            if not word and context:
                word = find_word(" ".join(context), recognizer.context)
            if not word:
                continue
            result.score = min(max(result.score + self.context_similarity_factor,
                                   self.min_score_with_context_similarity), self.MAX_SCORE)
            if result.analysis_explanation is not None:
                result.analysis_explanation.set_supportive_context_word(word)
                result.analysis_explanation.set_improved_score(result.score)
        return raw_results

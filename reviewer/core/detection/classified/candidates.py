"""Candidates and their placement: what every recognizer in this package shares.

A recognizer proposes `Candidate`s in one line; `Placement` says how a candidate sits in that line
(alone on a line of marks, set off by spaces or brackets, inside quotes, inside a sentence). Recognizers
turn candidate + placement into a score; a mention inside a sentence scores 0.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reviewer.core.detection.classified.layout import Line, Zone
from reviewer.core.detection.classified.rules import ClassifiedRules
from reviewer.core.types import EntityType, Severity

OPENING = "（(【〔[<＜"
CLOSING = "）)】〕]>＞"


@dataclass(frozen=True, slots=True, eq=False)  # identity: used as a key per line
class Candidate:
    """A possible finding inside one line; `start`/`end` are offsets within the line text."""

    entity_type: EntityType
    start: int
    end: int
    form: str  # how it was matched, e.g. "star", "label", "level", "marker", "statement"
    recognizer: str
    attributes: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity | None = None
    note: str = ""  # parsed facts in words, for the explanation


@dataclass(frozen=True, slots=True)
class Placement:
    """How a candidate sits in its line."""

    mark_line: bool  # the line holds nothing but marks and separators
    delimited: bool  # set off by line edges, spaces or brackets on both sides
    bracketed: bool  # directly inside brackets that hold only marks: "（征求意见稿）"
    quoted: bool  # inside 《》 or quotes: a mention of another document or of the words
    sentence: bool  # the line has sentence punctuation
    title_like: bool  # short line without sentence punctuation


def longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, preferring the earliest and then the longest one."""
    chosen: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if not chosen or c.start >= chosen[-1].end:
            chosen.append(c)
    return chosen


def _quoted_spans(text: str, rules: ClassifiedRules) -> list[tuple[int, int]]:
    spans = []
    for open_, close in rules.quote_pairs:
        if open_ == close:
            positions = [i for i, ch in enumerate(text) if ch == open_]
            spans.extend((positions[i], positions[i + 1]) for i in range(0, len(positions) - 1, 2))
            continue
        depth, start = 0, 0
        for i, ch in enumerate(text):
            if ch == open_:
                if depth == 0:
                    start = i
                depth += 1
            elif ch == close and depth:
                depth -= 1
                if depth == 0:
                    spans.append((start, i))
    return spans


def place(line: Line, chosen: list[Candidate], rules: ClassifiedRules) -> dict[Candidate, Placement]:
    """Placement of every chosen (non-overlapping) candidate of one line."""
    text = line.text
    covered = [False] * len(text)
    for c in chosen:
        covered[c.start:c.end] = [True] * (c.end - c.start)
    rest = [ch for ch, cov in zip(text, covered, strict=True) if not cov]
    mark_line = bool(chosen) and all(ch in rules.separators for ch in rest)
    sentence = any(ch in rules.sentence_marks for ch in text)
    title_like = not sentence and len(text.strip()) <= rules.title_max_chars
    quoted_spans = _quoted_spans(text, rules)
    out = {}
    for c in chosen:
        before = text[c.start - 1] if c.start > 0 else " "
        after = text[c.end] if c.end < len(text) else " "
        delimited = (before.isspace() or before in OPENING) and (after.isspace() or after in CLOSING)
        bracketed = False
        open_at = next((i for i in range(c.start - 1, -1, -1) if text[i] in OPENING + CLOSING), None)
        close_at = next((i for i in range(c.end, len(text)) if text[i] in OPENING + CLOSING), None)
        if open_at is not None and close_at is not None and text[open_at] in OPENING and text[close_at] in CLOSING:
            # the brackets hold nothing but marks: "（草案修改稿）", "（内部资料，注意保存）"
            # or end with the mark after a short qualifier: "（公开征求意见稿）", "（修订草案）"
            bracketed = all(covered[i] or text[i] in rules.separators for i in range(open_at + 1, close_at)) or (
                close_at == c.end and close_at - open_at <= 12)
        quoted = any(a < c.start and c.end <= b for a, b in quoted_spans)
        out[c] = Placement(mark_line, delimited, bracketed, quoted, sentence, title_like)
    return out


def positional_score(line: Line, p: Placement, *, head: float, body_line: float,
                     other: float = 0.0) -> float:
    """The usual scale for a printed mark: in the 版头 or a header it is a mark when it stands apart;
    elsewhere only on a line of its own or in brackets on a title line. Quoted or in a sentence: 0."""
    if p.quoted:
        return 0.0
    if line.zone in (Zone.HEAD, Zone.EDGE):
        if p.mark_line or (p.delimited and not p.sentence) or (p.bracketed and p.title_like):
            return head
        return 0.0
    if line.zone is Zone.BODY:
        if p.mark_line or (p.bracketed and p.title_like):
            return body_line
        return 0.0
    return other if p.mark_line else 0.0


def alternation(words: tuple[str, ...] | list[str], *, spaced: bool = False) -> str:
    """A regex alternation of literal words, longest first (so 仅供内部参考 wins over 内部参考).
    `spaced`: two-character words may be typeset with a space between them (`特　急`, `秘　密`)."""
    ordered = sorted(words, key=len, reverse=True)
    if spaced:
        return "|".join(r"[ \u3000]{0,2}".join(map(re.escape, w)) if len(w) == 2 else re.escape(w) for w in ordered)
    return "|".join(re.escape(w) for w in ordered)

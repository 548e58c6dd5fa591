"""Where a plan changes the text: every occurrence of every removed value, and the ones a reviewer keeps.

The writers are value-based (a removed value goes everywhere it appears, in any spelling), so the
places that change are exactly the matches of the plan's matcher in the document text. A reviewer may
still keep one occurrence (a rejected finding whose text is a value removed elsewhere, e.g. 王建国 inside
a road name). Writers cannot be told "not here" by position, so such an occurrence is kept through its
*context*: the shortest stretch around it, inside its block, that spells it differently from every
occurrence that goes. The context joins the plan's matcher with itself (minus any other removed value
inside it) as its replacement, so the writers, the preview and the verifier all keep exactly it.
An occurrence that no context can set apart (a table cell holding only the value, like others that
go) is a *conflict*: the copy would contradict the decision, so it is reported, never hidden.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reviewer.core.deidentify.flexible import SEPARATORS, FlexibleMatcher, match_key

MAX_PAD = 12  # characters of context on each side before an occurrence counts as indistinguishable


@dataclass(frozen=True, slots=True)
class Occurrence:
    start: int
    end: int
    value: str  # the plan value this occurrence spells


@dataclass(frozen=True, slots=True)
class KeptContext:
    text: str  # the context as it stands in the document
    output: str  # what it becomes: the kept value as is, other removed values inside it replaced
    keep: tuple[bool, ...]  # per character of `text`: survives (True) or is removed (for PDF glyphs)
    start: int  # offsets of the first place it was taken from (for messages)
    end: int


def occurrences(text: str, matcher: FlexibleMatcher | None, value_of: Callable[[str], str]) -> list[Occurrence]:
    """Every match of the plan's values in `text` (block separators are newlines: a match never spans
    two blocks, as no writer matches across paragraphs)."""
    if matcher is None:
        return []
    out = []
    for m in matcher.finditer(text):
        if "\n" in m.group():
            continue
        out.append(Occurrence(m.start(), m.end(), value_of(m.group())))
    return out


def block_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The block (line of the detection text) holding [start, end)."""
    return text.rfind("\n", 0, start) + 1, (lambda i: len(text) if i < 0 else i)(text.find("\n", end))


def kept_contexts(text: str, kept: Sequence[Occurrence], removed: Sequence[Occurrence],
                  replace: Callable[[str, int, int], str], keep_flags: Callable[[str, int, int], tuple[bool, ...]]
                  ) -> tuple[list[KeptContext], list[Occurrence]]:
    """Contexts that keep each occurrence in `kept` apart from every occurrence in `removed`.

    `replace(text, s, e)` gives the output of text[s:e] with the removed occurrences inside it
    replaced (the kept one left as is); `keep_flags(text, s, e)` the matching per-character flags.
    Returns the contexts and the kept occurrences that no context could set apart (conflicts)."""
    contexts: list[KeptContext] = []
    conflicts: list[Occurrence] = []
    spans: list[tuple[int, int, Occurrence]] = []
    by_value: dict[str, list[Occurrence]] = {}  # removed occurrences per value (match key)
    for o in removed:
        by_value.setdefault(match_key(o.value), []).append(o)
    ordered = sorted(removed, key=lambda o: (o.start, o.end))
    starts = [o.start for o in ordered]
    for occ in kept:
        lo, hi = block_bounds(text, occ.start, occ.end)
        # only occurrences in the same block can touch a context (no occurrence spans two blocks)
        nearby = ordered[bisect.bisect_left(starts, lo):bisect.bisect_right(starts, hi)]
        span = _distinct_span(text, occ, by_value.get(match_key(occ.value), []), nearby)
        if span is None:
            conflicts.append(occ)
        else:
            spans.append((*span, occ))
    # overlapping contexts (two kept occurrences side by side) become one
    spans.sort()
    merged: list[list[int]] = []
    for s, e, _occ in spans:
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    seen: set[str] = set()
    for s, e in merged:
        key = match_key(text[s:e])
        if key in seen:
            continue
        seen.add(key)
        contexts.append(KeptContext(text[s:e], replace(text, s, e), keep_flags(text, s, e), s, e))
    return contexts, conflicts


def _distinct_span(text: str, occ: Occurrence, same: Sequence[Occurrence],
                   removed: Sequence[Occurrence]) -> tuple[int, int] | None:
    """The shortest [s, e) around `occ`, inside its block, whose spelling occurs at no removed
    occurrence and cuts no removed occurrence in two. `same`: the removed occurrences of its value;
    `removed`: those in its block."""
    lo, hi = block_bounds(text, occ.start, occ.end)
    for pad in range(1, MAX_PAD + 1):
        s, e = max(lo, occ.start - pad), min(hi, occ.end + pad)
        s, e = _cover(s, e, removed)
        # a match never starts or ends on a separator (the matcher skips them): nor does a context
        while s < occ.start and SEPARATORS.fullmatch(text[s]):
            s += 1
        while e > occ.end and SEPARATORS.fullmatch(text[e - 1]):
            e -= 1
        if (s, e) == (occ.start, occ.end):
            continue
        key = match_key(text[s:e])
        if not key or key == match_key(occ.value):
            continue
        clash = False
        for other in same:
            # would the same context, placed around that removed occurrence, match there too?
            left, right = s - occ.start, e - occ.end
            os, oe = other.start + left, other.end + right
            if os >= 0 and oe <= len(text) and match_key(text[os:oe]) == key:
                clash = True
                break
        if not clash:
            return s, e
        if s <= lo and e >= hi:
            break
    return None


def _cover(s: int, e: int, removed: Iterable[Occurrence]) -> tuple[int, int]:
    """Grow [s, e) until no removed occurrence straddles its edges (the context takes it whole)."""
    changed = True
    while changed:
        changed = False
        for o in removed:
            if o.start < s < o.end or o.start < e < o.end:
                s, e = min(s, o.start), max(e, o.end)
                changed = True
    return s, e

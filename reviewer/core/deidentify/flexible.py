"""Find de-identified values however they are separated (`138 9600 1234`, `王 建国`), fast.

One regex with a separator class between every character of every value compiles in time that grows
faster than the number of values (8,636 values: minutes). Instead the text is searched for the literal
values (an Aho-Corasick automaton, leftmost-longest matches as a trie-shaped alternation would give) on a
copy with the separators removed, and matches are mapped back to the original offsets.
The object offers the part of `re.Pattern` the writers use: `finditer`, `search`, `sub`.

Matching is also blind to width and ASCII case (`fold`): the verifier compares NFKC case-folded text,
so a value found as １９４８年１２月 is also replaced where the same file writes 1948年12月, and an e-mail
address in capitals where it appears in lower case. Otherwise the export is refused for a value the
writer could have replaced.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

SEPARATOR_CLASS = r"[\s\u00a0\u3000\u200b-\u200d\-\u2010-\u2015\.·・()（）]"
SEPARATORS = re.compile(SEPARATOR_CLASS)
_SEPARATOR_RUNS = re.compile(SEPARATOR_CLASS + "+")
# Full-width ASCII (U+FF01–FF5E) to ASCII, then A–Z to a–z: one character for one, so offsets carry over.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD.update({c: c + 32 for c in range(0x41, 0x5B)})
_FOLD.update({c: c - 0xFEE0 + 32 for c in range(0xFF21, 0xFF3B)})


def fold(text: str) -> str:
    return text.translate(_FOLD)


def match_key(value: str) -> str:
    """What two spellings of one value share: folded, separators removed."""
    return SEPARATORS.sub("", fold(value))


@dataclass(frozen=True, slots=True)
class FlexibleMatch:
    string: str
    _start: int
    _end: int

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, index: int = 0) -> str:
        if index != 0:
            raise IndexError("no such group")
        return self.string[self._start:self._end]


class Literals:
    """Leftmost-longest, non-overlapping occurrences of many literals (what a trie-shaped alternation finds),
    from an Aho-Corasick automaton: building one regex over a roster's 300,000 values took `re` tens of
    seconds to compile; the automaton is built in C in well under a second."""

    def __init__(self, keys: Iterable[str]) -> None:
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        for key in keys:
            if key:
                self._automaton.add_word(key, len(key))
        self.empty = not len(self._automaton)
        if not self.empty:
            self._automaton.make_automaton()

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        longest: dict[int, int] = {}
        for end, length in self._automaton.iter(text):
            start = end - length + 1
            if length > longest.get(start, 0):
                longest[start] = length
        position = 0
        for start in sorted(longest):
            if start >= position:
                position = start + longest[start]
                yield start, position


class FlexibleMatcher:
    """Occurrences of `values` with any separators between their significant characters."""

    def __init__(self, values: Iterable[str]) -> None:
        keys = {match_key(v) for v in values}
        literals = Literals(keys)
        self._regex = None if literals.empty else literals

    def finditer(self, text: str) -> Iterator[FlexibleMatch]:
        if self._regex is None or not text:
            return
        folded = fold(text)
        runs = [(m.start(), m.end()) for m in _SEPARATOR_RUNS.finditer(folded)]
        if not runs:
            for start, end in self._regex.spans(folded):
                yield FlexibleMatch(text, start, end)
            return
        compact = _SEPARATOR_RUNS.sub("", folded)
        # run i was removed at compact position at[i]; removed[i] = characters removed up to and incl. run i
        at, removed, total = [], [], 0
        for start, end in runs:
            at.append(start - total)
            total += end - start
            removed.append(total)

        def original(c: int) -> int:
            """Original offset of compact character c (runs removed at positions <= c lie before it)."""
            i = bisect.bisect_right(at, c)
            return c + (removed[i - 1] if i else 0)

        for start, end in self._regex.spans(compact):
            yield FlexibleMatch(text, original(start), original(end - 1) + 1)

    def search(self, text: str) -> FlexibleMatch | None:
        return next(self.finditer(text), None)

    def sub(self, repl: Callable[[FlexibleMatch], str], text: str) -> str:
        out, last = [], 0
        for m in self.finditer(text):
            out.append(text[last:m.start()])
            out.append(repl(m))
            last = m.end()
        if last == 0 and not out:
            return text
        out.append(text[last:])
        return "".join(out)

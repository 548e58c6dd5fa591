"""A literal alternation as a trie-shaped regex: same matches as `a|b|c…` sorted longest first.

A flat alternation of thousands of literals makes `re` try every branch at every position; with the
shared prefixes factored out, each position costs only the depth of the trie. Used to look for
thousands of de-identified values at once (export and verification).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import AnyStr

_END = object()


def trie_pattern(words: Iterable[AnyStr]) -> AnyStr | None:
    """The regex source matching any of `words`, preferring the longest at each position (None if empty)."""
    trie: dict = {}
    kind: type | None = None
    for word in words:
        if not word:
            continue
        kind = type(word)
        node = trie
        for unit in word:
            node = node.setdefault(unit, {})
        node[_END] = True
    if kind is None:
        return None
    as_bytes = kind is bytes

    def lit(unit: object) -> AnyStr:
        return re.escape(bytes([unit])) if as_bytes else re.escape(unit)  # type: ignore[arg-type]

    def build(node: dict) -> list:
        children = sorted(k for k in node if k is not _END)
        if not children:
            return []
        parts: list = []
        alternatives = []
        for key in children:
            alternatives.append([lit(key), *build(node[key])])
        if len(alternatives) == 1:
            body = alternatives[0]
        else:
            body = [(b"(?:" if as_bytes else "(?:")]
            for i, alt in enumerate(alternatives):
                if i:
                    body.append(b"|" if as_bytes else "|")
                body.extend(alt)
            body.append(b")" if as_bytes else ")")
        if _END in node:
            parts.append(b"(?:" if as_bytes else "(?:")
            parts.extend(body)
            parts.append(b")?" if as_bytes else ")?")
        else:
            parts.extend(body)
        return parts

    empty = b"" if as_bytes else ""
    return empty.join(build(trie))


def compile_literals(words: Iterable[AnyStr]) -> re.Pattern | None:
    source = trie_pattern(words)
    return re.compile(source) if source is not None else None

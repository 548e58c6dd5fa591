"""The disease, injury and disability names of resources/ner/health_terms.txt (its header says where they
come from), longest first so that a longer name wins over its parts."""

from __future__ import annotations

import functools

from reviewer.core.resources import resource

TERMS_PATH = resource("ner", "health_terms.txt")


@functools.lru_cache(maxsize=1)
def terms() -> tuple[str, ...]:
    lines = TERMS_PATH.read_text(encoding="utf-8").splitlines()
    return tuple(sorted({t.strip() for t in lines if t.strip() and not t.startswith("#")}, key=len, reverse=True))

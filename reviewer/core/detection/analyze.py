"""Interim detector (a few regexes) until the presidio engine lands; same signature."""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.core.documents.model import Document
from reviewer.core.types import EntityType, Finding, category_of

_PATTERNS = {
    EntityType.CN_ID_CARD: re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"),
    EntityType.CN_MOBILE_PHONE: re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"),
    EntityType.EMAIL_ADDRESS: re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),
}


def analyze(document: Document, *, threshold: float = 0.5,
            progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for entity_type, pattern in _PATTERNS.items():
        for m in pattern.finditer(document.text):
            findings.append(Finding(entity_type=entity_type, start=m.start(), end=m.end(), text=m.group(),
                                    score=0.5, recognizer="interim_regex",
                                    explanation="interim pattern", category=category_of(entity_type),
                                    locator=document.locate(m.start(), m.end())))
    return sorted(findings, key=lambda f: (f.start, f.end))

"""Helpers: run the real detection pipeline (resources/analyzer.yaml) over small texts."""

from __future__ import annotations

import hashlib

from reviewer.core.detection import analyze
from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat
from reviewer.core.types import Finding

NER_TYPES = {"PERSON", "CN_ADDRESS", "ORGANIZATION"}


def make_document(text: str) -> Document:
    """A txt-like document: one block per line, as the txt reader builds it."""
    blocks = [Block(kind=BlockKind.LINE, part="text", path=f"line {i}", text=line, line=i)
              for i, line in enumerate(text.split("\n"), 1)]
    data = text.encode("utf-8")
    return Document.build(path="memory.txt", format=DocumentFormat.TXT, sha256=hashlib.sha256(data).hexdigest(),
                          size=len(data), blocks=blocks, encoding="utf-8", newline="\n")


def personal(text: str, threshold: float | None = None) -> list[Finding]:
    """Personal-information findings of the pattern recognizers (NER types left to their own tests)."""
    return [f for f in analyze(make_document(text), threshold=threshold)
            if str(f.category) == "personal" and f.entity_type not in NER_TYPES]


def spans(text: str, threshold: float | None = None) -> list[tuple[str, str]]:
    return [(f.entity_type, f.text) for f in personal(text, threshold)]

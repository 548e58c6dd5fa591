"""What the wording and timing checks share: the normalised text, sentences, quotes, and building findings."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reviewer.core.detection.normalize import NormalizedText, normalize
from reviewer.core.documents.model import Document, DocumentFormat
from reviewer.core.types import Finding, Severity, category_of

SENTENCE_END = "。！？；!?;"
LINE_END = SENTENCE_END + "：:）)"
WRAP_MIN = 25  # a line this long that ends without punctuation was wrapped (PDF, txt): the sentence goes on
WRAPPED_FORMATS = frozenset({DocumentFormat.PDF, DocumentFormat.TXT, DocumentFormat.OFD})
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年|〕|\]|］|】)")
_BREAK = re.compile(r"\n[ \t\u3000]*(?:\n[ \t\u3000]*)*")


def unwrap(text: str) -> NormalizedText:
    """`text` without the line breaks a printed page put inside sentences (a line of WRAP_MIN characters or
    more that ends without punctuation, followed by more text; blank lines between included): 一律当场办 /
    结 is one phrase. What is removed maps back like any normalisation."""
    cuts: list[int] = []
    pieces: list[str] = []
    last = removed = 0
    for m in _BREAK.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()].rstrip()
        if len(line) < WRAP_MIN or line[-1:] in LINE_END or m.end() >= len(text):
            continue
        pieces.append(text[last:m.start()])
        cuts.extend([m.start() - removed] * (m.end() - m.start()))
        removed += m.end() - m.start()
        last = m.end()
    if not cuts:
        return NormalizedText(text)
    pieces.append(text[last:])
    return NormalizedText("".join(pieces), tuple(cuts))


@dataclass(frozen=True, slots=True)
class Text:
    """The document's detection text, normalised (ASCII digits) and, for printed pages, with wrapped lines
    joined; every remaining line break ends a line. Offsets map back to the document."""

    document: Document
    norm: NormalizedText
    flat: NormalizedText

    @classmethod
    def of(cls, document: Document) -> Text:
        norm = normalize(document.text)
        flat = unwrap(norm.text) if document.format in WRAPPED_FORMATS else NormalizedText(norm.text)
        return cls(document, norm, flat)

    @property
    def text(self) -> str:
        return self.flat.text

    def to_document(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.span_to_original(*self.flat.span_to_original(start, end))

    def sentence(self, start: int, end: int, *, reach: int = 240) -> tuple[int, int]:
        """Bounds of the sentence around [start, end): up to 。！？； or a line break."""
        text = self.text
        left = start
        while left > max(0, start - reach) and text[left - 1] not in SENTENCE_END and text[left - 1] != "\n":
            left -= 1
        right = end
        while right < min(len(text), end + reach) and text[right] not in SENTENCE_END and text[right] != "\n":
            right += 1
        return left, right

    def years_near(self, start: int, end: int) -> list[int]:
        s, e = self.sentence(start, end)
        return [int(m.group(1)) for m in _YEAR.finditer(self.text, s, e)]

    def in_book_title(self, start: int) -> bool:
        """Inside 《…》 (the title of a document, a law): a name there is part of that title."""
        s, _ = self.sentence(start, start)
        before = self.text[s:start]
        return before.count("《") > before.count("》")

    def finding(self, entity_type: str, start: int, end: int, *, score: float, recognizer: str, explanation: str,
                severity: Severity, attributes: Mapping[str, Any]) -> Finding:
        """A finding at normalised offsets [start, end), placed in the document."""
        s, e = self.to_document(start, end)
        return Finding(entity_type=entity_type, start=s, end=e, text=self.document.text[s:e], score=score,
                       recognizer=recognizer, explanation=explanation, category=category_of(entity_type),
                       locator=self.document.locate(s, e), severity=severity, attributes=dict(attributes))

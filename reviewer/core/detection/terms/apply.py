"""Apply a workspace's term lists to a document's findings.

The lists' recognizers (`recognizers/office_terms.py`) run through the engine's presidio analyzer as ad-hoc
recognizers over the document's normalised blocks, in chunks. Then:
- a `deny` term wins over what else was found inside it (a name the office always removes is removed under
  every profile, even the punitive-notice profile that keeps the punished party's name);
- an `allow` term hides every finding lying inside it (the agency's director in her public role, 张家界 read
  as a surname) — except `block` findings: an allow list never clears a document for release.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Sequence

from presidio_analyzer import RecognizerResult

from reviewer.core.detection.normalize import normalize
from reviewer.core.detection.recognizers.office_terms import OfficeTermRecognizer, build_recognizers
from reviewer.core.detection.terms.model import SEVERITY_OF, TermKind, TermSet
from reviewer.core.documents.model import Block, Document
from reviewer.core.types import Category, EntityType, Finding, Severity

CHUNK_CHARS = 50_000
ToFinding = Callable[[Document, RecognizerResult, int, int], Finding]
_RECOGNIZERS: dict[tuple[int, str], dict[TermKind, OfficeTermRecognizer]] = {}


def recognizers_for(terms: TermSet) -> dict[TermKind, OfficeTermRecognizer]:
    """Built once per list version (a few thousand terms take a moment to compile)."""
    key = (terms.version, terms.digest)
    if key not in _RECOGNIZERS:
        _RECOGNIZERS.clear()  # one list is live at a time
        _RECOGNIZERS[key] = build_recognizers(terms)
    return _RECOGNIZERS[key]


def _chunks(blocks: Sequence[Block]) -> list[list[Block]]:
    out: list[list[Block]] = [[]]
    size = 0
    for block in blocks:
        if size >= CHUNK_CHARS:
            out.append([])
            size = 0
        out[-1].append(block)
        size += len(block.text) + 1
    return [c for c in out if c]


def term_results(document: Document, terms: TermSet,
                 analyze_ad_hoc) -> list[tuple[RecognizerResult, int, int]]:  # noqa: ANN001
    """Every match of the lists, placed in document offsets. `analyze_ad_hoc(text, recognizers)` is the
    engine's presidio call (`DetectionEngine.analyze_ad_hoc`)."""
    recognizers = list(recognizers_for(terms).values())
    if not recognizers:
        return []
    placed = []
    for chunk in _chunks([b for b in document.blocks if b.text]):
        norms = [normalize(b.text) for b in chunk]
        offsets, position = [], 0
        for n in norms:
            offsets.append(position)
            position += len(n.text) + 1
        joined = "\n".join(n.text for n in norms)
        for r in analyze_ad_hoc(joined, recognizers):
            i = bisect.bisect_right(offsets, r.start) - 1
            s, e = norms[i].span_to_original(r.start - offsets[i], r.end - offsets[i])
            placed.append((r, chunk[i].start + s, chunk[i].start + e))
    return placed


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def apply_terms(document: Document, findings: list[Finding], terms: TermSet, analyze_ad_hoc,  # noqa: ANN001
                to_finding: ToFinding) -> list[Finding]:
    """`findings` with the lists' own findings added and the deny/allow rules applied."""
    allowed: list[tuple[int, int]] = []
    listed: list[Finding] = []
    for r, start, end in term_results(document, terms, analyze_ad_hoc):
        recognizer = r.recognition_metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY, "")
        kind = TermKind(recognizer.rsplit(":", 1)[-1])
        if kind is TermKind.ALLOW:
            allowed.append((start, end))
            continue
        f = to_finding(document, r, start, end)
        listed.append(dataclasses.replace(f, severity=SEVERITY_OF.get(kind),
                                          attributes={**f.attributes, "term_list": kind.value,
                                                      "term_list_version": terms.version}))
    denied = [(f.start, f.end) for f in listed if f.entity_type == EntityType.TERM_DENY]
    out = [f for f in findings if not (f.category == Category.PERSONAL and _within(denied, f.start, f.end))]
    out.extend(listed)
    if allowed:
        out = [f for f in out if f.severity == Severity.BLOCK or not _within(allowed, f.start, f.end)]
    return out

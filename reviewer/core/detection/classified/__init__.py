"""Classified and restricted content (issue 5): GB/T 9704 版头 marks, secrecy statements, work secrets,
internal-use and process markers, printed disclosure notes, and the suggested disclosure attribute.

    findings = detect(document)              # category "restricted", severity block/review/info
    suggestion = suggest_attribute(findings)  # attribute + legal-basis codes + draft rationale

Rules and phrase lists: `resources/classified.yaml` (validated at load). Position decides: a mark in the
版头 of the first page, a page header/footer or on a line of its own is a mark; the same words inside a
sentence are a mention and give nothing.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.core.detection.classified.attribute import AttributeSuggestion, suggest_attribute
from reviewer.core.detection.classified.detect import detector_for
from reviewer.core.detection.classified.rules import ClassifiedRules, load_rules
from reviewer.core.documents.model import Document
from reviewer.core.types import Finding

__all__ = ["AttributeSuggestion", "ClassifiedRules", "DEFAULT_THRESHOLD", "detect", "load_rules",
           "suggest_attribute"]

DEFAULT_THRESHOLD = 0.5


def detect(document: Document, *, threshold: float | None = None,
           rules: ClassifiedRules | str | Path | None = None) -> list[Finding]:
    """Restricted-content findings of `document` scoring at least `threshold` (default from the rules
    file, 0.5), sorted by position. `rules` is a loaded rule set or a path to another rules file."""
    if rules is None or isinstance(rules, (str, Path)):
        rules = load_rules(rules)
    return detector_for(rules).detect(document, threshold=rules.default_threshold if threshold is None
                                      else threshold)

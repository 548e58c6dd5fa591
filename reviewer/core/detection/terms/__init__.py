"""The office's own term lists (敏感词库): the model, files, and how they apply to a document."""

from reviewer.core.detection.terms.model import (
    KIND_EN,
    KIND_ZH,
    TermChange,
    TermEntry,
    TermKind,
    TermListInvalid,
    TermSet,
    diff,
    parse_kind,
    validate_entries,
)

__all__ = ["KIND_EN", "KIND_ZH", "TermChange", "TermEntry", "TermKind", "TermListInvalid", "TermSet", "diff",
           "parse_kind", "validate_entries"]

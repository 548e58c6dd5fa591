"""Refusals of the review workflow: each says what is wrong and what to do next."""

from __future__ import annotations

from reviewer.core.errors import ReviewerError


class ReviewRefused(ReviewerError):
    """Base for every refused review action."""

    code = "review_refused"


class TransitionRefused(ReviewRefused):
    code = "transition_refused"


class SelfApprovalRefused(ReviewRefused):
    code = "self_approval"


class UndecidedFindings(ReviewRefused):
    code = "undecided_findings"


class BlockFindingUnresolved(ReviewRefused):
    code = "block_finding"


class AttributeMissing(ReviewRefused):
    code = "attribute_missing"


class RationaleRequired(ReviewRefused):
    code = "rationale_required"


class LegalBasisInvalid(ReviewRefused):
    code = "legal_basis_invalid"


class DisclosureNoteMismatch(ReviewRefused):
    code = "disclosure_note_mismatch"


class RestrictedContentUnresolved(ReviewRefused):
    code = "restricted_unresolved"


class ExportNotVerified(ReviewRefused):
    code = "export_not_verified"


class InvalidDecision(ReviewRefused):
    code = "invalid_decision"


class NothingToUndo(ReviewRefused):
    code = "nothing_to_undo"


class SignOffInvalid(ReviewRefused):
    """An approval that does not verify, or whose signed content changed since (tamper evidence)."""

    code = "signoff_invalid"


class StatusTampered(ReviewRefused):
    """`documents.status` (a cache) disagrees with the audit chain."""

    code = "status_tampered"

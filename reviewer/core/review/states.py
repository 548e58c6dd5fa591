"""The review state machine: the only place that says which status may follow which.

imported → in_review → submitted → approved → released
                          └──────→ returned → in_review
Enforced in the core (every status change goes through `check_transition`), not only in the UI.
"""

from __future__ import annotations

from enum import StrEnum

from reviewer.core.review.errors import TransitionRefused


class ReviewStatus(StrEnum):
    IMPORTED = "imported"
    IN_REVIEW = "in_review"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"
    RELEASED = "released"


STATUS_ZH = {
    ReviewStatus.IMPORTED: "已导入",
    ReviewStatus.IN_REVIEW: "审查中",
    ReviewStatus.SUBMITTED: "已提交",
    ReviewStatus.APPROVED: "已批准",
    ReviewStatus.RETURNED: "已退回",
    ReviewStatus.RELEASED: "已发布",
}

TRANSITIONS: dict[ReviewStatus, frozenset[ReviewStatus]] = {
    ReviewStatus.IMPORTED: frozenset({ReviewStatus.IN_REVIEW}),
    ReviewStatus.IN_REVIEW: frozenset({ReviewStatus.SUBMITTED}),
    ReviewStatus.SUBMITTED: frozenset({ReviewStatus.APPROVED, ReviewStatus.RETURNED}),
    ReviewStatus.RETURNED: frozenset({ReviewStatus.IN_REVIEW}),
    ReviewStatus.APPROVED: frozenset({ReviewStatus.RELEASED}),
    ReviewStatus.RELEASED: frozenset(),
}

# Statuses in which findings, decisions and the attribute record may still change.
EDITABLE = frozenset({ReviewStatus.IMPORTED, ReviewStatus.IN_REVIEW, ReviewStatus.RETURNED})


def check_transition(current: ReviewStatus, target: ReviewStatus) -> None:
    if target not in TRANSITIONS[current]:
        raise TransitionRefused(
            f"文档当前状态为“{STATUS_ZH[current]}”，不能变为“{STATUS_ZH[target]}”。",
            f"A document that is {current} cannot become {target}.")


def check_editable(current: ReviewStatus) -> None:
    if current not in EDITABLE:
        raise TransitionRefused(
            f"文档状态为“{STATUS_ZH[current]}”，审查内容已锁定；如需修改，请由审核人退回。",
            f"The document is {current}; its review is locked. Ask the supervisor to return it first.")

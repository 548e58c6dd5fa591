"""Submission and the supervisor's sign-off, with every approval rule checked in the core.

Approval needs: a supervisor who did not take part in the review, every finding decided, the
disclosure attribute recorded and consistent with the findings, no unresolved `block` finding and a
verified export made after the last change to the review. A document determined 不予公开 is the one
exception to the last two rules: nothing is published, so there is nothing to export, and a live
state-secret marking is exactly why it is withheld. The approval event is signed with the
supervisor's Ed25519 key (password re-entered) over a body that includes digests of the decisions,
the attribute record and the export, so the signature pins what was approved.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, func, select

from reviewer.core.audit import signing
from reviewer.core.audit.chain import canonical_json
from reviewer.core.review.attribute import check_consistency, latest_record
from reviewer.core.review.decisions import load_findings
from reviewer.core.review.documents import DocumentInfo, change_status, exports_for
from reviewer.core.review.errors import (
    AttributeMissing,
    BlockFindingUnresolved,
    ExportNotVerified,
    ReviewRefused,
    SelfApprovalRefused,
    TransitionRefused,
    UndecidedFindings,
)
from reviewer.core.review.states import ReviewStatus
from reviewer.core.review.users import Role, User, private_key_for, require_role
from reviewer.core.store import schema
from reviewer.core.types import DisclosureAttribute

# Actions that make someone a participant in the review of a document.
REVIEW_ACTIONS = ("decision.recorded", "decision.undone", "decision.redone", "finding.manual_added",
                  "finding.removed", "finding.restored", "attribute.recorded", "review.in_review",
                  "review.submitted")
# Actions after which an earlier export no longer reflects the review.
CHANGE_ACTIONS = ("decision.recorded", "decision.undone", "decision.redone", "finding.manual_added",
                  "finding.removed", "finding.restored", "attribute.recorded")


def reviewers_of(conn: Connection, document_id: int) -> list[str]:
    ev = schema.audit_events
    rows = conn.execute(select(ev.c.actor).where(ev.c.document_id == document_id,
                                                 ev.c.action.in_(REVIEW_ACTIONS)).distinct()).all()
    return sorted(r.actor for r in rows)


def _last_change_seq(conn: Connection, document_id: int) -> int:
    ev = schema.audit_events
    return int(conn.execute(select(func.max(ev.c.seq)).where(
        ev.c.document_id == document_id, ev.c.action.in_(CHANGE_ACTIONS))).scalar() or 0)


def approval_problems(conn: Connection, doc: DocumentInfo, approver: User | None = None) -> list[ReviewRefused]:
    """Every reason the document cannot be approved now (empty list: ready)."""
    problems: list[ReviewRefused] = []
    if doc.status != ReviewStatus.SUBMITTED:
        problems.append(TransitionRefused(f"文档尚未提交（当前：{doc.status}），不能批准。",
                                          f"The document is {doc.status}, not submitted; it cannot be approved."))
    if approver is not None and approver.username in reviewers_of(conn, doc.id):
        problems.append(SelfApprovalRefused(
            f"{approver.username} 参与了本文档的审查，不能自己批准；请由另一名审核人批准。",
            f"{approver.username} took part in reviewing this document and may not approve it; "
            "another supervisor must approve."))
    findings = load_findings(conn, doc.id)
    undecided = [f for f in findings if f.decision is None]
    if undecided:
        problems.append(UndecidedFindings(
            f"还有 {len(undecided)} 个发现项未作决定（如“{undecided[0].finding.text}”），请全部处理后再批准。",
            f"{len(undecided)} finding(s) have no decision yet (e.g. '{undecided[0].finding.text}'); "
            "decide them all first."))
    stored = latest_record(conn, doc.id)
    if stored is None:
        problems.append(AttributeMissing("尚未认定公开属性，请先填写公开属性认定记录。",
                                         "No disclosure attribute is recorded yet; record it first."))
    else:
        try:
            check_consistency(stored.record, findings)
        except ReviewRefused as exc:
            problems.append(exc)
    withheld = stored is not None and stored.record.attribute == DisclosureAttribute.WITHHELD
    if not withheld:
        blocking = [f for f in findings if f.is_block and not f.resolved_as_not_applicable]
        if blocking and not any(isinstance(p, BlockFindingUnresolved) for p in problems):
            problems.append(BlockFindingUnresolved(
                f"文档含现行密级标志“{blocking[0].finding.text}”，删除标志不能解密，不能公开；"
                "如确属误报请驳回并说明理由，否则应认定为不予公开。",
                f"The document carries a live classification marking '{blocking[0].finding.text}'; "
                "redaction does not cure it. Reject it if it is a false positive, else determine 不予公开."))
        last_change = _last_change_seq(conn, doc.id)
        good = [e for e in exports_for(conn, doc.id) if e.verified and e.event_seq > last_change]
        if not good:
            problems.append(ExportNotVerified(
                "没有在最后一次修改之后通过验证的导出件，请重新导出并验证。",
                "There is no verified export made after the last review change; export and verify again."))
    return problems


def _digest(value) -> str:
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def submit(conn: Connection, doc: DocumentInfo, actor: User):
    require_role(actor, Role.REVIEWER, Role.SUPERVISOR, action_zh="提交审查", action_en="submit a review")
    return change_status(conn, doc, ReviewStatus.SUBMITTED, actor=actor.username)


def approve(conn: Connection, doc: DocumentInfo, approver: User, password: str, *, comment: str = ""):
    """Check every rule, re-check the password, and append the signed approval event (with the
    supervisor's comment, which the signature covers)."""
    require_role(approver, Role.SUPERVISOR, action_zh="批准", action_en="approve")
    problems = approval_problems(conn, doc, approver)
    if problems:
        raise problems[0]
    key = private_key_for(conn, approver, password)
    findings = load_findings(conn, doc.id)
    decisions = {str(f.id): [str(f.decision.kind), f.decision.operator, f.decision.reason,
                             list(f.decision.legal_basis), f.decision.start, f.decision.end]
                 for f in findings if f.decision is not None}
    stored = latest_record(conn, doc.id)
    exports = [e for e in exports_for(conn, doc.id) if e.verified]
    details = {"approver": approver.username, "approver_name": approver.display_name,
               "public_key": approver.public_key, "key_fingerprint": approver.key_fingerprint,
               "reviewers": reviewers_of(conn, doc.id), "decisions_sha256": _digest(decisions),
               "attribute": str(stored.record.attribute), "attribute_sha256": _digest(stored.record.to_json()),
               "export_sha256": exports[-1].output_sha256 if exports else None}
    if comment.strip():
        details["comment"] = comment.strip()
    return change_status(conn, doc, ReviewStatus.APPROVED, actor=approver.username, details=details,
                         signer=lambda body: signing.sign(key, body))


def return_for_rework(conn: Connection, doc: DocumentInfo, supervisor: User, reason: str):
    require_role(supervisor, Role.SUPERVISOR, action_zh="退回", action_en="return a review")
    if not reason.strip():
        raise TransitionRefused("退回时必须写明理由。", "Returning a review needs a reason.")
    return change_status(conn, doc, ReviewStatus.RETURNED, actor=supervisor.username, details={"reason": reason})


def release(conn: Connection, doc: DocumentInfo, actor: User, *, channel: str = ""):
    require_role(actor, Role.SUPERVISOR, Role.ADMIN, action_zh="发布", action_en="release")
    return change_status(conn, doc, ReviewStatus.RELEASED, actor=actor.username, details={"channel": channel})

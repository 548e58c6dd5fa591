"""Submission and the supervisor's sign-off, with every approval rule checked in the core.

Approval needs: a supervisor who did not take part in the review, every finding decided, the
disclosure attribute recorded and consistent with the findings, no unresolved `block` finding and a
verified export made after the last change to the review, whose file is re-hashed here (a recorded hash
nobody can show a file for is not signed). A document determined 不予公开 is the one exception to the
last two rules: nothing is published, so there is nothing to export, and a live state-secret marking is
exactly why it is withheld. Approval, return and release are signed with the supervisor's Ed25519 key
(password re-entered); the approval's body holds digests of the decisions, the attribute record and the
export, so the signature pins what was approved and `approval_drift` can say what changed since.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sqlalchemy import Connection, func, select

from reviewer.core.audit import signing
from reviewer.core.audit.chain import AuditEvent, canonical_json
from reviewer.core.review.attribute import check_consistency, latest_record
from reviewer.core.review.decisions import StoredFinding, load_findings
from reviewer.core.review.documents import (
    DocumentInfo,
    change_status,
    check_status,
    exports_for,
    latest_review_event,
)
from reviewer.core.review.errors import (
    AttributeMissing,
    BlockFindingUnresolved,
    ExportNotVerified,
    ReviewRefused,
    SelfApprovalRefused,
    SignOffInvalid,
    TransitionRefused,
    UndecidedFindings,
)
from reviewer.core.review.states import ReviewStatus
from reviewer.core.review.users import Role, User, require_role, signing_key
from reviewer.core.store import schema
from reviewer.core.types import DisclosureAttribute

# Actions that make someone a participant in the review of a document.
REVIEW_ACTIONS = ("decision.recorded", "decision.undone", "decision.redone", "finding.manual_added",
                  "finding.removed", "finding.restored", "attribute.recorded", "review.in_review",
                  "review.submitted")
# Actions after which an earlier export no longer reflects the review.
CHANGE_ACTIONS = ("decision.recorded", "decision.undone", "decision.redone", "finding.manual_added",
                  "finding.removed", "finding.restored", "attribute.recorded")
# A detection run (issue 33) is a change too when it added, retired or restored findings (`changes_findings`).
DETECTION_ACTION = "findings.detected"


def changes_findings(details: dict) -> bool:
    """Whether a `findings.detected` event changed the document's findings (not a run that found the same)."""
    return bool(details.get("added") or details.get("retired") or details.get("restored"))


def reviewers_of(conn: Connection, document_id: int) -> list[str]:
    ev = schema.audit_events
    rows = conn.execute(select(ev.c.actor).where(ev.c.document_id == document_id,
                                                 ev.c.action.in_(REVIEW_ACTIONS)).distinct()).all()
    return sorted(r.actor for r in rows)


def _last_change_seq(conn: Connection, document_id: int) -> int:
    ev = schema.audit_events
    last = int(conn.execute(select(func.max(ev.c.seq)).where(
        ev.c.document_id == document_id, ev.c.action.in_(CHANGE_ACTIONS))).scalar() or 0)
    runs = conn.execute(select(ev.c.seq, ev.c.details_json).where(
        ev.c.document_id == document_id, ev.c.action == DETECTION_ACTION, ev.c.seq > last))
    return max([last, *(seq for seq, details in runs if changes_findings(json.loads(details)))])


def digest(value) -> str:
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def decisions_digest(findings: list[StoredFinding]) -> str:
    """What an approval signs of the decisions: each active finding's current decision."""
    return digest({str(f.id): [str(f.decision.kind), f.decision.operator, f.decision.reason,
                               list(f.decision.legal_basis), f.decision.start, f.decision.end]
                   for f in findings if f.decision is not None})


def _export_to_sign(conn: Connection, doc: DocumentInfo):
    last_change = _last_change_seq(conn, doc.id)
    good = [e for e in exports_for(conn, doc.id) if e.verified and e.event_seq > last_change]
    return good[-1] if good else None


def _file_problem(export) -> ReviewRefused | None:
    """The copy the approval will pin must still be the file that was verified."""
    path = Path(export.output_path)
    try:
        found = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ExportNotVerified(
            f"已验证的导出件 {path.name} 在本机无法读取（已移动、删除或在另一台电脑上）；批准只签署能核对的文件。"
            "请在本机重新导出后再批准。",
            f"The verified copy {path.name} cannot be read here (moved, deleted or on another computer); an "
            "approval signs only a file it can check. Export again on this computer, then approve.")
    if found != export.output_sha256:
        return ExportNotVerified(f"导出件 {path.name} 在验证后被改动，请重新导出并验证后再批准。",
                                 f"The copy {path.name} changed after it was verified; export and verify it again, "
                                 "then approve.")
    return None


def approval_problems(conn: Connection, doc: DocumentInfo, approver: User | None = None) -> list[ReviewRefused]:
    """Every reason the document cannot be approved now (empty list: ready)."""
    problems: list[ReviewRefused] = []
    if doc.status != ReviewStatus.SUBMITTED:
        problems.append(TransitionRefused(f"文档尚未提交（当前：{doc.status}），不能批准。",
                                          f"The document is {doc.status}, not submitted; it cannot be approved."))
    if approver is not None and approver.username in reviewers_of(conn, doc.id):
        problems.append(SelfApprovalRefused(
            f"{approver.username} 参与了本文档的审查，不能自己批准；请由另一名审核人批准"
            "（如还没有，请管理员在“用户”中添加）。",
            f"{approver.username} took part in reviewing this document and may not approve it; another "
            "supervisor must approve (an administrator adds one under Users if there is none)."))
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
        export = _export_to_sign(conn, doc)
        if export is None:
            problems.append(ExportNotVerified(
                "没有在最后一次修改之后通过验证的导出件，请重新导出并验证。",
                "There is no verified export made after the last review change; export and verify again."))
        else:
            problem = _file_problem(export)
            if problem is not None:
                problems.append(problem)
    return problems


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
    key = signing_key(conn, approver, password)
    findings = load_findings(conn, doc.id)
    stored = latest_record(conn, doc.id)
    export = _export_to_sign(conn, doc)
    details = {"approver": approver.username, "approver_name": approver.display_name,
               "public_key": approver.public_key, "key_fingerprint": approver.key_fingerprint,
               "reviewers": reviewers_of(conn, doc.id), "decisions_sha256": decisions_digest(findings),
               "attribute": str(stored.record.attribute), "attribute_sha256": digest(stored.record.to_json()),
               "export_sha256": export.output_sha256 if export else None,
               "export_event": export.event_seq if export else None}
    if comment.strip():
        details["comment"] = comment.strip()
    return change_status(conn, doc, ReviewStatus.APPROVED, actor=approver.username, details=details,
                         signer=lambda body: signing.sign(key, body))


def return_for_rework(conn: Connection, doc: DocumentInfo, supervisor: User, reason: str, password: str):
    require_role(supervisor, Role.SUPERVISOR, action_zh="退回", action_en="return a review")
    if not reason.strip():
        raise TransitionRefused("退回时必须写明理由。", "Returning a review needs a reason.")
    key = signing_key(conn, supervisor, password)
    return change_status(conn, doc, ReviewStatus.RETURNED, actor=supervisor.username,
                         details={"reason": reason, "public_key": supervisor.public_key},
                         signer=lambda body: signing.sign(key, body))


def release(conn: Connection, doc: DocumentInfo, actor: User, password: str, registry, *, channel: str = ""):
    """Publish an approved document: only when its approval still verifies and nothing it signed changed."""
    require_role(actor, Role.SUPERVISOR, Role.ADMIN, action_zh="发布", action_en="release")
    check_status(conn, doc)
    problems = approval_check(conn, doc, registry)
    if problems:
        raise SignOffInvalid(*problems[0])
    key = signing_key(conn, actor, password)
    return change_status(conn, doc, ReviewStatus.RELEASED, actor=actor.username,
                         details={"channel": channel, "public_key": actor.public_key},
                         signer=lambda body: signing.sign(key, body))


def latest_approval(conn: Connection, document_id: int) -> AuditEvent | None:
    from reviewer.core.audit.chain import iter_events

    found = None
    for event in iter_events(conn, document_id=document_id):
        if event.action == "review.approved":
            found = event
    return found


def approval_check(conn: Connection, doc: DocumentInfo, registry) -> list[tuple[str, str]]:
    """For an approved (or released) document: the chain says so, the approval is signed by a
    supervisor's registered key, and nothing it signed has changed. Empty list: it holds."""
    newest = latest_review_event(conn, doc.id)
    approval = latest_approval(conn, doc.id)
    if newest is None or approval is None or newest.action not in ("review.approved", "review.released"):
        return [("审计链中没有这份文档的有效批准记录，不能按已批准处理。请运行 reviewer audit verify 并联系审计员。",
                 "The audit chain holds no valid approval of this document; it cannot be treated as approved. "
                 "Run `reviewer audit verify` and contact an auditor.")]
    bad = registry.check_signed_by(approval, Role.SUPERVISOR)
    if bad is not None:
        return [bad]
    return approval_drift(conn, doc.id, approval)


def approval_drift(conn: Connection, document_id: int, approval: AuditEvent) -> list[tuple[str, str]]:
    """What changed, in the current rows, since `approval` signed the decisions, the attribute record and
    the export (each entry names the approval event)."""
    d, out = approval.details, []
    seq = approval.seq
    try:
        decisions = decisions_digest(load_findings(conn, document_id))
    except (ValueError, KeyError, TypeError):  # a row edited into something the program cannot read
        decisions = None
    if d.get("decisions_sha256") != decisions:
        out.append((f"文档 {document_id} 的审查决定在批准（第 {seq} 条事件）之后被改动。",
                    f"The decisions of document {document_id} changed after the approval in event {seq}."))
    try:
        stored = latest_record(conn, document_id)
    except (ValueError, KeyError, TypeError):
        stored = None
    if stored is None or d.get("attribute_sha256") != digest(stored.record.to_json()):
        out.append((f"文档 {document_id} 的公开属性记录在批准（第 {seq} 条事件）之后被改动。",
                    f"The attribute record of document {document_id} changed after the approval in event {seq}."))
    signed = d.get("export_sha256")
    if signed is not None:
        at = d.get("export_event")
        matching = [e for e in exports_for(conn, document_id) if e.output_sha256 == signed and e.verified
                    and e.event_seq < seq and (at is None or e.event_seq == at)]
        if not matching:
            out.append((f"批准（第 {seq} 条事件）所签的导出件 {signed[:12]}… 在导出记录中已不存在或已被改动。",
                        f"The export signed by the approval in event {seq} ({signed[:12]}…) is no longer in the "
                        "export records, or its record was altered."))
    elif d.get("attribute") != str(DisclosureAttribute.WITHHELD):
        out.append((f"批准（第 {seq} 条事件）没有签署导出件，但文档并非“不予公开”。",
                    f"The approval in event {seq} signed no export, but the document is not withheld."))
    return out

"""What the chain means: every event replayed with the rules the core enforces when it writes one.

`audit verify` first checks the chain's links (audit/verify.py); this replays its meaning:
- every action must be one the program writes (`RULES`): `review.approved_by_phone` is refused;
- users come from their signed events (`registry.UserRegistry`), and each action is checked against
  its actor's roles and active state at that time (an OS account `os:NAME` may only import, record detection runs and export);
- each document's status follows the state machine (`states.TRANSITIONS`) from its import: a status
  event must start where the last one ended, and nothing changes a review that is not editable (a
  decision after approval, a detection run that adds or retires findings of a submitted document, is named);
- approvals, returns and releases carry a valid Ed25519 signature of the key the actor had then; an
  approval by someone who took part in the review, or that signs an attribute record or an export the
  chain does not hold, is named;
- at the end, for every approved or released document, the decisions, the attribute record and the
  export record in the tables are compared with the digests the approval signed (`signoff.approval_drift`).
The replayed statuses and users are then what the state rows must say (`consistency.check_state`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection

from reviewer.core.audit.chain import AuditEvent, iter_events
from reviewer.core.review.registry import (
    SYSTEM_ACTOR,
    UPGRADE_ACTION,
    USER_ACTIONS,
    UserRegistry,
    upgrade_marker,
)
from reviewer.core.review.signoff import (
    CHANGE_ACTIONS,
    DETECTION_ACTION,
    REVIEW_ACTIONS,
    approval_drift,
    changes_findings,
    digest,
)
from reviewer.core.review.states import EDITABLE, TRANSITIONS, ReviewStatus
from reviewer.core.review.users import Role
from reviewer.core.types import DisclosureAttribute

_ANYONE = frozenset({Role.REVIEWER, Role.SUPERVISOR, Role.ADMIN})  # not an auditor: they only read
_REVIEWING = frozenset({Role.REVIEWER, Role.SUPERVISOR})


@dataclass(frozen=True, slots=True)
class Rule:
    roles: frozenset[Role] | None  # None: no registered user may (system or OS actors only)
    os: bool = False  # an OS account (`os:NAME`, the CLI without a sign-in) may
    editable: bool = False  # only while the review is editable
    to: ReviewStatus | None = None  # a status change
    signed: bool = False  # signed with the key the actor had then (who held one of `roles` then)
    document: bool = True


RULES: dict[str, Rule] = {
    "document.imported": Rule(_ANYONE, os=True),
    "document.info_set": Rule(_ANYONE, os=True, editable=True),
    "document.kind_set": Rule(_ANYONE, os=True, editable=True),  # issue 26: the kind chooses the profile
    **{action: Rule(_REVIEWING, editable=True) for action in CHANGE_ACTIONS},
    "review.in_review": Rule(_REVIEWING, to=ReviewStatus.IN_REVIEW),
    "review.submitted": Rule(_REVIEWING, to=ReviewStatus.SUBMITTED),
    "review.approved": Rule(frozenset({Role.SUPERVISOR}), to=ReviewStatus.APPROVED, signed=True),
    "review.returned": Rule(frozenset({Role.SUPERVISOR}), to=ReviewStatus.RETURNED, signed=True),
    "review.released": Rule(frozenset({Role.SUPERVISOR, Role.ADMIN}), to=ReviewStatus.RELEASED,
                            signed=True),
    "export.recorded": Rule(_ANYONE, os=True),
    # issue 33: a detection run may change findings only while the review is editable (checked below);
    # the office's term lists are kept by supervisors and administrators
    DETECTION_ACTION: Rule(_ANYONE, os=True),
    "terms.changed": Rule(frozenset({Role.SUPERVISOR, Role.ADMIN}), document=False),
    # issue 31: a batch sweep is started by a reviewer or the CLI's OS account; its documents are imported as
    # any import is (document.imported, findings.detected)
    "batch.created": Rule(_ANYONE, os=True, document=False),
    "lease.acquired": Rule(_ANYONE),
    "lease.released": Rule(_ANYONE),
    "lease.taken_over": Rule(frozenset({Role.SUPERVISOR, Role.ADMIN})),
    "workspace.migrated": Rule(None, os=True, document=False),
    UPGRADE_ACTION: Rule(None, document=False),
    "workspace.guards_restored": Rule(None, document=False),
}


@dataclass
class DocumentReplay:
    status: ReviewStatus = ReviewStatus.IMPORTED
    reviewers: set[str] = field(default_factory=set)
    last_change: int = 0
    attribute: dict | None = None
    exports: list[tuple[int, str, bool]] = field(default_factory=list)  # (seq, sha256, verified)
    approval: AuditEvent | None = None


@dataclass
class Replay:
    registry: UserRegistry
    documents: dict[int, DocumentReplay]
    problems: list[tuple[int | None, str, str]]  # (seq, zh, en)

    @property
    def signatures(self) -> int:
        return self.registry.signatures


def replay(conn: Connection, trusted_keys: Mapping[str, Collection[str]] | None = None) -> Replay:
    registry = UserRegistry(trusted_keys, legacy_until=upgrade_marker(conn))
    docs: dict[int, DocumentReplay] = {}
    problems: list[tuple[int | None, str, str]] = []
    seen_problems = 0
    for event in iter_events(conn):
        registry.observe(event)
        for found in registry.problems[seen_problems:]:
            problems.append((found.seq, found.message_zh, found.message_en))
        seen_problems = len(registry.problems)
        if event.action in USER_ACTIONS:
            continue
        problem = _event(event, registry, docs)
        if problem is not None:
            problems.append((event.seq, *problem))
    for document_id, doc in sorted(docs.items()):
        if doc.status in (ReviewStatus.APPROVED, ReviewStatus.RELEASED) and doc.approval is not None:
            problems.extend((doc.approval.seq, zh, en) for zh, en in approval_drift(conn, document_id, doc.approval))
    return Replay(registry, docs, problems)


def _bad(e: AuditEvent, zh: str, en: str) -> tuple[str, str]:
    return (f"第 {e.seq} 条事件（{e.action}）{zh}。", f"Event {e.seq} ({e.action}) {en}.")


def _event(e: AuditEvent, registry: UserRegistry, docs: dict[int, DocumentReplay]) -> tuple[str, str] | None:
    rule = RULES.get(e.action)
    if rule is None:
        return _bad(e, "不是本程序会写入的操作（未知操作），可能是伪造的",
                    "is not an action this program writes (unknown action); it may be forged")
    problem = _actor(e, rule, registry)
    if problem is not None:
        return problem
    if not rule.document:
        return None
    if e.document_id is None:
        return _bad(e, "没有指明文档", "names no document")
    if e.action == "document.imported":
        if e.document_id in docs:
            return _bad(e, f"重复导入文档 {e.document_id}", f"imports document {e.document_id} a second time")
        docs[e.document_id] = DocumentReplay()
        return None
    doc = docs.get(e.document_id)
    if doc is None:
        return _bad(e, f"涉及从未导入的文档 {e.document_id}", f"concerns document {e.document_id}, never imported")
    changes = rule.editable or (e.action == DETECTION_ACTION and changes_findings(e.details))
    if changes and doc.status not in EDITABLE:
        return _bad(e, f"在文档 {e.document_id} 处于“{doc.status}”状态时修改了审查内容（批准或提交后不得修改）",
                    f"changes the review of document {e.document_id} while it is {doc.status} "
                    "(nothing may change after submission or approval)")
    if rule.to is not None:
        problem = _transition(e, rule, registry, doc)
        if problem is not None:
            return problem
    if e.action in REVIEW_ACTIONS:
        doc.reviewers.add(e.actor)
    if e.action in CHANGE_ACTIONS or (e.action == DETECTION_ACTION and changes):
        doc.last_change = e.seq
    if e.action == "attribute.recorded":
        doc.attribute = e.details
    elif e.action == "export.recorded":
        doc.exports.append((e.seq, e.details.get("output_sha256") or "", bool(e.details.get("verified"))))
    return None


def _actor(e: AuditEvent, rule: Rule, registry: UserRegistry) -> tuple[str, str] | None:
    if e.actor.startswith("system:"):
        if rule.roles is None and not rule.document and (e.actor == SYSTEM_ACTOR or e.action != UPGRADE_ACTION):
            return None
        return _bad(e, f"由程序账号 {e.actor} 作出，但该操作只能由用户作出", f"is by {e.actor}, but only a user may do it")
    if e.actor.startswith("os:"):
        if rule.os:
            return None
        return _bad(e, f"由未登录的系统账号 {e.actor} 作出，该操作需要登录的用户",
                    f"is by the OS account {e.actor}, but it needs a signed-in user")
    snap = registry.at(e.actor, e.seq)
    if snap is None:
        return _bad(e, f"由未登记的用户 {e.actor} 作出", f"is by {e.actor}, who was not a registered user then")
    if not snap.active:
        return _bad(e, f"由当时已停用的用户 {e.actor} 作出", f"is by {e.actor}, whose account was disabled then")
    if rule.roles is None or not snap.roles.intersection(rule.roles):
        return _bad(e, f"由当时无此权限的用户 {e.actor} 作出", f"is by {e.actor}, whose roles then did not allow it")
    return None


def _transition(e: AuditEvent, rule: Rule, registry: UserRegistry, doc: DocumentReplay) -> tuple[str, str] | None:
    d = e.details
    if d.get("from") != str(doc.status) or d.get("to") != str(rule.to) or rule.to not in TRANSITIONS[doc.status]:
        return _bad(e, f"状态变化 {d.get('from')}→{d.get('to')} 与前一状态“{doc.status}”或状态机不符",
                    f"changes the status {d.get('from')}→{d.get('to')}, which does not follow from {doc.status} "
                    "under the state machine")
    legacy = e.action != "review.approved" and 0 < e.seq < registry.legacy_until
    if rule.signed and not legacy:
        problem = registry.check_signed_by(e, *rule.roles)
        if problem is not None:
            return problem
    if e.action == "review.approved":
        problem = _approval(e, doc)
        if problem is not None:
            return problem
        doc.approval = e
    doc.status = rule.to
    return None


def _approval(e: AuditEvent, doc: DocumentReplay) -> tuple[str, str] | None:
    d = e.details
    if e.actor in doc.reviewers:
        return _bad(e, f"由参与审查的 {e.actor} 自己批准", f"is approved by {e.actor}, who took part in the review")
    if doc.attribute is None or d.get("attribute_sha256") != digest(doc.attribute):
        return _bad(e, "所签的公开属性记录与审计链中的记录不符", "signs an attribute record the chain does not hold")
    withheld = doc.attribute.get("attribute") == str(DisclosureAttribute.WITHHELD)
    signed = d.get("export_sha256")
    fresh = [sha for seq, sha, ok in doc.exports if ok and seq > doc.last_change]
    if signed is None and not withheld:
        return _bad(e, "没有签署导出件，但文档并非“不予公开”", "signs no export, but the document is not withheld")
    if signed is not None and signed not in fresh and not withheld:
        return _bad(e, "所签的导出件不是最后一次修改之后通过验证的导出记录",
                    "signs an export that is not a verified export recorded after the last change")
    return None

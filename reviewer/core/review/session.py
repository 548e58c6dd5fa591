"""One reviewer working on one document: decisions, manual findings, attribute, undo/redo.

Every call is its own committed transaction (nothing the user saw acknowledged is lost in a crash).
Undo/redo walk a per-session history of steps; a step is what one user action did (a bulk decision on
many findings, or marking an occurrence and deciding it) and is undone whole, as one logged action,
never a deletion.
The first change to an imported or returned document moves it to in_review. In a shared workspace a
write is refused while another user holds the document's checkout lease, and a decision made with
`expected_version` (the finding's version the reviewer saw) is refused when someone changed it since.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.core.review import decisions as ops
from reviewer.core.review import leases
from reviewer.core.review.attribute import DisclosureRecord, check_consistency, save_record, validate_record
from reviewer.core.review.decisions import Change, Decision, DecisionKind, StoredFinding
from reviewer.core.review.documents import change_status, check_status, document_text, get_document
from reviewer.core.review.errors import NothingToUndo
from reviewer.core.review.signoff import submit
from reviewer.core.review.states import ReviewStatus, check_editable
from reviewer.core.review.users import Role, User, require_role
from reviewer.core.types import EntityType


@dataclass(frozen=True, slots=True)
class _Command:
    """Part of an undoable step: a decision row or a manual finding, identified by its row id."""

    kind: str  # "decision" | "manual_finding"
    row_id: int
    finding_id: int


Step = tuple[_Command, ...]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """An occurrence of a removed value that no finding covers yet (a propagated row), to be decided on
    its own: it becomes a finding of `entity_type` that follows finding `source`."""

    start: int
    end: int
    entity_type: str
    source: int
    locator: dict | None = None


class ReviewSession:
    """`workspace` is the service's Workspace: `acting(conn, user)` gives the user as the signed chain
    says they are now (roles, active), checked on every write, never taken from the caller's object."""

    def __init__(self, workspace, document_id: int, actor: User) -> None:
        self.workspace = workspace
        self.document_id = document_id
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        with workspace.read() as conn:
            self.actor = self._reviewer(conn, actor)
            get_document(conn, document_id)  # NotFound early

    def _reviewer(self, conn, actor: User) -> User:
        actor = self.workspace.acting(conn, actor)
        require_role(actor, Role.REVIEWER, Role.SUPERVISOR, action_zh="审查文档", action_en="review documents")
        return actor

    # --- reading -------------------------------------------------------------------------------
    def findings(self) -> list[StoredFinding]:
        with self.workspace.read() as conn:
            return ops.load_findings(conn, self.document_id)

    def _editable(self, conn):
        self.actor = self._reviewer(conn, self.actor)  # a role taken away or an account disabled: refused now
        doc = get_document(conn, self.document_id)
        leases.check_lease(conn, doc, self.actor.username)  # someone else's checkout: refused
        check_status(conn, doc)
        check_editable(doc.status)
        if doc.status != ReviewStatus.IN_REVIEW:
            change_status(conn, doc, ReviewStatus.IN_REVIEW, actor=self.actor.username)
            doc = get_document(conn, self.document_id)
        return doc

    # --- decisions -----------------------------------------------------------------------------
    def decide(self, finding_id: int, decision: Decision, *, expected_version: int | None = None) -> Change:
        return self.decide_many([finding_id], decision,
                                expected_versions=None if expected_version is None else {finding_id: expected_version})

    def decide_many(self, targets: Sequence[int | Occurrence], decision: Decision, *,
                    expected_versions: dict[int, int] | None = None) -> Change:
        """The same decision on several findings (and occurrences, which become findings first): one
        transaction, one audit event, one undo step. An edited span applies to one finding only."""
        if decision.kind == DecisionKind.EDIT and len(targets) != 1:
            raise ValueError("a span edit applies to one finding")
        return self.decide_each([(t, decision) for t in targets], expected_versions=expected_versions)

    def decide_each(self, items: Sequence[tuple[int | Occurrence, Decision]], *,
                    expected_versions: dict[int, int] | None = None) -> Change:
        """A decision per target (e.g. a bulk accept, each with its type's operator), as one step."""
        if not items:
            return Change(self.document_id)
        step: list[_Command] = []
        with self.workspace.write() as conn:
            doc = self._editable(conn)
            needs_text = any(d.kind == DecisionKind.EDIT or isinstance(t, Occurrence) for t, d in items)
            text = document_text(conn, doc.id) if needs_text else ""
            valid = []
            known = ops.get_findings(conn, doc.id, [t for t, _ in items if not isinstance(t, Occurrence)])
            for target, decision in items:
                if isinstance(target, Occurrence):
                    finding_id = ops.add_manual_finding(conn, doc, text, target.start, target.end,
                                                        actor=self.actor.username, entity_type=target.entity_type,
                                                        locator=target.locator, source=target.source)
                    step.append(_Command("manual_finding", finding_id, finding_id))
                else:
                    finding_id = target
                stored = known.get(finding_id) or self._finding(conn, finding_id)
                valid.append((stored, ops.validate_decision(decision, stored.finding, text, self.workspace.catalog)))
            ids = ops.record_decisions(conn, doc, valid, actor=self.actor.username,
                                       expected_versions=expected_versions)
        step += [_Command("decision", i, stored.id) for i, (stored, _) in zip(ids, valid, strict=True)]
        self._push(tuple(step))
        return Change(self.document_id, tuple(dict.fromkeys(c.finding_id for c in step)))

    def accept(self, finding_id: int, operator: str, *, legal_basis: Sequence[str] = (), note: str = "",
               **kw) -> Change:
        return self.decide(finding_id, Decision(DecisionKind.ACCEPT, operator=operator,
                                                legal_basis=tuple(legal_basis), note=note), **kw)

    def reject(self, finding_id: int, reason: str, *, legal_basis: Sequence[str] = (), **kw) -> Change:
        return self.decide(finding_id, Decision(DecisionKind.REJECT, reason=reason,
                                                legal_basis=tuple(legal_basis)), **kw)

    def edit_span(self, finding_id: int, start: int, end: int, operator: str, *,
                  legal_basis: Sequence[str] = (), note: str = "", **kw) -> Change:
        return self.decide(finding_id, Decision(DecisionKind.EDIT, operator=operator, start=start, end=end,
                                                legal_basis=tuple(legal_basis), note=note), **kw)

    def add_manual_finding(self, start: int, end: int, *, entity_type: str = EntityType.MANUAL,
                           note: str = "", locator: dict | None = None) -> int:
        with self.workspace.write() as conn:
            doc = self._editable(conn)
            finding_id = ops.add_manual_finding(conn, doc, document_text(conn, doc.id), start, end,
                                                actor=self.actor.username, entity_type=entity_type,
                                                note=note, locator=locator)
        self._push((_Command("manual_finding", finding_id, finding_id),))
        return finding_id

    # --- attribute and submission ---------------------------------------------------------------
    def record_attribute(self, record: DisclosureRecord) -> int:
        validate_record(record, self.workspace.catalog)
        with self.workspace.write() as conn:
            doc = self._editable(conn)
            check_consistency(record, ops.load_findings(conn, doc.id))
            return save_record(conn, doc, record, actor=self.actor.username)

    def submit(self) -> Change:
        with self.workspace.write() as conn:
            self.actor = self._reviewer(conn, self.actor)
            doc = get_document(conn, self.document_id)
            leases.check_lease(conn, doc, self.actor.username)
            if doc.status in (ReviewStatus.IMPORTED, ReviewStatus.RETURNED):
                doc = self._editable(conn)
            submit(conn, doc, self.actor)
            leases.release(conn, get_document(conn, self.document_id), self.actor)  # done with it
        self._undo.clear()
        self._redo.clear()
        return Change(self.document_id, status_changed=True)

    # --- undo / redo ---------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> Change:
        if not self._undo:
            raise NothingToUndo("没有可撤销的操作。", "Nothing to undo.")
        step = self._undo[-1]
        self._apply(step, undo=True)
        self._redo.append(self._undo.pop())
        return Change(self.document_id, tuple(dict.fromkeys(c.finding_id for c in step)))

    def redo(self) -> Change:
        if not self._redo:
            raise NothingToUndo("没有可重做的操作。", "Nothing to redo.")
        step = self._redo[-1]
        self._apply(step, undo=False)
        self._undo.append(self._redo.pop())
        return Change(self.document_id, tuple(dict.fromkeys(c.finding_id for c in step)))

    def _apply(self, step: Step, *, undo: bool) -> None:
        """Undo a step in reverse (its decisions, then the findings it marked); redo it forwards."""
        with self.workspace.write() as conn:
            doc = self._editable(conn)
            decisions = [c.row_id for c in step if c.kind == "decision"]
            marked = [c for c in step if c.kind == "manual_finding"]
            if undo:
                if decisions:
                    ops.set_decisions_undone(conn, doc, decisions, True, actor=self.actor.username)
                for c in reversed(marked):
                    ops.set_finding_active(conn, doc, c.row_id, False, actor=self.actor.username)
            else:
                for c in marked:
                    ops.set_finding_active(conn, doc, c.row_id, True, actor=self.actor.username)
                if decisions:
                    ops.set_decisions_undone(conn, doc, decisions, False, actor=self.actor.username)

    def _push(self, step: Step) -> None:
        self._undo.append(step)
        self._redo.clear()

    def _finding(self, conn, finding_id: int) -> StoredFinding:
        return ops.get_finding(conn, self.document_id, finding_id)

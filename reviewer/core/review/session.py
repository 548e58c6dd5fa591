"""One reviewer working on one document: decisions, manual findings, attribute, undo/redo.

Every call is its own committed transaction (nothing the user saw acknowledged is lost in a crash).
Undo/redo walk a per-session command history; an undo is itself a logged action, never a deletion.
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
from reviewer.core.review.documents import change_status, document_text, get_document
from reviewer.core.review.errors import NothingToUndo
from reviewer.core.review.signoff import submit
from reviewer.core.review.states import ReviewStatus, check_editable
from reviewer.core.review.users import Role, User, require_role
from reviewer.core.types import EntityType


@dataclass(frozen=True, slots=True)
class _Command:
    """An undoable step: a decision row or a manual finding, identified by its row id."""

    kind: str  # "decision" | "manual_finding"
    row_id: int
    finding_id: int


class ReviewSession:
    def __init__(self, workspace, document_id: int, actor: User) -> None:
        require_role(actor, Role.REVIEWER, Role.SUPERVISOR, action_zh="审查文档", action_en="review documents")
        self.workspace = workspace
        self.document_id = document_id
        self.actor = actor
        self._undo: list[_Command] = []
        self._redo: list[_Command] = []
        with workspace.read() as conn:
            get_document(conn, document_id)  # NotFound early

    # --- reading -------------------------------------------------------------------------------
    def findings(self) -> list[StoredFinding]:
        with self.workspace.read() as conn:
            return ops.load_findings(conn, self.document_id)

    def _editable(self, conn):
        doc = get_document(conn, self.document_id)
        leases.check_lease(conn, doc, self.actor.username)  # someone else's checkout: refused
        check_editable(doc.status)
        if doc.status != ReviewStatus.IN_REVIEW:
            change_status(conn, doc, ReviewStatus.IN_REVIEW, actor=self.actor.username)
            doc = get_document(conn, self.document_id)
        return doc

    # --- decisions -----------------------------------------------------------------------------
    def decide(self, finding_id: int, decision: Decision, *, expected_version: int | None = None) -> Change:
        with self.workspace.write() as conn:
            doc = self._editable(conn)
            stored = self._finding(conn, finding_id)
            # the document text is only needed to check and fill an edited span
            text = document_text(conn, doc.id) if decision.kind == DecisionKind.EDIT else ""
            valid = ops.validate_decision(decision, stored.finding, text, self.workspace.catalog)
            decision_id = ops.record_decision(conn, doc, stored, valid, actor=self.actor.username,
                                              expected_version=expected_version)
        self._push(_Command("decision", decision_id, finding_id))
        return Change(self.document_id, (finding_id,))

    def accept(self, finding_id: int, operator: str, *, legal_basis: Sequence[str] = (), **kw) -> Change:
        return self.decide(finding_id, Decision(DecisionKind.ACCEPT, operator=operator,
                                                legal_basis=tuple(legal_basis)), **kw)

    def reject(self, finding_id: int, reason: str, *, legal_basis: Sequence[str] = (), **kw) -> Change:
        return self.decide(finding_id, Decision(DecisionKind.REJECT, reason=reason,
                                                legal_basis=tuple(legal_basis)), **kw)

    def edit_span(self, finding_id: int, start: int, end: int, operator: str, *,
                  legal_basis: Sequence[str] = (), **kw) -> Change:
        return self.decide(finding_id, Decision(DecisionKind.EDIT, operator=operator, start=start, end=end,
                                                legal_basis=tuple(legal_basis)), **kw)

    def add_manual_finding(self, start: int, end: int, *, entity_type: str = EntityType.MANUAL,
                           note: str = "", locator: dict | None = None) -> int:
        with self.workspace.write() as conn:
            doc = self._editable(conn)
            finding_id = ops.add_manual_finding(conn, doc, document_text(conn, doc.id), start, end,
                                                actor=self.actor.username, entity_type=entity_type,
                                                note=note, locator=locator)
        self._push(_Command("manual_finding", finding_id, finding_id))
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
        command = self._undo[-1]
        self._apply(command, undo=True)
        self._redo.append(self._undo.pop())
        return Change(self.document_id, (command.finding_id,))

    def redo(self) -> Change:
        if not self._redo:
            raise NothingToUndo("没有可重做的操作。", "Nothing to redo.")
        command = self._redo[-1]
        self._apply(command, undo=False)
        self._undo.append(self._redo.pop())
        return Change(self.document_id, (command.finding_id,))

    def _apply(self, command: _Command, *, undo: bool) -> None:
        with self.workspace.write() as conn:
            doc = self._editable(conn)
            if command.kind == "decision":
                ops.set_decision_undone(conn, doc, command.row_id, undo, actor=self.actor.username)
            else:
                ops.set_finding_active(conn, doc, command.row_id, not undo, actor=self.actor.username)

    def _push(self, command: _Command) -> None:
        self._undo.append(command)
        self._redo.clear()

    def _finding(self, conn, finding_id: int) -> StoredFinding:
        return ops.get_finding(conn, self.document_id, finding_id)

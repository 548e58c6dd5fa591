"""ReviewSession implementations: thin adapters from the window to the core service.

`WorkspaceReviewSession` turns the rows of the core's `DocumentReview` (reviewer.core.service.review)
into table rows and forwards every action to it; it holds no SQL and no review rules. A document enters
the workspace when it is first detected; reopening a reviewed document shows its stored findings and
decisions. `DetectionOnlySession` is used when no workspace is open or nobody is logged in: findings are
shown, every decision is refused with a clear message.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reviewer.core.documents.model import Document
from reviewer.core.errors import ReviewerError
from reviewer.core.service.rows import ReviewRow
from reviewer.core.types import Finding
from reviewer.ui.findings_table_model import FindingRow
from reviewer.ui.labels import ReviewState
from reviewer.ui.session import Changes


class WorkspaceUnavailable(ReviewerError):
    code = "workspace_unavailable"


def _unavailable() -> WorkspaceUnavailable:
    return WorkspaceUnavailable(
        "没有打开审查工作区或尚未登录，无法记录审查决定。请先登录。",
        "No review workspace is open or nobody is logged in, so decisions cannot be recorded. Log in first.",
    )


def row_of(row: ReviewRow, *, stale: bool = False) -> FindingRow:
    """A core row as the table shows it."""
    decision = row.decision
    return FindingRow(
        row.finding,
        ReviewState(str(row.state)),
        decision.operator if decision is not None else None,
        (decision.reason or decision.note or "") if decision is not None else "",
        key=row.key,
        origin=str(row.origin),
        replacement=row.replacement,
        source=row.source,
        conflict=row.conflict,
        stale=stale,
    )


class WorkspaceReviewSession:
    def __init__(self, workspace, user, document: Document, *, profile: Callable[[], str]) -> None:
        self.workspace, self.user, self.document = workspace, user, document
        self._profile = profile
        self.review = workspace.review(document, user, profile=profile())
        self._rows: dict[str, FindingRow] = {}
        if self.review.document_id is not None:
            self._set_rows(self.review.rows())

    @property
    def document_id(self) -> int | None:
        return self.review.document_id

    def sync_profile(self) -> None:
        """The profile chosen in Settings applies from the next plan on."""
        name = self._profile()
        if name != self.review.profile.name:
            from reviewer.core.deidentify.profiles import load_profile

            self.review.profile = load_profile(name)

    def _set_rows(self, rows: Sequence[ReviewRow]) -> None:
        self._rows = {r.key: row_of(r) for r in rows}

    # -- reading --------------------------------------------------------------------------------------
    def rows(self) -> list[FindingRow]:
        return list(self._rows.values())

    def refresh_rows(self) -> Changes:
        """Recompute every row from the plan (I/O lane): replacements and propagated occurrences follow
        each decision; the table receives only what differs."""
        self.sync_profile()
        old = self._rows
        self._set_rows(self.review.rows())
        changed = tuple(r for k, r in self._rows.items() if old.get(k) != r)
        removed = tuple(k for k in old if k not in self._rows)
        return Changes(rows=changed, removed=removed)

    def _after(self, change, *, focus: str | None = None, removed: Sequence[str] = ()) -> Changes:
        """Rows an action touched, right away (their replacement follows with `refresh_rows`)."""
        fresh = [row_of(r, stale=True) for r in self.review.quick_rows(change.keys)]
        present = {r.id for r in fresh}
        gone = [k for k in change.keys if k not in present and k in self._rows]
        for row in fresh:
            self._rows[row.id] = row
        for key in (*gone, *removed):
            self._rows.pop(key, None)
        return Changes(rows=tuple(fresh), removed=tuple(dict.fromkeys((*gone, *removed))),
                       status=change.status_changed, focus=focus or change.focus, refresh=True)

    # -- detection ------------------------------------------------------------------------------------
    def record_findings(self, findings: list[Finding], *, terms=None, judgments=None) -> Changes:
        """A detection run: the first imports the document; later ones add what they newly find (an edited
        term list) and retire what nobody decided and they no longer find; each records its term lists."""
        self.review.import_findings(findings, terms=terms, judgments=judgments)
        self.sync_profile()
        self._set_rows(self.review.rows())
        return Changes(reset=True, status=True)

    # -- decisions ------------------------------------------------------------------------------------
    def operator_for(self, entity_type: str) -> str:
        self.sync_profile()
        return self.review.default_operator(entity_type)

    def decide(self, row_ids: Sequence[str], kind: str, *, operator: str | None = None, reason: str | None = None,
               note: str | None = None) -> Changes:
        """One decision on one or many rows (one undo step, one audit event)."""
        self.sync_profile()
        change = self.review.decide(list(row_ids), kind, operator=operator, reason=reason, note=note)
        virtual = [k for k in row_ids if not k.isdigit()]
        focus = change.keys[0] if len(row_ids) == 1 and virtual and change.keys else None
        return self._after(change, focus=focus, removed=virtual)

    def accept(self, row_id: str, operator: str | None = None, note: str | None = None) -> Changes:
        return self.decide([row_id], "accept", operator=operator, note=note)

    def reject(self, row_id: str, reason: str) -> Changes:
        return self.decide([row_id], "reject", reason=reason)

    def edit_span(self, row_id: str, start: int, end: int, note: str | None = None) -> Changes:
        self.sync_profile()
        change = self.review.edit_span(row_id, start, end, note=note)
        virtual = [row_id] if not row_id.isdigit() else []
        return self._after(change, focus=change.keys[0] if virtual and change.keys else None, removed=virtual)

    def add_manual(self, start: int, end: int, entity_type: str, note: str = "") -> Changes:
        return self._after(self.review.add_manual(start, end, entity_type=entity_type, note=note))

    def undo(self) -> Changes:
        return self._after(self.review.undo())

    def redo(self) -> Changes:
        return self._after(self.review.redo())

    def can_undo(self) -> bool:
        return self.review.can_undo

    def can_redo(self) -> bool:
        return self.review.can_redo

    # -- what the export will contain ----------------------------------------------------------------
    def plan(self, undecided: str = "profile"):
        self.sync_profile()
        return self.review.plan(undecided=undecided)

    def preview(self, page: int | None = None):
        """The copy as the export's writer makes it (`reviewer.core.service.preview`)."""
        self.sync_profile()
        return self.review.preview(page=page)

    def undecided_count(self) -> int:
        return sum(r.state == ReviewState.PENDING and r.origin != "propagated" for r in self._rows.values())


class DetectionOnlySession:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.document_id = None
        self._rows: list[FindingRow] = []

    def rows(self) -> list[FindingRow]:
        return list(self._rows)

    def refresh_rows(self) -> Changes:
        return Changes()

    def record_findings(self, findings: list[Finding], **_options) -> Changes:
        self._rows = [FindingRow(f) for f in findings]
        return Changes(reset=True)

    def decide(self, row_ids: Sequence[str], kind: str, **_kw) -> Changes:
        raise _unavailable()

    def accept(self, row_id: str, operator: str | None = None, note: str | None = None) -> Changes:
        raise _unavailable()

    def reject(self, row_id: str, reason: str) -> Changes:
        raise _unavailable()

    def edit_span(self, row_id: str, start: int, end: int, note: str | None = None) -> Changes:
        raise _unavailable()

    def add_manual(self, start: int, end: int, entity_type: str, note: str = "") -> Changes:
        raise _unavailable()

    def undo(self) -> Changes:
        raise _unavailable()

    def redo(self) -> Changes:
        raise _unavailable()

    def can_undo(self) -> bool:
        return False

    def can_redo(self) -> bool:
        return False

    def preview(self, page: int | None = None):
        raise _unavailable()

"""ReviewSession implementations: thin adapters from the window to the core service.

`WorkspaceReviewSession` turns the rows of the core's `DocumentReview` (reviewer.core.service.review)
into table rows and forwards every action to it; it holds no SQL and no review rules. A document enters
the workspace when it is first detected; reopening a reviewed document shows its stored findings and
decisions. Every decision carries the version of each row as the reviewer saw it: when someone else
changed the row meanwhile (a team workspace), the core refuses it and this session raises
`StaleDecision`, which shows the other reviewer's change and offers to apply this one anyway. In a team
workspace the core checks the document out on the first change and gives it back on `close()`. `DetectionOnlySession` is used when no workspace is open or nobody is logged in: findings are
shown, every decision is refused with a clear message.
"""

from __future__ import annotations

import threading
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


class StaleDecision(ReviewerError):
    """Someone else changed a row since it was shown: `changes` show their decision; `retry()` applies
    this reviewer's decision over it (with the versions now current)."""

    code = "stale_decision"

    def __init__(self, message_zh: str, message_en: str, *, changes: Changes, retry) -> None:  # noqa: ANN001
        super().__init__(message_zh, message_en)
        self.changes, self.retry = changes, retry


def _unavailable() -> WorkspaceUnavailable:
    return WorkspaceUnavailable(
        "没有打开审查工作区或尚未登录，无法记录审查决定。请先登录。",
        "No review workspace is open or nobody is logged in, so decisions cannot be recorded. Log in first.",
    )


def row_of(row: ReviewRow, *, stale: bool = False) -> FindingRow:
    """A core row as the table shows it (a preset reject reason by its label in the interface's language)."""
    from PySide6.QtCore import QLocale

    from reviewer.core.review.reasons import reason_label

    decision = row.decision
    language = "zh" if QLocale().name().startswith("zh") else "en"
    return FindingRow(
        row.finding,
        ReviewState(str(row.state)),
        decision.operator if decision is not None else None,
        (reason_label(decision.reason, language) or decision.note or "") if decision is not None else "",
        key=row.key,
        origin=str(row.origin),
        replacement=row.replacement,
        source=row.source,
        conflict=row.conflict,
        stale=stale,
        legal_basis=tuple(decision.legal_basis) if decision is not None else (),
    )


class WorkspaceReviewSession:
    def __init__(self, workspace, user, document: Document, *, profile: Callable[[], str]) -> None:
        self.workspace, self.user, self.document = workspace, user, document
        self._profile = profile
        self.review = workspace.review(document, user, profile=profile())
        self._rows: dict[str, FindingRow] = {}
        self._versions: dict[str, int] = {}  # each row's version as the reviewer last saw it
        self._core_rows: dict[str, ReviewRow] = {}  # what each table row was made from
        self._refreshing = threading.Lock()
        if self.review.document_id is not None:
            self._set_rows(self.review.rows())

    @property
    def document_id(self) -> int | None:
        return self.review.document_id

    def sync_profile(self) -> None:
        """The profile chosen in Settings applies from the next plan on (`auto`: the one the kind selects)."""
        from reviewer.core.deidentify.profiles import AUTO

        name = self._profile()
        if name == AUTO:
            if not self.review.profile_is_auto:
                self.review.use_profile(AUTO)
        elif self.review.profile_is_auto or name != self.review.profile.name:
            self.review.use_profile(name)

    def _set_rows(self, rows: Sequence[ReviewRow]) -> None:
        self._rows = {r.key: row_of(r) for r in rows}
        self._core_rows = {r.key: r for r in rows}
        self._versions = {r.key: r.version for r in rows if r.version is not None}

    def close(self) -> None:
        """The window moves on (another document or user): give a team checkout back."""
        self.review.close()

    # -- reading --------------------------------------------------------------------------------------
    def rows(self) -> list[FindingRow]:
        return list(self._rows.values())

    def refresh_rows(self) -> Changes:
        """Recompute every row from the plan (I/O lane): replacements and propagated occurrences follow
        each decision; the table receives only what differs."""
        with self._refreshing:  # two refreshes at once (I/O pool) must not leave the older one's rows
            return self._refresh_rows()

    def _refresh_rows(self) -> Changes:
        self.sync_profile()
        old, old_core = self._rows, self._core_rows
        rows: dict[str, FindingRow] = {}
        core: dict[str, ReviewRow] = {}
        changed = []
        for r in self.review.rows():
            core[r.key] = r
            before = old.get(r.key)
            if before is not None and not before.stale and old_core.get(r.key) == r:
                rows[r.key] = before  # the same core row: the same table row (thousands are unchanged)
            else:
                rows[r.key] = row = row_of(r)
                if before != row:
                    changed.append(row)
        self._rows, self._core_rows = rows, core
        removed = tuple(k for k in old if k not in rows)
        return Changes(rows=tuple(changed), removed=removed)

    def _after(self, change, *, focus: str | None = None, removed: Sequence[str] = ()) -> Changes:
        """Rows an action touched, right away (their replacement follows with `refresh_rows`)."""
        quick = self.review.quick_rows(change.keys)
        self._versions.update({r.key: r.version for r in quick if r.version is not None})
        fresh = [row_of(r, stale=True) for r in quick]
        present = {r.id for r in fresh}
        gone = [k for k in change.keys if k not in present and k in self._rows]
        for row in fresh:
            self._rows[row.id] = row
        for key in (*gone, *removed):
            self._rows.pop(key, None)
            self._core_rows.pop(key, None)
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

    def profile_keeps(self, entity_type: str) -> bool:
        """The profile publishes this type as it is (organisations, markings): undecided, it stays."""
        from reviewer.core.deidentify.operators import OperatorKind

        return self.review.profile.rule_for(str(entity_type)).operator is OperatorKind.KEEP

    def decide(self, row_ids: Sequence[str], kind: str, *, operator: str | None = None, reason: str | None = None,
               note: str | None = None) -> Changes:
        """One decision on one or many rows (one undo step, one audit event), refused if a row changed
        since it was shown (`StaleDecision`)."""
        self.sync_profile()

        def attempt() -> Changes:
            seen = {k: self._versions[k] for k in row_ids if k in self._versions}
            change = self.review.decide(list(row_ids), kind, operator=operator, reason=reason, note=note,
                                        expected_versions=seen)
            virtual = [k for k in row_ids if not k.isdigit()]
            focus = change.keys[0] if len(row_ids) == 1 and virtual and change.keys else None
            return self._after(change, focus=focus, removed=virtual)

        return self._guarded(attempt, list(row_ids), kind, reason or operator)

    def _guarded(self, attempt, row_ids: list[str], kind: str, what: str | None) -> Changes:  # noqa: ANN001
        from reviewer.core.store.errors import StaleWrite

        try:
            return attempt()
        except StaleWrite:
            pass
        theirs = self._after(_Touched(tuple(k for k in row_ids if k.isdigit())))  # now shows their decision
        names = []
        for key in row_ids:
            stored = self.review.current(key)
            if stored is not None and stored.decision is not None:
                d = stored.decision
                names.append((d.actor or "?", str(d.kind), d.operator or d.reason or ""))
        who = names[0] if names else ("?", "?", "")
        mine_en = f"{kind}{f' ({what})' if what else ''}"
        return_zh = (f"{who[0]} 在您查看之后已修改此发现项：{_KIND_ZH.get(who[1], who[1])}（{who[2]}）。"
                     f"表格已显示对方的决定。是否仍以您的决定（{_KIND_ZH.get(kind, kind)}）覆盖？")
        return_en = (f"{who[0]} changed this finding after you loaded it: {who[1]} ({who[2]}). The table now "
                     f"shows their decision. Apply yours ({mine_en}) over it anyway?")
        raise StaleDecision(return_zh, return_en, changes=theirs, retry=attempt)

    def accept(self, row_id: str, operator: str | None = None, note: str | None = None) -> Changes:
        return self.decide([row_id], "accept", operator=operator, note=note)

    def reject(self, row_id: str, reason: str) -> Changes:
        return self.decide([row_id], "reject", reason=reason)

    def edit_span(self, row_id: str, start: int, end: int, note: str | None = None) -> Changes:
        self.sync_profile()

        def attempt() -> Changes:
            change = self.review.edit_span(row_id, start, end, note=note,
                                           expected_version=self._versions.get(row_id))
            virtual = [row_id] if not row_id.isdigit() else []
            return self._after(change, focus=change.keys[0] if virtual and change.keys else None, removed=virtual)

        return self._guarded(attempt, [row_id], "edit", None)

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


_KIND_ZH = {"accept": "采纳", "reject": "驳回", "edit": "修改范围"}


class _Touched:
    """A change naming rows to re-read (after a refused stale write)."""

    def __init__(self, keys: tuple[str, ...]) -> None:
        self.keys, self.status_changed, self.focus = keys, False, None


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

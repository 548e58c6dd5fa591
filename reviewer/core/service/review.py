"""`DocumentReview`: one reviewer's review of one document — every operation the front ends perform.

Each mutating call is one transaction and one audit event (through `review.session.ReviewSession`) and
returns a `ReviewChange` naming the rows it touched. Rows, preview and export all come from one plan
(`plan()`), built from the stored decisions with the same rules for the GUI and the CLI: the newest
decision that is not undone wins; accepting content the profile keeps means removing it (redact);
undecided findings follow the profile unless the reviewer exports "as decided".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.deidentify.operators import OperatorKind
from reviewer.core.deidentify.plan import RedactionPlan, plan_from_decisions
from reviewer.core.deidentify.profiles import Profile, load_profile
from reviewer.core.documents.model import Document
from reviewer.core.errors import ReviewerError
from reviewer.core.review.decisions import Decision, DecisionKind, StoredFinding
from reviewer.core.review.session import Occurrence, ReviewSession
from reviewer.core.review.users import User
from reviewer.core.service.exporting import UNDECIDED_PROFILE, ExportOutcome, export_copy
from reviewer.core.service.rows import (
    ReviewRow,
    RowOrigin,
    RowState,
    as_decided,
    parse_propagated,
    review_rows,
)
from reviewer.core.types import JUDGMENT_TYPES, EntityType, Finding


class NotInWorkspace(ReviewerError):
    code = "not_in_workspace"

    def __init__(self) -> None:
        super().__init__("请先运行检测（Ctrl+D），文档检测后才会登记到工作区。",
                         "Run detection first (Ctrl+D): a document enters the workspace when it is detected.")


class RowGone(ReviewerError):
    code = "row_gone"

    def __init__(self, key: str) -> None:
        super().__init__(f"该行（{key}）已不存在：表格正在刷新，请重新选择。",
                         f"That row ({key}) no longer exists: the table is refreshing; select it again.")


@dataclass(frozen=True, slots=True)
class ReviewChange:
    """What an operation changed: the keys of the rows to re-read (a refresh of all rows follows, since
    one decision can change other rows' replacements: 张某 becomes 张某甲 when a second 张 is accepted)."""

    keys: tuple[str, ...] = ()
    status_changed: bool = False
    focus: str | None = None


def default_operator(profile: Profile, entity_type: str) -> str:
    """The operator an accept applies: the profile's, or `redact` where the profile keeps the type —
    accepting a finding means "remove it from the published copy" (a marking, an organisation)."""
    if entity_type in JUDGMENT_TYPES:  # wording/timing: acknowledged, the text stays (issue 33)
        return str(OperatorKind.KEEP)
    operator = profile.rule_for(str(entity_type)).operator
    return str(OperatorKind.REDACT if operator is OperatorKind.KEEP else operator)


class DocumentReview:
    def __init__(self, workspace, document: Document, actor: User | None, *,  # noqa: ANN001 - a Workspace
                 profile: str | Profile = "general") -> None:
        self.workspace, self.document, self.actor = workspace, document, actor
        self.profile = profile if isinstance(profile, Profile) else load_profile(profile)
        info = workspace.find_document(document.sha256)
        self.document_id: int | None = info.id if info else None
        self._session: ReviewSession | None = None
        self._rows: dict[str, ReviewRow] = {}

    # --- the session (undo history) of this reviewer on this document ------------------------------
    @property
    def session(self) -> ReviewSession:
        if self.document_id is None:
            raise NotInWorkspace()
        if self._session is None:
            self._session = self.workspace.session(self.document_id, self.actor)
        return self._session

    def import_findings(self, findings: Sequence[Finding], *, terms=None,  # noqa: ANN001
                        judgments=None) -> ReviewChange:
        """Detection results enter the workspace with the document; a later run adds what it newly finds and
        retires what nobody decided and it no longer finds, and each run records the term lists it used
        (`service.terms.record_detection`, issue 33)."""
        from reviewer.core.service.terms import record_detection

        info, _record = record_detection(self.workspace, self.document, findings, self.actor, terms=terms,
                                         judgments=judgments)
        self.document_id = info.id
        return ReviewChange(status_changed=True)

    # --- reading --------------------------------------------------------------------------------
    def stored(self, ids: Sequence[int] | None = None) -> list[StoredFinding]:
        if self.document_id is None:
            return []
        return self.workspace.findings(self.document_id, ids=ids)

    def plan(self, *, undecided: str = UNDECIDED_PROFILE, stored: Sequence[StoredFinding] | None = None
             ) -> RedactionPlan:
        stored = self.stored() if stored is None else stored
        pairs = [(s.finding, s.decision) for s in stored if s.active]
        return plan_from_decisions(pairs, self.profile, key=self.workspace.hash_key(), undecided=undecided,
                                   text=self.document.text)

    def rows(self, *, undecided: str = UNDECIDED_PROFILE) -> list[ReviewRow]:
        """Every row, with what its text becomes in the copy (the whole plan is rebuilt)."""
        stored = self.stored()
        rows = review_rows(self.document, stored, self.plan(undecided=undecided, stored=stored))
        self._rows = {r.key: r for r in rows}
        return rows

    def quick_rows(self, keys: Sequence[str]) -> list[ReviewRow]:
        """The decided state of a few rows right after an action, without rebuilding the plan (their
        replacement is the last one known until `rows()` runs again)."""
        ids = [int(k) for k in keys if k.isdigit()]
        out = []
        for s in self.stored(ids):
            if not s.active:
                continue
            old = self._rows.get(str(s.id))
            state = (RowState.PENDING if s.decision is None else
                     RowState.REJECTED if s.decision.kind == DecisionKind.REJECT else RowState.ACCEPTED)
            origin = RowOrigin.PROPAGATED if s.finding.attributes.get("source") is not None else (
                RowOrigin.MANUAL if s.manual else RowOrigin.DETECTED)
            out.append(ReviewRow(str(s.id), as_decided(s, self.document), state, origin, s.decision,
                                 None if old is None else old.replacement,
                                 None if old is None else old.source, version=s.version))
        return out

    def row(self, key: str) -> ReviewRow:
        if key not in self._rows:
            self.rows()
        if key not in self._rows:
            raise RowGone(key)
        return self._rows[key]

    def default_operator(self, entity_type: str) -> str:
        return default_operator(self.profile, entity_type)

    # --- decisions ------------------------------------------------------------------------------
    def _target(self, key: str) -> int | Occurrence:
        if key.isdigit():
            return int(key)
        span = parse_propagated(key)
        if span is None:
            raise RowGone(key)
        row = self.row(key)
        source = int(row.source) if row.source and row.source.isdigit() else None
        if source is None:
            raise RowGone(key)
        return Occurrence(span[0], span[1], str(row.finding.entity_type), source,
                          dict(self.document.locate(*span)))

    def decide(self, keys: Sequence[str], kind: DecisionKind | str, *, operator: str | None = None,
               reason: str | None = None, note: str | None = None, legal_basis: Sequence[str] = ()
               ) -> ReviewChange:
        """The same decision on one or many rows (one undo step, one audit event). Accepting without
        an operator applies each row's default operator: rows of different types are grouped."""
        kind = DecisionKind(kind)
        targets = [(k, self._target(k)) for k in keys]
        if kind is DecisionKind.ACCEPT and operator is None:
            groups: dict[str, list] = {}
            for key, target in targets:
                groups.setdefault(self.default_operator(self.row(key).finding.entity_type), []).append(target)
            if len(groups) > 1:  # one step per operator would split the undo: decide them in one go
                return self._decide_mixed(targets, note, legal_basis)
            operator = next(iter(groups)) if groups else None
        decision = Decision(kind, operator=operator, reason=reason, legal_basis=tuple(legal_basis), note=note)
        change = self.session.decide_many([t for _, t in targets], decision)
        return ReviewChange(tuple(str(i) for i in change.finding_ids), focus=None)

    def _decide_mixed(self, targets, note, legal_basis) -> ReviewChange:  # noqa: ANN001
        ids: list[str] = []
        per_target = [(t, Decision(DecisionKind.ACCEPT, operator=self.default_operator(self.row(k).finding.entity_type),
                                   legal_basis=tuple(legal_basis), note=note)) for k, t in targets]
        change = self.session.decide_each(per_target)
        ids.extend(str(i) for i in change.finding_ids)
        return ReviewChange(tuple(ids))

    def edit_span(self, key: str, start: int, end: int, *, note: str | None = None,
                  operator: str | None = None) -> ReviewChange:
        row = self.row(key)
        operator = operator or (row.decision.operator if row.decision and row.decision.operator
                                else self.default_operator(row.finding.entity_type))
        decision = Decision(DecisionKind.EDIT, operator=operator, start=start, end=end, note=note)
        change = self.session.decide_many([self._target(key)], decision)
        return ReviewChange(tuple(str(i) for i in change.finding_ids))

    def add_manual(self, start: int, end: int, *, entity_type: str = EntityType.MANUAL, note: str = ""
                   ) -> ReviewChange:
        finding_id = self.session.add_manual_finding(start, end, entity_type=entity_type, note=note,
                                                     locator=dict(self.document.locate(start, end)))
        return ReviewChange((str(finding_id),), focus=str(finding_id))

    def undo(self) -> ReviewChange:
        return ReviewChange(tuple(str(i) for i in self.session.undo().finding_ids))

    def redo(self) -> ReviewChange:
        return ReviewChange(tuple(str(i) for i in self.session.redo().finding_ids))

    @property
    def can_undo(self) -> bool:
        return self._session is not None and self._session.can_undo

    @property
    def can_redo(self) -> bool:
        return self._session is not None and self._session.can_redo

    # --- attribute and submission ----------------------------------------------------------------
    def suggest_attribute(self):  # noqa: ANN201 - detection.classified.attribute.Suggestion
        """The attribute the findings call for, from the findings the reviewer still stands by (not the
        rejected ones, not propagated occurrences of removed values)."""
        from reviewer.core.detection.classified.attribute import suggest_attribute

        kept = [s.finding for s in self.stored() if s.active and not s.resolved_as_not_applicable
                and s.finding.attributes.get("source") is None]
        return suggest_attribute(kept, catalog=self.workspace.catalog)

    def suggest_judgments(self, *, channel: str = "", release=None):  # noqa: ANN001, ANN201
        """Suggestions for the attribute's wording, timing and channel fields (`service.judgments`)."""
        from reviewer.core.service.judgments import suggest_judgments

        return suggest_judgments(self, channel=channel, release=release)

    def channel_warning(self, channel: str) -> str:
        """"" unless `channel` reaches further than the audience the rules name for this kind of document."""
        from reviewer.core.service.judgments import channel_warning

        return channel_warning(self, channel)

    def record_attribute(self, record) -> int:  # noqa: ANN001 - a review.attribute.DisclosureRecord
        return self.session.record_attribute(record)

    def submit(self) -> ReviewChange:
        self.session.submit()
        return ReviewChange(status_changed=True)

    # --- what will be published -----------------------------------------------------------------
    def preview(self, *, page: int | None = None, undecided: str = UNDECIDED_PROFILE):  # noqa: ANN201
        """The copy as it will be published, made by the export's own writer (`service.preview`). Only
        after detection: before it, a preview would show the original as if it were safe to publish."""
        from reviewer.core.service.preview import preview_copy

        if self.document_id is None:
            raise NotInWorkspace()
        return preview_copy(self.document, self.plan(undecided=undecided), page=page)

    def export_copy(self, output: str | Path, *, undecided: str = UNDECIDED_PROFILE,
                    override_reason: str | None = None, pdf_rasterize: bool = False, rename: bool = True,
                    extra: Sequence[Finding] = (), progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> ExportOutcome:
        """Gate → plan → write → verify, then record the export (its file's hash, computed here).
        `extra`: findings given for this export only (the CLI's --person/--manual), undecided."""
        if self.document_id is None:
            raise NotInWorkspace()
        stored = [s for s in self.stored() if s.active]
        pairs = [(s.finding, s.decision) for s in stored] + [(f, None) for f in extra]
        outcome = export_copy(self.document, pairs, self.profile, output, key=self.workspace.hash_key(),
                              undecided=undecided, override_reason=override_reason, rename=rename,
                              pdf_rasterize=pdf_rasterize, progress=progress, cancelled=cancelled)
        self.workspace.record_verified_export(self.document_id, outcome, actor=self.actor)
        return outcome

"""`DocumentReview`: one reviewer's review of one document — every operation the front ends perform.

Each mutating call is one transaction and one audit event (through `review.session.ReviewSession`) and
returns a `ReviewChange` naming the rows it touched. Rows, preview and export all come from one plan
(`plan()`), built from the stored decisions with the same rules for the GUI and the CLI: the newest
decision that is not undone wins; accepting content the profile keeps means removing it (redact);
undecided findings follow the profile unless the reviewer exports "as decided".

The profile is by default the one the document's kind selects (`profile="auto"`, issue 26): the kind is
recognised from the text at import and a reviewer may change it (`set_kind`). Persons' roles and contacts'
owners come with the findings (detection/roles.py); after a change of kind they are worked out again for the
new kind (a name in a roster row is a 公示对象 in a 任前公示, a party in a 失信名单). An accept without a legal
basis gets the catalogue's default for the finding's type and role, stored with the decision; the printed
附注 is confirmed by an accept, never removed.

Exports are recorded here and only here: the hash is taken from the file this call wrote and verified
(a failed verification is recorded too). In a team workspace the reviewer's first change checks the
document out (and later ones keep the lease alive); a decision made from a stale view (`expected_versions`)
is refused with the version seen and the current one.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reviewer.core.audit.chain import utc_now
from reviewer.core.deidentify.errors import VerificationFailed
from reviewer.core.deidentify.operators import OperatorKind
from reviewer.core.deidentify.plan import RedactionPlan, plan_from_decisions
from reviewer.core.deidentify.profiles import AUTO, Profile, load_profile
from reviewer.core.documents.kinds import Kind, KindGuess, load_kinds, recognize_document
from reviewer.core.documents.model import Document
from reviewer.core.errors import ReviewerError
from reviewer.core.review import documents
from reviewer.core.review.decisions import Decision, DecisionKind, StoredFinding
from reviewer.core.review.errors import SignOffInvalid
from reviewer.core.review.session import Occurrence, ReviewSession
from reviewer.core.review.states import EDITABLE, ReviewStatus
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


def default_operator(profile: Profile, entity_type: str | Finding) -> str:
    """The operator an accept applies: the profile's for the finding (its role and owner count when a finding
    is given), the type's rule when the role's says keep, or `redact` where even the type's is keep — accepting
    a finding means "remove it from the published copy" (a marking, an organisation, an official's name). The
    printed 附注 and the wording/timing judgments (issue 33) are the exceptions: accepting them confirms or
    acknowledges them (`keep`); they are checks, not values to remove."""
    entity_type_name = str(getattr(entity_type, "entity_type", entity_type))
    if entity_type_name == EntityType.DISCLOSURE_NOTE or entity_type_name in JUDGMENT_TYPES:
        return str(OperatorKind.KEEP)
    operators = [profile.rule_for(entity_type_name).operator]
    if isinstance(entity_type, Finding):
        operators.insert(0, profile.choose(entity_type).rule.operator)
    operator = next((o for o in operators if o is not OperatorKind.KEEP), OperatorKind.REDACT)
    return str(operator)


class DocumentReview:
    def __init__(self, workspace, document: Document, actor: User | None, *,  # noqa: ANN001 - a Workspace
                 profile: str | Profile = AUTO, checkout: bool | None = None) -> None:
        """`checkout`: hold the document's checkout lease while changing it (default: on a team server)."""
        self.workspace, self.document, self.actor = workspace, document, actor
        info = workspace.find_document(document.sha256)
        self.document_id: int | None = info.id if info else None
        self._stored_kind = info.kind if info else ""
        self._guess: KindGuess | None = None
        self._requested: str | Profile = profile
        self._auto_profile: Profile | None = None
        self.basis_labels: bool | None = None  # print legal-basis labels (None: as the profile says)
        self._session: ReviewSession | None = None
        self._rows: dict[str, ReviewRow] = {}
        self.checkout = workspace.shared if checkout is None else checkout
        self._lease_until: str | None = None  # our lease's expiry as last seen
        self._parsed: dict[int, Finding] = {}  # stored findings already read (their content never changes)
        self._plan_cache: tuple[tuple, RedactionPlan] | None = None
        self._roles_cache: tuple[tuple, list[StoredFinding]] | None = None
        if not isinstance(profile, Profile) and profile != AUTO:
            self._requested = load_profile(profile)  # a wrong name fails here, not at the first plan

    # --- the document's kind and the profile it selects -----------------------------------------
    @property
    def kind_guess(self) -> KindGuess:
        """The kind, title and 文号 recognised from the text (documents/kinds.py)."""
        if self._guess is None:
            self._guess = recognize_document(self.document)
        return self._guess

    @property
    def kind(self) -> Kind:
        """The document's kind: the reviewer's choice (stored with the document), else the recognised one."""
        if self._stored_kind:
            return load_kinds().get(self._stored_kind)
        return self.kind_guess.kind

    @property
    def kind_evidence(self) -> str:
        if self._stored_kind and self._stored_kind != self.kind_guess.code:
            return f"审查人选定（识别结果为“{self.kind_guess.kind.zh}”：{self.kind_guess.evidence}）"
        return self.kind_guess.evidence

    def set_kind(self, code: str) -> ReviewChange:
        """The reviewer's choice of kind (audited); with `profile="auto"` the profile follows it."""
        if self.document_id is None:
            raise NotInWorkspace()
        self.workspace.set_document_kind(self.document_id, self.actor, code)
        self._stored_kind = load_kinds().get(code).code
        self._auto_profile = None
        return ReviewChange(status_changed=True)

    @property
    def profile_is_auto(self) -> bool:
        return not isinstance(self._requested, Profile)

    @property
    def profile(self) -> Profile:
        if isinstance(self._requested, Profile):
            profile = self._requested
        else:
            if self._auto_profile is None or self._auto_profile.name != self.kind.profile:
                self._auto_profile = load_profile(self.kind.profile)
            profile = self._auto_profile
        if self.basis_labels is not None and profile.basis_labels != self.basis_labels:
            profile = profile.with_basis_labels(self.basis_labels)
        return profile

    @profile.setter
    def profile(self, value: str | Profile) -> None:
        self.use_profile(value)

    def use_profile(self, value: str | Profile) -> None:
        """Another profile from the next plan on: a name, a Profile, or `auto` (the kind's)."""
        self._requested = value if isinstance(value, Profile) or value == AUTO else load_profile(value)

    # --- the session (undo history) of this reviewer on this document ------------------------------
    @property
    def session(self) -> ReviewSession:
        if self.document_id is None:
            raise NotInWorkspace()
        if self._session is None:
            self._session = self.workspace.session(self.document_id, self.actor)
        return self._session

    def _writing(self) -> ReviewSession:
        """The session, with the checkout held in a team workspace (taken on the first change, renewed
        when less than half of it is left; someone else's live checkout refuses the change)."""
        session = self.session
        if self.checkout:
            now = utc_now()
            if self._lease_until is None or self._lease_until <= _halfway(now):
                lease = self.workspace.checkout(self.document_id, self.actor)
                self._lease_until = lease.expires_at
        return session

    def close(self) -> None:
        """Give the checkout back (the document is closed, or another user takes over the window)."""
        if self._lease_until is not None and self.document_id is not None:
            self._lease_until = None
            self.workspace.release_checkout(self.document_id, self.actor)

    def import_findings(self, findings: Sequence[Finding], *, terms=None,  # noqa: ANN001
                        judgments=None) -> ReviewChange:
        """Detection results enter the workspace with the document (once per file content, with the title, 文号
        and kind read from its text); a later run adds what it newly finds and retires what nobody decided and it
        no longer finds, and each run records the term lists it used (`service.terms.record_detection`, issue 33).
        A document already stored keeps its kind (a reviewer's choice stays). A later run changes the review,
        so in a team workspace it holds the checkout like any change (someone else's live checkout refuses it)."""
        from reviewer.core.service.terms import record_detection

        if (self.checkout and isinstance(self.actor, User) and self.document_id is not None
                and self.workspace.document(self.document_id).status in EDITABLE):
            self._writing()
        guess = self.kind_guess
        info, _record = record_detection(self.workspace, self.document, findings, self.actor, terms=terms,
                                         judgments=judgments, title=guess.title or None,
                                         doc_number=guess.doc_number, kind=guess.code)
        self.document_id = info.id
        self._stored_kind = info.kind
        return ReviewChange(status_changed=True)

    # --- reading --------------------------------------------------------------------------------
    def stored(self, ids: Sequence[int] | None = None) -> list[StoredFinding]:
        if self.document_id is None:
            return []
        found = self.workspace.findings(self.document_id, ids=ids, parsed=self._parsed)
        if ids is None or self._roles_as_detected(found):
            return self._with_roles(found)
        # roles depend on the other findings (a list shares its first name's word): work them out on all
        wanted = {s.id for s in found}
        everything = self._with_roles(self.workspace.findings(self.document_id, include_inactive=True,
                                                                parsed=self._parsed))
        return [s for s in everything if s.id in wanted]

    def _roles_as_detected(self, stored: list[StoredFinding]) -> bool:
        return self.kind.code == self.kind_guess.code and all(
            "role" in s.finding.attributes for s in stored if s.finding.entity_type == EntityType.PERSON)

    def _with_roles(self, stored: list[StoredFinding]) -> list[StoredFinding]:
        """The findings with roles and owners for the document's current kind: as detected when the kind is
        the one detection saw and every person has a role; worked out again otherwise (another kind chosen,
        a workspace from before roles)."""
        kind = self.kind
        if self._roles_as_detected(stored):
            return stored
        key = (kind.code, tuple((s.id, s.version) for s in stored))
        if self._roles_cache is not None and self._roles_cache[0] == key:
            return self._roles_cache[1]
        from reviewer.core.detection.roles import assign_roles

        findings = assign_roles(self.document, [s.finding for s in stored], kind=kind)
        out = [dataclasses.replace(s, finding=f) for s, f in zip(stored, findings, strict=True)]
        self._roles_cache = (key, out)
        return out

    def plan(self, *, undecided: str = UNDECIDED_PROFILE, stored: Sequence[StoredFinding] | None = None
             ) -> RedactionPlan:
        stored = self.stored() if stored is None else stored
        # The same findings in the same versions under the same profile make the same plan: the preview
        # that follows a refresh of the rows reuses it (a finding's version changes with every decision,
        # undo and redo on it).
        state = (self.profile, self.kind.code, undecided,
                 tuple((s.id, s.version, s.active, s.decision, s.finding.attributes.get("role")) for s in stored))
        cached = self._plan_cache
        if cached is not None and cached[0] == state:
            return cached[1]
        pairs = [(s.finding, s.decision) for s in stored if s.active]
        plan = plan_from_decisions(pairs, self.profile, key=self.workspace.hash_key(), undecided=undecided,
                                   text=self.document.text)
        self._plan_cache = (state, plan)
        return plan

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

    def default_operator(self, entity_type: str | Finding) -> str:
        return default_operator(self.profile, entity_type)

    def default_basis(self, finding: Finding) -> tuple[str, ...]:
        """The legal basis an accept of this finding records when the reviewer gives none (by type and role)."""
        if finding.entity_type == EntityType.DISCLOSURE_NOTE:
            return ()  # confirmed, not withheld: nothing to justify
        return self.workspace.catalog.default_for_finding(finding)

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
               reason: str | None = None, note: str | None = None, legal_basis: Sequence[str] = (),
               expected_versions: Mapping[str, int] | None = None) -> ReviewChange:
        """The same decision on one or many rows (one undo step, one audit event). Accepting without
        an operator applies each row's default operator: rows of different types are grouped.
        `expected_versions`: the version of each row the reviewer saw; a row changed since is refused
        (`StaleWrite`) and nothing is saved."""
        kind = DecisionKind(kind)
        targets = [(k, self._target(k)) for k in keys]
        versions = _versions(expected_versions)
        if kind is DecisionKind.ACCEPT and (operator is None or not legal_basis):
            # each row its default operator and legal basis (by type and role): rows that differ are decided
            # together as one step
            groups: dict[tuple[str, tuple[str, ...]], list] = {}
            for key, target in targets:
                finding = self.row(key).finding
                chosen = operator or self.default_operator(finding)
                basis = tuple(legal_basis) or self.default_basis(finding)
                groups.setdefault((chosen, basis), []).append(target)
            if len(groups) > 1:  # one step per operator would split the undo: decide them in one go
                return self._decide_mixed(targets, note, legal_basis, versions, operator)
            if groups:
                operator, legal_basis = next(iter(groups))
        decision = Decision(kind, operator=operator, reason=reason, legal_basis=tuple(legal_basis), note=note)
        change = self._writing().decide_many([t for _, t in targets], decision, expected_versions=versions)
        return ReviewChange(tuple(str(i) for i in change.finding_ids), focus=None)

    def _decide_mixed(self, targets, note, legal_basis, versions, operator=None) -> ReviewChange:  # noqa: ANN001
        ids: list[str] = []
        per_target = []
        for k, t in targets:
            finding = self.row(k).finding
            per_target.append((t, Decision(DecisionKind.ACCEPT, operator=operator or self.default_operator(finding),
                                           legal_basis=tuple(legal_basis) or self.default_basis(finding), note=note)))
        change = self._writing().decide_each(per_target, expected_versions=versions)
        ids.extend(str(i) for i in change.finding_ids)
        return ReviewChange(tuple(ids))

    def edit_span(self, key: str, start: int, end: int, *, note: str | None = None,
                  operator: str | None = None, expected_version: int | None = None) -> ReviewChange:
        row = self.row(key)
        operator = operator or (row.decision.operator if row.decision and row.decision.operator
                                else self.default_operator(row.finding))
        basis = (row.decision.legal_basis if row.decision and row.decision.legal_basis
                 else self.default_basis(row.finding))
        decision = Decision(DecisionKind.EDIT, operator=operator, start=start, end=end, note=note,
                            legal_basis=tuple(basis))
        versions = _versions({key: expected_version} if expected_version is not None else None)
        change = self._writing().decide_many([self._target(key)], decision, expected_versions=versions)
        return ReviewChange(tuple(str(i) for i in change.finding_ids))

    def add_manual(self, start: int, end: int, *, entity_type: str = EntityType.MANUAL, note: str = ""
                   ) -> ReviewChange:
        finding_id = self._writing().add_manual_finding(start, end, entity_type=entity_type, note=note,
                                                        locator=dict(self.document.locate(start, end)))
        return ReviewChange((str(finding_id),), focus=str(finding_id))

    def undo(self) -> ReviewChange:
        return ReviewChange(tuple(str(i) for i in self._writing().undo().finding_ids))

    def redo(self) -> ReviewChange:
        return ReviewChange(tuple(str(i) for i in self._writing().redo().finding_ids))

    def current(self, key: str) -> StoredFinding | None:
        """The row's finding as stored now (its current decision and version): what someone else did."""
        if not key.isdigit():
            return None
        found = self.stored([int(key)])
        return found[0] if found else None

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
        return self._writing().record_attribute(record)

    def submit(self) -> ReviewChange:
        self._writing().submit()
        self._lease_until = None  # submitting ends the checkout
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
        self._approval_holds()
        stored = [s for s in self.stored() if s.active]
        pairs = [(s.finding, s.decision) for s in stored] + [(f, None) for f in extra]
        try:
            outcome = export_copy(self.document, pairs, self.profile, output, key=self.workspace.hash_key(),
                                  undecided=undecided, override_reason=override_reason, rename=rename,
                                  pdf_rasterize=pdf_rasterize, progress=progress, cancelled=cancelled)
        except VerificationFailed as exc:  # nothing was written; the failure is part of the record
            _record(self.workspace, self.document_id, self.actor, str(Path(output).resolve()), "", False,
                    {"profile": self.profile.name, "survivors": len(exc.report.survivors),
                     "residues": len(exc.report.residues)})
            raise
        path = Path(outcome.result.output)
        digest = _file_sha256(path)
        if digest != outcome.result.sha256:
            raise ReviewerError(f"导出文件 {path.name} 在校验后被改动，未登记。请重新导出。",
                                f"The exported file {path.name} changed after it was verified; it was not "
                                "recorded. Export again.")
        _record(self.workspace, self.document_id, self.actor, str(path.resolve()), digest, True, outcome.details())
        return outcome

    def _approval_holds(self) -> None:
        """An approved document is exported only while its approval verifies and nothing it signed changed
        (a decision slipped into the database after sign-off does not reach a copy)."""
        if self.workspace.document(self.document_id).status not in (ReviewStatus.APPROVED, ReviewStatus.RELEASED):
            return
        problems = self.workspace.approval_check(self.document_id)
        if problems:
            raise SignOffInvalid(problems[0][0] + "导出已拒绝。", problems[0][1] + " The export was refused.")


def _versions(expected: Mapping[str, int] | None) -> dict[int, int] | None:
    if not expected:
        return None
    return {int(k): v for k, v in expected.items() if k.isdigit() and v is not None}


def _halfway(now: str) -> str:
    """A lease expiring before this needs renewing (half of the default lease left)."""
    from reviewer.core.review.leases import DEFAULT_MINUTES

    moment = datetime.strptime(now, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return (moment + timedelta(minutes=DEFAULT_MINUTES / 2)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _file_sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise ReviewerError(f"无法读取刚导出的文件 {path}：{exc.strerror}。", f"Cannot read the exported file "
                            f"{path}: {exc.strerror}.") from exc


def _record(workspace, document_id: int, actor, output_path: str, digest: str, verified: bool,  # noqa: ANN001
            details) -> None:
    """The one place an export enters the workspace: with the hash of the file this service wrote."""
    with workspace.write() as conn:
        name = workspace.actor_name(conn, actor, action_zh="登记导出", action_en="record exports")
        documents.record_export(conn, document_id, output_sha256=digest, verified=verified, actor=name,
                                output_path=output_path, details=details)
    workspace.write_witness()

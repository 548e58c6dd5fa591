"""The review table as the core computes it: one row per place the copy changes, and per finding.

A row is a stored finding (detected, marked by hand, or an occurrence decided on its own) with its
current decision, or an occurrence of a removed value that no finding covers (a *propagated* row:
value-based writers replace it too, so the reviewer must see it). Every row carries what its text
becomes in the copy, computed from the same plan and matcher the writers use: the table, the preview
and the export cannot disagree about what changes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Protocol, TypeVar

from reviewer.core.deidentify.flexible import match_key
from reviewer.core.deidentify.plan import RedactionPlan, keep_mask
from reviewer.core.documents.model import Document
from reviewer.core.review.decisions import PROPAGATED, Decision, DecisionKind, StoredFinding
from reviewer.core.types import Finding, is_possible


class _Row(Protocol):
    finding: Finding
    state: str
    origin: str


RowLike = TypeVar("RowLike", bound=_Row)


class RowState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"  # de-identified with its operator
    REJECTED = "rejected"  # stays as it is (reason recorded)


class RowOrigin(StrEnum):
    DETECTED = "detected"
    MANUAL = "manual"  # marked by the reviewer
    PROPAGATED = "propagated"  # another occurrence of a removed value


@dataclass(frozen=True, slots=True)
class Change:
    """One place the copy changes: [start, end) of the detection text becomes `replacement`."""

    start: int
    end: int
    text: str
    replacement: str


@dataclass(frozen=True, slots=True)
class ReviewRow:
    key: str  # a stored finding's id, or "p:START:END" for an occurrence no finding covers yet
    finding: Finding  # as it stands (an edited span shows its new extent)
    state: RowState
    origin: RowOrigin
    decision: Decision | None = None
    replacement: str | None = None  # what the text becomes in the copy; None: it stays as it is
    source: str | None = None  # the row whose value a propagated row follows
    conflict: bool = False  # rejected, but indistinguishable from occurrences that go: the copy changes it
    version: int = 0
    changed: tuple[int, int] | None = None  # the stretch of the detection text the copy replaces
    policy: str = ""  # the rule that decided the row (profile rule by role/owner/type, or the reviewer), in Chinese
    legal_basis: tuple[str, ...] = ()  # codes the redaction cites: the decision's, else the default by type and role

    @property
    def role(self) -> str | None:
        """Who the person is in the document (`detection/roles.py`), for PERSON rows."""
        return self.finding.attributes.get("role")

    @property
    def owner(self) -> str | None:
        """Whose the contact detail is ("institution" or "person"), for phones, e-mails, addresses…"""
        return self.finding.attributes.get("owner")

    @property
    def stored_id(self) -> int | None:
        return int(self.key) if self.key.isdigit() else None

    @property
    def changes(self) -> bool:
        return self.replacement is not None


def propagated_key(start: int, end: int) -> str:
    return f"p:{start}:{end}"


def parse_propagated(key: str) -> tuple[int, int] | None:
    parts = key.split(":")
    if len(parts) != 3 or parts[0] != "p" or not (parts[1].isdigit() and parts[2].isdigit()):
        return None
    return int(parts[1]), int(parts[2])


def plan_changes(text: str, plan: RedactionPlan) -> list[Change]:
    """Every place `plan` changes `text`, as the writers' matcher finds it (kept contexts keep theirs)."""
    matcher = plan.flexible_pattern()
    if matcher is None:
        return []
    values_only = RedactionPlan(plan.profile, (), plan.values).flexible_pattern()
    contexts = {match_key(c): c for c in plan.kept_contexts}
    out: list[Change] = []
    for m in matcher.finditer(text):
        if "\n" in m.group():
            continue  # no writer matches across two paragraphs or cells
        context = contexts.get(match_key(m.group()))
        if context is None:
            out.append(Change(m.start(), m.end(), m.group(), plan.replacement_for(m.group())))
            continue
        # which characters the writers keep here: the context's own flags, or for another spelling of it
        # what its replacement keeps
        mask = (plan.kept_masks[context] if m.group() == context
                else keep_mask(m.group(), plan.replacement_for(m.group(), bare=True)))
        for inner in values_only.finditer(m.group()):
            s, e = m.start() + inner.start(), m.start() + inner.end()
            if all(mask[inner.start():inner.end()]):
                continue  # the occurrence the reviewer keeps
            out.append(Change(s, e, inner.group(), plan.replacement_for(inner.group())))
    return out


def _state(decision: Decision | None) -> RowState:
    if decision is None:
        return RowState.PENDING
    return RowState.REJECTED if decision.kind == DecisionKind.REJECT else RowState.ACCEPTED


def as_decided(stored: StoredFinding, document: Document) -> Finding:
    """The finding with an edited span applied."""
    f, d = stored.finding, stored.decision
    if d is not None and d.kind == DecisionKind.EDIT and d.start is not None and d.end is not None:
        return replace(f, start=d.start, end=d.end, text=document.text[d.start:d.end],
                       locator=document.locate(d.start, d.end))
    return f


def review_rows(document: Document, stored: Sequence[StoredFinding], plan: RedactionPlan) -> list[ReviewRow]:
    """The rows of the review table, in text order: each active finding, then every change of the plan
    that no finding covers (propagated), so that no change of the copy goes unshown."""
    changes = plan_changes(document.text, plan)
    conflicts = {(f.start, f.end) for f in plan.conflicts}
    planned = {(r.finding.start, r.finding.end, str(r.finding.entity_type)): r for r in plan.replacements}
    rows: list[ReviewRow] = []
    claimed: set[int] = set()  # indices of changes a finding row shows
    by_start: dict[int, list[int]] = {}
    for i, c in enumerate(changes):
        by_start.setdefault(c.start, []).append(i)
    sources: dict[str, tuple[str, StoredFinding]] = {}  # value key → the finding row it comes from
    for s in stored:
        if not s.active:
            continue
        finding = as_decided(s, document)
        state = _state(s.decision)
        replacement, changed = None, None
        key = match_key(finding.text)
        for start in range(finding.start, finding.end):
            for i in by_start.get(start, ()):
                c = changes[i]
                if c.end <= finding.end and match_key(c.text) == key:
                    replacement, changed = c.replacement, (c.start, c.end)
                    claimed.add(i)
                    break
            if replacement is not None:
                break
        origin = (RowOrigin.PROPAGATED if s.finding.recognizer == PROPAGATED
                  else RowOrigin.MANUAL if s.manual else RowOrigin.DETECTED)
        source = s.finding.attributes.get("source") if origin is RowOrigin.PROPAGATED else None
        where = (finding.start, finding.end, str(finding.entity_type))
        policy = ("审查人驳回：" + (s.decision.reason or "")) if state is RowState.REJECTED else plan.policy.get(where, "")
        basis = tuple(s.decision.legal_basis) if s.decision is not None and s.decision.legal_basis else (
            planned[where].basis if where in planned and replacement is not None else ())
        row = ReviewRow(str(s.id), finding, state, origin, s.decision, replacement,
                        None if source is None else str(source),
                        conflict=state is RowState.REJECTED and (finding.start, finding.end) in conflicts,
                        version=s.version, changed=changed, policy=policy,
                        legal_basis=basis if state is not RowState.REJECTED else ())
        rows.append(row)
        # an undecided possible name is never the source others follow (its place changes only with its value)
        if replacement is not None and state is not RowState.REJECTED and origin is not RowOrigin.PROPAGATED \
                and not (state is RowState.PENDING and is_possible(s.finding)):
            previous = sources.get(key)
            if previous is None or (previous[1].decision is None and s.decision is not None):
                sources[key] = (row.key, s)
    by_key = {r.key: r for r in rows}
    for i, c in enumerate(changes):
        if i in claimed:
            continue
        source = sources.get(match_key(c.text))
        if source is not None:
            origin_finding, state = source[1].finding, _state(source[1].decision)
        else:  # a value of the plan with no live finding of its own (e.g. inside a larger span)
            origin_finding, state = None, RowState.PENDING
        entity_type = origin_finding.entity_type if origin_finding is not None else "MANUAL"
        category = origin_finding.category if origin_finding is not None else plan_category(plan, c)
        finding = Finding(entity_type=entity_type, start=c.start, end=c.end, text=c.text, score=1.0,
                          recognizer=PROPAGATED,
                          explanation=f"same value as finding {source[0]}" if source else "same value as a removed one",
                          category=category, locator=document.locate(c.start, c.end))
        origin_row = by_key.get(source[0]) if source else None
        rows.append(ReviewRow(propagated_key(c.start, c.end), finding, state, RowOrigin.PROPAGATED, None,
                              c.replacement, source[0] if source else None, changed=(c.start, c.end),
                              policy="与已去除的值相同：按值替换的每一处都随之改变",
                              legal_basis=origin_row.legal_basis if origin_row is not None else ()))
    rows.sort(key=lambda r: (r.finding.start, r.finding.end, r.key))
    return rows


def plan_category(plan: RedactionPlan, change: Change):  # noqa: ANN201 - a Category
    """The category of the planned finding whose value a change spells."""
    from reviewer.core.types import Category

    key = match_key(change.text)
    for r in plan.replacements:
        if match_key(r.finding.text) == key:
            return r.finding.category
    return Category.PERSONAL


def select_rows(rows: Iterable[RowLike], *, entity_types: Collection[str] | None = None,
                value: str | None = None, page: int | None = None, score: tuple[float, float] | None = None,
                states: Collection[str] | None = None, propagated: bool = False,
                possible: bool = False) -> list[RowLike]:
    """The rows a bulk decision applies to: of these entity types, spelling `value` (in any separators,
    width or case, as the writers match it), on `page`, with a score in [low, high], in these states.
    Propagated rows follow the decision on their source and are left out unless `propagated`. Possible
    names (tier-2 candidates) are decided one by one: left out unless `possible`, or chosen by `value` (the
    same value goes everywhere anyway)."""
    key = match_key(value) if value is not None else None
    out = []
    for row in rows:
        f = row.finding
        if not propagated and str(row.origin) == RowOrigin.PROPAGATED:
            continue
        if not possible and key is None and is_possible(f):
            continue
        if entity_types is not None and str(f.entity_type) not in entity_types:
            continue
        if states is not None and str(row.state) not in states:
            continue
        if page is not None and (f.locator or {}).get("page") != page:
            continue
        if score is not None and not score[0] <= f.score <= score[1]:
            continue
        if key is not None and match_key(f.text) != key:
            continue
        out.append(row)
    return out

"""Reviewer decisions on findings, and manual findings, as rows that point at their audit events.

A decision row is never rewritten: a new decision on the same finding is a new row, and undo/redo
only flips `undone`. The current decision of a finding is its newest row that is not undone, so
undoing a replacement brings the earlier decision back. Each change bumps the finding's `version`
(a stale write — someone decided the same finding meanwhile — is refused, for shared workspaces).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import Connection, select, tuple_

from reviewer.core.audit.chain import append_event
from reviewer.core.deidentify.operators import OperatorKind
from reviewer.core.review.documents import DocumentInfo, finding_values, row_to_finding
from reviewer.core.review.errors import InvalidDecision
from reviewer.core.store import schema
from reviewer.core.store.errors import NotFound, StaleWrite
from reviewer.core.types import Category, EntityType, Finding, Severity, category_of

# The de-identification operators a decision may name (what `reviewer redact` applies).
OPERATORS = tuple(str(k) for k in OperatorKind)


class DecisionKind(StrEnum):
    ACCEPT = "accept"  # de-identify with `operator`
    REJECT = "reject"  # not a problem (false positive, or disclosure justified): `reason` required
    EDIT = "edit"  # accept with a corrected span


@dataclass(frozen=True, slots=True)
class Decision:
    kind: DecisionKind
    operator: str | None = None
    reason: str | None = None
    legal_basis: tuple[str, ...] = ()  # per-redaction basis (条例第三十七条)
    start: int | None = None
    end: int | None = None
    text: str | None = None
    id: int | None = None
    actor: str | None = None
    created_at: str | None = None
    note: str | None = None  # the reviewer's note (accept, span edit); a rejection's is its `reason`


@dataclass(frozen=True, slots=True)
class StoredFinding:
    id: int
    document_id: int
    finding: Finding
    manual: bool
    active: bool
    version: int
    decision: Decision | None = None

    @property
    def is_block(self) -> bool:
        return self.finding.severity == Severity.BLOCK

    @property
    def resolved_as_not_applicable(self) -> bool:
        return self.decision is not None and self.decision.kind == DecisionKind.REJECT


@dataclass(frozen=True, slots=True)
class Change:
    """What an operation changed (the UI refreshes only these)."""

    document_id: int
    finding_ids: tuple[int, ...] = ()
    status_changed: bool = False
    event_seqs: tuple[int, ...] = field(default=())


def decision_from_row(row) -> Decision:
    return Decision(DecisionKind(row.kind), row.operator, row.reason, tuple(json.loads(row.legal_basis_json)),
                    row.start, row.end, row.text, row.id, row.actor, row.created_at, row.note)


def load_findings(conn: Connection, document_id: int, *, include_inactive: bool = False,
                  ids: Collection[int] | None = None,
                  parsed: MutableMapping[int, Finding] | None = None) -> list[StoredFinding]:
    """Findings of a document in text order, each with its current decision (the newest decision that
    is not undone). `ids`: only these findings (a view refreshing the rows one action changed).
    `parsed`: findings already read, by id, reused and filled in (a finding's text, span and locator
    never change once stored; re-reading thousands of PDF locators after every decision cost 0.2 s)."""
    if ids is not None and not ids:
        return []
    d, f = schema.decisions, schema.findings
    decided = select(d).where(d.c.document_id == document_id, d.c.undone.is_(False))
    query = select(f).where(f.c.document_id == document_id)
    if ids is not None:
        decided = decided.where(d.c.finding_id.in_(list(ids)))
        query = query.where(f.c.id.in_(list(ids)))
    current: dict[int, Decision] = {}
    for row in conn.execute(decided.order_by(d.c.id)):
        current[row.finding_id] = decision_from_row(row)  # newest wins
    if not include_inactive:
        query = query.where(f.c.active.is_(True))
    if parsed is None:
        return [StoredFinding(r.id, r.document_id, row_to_finding(r), r.manual, r.active, r.version,
                              current.get(r.id))
                for r in conn.execute(query.order_by(f.c.start, f.c.end, f.c.id))]
    # the light columns of every row; the whole row (locator and attributes JSON) only for findings not
    # read yet
    light = query.with_only_columns(f.c.id, f.c.document_id, f.c.start, f.c.end, f.c.text, f.c.manual,
                                    f.c.active, f.c.version)
    rows = list(conn.execute(light.order_by(f.c.start, f.c.end, f.c.id)))
    missing = [r.id for r in rows if (known := parsed.get(r.id)) is None
               or (known.start, known.end, known.text) != (r.start, r.end, r.text)]
    for at in range(0, len(missing), _CHUNK):
        for r in conn.execute(select(f).where(f.c.id.in_(missing[at:at + _CHUNK]))):
            parsed[r.id] = row_to_finding(r)
    return [StoredFinding(r.id, r.document_id, parsed[r.id], r.manual, r.active, r.version, current.get(r.id))
            for r in rows]


def get_findings(conn: Connection, document_id: int, finding_ids: Collection[int]
                 ) -> dict[int, StoredFinding]:
    """The active findings among `finding_ids` (without decisions), by id: `get_finding` for many at once."""
    f = schema.findings
    ids = sorted(set(finding_ids))
    out: dict[int, StoredFinding] = {}
    for at in range(0, len(ids), _CHUNK):
        query = select(f).where(f.c.id.in_(ids[at:at + _CHUNK]), f.c.document_id == document_id,
                                f.c.active.is_(True))
        for row in conn.execute(query):
            out[row.id] = StoredFinding(row.id, row.document_id, row_to_finding(row), row.manual, row.active,
                                        row.version)
    return out


_CHUNK = 500  # ids per IN (…) list: well under every database's limit on bound parameters


def get_finding(conn: Connection, document_id: int, finding_id: int) -> StoredFinding:
    """One active finding of the document (without its decision)."""
    f = schema.findings
    row = conn.execute(select(f).where(f.c.id == finding_id, f.c.document_id == document_id,
                                       f.c.active.is_(True))).first()
    if row is None:
        raise NotFound(f"本文档中没有发现项 {finding_id}。", f"No active finding {finding_id} in this document.")
    return StoredFinding(row.id, row.document_id, row_to_finding(row), row.manual, row.active, row.version)


def validate_decision(decision: Decision, finding: Finding, text: str, catalog) -> Decision:
    """Check a decision's fields; fill the edited span's text from the document."""
    if decision.kind in (DecisionKind.ACCEPT, DecisionKind.EDIT) and decision.operator not in OPERATORS:
        raise InvalidDecision(f"采纳时必须选择处理方式（{'、'.join(OPERATORS)}），收到“{decision.operator}”。",
                              f"Accepting needs an operator, one of {', '.join(OPERATORS)}; "
                              f"got {decision.operator!r}.")
    if decision.kind == DecisionKind.REJECT and not (decision.reason or "").strip():
        raise InvalidDecision("驳回时必须填写理由。", "Rejecting needs a reason.")
    if decision.legal_basis:
        from reviewer.core.review.attribute import check_codes  # attribute imports this module
        check_codes(catalog, decision.legal_basis)
    if decision.kind == DecisionKind.EDIT:
        start, end = decision.start, decision.end
        if start is None or end is None or not 0 <= start < end <= len(text):
            raise InvalidDecision("修改后的范围无效：起点须小于终点且在文档内。",
                                  "The edited span is invalid: start must be before end, inside the document.")
        return Decision(decision.kind, decision.operator, decision.reason, tuple(decision.legal_basis),
                        start, end, text[start:end], note=_note(decision.note))
    return Decision(decision.kind, decision.operator, decision.reason, tuple(decision.legal_basis),
                    note=_note(decision.note))


def _note(note: str | None) -> str | None:
    return (note or "").strip() or None


def _bump_finding(conn: Connection, finding_id: int, expected_version: int | None) -> None:
    """Move the finding to its next version; with `expected_version`, only if nobody else did since
    (one conditional UPDATE: the row lock makes it atomic, whatever the database)."""
    f = schema.findings
    condition = [f.c.id == finding_id]
    if expected_version is not None:
        condition.append(f.c.version == expected_version)
    if conn.execute(f.update().where(*condition).values(version=f.c.version + 1)).rowcount == 1:
        return
    current = conn.execute(select(f.c.version).where(f.c.id == finding_id)).scalar()
    if current is None:
        raise NotFound(f"找不到发现项 {finding_id}。", f"No finding {finding_id}.")
    _stale(finding_id, expected_version, current)


def _stale(finding_id: int, expected_version: int | None, current: int) -> None:
    raise StaleWrite(f"发现项 {finding_id} 已被他人修改（您看到的是第 {expected_version} 版，现为第 {current} 版），"
                     "您的决定未保存；请刷新后重试。",
                     f"Someone else changed finding {finding_id} meanwhile (you saw version {expected_version}, "
                     f"it is now {current}); your decision was not saved. Reload and try again.")


def _event_item(stored: StoredFinding, decision: Decision) -> dict:
    return {"finding_id": stored.id, "entity_type": str(stored.finding.entity_type), "kind": str(decision.kind),
            "operator": decision.operator, "reason": decision.reason, "legal_basis": list(decision.legal_basis),
            "start": decision.start, "end": decision.end, "note": decision.note}


def _insert_decision(conn: Connection, doc: DocumentInfo, stored: StoredFinding, decision: Decision, *,
                     actor: str, event) -> int:
    result = conn.execute(schema.decisions.insert().values(
        finding_id=stored.id, document_id=doc.id, kind=str(decision.kind), operator=decision.operator,
        reason=decision.reason, legal_basis_json=json.dumps(list(decision.legal_basis), ensure_ascii=False),
        start=decision.start, end=decision.end, text=decision.text, actor=actor, created_at=event.ts,
        undone=False, event_seq=event.seq, note=decision.note))
    return result.inserted_primary_key[0]


def record_decision(conn: Connection, doc: DocumentInfo, stored: StoredFinding, decision: Decision, *,
                    actor: str, expected_version: int | None = None) -> int:
    """Insert a validated decision and its audit event; return the decision id."""
    _bump_finding(conn, stored.id, expected_version)
    event = append_event(conn, actor=actor, action="decision.recorded", document_id=doc.id,
                         document_sha256=doc.sha256, details=_event_item(stored, decision))
    return _insert_decision(conn, doc, stored, decision, actor=actor, event=event)


def record_decisions(conn: Connection, doc: DocumentInfo, items: Sequence[tuple[StoredFinding, Decision]], *,
                     actor: str, expected_versions: Mapping[int, int] | None = None) -> list[int]:
    """Several validated decisions as one audit event (`items` lists each), e.g. a bulk accept."""
    if len(items) == 1:
        stored, decision = items[0]
        return [record_decision(conn, doc, stored, decision, actor=actor,
                                expected_version=(expected_versions or {}).get(stored.id))]
    ids = [stored.id for stored, _ in items]
    if len(set(ids)) == len(ids):  # a bulk decision: one statement per few hundred findings
        _bump_findings(conn, ids, expected_versions or {})
    else:
        for stored, _ in items:
            _bump_finding(conn, stored.id, (expected_versions or {}).get(stored.id))
    event = append_event(conn, actor=actor, action="decision.recorded", document_id=doc.id,
                         document_sha256=doc.sha256,
                         details={"items": [_event_item(stored, decision) for stored, decision in items]})
    return _insert_decisions(conn, doc, items, actor=actor, event=event)


def _bump_findings(conn: Connection, finding_ids: Sequence[int], expected: Mapping[int, int]) -> None:
    """`_bump_finding` for many distinct findings, a few hundred per statement: those with an expected
    version only if they still have it (the conditional UPDATE is the atomic check; the versions read
    before it name the finding in the refusal). The caller's transaction then records nothing."""
    f = schema.findings
    for at in range(0, len(finding_ids), _CHUNK):
        chunk = list(finding_ids[at:at + _CHUNK])
        versions = {r.id: r.version for r in conn.execute(select(f.c.id, f.c.version).where(f.c.id.in_(chunk)))}
        for i in chunk:
            if i not in versions:
                raise NotFound(f"找不到发现项 {i}。", f"No finding {i}.")
            if expected.get(i) is not None and versions[i] != expected[i]:
                _stale(i, expected[i], versions[i])
        free = [i for i in chunk if expected.get(i) is None]
        pinned = [(i, expected[i]) for i in chunk if expected.get(i) is not None]
        bumped = 0
        if free:
            bumped += conn.execute(f.update().where(f.c.id.in_(free)).values(version=f.c.version + 1)).rowcount
        if pinned:
            bumped += conn.execute(f.update().where(tuple_(f.c.id, f.c.version).in_(pinned))
                                   .values(version=f.c.version + 1)).rowcount
        if bumped != len(chunk):  # changed between the read and the update (a server workspace)
            raise StaleWrite("发现项已被他人修改，您的决定未保存；请刷新后重试。",
                             "Someone else changed these findings meanwhile; your decision was not saved. "
                             "Reload and try again.")


def _insert_decisions(conn: Connection, doc: DocumentInfo, items: Sequence[tuple[StoredFinding, Decision]], *,
                      actor: str, event) -> list[int]:
    """`_insert_decision` for many, in one statement (ids returned in the order of `items`)."""
    d = schema.decisions
    values = [dict(finding_id=stored.id, document_id=doc.id, kind=str(decision.kind),
                   operator=decision.operator, reason=decision.reason,
                   legal_basis_json=json.dumps(list(decision.legal_basis), ensure_ascii=False),
                   start=decision.start, end=decision.end, text=decision.text, actor=actor,
                   created_at=event.ts, undone=False, event_seq=event.seq, note=decision.note)
              for stored, decision in items]
    result = conn.execute(d.insert().returning(d.c.id, sort_by_parameter_order=True), values)
    return list(result.scalars())


def set_decision_undone(conn: Connection, doc: DocumentInfo, decision_id: int, undone: bool, *, actor: str) -> int:
    return set_decisions_undone(conn, doc, [decision_id], undone, actor=actor)[0]


def set_decisions_undone(conn: Connection, doc: DocumentInfo, decision_ids: Sequence[int], undone: bool, *,
                         actor: str) -> list[int]:
    """Undo (or redo) decisions as one audit event; returns their finding ids."""
    d = schema.decisions
    rows = {r.id: r for r in conn.execute(select(d).where(d.c.id.in_(list(decision_ids)), d.c.document_id == doc.id))}
    missing = [i for i in decision_ids if i not in rows]
    if missing:
        raise NotFound(f"找不到决定 {missing[0]}。", f"No decision {missing[0]}.")
    for i in decision_ids:
        _bump_finding(conn, rows[i].finding_id, None)
    details = ({"decision_id": decision_ids[0], "finding_id": rows[decision_ids[0]].finding_id}
               if len(decision_ids) == 1 else
               {"decision_ids": list(decision_ids), "finding_ids": [rows[i].finding_id for i in decision_ids]})
    append_event(conn, actor=actor, action="decision.undone" if undone else "decision.redone",
                 document_id=doc.id, document_sha256=doc.sha256, details=details)
    conn.execute(d.update().where(d.c.id.in_(list(decision_ids))).values(undone=undone))
    return [rows[i].finding_id for i in decision_ids]


MANUAL = "manual"  # a finding the reviewer marked from a selection
PROPAGATED = "propagation"  # an occurrence of a removed value the reviewer decided on its own


def add_manual_finding(conn: Connection, doc: DocumentInfo, text: str, start: int, end: int, *, actor: str,
                       entity_type: str = EntityType.MANUAL, note: str = "", locator: dict | None = None,
                       source: int | None = None) -> int:
    """A finding the reviewer marked from a text selection; with `source`, an occurrence of finding
    `source`'s value that the reviewer decides on its own (it becomes a row of its own)."""
    if not 0 <= start < end <= len(text):
        raise InvalidDecision("所选范围无效，请重新选择文字。", "The selection is not a valid span; select again.")
    category = Category.PERSONAL if entity_type == EntityType.MANUAL else category_of(entity_type)
    recognizer = MANUAL if source is None else PROPAGATED
    explanation = note or ("marked by the reviewer" if source is None else f"same value as finding {source}")
    finding = Finding(entity_type=entity_type, start=start, end=end, text=text[start:end], score=1.0,
                      recognizer=recognizer, explanation=explanation, category=category, locator=locator or {},
                      attributes={} if source is None else {"source": source})
    details = {"entity_type": str(entity_type), "start": start, "end": end, "note": note}
    if source is not None:
        details["source"] = source
    event = append_event(conn, actor=actor, action="finding.manual_added", document_id=doc.id,
                         document_sha256=doc.sha256, details=details)
    result = conn.execute(schema.findings.insert().values(
        finding_values(doc.id, finding, manual=True, event_seq=event.seq)))
    return result.inserted_primary_key[0]


def set_finding_active(conn: Connection, doc: DocumentInfo, finding_id: int, active: bool, *, actor: str) -> None:
    _bump_finding(conn, finding_id, None)
    append_event(conn, actor=actor, action="finding.restored" if active else "finding.removed",
                 document_id=doc.id, document_sha256=doc.sha256, details={"finding_id": finding_id})
    conn.execute(schema.findings.update().where(schema.findings.c.id == finding_id).values(active=active))


def current_decisions(findings: Sequence[StoredFinding]) -> dict[int, Decision]:
    return {f.id: f.decision for f in findings if f.decision is not None}

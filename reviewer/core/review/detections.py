"""Detection runs on a document already in the workspace: what they add, what they retire, which term lists
they used (issue 33).

The first detection stores the document with its findings (`documents.import_document`). Every detection
then writes a `findings.detected` event naming the term-list version and digest it ran with (the review log
prints it) and, when the document can still be edited:
- findings the run found that the workspace does not hold (same type, same span) are added, with the
  event's count and digest (as an import records its findings, so `audit verify` can check them);
- detected findings nobody decided that the run no longer finds (a term taken off a list, a name now on the
  allow list) are retired (inactive); decided ones stay: a decision is a record;
- retired findings the run finds again come back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from reviewer.core.audit.chain import append_event, iter_events
from reviewer.core.review.decisions import load_findings
from reviewer.core.review.documents import DocumentInfo, finding_values, findings_digest
from reviewer.core.review.states import EDITABLE
from reviewer.core.store import schema
from reviewer.core.types import Finding


@dataclass(frozen=True, slots=True)
class DetectionRecord:
    added: int
    retired: int
    restored: int
    event_seq: int


def _key(entity_type: str, start: int, end: int) -> tuple[str, int, int]:
    return str(entity_type), int(start), int(end)


def record_detection(conn: Connection, doc: DocumentInfo, findings: Iterable[Finding], *, actor: str,
                     term_list: Mapping[str, Any], checks: Mapping[str, Any], first: bool) -> DetectionRecord:
    """Record one detection run (see the module docstring). `first`: the run that imported the document
    (its findings are the import's: only the event is written)."""
    findings = list(findings)
    added_values: list[dict] = []
    retired: list[int] = []
    restored: list[int] = []
    editable = doc.status in EDITABLE
    if not first and editable:
        stored = [s for s in load_findings(conn, doc.id, include_inactive=True) if not s.manual]
        by_key = {_key(s.finding.entity_type, s.finding.start, s.finding.end): s for s in stored}
        found = {_key(f.entity_type, f.start, f.end) for f in findings}
        seen: set[tuple[str, int, int]] = set()
        for f in findings:
            key = _key(f.entity_type, f.start, f.end)
            if key in seen:
                continue
            seen.add(key)
            s = by_key.get(key)
            if s is None:
                added_values.append(finding_values(doc.id, f, manual=False, event_seq=0))
            elif not s.active:
                restored.append(s.id)
        retired = [s.id for k, s in by_key.items() if s.active and s.decision is None and k not in found
                   and s.finding.attributes.get("source") is None]
    details = {"term_list": dict(term_list), "checks": dict(checks), "editable": editable,
               "added": len(added_values), "findings_sha256": findings_digest(added_values),
               "retired": retired, "restored": restored}
    event = append_event(conn, actor=actor, action="findings.detected", document_id=doc.id,
                         document_sha256=doc.sha256, details=details)
    if added_values:
        conn.execute(schema.findings.insert(), [v | {"event_seq": event.seq} for v in added_values])
    f = schema.findings
    for ids, active in ((retired, False), (restored, True)):
        if ids:
            conn.execute(f.update().where(f.c.id.in_(ids)).values(active=active, version=f.c.version + 1))
    return DetectionRecord(len(added_values), len(retired), len(restored), event.seq)


def last_term_list(conn: Connection, document_id: int) -> dict[str, Any] | None:
    """The term list the newest detection of the document ran with (None: never recorded)."""
    last = None
    for event in iter_events(conn, document_id=document_id):
        if event.action == "findings.detected":
            last = event.details.get("term_list")
    return last


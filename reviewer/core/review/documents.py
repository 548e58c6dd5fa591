"""Documents and their findings in the workspace, export records, and status changes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, select

from reviewer.core.audit.chain import AuditEvent, append_event, canonical_json, utc_now
from reviewer.core.review.errors import StatusTampered
from reviewer.core.review.states import ReviewStatus, check_editable, check_transition
from reviewer.core.store import schema
from reviewer.core.store.errors import NotFound, StaleWrite
from reviewer.core.types import Category, Finding, Severity


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: int
    sha256: str
    path: str
    format: str
    title: str
    doc_number: str
    status: ReviewStatus
    version: int
    created_at: str
    updated_at: str
    kind: str = ""  # 文种 code (documents/kinds.py): recognised at import, or the reviewer's choice


@dataclass(frozen=True, slots=True)
class ExportRecord:
    id: int
    document_id: int
    output_path: str
    output_sha256: str
    verified: bool
    details: Mapping[str, Any]
    actor: str
    created_at: str
    event_seq: int


def _info(row) -> DocumentInfo:
    return DocumentInfo(row.id, row.sha256, row.path, row.format, row.title, row.doc_number,
                        ReviewStatus(row.status), row.version, row.created_at, row.updated_at, row.kind or "")


def get_document(conn: Connection, document_id: int) -> DocumentInfo:
    row = conn.execute(select(schema.documents).where(schema.documents.c.id == document_id)).first()
    if row is None:
        raise NotFound(f"工作区中没有编号为 {document_id} 的文档。", f"No document {document_id} in the workspace.")
    return _info(row)


# Built once: a batch imports every document with these (building a statement costs more than running it).
_BY_SHA256 = select(schema.documents).where(schema.documents.c.sha256 == bindparam("digest"))
_INSERT_DOCUMENT = schema.documents.insert()
_SET_EVENT = (schema.documents.update().where(schema.documents.c.id == bindparam("document"))
              .values(event_seq=bindparam("seq")))
_INSERT_FINDINGS = schema.findings.insert()


def find_document(conn: Connection, sha256: str) -> DocumentInfo | None:
    row = conn.execute(_BY_SHA256, {"digest": sha256}).first()
    return None if row is None else _info(row)


def list_documents(conn: Connection, status: ReviewStatus | None = None) -> list[DocumentInfo]:
    query = select(schema.documents).order_by(schema.documents.c.id)
    if status is not None:
        query = query.where(schema.documents.c.status == str(status))
    return [_info(r) for r in conn.execute(query)]


def document_text(conn: Connection, document_id: int) -> str:
    return conn.execute(select(schema.documents.c.text).where(schema.documents.c.id == document_id)).scalar_one()


def finding_values(document_id: int, finding: Finding, *, manual: bool, event_seq: int) -> dict[str, Any]:
    return dict(document_id=document_id, entity_type=str(finding.entity_type), category=str(finding.category),
                severity=None if finding.severity is None else str(finding.severity),
                start=finding.start, end=finding.end, text=finding.text, score=float(finding.score),
                recognizer=finding.recognizer, explanation=finding.explanation,
                locator_json=canonical_json(dict(finding.locator)) if finding.locator else "{}",
                attributes_json=canonical_json(dict(finding.attributes)) if finding.attributes else "{}",
                manual=manual, active=True, version=1, event_seq=event_seq)


# The stored fields of a detected finding that the import event's digest covers.
DIGEST_FIELDS = ("entity_type", "category", "severity", "start", "end", "text", "score", "recognizer",
                 "explanation", "locator_json", "attributes_json")


def findings_digest(rows) -> str:
    """SHA-256 over the detected findings as stored (rows or value dicts, in insertion order)."""
    def get(row, key):
        return row[key] if isinstance(row, dict) else getattr(row, key)
    items = [[get(r, k) for k in DIGEST_FIELDS] for r in rows]
    return hashlib.sha256(canonical_json(items).encode("utf-8")).hexdigest()


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def row_to_finding(row) -> Finding:
    return Finding(entity_type=row.entity_type, start=row.start, end=row.end, text=row.text, score=row.score,
                   recognizer=row.recognizer, explanation=row.explanation, category=Category(row.category),
                   locator=json.loads(row.locator_json),
                   severity=None if row.severity is None else Severity(row.severity),
                   attributes=json.loads(row.attributes_json))


def import_document(conn: Connection, document, findings: Iterable[Finding], *, actor: str,
                    title: str | None = None, doc_number: str = "", kind: str = "") -> tuple[DocumentInfo, bool]:
    """Store a scanned document and its findings; an already-imported sha256 is returned unchanged."""
    existing = find_document(conn, document.sha256)
    if existing is not None:
        return existing, False
    findings = list(findings)
    now = utc_now()
    title = title or Path(document.path).stem
    result = conn.execute(_INSERT_DOCUMENT, dict(
        sha256=document.sha256, path=str(document.path), format=str(document.format), title=title,
        doc_number=doc_number, kind=kind, text=document.text, status=str(ReviewStatus.IMPORTED), version=1,
        created_at=now, updated_at=now, event_seq=0))
    document_id = result.inserted_primary_key[0]
    values = [finding_values(document_id, f, manual=False, event_seq=0) for f in findings]
    event = append_event(conn, actor=actor, action="document.imported", document_id=document_id,
                         document_sha256=document.sha256,
                         details={"path": str(document.path), "format": str(document.format),
                                  "size": document.size, "title": title, "doc_number": doc_number, "kind": kind,
                                  "findings": len(findings), "findings_sha256": findings_digest(values),
                                  "text_sha256": text_digest(document.text)})
    conn.execute(_SET_EVENT, {"document": document_id, "seq": event.seq})
    if values:
        conn.execute(_INSERT_FINDINGS, [v | {"event_seq": event.seq} for v in values])
    return DocumentInfo(document_id, document.sha256, str(document.path), str(document.format), title, doc_number,
                        ReviewStatus.IMPORTED, 1, now, now, kind), True


def latest_review_event(conn: Connection, document_id: int) -> AuditEvent | None:
    """The newest `review.*` event of the document: what its status is, according to the chain."""
    ev = schema.audit_events
    row = conn.execute(select(ev).where(ev.c.document_id == document_id, ev.c.action.like("review.%"))
                       .order_by(ev.c.seq.desc()).limit(1)).first()
    if row is None:
        return None
    return AuditEvent(row.seq, row.ts, row.actor, row.action, row.document_id, row.document_sha256,
                      row.details_json, row.prev_hash, row.hash, row.signature)


def check_status(conn: Connection, doc: DocumentInfo) -> None:
    """`documents.status` is a cache of the chain: refuse to act on a document whose cache disagrees
    with its newest status event (someone edited the row, or appended an event the program never writes)."""
    event = latest_review_event(conn, doc.id)
    if event is None:
        chained = ReviewStatus.IMPORTED
    else:
        to = event.details.get("to")
        chained = to if to in set(ReviewStatus) and event.action == f"review.{to}" else None
    if chained != doc.status:
        where_zh = f"（第 {event.seq} 条事件）" if event else ""
        where_en = f" (event {event.seq})" if event else ""
        raise StatusTampered(
            f"文档 {doc.id} 的状态“{doc.status}”与审计链{where_zh}不符，可能被改动，操作已拒绝。"
            "请运行 reviewer audit verify 并联系审计员。",
            f"The status '{doc.status}' of document {doc.id} does not match the audit chain{where_en}; it may "
            "have been tampered with, so the action was refused. Run `reviewer audit verify` and contact an "
            "auditor.")


def set_document_info(conn: Connection, document_id: int, *, actor: str, title: str, doc_number: str) -> None:
    doc = get_document(conn, document_id)
    check_status(conn, doc)
    check_editable(doc.status)  # the title and 文号 are part of what the supervisor signs
    event = append_event(conn, actor=actor, action="document.info_set", document_id=doc.id,
                         document_sha256=doc.sha256, details={"title": title, "doc_number": doc_number})
    conn.execute(schema.documents.update().where(schema.documents.c.id == doc.id).values(
        title=title, doc_number=doc_number, updated_at=event.ts))


def set_document_kind(conn: Connection, document_id: int, *, actor: str, kind: str, previous: str) -> None:
    """The reviewer's choice of the document's kind (it chooses the default profile); audited."""
    doc = get_document(conn, document_id)
    check_editable(doc.status)
    event = append_event(conn, actor=actor, action="document.kind_set", document_id=doc.id,
                         document_sha256=doc.sha256, details={"kind": kind, "from": previous})
    conn.execute(schema.documents.update().where(schema.documents.c.id == doc.id).values(
        kind=kind, updated_at=event.ts))


def change_status(conn: Connection, doc: DocumentInfo, target: ReviewStatus, *, actor: str,
                  details: Mapping[str, Any] | None = None, signer=None):
    """Move `doc` to `target` (checked against the state machine) and log it; returns the event."""
    check_status(conn, doc)
    check_transition(doc.status, target)
    event = append_event(conn, actor=actor, action=f"review.{target}", document_id=doc.id,
                         document_sha256=doc.sha256,
                         details={"from": str(doc.status), "to": str(target), **dict(details or {})},
                         signer=signer)
    updated = conn.execute(schema.documents.update().where(
        schema.documents.c.id == doc.id, schema.documents.c.version == doc.version).values(
        status=str(target), version=doc.version + 1, updated_at=event.ts))
    if updated.rowcount != 1:
        raise StaleWrite("文档已被他人修改，请刷新后重试。", "Someone else changed the document; reload and retry.")
    return event


def record_export(conn: Connection, document_id: int, *, output_sha256: str, verified: bool, actor: str,
                  output_path: str, details: Mapping[str, Any] | None = None) -> ExportRecord:
    """The store's half of recording an export; only the service calls it, with the hash of the file it
    wrote and verified itself (`service.review.DocumentReview.export_copy`)."""
    doc = get_document(conn, document_id)
    details = dict(details or {})
    event = append_event(conn, actor=actor, action="export.recorded", document_id=doc.id,
                         document_sha256=doc.sha256,
                         details={"output_path": output_path, "output_sha256": output_sha256,
                                  "verified": bool(verified), **details})
    result = conn.execute(schema.exports.insert().values(
        document_id=doc.id, output_path=output_path, output_sha256=output_sha256, verified=bool(verified),
        details_json=canonical_json(details), actor=actor, created_at=event.ts, event_seq=event.seq))
    return ExportRecord(result.inserted_primary_key[0], doc.id, output_path, output_sha256, bool(verified),
                        details, actor, event.ts, event.seq)


def exports_for(conn: Connection, document_id: int) -> list[ExportRecord]:
    rows = conn.execute(select(schema.exports).where(schema.exports.c.document_id == document_id)
                        .order_by(schema.exports.c.id)).all()
    return [ExportRecord(r.id, r.document_id, r.output_path, r.output_sha256, r.verified,
                         json.loads(r.details_json), r.actor, r.created_at, r.event_seq) for r in rows]

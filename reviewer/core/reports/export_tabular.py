"""CSV and JSON review-log exports: every event of the chain (or of one document), verbatim.

The JSON form also carries the document summaries and the head, so it can be re-checked offline:
each event's `hash` is SHA-256 over its canonical body (see `chain.event_body`).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from reviewer.core.reports.review_log import ReviewLog

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: one starting with = + - @ tab or CR (a formula, or DDE)
    gets a leading apostrophe (OWASP CSV injection). Hashes and numbers never start so; the JSON log
    keeps every value verbatim for re-checking the chain."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


CSV_COLUMNS = ("seq", "ts", "actor", "action", "document_id", "document_sha256", "details", "prev_hash", "hash",
               "signature")


def to_csv(events) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in events:
        writer.writerow([cell(v) for v in (e.seq, e.ts, e.actor, e.action, e.document_id, e.document_sha256,
                                          e.details_json, e.prev_hash, e.hash, e.signature)])
    # UTF-8 with BOM so that Excel (common in these offices) shows the Chinese correctly
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_json(log: ReviewLog, events) -> bytes:
    documents = []
    for d in log.documents:
        entry = {"id": d.document.id, "title": d.document.title, "doc_number": d.document.doc_number,
                 "sha256": d.document.sha256, "status": str(d.document.status),
                 "attribute_record": d.record.to_json() if d.record else None,
                 "legal_basis": list(d.basis_labels), "reviewers": list(d.reviewers),
                 "submitted_at": d.submitted_at, "approver": d.approver, "approved_at": d.approved_at,
                 "released_at": d.released_at, "signature_status": d.signature_status,
                 "export_sha256": d.export_sha256, "returns": list(d.returns),
                 "findings": [asdict(f) | {"legal_basis": list(f.legal_basis)} for f in d.findings]}
        documents.append(entry)
    data = {"title": "保密审查记录 / review log", "workspace": log.workspace, "generated_at": log.generated_at,
            "head": {"count": log.head.count, "hash": log.head.hash}, "chain_verified": log.chain_ok,
            "documents": documents, "events": [e.to_json() for e in events]}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

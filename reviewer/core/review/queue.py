"""The supervisor's queue: documents submitted for sign-off, by anyone, in the order they arrived.

The order is the audit chain's (the submission event's sequence number), which is one total order
for every client of a shared workspace. A client polls with `since_seq` = the last seq it showed to
get only what arrived since.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, and_, func, select

from reviewer.core.review.states import ReviewStatus
from reviewer.core.store import schema


@dataclass(frozen=True, slots=True)
class Submission:
    document_id: int
    title: str
    doc_number: str
    submitted_by: str
    submitted_at: str
    event_seq: int


def submissions(conn: Connection, *, since_seq: int = 0) -> list[Submission]:
    """Documents now waiting for sign-off, with their latest submission event, oldest first."""
    ev, docs = schema.audit_events, schema.documents
    latest = (select(ev.c.document_id, func.max(ev.c.seq).label("seq"))
              .where(ev.c.action == "review.submitted").group_by(ev.c.document_id).subquery())
    query = (select(docs.c.id, docs.c.title, docs.c.doc_number, ev.c.actor, ev.c.ts, ev.c.seq)
             .select_from(docs.join(latest, latest.c.document_id == docs.c.id)
                          .join(ev, and_(ev.c.seq == latest.c.seq)))
             .where(docs.c.status == str(ReviewStatus.SUBMITTED), ev.c.seq > since_seq)
             .order_by(ev.c.seq))
    return [Submission(r.id, r.title, r.doc_number, r.actor, r.ts, r.seq) for r in conn.execute(query)]

"""A batch's jobs in the workspace: created, registered, claimed, recorded — each one transaction.

Exactly once: a document's result (its import, findings and audit event) and its item's `done` are
written in one transaction, and only while the item is not final; a worker that redoes an item another
already recorded (a job retried after its worker's lease expired) writes nothing. A run that was killed
leaves items `pending` or `running`; the next run takes them up again and counts the attempt.
"""

from __future__ import annotations

import functools
import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, bindparam, func, select

from reviewer.core.audit.chain import append_event, canonical_json, utc_now
from reviewer.core.review import documents
from reviewer.core.review.decisions import load_findings
from reviewer.core.review.detections import last_term_list, record_detection
from reviewer.core.service.batch import triage
from reviewer.core.service.batch.inputs import Entry
from reviewer.core.store.batch_tables import batch_contents, batch_items, batches
from reviewer.core.store.errors import NotFound
from reviewer.core.types import Finding

PENDING, QUEUED, RUNNING = "pending", "queued", "running"
DONE, FAILED, REFUSED, DUPLICATE = "done", "failed", "refused", "duplicate"
OPEN = (PENDING, QUEUED, RUNNING)  # queued: a job for it is in the job queue (queue mode)
FINAL = (DONE, FAILED, REFUSED, DUPLICATE)
# Queue mode: a document whose worker died this many times while holding it is recorded as failed (on one
# machine the coordinator sees each crash of its processes itself and records it at once).
MAX_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class BatchInfo:
    id: int
    key: str
    label: str
    settings: dict[str, Any]
    status: str
    actor: str
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class Item:
    id: int
    batch_id: int
    position: int
    key: str
    source: str
    member: str
    sha256: str | None
    size: int
    state: str
    attempts: int
    worker: str | None
    started_at: str | None
    finished_at: str | None
    seconds: float | None
    duplicate_of: int | None
    document_id: int | None
    error: str | None
    result: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Claim:
    item: Item
    attempts: int


@dataclass(frozen=True, slots=True)
class ImportedDocument:
    """What `documents.import_document` stores of a document read by a worker (its blocks stay there)."""

    sha256: str
    path: str
    format: str
    text: str
    size: int


def _batch(row) -> BatchInfo:
    return BatchInfo(
        row.id,
        row.key,
        row.label,
        json.loads(row.settings_json),
        row.status,
        row.actor,
        row.created_at,
        row.updated_at,
    )


def _item(row) -> Item:
    return Item(
        row.id,
        row.batch_id,
        row.position,
        row.key,
        row.source,
        row.member,
        row.sha256,
        row.size,
        row.state,
        row.attempts,
        row.worker,
        row.started_at,
        row.finished_at,
        row.seconds,
        row.duplicate_of,
        row.document_id,
        row.error,
        None if row.result_json is None else json.loads(row.result_json),
    )


def batch_key(sources: Sequence[str], settings: Mapping[str, Any]) -> str:
    return hashlib.sha256(
        canonical_json({"sources": list(sources), "settings": dict(settings)}).encode("utf-8")
    ).hexdigest()


def open_batch(
    ws, sources: Sequence[str], settings: Mapping[str, Any], *, actor: str
) -> tuple[BatchInfo, bool]:
    """The batch of these sources and settings: the existing one (resumed), or a new one (created)."""
    key = batch_key(sources, settings)
    with ws.write() as conn:
        row = conn.execute(select(batches).where(batches.c.key == key)).first()
        now = utc_now()
        if row is not None:
            conn.execute(
                batches.update().where(batches.c.id == row.id).values(status="running", updated_at=now)
            )
            return get_batch_in(conn, row.id), False
        label = " ".join(sources)
        event = append_event(
            conn,
            actor=actor,
            action="batch.created",
            document_id=None,
            document_sha256=None,
            details={"sources": list(sources), "settings": dict(settings)},
        )
        batch_id = conn.execute(
            batches.insert().values(
                key=key,
                label=label,
                settings_json=canonical_json(dict(settings)),
                status="running",
                actor=actor,
                created_at=now,
                updated_at=now,
                event_seq=event.seq,
            )
        ).inserted_primary_key[0]
        return get_batch_in(conn, batch_id), True


def get_batch_in(conn: Connection, batch_id: int) -> BatchInfo:
    row = conn.execute(select(batches).where(batches.c.id == batch_id)).first()
    if row is None:
        raise NotFound(f"工作区中没有编号为 {batch_id} 的批次。", f"No batch {batch_id} in the workspace.")
    return _batch(row)


def get_batch(ws, batch_id: int) -> BatchInfo:
    with ws.read() as conn:
        return get_batch_in(conn, batch_id)


def list_batches(ws) -> list[BatchInfo]:
    with ws.read() as conn:
        return [_batch(r) for r in conn.execute(select(batches).order_by(batches.c.id.desc()))]


def register(ws, batch: BatchInfo, entries: Iterable[Entry], *, reclaim_running: bool) -> None:
    """Add the entries this batch does not have yet; then settle duplicates (same bytes: one job) and
    documents the workspace already holds (no job: their stored findings are the result).

    reclaim_running: items left `running` by a killed run go back to `pending` (one machine: nothing else
    can be running them; in queue mode a worker elsewhere may be)."""
    entries = list(entries)
    with ws.write() as conn:
        known = {
            r.key: r
            for r in conn.execute(
                select(
                    batch_items.c.id,
                    batch_items.c.key,
                    batch_items.c.sha256,
                    batch_items.c.state,
                    batch_items.c.position,
                ).where(batch_items.c.batch_id == batch.id)
            )
        }
        position = max((r.position for r in known.values()), default=-1) + 1
        rows = []
        for e in entries:
            old = known.get(e.key)
            if old is None:
                rows.append(
                    dict(
                        batch_id=batch.id,
                        position=position,
                        key=e.key,
                        source=e.source,
                        member=e.member,
                        sha256=e.sha256,
                        size=e.size,
                        state=REFUSED if e.refused else PENDING,
                        attempts=0,
                        error=e.refused or None,
                        finished_at=utc_now() if e.refused else None,
                    )
                )
                position += 1
            elif old.sha256 != e.sha256 and e.sha256 is not None:  # the file changed since: do it again
                conn.execute(
                    batch_items.update()
                    .where(batch_items.c.id == old.id)
                    .values(
                        sha256=e.sha256,
                        size=e.size,
                        state=PENDING,
                        attempts=0,
                        error=None,
                        result_json=None,
                        document_id=None,
                        duplicate_of=None,
                        finished_at=None,
                    )
                )
        for start in range(0, len(rows), 500):
            conn.execute(batch_items.insert(), rows[start : start + 500])
        if reclaim_running:
            conn.execute(
                batch_items.update()
                .where(batch_items.c.batch_id == batch.id, batch_items.c.state == RUNNING)
                .values(state=PENDING)
            )
        _settle(conn, batch)


def _settle(conn: Connection, batch: BatchInfo) -> None:
    items = [
        _item(r)
        for r in conn.execute(
            select(batch_items).where(batch_items.c.batch_id == batch.id).order_by(batch_items.c.position)
        )
    ]
    primary: dict[str, Item] = {}
    for it in items:
        if it.sha256 is None or it.state == REFUSED:
            continue
        first = primary.setdefault(it.sha256, it)
        if first.id != it.id and it.state in OPEN:
            conn.execute(
                batch_items.update()
                .where(batch_items.c.id == it.id)
                .values(state=DUPLICATE, duplicate_of=first.id, finished_at=utc_now())
            )
    for sha, it in primary.items():
        if it.state != PENDING:
            continue
        info = documents.find_document(conn, sha)
        if info is not None:  # imported before (another batch, the app): its stored findings are the result
            stored = [s.finding for s in load_findings(conn, info.id) if not s.manual]
            result = triage.summarize(
                stored,
                batch.settings["profile"],
                fmt=info.format,
                chars=len(documents.document_text(conn, info.id)),
                note=_already_there(conn, info.id, batch.settings.get("terms")),
            )
            conn.execute(
                batch_items.update()
                .where(batch_items.c.id == it.id)
                .values(
                    state=DONE, document_id=info.id, result_json=canonical_json(result), finished_at=utc_now()
                )
            )


def _already_there(conn: Connection, document_id: int, terms: Mapping[str, Any] | None) -> str:
    """The note of a document whose stored findings stand for this batch's result; says so when they were
    found with other term lists than this batch's (opening it in the app detects it again with them)."""
    note = "已在工作区中 / already in the workspace"
    used = last_term_list(conn, document_id) or {"version": 0, "digest": ""}
    if terms is not None and used.get("digest", "") != terms.get("digest", ""):
        then, now = used.get("version", 0), terms.get("version", 0)
        note += (
            f"；其检测结果使用的是单位敏感词库第 {then} 版，本批次为第 {now} 版，请在应用中打开以重新检测"
            f" / its findings were made with term list version {then}, this batch's is {now}: open it in "
            "the app to detect it again"
        )
    return note


def pending_items(ws, batch_id: int) -> list[Item]:
    with ws.read() as conn:
        return [
            _item(r)
            for r in conn.execute(
                select(batch_items)
                .where(batch_items.c.batch_id == batch_id, batch_items.c.state.in_(OPEN))
                .order_by(batch_items.c.position)
            )
        ]


def items(ws, batch_id: int) -> list[Item]:
    with ws.read() as conn:
        return [
            _item(r)
            for r in conn.execute(
                select(batch_items).where(batch_items.c.batch_id == batch_id).order_by(batch_items.c.position)
            )
        ]


def get_item(ws, item_id: int) -> Item:
    with ws.read() as conn:
        row = conn.execute(select(batch_items).where(batch_items.c.id == item_id)).first()
    if row is None:
        raise NotFound(f"批次中没有编号为 {item_id} 的文档。", f"No batch item {item_id}.")
    return _item(row)


def claim(ws, item_id: int, worker: str) -> Claim | None:
    """Take an item to work on; None when it is final already (recorded by someone else)."""
    with ws.write() as conn:
        return claim_in(conn, item_id, worker)


def claim_in(conn: Connection, item_id: int | None, worker: str) -> Claim | None:
    if item_id is None:
        return None
    row = conn.execute(_ITEM, {"item": item_id}).first()
    if row is None or row.state in FINAL:
        return None
    attempts = row.attempts + 1
    conn.execute(_ITEM_CLAIM, {"item": item_id, "new_attempts": attempts, "new_worker": worker, "now": utc_now()})
    return Claim(_item(row), attempts)


def record_result(
    ws,
    item_id: int,
    document: ImportedDocument,
    findings: Sequence[Finding],
    *,
    worker: str,
    seconds: float,
    note: str = "",
    then_claim: int | None = None,
) -> tuple[bool, Claim | None]:
    """The document, its findings and its import event, and the item's result: one transaction (which
    also claims the worker's next item, `then_claim`: one commit per document). False (nothing written)
    when the item was recorded already."""
    with ws.write() as conn:
        row = conn.execute(_ITEM, {"item": item_id}).first()
        if row is None or row.state in FINAL:
            return False, claim_in(conn, then_claim, worker)
        batch = _recording_settings(conn, row.batch_id)
        info, created = documents.import_document(conn, document, findings, actor=batch.actor)
        if created:  # the detection run and the term lists it used, as every detection records (issue 33)
            record_detection(
                conn,
                info,
                findings,
                actor=batch.actor,
                term_list=batch.settings.get("terms") or {"version": 0, "digest": "", "count": 0},
                checks={"release": None, "attribute": None},
                first=True,
            )
        else:  # the app or another batch imported the same bytes meanwhile: theirs is the record
            findings = [s.finding for s in load_findings(conn, info.id) if not s.manual]
        result = triage.summarize(
            findings, batch.settings["profile"], fmt=document.format, chars=len(document.text), note=note
        )
        conn.execute(_ITEM_DONE, {
            "item": item_id, "state": DONE, "document_id": info.id, "result_json": canonical_json(result),
            "worker": worker, "finished_at": utc_now(), "seconds": seconds, "error": None})
        _drop_content(conn, row.sha256, item_id)
        return True, claim_in(conn, then_claim, worker)


# Built once: a batch records every document with these (building a statement costs more than running it).
_ITEM = select(batch_items).where(batch_items.c.id == bindparam("item"))
_ITEM_DONE = batch_items.update().where(batch_items.c.id == bindparam("item"))
_ITEM_CLAIM = (batch_items.update().where(batch_items.c.id == bindparam("item"))
               .values(state=RUNNING, attempts=bindparam("new_attempts"), worker=bindparam("new_worker"),
                       started_at=bindparam("now")))
# the stored bytes go once no other open item (of any batch) waits for them
_DROP = batch_contents.delete().where(
    batch_contents.c.sha256 == bindparam("digest"),
    ~select(batch_items.c.id)
    .where(batch_items.c.sha256 == bindparam("digest"), batch_items.c.id != bindparam("item"),
           batch_items.c.state.in_(OPEN))
    .exists(),
)
_BATCH_SETTINGS = select(batches.c.actor, batches.c.settings_json).where(batches.c.id == bindparam("batch"))


@dataclass(frozen=True, slots=True)
class _Recording:
    actor: str
    settings: Mapping[str, Any]


def _recording_settings(conn: Connection, batch_id: int) -> _Recording:
    """The batch's actor and settings, read in the recording transaction; the settings' JSON is parsed
    once per distinct text (they never change: they are part of the batch's key)."""
    row = conn.execute(_BATCH_SETTINGS, {"batch": batch_id}).first()
    if row is None:
        raise NotFound(f"工作区中没有编号为 {batch_id} 的批次。", f"No batch {batch_id} in the workspace.")
    return _Recording(row.actor, _settings(row.settings_json))


@functools.lru_cache(maxsize=16)
def _settings(text: str) -> Mapping[str, Any]:
    return MappingProxyType(json.loads(text))


def record_failure(
    ws,
    item_id: int,
    state: str,
    reason: str,
    *,
    worker: str,
    seconds: float | None,
    then_claim: int | None = None,
) -> tuple[bool, Claim | None]:
    """A refused (unreadable) or failed (crashed, timed out) document; False if already final."""
    with ws.write() as conn:
        row = conn.execute(select(batch_items).where(batch_items.c.id == item_id)).first()
        if row is None or row.state in FINAL:
            return False, claim_in(conn, then_claim, worker)
        conn.execute(
            batch_items.update()
            .where(batch_items.c.id == item_id)
            .values(state=state, error=reason, worker=worker, finished_at=utc_now(), seconds=seconds)
        )
        _drop_content(conn, row.sha256, item_id)
        return True, claim_in(conn, then_claim, worker)


def _drop_content(conn: Connection, sha256: str | None, item_id: int) -> None:
    if sha256 is None:
        return
    conn.execute(_DROP, {"digest": sha256, "item": item_id})


def finish(ws, batch_id: int) -> bool:
    """Mark the batch finished when no item is pending or running; returns whether it is."""
    with ws.write() as conn:
        open_items = conn.execute(
            select(func.count())
            .select_from(batch_items)
            .where(batch_items.c.batch_id == batch_id, batch_items.c.state.in_(OPEN))
        ).scalar()
        if open_items:
            return False
        conn.execute(
            batches.update().where(batches.c.id == batch_id).values(status="finished", updated_at=utc_now())
        )
        return True


@dataclass(frozen=True, slots=True)
class Progress:
    """A batch's counts by state, and the rate over the last minute of finished documents."""

    total: int
    by_state: dict[str, int]
    rate: float  # documents per second, recent
    eta: float | None  # seconds

    @property
    def finished(self) -> int:
        return sum(self.by_state.get(s, 0) for s in FINAL)

    @property
    def remaining(self) -> int:
        return self.total - self.finished


def progress(ws, batch_id: int, *, window: float = 60.0) -> Progress:
    with ws.read() as conn:
        counts = Counter(
            {
                r.state: r.n
                for r in conn.execute(
                    select(batch_items.c.state, func.count().label("n"))
                    .where(batch_items.c.batch_id == batch_id)
                    .group_by(batch_items.c.state)
                )
            }
        )
        since = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() - window))
        recent = conn.execute(
            select(func.count(), func.min(batch_items.c.finished_at)).where(
                batch_items.c.batch_id == batch_id,
                batch_items.c.state.in_((DONE, FAILED)),
                batch_items.c.seconds.is_not(None),
                batch_items.c.finished_at >= since,
            )
        ).first()
    total = sum(counts.values())
    done_recent = recent[0] or 0
    rate = 0.0
    if done_recent >= 2 and recent[1]:
        first = datetime.strptime(recent[1], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).timestamp()
        rate = done_recent / max(1.0, time.time() - first)
    finished = sum(counts.get(s, 0) for s in FINAL)
    eta = (total - finished) / rate if rate > 0 else None
    return Progress(total, dict(counts), rate, eta)


def store_contents(ws, items_and_paths: Iterable[tuple[Item, Any]]) -> int:
    """Queue mode: the bytes of each waiting document, once per sha256, for workers on other machines."""
    stored = 0
    for it, path in items_and_paths:
        with ws.write() as conn:
            if conn.execute(
                select(batch_contents.c.sha256).where(batch_contents.c.sha256 == it.sha256)
            ).first():
                continue
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() != it.sha256:
                continue  # changed since it was registered: the next run registers it again
            conn.execute(
                batch_contents.insert().values(sha256=it.sha256, name=it.key.rsplit("/", 1)[-1], data=data)
            )
            stored += 1
    return stored


def mark_queued(conn: Connection, item_ids: Sequence[int]) -> list[int]:
    """Inside the caller's transaction (the one that queues their jobs): the items not final yet, now
    marked queued; returns their ids."""
    ids = [
        r.id
        for r in conn.execute(
            select(batch_items.c.id).where(
                batch_items.c.id.in_(list(item_ids)), batch_items.c.state.in_(OPEN)
            )
        )
    ]
    if ids:
        conn.execute(
            batch_items.update()
            .where(batch_items.c.id.in_(ids), batch_items.c.state == PENDING)
            .values(state=QUEUED)
        )
    return ids


def content(ws, sha256: str) -> tuple[str, bytes] | None:
    with ws.read() as conn:
        row = conn.execute(
            select(batch_contents.c.name, batch_contents.c.data).where(batch_contents.c.sha256 == sha256)
        ).first()
    return None if row is None else (row.name, bytes(row.data))

"""The workspace's state tables must agree with the audit chain.

Users, documents, findings, decisions, attribute records and exports are what the program acts on
(the redact step applies the stored decisions; approval reads them). Each row names the event that
created it, and every later change to a row (undo/redo, status, title) is itself an event, so replaying
the chain must reproduce the rows. A row edited behind the program's back — a decision's operator, a
user's public key, a document's status — is reported with the event it contradicts.
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import Connection, select

from reviewer.core.audit.chain import canonical_json, iter_events
from reviewer.core.detection.terms.model import TermEntry, entries_digest
from reviewer.core.review.documents import findings_digest, text_digest
from reviewer.core.store import schema

_KEYED = frozenset({"decision.recorded", "finding.manual_added", "attribute.recorded", "export.recorded"})


def check_state(conn: Connection, problem) -> list:
    """Compare every state row with the chain; `problem(seq, zh, en)` builds one report entry (seq None:
    the chain itself is intact, a row is not)."""
    users, imports, info, status = {}, {}, {}, {}
    by_seq, undone, active = {}, {}, {}
    detections, term_events = {}, {}
    for e in iter_events(conn):
        d = e.details
        if e.action == "user.created":
            users[d.get("username")] = e
        elif e.action == "document.imported":
            imports[e.document_id] = e
            info[e.document_id] = (d.get("title"), d.get("doc_number"))
        elif e.action == "document.info_set":
            info[e.document_id] = (d.get("title"), d.get("doc_number"))
        elif e.action.startswith("review."):
            status[e.document_id] = d.get("to")
        elif e.action in ("decision.undone", "decision.redone"):
            for decision_id in d.get("decision_ids") or [d.get("decision_id")]:  # one step may undo several
                undone[decision_id] = e.action == "decision.undone"
        elif e.action in ("finding.removed", "finding.restored"):
            active[d.get("finding_id")] = e.action == "finding.restored"
        elif e.action == "findings.detected":  # issue 33: a detection run adds, retires, restores findings
            detections[e.seq] = e
            for finding_id in d.get("retired") or []:
                active[finding_id] = False
            for finding_id in d.get("restored") or []:
                active[finding_id] = True
        elif e.action == "terms.changed":
            term_events[e.seq] = e
        if e.action in _KEYED:
            by_seq[e.seq] = e
    out: list = []

    def bad(seq, what_zh: str, what_en: str) -> None:
        # a bad row, not a bad event: the event it contradicts is named in the message
        event_zh = f"（第 {seq} 条事件）" if seq else ""
        event_en = f" (event {seq})" if seq else ""
        out.append(problem(None, f"{what_zh}与审计链记录{event_zh}不符（被改动）。",
                           f"{what_en} does not match the audit chain{event_en} (it was altered)."))

    for row in conn.execute(select(schema.users)):
        e = users.get(row.username)
        if e is None or e.details.get("role") != row.role or e.details.get("public_key") != row.public_key:
            bad(e.seq if e else None, f"用户 {row.username} 的角色或公钥", f"User {row.username}'s role or public key")
    detected = defaultdict(list)
    for row in conn.execute(select(schema.findings).order_by(schema.findings.c.id)):
        if not row.manual:
            detected[row.document_id].append(row)
            continue
        e = by_seq.get(row.event_seq)
        d = e.details if e else {}
        if (e is None or e.action != "finding.manual_added" or e.document_id != row.document_id
                or (d.get("start"), d.get("end"), d.get("entity_type")) != (row.start, row.end, row.entity_type)
                or active.get(row.id, True) != row.active):
            bad(row.event_seq, f"人工发现项 {row.id}", f"Manual finding {row.id}")
    for row in conn.execute(select(schema.documents)):
        e = imports.get(row.id)
        d = e.details if e else {}
        rows = [r for r in detected.get(row.id, []) if e is None or r.event_seq == e.seq]
        later: dict[int, list] = defaultdict(list)
        for r in detected.get(row.id, []):
            if e is not None and r.event_seq != e.seq:
                later[r.event_seq].append(r)
            if active.get(r.id, True) != r.active:
                bad(r.event_seq, f"检测发现项 {r.id} 的有效状态", f"Detected finding {r.id}'s active state")
        for seq, added in later.items():
            run = detections.get(seq)
            if (run is None or run.document_id != row.id or run.details.get("added") != len(added)
                    or run.details.get("findings_sha256") != findings_digest(added)):
                bad(seq, f"文档 {row.id} 重新检测增加的发现项", f"Findings added to document {row.id} by a detection run")
        if (e is None or e.seq != row.event_seq or e.document_sha256 != row.sha256
                or info.get(row.id) != (row.title, row.doc_number)
                or status.get(row.id, "imported") != row.status or d.get("text_sha256") != text_digest(row.text)
                or d.get("findings") != len(rows) or d.get("findings_sha256") != findings_digest(rows)):
            bad(e.seq if e else row.event_seq, f"文档 {row.id}（状态、标题、正文或检测结果）",
                f"Document {row.id} (status, title, text or detected findings)")
    for row in conn.execute(select(schema.decisions)):
        e = by_seq.get(row.event_seq)
        d = _decision_item(e.details, row.finding_id) if e else {}
        stored = (row.finding_id, row.kind, row.operator, row.reason, json.loads(row.legal_basis_json), row.start,
                  row.end, row.actor, row.document_id, row.note)
        logged = (d.get("finding_id"), d.get("kind"), d.get("operator"), d.get("reason"), d.get("legal_basis"),
                  d.get("start"), d.get("end"), e.actor if e else None, e.document_id if e else None, d.get("note"))
        if e is None or e.action != "decision.recorded" or stored != logged or undone.get(row.id, False) != row.undone:
            bad(row.event_seq, f"决定 {row.id}", f"Decision {row.id}")
    for row in conn.execute(select(schema.term_lists)):
        e = term_events.get(row.event_seq)
        entries = [TermEntry.from_json(item) for item in json.loads(row.entries_json)]
        if (e is None or e.details.get("version") != row.version or e.details.get("digest") != row.digest
                or entries_digest(entries) != row.digest or e.actor != row.actor):
            bad(row.event_seq, f"单位敏感词库第 {row.version} 版", f"Term list version {row.version}")
    for row in conn.execute(select(schema.attribute_records)):
        e = by_seq.get(row.event_seq)
        if e is None or e.action != "attribute.recorded" or canonical_json(e.details) != row.record_json:
            bad(row.event_seq, f"公开属性记录 {row.id}", f"Attribute record {row.id}")
    for row in conn.execute(select(schema.exports)):
        e = by_seq.get(row.event_seq)
        d = e.details if e else {}
        if (e is None or e.action != "export.recorded" or d.get("output_sha256") != row.output_sha256
                or d.get("verified") != bool(row.verified) or d.get("output_path") != row.output_path):
            bad(row.event_seq, f"导出记录 {row.id}", f"Export record {row.id}")
    return out


def _decision_item(details: dict, finding_id: int) -> dict:
    """The part of a decision event about one finding: the event itself, or its entry in `items`
    when one action decided several findings (a bulk decision)."""
    if "items" not in details:
        return details
    return next((item for item in details["items"] if item.get("finding_id") == finding_id), {})

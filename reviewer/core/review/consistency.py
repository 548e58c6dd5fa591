"""The workspace's state tables must agree with the audit chain.

Users, documents, findings, decisions, attribute records and exports are what the program acts on
(the redact step applies the stored decisions; approval reads them). Each row names the event that
created it, and every later change to a row (undo/redo, status, title, a user's roles) is itself an
event, so replaying the chain (`replay.replay`) must reproduce the rows. A row edited behind the
program's back — a decision's operator, a user's role or password hash, a document's status — is
reported with the event it contradicts, as is a row the chain says exists and the table lost.
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import Connection, select

from reviewer.core.audit.chain import canonical_json, iter_events
from reviewer.core.detection.terms.model import TermEntry, entries_digest
from reviewer.core.review.documents import findings_digest, text_digest
from reviewer.core.review.replay import replay
from reviewer.core.review.users import credential_digest, parse_roles
from reviewer.core.store import schema

_KEYED = frozenset({"decision.recorded", "finding.manual_added", "attribute.recorded", "export.recorded"})


def check_state(conn: Connection, problem, keys=None) -> tuple[list, int]:
    """Replay the chain (events that break a rule are named), then compare every state row with it;
    `problem(seq, zh, en)` builds one report entry (seq None: the chain itself is intact, a row is not).
    `keys`: {user: [public keys]} kept outside the database, the roots of trust. Returns the problems
    and how many signatures were checked."""
    replayed = replay(conn, keys)
    out: list = [problem(seq, zh, en) for seq, zh, en in replayed.problems]
    imports, info = {}, {}
    by_seq, undone, active = {}, {}, {}
    detections, term_events = {}, {}
    for e in iter_events(conn):
        d = e.details
        if e.action == "document.imported":
            imports[e.document_id] = e
            info[e.document_id] = (d.get("title"), d.get("doc_number"), d.get("kind", ""))
        elif e.action == "document.info_set":
            info[e.document_id] = (d.get("title"), d.get("doc_number"), info.get(e.document_id, ("", "", ""))[2])
        elif e.action == "document.kind_set":
            title, number, _ = info.get(e.document_id, (None, None, ""))
            info[e.document_id] = (title, number, d.get("kind", ""))
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

    def bad(seq, what_zh: str, what_en: str) -> None:
        # a bad row, not a bad event: the event it contradicts is named in the message
        event_zh = f"（第 {seq} 条事件）" if seq else ""
        event_en = f" (event {seq})" if seq else ""
        out.append(problem(None, f"{what_zh}与审计链记录{event_zh}不符（被改动）。",
                           f"{what_en} does not match the audit chain{event_en} (it was altered)."))

    _check_users(conn, replayed.registry, bad, lambda zh, en: out.append(problem(None, zh, en)))
    status = {doc_id: str(doc.status) for doc_id, doc in replayed.documents.items()}
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
    texts = {}
    for row in conn.execute(select(schema.documents)):
        texts[row.id] = row.text
        e = imports.get(row.id)
        d = e.details if e else {}
        rows = [r for r in detected.get(row.id, []) if e is None or r.event_seq == e.seq]
        later: dict[int, list] = defaultdict(list)
        for r in detected.get(row.id, []):
            if e is not None and r.event_seq != e.seq:
                later[r.event_seq].append(r)
            if active.get(r.id, True) != r.active:
                bad(r.event_seq, f"检测发现项 {r.id} 的有效状态", f"Detected finding {r.id}'s active state")
        for seq, run in detections.items():  # a run that added findings must still have them all
            if run.document_id == row.id and run.details.get("added") and seq not in later:
                later[seq] = []
        for seq, added in later.items():
            run = detections.get(seq)
            if (run is None or run.document_id != row.id or run.details.get("added") != len(added)
                    or run.details.get("findings_sha256") != findings_digest(added)):
                bad(seq, f"文档 {row.id} 重新检测增加的发现项", f"Findings added to document {row.id} by a detection run")
        if (e is None or e.seq != row.event_seq or e.document_sha256 != row.sha256
                or info.get(row.id) != (row.title, row.doc_number, row.kind or "")
                or status.get(row.id, "imported") != row.status or d.get("text_sha256") != text_digest(row.text)
                or d.get("findings") != len(rows) or d.get("findings_sha256") != findings_digest(rows)):
            bad(e.seq if e else row.event_seq, f"文档 {row.id}（状态、标题、文种、正文或检测结果）",
                f"Document {row.id} (status, title, kind, text or detected findings)")
    for document_id, e in imports.items():
        if document_id not in texts:
            bad(e.seq, f"文档 {document_id} 的记录缺失（被删除）", f"Document {document_id}'s record is missing (deleted); it")
    found = defaultdict(int)  # rows per creating event: every event that created a row must still have it
    for row in conn.execute(select(schema.decisions)):
        found[row.event_seq] += 1
        e = by_seq.get(row.event_seq)
        d = _decision_item(e.details, row.finding_id) if e else {}
        text = texts.get(row.document_id, "")
        stored = (row.finding_id, row.kind, row.operator, row.reason, _json(row.legal_basis_json), row.start,
                  row.end, row.actor, row.document_id, row.note, row.created_at, row.text)
        logged = (d.get("finding_id"), d.get("kind"), d.get("operator"), d.get("reason"), d.get("legal_basis"),
                  d.get("start"), d.get("end"), e.actor if e else None, e.document_id if e else None, d.get("note"),
                  e.ts if e else None, None if d.get("start") is None else text[d["start"]:d.get("end")])
        if e is None or e.action != "decision.recorded" or stored != logged or undone.get(row.id, False) != row.undone:
            bad(row.event_seq, f"决定 {row.id}", f"Decision {row.id}")
    for row in conn.execute(select(schema.term_lists)):
        found[row.event_seq] += 1
        e = term_events.get(row.event_seq)
        entries = [TermEntry.from_json(item) for item in json.loads(row.entries_json)]
        if (e is None or e.details.get("version") != row.version or e.details.get("digest") != row.digest
                or entries_digest(entries) != row.digest or e.actor != row.actor):
            bad(row.event_seq, f"单位敏感词库第 {row.version} 版", f"Term list version {row.version}")
    for row in conn.execute(select(schema.attribute_records)):
        found[row.event_seq] += 1
        e = by_seq.get(row.event_seq)
        if (e is None or e.action != "attribute.recorded" or canonical_json(e.details) != row.record_json
                or (e.actor, e.ts, e.document_id) != (row.actor, row.created_at, row.document_id)):
            bad(row.event_seq, f"公开属性记录 {row.id}", f"Attribute record {row.id}")
    for row in conn.execute(select(schema.exports)):
        found[row.event_seq] += 1
        e = by_seq.get(row.event_seq)
        d = e.details if e else {}
        rest = {k: v for k, v in d.items() if k not in ("output_sha256", "verified", "output_path")}
        if (e is None or e.action != "export.recorded" or d.get("output_sha256") != row.output_sha256
                or d.get("verified") != bool(row.verified) or d.get("output_path") != row.output_path
                or canonical_json(rest) != row.details_json
                or (e.actor, e.ts, e.document_id) != (row.actor, row.created_at, row.document_id)):
            bad(row.event_seq, f"导出记录 {row.id}", f"Export record {row.id}")
    for row in conn.execute(select(schema.findings.c.event_seq).where(schema.findings.c.manual.is_(True))):
        found[row.event_seq] += 1
    for seq in term_events:
        if found.get(seq, 0) != 1:
            bad(seq, f"第 {seq} 条事件（terms.changed）记录的敏感词库版本缺失或重复",
                f"The term list version recorded by event {seq} (terms.changed) is missing or "
                "duplicated; the table")
    for seq, e in by_seq.items():
        expected = len(e.details["items"]) if e.action == "decision.recorded" and "items" in e.details else 1
        if found.get(seq, 0) != expected:
            bad(seq, f"第 {seq} 条事件（{e.action}）所记录的行缺失或重复", f"The rows recorded by event {seq} "
                f"({e.action}) are missing or duplicated; the table")
    return out, replayed.signatures


def _check_users(conn: Connection, registry, bad, report) -> None:
    rows = {row.username: row for row in conn.execute(select(schema.users))}
    for name, account in registry.accounts.items():
        if name not in rows:
            report(f"用户 {name} 的记录缺失（第 {account.created_seq} 条事件登记了该用户，记录被删除）。",
                   f"User {name}'s record is missing (registered by event {account.created_seq}; the row was "
                   "deleted).")
    for name, row in rows.items():
        account = registry.accounts.get(name)
        try:
            roles = parse_roles(row.role)
        except Exception:  # noqa: BLE001 - an unreadable role is a mismatch like any other
            roles = None
        if (account is None or roles != account.roles or bool(row.active) != account.active
                or row.public_key != account.public_key
                or (not account.legacy and (row.display_name, row.created_at) != (account.display_name,
                                                                                  account.created_ts))
                or (account.credential is not None
                    and credential_digest(row.password_hash, row.private_key_sealed) != account.credential)):
            seq = account.history[-1].seq if account and account.history else None
            bad(seq, f"用户 {name} 的角色、启用状态、公钥或密码记录", f"User {name}'s roles, active state, key or "
                "password record")


def _json(text: str):
    try:
        return json.loads(text)
    except (ValueError, TypeError):
        return text  # unreadable: it cannot equal what the event logged


def _decision_item(details: dict, finding_id: int) -> dict:
    """The part of a decision event about one finding: the event itself, or its entry in `items`
    when one action decided several findings (a bulk decision)."""
    if "items" not in details:
        return details
    return next((item for item in details["items"] if item.get("finding_id") == finding_id), {})

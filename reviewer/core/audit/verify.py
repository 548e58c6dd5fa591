"""`audit verify`: walk the chain and check every link, the head, and every sign-off signature.

What is detected, and how:
- an altered event: its recomputed hash differs from the stored one;
- a removed, inserted or reordered event: the sequence numbers have a gap or the `prev_hash` link
  breaks at the first event out of place (hashes cover the sequence number);
- truncation (newest events removed, or the whole table emptied): the head row kept in the same
  transaction as each append says how many events there were and the last hash; if the head row was
  removed or rewritten too, the state rows (documents, findings, decisions, ...) still name the audit
  event that created them, the folder's head witness file (written at milestones) and a printed review
  log's head (`--expect-head SEQ:HASH`) pin an earlier head the chain must still contain;
- what the events mean (`state_check`, the review layer's replay passed in by the service): unknown
  actions, actions the actor's roles did not allow then, status changes outside the state machine,
  changes after approval, user events and sign-offs (approve, return, release) without a valid Ed25519
  signature of the key the chain registered for their actor (trust rooted in `--keys FILE` exported
  earlier, else in the chain's first administrator), and state rows edited behind the program's back;
- on a server, a missing or disabled audit guard (trigger) or user function.
What no check inside the workspace can see: a chain rewritten whole, from its first event, by someone
who can rewrite every row and file (a SQLite file's owner). Pins from outside catch that: `--keys FILE`
(the first administrator's key) and `--expect-head SEQ:HASH` (a head printed on a review log).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from reviewer.core.audit.chain import GENESIS_HASH, hash_body, iter_events, read_head
from reviewer.core.store import dialect, schema

_REFERENCING_TABLES = ("documents", "findings", "decisions", "attribute_records", "exports")


@dataclass(frozen=True, slots=True)
class Problem:
    seq: int | None  # the first bad event, when one can be named
    kind: str  # altered | missing | out_of_order | truncated | head | state | guard
    message_zh: str
    message_en: str

    def __str__(self) -> str:
        return f"{self.message_zh} / {self.message_en}"


@dataclass(frozen=True, slots=True)
class VerifyReport:
    count: int
    head_hash: str
    signatures_checked: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_bad_seq(self) -> int | None:
        return min((p.seq for p in self.problems if p.seq is not None), default=None)


StateCheck = Callable[[Connection, Callable[..., Problem], "dict | None"], tuple[list[Problem], int]]


def verify_chain(conn: Connection, *, keys: dict[str, list[str]] | None = None,
                 pins: tuple[tuple[int, str, str, str], ...] = (),
                 state_check: StateCheck | None = None) -> VerifyReport:
    """Check the whole chain. `pins` are (count, hash, source_zh, source_en): heads seen earlier elsewhere;
    `keys` are trusted public keys per user, passed on to `state_check`."""
    problems: list[Problem] = []
    prev, expected, checked, hashes = GENESIS_HASH, 1, 0, {}
    pinned = {pin[0] for pin in pins}
    for event in iter_events(conn):
        if event.seq != expected:
            kind = "missing" if event.seq > expected else "out_of_order"
            problems.append(Problem(expected, kind,
                                    f"第 {expected} 条事件缺失或顺序被改动（实际读到第 {event.seq} 条）。",
                                    f"Event {expected} is missing or out of order (found event {event.seq})."))
            break
        if event.prev_hash != prev:
            problems.append(Problem(event.seq, "out_of_order",
                                    f"第 {event.seq} 条事件与前一条不衔接（被删除、插入或调换）。",
                                    f"Event {event.seq} does not link to the one before it "
                                    "(removed, inserted or reordered)."))
            break
        if hash_body(event.body()) != event.hash:
            problems.append(Problem(event.seq, "altered", f"第 {event.seq} 条事件（{event.action}）内容被改动。",
                                    f"Event {event.seq} ({event.action}) was altered."))
            break
        if event.seq in pinned:
            hashes[event.seq] = event.hash
        prev, expected = event.hash, expected + 1
    if problems:
        return VerifyReport(expected - 1, prev, checked, tuple(problems))
    count = expected - 1
    problems.extend(_check_head(conn, count, prev))
    problems.extend(_check_references(conn, count))
    for pin_count, pin_hash, source_zh, source_en in pins:
        if pin_count > count:
            problems.append(Problem(count + 1, "truncated",
                                    f"{source_zh}记录链长 {pin_count}，现只有 {count} 条：第 {count + 1} 条起被删除。",
                                    f"{source_en} recorded {pin_count} events but only {count} remain: "
                                    f"events from {count + 1} on were removed."))
        elif pin_count > 0 and hashes.get(pin_count) != pin_hash:
            problems.append(Problem(pin_count, "altered", f"第 {pin_count} 条事件与{source_zh}记录的链头不符。",
                                    f"Event {pin_count} does not match the head recorded in {source_en}."))
    for name in dialect.missing_guards(conn):
        problems.append(Problem(None, "guard", f"服务器上的审计防护 {name} 缺失或被停用（所有者可删除或停用）；"
                                "请数据库所有者打开一次工作区以重新安装，并核查此期间的记录。",
                                f"The audit guard {name} is missing or disabled on the server (its owner can drop "
                                "it); have the database owner open the workspace once to reinstall it, and check "
                                "the records of the time it was missing."))
    if state_check is not None:  # what the events mean is the review layer's (it sits above this one)
        found, checked = state_check(conn, lambda seq, zh, en: Problem(seq, "state", zh, en), keys)
        problems.extend(found)
    return VerifyReport(count, prev, checked, tuple(problems))


def _check_head(conn: Connection, count: int, last_hash: str) -> list[Problem]:
    head = read_head(conn)
    if head is None:
        if count == 0:
            return []
        return [Problem(None, "head", "链头记录丢失。", "The chain head record is missing.")]
    if head.count > count:
        return [Problem(count + 1, "truncated",
                        f"链头记录有 {head.count} 条事件，现只有 {count} 条：第 {count + 1} 条起被删除。",
                        f"The head records {head.count} events but only {count} remain: events from "
                        f"{count + 1} on were removed.")]
    if head.count < count:
        return [Problem(head.count + 1, "head", f"第 {head.count + 1} 条起的事件不在链头记录之内（被追加）。",
                        f"Events from {head.count + 1} on are not covered by the head record (appended).")]
    if head.hash != last_hash:
        return [Problem(count, "head", f"第 {count} 条事件与链头记录不符。",
                        f"Event {count} does not match the recorded chain head.")]
    return []


def _check_references(conn: Connection, count: int) -> list[Problem]:
    newest = 0
    for name in _REFERENCING_TABLES:
        table = schema.metadata.tables[name]
        newest = max(newest, int(conn.execute(select(func.max(table.c.event_seq))).scalar() or 0))
    if newest > count:
        return [Problem(count + 1, "truncated",
                        f"工作区记录引用了第 {newest} 条事件，但链只有 {count} 条：第 {count + 1} 条起被删除。",
                        f"Workspace records refer to event {newest} but the chain has {count}: events from "
                        f"{count + 1} on were removed.")]
    return []

"""`workspace migrate`: copy a personal (SQLite) workspace into a team server, chain intact.

Every row is copied with its primary key, so each state row still names the audit event that created
it and every event keeps its sequence number, time and hash: the target's chain is the source's,
event for event, and `audit verify` checks it the same way. The source must verify first (a broken
chain is not carried into the team's store) and the target must be empty. The copy is one
transaction on the target; it ends with a `workspace.migrated` event that names the source's head.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from reviewer.core.audit.chain import ChainHead, append_event, read_head
from reviewer.core.store import dialect, schema
from reviewer.core.store.errors import WorkspaceError

# Parents before children (foreign keys); the chain and its head last.
COPY_ORDER = ("workspace_meta", "users", "documents", "findings", "decisions", "attribute_records", "exports",
              "leases", "term_lists", "audit_events", "audit_head")
_ID_TABLES = ["users", "documents", "findings", "decisions", "attribute_records", "exports"]
_BATCH = 1000


@dataclass(frozen=True, slots=True)
class CopyReport:
    rows: dict[str, int]
    source_head: ChainHead
    target_head: ChainHead


def copy_workspace(source, target, *, actor: str) -> CopyReport:
    """Copy every row of `source` into the empty `target` (both open `Workspace`s)."""
    report = source.verify()
    if not report.ok:
        raise WorkspaceError(f"源工作区 {source.location.display()} 的审计链核验未通过，不予复制："
                             f"{report.problems[0].message_zh}",
                             f"The source workspace {source.location.display()} fails audit verification; "
                             f"it is not copied: {report.problems[0].message_en}")
    rows: dict[str, int] = {}
    with target.write() as dst, source.read() as src:
        _require_empty(dst, target.location.display())
        for name in COPY_ORDER:
            rows[name] = _copy_table(src, dst, schema.metadata.tables[name])
        dialect.reset_id_sequences(dst, _ID_TABLES)
        source_head = read_head(src) or ChainHead(0, "0" * 64)
        copied_head = read_head(dst)
        if copied_head != source_head and source_head.count:
            raise WorkspaceError("复制后的审计链头与源不一致，已撤销复制。",
                                 "The copied chain head differs from the source; the copy was rolled back.")
        append_event(dst, actor=actor, action="workspace.migrated",
                     details={"source": source.location.display(), "source_head_count": source_head.count,
                              "source_head_hash": source_head.hash, "rows": rows})
        target_head = read_head(dst)
    return CopyReport(rows, source_head, target_head)


def _require_empty(conn: Connection, where: str) -> None:
    for name in ("users", "documents", "audit_events"):
        table = schema.metadata.tables[name]
        if conn.execute(select(func.count()).select_from(table)).scalar():
            raise WorkspaceError(f"目标工作区 {where} 不是空的（{name} 表已有数据），不能迁入。请使用新建的空数据库。",
                                 f"The target workspace {where} is not empty (table {name} has rows); "
                                 "migrate into a new, empty database.")


def _copy_table(src: Connection, dst: Connection, table) -> int:
    count = 0
    result = src.execution_options(yield_per=_BATCH).execute(
        select(table).order_by(*table.primary_key.columns))
    for batch in result.partitions():
        dst.execute(table.insert(), [dict(row._mapping) for row in batch])
        count += len(batch)
    return count

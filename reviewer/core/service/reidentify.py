"""The roster re-identification check over files: read, de-identify as the profile would, check the tables.

`check_files(paths, profile=…)` reads each file, and with a profile runs detection and applies the plan the
`redact` command would (so the check sees the copy that would be published); without one it checks the
files as they are (a list someone already masked). Tables are the sheets of a workbook and the tables of a
docx; only the tables' published values and their column kinds (detection/columns.py) reach the check
(deidentify/reidentification.py). Hidden sheets count as published unless the profile removes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from reviewer.core.deidentify.profiles import Profile
from reviewer.core.deidentify.reidentification import ReidResult, RosterTable, check, table_from_cells
from reviewer.core.deidentify.roster_policy import DEFAULT_K
from reviewer.core.detection.columns import tables
from reviewer.core.documents.model import Document

MIN_ROWS = 2
PERSON_KINDS = frozenset({"name", "id_card", "phone", "bank_account", "address", "birth_date"})
_TOTAL = re.compile(r"^(?:合\s*计|小\s*计|总\s*计|累\s*计)")


def roster_tables(
    document: Document, publish: Callable[[str], str] = lambda text: text, *, skip_hidden_sheets: bool = False
) -> list[RosterTable]:
    """The document's tables with each cell as it would be published (`publish` applied)."""
    out: list[RosterTable] = []
    for table in tables(document):
        if table.hidden and skip_hidden_sheets:
            continue
        if len(table.rows) < MIN_ROWS:
            continue
        kinds = {}
        for col in table.headers:
            kind = table.kind(col)
            kinds[col] = (kind.key, kind.quasi, kind.sensitive) if kind else (None, False, False)
        if not any(kind in PERSON_KINDS for kind, _, _ in kinds.values()):
            continue  # no column about a person (a summary by village): not a roster
        rows = []
        for row, cells in table.rows:
            texts = {
                col: "\n".join(document.blocks[i].text for i in indices)
                for col, indices in cells.items()
                if col in table.headers
            }
            if any(_TOTAL.match(text.strip()) for text in texts.values()):
                continue  # 合计 / 小计: a sum, not a household
            rows.append(
                (_where(document, table.table, row, cells), {c: publish(t) for c, t in texts.items()})
            )
        if len(rows) < MIN_ROWS:
            continue
        out.append(table_from_cells(document.path, table.table, table.headers, kinds, rows))
    return out


def _where(document: Document, table: str, row: int, cells: dict[int, list[int]]) -> str:
    first = document.blocks[next(iter(cells.values()))[0]]
    if "sheet" in first.attrs:
        return f"{table}!{row + 1}"
    return f"{table}/tr[{row}]"


def check_files(
    paths: Sequence[str | Path],
    profile: Profile | None = None,
    *,
    k: int | None = None,
    findings_of: Callable[[Document], list] | None = None,
) -> ReidResult:
    """The check over every table of every file (with the profile's de-identification applied first)."""
    from reviewer.core.documents import load_document

    roster_tables_: list[RosterTable] = []
    for path in paths:
        document = load_document(path)
        publish: Callable[[str], str] = lambda text: text  # noqa: E731
        if profile is not None:
            from reviewer.core.deidentify.plan import plan_redactions

            if findings_of is None:
                from reviewer.core.detection import analyze

                findings_of = analyze
            plan = plan_redactions(findings_of(document), profile)
            publish = plan.apply_text
        remove = profile is not None and profile.roster.hidden_sheets == "remove"
        roster_tables_ += roster_tables(document, publish, skip_hidden_sheets=remove)
    policy = profile.roster if profile is not None else None
    return check(
        roster_tables_,
        k=k or (policy.k if policy else DEFAULT_K),
        l=policy.l if policy else 2,
        publish=policy.publish if policy else (),
    )


__all__ = ["check_files", "roster_tables"]

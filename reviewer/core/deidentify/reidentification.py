"""Roster re-identification check (GB/T 37964-2019 去标识化; k-anonymity and l-diversity).

A masked roster can still single a family out: 王某, 双溪村, 5 口人, 1,260 元 is one household. For a table
as it would be published (values after de-identification), each row's quasi-identifiers are its published
values in the columns that hold them (detection/columns.py kinds: name, masked ID, phone, account, address,
village, household size, amount, category, sex, age…). A name published as 王某 counts by its surname, one
published in full by itself; a masked ID by its visible characters (the sex and birth year an attacker reads
from them are functions of those characters, so they split no group further). A column fully suppressed
(██████, empty) tells nothing.

- k(row): how many rows share the row's quasi-identifiers. Rows with k below the profile's `roster.k` are
  flagged; the share of unique rows (k = 1) is the headline.
- l(row): how many different values a published sensitive column (致贫原因, 病种, 残疾等级) takes in the row's
  group; below `roster.l` (a group of one always) the group's sensitive value is disclosed.
- The suggestion: generalisation steps, one column at a time, chosen greedily (mask one more digit of an
  identifier, amount and household-size bands, village → township, name → surname, then suppression) until
  no row is below k, and the same numbers after them. `with_step` applies one more step to one column and
  re-runs the check (the GUI's one-click action).
- Across documents: one person's identifiers masked differently in two places (500106********4519 here,
  5001061985****** there) rebuild the number. Rows are linked by published name (or surname and village
  when names are pseudonymised) and compatible masks; what the union reveals is reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from reviewer.core.deidentify.generalisation import (
    AGE_BANDS,
    AMOUNT_BANDS,
    HOUSEHOLD_BANDS,
    IDENTIFIER_KINDS,
    generalise,
    max_level,
    published,
)
from reviewer.core.deidentify.reidentification_links import Inconsistency, cross_document

MAX_SUGGESTED_STEPS = 40
# order in which the suggestion prefers steps that help equally (least information lost first)
_PREFERENCE = (
    "id_card",
    "phone",
    "bank_account",
    "birth_date",
    "age",
    "amount",
    "household_size",
    "address",
    "village",
    "name",
    "sex",
    "ethnicity",
    "category",
)


@dataclass(frozen=True, slots=True)
class RosterColumn:
    header: str
    kind: str | None  # detection/columns.py kind key, None for an unrecognised header
    quasi: bool = False
    sensitive: bool = False


@dataclass(frozen=True, slots=True)
class RosterRow:
    where: str  # e.g. "名册!7" (sheet and row as the viewer numbers it)
    cells: tuple[str, ...]  # published values, aligned with the table's columns


@dataclass(frozen=True, slots=True)
class RosterTable:
    source: str  # the file
    name: str  # sheet or table
    columns: tuple[RosterColumn, ...]
    rows: tuple[RosterRow, ...]


@dataclass(frozen=True, slots=True)
class Step:
    column: int
    kind: str
    level: int  # the level this step brings the column to

    def label(self, header: str, since: int = 0) -> tuple[str, str]:
        """(Chinese, English) wording of the column brought from level `since` to this step's level."""
        kind, level, n = self.kind, self.level, self.level - since
        if kind in IDENTIFIER_KINDS:
            return (f"“{header}”再遮盖{n}位", f"mask {n} more digit{'s' if n > 1 else ''} of '{header}'")
        if kind == "name":
            return (
                (f"“{header}”只保留姓氏", f"keep only the surname in '{header}'")
                if level == 1
                else (f"不公布“{header}”", f"do not publish '{header}'")
            )
        if kind == "amount" and level <= len(AMOUNT_BANDS):
            width = AMOUNT_BANDS[level - 1]
            return f"“{header}”按每{width}元一档公布", f"publish '{header}' in bands of {width}"
        if kind == "household_size" and level <= len(HOUSEHOLD_BANDS):
            bands = "、".join(
                f"{a}" if a == b else (f"{a}-{b}" if b < 99 else f"{a}及以上")
                for a, b in HOUSEHOLD_BANDS[level - 1]
            )
            return f"“{header}”按 {bands} 分档公布", f"publish '{header}' in the bands {bands}"
        if kind == "age" and level <= len(AGE_BANDS):
            width = AGE_BANDS[level - 1]
            return f"“{header}”按{width}岁一档公布", f"publish '{header}' in {width}-year bands"
        if kind == "birth_date" and level <= 3:
            what = ("年月", "年份", "五年区间")[level - 1]
            return (
                f"“{header}”只公布{what}",
                f"publish only the {('month', 'year', 'five-year band')[level - 1]} of '{header}'",
            )
        if kind == "village" and level == 1:
            return f"“{header}”只公布到乡镇（街道）", f"generalise '{header}' to the township"
        if kind == "address" and level <= 4:
            what = ("村（社区）", "乡镇（街道）", "区县", "市")[level - 1]
            return (
                f"“{header}”只公布到{what}",
                f"generalise '{header}' to the {('village', 'township', 'county', 'city')[level - 1]}",
            )
        return f"不公布“{header}”", f"do not publish '{header}'"


def summarise(steps: Sequence[Step]) -> tuple[Step, ...]:
    """Consecutive steps on one column as one (its final level), in order of first appearance."""
    final: dict[int, Step] = {}
    for step in steps:
        final[step.column] = step
    order = list(dict.fromkeys(s.column for s in steps))
    return tuple(final[c] for c in order)


@dataclass(frozen=True, slots=True)
class TableCheck:
    table: RosterTable
    levels: tuple[int, ...]  # generalisation level per column (0: as published)
    quasi: tuple[int, ...]  # columns used as quasi-identifiers (published, not fully suppressed)
    sensitive: tuple[int, ...]
    k: tuple[int, ...]  # per row
    l: tuple[int | None, ...]  # per row (None without a published sensitive column)  # noqa: E741
    keys: tuple[tuple[str | None, ...], ...]  # per row, the generalised quasi-identifier values
    suggestion: tuple[Step, ...] = ()
    after: TableCheck | None = None  # the same check with the suggestion applied
    extra_columns: tuple[str, ...] = ()  # published columns the profile's rule does not list

    def unique_share(self) -> float:
        return sum(1 for k in self.k if k == 1) / len(self.k) if self.k else 0.0

    def below(self, threshold: int) -> tuple[int, ...]:
        return tuple(i for i, k in enumerate(self.k) if k < threshold)

    def below_share(self, threshold: int) -> float:
        return len(self.below(threshold)) / len(self.k) if self.k else 0.0

    def not_diverse(self, threshold: int) -> tuple[int, ...]:
        return tuple(i for i, value in enumerate(self.l) if value is not None and value < threshold)


@dataclass(frozen=True, slots=True)
class ReidResult:
    k: int
    l: int  # noqa: E741
    tables: tuple[TableCheck, ...]
    inconsistencies: tuple[Inconsistency, ...] = ()
    publish: tuple[str, ...] = ()

    def with_step(self, table: int, column: int) -> ReidResult:
        """The check re-run with one more generalisation step on one column (the GUI's one-click action)."""
        check = self.tables[table]
        levels = list(check.levels)
        level = next_level(check.table, column, levels[column])
        if level is None:
            return self
        levels[column] = level
        tables = list(self.tables)
        tables[table] = check_table(
            check.table, k=self.k, l=self.l, levels=tuple(levels), publish=self.publish
        )
        return replace(self, tables=tuple(tables))

    @property
    def flagged(self) -> bool:
        return bool(self.inconsistencies) or any(
            t.below(self.k) or t.not_diverse(self.l) for t in self.tables
        )


def next_level(table: RosterTable, column: int, level: int, cache: _Values | None = None) -> int | None:
    """The next level of `column` that publishes something different (None: nothing left to generalise)."""
    cache = cache or _Values(table)
    kind = table.columns[column].kind
    top = 32 if kind in IDENTIFIER_KINDS else max_level(kind)
    current = cache.get(column, level)
    for candidate in range(level + 1, top + 1):
        values = cache.get(column, candidate)
        if values != current:
            return candidate
        if all(v is None for v in values):
            return None
    return None


def can_step(table: RosterTable, column: int, level: int) -> bool:
    """Whether generalising `column` further changes anything (some value is not suppressed yet)."""
    return next_level(table, column, level) is not None


class _Values:
    """Each column's published values at each level, computed once per check (the suggestion tries every
    column at its next level on every round)."""

    def __init__(self, table: RosterTable) -> None:
        self.table = table
        self._published: dict[int, list[str | None]] = {}
        self._levels: dict[tuple[int, int], list[str | None]] = {}

    def get(self, column: int, level: int) -> list[str | None]:
        key = (column, level)
        if key not in self._levels:
            if column not in self._published:
                self._published[column] = [published(r.cells[column]) for r in self.table.rows]
            kind = self.table.columns[column].kind
            memo: dict[str | None, str | None] = {}
            out = []
            for v in self._published[column]:
                if v not in memo:
                    memo[v] = generalise(kind, v, level)
                out.append(memo[v])
            self._levels[key] = out
        return self._levels[key]

    def keys(self, quasi: Sequence[int], levels: Sequence[int]) -> list[tuple[str | None, ...]]:
        columns = [self.get(j, levels[j]) for j in quasi]
        return list(zip(*columns, strict=True)) if columns else [() for _ in self.table.rows]


# --- the check ------------------------------------------------------------------------------------------


def _columns_of(
    table: RosterTable, publish: Sequence[str]
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    quasi, sensitive, extra = [], [], []
    for j, column in enumerate(table.columns):
        present = any(published(r.cells[j]) is not None for r in table.rows)
        if not present:
            continue
        if column.quasi:
            quasi.append(j)
        if column.sensitive:
            sensitive.append(j)
        if publish and column.kind not in publish and (column.quasi or column.sensitive):
            extra.append(column.header)
    return tuple(quasi), tuple(sensitive), tuple(extra)


def check_table(
    table: RosterTable,
    *,
    k: int,
    l: int,  # noqa: E741 - the l of l-diversity
    levels: tuple[int, ...] | None = None,
    publish: Sequence[str] = (),
    suggest: bool = True,
    cache: _Values | None = None,
) -> TableCheck:
    levels = levels or tuple(0 for _ in table.columns)
    cache = cache or _Values(table)
    quasi, sensitive, extra = _columns_of(table, publish)
    keys = cache.keys(quasi, levels)
    counts = Counter(keys)
    ks = tuple(counts[key] for key in keys)
    ls: tuple[int | None, ...] = tuple(None for _ in keys)
    if sensitive:
        values: dict[tuple, set[str]] = {}
        for key, row in zip(keys, table.rows, strict=True):
            values.setdefault(key, set()).update(
                v for j in sensitive if (v := published(row.cells[j])) is not None
            )
        ls = tuple(len(values[key]) if values[key] else None for key in keys)
    check = TableCheck(
        table=table,
        levels=levels,
        quasi=quasi,
        sensitive=sensitive,
        k=ks,
        l=ls,
        keys=tuple(keys),
        extra_columns=extra,
    )
    if not suggest or not check.below(k):
        return check
    steps = _suggest(cache, k, levels, quasi)
    if not steps:
        return check
    final = list(levels)
    for step in steps:
        final[step.column] = step.level
    after = check_table(table, k=k, l=l, levels=tuple(final), publish=publish, suggest=False, cache=cache)
    return replace(check, suggestion=steps, after=after)


def _suggest(cache: _Values, k: int, levels: Sequence[int], quasi: Sequence[int]) -> tuple[Step, ...]:
    """Greedy: the step that leaves fewest rows below k until none is; among equals the step that merges most
    groups (progress even while no row reaches k: with full names every row stays unique until the names are
    generalised), then the column whose detail matters least."""
    table = cache.table
    current = list(levels)
    steps: list[Step] = []
    rank = {kind: i for i, kind in enumerate(_PREFERENCE)}
    while len(steps) < MAX_SUGGESTED_STEPS:
        best: tuple[tuple[int, int, int], int, int] | None = None
        for j in quasi:
            level = next_level(table, j, current[j], cache)
            if level is None:
                continue
            trial = list(current)
            trial[j] = level
            counts = Counter(keys := cache.keys(quasi, trial))
            violations = sum(1 for key in keys if counts[key] < k)
            score = (violations, len(counts), rank.get(table.columns[j].kind or "", len(rank)))
            if best is None or score < best[0]:
                best = (score, j, level)
        if best is None:
            break
        _, j, level = best
        current[j] = level
        steps.append(Step(column=j, kind=table.columns[j].kind or "", level=level))
        if best[0][0] == 0:
            break
    return tuple(steps)


def check(tables: Sequence[RosterTable], *, k: int, l: int = 2, publish: Sequence[str] = ()) -> ReidResult:  # noqa: E741
    """Every table, and the identifiers of one person across all of them."""
    checks = tuple(check_table(t, k=k, l=l, publish=publish) for t in tables)
    return ReidResult(k=k, l=l, tables=checks, inconsistencies=cross_document(tables), publish=tuple(publish))


def table_from_cells(
    source: str,
    name: str,
    headers: Mapping[int, str],
    kinds: Mapping[int, tuple[str | None, bool, bool]],
    rows: Sequence[tuple[str, Mapping[int, str]]],
) -> RosterTable:
    """A RosterTable from cells by column index: `kinds[col]` is (kind, quasi, sensitive)."""
    cols = sorted(headers)
    columns = tuple(RosterColumn(headers[c], *kinds.get(c, (None, False, False))) for c in cols)
    return RosterTable(
        source=source,
        name=name,
        columns=columns,
        rows=tuple(RosterRow(where, tuple(cells.get(c, "") for c in cols)) for where, cells in rows),
    )

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

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from reviewer.core.deidentify.operators import generalize_address

MASKS = frozenset("*＊×█")
_SPACE = re.compile(r"[\s\u3000\u00a0]+")
_NUMBER = re.compile(r"^[-+]?[0-9][0-9,]*(?:\.[0-9]+)?$")
_TOWNSHIP = re.compile(r"^.*?(?:街道办事处|街道|镇|乡|苏木)")
MAX_SUGGESTED_STEPS = 40
IDENTIFIER_KINDS = ("id_card", "phone", "bank_account")
# the mask the general profile applies to an identifier still published in full: (kept head, kept tail)
_FIRST_MASK = {"id_card": (6, 4), "phone": (3, 4), "bank_account": (0, 4)}
_AMOUNT_BANDS = (50, 100, 200, 500, 1000, 5000)
_HOUSEHOLD_BANDS = (((1, 1), (2, 2), (3, 3), (4, 5), (6, 99)), ((1, 2), (3, 4), (5, 99)))
_AGE_BANDS = (5, 10, 20)
# order in which the suggestion prefers steps that help equally (least information lost first)
_PREFERENCE = ("id_card", "phone", "bank_account", "birth_date", "age", "amount", "household_size", "address",
               "village", "name", "sex", "ethnicity", "category")


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

    def label(self, header: str) -> tuple[str, str]:
        """(Chinese, English) wording of the step for a reviewer."""
        kind = self.kind
        if kind in IDENTIFIER_KINDS:
            return f"“{header}”再遮盖一位", f"mask one more digit of '{header}'"
        if kind == "name":
            return (f"“{header}”只保留姓氏", f"keep only the surname in '{header}'") if self.level == 1 else (
                f"不公布“{header}”", f"do not publish '{header}'")
        if kind in ("amount", "household_size", "age", "birth_date"):
            return f"“{header}”按区间公布（第{self.level}级）", f"publish '{header}' in bands (level {self.level})"
        if kind in ("village", "address"):
            return f"“{header}”上升一级行政区划", f"generalise '{header}' one administrative level up"
        return f"不公布“{header}”", f"do not publish '{header}'"


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
class Inconsistency:
    kind: str  # id_card, phone, bank_account
    person: str  # the name (or surname and village) that links the rows
    places: tuple[tuple[str, str, str], ...]  # (file, where, published value)
    combined: str  # what the copies reveal together
    revealed: int  # characters visible in the union
    hidden_each: int  # the fewest characters any single copy hides


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
        if not can_step(check.table, column, levels[column]):
            return self
        levels[column] += 1
        tables = list(self.tables)
        tables[table] = check_table(check.table, k=self.k, l=self.l, levels=tuple(levels), publish=self.publish)
        return replace(self, tables=tuple(tables))

    @property
    def flagged(self) -> bool:
        return bool(self.inconsistencies) or any(t.below(self.k) or t.not_diverse(self.l) for t in self.tables)


# --- values ---------------------------------------------------------------------------------------------

def _clean(value: str) -> str:
    return _SPACE.sub("", value)


def published(value: str) -> str | None:
    """What a published cell tells: None when nothing (empty, or every character suppressed)."""
    text = _clean(value)
    if not text or all(c in MASKS for c in text):
        return None
    return text


def _surname(name: str) -> str:
    cut = next((i for i, c in enumerate(name) if c == "某" or c in MASKS), None)
    if cut is not None:
        return name[:cut] or name
    from reviewer.core.deidentify.pseudonyms import surname_of

    return surname_of(name)


def _mask_more(value: str, kind: str, steps: int) -> str | None:
    chars = list(value)
    if steps and not any(c in MASKS for c in chars):
        head, tail = _FIRST_MASK.get(kind, (0, 4))
        significant = [i for i, c in enumerate(chars) if c.isalnum()]
        for i in significant[head:len(significant) - tail]:
            chars[i] = "*"
        steps -= 1
    for _ in range(steps):
        visible = [i for i, c in enumerate(chars) if c not in MASKS and c.isalnum()]
        if not visible:
            return None
        first_mask = next((i for i, c in enumerate(chars) if c in MASKS), len(chars))
        tail = [i for i in visible if i > first_mask]
        chars[tail[0] if tail else visible[-1]] = "*"
    text = "".join(chars)
    return None if all(c in MASKS or not c.isalnum() for c in text) else text


def _number(value: str) -> float | None:
    text = value.replace("元", "").replace("人", "").replace("口", "").strip()
    return float(text.replace(",", "")) if _NUMBER.match(text) else None


def _band(number: float, width: int) -> str:
    low = int(number // width * width)
    return f"{low}–{low + width - 1}"


def generalise(kind: str | None, value: str | None, level: int) -> str | None:
    """The value published at a generalisation level of its column (0: as it is)."""
    if value is None:
        return None
    if kind == "name":
        return (value if not any(c == "某" or c in MASKS for c in value) else _surname(value)) if level == 0 else (
            _surname(value) if level == 1 else None)
    if level == 0:
        return value
    if kind in IDENTIFIER_KINDS:
        return _mask_more(value, kind, level)
    if kind == "amount":
        number = _number(value)
        if level > len(_AMOUNT_BANDS) or number is None:
            return None
        return _band(number, _AMOUNT_BANDS[level - 1])
    if kind == "household_size":
        number = _number(value)
        if level > len(_HOUSEHOLD_BANDS) or number is None:
            return None
        n = int(number)
        return next((f"{a}–{b}" if a != b else str(a) for a, b in _HOUSEHOLD_BANDS[level - 1] if a <= n <= b),
                    f"{n}")
    if kind == "age":
        number = _number(value.replace("岁", ""))
        if level > len(_AGE_BANDS) or number is None:
            return None
        return _band(number, _AGE_BANDS[level - 1])
    if kind == "birth_date":
        digits = re.findall(r"[0-9]+", value)
        if not digits or len(digits[0]) != 4 or level > 3:
            return None
        year = int(digits[0])
        if level == 1 and len(digits) > 1:
            return f"{year}-{int(digits[1]):02d}"
        return str(year) if level <= 2 else _band(year, 5)
    if kind == "address":
        levels = ("village", "township", "county", "city")
        if level > len(levels):
            return None
        text = generalize_address(value, level=levels[level - 1])
        return published(text)
    if kind == "village":
        if level > 1:
            return None
        m = _TOWNSHIP.match(value)
        return m.group() if m and m.end() < len(value) else None
    return None


def _max_level(kind: str | None) -> int:
    return {"name": 2, "amount": len(_AMOUNT_BANDS) + 1, "household_size": len(_HOUSEHOLD_BANDS) + 1,
            "age": len(_AGE_BANDS) + 1, "birth_date": 4, "address": 5, "village": 2}.get(kind or "", 1)


def can_step(table: RosterTable, column: int, level: int) -> bool:
    """Whether one more step on `column` changes anything (some value is not suppressed yet)."""
    kind = table.columns[column].kind
    if kind not in IDENTIFIER_KINDS and level >= _max_level(kind):
        return False
    return any(generalise(kind, v, level) != generalise(kind, v, level + 1)
               for v in (published(r.cells[column]) for r in table.rows))


# --- the check ------------------------------------------------------------------------------------------

def _columns_of(table: RosterTable, publish: Sequence[str]) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
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


def check_table(table: RosterTable, *, k: int, l: int, levels: tuple[int, ...] | None = None,  # noqa: E741
                publish: Sequence[str] = (), suggest: bool = True) -> TableCheck:
    levels = levels or tuple(0 for _ in table.columns)
    quasi, sensitive, extra = _columns_of(table, publish)
    keys = _keys(table, quasi, levels)
    counts = Counter(keys)
    ks = tuple(counts[key] for key in keys)
    ls: tuple[int | None, ...] = tuple(None for _ in keys)
    if sensitive:
        values: dict[tuple, set[str]] = {}
        for key, row in zip(keys, table.rows, strict=True):
            values.setdefault(key, set()).update(
                v for j in sensitive if (v := published(row.cells[j])) is not None)
        ls = tuple(len(values[key]) if values[key] else None for key in keys)
    check = TableCheck(table=table, levels=levels, quasi=quasi, sensitive=sensitive, k=ks, l=ls,
                       keys=tuple(keys), extra_columns=extra)
    if not suggest or not check.below(k):
        return check
    steps = _suggest(table, k, levels, quasi)
    if not steps:
        return check
    final = list(levels)
    for step in steps:
        final[step.column] = step.level
    after = check_table(table, k=k, l=l, levels=tuple(final), publish=publish, suggest=False)
    return replace(check, suggestion=steps, after=after)


def _keys(table: RosterTable, quasi: Sequence[int], levels: Sequence[int]) -> list[tuple[str | None, ...]]:
    columns = [[generalise(table.columns[j].kind, published(r.cells[j]), levels[j]) for r in table.rows]
               for j in quasi]
    return list(zip(*columns, strict=True)) if columns else [() for _ in table.rows]


def _suggest(table: RosterTable, k: int, levels: Sequence[int], quasi: Sequence[int]) -> tuple[Step, ...]:
    """Greedy: the step that leaves fewest rows below k (ties: the least informative column first) until none is."""
    current = list(levels)
    steps: list[Step] = []
    rank = {kind: i for i, kind in enumerate(_PREFERENCE)}
    while len(steps) < MAX_SUGGESTED_STEPS:
        best: tuple[tuple[int, int], int] | None = None
        for j in quasi:
            if not can_step(table, j, current[j]):
                continue
            trial = list(current)
            trial[j] += 1
            counts = Counter(keys := _keys(table, quasi, trial))
            violations = sum(1 for key in keys if counts[key] < k)
            score = (violations, rank.get(table.columns[j].kind or "", len(rank)))
            if best is None or score < best[0]:
                best = (score, j)
        if best is None:
            break
        j = best[1]
        current[j] += 1
        steps.append(Step(column=j, kind=table.columns[j].kind or "", level=current[j]))
        if best[0][0] == 0:
            break
    return tuple(steps)


def check(tables: Sequence[RosterTable], *, k: int, l: int = 2, publish: Sequence[str] = ()) -> ReidResult:  # noqa: E741
    """Every table, and the identifiers of one person across all of them."""
    checks = tuple(check_table(t, k=k, l=l, publish=publish) for t in tables)
    return ReidResult(k=k, l=l, tables=checks, inconsistencies=cross_document(tables), publish=tuple(publish))


# --- across documents -----------------------------------------------------------------------------------

@dataclass(slots=True)
class _Sighting:
    source: str
    where: str
    value: str
    village: str | None = None
    others: list[str] = field(default_factory=list)


def _compatible(a: str, b: str) -> bool:
    return len(a) == len(b) and all(x == y or x in MASKS or y in MASKS for x, y in zip(a, b, strict=True))


def _union(values: Sequence[str]) -> str:
    out = list(values[0])
    for value in values[1:]:
        for i, c in enumerate(value):
            if out[i] in MASKS and c not in MASKS:
                out[i] = c
    return "".join(out)


def cross_document(tables: Sequence[RosterTable]) -> tuple[Inconsistency, ...]:
    """Identifiers of one person published with different masks in different places."""
    by_person: dict[tuple[str, str], list[_Sighting]] = {}
    for table in tables:
        kinds = {c.kind: j for j, c in enumerate(table.columns) if c.kind}
        name_col = kinds.get("name")
        if name_col is None:
            continue
        village_col = kinds.get("village")
        for row in table.rows:
            name = published(row.cells[name_col])
            if name is None:
                continue
            pseudonymised = any(c == "某" or c in MASKS for c in name)
            village = published(row.cells[village_col]) if village_col is not None else None
            person = f"{_surname(name)}（{village or '?'}）" if pseudonymised else name
            for kind in IDENTIFIER_KINDS:
                j = kinds.get(kind)
                value = published(row.cells[j]) if j is not None else None
                if value is not None:
                    by_person.setdefault((kind, person), []).append(_Sighting(table.source, row.where, value, village))
    found: list[Inconsistency] = []
    for (kind, person), sightings in by_person.items():
        distinct = {s.value for s in sightings}
        if len(distinct) < 2 or len({s.source for s in sightings}) < 2:
            continue
        values = sorted(distinct)
        if not all(_compatible(values[0], v) for v in values[1:]):
            continue  # two different people (or numbers) under one name: nothing rebuilt
        combined = _union(values)
        revealed = sum(1 for c in combined if c not in MASKS)
        most = max(sum(1 for c in v if c not in MASKS) for v in values)
        if revealed <= most:
            continue
        hidden_each = min(sum(1 for c in v if c in MASKS) for v in values)
        places = tuple(sorted({(s.source, s.where, s.value) for s in sightings}))
        found.append(Inconsistency(kind=kind, person=person, places=places, combined=combined, revealed=revealed,
                                   hidden_each=hidden_each))
    return tuple(sorted(found, key=lambda i: (i.kind, i.person)))


def table_from_cells(source: str, name: str, headers: Mapping[int, str], kinds: Mapping[int, tuple[str | None, bool, bool]],
                     rows: Sequence[tuple[str, Mapping[int, str]]]) -> RosterTable:
    """A RosterTable from cells by column index: `kinds[col]` is (kind, quasi, sensitive)."""
    cols = sorted(headers)
    columns = tuple(RosterColumn(headers[c], *kinds.get(c, (None, False, False))) for c in cols)
    return RosterTable(source=source, name=name, columns=columns,
                       rows=tuple(RosterRow(where, tuple(cells.get(c, "") for c in cols)) for where, cells in rows))

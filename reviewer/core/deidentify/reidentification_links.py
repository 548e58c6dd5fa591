"""Across documents: one person's identifiers published with different masks in two files (500106********4519
here, 5001061985****** there) rebuild the number. Part of the re-identification check (reidentification.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer.core.deidentify.generalisation import IDENTIFIER_KINDS, MASKS, generalise, published, surname

if TYPE_CHECKING:
    from reviewer.core.deidentify.reidentification import RosterRow, RosterTable


@dataclass(frozen=True, slots=True)
class Inconsistency:
    kind: str  # id_card, phone, bank_account
    person: str  # the name (or surname and village) that links the rows
    places: tuple[tuple[str, str, str], ...]  # (file, where, published value)
    combined: str  # what the copies reveal together
    revealed: int  # characters visible in the union
    hidden_each: int  # the fewest characters any single copy hides


_LINK_KINDS = ("name", "village", "household_size", "amount", "sex", "age", "birth_date", "category")


def _pseudonymised(table: RosterTable, column: int) -> bool:
    names = [v for r in table.rows if (v := published(r.cells[column])) is not None]
    return sum(1 for v in names if any(c == "某" or c in MASKS for c in v)) * 2 > len(names)


def _compatible(a: str, b: str) -> bool:
    return len(a) == len(b) and all(x == y or x in MASKS or y in MASKS for x, y in zip(a, b, strict=True))


def _union(values: Sequence[str]) -> str:
    out = list(values[0])
    for value in values[1:]:
        for i, c in enumerate(value):
            if out[i] in MASKS and c not in MASKS:
                out[i] = c
    return "".join(out)


def _visible(value: str) -> int:
    return sum(1 for c in value if c not in MASKS)


def cross_document(tables: Sequence[RosterTable]) -> tuple[Inconsistency, ...]:
    """Identifiers of one person published with different masks in two files. Rows of two tables are one
    person when they agree on every published column both tables have among name (the surname where either
    file pseudonymises names), village, household size, amount, sex, age, birth date, category, and no other
    row of either table does; their identifiers are then compared position by position."""
    usable = []
    for table in tables:
        kinds = {c.kind: j for j, c in enumerate(table.columns) if c.kind}
        if "name" in kinds and any(kind in kinds for kind in IDENTIFIER_KINDS):
            usable.append((table, kinds))
    found: list[Inconsistency] = []
    for a in range(len(usable)):
        for b in range(a + 1, len(usable)):
            (ta, ka), (tb, kb) = usable[a], usable[b]
            if ta.source == tb.source:
                continue
            common = [kind for kind in _LINK_KINDS if kind in ka and kind in kb]
            shared = [kind for kind in IDENTIFIER_KINDS if kind in ka and kind in kb]
            if not shared:
                continue
            surnames = _pseudonymised(ta, ka["name"]) or _pseudonymised(tb, kb["name"])
            index_a, index_b = _link_index(ta, ka, common, surnames), _link_index(tb, kb, common, surnames)
            for key, rows_a in index_a.items():
                rows_b = index_b.get(key)
                if rows_b is None or len(rows_a) != 1 or len(rows_b) != 1:
                    continue  # not there, or ambiguous: two households look alike
                row_a, row_b = rows_a[0], rows_b[0]
                for kind in shared:
                    va, vb = published(row_a.cells[ka[kind]]), published(row_b.cells[kb[kind]])
                    if va is None or vb is None or va == vb or not _compatible(va, vb):
                        continue
                    combined = _union([va, vb])
                    if _visible(combined) <= max(_visible(va), _visible(vb)):
                        continue
                    person = " ".join(v for v in key if v)
                    found.append(
                        Inconsistency(
                            kind=kind,
                            person=person,
                            places=((ta.source, row_a.where, va), (tb.source, row_b.where, vb)),
                            combined=combined,
                            revealed=_visible(combined),
                            hidden_each=min(len(va) - _visible(va), len(vb) - _visible(vb)),
                        )
                    )
    return tuple(sorted(found, key=lambda i: (i.kind, i.places)))


def _link_index(
    table: RosterTable, kinds: Mapping[str, int], common: Sequence[str], surnames: bool
) -> dict[tuple[str | None, ...], list[RosterRow]]:
    index: dict[tuple[str | None, ...], list[RosterRow]] = {}
    for row in table.rows:
        key = []
        for kind in common:
            value = published(row.cells[kinds[kind]])
            if kind == "name" and value is not None:
                value = surname(value) if surnames else generalise("name", value, 0)
            key.append(value)
        if key and key[0] is not None:
            index.setdefault(tuple(key), []).append(row)
    return index

"""The `roster:` section of a policy profile: what a published list (花名册, 公示名单) may show and how
anonymous it must stay. Parsed strictly, like the rest of the profile (an unknown key or column is an error).

```yaml
roster:
  k: 5                      # every row must share its quasi-identifiers with at least k-1 others
  l: 2                      # a published sensitive column needs at least l different values in each group
  hidden_sheets: clean      # workbooks: clean (de-identify like the rest) or remove hidden sheets
  publish: [name, household_size, amount, village, category]   # the columns the rule publishes
```
Column names are the kinds of detection/columns.py (name, id_card, phone, bank_account, address, sensitive,
birth_date, village, household_size, amount, category, sex, age, ethnicity, relation).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewer.core.errors import ConfigurationError

COLUMN_KINDS = frozenset(
    {
        "name",
        "id_card",
        "phone",
        "bank_account",
        "address",
        "sensitive",
        "birth_date",
        "village",
        "household_size",
        "amount",
        "category",
        "sex",
        "age",
        "ethnicity",
        "relation",
    }
)
HIDDEN_SHEETS = ("clean", "remove")
DEFAULT_K = 5
_KEYS = {"k", "l", "hidden_sheets", "publish"}


@dataclass(frozen=True, slots=True)
class RosterPolicy:
    k: int = DEFAULT_K
    l: int = 2  # noqa: E741 - the l of l-diversity
    hidden_sheets: str = "clean"
    publish: tuple[str, ...] = ()  # empty: the profile does not say which columns a roster publishes


def parse_roster(raw: Any, where: str, base: RosterPolicy | None = None) -> RosterPolicy:
    """The section as written over `base` (the extended profile's), or a ConfigurationError saying what is wrong."""
    base = base or RosterPolicy()
    if not isinstance(raw, dict):
        raise _error(where, "roster 必须是映射。", "'roster' must be a mapping.")
    unknown = set(raw) - _KEYS
    if unknown:
        raise _error(
            where, f"roster 含未知键：{sorted(unknown)}。", f"'roster' has unknown keys: {sorted(unknown)}."
        )
    values = {"k": base.k, "l": base.l, "hidden_sheets": base.hidden_sheets, "publish": base.publish}
    for key in ("k", "l"):
        if key in raw:
            value = raw[key]
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise _error(
                    where, f"roster.{key} 必须是正整数。", f"roster.{key} must be a positive integer."
                )
            values[key] = value
    if "hidden_sheets" in raw:
        if raw["hidden_sheets"] not in HIDDEN_SHEETS:
            raise _error(
                where,
                f"roster.hidden_sheets 只能是 {' 或 '.join(HIDDEN_SHEETS)}。",
                f"roster.hidden_sheets must be one of {', '.join(HIDDEN_SHEETS)}.",
            )
        values["hidden_sheets"] = raw["hidden_sheets"]
    if "publish" in raw:
        publish = raw["publish"]
        if not isinstance(publish, list) or not all(isinstance(c, str) for c in publish):
            raise _error(
                where, "roster.publish 必须是列类别的列表。", "roster.publish must be a list of column kinds."
            )
        bad = sorted(set(publish) - COLUMN_KINDS)
        if bad:
            raise _error(
                where,
                f"roster.publish 含未知列类别：{bad}。可用：{sorted(COLUMN_KINDS)}。",
                f"roster.publish has unknown column kinds: {bad}. Known: {sorted(COLUMN_KINDS)}.",
            )
        values["publish"] = tuple(publish)
    return RosterPolicy(**values)


def _error(path: str, zh: str, en: str) -> ConfigurationError:
    return ConfigurationError(zh + " 请修正策略配置文件。", en + " Fix the policy profile.", path=path)

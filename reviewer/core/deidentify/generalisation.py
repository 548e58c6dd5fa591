"""Generalisation levels of a published roster column (GB/T 37964 generalisation and suppression), one
function of (column kind, published value, level): level 0 is the value as published, each level above it
tells less, the last tells nothing (None). Used by the re-identification check (reidentification.py).

- identifiers (ID, phone, account): one more digit masked per level, the tail first (500106********4519 →
  500106*********519), then the head; a value still published in full is first masked as the general profile
  masks it (6+4, 3+4, last 4);
- name: the surname (a pseudonym 王某甲 counts by its surname from level 0), then nothing;
- amount: bands of 50, 100, 200, 500, 1000, 5000 (yuan); household size: 1/2/3/4–5/6+, then 1–2/3–4/5+;
  age: 5, 10, 20 years; birth date: year-month, year, five years;
- address: village, township, county, city (operators.generalize_address); village: township when the value
  names it; any other kind: suppressed.
"""

from __future__ import annotations

import re

from reviewer.core.deidentify.operators import generalize_address

MASKS = frozenset("*＊×█")
_SPACE = re.compile(r"[\s\u3000\u00a0]+")
_NUMBER = re.compile(r"^[-+]?[0-9][0-9,]*(?:\.[0-9]+)?$")
_TOWNSHIP = re.compile(r"^.*?(?:街道办事处|街道|镇|乡|苏木)")
IDENTIFIER_KINDS = ("id_card", "phone", "bank_account")
# the mask the general profile applies to an identifier still published in full: (kept head, kept tail)
_FIRST_MASK = {"id_card": (6, 4), "phone": (3, 4), "bank_account": (0, 4)}
AMOUNT_BANDS = (50, 100, 200, 500, 1000, 5000)
HOUSEHOLD_BANDS = (((1, 1), (2, 2), (3, 3), (4, 5), (6, 99)), ((1, 2), (3, 4), (5, 99)))
AGE_BANDS = (5, 10, 20)


def _clean(value: str) -> str:
    return _SPACE.sub("", value)


def published(value: str) -> str | None:
    """What a published cell tells: None when nothing (empty, or every character suppressed)."""
    text = _clean(value)
    if not text or all(c in MASKS for c in text):
        return None
    return text


def surname(name: str) -> str:
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
        for i in significant[head : len(significant) - tail]:
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
        return (
            (value if not any(c == "某" or c in MASKS for c in value) else surname(value))
            if level == 0
            else (surname(value) if level == 1 else None)
        )
    if level == 0:
        return value
    if kind in IDENTIFIER_KINDS:
        return _mask_more(value, kind, level)
    if kind == "amount":
        number = _number(value)
        if level > len(AMOUNT_BANDS) or number is None:
            return None
        return _band(number, AMOUNT_BANDS[level - 1])
    if kind == "household_size":
        number = _number(value)
        if level > len(HOUSEHOLD_BANDS) or number is None:
            return None
        n = int(number)
        return next(
            (f"{a}–{b}" if a != b else str(a) for a, b in HOUSEHOLD_BANDS[level - 1] if a <= n <= b), f"{n}"
        )
    if kind == "age":
        number = _number(value.replace("岁", ""))
        if level > len(AGE_BANDS) or number is None:
            return None
        return _band(number, AGE_BANDS[level - 1])
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


def max_level(kind: str | None) -> int:
    return {
        "name": 2,
        "amount": len(AMOUNT_BANDS) + 1,
        "household_size": len(HOUSEHOLD_BANDS) + 1,
        "age": len(AGE_BANDS) + 1,
        "birth_date": 4,
        "address": 5,
        "village": 2,
    }.get(kind or "", 1)

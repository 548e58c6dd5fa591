"""Name pseudonyms by the convention of published judgments and government notices.

`张三丰` → `张某` (or `张某某`); two different people with the same surname become `张某甲` and
`张某乙` (in order of first appearance); transliterated minority names (`买买提·艾力`) keep their
first character; compound surnames (`欧阳`) are kept whole. The mapping is built once per document
from every name the reviewer accepted, so one person gets the same pseudonym in the body, headers,
comments and properties alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

# The common Chinese compound surnames (《百家姓》 and modern usage).
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 澹台 公冶 宗政 濮阳 "
    "淳于 单于 太叔 申屠 仲孙 闻人 万俟 呼延 端木 百里 东郭 南宫 西门 独孤 拓跋 赫连 第五 梁丘 左丘 "
    "段干 司空 司寇 子车 亓官 巫马 公西 漆雕 乐正 壤驷 公良 谷梁 宰父 夹谷 羊舌 微生 鲜于 闾丘".split()
)
STEMS = "甲乙丙丁戊己庚辛壬癸"
_MINORITY_DOTS = re.compile(r"[·•・．.\u2027\u00b7]")
_SPACE = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """The identity key of a name: whitespace removed (`王 建国` is `王建国`)."""
    return _SPACE.sub("", name)


def surname_of(name: str) -> str:
    """The part a pseudonym keeps: compound surname, otherwise the first character."""
    key = normalise_name(name)
    if len(key) >= 3 and key[:2] in COMPOUND_SURNAMES:
        return key[:2]
    return key[:1]


def is_minority_name(name: str) -> bool:
    """Transliterated names joined by a middle dot (维吾尔族、藏族等人名音译)."""
    return bool(_MINORITY_DOTS.search(name))


class NamePseudonymizer:
    """Assigns pseudonyms for a whole document at once.

    `given` is "某" (张某) or "某某" (张某某); `distinguish` adds 甲/乙/丙… when several different
    people share the kept part. Names are identified by `normalise_name`.
    """

    def __init__(self, *, given: str = "某", distinguish: bool = True) -> None:
        if given not in ("某", "某某"):
            raise ValueError("given must be 某 or 某某")
        self._given = given
        self._distinguish = distinguish

    def assign(self, names: Iterable[str]) -> Mapping[str, str]:
        """Map every distinct name (in first-appearance order) to its pseudonym; keys are normalised."""
        order: list[str] = []
        seen: set[str] = set()
        for name in names:
            key = normalise_name(name)
            if key and key not in seen:
                seen.add(key)
                order.append(key)
        groups: dict[str, list[str]] = {}
        for key in order:
            kept = key[:1] if is_minority_name(key) else surname_of(key)
            groups.setdefault(kept, []).append(key)
        result: dict[str, str] = {}
        for kept, members in groups.items():
            base = kept + self._given
            if len(members) == 1 or not self._distinguish:
                for key in members:
                    result[key] = base
                continue
            for i, key in enumerate(members):
                suffix = STEMS[i] if i < len(STEMS) else f"{STEMS[-1]}{i - len(STEMS) + 2}"
                result[key] = base + suffix
        return MappingProxyType(result)

"""Strict loaders for `resources/judgments.yaml` and `resources/renamed_bodies.yaml`.

Every key is checked: an unknown or missing key, an empty list, a bad date or regular expression is a
`ConfigurationError` naming the file and the key, never a silent default.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.errors import ConfigurationError
from reviewer.core.resources import RESOURCES
from reviewer.core.yaml_resource import load_yaml_resource

JUDGMENTS_PATH = RESOURCES / "judgments.yaml"
BODIES_PATH = RESOURCES / "renamed_bodies.yaml"
SCOPES = ("community", "area", "public")  # narrow to wide


@dataclass(frozen=True, slots=True)
class Reform:
    key: str
    name: str
    current_from: datetime.date
    source: str


@dataclass(frozen=True, slots=True)
class RenamedBody:
    old: tuple[str, ...]
    new: str
    reform: Reform
    not_after: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Promise:
    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Scope:
    key: str
    zh: str
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KindRule:
    kind: str
    scope: str
    suggestion: str
    source: str


@dataclass(frozen=True, slots=True)
class JudgmentRules:
    source: str
    draft_words: tuple[str, ...]
    draft_self_prefixes: tuple[str, ...]
    draft_head_lines: int
    consultation: tuple[str, ...]
    promises: tuple[Promise, ...]
    deadline_close_days: int
    effective_close_days: int
    deadline_verbs: tuple[str, ...]
    effective_verbs: tuple[str, ...]
    self_subjects: tuple[str, ...]
    embargo_verbs: tuple[str, ...]
    embargo_negations: tuple[str, ...]
    embargo_permissions: tuple[str, ...]
    scopes: tuple[Scope, ...]
    kinds: Mapping[str, KindRule]


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, zh: str, en: str) -> ConfigurationError:
        return ConfigurationError(f"规则文件 {self.source} 的 {where} 有误：{zh}。请改正后重新打开。",
                                  f"Rule file {self.source}, {where}: {en}. Fix it and reopen.", path=self.source)

    def mapping(self, value: Any, where: str, required: set[str], optional: set[str] = frozenset()) -> dict:
        if not isinstance(value, dict):
            raise self.fail(where, "应为键值映射", "expected a mapping")
        unknown = sorted(set(map(str, value)) - required - optional)
        if unknown:
            raise self.fail(where, f"未知的键 {unknown}", f"unknown keys {unknown}")
        missing = sorted(required - set(value))
        if missing:
            raise self.fail(where, f"缺少键 {missing}", f"missing keys {missing}")
        return value

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "应为非空文字", "expected non-empty text")
        return value.strip()

    def words(self, value: Any, where: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail(where, "应为非空列表", "expected a non-empty list")
        words = tuple(self.text(v, f"{where}[{i}]") for i, v in enumerate(value))
        if len(set(words)) != len(words):
            raise self.fail(where, "列表中有重复项", "the list has duplicates")
        return words

    def integer(self, value: Any, where: str, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(where, f"应为 {low}–{high} 的整数", f"expected an integer {low}-{high}")
        return value

    def regex(self, value: Any, where: str) -> re.Pattern[str]:
        try:
            pattern = re.compile(self.text(value, where))
        except re.error as exc:
            raise self.fail(where, f"正则表达式无效（{exc}）", f"invalid regular expression ({exc})") from exc
        if pattern.search(""):
            raise self.fail(where, "正则表达式不能匹配空文字", "the regular expression matches empty text")
        return pattern

    def day(self, value: Any, where: str) -> datetime.date:
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(self.text(value, where))
        except ValueError:
            raise self.fail(where, "应为日期 YYYY-MM-DD", "expected a date YYYY-MM-DD") from None


def parse_judgments(data: Any, source: str) -> JudgmentRules:
    r = _Reader(source)
    top = r.mapping(data, "顶层/top level", {"version", "draft_status", "promises", "timing", "channel"})
    if top["version"] != 1:
        raise r.fail("version", "只支持版本 1", "only version 1 is supported")
    draft = r.mapping(top["draft_status"], "draft_status", {"words", "self_prefixes", "head_lines", "consultation"})
    if not isinstance(top["promises"], list) or not top["promises"]:
        raise r.fail("promises", "应为非空列表", "expected a non-empty list")
    promises = []
    for i, item in enumerate(top["promises"]):
        item = r.mapping(item, f"promises[{i}]", {"name", "regex"})
        promises.append(Promise(r.text(item["name"], f"promises[{i}].name"),
                                r.regex(item["regex"], f"promises[{i}].regex")))
    timing = r.mapping(top["timing"], "timing", {
        "deadline_close_days", "effective_close_days", "deadline_verbs", "effective_verbs", "self_subjects",
        "embargo_verbs", "embargo_negations", "embargo_permissions"})
    channel = r.mapping(top["channel"], "channel", {"scopes", "kinds"})
    if not isinstance(channel["scopes"], list) or [s.get("key") if isinstance(s, dict) else None
                                                   for s in channel["scopes"]] != list(SCOPES):
        raise r.fail("channel.scopes", f"应依次列出 {list(SCOPES)}", f"must list {list(SCOPES)} in this order")
    scopes = tuple(Scope(s["key"], r.text(s["zh"], f"channel.scopes.{s['key']}.zh"),
                         r.words(s["words"], f"channel.scopes.{s['key']}.words"))
                   for s in (r.mapping(s, "channel.scopes[]", {"key", "zh", "words"}) for s in channel["scopes"]))
    kinds = {}
    if not isinstance(channel["kinds"], list) or not channel["kinds"]:
        raise r.fail("channel.kinds", "应为非空列表", "expected a non-empty list")
    for i, item in enumerate(channel["kinds"]):
        item = r.mapping(item, f"channel.kinds[{i}]", {"kind", "scope", "suggestion", "source"})
        if item["scope"] not in SCOPES:
            raise r.fail(f"channel.kinds[{i}].scope", f"应为 {list(SCOPES)} 之一", f"must be one of {list(SCOPES)}")
        kind = r.text(item["kind"], f"channel.kinds[{i}].kind")
        kinds[kind] = KindRule(kind, item["scope"], r.text(item["suggestion"], f"channel.kinds[{i}].suggestion"),
                               r.text(item["source"], f"channel.kinds[{i}].source"))
    return JudgmentRules(
        source=source,
        draft_words=r.words(draft["words"], "draft_status.words"),
        draft_self_prefixes=r.words(draft["self_prefixes"], "draft_status.self_prefixes"),
        draft_head_lines=r.integer(draft["head_lines"], "draft_status.head_lines", 1, 40),
        consultation=r.words(draft["consultation"], "draft_status.consultation"),
        promises=tuple(promises),
        deadline_close_days=r.integer(timing["deadline_close_days"], "timing.deadline_close_days", 0, 365),
        effective_close_days=r.integer(timing["effective_close_days"], "timing.effective_close_days", 0, 365),
        deadline_verbs=r.words(timing["deadline_verbs"], "timing.deadline_verbs"),
        effective_verbs=r.words(timing["effective_verbs"], "timing.effective_verbs"),
        self_subjects=r.words(timing["self_subjects"], "timing.self_subjects"),
        embargo_verbs=r.words(timing["embargo_verbs"], "timing.embargo_verbs"),
        embargo_negations=r.words(timing["embargo_negations"], "timing.embargo_negations"),
        embargo_permissions=r.words(timing["embargo_permissions"], "timing.embargo_permissions"),
        scopes=scopes,
        kinds=kinds,
    )


def parse_bodies(data: Any, source: str) -> tuple[RenamedBody, ...]:
    r = _Reader(source)
    top = r.mapping(data, "顶层/top level", {"version", "reforms", "bodies"})
    if top["version"] != 1:
        raise r.fail("version", "只支持版本 1", "only version 1 is supported")
    if not isinstance(top["reforms"], dict) or not top["reforms"]:
        raise r.fail("reforms", "应为非空映射", "expected a non-empty mapping")
    reforms = {}
    for key, item in top["reforms"].items():
        item = r.mapping(item, f"reforms.{key}", {"name", "current_from", "source"})
        reforms[str(key)] = Reform(str(key), r.text(item["name"], f"reforms.{key}.name"),
                                   r.day(item["current_from"], f"reforms.{key}.current_from"),
                                   r.text(item["source"], f"reforms.{key}.source"))
    if not isinstance(top["bodies"], list) or not top["bodies"]:
        raise r.fail("bodies", "应为非空列表", "expected a non-empty list")
    bodies, seen = [], set()
    for i, item in enumerate(top["bodies"]):
        item = r.mapping(item, f"bodies[{i}]", {"old", "new", "reform"}, {"not_after"})
        old = r.words(item["old"], f"bodies[{i}].old")
        if seen & set(old):
            raise r.fail(f"bodies[{i}].old", f"名称 {sorted(seen & set(old))} 已在前面列出",
                         f"names {sorted(seen & set(old))} are listed twice")
        seen |= set(old)
        if item["reform"] not in reforms:
            raise r.fail(f"bodies[{i}].reform", f"未知的改革 {item['reform']!r}", f"unknown reform {item['reform']!r}")
        not_after = r.words(item["not_after"], f"bodies[{i}].not_after") if "not_after" in item else ()
        bodies.append(RenamedBody(old, r.text(item["new"], f"bodies[{i}].new"), reforms[item["reform"]], not_after))
    return tuple(bodies)


def load_judgments(path: str | Path | None = None) -> JudgmentRules:
    return load_yaml_resource(Path(path) if path else JUDGMENTS_PATH, parse_judgments, what_zh="规则文件",
                              what_en="Rule file")


def load_bodies(path: str | Path | None = None) -> tuple[RenamedBody, ...]:
    return load_yaml_resource(Path(path) if path else BODIES_PATH, parse_bodies, what_zh="机构更名表",
                              what_en="Renamed-bodies list")

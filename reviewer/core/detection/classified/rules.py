"""Strict loader for `resources/classified.yaml`: the phrase lists and rules an administrator may edit.

Every key is checked: an unknown key, a missing key, an empty list, a bad regular expression or an
unknown severity/attribute is a `ConfigurationError` naming the file and the key, never a silent default.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.errors import ConfigurationError
from reviewer.core.resources import RESOURCES
from reviewer.core.types import RESTRICTED_TYPES, DisclosureAttribute, EntityType, Severity
from reviewer.core.yaml_resource import load_yaml_resource

DEFAULT_RULES_PATH = RESOURCES / "classified.yaml"

PHRASE_TYPES = (EntityType.STATE_SECRET_STATEMENT, EntityType.WORK_SECRET, EntityType.INTERNAL_USE,
                EntityType.PROCESS_INFORMATION)


@dataclass(frozen=True, slots=True)
class Restriction:
    """One phrase-driven entity type: marks printed on a document and statements about it."""

    entity_type: EntityType
    severity: Severity
    markers: tuple[str, ...]
    statements: tuple[str, ...]
    strict_statements: tuple[str, ...] = ()
    title_suffixes: tuple[str, ...] = ()
    # regular expressions for marks whose middle varies (仅供市领导参阅, 限本单位范围内传阅, 内部★):
    # used both as markers and as statements
    patterns: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True, slots=True)
class ClassifiedRules:
    source: str
    default_threshold: float
    head_lines: int
    page_edge_lines: int
    title_max_chars: int
    separators: frozenset[str]
    sentence_marks: frozenset[str]
    quote_pairs: tuple[tuple[str, str], ...]
    levels: tuple[str, ...]
    stars: tuple[str, ...]
    periods: Mapping[str, re.Pattern[str]]
    max_years: Mapping[str, int]
    classified_labels: tuple[str, ...]
    copy_pattern: re.Pattern[str]
    copy_labels: tuple[str, ...]
    copy_first_lines: int
    urgency_words: tuple[str, ...]
    urgency_labels: tuple[str, ...]
    subjects: tuple[str, ...]
    negations: tuple[str, ...]
    conditionals: tuple[str, ...]
    restrictions: tuple[Restriction, ...]
    note_subjects: tuple[str, ...]
    note_values: Mapping[str, DisclosureAttribute]
    note_labels: tuple[str, ...]
    explanations: Mapping[EntityType, str]


class _Reader:
    """Walks the YAML tree, naming the key path in every error."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, zh: str, en: str) -> ConfigurationError:
        return ConfigurationError(f"规则文件 {self.source} 的 {where} 有误：{zh}。请改正后重新打开。",
                                  f"Rule file {self.source}, {where}: {en}. Fix it and reopen.",
                                  path=self.source)

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
        return value

    def words(self, value: Any, where: str, *, allow_empty: bool = False) -> tuple[str, ...]:
        if not isinstance(value, list) or (not value and not allow_empty):
            raise self.fail(where, "应为非空列表", "expected a non-empty list")
        words = tuple(self.text(v, f"{where}[{i}]").strip() for i, v in enumerate(value))
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
        if pattern.groupindex:  # the detector composes these patterns and names its own groups
            raise self.fail(where, "正则表达式不能使用命名分组 (?P<…>)", "named groups (?P<...>) are not allowed")
        return pattern


def parse_rules(data: Any, source: str) -> ClassifiedRules:
    r = _Reader(source)
    top = r.mapping(data, "顶层/top level", {"version", "default_threshold", "layout", "separators",
                                              "sentence_marks", "quote_pairs", "classified", "copy_number",
                                              "urgency", "subjects", "negations", "conditionals",
                                              "restrictions", "disclosure_note", "explanations"})
    if top["version"] != 1:
        raise r.fail("version", "只支持版本 1", "only version 1 is supported")
    threshold = top["default_threshold"]
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
        raise r.fail("default_threshold", "应为 0 到 1 之间的数", "expected a number between 0 and 1")
    layout = r.mapping(top["layout"], "layout", {"head_lines", "page_edge_lines", "title_max_chars"})
    quote_pairs = tuple(r.words(top["quote_pairs"], "quote_pairs"))
    if any(len(q) != 2 for q in quote_pairs):
        raise r.fail("quote_pairs", "每项应为一对左右引号（两个字符）", "each item is an opening+closing pair")

    cl = r.mapping(top["classified"], "classified", {"levels", "stars", "periods", "max_years", "labels"})
    levels = r.words(cl["levels"], "classified.levels")
    periods_raw = r.mapping(cl["periods"], "classified.periods", set(),
                            {"years", "months", "long_term", "date", "condition"})
    if not periods_raw:
        raise r.fail("classified.periods", "至少需要一种保密期限写法", "at least one period form is needed")
    periods = {k: r.regex(v, f"classified.periods.{k}") for k, v in periods_raw.items()}
    max_years_raw = r.mapping(cl["max_years"], "classified.max_years", set(levels))
    max_years = {lv: r.integer(max_years_raw[lv], f"classified.max_years.{lv}", 1, 100) for lv in levels}

    cp = r.mapping(top["copy_number"], "copy_number", {"pattern", "labels", "first_lines"})
    ur = r.mapping(top["urgency"], "urgency", {"words", "labels"})
    restrictions = []
    res_raw = r.mapping(top["restrictions"], "restrictions", {str(t) for t in PHRASE_TYPES})
    for entity_type in PHRASE_TYPES:
        where = f"restrictions.{entity_type}"
        item = r.mapping(res_raw[str(entity_type)], where, {"severity", "markers", "statements"},
                         {"strict_statements", "title_suffixes", "patterns"})
        try:
            severity = Severity(item["severity"])
        except ValueError:
            raise r.fail(f"{where}.severity", "应为 block、review 或 info", "expected block, review or info") from None
        statements = r.words(item["statements"], f"{where}.statements")
        strict = r.words(item.get("strict_statements", []), f"{where}.strict_statements", allow_empty=True)
        if not set(strict) <= set(statements):
            raise r.fail(f"{where}.strict_statements", "必须是 statements 中的项", "must be items of statements")
        restrictions.append(Restriction(
            entity_type=entity_type, severity=severity, markers=r.words(item["markers"], f"{where}.markers"),
            statements=statements, strict_statements=strict,
            title_suffixes=r.words(item.get("title_suffixes", []), f"{where}.title_suffixes", allow_empty=True),
            patterns=tuple(r.regex(v, f"{where}.patterns[{i}]")
                           for i, v in enumerate(r.words(item.get("patterns", []), f"{where}.patterns",
                                                         allow_empty=True)))))

    dn = r.mapping(top["disclosure_note"], "disclosure_note", {"subjects", "values", "labels"})
    values_raw = r.mapping(dn["values"], "disclosure_note.values", set(), set(map(str, dn["values"] or {})))
    if not values_raw:
        raise r.fail("disclosure_note.values", "不能为空", "must not be empty")
    note_values = {}
    for word, attribute in values_raw.items():
        try:
            note_values[r.text(word, "disclosure_note.values")] = DisclosureAttribute(attribute)
        except ValueError:
            allowed = "、".join(a.value for a in DisclosureAttribute)
            raise r.fail(f"disclosure_note.values.{word}", f"公开属性应为 {allowed} 之一",
                         f"the attribute must be one of {allowed}") from None

    ex_raw = r.mapping(top["explanations"], "explanations", {str(t) for t in RESTRICTED_TYPES})
    return ClassifiedRules(
        source=source,
        default_threshold=float(threshold),
        head_lines=r.integer(layout["head_lines"], "layout.head_lines", 1, 30),
        page_edge_lines=r.integer(layout["page_edge_lines"], "layout.page_edge_lines", 0, 5),
        title_max_chars=r.integer(layout["title_max_chars"], "layout.title_max_chars", 10, 200),
        separators=frozenset(r.text(top["separators"], "separators")),
        sentence_marks=frozenset(r.text(top["sentence_marks"], "sentence_marks")),
        quote_pairs=tuple((q[0], q[1]) for q in quote_pairs),
        levels=levels,
        stars=r.words(cl["stars"], "classified.stars"),
        periods=periods,
        max_years=max_years,
        classified_labels=r.words(cl["labels"], "classified.labels"),
        copy_pattern=r.regex(cp["pattern"], "copy_number.pattern"),
        copy_labels=r.words(cp["labels"], "copy_number.labels"),
        copy_first_lines=r.integer(cp["first_lines"], "copy_number.first_lines", 1, 10),
        urgency_words=r.words(ur["words"], "urgency.words"),
        urgency_labels=r.words(ur["labels"], "urgency.labels"),
        subjects=r.words(top["subjects"], "subjects"),
        negations=r.words(top["negations"], "negations"),
        conditionals=r.words(top["conditionals"], "conditionals"),
        restrictions=tuple(restrictions),
        note_subjects=r.words(dn["subjects"], "disclosure_note.subjects"),
        note_values=note_values,
        note_labels=r.words(dn["labels"], "disclosure_note.labels"),
        explanations={EntityType(k): r.text(v, f"explanations.{k}").strip() for k, v in ex_raw.items()},
    )


def load_rules(path: str | Path | None = None) -> ClassifiedRules:
    """Load and validate the rule file (the shipped one by default); cached per path and mtime."""
    p = Path(path) if path is not None else DEFAULT_RULES_PATH
    return load_yaml_resource(p, parse_rules, what_zh="规则文件", what_en="Rule file")

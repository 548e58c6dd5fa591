"""Policy profiles: which operator (with which parameters and score threshold) each entity type gets.

Profiles are YAML files in `resources/profiles/` (`general`, `punitive-notice`,
`mandatory-disclosure`) or any file the user names. The schema is strict: an unknown key, entity
type, operator or parameter is a `ConfigurationError`, never ignored, because a typo such as
`CN_ID_CRAD` would otherwise silently publish ID numbers.

```yaml
name: general
description: ...
extends: general          # optional: start from another profile and override entries
default: {operator: redact}   # unlisted personal-information types
entities:
  CN_ID_CARD: {operator: mask, params: {keep_head: 6, keep_tail: 4}, threshold: 0.5}
```
Restricted-content and `other` types (markings, organisations) are kept unless listed: they are
decided by the review, not by de-identification.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from reviewer.core.deidentify.operators import OperatorKind
from reviewer.core.deidentify.roster_policy import RosterPolicy, parse_roster
from reviewer.core.errors import ConfigurationError
from reviewer.core.resources import resource
from reviewer.core.types import Category, EntityType, category_of

PROFILE_DIR = resource("profiles")
BUILTIN_PROFILES = ("general", "punitive-notice", "mandatory-disclosure")

_TOP_KEYS = {"name", "description", "extends", "default", "entities", "roster"}
_RULE_KEYS = {"operator", "params", "threshold"}
PARAMS: dict[OperatorKind, frozenset[str]] = {
    OperatorKind.KEEP: frozenset(),
    OperatorKind.MASK: frozenset({"keep_head", "keep_tail", "char"}),
    OperatorKind.REDACT: frozenset({"char"}),
    OperatorKind.LABEL: frozenset({"text", "template"}),
    OperatorKind.PSEUDONYM: frozenset({"given", "distinguish"}),
    OperatorKind.GENERALIZE: frozenset({"level"}),
    OperatorKind.HASH: frozenset({"length", "template"}),
}
_PARAM_TYPES: dict[str, type | tuple[type, ...]] = {
    "keep_head": int, "keep_tail": int, "char": str, "text": str, "template": str, "given": str,
    "distinguish": bool, "level": str, "length": int,
}


@dataclass(frozen=True, slots=True)
class Rule:
    operator: OperatorKind
    params: Mapping[str, Any] = field(default_factory=dict)
    threshold: float = 0.0


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    description: str
    default: Rule
    rules: Mapping[str, Rule]
    source: str = ""
    roster: RosterPolicy = RosterPolicy()  # published lists: k, l, hidden sheets, columns (roster_policy.py)

    def rule_for(self, entity_type: str) -> Rule:
        """The rule for a type: listed → that rule; unlisted personal information → `default`; else keep."""
        if entity_type in self.rules:
            return self.rules[entity_type]
        if category_of(entity_type) is Category.PERSONAL:
            return self.default
        return Rule(OperatorKind.KEEP)


def load_profile(name_or_path: str | Path) -> Profile:
    """A built-in profile by name (`general`) or a YAML file path (custom profile)."""
    return _load(name_or_path, chain=())


def list_profiles() -> list[str]:
    return sorted(p.stem for p in PROFILE_DIR.glob("*.yaml"))


def _resolve(name_or_path: str | Path) -> Path:
    text = str(name_or_path)
    if text in BUILTIN_PROFILES or (PROFILE_DIR / f"{text}.yaml").is_file() and "/" not in text:
        return PROFILE_DIR / f"{text}.yaml"
    path = Path(text)
    if path.is_file():
        return path
    raise _error(text, f"找不到策略配置“{text}”。可用：{', '.join(list_profiles())}，或给出 YAML 文件路径。",
                 f"No policy profile '{text}'. Available: {', '.join(list_profiles())}, or give a YAML file path.")


def _load(name_or_path: str | Path, chain: tuple[str, ...]) -> Profile:
    path = _resolve(name_or_path)
    key = str(path.resolve())
    if key in chain:
        raise _error(str(path), "策略配置的 extends 形成循环。", "Policy profile 'extends' forms a cycle.")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise _error(str(path), f"无法读取策略配置 {path.name}：{exc}", f"Cannot read policy profile {path.name}: {exc}") from exc
    if not isinstance(raw, dict):
        raise _error(str(path), f"策略配置 {path.name} 必须是映射。", f"Policy profile {path.name} must be a mapping.")
    unknown = set(raw) - _TOP_KEYS
    if unknown:
        raise _error(str(path), f"策略配置 {path.name} 含未知键：{sorted(unknown)}。",
                     f"Policy profile {path.name} has unknown keys: {sorted(unknown)}.")
    base: Profile | None = None
    if raw.get("extends") is not None:
        base = _load(str(raw["extends"]), chain + (key,))
    name = raw.get("name")
    if not isinstance(name, str) or not name:
        raise _error(str(path), f"策略配置 {path.name} 缺少 name。", f"Policy profile {path.name} has no name.")
    default = _rule(raw["default"], path, "default") if "default" in raw else (
        base.default if base else Rule(OperatorKind.REDACT))
    rules: dict[str, Rule] = dict(base.rules) if base else {}
    entities = raw.get("entities") or {}
    if not isinstance(entities, dict):
        raise _error(str(path), "entities 必须是映射。", "'entities' must be a mapping.")
    valid = {str(t) for t in EntityType}
    for entity, rule in entities.items():
        if entity not in valid:
            raise _error(str(path), f"策略配置 {path.name}：未知实体类型 {entity}。",
                         f"Policy profile {path.name}: unknown entity type {entity}.")
        rules[entity] = _rule(rule, path, entity)
    roster = base.roster if base else RosterPolicy()
    if raw.get("roster") is not None:
        roster = parse_roster(raw["roster"], str(path), roster)
    return Profile(name=name, description=str(raw.get("description") or (base.description if base else "")),
                   default=default, rules=MappingProxyType(rules), source=str(path), roster=roster)


def _rule(raw: Any, path: Path, where: str) -> Rule:
    if not isinstance(raw, dict):
        raise _error(str(path), f"{where} 必须是映射。", f"{where} must be a mapping.")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise _error(str(path), f"{where} 含未知键：{sorted(unknown)}。", f"{where} has unknown keys: {sorted(unknown)}.")
    try:
        operator = OperatorKind(raw.get("operator"))
    except ValueError:
        raise _error(str(path), f"{where}：未知操作 {raw.get('operator')!r}。",
                     f"{where}: unknown operator {raw.get('operator')!r}.") from None
    params = raw.get("params") or {}
    if not isinstance(params, dict):
        raise _error(str(path), f"{where}.params 必须是映射。", f"{where}.params must be a mapping.")
    bad = set(params) - PARAMS[operator]
    if bad:
        raise _error(str(path), f"{where}：操作 {operator} 不支持参数 {sorted(bad)}。",
                     f"{where}: operator {operator} does not take {sorted(bad)}.")
    for pname, value in params.items():
        expected = _PARAM_TYPES[pname]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise _error(str(path), f"{where}.{pname} 类型错误。", f"{where}.{pname} has the wrong type.")
    threshold = raw.get("threshold", 0.0)
    if not isinstance(threshold, (int, float)) or isinstance(threshold, bool) or not 0.0 <= threshold <= 1.0:
        raise _error(str(path), f"{where}.threshold 必须在 0 到 1 之间。", f"{where}.threshold must be within 0..1.")
    return Rule(operator=operator, params=MappingProxyType(dict(params)), threshold=float(threshold))


def _error(path: str, zh: str, en: str) -> ConfigurationError:
    return ConfigurationError(zh + " 请修正策略配置文件。", en + " Fix the policy profile.", path=path)

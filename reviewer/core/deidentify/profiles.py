"""Policy profiles: which operator (with which parameters and score threshold) each entity type gets.

Profiles are YAML files in `resources/profiles/` (`BUILTIN_PROFILES`; the kinds of document choose among
them, documents/kinds.py) or any file the user names. The schema is strict: an unknown key, entity
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
A role rule for PERSON keeps at least the PERSON rule's threshold (the threshold is about the detector's
evidence, the role about the person). Restricted-content and `other` types (markings, organisations) are kept unless listed: they are
decided by the review, not by de-identification.

Who a person is and whose a number is decide too (issue 26; the finding's `attributes["role"]` and
`attributes["owner"]`, set by detection/roles.py): `roles` gives a PERSON's rule by role, `owners` a contact
detail's rule by owner, and both beat the type's rule, through `extends` as well:
```yaml
roles:
  party: {operator: keep, why: 惩戒性公示公开被处罚人}
owners:
  institution: {operator: keep, why: 机构的热线和来信地址按规定公布}
  person: null            # null: no rule of its own (drops one inherited through `extends`)
basis_labels: true        # print each redaction's legal-basis label on the box or after the replacement
roster: {k: 5, l: 2, hidden_sheets: remove, publish: [...]}   # published lists (issue 28, roster_policy.py)
```
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
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
BUILTIN_PROFILES = ("general", "punitive-notice", "mandatory-disclosure", "appointment-notice", "procurement-result",
                    "expropriation-compensation", "assistance-notice")
AUTO = "auto"  # not a file: the profile the document's kind selects (documents/kinds.py)

_TOP_KEYS = {"name", "description", "extends", "default", "entities", "roles", "owners", "basis_labels", "roster"}
_RULE_KEYS = {"operator", "params", "threshold", "why"}
ROLE_CODES = ("party", "legal_representative", "agent", "witness", "official", "contact", "applicant", "subject",
              "journalist", "expert", "family", "third_party", "unknown")
OWNER_CODES = ("institution", "person")
# the types whose owner a profile may decide by (detection/roles.py OWNED_TYPES)
OWNED_TYPES = frozenset({"CN_LANDLINE_PHONE", "CN_MOBILE_PHONE", "EMAIL_ADDRESS", "CN_ADDRESS", "CN_USCC",
                         "CN_BANK_CARD", "CN_LICENSE_PLATE", "CN_QQ", "CN_WECHAT"})
_OPERATOR_ZH = {OperatorKind.KEEP: "保留", OperatorKind.MASK: "部分遮盖", OperatorKind.REDACT: "删除（涂黑）",
                OperatorKind.LABEL: "以类别标签替换", OperatorKind.PSEUDONYM: "化名（某）",
                OperatorKind.GENERALIZE: "概括到乡镇（街道）", OperatorKind.HASH: "密钥哈希"}
_LEVEL_ZH = {"province": "省", "city": "市", "county": "县（区）", "township": "乡镇（街道）", "village": "村（社区）"}


def _done(rule: Rule) -> str:
    """What the rule does, in the words of the explanation (an address generalised says to which level)."""
    if rule.operator is OperatorKind.GENERALIZE:
        level = (rule.params or {}).get("level", "township")
        return f"概括到{_LEVEL_ZH.get(level, level)}"
    return _OPERATOR_ZH[rule.operator]
_ROLE_ZH = {"party": "当事人", "legal_representative": "法定代表人（负责人）", "agent": "委托代理人", "witness": "证人",
            "official": "公职人员", "contact": "机关联系人", "applicant": "申请人", "subject": "公示对象",
            "journalist": "记者、通讯员", "expert": "评审专家", "family": "家庭成员", "third_party": "第三人",
            "unknown": "身份未判定者"}
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
    why: str = ""  # the rule's reason in Chinese (its source), shown with each finding it decides


@dataclass(frozen=True, slots=True)
class Choice:
    """The rule a profile applies to one finding and why (shown to the reviewer and in the review rows)."""

    rule: Rule
    why: str
    by: str  # "role:party", "owner:institution", "type:PERSON", "default"


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    description: str
    default: Rule
    rules: Mapping[str, Rule]
    source: str = ""
    roles: Mapping[str, Rule] = field(default_factory=dict)
    owners: Mapping[str, Rule] = field(default_factory=dict)
    basis_labels: bool = False  # print each redaction's legal-basis label (on the box, after the replacement)
    roster: RosterPolicy = RosterPolicy()  # published lists: k, l, hidden sheets, columns (roster_policy.py)

    def rule_for(self, entity_type: str) -> Rule:
        """The rule for a type: listed → that rule; unlisted personal information → `default`; else keep."""
        if entity_type in self.rules:
            return self.rules[entity_type]
        if category_of(entity_type) is Category.PERSONAL:
            return self.default
        return Rule(OperatorKind.KEEP)

    def choose(self, finding: Any) -> Choice:
        """The rule for one finding: by its owner (a contact detail), by its role (a person), else by its type."""
        et = str(finding.entity_type)
        attributes = getattr(finding, "attributes", None) or {}
        if attributes.get("part_of") == "doc_number":
            return Choice(Rule(OperatorKind.KEEP), "文号或案号的一部分：机关的编号不是个人信息，不作删改", "part_of:doc_number")
        owner = attributes.get("owner")
        if et in OWNED_TYPES and owner in self.owners:
            rule = self.owners[owner]
            who = "机构" if owner == "institution" else "个人"
            return Choice(rule, rule.why or f"{self.name}：{who}的联系方式{_done(rule)}", f"owner:{owner}")
        role = attributes.get("role")
        if et == EntityType.PERSON and role in self.roles:
            rule = self.roles[role]
            # a role says what to do with a name, not how sure the detector must be: the type's threshold holds
            floor = self.rule_for(et).threshold
            if floor > rule.threshold:
                rule = replace(rule, threshold=floor)
            return Choice(rule, rule.why or f"{self.name}：{_ROLE_ZH.get(role, role)}的姓名{_done(rule)}",
                          f"role:{role}")
        rule = self.rule_for(et)
        if et in self.rules:
            return Choice(rule, rule.why or f"{self.name}：此类信息{_done(rule)}", f"type:{et}")
        if category_of(et) is Category.PERSONAL:
            return Choice(rule, rule.why or f"{self.name}：个人信息默认{_done(rule)}", "default")
        return Choice(rule, "限制性内容和机构名称由审查决定，策略不作处理", "default")

    def with_basis_labels(self, on: bool = True) -> Profile:
        return replace(self, basis_labels=on)


def load_profile(name_or_path: str | Path) -> Profile:
    """A built-in profile by name (`general`) or a YAML file path (custom profile). `auto` is not a profile:
    the service resolves it from the document's kind (`kind_profile`)."""
    if str(name_or_path) == AUTO:
        raise _error(AUTO, "“auto”表示按文种自动选择策略，需要先识别文档（例如 reviewer redact --profile auto）。",
                     "'auto' means the profile the document's kind selects; it needs the document "
                     "(e.g. reviewer redact --profile auto).")
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
    roles = dict(base.roles) if base else {}
    owners = dict(base.owners) if base else {}
    for key, known, target in (("roles", ROLE_CODES, roles), ("owners", OWNER_CODES, owners)):
        section = raw.get(key) or {}
        if not isinstance(section, dict):
            raise _error(str(path), f"{key} 必须是映射。", f"'{key}' must be a mapping.")
        for code, rule in section.items():
            if code not in known:
                raise _error(str(path), f"策略配置 {path.name}：{key} 中未知的 {code}（可用：{'、'.join(known)}）。",
                             f"Policy profile {path.name}: unknown {key[:-1]} {code} (known: {', '.join(known)}).")
            if rule is None:  # `party: null`: no rule of its own, the type's rule applies (drops an inherited one)
                target.pop(code, None)
            else:
                target[code] = _rule(rule, path, f"{key}.{code}")
    labels = raw.get("basis_labels", base.basis_labels if base else False)
    if not isinstance(labels, bool):
        raise _error(str(path), "basis_labels 必须是 true 或 false。", "'basis_labels' must be true or false.")
    roster = base.roster if base else RosterPolicy()
    if raw.get("roster") is not None:
        roster = parse_roster(raw["roster"], str(path), roster)
    return Profile(name=name, description=str(raw.get("description") or (base.description if base else "")),
                   default=default, rules=MappingProxyType(rules), source=str(path),
                   roles=MappingProxyType(roles), owners=MappingProxyType(owners), basis_labels=labels, roster=roster)


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
    why = raw.get("why", "")
    if not isinstance(why, str):
        raise _error(str(path), f"{where}.why 必须是文字。", f"{where}.why must be text.")
    return Rule(operator=operator, params=MappingProxyType(dict(params)), threshold=float(threshold), why=why.strip())


def _error(path: str, zh: str, en: str) -> ConfigurationError:
    return ConfigurationError(zh + " 请修正策略配置文件。", en + " Fix the policy profile.", path=path)

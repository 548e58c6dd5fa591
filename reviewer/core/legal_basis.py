"""The legal-basis catalog (`resources/legal_basis.yaml`): the codes a disclosure attribute or a
decision may cite, with short titles in Chinese and English and what each basis does.

Strict loading: unknown keys, duplicate codes, unknown instruments or effects are `ConfigurationError`s,
so a typo in the catalog cannot silently drop a basis from the review record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from reviewer.core.errors import ConfigurationError, ReviewerError
from reviewer.core.resources import resource
from reviewer.core.yaml_resource import load_yaml_resource

DEFAULT_CATALOG_PATH = resource("legal_basis.yaml")


class Effect(StrEnum):
    MUST_NOT_DISCLOSE = "must_not_disclose"
    MUST_NOT_DISCLOSE_UNLESS = "must_not_disclose_unless"  # 第十五条: unless consent / public interest
    MAY_WITHHOLD = "may_withhold"
    ESCALATE = "escalate"  # review mechanism, secrecy administration
    SUPPORTS_PROACTIVE = "supports_proactive"
    PROCEDURE = "procedure"  # due dates, third-party consultation
    RATIONALE_REQUIRED = "rationale_required"
    SEGREGABILITY = "segregability"


class UnknownLegalBasis(ReviewerError):
    code = "unknown_legal_basis"


@dataclass(frozen=True, slots=True)
class Instrument:
    key: str
    title_zh: str
    title_en: str


@dataclass(frozen=True, slots=True)
class LegalBasis:
    code: str  # e.g. "第十四条", "第十六条(二)", "保密法实施条例第五条"
    instrument: Instrument
    title_zh: str
    title_en: str
    effect: Effect
    article: int | None = None
    item: int | None = None
    citation: str | None = None  # the article as it reads in a citation, when the code is a short form
    label: str | None = None  # the short code printed on a redaction (条例15); the code when None

    @property
    def printed(self) -> str:
        return self.label or self.code

    def citation_zh(self) -> str:
        """How the basis reads in a rationale: 《中华人民共和国政府信息公开条例》第十四条."""
        name = self.instrument.title_zh.split("（")[0]
        article = self.citation or (self.code.removeprefix(self.instrument.key)
                                    if self.code != self.instrument.key else "")
        return f"《{name}》{article}"


@dataclass(frozen=True, slots=True)
class DefaultBasis:
    """Which codes a redaction gets when the reviewer gives none (`defaults:` in the catalogue)."""

    basis: tuple[str, ...]
    types: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    owners: frozenset[str] = frozenset()
    category: str | None = None

    def matches(self, entity_type: str, role: str | None, owner: str | None, category: str | None) -> bool:
        return ((not self.types or entity_type in self.types) and (not self.roles or role in self.roles)
                and (not self.owners or owner in self.owners)
                and (self.category is None or category == self.category))


@dataclass(frozen=True, slots=True)
class LegalBasisCatalog:
    entries: tuple[LegalBasis, ...]
    source: str
    defaults: tuple[DefaultBasis, ...] = ()

    def default_for(self, entity_type: str, *, role: str | None = None, owner: str | None = None,
                    category: str | None = None) -> tuple[str, ...]:
        """The basis of a redaction nobody gave one: the first `defaults` entry that matches (catalogue order)."""
        for rule in self.defaults:
            if rule.matches(str(entity_type), role, owner, None if category is None else str(category)):
                return rule.basis
        return ()

    def default_for_finding(self, finding) -> tuple[str, ...]:  # noqa: ANN001 - a types.Finding
        attributes = finding.attributes or {}
        return self.default_for(str(finding.entity_type), role=attributes.get("role"), owner=attributes.get("owner"),
                                category=str(finding.category))

    def printed(self, codes) -> str:  # noqa: ANN001 - codes of this catalogue
        """The label printed on a redaction for these codes (the first code's; 条例15)."""
        for code in codes:
            try:
                return self.get(code).printed
            except UnknownLegalBasis:
                return str(code)
        return ""

    def __iter__(self) -> Iterator[LegalBasis]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, code: object) -> bool:
        return any(e.code == code for e in self.entries)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(e.code for e in self.entries)

    def get(self, code: str) -> LegalBasis:
        for entry in self.entries:
            if entry.code == code:
                return entry
        raise UnknownLegalBasis(f"法律依据代码“{code}”不在目录中。请从目录中选择，或请管理员补充目录。",
                                f"Legal-basis code '{code}' is not in the catalog. Pick one from the catalog "
                                "or ask the administrator to add it.")

    def validate(self, codes: Iterable[str]) -> tuple[str, ...]:
        """The codes as a tuple, in catalog order, after checking each exists (raises UnknownLegalBasis)."""
        wanted = set(codes)
        for code in wanted:
            self.get(code)
        return tuple(c for c in self.codes if c in wanted)


def _fail(source: str, where: str, zh: str, en: str) -> ConfigurationError:
    return ConfigurationError(f"法律依据目录 {source} 的 {where} 有误：{zh}。请改正后重新打开。",
                              f"Legal-basis catalog {source}, {where}: {en}. Fix it and reopen.", path=source)


def _mapping(source: str, value: Any, where: str, required: set[str], optional: set[str] = frozenset()) -> Mapping:
    if not isinstance(value, dict):
        raise _fail(source, where, "应为键值映射", "expected a mapping")
    unknown = sorted(set(map(str, value)) - required - optional)
    if unknown:
        raise _fail(source, where, f"未知的键 {unknown}", f"unknown keys {unknown}")
    missing = sorted(required - set(value))
    if missing:
        raise _fail(source, where, f"缺少键 {missing}", f"missing keys {missing}")
    return value


def _check_fields(source: str, item: Mapping, where: str) -> None:
    for key, value in item.items():
        if key in ("article", "item"):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise _fail(source, f"{where}.{key}", "应为正整数", "expected a positive integer")
        elif not isinstance(value, str) or not value.strip():
            raise _fail(source, f"{where}.{key}", "应为非空文字", "expected non-empty text")


def parse_catalog(data: Any, source: str) -> LegalBasisCatalog:
    top = _mapping(source, data, "顶层/top level", {"version", "instruments", "entries"}, {"defaults"})
    if top["version"] != 1:
        raise _fail(source, "version", "只支持版本 1", "only version 1 is supported")
    instruments = {}
    raw_instruments = top["instruments"] if isinstance(top["instruments"], dict) else None
    if not raw_instruments:
        raise _fail(source, "instruments", "应为非空映射", "expected a non-empty mapping")
    for key, raw in raw_instruments.items():
        item = _mapping(source, raw, f"instruments.{key}", {"zh", "en"})
        _check_fields(source, item, f"instruments.{key}")
        instruments[key] = Instrument(key, item["zh"], item["en"])
    if not isinstance(top["entries"], list) or not top["entries"]:
        raise _fail(source, "entries", "应为非空列表", "expected a non-empty list")
    entries, seen = [], set()
    for i, raw in enumerate(top["entries"]):
        where = f"entries[{i}]"
        item = _mapping(source, raw, where, {"code", "instrument", "title_zh", "title_en", "effect"},
                        {"article", "item", "citation_zh", "label"})
        _check_fields(source, item, where)
        if item["code"] in seen:
            raise _fail(source, f"{where}.code", f"代码“{item['code']}”重复", f"duplicate code {item['code']!r}")
        seen.add(item["code"])
        if item["instrument"] not in instruments:
            raise _fail(source, f"{where}.instrument", f"未知的法规“{item['instrument']}”",
                        f"unknown instrument {item['instrument']!r}")
        try:
            effect = Effect(item["effect"])
        except ValueError:
            raise _fail(source, f"{where}.effect", f"未知的效力“{item['effect']}”",
                        f"unknown effect {item['effect']!r}") from None
        if "item" in item and "article" not in item:
            raise _fail(source, where, "有 item 时必须有 article", "an item needs its article")
        entries.append(LegalBasis(code=item["code"], instrument=instruments[item["instrument"]],
                                  title_zh=item["title_zh"], title_en=item["title_en"], effect=effect,
                                  article=item.get("article"), item=item.get("item"),
                                  citation=item.get("citation_zh"), label=item.get("label")))
    return LegalBasisCatalog(tuple(entries), source, _defaults(source, top.get("defaults") or [], seen))


_SELECTORS = {"types", "roles", "owners", "category"}


def _defaults(source: str, raw: Any, codes: set[str]) -> tuple[DefaultBasis, ...]:
    if not isinstance(raw, list):
        raise _fail(source, "defaults", "应为列表", "expected a list")
    out = []
    for i, item in enumerate(raw):
        where = f"defaults[{i}]"
        item = _mapping(source, item, where, {"basis"}, _SELECTORS)
        if not set(item) & _SELECTORS:
            raise _fail(source, where, "至少需要 types、roles、owners 或 category 之一",
                        "needs at least one of types, roles, owners or category")
        for key in ("basis", "types", "roles", "owners"):
            if key in item and (not isinstance(item[key], list) or not item[key]
                                or not all(isinstance(v, str) and v for v in item[key])):
                raise _fail(source, f"{where}.{key}", "应为非空文字的列表", "expected a list of non-empty strings")
        unknown = [c for c in item["basis"] if c not in codes]
        if unknown:
            raise _fail(source, f"{where}.basis", f"目录中没有代码 {unknown}", f"codes not in the catalogue: {unknown}")
        if "category" in item and item["category"] not in ("personal", "restricted", "other"):
            raise _fail(source, f"{where}.category", "应为 personal、restricted 或 other",
                        "expected personal, restricted or other")
        out.append(DefaultBasis(tuple(item["basis"]), frozenset(item.get("types", ())),
                                frozenset(item.get("roles", ())), frozenset(item.get("owners", ())),
                                item.get("category")))
    return tuple(out)


def load_catalog(path: str | Path | None = None) -> LegalBasisCatalog:
    """Load and validate the catalog (the shipped one by default); cached per path and mtime."""
    p = Path(path) if path is not None else DEFAULT_CATALOG_PATH
    return load_yaml_resource(p, parse_catalog, what_zh="法律依据目录", what_en="Legal-basis catalog")

"""Turn findings and a profile into a redaction plan: which values get which replacement.

The plan is value-based on purpose: writers replace every occurrence of each de-identified value
everywhere in the file (a name in a comment author, a phone in a hyperlink target), not only at the
located spans, and the verifier checks the same values. Located spans are kept too, so the PDF
writer can also remove characters by position when the page's text order differs from its layout.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from reviewer.core.deidentify import operators as ops
from reviewer.core.deidentify.flexible import SEPARATORS, FlexibleMatcher, Literals, match_key
from reviewer.core.deidentify.operators import OperatorKind
from reviewer.core.deidentify.profiles import Profile, Rule
from reviewer.core.deidentify.pseudonyms import NamePseudonymizer, normalise_name
from reviewer.core.errors import ConfigurationError
from reviewer.core.types import EntityType, Finding, is_possible


@dataclass(frozen=True, slots=True)
class Replacement:
    """One finding and what it becomes. `keep[i]` says whether character i of the value survives
    as-is (the visible head/tail of a mask, the surname of a pseudonym): the PDF writer removes
    exactly the other characters and covers them with an opaque box."""

    finding: Finding
    operator: OperatorKind
    replacement: str
    keep: tuple[bool, ...]
    why: str = ""  # the profile rule (or the reviewer's decision) that decided it, in Chinese
    basis: tuple[str, ...] = ()  # legal-basis codes: the decision's, else the catalogue's default by type and role


@dataclass(frozen=True, slots=True)
class RedactionPlan:
    profile: str
    replacements: tuple[Replacement, ...]
    values: Mapping[str, str]  # original value → replacement, every occurrence in the file
    kept: tuple[Finding, ...] = ()  # findings the profile keeps (e.g. names in a punitive notice)
    below_threshold: tuple[Finding, ...] = ()
    keep_masks: Mapping[str, tuple[bool, ...]] = field(default_factory=dict)
    # Occurrences a reviewer keeps although their value goes elsewhere (see `occurrences.py`): the
    # context around each → what it becomes (the kept value as is), and its per-character keep flags.
    kept_contexts: Mapping[str, str] = field(default_factory=dict)
    kept_masks: Mapping[str, tuple[bool, ...]] = field(default_factory=dict)
    conflicts: tuple[Finding, ...] = ()  # rejected findings the copy cannot keep apart from removed ones
    undecided: tuple[Finding, ...] = ()  # findings nobody decided
    undecided_mode: str = "profile"  # what happened to them: "profile" (its rule applied) or "keep"
    hidden_sheets: str = "clean"  # workbooks: the profile's `roster.hidden_sheets` (clean or remove)
    # why each finding planned (kept, below threshold or replaced) is treated so: (start, end, type) → reason
    policy: Mapping[tuple[int, int, str], str] = field(default_factory=dict)
    # with the profile's `basis_labels`: each value's replacement without its label (labels: value → 条例15)
    bare: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not self.values

    def apply_text(self, text: str) -> str:
        """Replace every occurrence of every value, in any spelling of its separators, as the writers do."""
        pattern = self.flexible_pattern()
        if pattern is None:
            return text
        return pattern.sub(lambda m: self.replacement_for(m.group()), text)

    def pattern(self) -> re.Pattern[str] | None:
        """Exact occurrences of the values (longest first); `values[m.group()]` is the replacement."""
        if not self.values:
            return None
        ordered = sorted(self.values, key=lambda v: (-len(v), v))
        return re.compile("|".join(re.escape(v) for v in ordered))

    def flexible_pattern(self) -> FlexibleMatcher | None:
        """Also the same value written with other separators (`138 9600 1234`, `138-9600-1234`,
        `王 建国`); use `replacement_for(m.group())`. Writers use this, so a number the detector saw
        in one spelling is not left standing in another. Kept contexts are matched too (longest
        first), with themselves as replacement: the occurrence inside them stays."""
        if not self.kept_contexts:
            return _derived(self.values, "flexible", _flexible)  # type: ignore[return-value]
        # keyed by the contexts mapping: a plan's values never change once its contexts are set
        values = self.values
        return _derived(self.kept_contexts, "flexible+values",  # type: ignore[return-value]
                        lambda contexts: _flexible(tuple(sorted(values)) + contexts))

    def replacement_for(self, matched: str, *, bare: bool = False) -> str:
        """The replacement of a (possibly differently separated) occurrence of a value or kept context.
        `bare`: without the legal-basis label a profile may print after it (what a mask keeps in place)."""
        if bare and self.bare:
            return _bare_plan(self).replacement_for(matched)
        if matched in self.values:
            return self.values[matched]
        if matched in self.kept_contexts:
            return self.kept_contexts[matched]
        key = match_key(matched)
        value = _derived(self.values, "by_key", _by_key).get(key)  # type: ignore[union-attr]
        if value is not None:
            return _realign(value, self.values[value], matched)
        context = _derived(self.kept_contexts, "by_key", _by_key).get(key) if self.kept_contexts else None
        if context is None:
            raise KeyError(matched)
        return _realign(context, self.kept_contexts[context], matched)

    def verification_kept(self) -> frozenset[str]:
        """What the verifier may find holding a removed value because a reviewer kept it there: each
        kept context as the text writers leave (other values replaced) and as the characters a PDF
        keeps (other values' removed characters gone, nothing put in their place)."""
        forms: set[str] = set()
        for context, output in self.kept_contexts.items():
            forms.add(output)
            forms.add("".join(c for c, keep in zip(context, self.kept_masks[context], strict=True) if keep))
        return frozenset(forms)


_SEPARATORS = SEPARATORS
_DERIVED: dict[int, tuple[Mapping[str, str], dict[str, object]]] = {}


def _derived(values: Mapping[str, str], what: str, make: Callable[[tuple[str, ...]], object]) -> object:
    """`make(sorted values)`, computed once per plan: writers ask for the pattern and for a replacement on
    every match, and sorting (or hashing as a cache key) a roster's 300,000 values each time made writing
    quadratic. Keyed by the values object itself (kept alive here, so its id is not reused)."""
    hit = _DERIVED.get(id(values))
    if hit is None or hit[0] is not values:
        if len(_DERIVED) >= 32:
            _DERIVED.clear()
        hit = _DERIVED[id(values)] = (values, {})
    cache = hit[1]
    if what not in cache:
        cache[what] = make(tuple(sorted(values)))
    return cache[what]


def _bare_plan(plan: RedactionPlan) -> RedactionPlan:
    """The plan without its labels, made once per plan like the pattern (writers ask on every match). Keyed by
    the contexts mapping when there is one (set once, after the values), else by the bare values."""

    def make(_sorted: tuple[str, ...]) -> RedactionPlan:
        contexts = {c: _unlabel(o, plan.labels) for c, o in plan.kept_contexts.items()}
        return RedactionPlan(plan.profile, (), MappingProxyType(dict(plan.bare)),
                             kept_contexts=MappingProxyType(contexts))

    return _derived(plan.kept_contexts or plan.bare, "bare plan", make)  # type: ignore[return-value]


def _unlabel(text: str, labels: Mapping[str, str]) -> str:
    for label in set(labels.values()):
        text = text.replace(label_text(label), "")
    return text


def label_text(label: str) -> str:
    """How a legal-basis label follows a replacement in text (王某〔条例15〕), like a FOIA exemption code."""
    return f"〔{label}〕"


def _by_key(values: tuple[str, ...]) -> dict[str, str]:
    """Each value under its match key (two values sharing a key are spellings of one value: the first wins)."""
    out: dict[str, str] = {}
    for value in values:
        out.setdefault(match_key(value), value)
    return out


@functools.lru_cache(maxsize=8)
def _flexible(values: tuple[str, ...]) -> FlexibleMatcher | None:  # values (and kept contexts)
    """Called once per plan (`_derived`); cached across plans too: a review rebuilds its plan after every
    decision, and a matcher keeps its matches in the document's text (`FlexibleMatcher.finditer`)."""
    return FlexibleMatcher(values) if values else None


def _realign(value: str, replacement: str, matched: str) -> str:
    """Same-length replacements (masks) keep the matched text's own separators, character by character."""
    if len(replacement) != len(value):
        return replacement
    significant = [r for c, r in zip(value, replacement, strict=True) if not _SEPARATORS.fullmatch(c)]
    out, k = [], 0
    for c in matched:
        if _SEPARATORS.fullmatch(c) or k >= len(significant):
            out.append(c)
        else:
            out.append(significant[k])
            k += 1
    return "".join(out)


def keep_mask(value: str, replacement: str) -> tuple[bool, ...]:
    """Positionwise equality for same-length replacements (masks), else the common prefix."""
    if len(value) == len(replacement):
        return tuple(a == b for a, b in zip(value, replacement, strict=True))
    prefix = 0
    while prefix < min(len(value), len(replacement)) and value[prefix] == replacement[prefix]:
        prefix += 1
    return tuple(i < prefix for i in range(len(value)))


_ALIASES = {"generalise": "generalize", "pseudonymise": "pseudonym", "pseudonymize": "pseudonym"}


def plan_redactions(findings: Iterable[Finding], profile: Profile, *, key: bytes | None = None,
                    operators: Sequence[str | None] | None = None,
                    bases: Sequence[Sequence[str] | None] | None = None) -> RedactionPlan:
    """Decide each finding's replacement under `profile`.

    `operators` (aligned with `findings`) are the reviewer's choices: a given operator overrides the
    profile for that finding and ignores its threshold (the reviewer accepted it). A possible name (tier 2,
    detection/possible_names.py) without one is below the threshold under any profile, a custom one too. Names are
    pseudonymised together (so two 张 become 张某甲/张某乙 and one person keeps one pseudonym);
    `key` is the workspace HMAC key, required only when a rule uses `hash`. The profile's rule for a
    finding follows its role and owner (`Profile.choose`). `bases` (aligned) are the reviewer's legal-basis
    codes; a redaction without one gets the catalogue's default by type and role. A printed disclosure note
    (附注) is a check, never a redaction: it is always kept.
    """
    from reviewer.core.legal_basis import load_catalog

    findings = list(findings)
    chosen = list(operators) if operators is not None else [None] * len(findings)
    given = list(bases) if bases is not None else [None] * len(findings)
    if len(chosen) != len(findings) or len(given) != len(findings):
        raise ValueError("operators and bases must be aligned with findings")
    catalog = load_catalog()
    active: list[tuple[Finding, Rule, str, tuple[str, ...]]] = []
    kept: list[Finding] = []
    below: list[Finding] = []
    policy: dict[tuple[int, int, str], str] = {}
    for f, op, basis in sorted(zip(findings, chosen, given, strict=True), key=lambda fo: (fo[0].start, fo[0].end)):
        where = (f.start, f.end, str(f.entity_type))
        if f.entity_type == EntityType.DISCLOSURE_NOTE:
            kept.append(f)
            policy[where] = "附注印制的公开属性是核对项：与认定记录比对，不从文件中删除"
            continue
        choice = profile.choose(f)
        rule, why = choice.rule, choice.why
        if op:
            kind = _operator(op)
            rule = Rule(kind, rule.params if kind is rule.operator else {}, 0.0)
            why = f"审查人决定：{_OPERATOR_NAMES.get(kind, str(kind))}"
        policy[where] = why
        if rule.operator is OperatorKind.KEEP:
            kept.append(f)
        elif not op and is_possible(f):
            below.append(f)
            policy[where] = "可能的姓名（低分候选）：审查人采纳前不作处理"
        elif f.score < rule.threshold:
            below.append(f)
        elif f.text.strip():
            active.append((f, rule, why, tuple(basis) if basis else catalog.default_for_finding(f)))
    names = _pseudonyms([(f, r) for f, r, _, _ in active])
    replacements: list[Replacement] = []
    values: dict[str, str] = {}
    scores: dict[str, float] = {}
    basis_of: dict[str, tuple[str, ...]] = {}
    for f, rule, why, basis in active:
        new = _apply(f, rule, names, key)
        if new == f.text:
            continue  # already de-identified (e.g. the text is 张某 itself)
        replacements.append(Replacement(f, rule.operator, new, keep_mask(f.text, new), why, basis))
        if f.text not in values or f.score > scores[f.text]:
            values[f.text] = new
            scores[f.text] = f.score
            basis_of[f.text] = basis
    scrubbed = _without_removed_values(values)
    if scrubbed != values:
        replacements = [replace(r, replacement=scrubbed[r.finding.text], keep=keep_mask(r.finding.text, scrubbed[r.finding.text]))
                        if scrubbed[r.finding.text] != values[r.finding.text] else r
                        for r in replacements]
        values = scrubbed
    masks = {v: keep_mask(v, r) for v, r in values.items()}
    bare: dict[str, str] = {}
    labels: dict[str, str] = {}
    if profile.basis_labels:
        labels = {v: catalog.printed(basis_of[v]) for v in values if basis_of.get(v)}
        bare = dict(values)
        values = {v: r + label_text(labels[v]) if v in labels else r for v, r in values.items()}
        replacements = [replace(r, replacement=values[r.finding.text]) for r in replacements]
    return RedactionPlan(profile=profile.name, replacements=tuple(replacements),
                         values=MappingProxyType(values), kept=tuple(kept), below_threshold=tuple(below),
                         keep_masks=MappingProxyType(masks), hidden_sheets=profile.roster.hidden_sheets,
                         policy=MappingProxyType(policy), bare=MappingProxyType(bare), labels=MappingProxyType(labels))


_OPERATOR_NAMES = {OperatorKind.KEEP: "保留", OperatorKind.MASK: "部分遮盖", OperatorKind.REDACT: "删除",
                   OperatorKind.LABEL: "以类别标签替换", OperatorKind.PSEUDONYM: "化名", OperatorKind.GENERALIZE: "概括",
                   OperatorKind.HASH: "密钥哈希"}


def _without_removed_values(values: dict[str, str]) -> dict[str, str]:
    """Replacements with the other removed values replaced inside them too. Why: what a replacement keeps
    (an address kept to street level, 黑龙江哈尔滨市南岗区) may hold a value removed elsewhere (哈尔, cut by the
    model from 杰克吉伦哈尔); the copy would keep it and could never verify."""
    literals = _literals(tuple(sorted(k for k in values if len(k) >= 2)))
    if literals is None:
        return values
    out = {}
    for value, new in values.items():
        pieces, last = [], 0
        for start, end in literals.spans(new):
            found = new[start:end]
            pieces += [new[last:start], found if found == value else values[found]]
            last = end
        out[value] = "".join(pieces) + new[last:] if pieces else new
    return out


@functools.lru_cache(maxsize=8)
def _literals(keys: tuple[str, ...]) -> Literals | None:
    """Leftmost-longest literal matches from an automaton: a flat alternation of a roster's 300,000 values
    made `re` try every one at every position, for every value (hours). Cached: a review rebuilds its plan
    after every decision, mostly with the same values."""
    literals = Literals(keys)
    return None if literals.empty else literals


UNDECIDED_MODES = ("profile", "keep")


def plan_from_decisions(pairs: Iterable[tuple[Finding, Any]], profile: Profile, *,
                        key: bytes | None = None, undecided: str = "profile",
                        text: str | None = None) -> RedactionPlan:
    """Plan from a review: accepted findings with their operator, edited spans with their new text,
    rejected ones left alone, undecided ones under the profile (`undecided="profile"`, the default:
    never silently published) or left as they are (`"keep"`, the reviewer's explicit choice).

    `pairs` are (finding, decision or None) with decisions shaped like `review.decisions.Decision`.
    With the document's detection `text`, a rejected finding whose text is a value removed elsewhere
    is kept in its context (`occurrences.py`), or reported in `conflicts` when no context sets it apart.
    """
    if undecided not in UNDECIDED_MODES:
        raise ValueError(f"undecided must be one of {UNDECIDED_MODES}")
    findings: list[Finding] = []
    operators: list[str | None] = []
    bases: list[tuple[str, ...] | None] = []
    rejected: list[Finding] = []
    pending: list[Finding] = []
    for finding, decision in pairs:
        kind = str(getattr(decision, "kind", "")) if decision is not None else ""
        if kind == "reject":
            rejected.append(finding)
            continue
        if kind == "edit" and decision.start is not None and decision.end is not None and decision.text:
            # the old locator described the old span: drop it (the value is still found everywhere)
            finding = replace(finding, start=decision.start, end=decision.end, text=decision.text, locator={})
        if not kind:
            pending.append(finding)
            if undecided == "keep":
                continue
        findings.append(finding)
        operators.append(getattr(decision, "operator", None) if kind in ("accept", "edit") else None)
        bases.append(tuple(getattr(decision, "legal_basis", ()) or ()) or None)
    plan = plan_redactions(findings, profile, key=key, operators=operators, bases=bases)
    plan = replace(plan, undecided=tuple(pending), undecided_mode=undecided)
    if text is None or not rejected or not plan.values:
        return plan
    return _keep_rejected(plan, text, rejected)


def _keep_rejected(plan: RedactionPlan, text: str, rejected: list[Finding]) -> RedactionPlan:
    """Kept contexts for the rejected findings whose exact span is an occurrence of a removed value."""
    from reviewer.core.deidentify.occurrences import Occurrence, kept_contexts, occurrences

    by_key = _by_key(tuple(sorted(plan.values)))
    found = occurrences(text, plan.flexible_pattern(), lambda m: by_key.get(match_key(m), m))
    spans = {(f.start, f.end): f for f in rejected}
    kept = [o for o in found if (o.start, o.end) in spans]
    if not kept:
        return plan
    removed = [o for o in found if (o.start, o.end) not in spans]

    def inside(s: int, e: int) -> list[Occurrence]:
        return [o for o in removed if s <= o.start and o.end <= e]

    def output(t: str, s: int, e: int) -> str:
        out, at = [], s
        for o in inside(s, e):
            out.append(t[at:o.start])
            out.append(plan.replacement_for(t[o.start:o.end]))
            at = o.end
        out.append(t[at:e])
        return "".join(out)

    def flags(t: str, s: int, e: int) -> tuple[bool, ...]:
        keep = [True] * (e - s)
        for o in inside(s, e):
            matched = t[o.start:o.end]
            for i, k in enumerate(keep_mask(matched, plan.replacement_for(matched, bare=True))):
                keep[o.start - s + i] = k
        return tuple(keep)

    contexts, clashes = kept_contexts(text, kept, removed, output, flags)
    plan = replace(plan, kept_contexts=MappingProxyType({c.text: c.output for c in contexts}),
                   kept_masks=MappingProxyType({c.text: c.keep for c in contexts}))
    # the proof: with the contexts in, every kept occurrence stays and every other still changes
    kept_at: set[int] = set()  # offsets of characters a context match leaves as they are
    by_context = _by_key(tuple(sorted(plan.kept_contexts)))
    for m in plan.flexible_pattern().finditer(text):
        context = by_context.get(match_key(m.group()))
        if context is None:
            continue
        mask = plan.kept_masks[context] if m.group() == context else (True,) * (m.end() - m.start())
        kept_at.update(m.start() + i for i, k in enumerate(mask) if k)
    held = {(o.start, o.end) for o in kept if all(i in kept_at for i in range(o.start, o.end))}
    lost = [o for o in removed if any(i in kept_at for i in range(o.start, o.end))]
    conflicts = [spans[(o.start, o.end)] for o in kept if (o.start, o.end) not in held]
    if lost:  # a context swallowed an occurrence that must go: drop the contexts, report every kept one
        plan = replace(plan, kept_contexts=MappingProxyType({}), kept_masks=MappingProxyType({}))
        conflicts = [spans[(o.start, o.end)] for o in kept]
    conflicts += [spans[(o.start, o.end)] for o in clashes]
    unique = {(f.start, f.end): f for f in conflicts}
    return replace(plan, conflicts=tuple(unique[k] for k in sorted(unique)))


def _operator(name: str) -> OperatorKind:
    try:
        return OperatorKind(_ALIASES.get(name, name))
    except ValueError:
        raise ConfigurationError(f"未知的去标识化操作：{name}。", f"Unknown de-identification operator: {name}.") from None


def _pseudonyms(active: list[tuple[Finding, Rule]]) -> Mapping[str, str]:
    persons = [(f, r) for f, r in active if r.operator is OperatorKind.PSEUDONYM]
    if not persons:
        return {}
    params: dict[str, Any] = dict(persons[0][1].params)
    return NamePseudonymizer(given=params.get("given", "某"),
                             distinguish=params.get("distinguish", True)).assign(f.text for f, _ in persons)


def _apply(f: Finding, rule: Rule, names: Mapping[str, str], key: bytes | None) -> str:
    p = dict(rule.params)
    et = str(f.entity_type)
    op = rule.operator
    if op is OperatorKind.MASK:
        return ops.mask(f.text, **p)
    if op is OperatorKind.REDACT:
        return ops.redact(f.text, **p)
    if op is OperatorKind.LABEL:
        return ops.label(f.text, entity_type=et, **p)
    if op is OperatorKind.GENERALIZE:
        return ops.generalize_address(f.text, **p)
    if op is OperatorKind.PSEUDONYM:
        if et not in (EntityType.PERSON, EntityType.MANUAL):
            return ops.redact(f.text)
        return names[normalise_name(f.text)]
    if op is OperatorKind.HASH:
        if not key:
            raise ConfigurationError("策略使用了 hash（密钥哈希）操作，但没有工作区密钥。请使用 --workspace 或换用其他操作。",
                                     "The profile uses the keyed 'hash' operator but no workspace key is available. "
                                     "Use --workspace or another operator.")
        return ops.keyed_hash(f.text, key=key, entity_type=et, **p)
    raise ValueError(f"operator {op} does not produce a replacement")

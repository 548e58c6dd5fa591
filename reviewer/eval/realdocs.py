"""``python -m reviewer.eval realdocs [--split dev|test|all] [--json] [--show-errors]``: the real pipeline on
our own hand-written government documents (resources/eval/realdocs: docx, PDF with wrapping tables, txt).

Each file is read with ``load_document`` and analysed with ``reviewer.core.detection.analyze`` at the default
threshold, exactly as ``reviewer scan`` does. Gold entities and must-keep strings come from ``keys.jsonl``
(offsets into ``document.text``; written by resources/eval/realdocs/build.py from the annotated sources).

Matching, per type group (``GROUP_OF``: PERSON, CN_ADDRESS, ORGANIZATION, STRUCTURED = the pattern
identifiers, RESTRICTED = every restricted-content type, SENSITIVE_PERSONAL, and CN_BIRTH_DATE apart: a birth
date is a quasi-identifier, not an identifier, and is scored on its own so STRUCTURED stays about identifiers):
- a gold entity is *found* when at least one finding of a type in the same group overlaps its span by one
  character or more (a CN_MOBILE_PHONE finding on a gold CN_LANDLINE_PHONE counts for the group; the
  per-type rows below the group require the same type);
- a found entity is *exact* when one of those findings covers the same text as the gold, whitespace ignored
  (a wrapped PDF cell puts a line break inside a value); found but not exact is *partial*, reported apart;
  ``exact`` is the share of found entities that are exact (the boundary rate for addresses);
- a finding is a *false positive* when it overlaps no gold entity of its group; precision = findings that
  overlap a gold of their group / all findings of the group. Findings of types outside the groups are ignored.

Damage: the redaction ``reviewer redact`` would apply is planned with the profile the document's recognised
kind selects (``--profile auto``, the default; ``--profiles keys`` uses the profile recorded in keys.jsonl, as
measured before issue 26), every finding accepted as the profile says (``plan_from_decisions`` with no
decisions), and applied to each block's text with ``plan.apply_text`` (the value-based replacement the writers
make). A must-keep string (文号, agency names, law titles, amounts, hotlines, institutional contacts) is
*damaged* when it occurs fewer times in the replaced text than in the original (whitespace between characters
ignored). Damage counts distinct must-keep strings per document.

Policy (issue 26): the document kind recognised from the text against the key's ``kind`` (``KIND_OF`` maps the
set's kind names onto the catalogue's codes); the role given to each gold PERSON that a PERSON finding overlaps
against its annotated role (``ROLE_OF`` maps the set's role words onto the role codes of detection/roles.py);
the owner given to each gold phone, e-mail, address, credit code, plate or account a finding of its type
overlaps against its annotated ``owner_kind``.

Tiers: PERSON findings marked ``attributes["tier"] == "possible"`` (detection/possible_names.py: low-score
candidates a reviewer must confirm, never acted on by the export) are left out of every count above, which
measure what the export acts on (tier 1). They are reported on their own: how many candidates, how many
overlap a gold name that tier 1 missed (the recall a reviewer gains by confirming them: ``recall if
confirmed``), how many overlap a gold name tier 1 found already, and how many overlap no gold name (false).
Damage is measured with every finding, candidates included: it shows the export leaves them alone.

Splits: ``dev`` documents may be studied while improving detection; ``test`` documents are only measured.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SET_DIR = ROOT / "resources" / "eval" / "realdocs"
KEYS_PATH = SET_DIR / "keys.jsonl"
KEEP = "KEEP"

STRUCTURED_TYPES = ("CN_ID_CARD", "CN_MOBILE_PHONE", "CN_LANDLINE_PHONE", "EMAIL_ADDRESS", "CN_BANK_CARD",
                    "CN_USCC", "CN_LICENSE_PLATE", "CN_PASSPORT", "CN_HK_MACAO_PERMIT", "IP_ADDRESS", "CN_QQ",
                    "CN_WECHAT")
RESTRICTED_TYPES = ("CLASSIFIED_MARKING", "COPY_NUMBER", "STATE_SECRET_STATEMENT", "WORK_SECRET",
                    "INTERNAL_USE", "PROCESS_INFORMATION", "URGENCY_MARKING", "DISCLOSURE_NOTE")
GROUP_OF: dict[str, str] = {"PERSON": "PERSON", "CN_ADDRESS": "CN_ADDRESS", "ORGANIZATION": "ORGANIZATION",
                            "SENSITIVE_PERSONAL": "SENSITIVE_PERSONAL", "CN_BIRTH_DATE": "CN_BIRTH_DATE"}
GROUP_OF |= {t: "STRUCTURED" for t in STRUCTURED_TYPES} | {t: "RESTRICTED" for t in RESTRICTED_TYPES}
GROUPS = ("PERSON", "CN_ADDRESS", "ORGANIZATION", "STRUCTURED", "RESTRICTED", "SENSITIVE_PERSONAL", "CN_BIRTH_DATE")
SPLITS = ("dev", "test", "all")
PROFILE_SOURCES = ("auto", "keys")
# the set's kind names → resources/document_kinds.yaml codes
KIND_OF = {"行政处罚决定书": "penalty_decision", "失信名单": "dishonest_list", "依申请公开答复书": "disclosure_reply",
           "不予公开告知书": "disclosure_reply", "任前公示": "appointment_notice", "招录拟录用名单": "recruitment_list",
           "拟聘用人员公示": "recruitment_list", "表彰决定": "commendation", "表彰名单": "commendation",
           "中标公告": "procurement_result", "征收补偿公示": "expropriation", "安置房源公示": "expropriation",
           "低保公示": "assistance_notice", "救助花名册": "assistance_notice", "医疗救助公示": "assistance_notice",
           "补贴发放表": "assistance_notice",
           "行政许可公示": "license_notice", "许可公示": "license_notice", "环评公示": "eia_notice",
           "信访意见书": "petition_opinion", "投诉告知书": "complaint_reply", "12345工单回复": "hotline_reply",
           "人大建议答复": "suggestion_reply", "建议答复函": "suggestion_reply", "交通事故认定书": "accident_finding",
           "法院文书摘要": "court_summary", "会议纪要": "meeting_minutes", "常委会纪要": "meeting_minutes",
           "机密会议纪要": "meeting_minutes", "请示": "request", "统计公报": "statistical_bulletin",
           "内部资料": "work_bulletin", "内部明电": "notice", "值班安排通知": "notice", "新闻稿": "news",
           "政务新闻": "news", "征求意见稿": "other", "专题会议纪要": "meeting_minutes", "通知": "notice",
           "情况专报": "work_bulletin", "工伤认定决定书": "other"}  # 工伤认定决定书, 征求意见稿: no catalogue kind
# the set's role words → detection/roles.py role codes
ROLE_OF = {**dict.fromkeys(("当事人", "被执行人", "原告"), "party"),
           **dict.fromkeys(("法定代表人", "负责人", "实际控制人", "经营者"), "legal_representative"),
           "委托代理人": "agent", "证人": "witness", "见证人": "witness",
           **dict.fromkeys(("执法人员", "承办人", "审判人员", "公证员", "领导干部", "签发人", "拟稿人", "审核人", "记录人",
                            "列席人员", "与会人员", "带班领导", "值班人员", "选派干部", "人大代表", "网格员"), "official"),
           **dict.fromkeys(("经办人", "联系人", "联络员"), "contact"),
           **dict.fromkeys(("申请人", "信访人", "投诉人", "诉求人"), "applicant"),
           **dict.fromkeys(("公示对象", "被表彰人", "被征收人", "拟聘用人员", "拟录用人员"), "subject"),
           **dict.fromkeys(("记者", "通讯员", "编辑", "摄影"), "journalist"),
           **dict.fromkeys(("评审专家", "采购人代表"), "expert"), "家庭成员": "family",
           **dict.fromkeys(("第三人", "受访者", "乘车人", "导游", "医生", "司机", "物业经理", "网民"), "third_party")}
OWNED = ("CN_LANDLINE_PHONE", "CN_MOBILE_PHONE", "EMAIL_ADDRESS", "CN_ADDRESS", "CN_USCC", "CN_BANK_CARD",
         "CN_LICENSE_PLATE")


# ------------------------------------------------------------------------- locating text in a document

def squeeze(text: str) -> tuple[str, list[int]]:
    """`text` without whitespace, and for each kept character its index in `text`."""
    kept, index = [], []
    for i, c in enumerate(text):
        if not c.isspace():
            kept.append(c)
            index.append(i)
    return "".join(kept), index


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (start, end) in `text` where `needle` occurs with any whitespace between its characters
    (overlapping occurrences included, in order). Start and end sit on non-space characters."""
    flat, index = squeeze(text)
    target = squeeze(needle)[0]
    if not target:
        return []
    out, i = [], flat.find(target)
    while i >= 0:
        out.append((index[i], index[i + len(target) - 1] + 1))
        i = flat.find(target, i + 1)
    return out


def context_score(text: str, start: int, end: int, left: str, right: str) -> int:
    """How many characters of the expected surroundings (whitespace removed) agree around text[start:end]."""
    before = squeeze(text[max(0, start - 4 * len(left) - 40):start])[0]
    after = squeeze(text[end:end + 4 * len(right) + 40])[0]
    n = 0
    while n < min(len(before), len(left)) and before[-1 - n] == left[-1 - n]:
        n += 1
    m = 0
    while m < min(len(after), len(right)) and after[m] == right[m]:
        m += 1
    return n + m


def same_text(a: str, b: str) -> bool:
    return squeeze(a)[0] == squeeze(b)[0]


# ------------------------------------------------------------------------------------------------ keys

def load_keys(path: Path = KEYS_PATH) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def select(keys: Iterable[dict], split: str) -> list[dict]:
    return [k for k in keys if split == "all" or k["split"] == split]


# --------------------------------------------------------------------------------------------- scoring

@dataclass
class Counts:
    gold: int = 0
    found: int = 0
    exact: int = 0
    findings: int = 0
    false_positives: int = 0

    def add(self, other: Counts) -> None:
        for k in ("gold", "found", "exact", "findings", "false_positives"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return (self.findings - self.false_positives) / self.findings if self.findings else None

    @property
    def exact_rate(self) -> float | None:
        return self.exact / self.found if self.found else None

    def to_json(self) -> dict:
        r = {k: getattr(self, k) for k in ("gold", "found", "exact", "findings", "false_positives")}
        r["partial"] = self.found - self.exact
        for k in ("recall", "precision", "exact_rate"):
            v = getattr(self, k)
            r[k] = None if v is None else round(v, 4)
        return r


@dataclass
class Error:
    doc: str
    kind: str  # miss, partial, false_positive, damage
    type: str
    text: str
    context: str
    detail: str = ""

    def to_json(self) -> dict:
        return {"document": self.doc, "kind": self.kind, "type": self.type, "text": self.text,
                "context": self.context, "detail": self.detail}


@dataclass
class DocResult:
    key: dict
    groups: dict[str, Counts]
    types: dict[str, Counts]
    damaged: list[dict]
    errors: list[Error] = field(default_factory=list)
    seconds: float = 0.0
    kind: str = ""  # recognised kind code
    profile: str = ""  # the profile the damage was measured with
    roles: tuple[int, int] = (0, 0)  # (right, gold persons found)
    owners: tuple[int, int] = (0, 0)  # (right, gold contact details found)
    possible: Possible = field(default_factory=lambda: Possible())


@dataclass
class Possible:
    """Tier-2 PERSON candidates of a document against the gold names (see the module docstring)."""

    candidates: int = 0
    gained: int = 0  # gold names tier 1 missed that a candidate overlaps (recall gained if confirmed)
    duplicate: int = 0  # candidates overlapping a gold name tier 1 found already
    false: int = 0  # candidates overlapping no gold name

    def add(self, other: Possible) -> None:
        for k in ("candidates", "gained", "duplicate", "false"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def to_json(self) -> dict:
        return {k: getattr(self, k) for k in ("candidates", "gained", "duplicate", "false")}


def tiers(findings: Sequence) -> tuple[list, list]:
    """(tier 1: what the export acts on, tier 2: possible-name candidates)."""
    from reviewer.core.detection.possible_names import is_possible

    first, second = [], []
    for f in findings:
        (second if is_possible(f) else first).append(f)
    return first, second


def score_possible(key: dict, text: str, first: Sequence, second: Sequence) -> tuple[Possible, list[Error]]:
    """The candidates against the gold PERSON entities, and one line per candidate for --show-errors."""
    gold = [g for g in key["entities"] if g["type"] == "PERSON"]
    persons = [f for f in first if str(f.entity_type) == "PERSON"]
    result, errors, gained = Possible(), [], set()
    for f in second:
        result.candidates += 1
        over = [i for i, g in enumerate(gold) if f.start < g["end"] and g["start"] < f.end]
        missed = [i for i in over if not any(p.start < gold[i]["end"] and gold[i]["start"] < p.end for p in persons)]
        if not over:
            result.false += 1
            verdict = "false"
        elif missed:
            gained.update(missed)
            verdict = "gained"
        else:
            result.duplicate += 1
            verdict = "duplicate"
        errors.append(Error(key["id"], "possible", "PERSON", f.text, _around(text, f.start, f.end),
                            f"{verdict} {f.recognizer}"))
    result.gained = len(gained)
    return result, errors


def _around(text: str, start: int, end: int, width: int = 14) -> str:
    return (text[max(0, start - width):start] + "【" + text[start:end] + "】" + text[end:end + width]
            ).replace("\n", "⏎")


def score_document(key: dict, text: str, findings: Sequence) -> tuple[dict[str, Counts], dict[str, Counts],
                                                                     list[Error]]:
    """Counts per group and per type for one document (see the module docstring)."""
    groups = {g: Counts() for g in GROUPS}
    types: dict[str, Counts] = defaultdict(Counts)
    errors: list[Error] = []
    gold = [g for g in key["entities"] if g["type"] in GROUP_OF]
    finds = [f for f in findings if str(f.entity_type) in GROUP_OF]
    for g in gold:
        group = GROUP_OF[g["type"]]
        over = [f for f in finds if GROUP_OF[str(f.entity_type)] == group and f.start < g["end"] and g["start"] < f.end]
        c, tc = groups[group], types[g["type"]]
        c.gold += 1
        tc.gold += 1
        same = [f for f in over if str(f.entity_type) == g["type"]]
        if same:
            tc.found += 1
            tc.exact += any(same_text(f.text, g["text"]) for f in same)
        if not over:
            errors.append(Error(key["id"], "miss", g["type"], g["text"], _around(text, g["start"], g["end"]),
                                g.get("role") or g.get("owner", "")))
            continue
        c.found += 1
        if any(same_text(f.text, g["text"]) for f in over):
            c.exact += 1
        else:
            got = " / ".join(f"{f.entity_type}:{f.text}" for f in over)
            errors.append(Error(key["id"], "partial", g["type"], g["text"], _around(text, g["start"], g["end"]),
                                f"found {got}"))
    for f in finds:
        t = str(f.entity_type)
        group = GROUP_OF[t]
        groups[group].findings += 1
        types[t].findings += 1
        if not any(GROUP_OF[g["type"]] == group and f.start < g["end"] and g["start"] < f.end for g in gold):
            groups[group].false_positives += 1
            types[t].false_positives += 1
            errors.append(Error(key["id"], "false_positive", t, f.text, _around(text, f.start, f.end),
                                f"{f.recognizer} {f.score:.2f}"))
        elif not any(g["type"] == t and f.start < g["end"] and g["start"] < f.end for g in gold):
            types[t].false_positives += 1  # right group, wrong type: counted only in the per-type rows
    return groups, dict(types), errors


def policy_scores(key: dict, text: str, findings: Sequence) -> tuple[tuple[int, int], tuple[int, int], list[Error]]:
    """Roles of the gold persons and owners of the gold contact details that findings overlap (module docstring)."""
    roles, owners, errors = [0, 0], [0, 0], []
    for g in key["entities"]:
        over = [f for f in findings if f.start < g["end"] and g["start"] < f.end]
        if g["type"] == "PERSON" and g.get("role") in ROLE_OF:
            got = next((f.attributes.get("role") for f in over if str(f.entity_type) == "PERSON"), None)
            if got is None:
                continue
            roles[1] += 1
            roles[0] += got == ROLE_OF[g["role"]]
            if got != ROLE_OF[g["role"]]:
                errors.append(Error(key["id"], "role", "PERSON", g["text"], _around(text, g["start"], g["end"]),
                                    f"{g['role']} ({ROLE_OF[g['role']]}) → {got}"))
        elif g["type"] in OWNED and g.get("owner_kind"):
            got = next((f.attributes.get("owner") for f in over if str(f.entity_type) == g["type"]
                        or "PHONE" in str(f.entity_type) and "PHONE" in g["type"]), None)
            if got is None:
                continue
            owners[1] += 1
            owners[0] += got == g["owner_kind"]
            if got != g["owner_kind"]:
                errors.append(Error(key["id"], "owner", g["type"], g["text"], _around(text, g["start"], g["end"]),
                                    f"{g['owner_kind']} → {got}"))
    return (roles[0], roles[1]), (owners[0], owners[1]), errors


def damage(key: dict, document, findings: Sequence, profile=None) -> tuple[list[dict], list[Error]]:  # noqa: ANN001
    """Must-keep strings the profile's redaction would change (see the module docstring); `profile`: the
    profile to plan with (default: the one recorded in the key)."""
    from reviewer.core.deidentify.plan import plan_from_decisions
    from reviewer.core.deidentify.profiles import load_profile

    plan = plan_from_decisions([(f, None) for f in findings], profile or load_profile(key["profile"]))
    blocks = [(b.text, plan.apply_text(b.text)) for b in document.blocks]
    damaged, errors = [], []
    for value in dict.fromkeys(k["text"] for k in key["keep"]):
        before = sum(len(occurrences(old, value)) for old, _ in blocks)
        after = sum(len(occurrences(new, value)) for _, new in blocks)
        if after < before:
            changed = next(new for old, new in blocks if len(occurrences(new, value)) < len(occurrences(old, value)))
            first = next(k for k in key["keep"] if k["text"] == value)
            # the replaced values that touch the string: found inside it, or overlapping its first occurrence
            culprit = sorted({f"{f.entity_type}:{f.text}" for f in findings if f.text in plan.values and (
                squeeze(f.text)[0] in squeeze(value)[0] or (f.start < first["end"] and first["start"] < f.end))})
            rec = {"text": value, "what": first["what"], "before": before, "after": after,
                   "findings": culprit}
            damaged.append(rec)
            s = _find_changed(changed, value)
            errors.append(Error(key["id"], "damage", first["what"], value, s,
                                f"{before}→{after}; " + (", ".join(culprit) or "changed by a value found elsewhere")))
    return damaged, errors


def _find_changed(new_text: str, value: str) -> str:
    """A short excerpt of the replaced text where the value used to be (best effort: its first character)."""
    flat = squeeze(value)[0]
    i = new_text.find(flat[:2]) if len(flat) >= 2 else -1
    if i < 0:
        return new_text[:40].replace("\n", "⏎")
    return new_text[max(0, i - 6):i + len(flat) + 6].replace("\n", "⏎")


def evaluate(keys: Sequence[dict], progress=None, *, profiles: str = "auto") -> list[DocResult]:
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.detection import analyze
    from reviewer.core.documents import load_document
    from reviewer.core.service.kinds import profile_for_document

    results = []
    for key in keys:
        t0 = time.perf_counter()
        document = load_document(SET_DIR / key["file"])
        findings = list(analyze(document))
        first, second = tiers(findings)
        groups, types, errors = score_document(key, document.text, first)
        possible, possible_errors = score_possible(key, document.text, first, second)
        guess, chosen = profile_for_document(document)
        profile = chosen if profiles == "auto" else load_profile(key["profile"])
        damaged, derrors = damage(key, document, findings, profile)
        roles, owners, perrors = policy_scores(key, document.text, first)
        if KIND_OF.get(key["kind"]) != guess.code:
            perrors.append(Error(key["id"], "kind", "KIND", key["kind"], guess.evidence,
                                 f"{KIND_OF.get(key['kind'])} → {guess.code}"))
        results.append(DocResult(key, groups, types, damaged, errors + derrors + perrors + possible_errors,
                                 time.perf_counter() - t0, guess.code, profile.name, roles, owners, possible))
        if progress:
            progress(len(results), len(keys), key)
    return results


def summarize(results: Sequence[DocResult]) -> dict:
    groups = {g: Counts() for g in GROUPS}
    types: dict[str, Counts] = defaultdict(Counts)
    possible = Possible()
    for r in results:
        possible.add(r.possible)
        for g, c in r.groups.items():
            groups[g].add(c)
        for t, c in r.types.items():
            types[t].add(c)
    return {"documents": len(results), "groups": {g: c.to_json() for g, c in groups.items()},
            "types": {t: types[t].to_json() for t in sorted(types)},
            "damage": sum(len(r.damaged) for r in results),
            "must_keep": sum(len({k["text"] for k in r.key["keep"]}) for r in results),
            "kinds": [sum(KIND_OF.get(r.key["kind"]) == r.kind for r in results), len(results)],
            "roles": [sum(r.roles[0] for r in results), sum(r.roles[1] for r in results)],
            "owners": [sum(r.owners[0] for r in results), sum(r.owners[1] for r in results)],
            "possible": possible.to_json()}


# ------------------------------------------------------------------------------------------------- cli

def _fmt(v: float | None) -> str:
    return "   —  " if v is None else f"{v:6.3f}"


def print_table(name: str, summary: dict, out=sys.stdout) -> None:
    out.write(f"\n== {name}: {summary['documents']} documents ==\n")
    out.write(f"{'group / type':<24}{'gold':>6}{'found':>7}{'recall':>8}{'finds':>7}{'FP':>5}{'prec.':>8}"
              f"{'partial':>9}{'exact':>8}\n")
    rows = [(g, summary["groups"][g]) for g in GROUPS]
    for g, c in rows:
        out.write(f"{g:<24}{c['gold']:>6}{c['found']:>7}{_fmt(c['recall']):>8}{c['findings']:>7}"
                  f"{c['false_positives']:>5}{_fmt(c['precision']):>8}{c['partial']:>9}{_fmt(c['exact_rate']):>8}\n")
        if g in ("STRUCTURED", "RESTRICTED"):
            for t, tc in summary["types"].items():
                if GROUP_OF.get(t) == g:
                    out.write(f"  {t:<22}{tc['gold']:>6}{tc['found']:>7}{_fmt(tc['recall']):>8}"
                              f"{tc['findings']:>7}{tc['false_positives']:>5}{_fmt(tc['precision']):>8}"
                              f"{tc['partial']:>9}{_fmt(tc['exact_rate']):>8}\n")
    out.write(f"damage: {summary['damage']} of {summary['must_keep']} must-keep strings changed "
              "(文号, agency names, law titles, amounts, hotlines, institutional contacts)\n")
    p, person = summary.get("possible"), summary["groups"]["PERSON"]
    if p is not None:
        confirmed = (person["found"] + p["gained"]) / person["gold"] if person["gold"] else None
        out.write(f"possible names (tier 2, not in the rows above): {p['candidates']} candidates, {p['gained']} gold "
                  f"names tier 1 missed (PERSON recall if confirmed {_fmt(confirmed).strip()}), {p['duplicate']} "
                  f"on names tier 1 found, {p['false']} false\n")
    for name, label in (("kinds", "document kind recognised"), ("roles", "person roles right (of found)"),
                        ("owners", "contact owners right (of found)")):
        right, total = summary.get(name, (0, 0))
        out.write(f"{label}: {right} of {total}" + (f" ({right / total:.3f})" if total else "") + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reviewer.eval realdocs", description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=SPLITS, default="all",
                        help="dev, test or all (default: all, reported per split and in total)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--show-errors", action="store_true",
                        help="list misses, partial spans, false positives and damage (document, type, text, context)")
    parser.add_argument("--only", nargs="*", metavar="ID", help="only these document ids (a diagnostic)")
    parser.add_argument("--profiles", choices=PROFILE_SOURCES, default="auto",
                        help="damage with the profile the recognised kind selects (auto, the default) or the one "
                             "recorded in keys.jsonl (keys)")
    args = parser.parse_args(list(argv or []))
    keys = select(load_keys(), args.split)
    if args.only:
        keys = [k for k in keys if k["id"] in set(args.only)]
    t0 = time.perf_counter()

    live = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int, key: dict) -> None:
        if live:
            print(f"\r{done}/{total} {key['file']:<60}", end="", file=sys.stderr, flush=True)

    results = evaluate(keys, progress, profiles=args.profiles)
    if live:
        print("\r" + " " * 72 + "\r", end="", file=sys.stderr)
    by_split = {s: summarize([r for r in results if s == "all" or r.key["split"] == s]) for s in SPLITS
                if args.split in ("all", s)}
    errors = [e for r in results for e in r.errors]
    if args.json:
        payload = {"splits": by_split, "seconds": round(time.perf_counter() - t0, 1),
                   "documents": [{"id": r.key["id"], "file": r.key["file"], "split": r.key["split"],
                                  "kind": r.kind, "profile": r.profile, "roles": list(r.roles),
                                  "owners": list(r.owners), "possible": r.possible.to_json(),
                                  "groups": {g: c.to_json() for g, c in r.groups.items()}, "damage": r.damaged}
                                 for r in results]}
        if args.show_errors:
            payload["errors"] = [e.to_json() for e in errors]
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    for s, summary in by_split.items():
        if summary["documents"]:
            print_table(s, summary)
    if args.show_errors:
        order = {"damage": 0, "kind": 1, "role": 2, "owner": 3, "miss": 4, "partial": 5, "false_positive": 6,
                 "possible": 7}
        print()
        for e in sorted(errors, key=lambda e: (order[e.kind], e.doc, e.type)):
            print(f"{e.kind:<15}{e.doc:<4}{e.type:<20}{e.text!s:<24} {e.context}  {e.detail}")
        print("\n" + ", ".join(f"{k}: {v}" for k, v in Counter(e.kind for e in errors).items()))
    print(f"\n{len(results)} documents in {time.perf_counter() - t0:.0f} s")
    return 0

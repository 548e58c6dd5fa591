"""Timing (公开时机): the dates a document sets, against the planned release date.

Facts: a deadline (…前报送, 截止…), an effective date of this document (本办法自…起施行; a cited law's own date is
not this document's), its expiry (本通知有效期至…), an embargo written in the text (…之前不得公开, …后方可公开).
Findings only where there is something to judge: a deadline or effective date already past at the release
date or too close to it, an expired document, an embargo (before it ends: do not publish yet; after: it has
lapsed). `suggestion` turns all facts (and the 20-working-day rule of 条例第二十六条) into text for the
attribute's 公开时机 field.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from reviewer.core.detection.judgments.dates import SignedDate, find_dates
from reviewer.core.detection.judgments.rules import JudgmentRules
from reviewer.core.detection.judgments.text import Text
from reviewer.core.types import EntityType, Finding, Severity

RECOGNIZER = "judgments:timing"
PUBLISH_WITHIN_WORKING_DAYS = 20  # 条例第二十六条
_STOP = "，。；！？,;!?"


@dataclass(frozen=True, slots=True)
class TimingFact:
    kind: str  # deadline | effective | expiry | embargo
    start: int  # normalised offsets of the phrase (date and what it governs)
    end: int
    value: datetime.date
    exact: bool  # a day was written (not 月底/年底)
    phrase: str


class _Patterns:
    def __init__(self, rules: JudgmentRules) -> None:
        def alt(words) -> str:  # noqa: ANN001
            return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

        gap = f"[^{_STOP}\n]"
        verbs, negations, permissions = alt(rules.embargo_verbs), alt(rules.embargo_negations), alt(
            rules.embargo_permissions)
        self.embargo_before = re.compile(rf"\s*{gap}{{0,8}}?(?:之前|以前|前){gap}{{0,8}}?(?:{negations})\s*"
                                         rf"(?:对外|向社会|向外)?\s*(?:{verbs})")
        self.embargo_after = re.compile(rf"\s*{gap}{{0,4}}?(?:之后|以后|后)\s*(?:{permissions})\s*"
                                        rf"(?:对外|向社会)?\s*(?:{verbs})")
        self.effective = re.compile(rf"\s*(?:起|开始)?\s*(?:正式)?\s*(?:{alt(rules.effective_verbs)})")
        self.expiry_before = re.compile(rf"有效期{gap}{{0,20}}?(?:至|到)\s*$")
        # greedy: 前将报名材料报送 ends at 报送, not at the noun 报名
        self.deadline = re.compile(rf"\s*(?:之前|以前|前)[^{_STOP}]{{0,15}}(?:{alt(rules.deadline_verbs)})")
        self.cutoff_before = re.compile(r"截止(?:日期|时间)?(?:为|是|至|到)?\s*$")
        self.cutoff_after = re.compile(r"\s*(?:截止|止)")
        self.self_subject = re.compile(alt(rules.self_subjects))
        self.lead = re.compile(r"(?:^|[\n。；])\s*(?:第[一二三四五六七八九十百零〇\d]+条\s*)?(?:自|从)\s*$")


_CACHE: dict[int, _Patterns] = {}


def _patterns(rules: JudgmentRules) -> _Patterns:
    if id(rules) not in _CACHE:
        _CACHE.clear()
        _CACHE[id(rules)] = _Patterns(rules)
    return _CACHE[id(rules)]


def timing_facts(text: Text, rules: JudgmentRules, *, base_year: int) -> list[TimingFact]:
    p = _patterns(rules)
    t = text.text
    out = []
    for d in find_dates(t, base_year=base_year):
        if text.in_book_title(d.start):
            continue
        s, _ = text.sentence(d.start, d.end)
        before = t[s:d.start]
        self_subject = p.self_subject.search(before) is not None
        kind, end = None, d.end
        if (m := p.embargo_before.match(t, d.end)) or (m := p.embargo_after.match(t, d.end)):
            kind, end = "embargo", m.end()
        elif (m := p.effective.match(t, d.end)) and (self_subject or p.lead.search(t[max(0, d.start - 12):d.start])):
            kind, end = "effective", m.end()
        elif p.expiry_before.search(before) and (self_subject or before.lstrip().startswith("有效期")):
            kind = "expiry"
        elif (m := p.deadline.match(t, d.end)) or (m := p.cutoff_after.match(t, d.end)):
            kind, end = "deadline", m.end()
        elif p.cutoff_before.search(before):
            kind = "deadline"
        if kind is not None:
            out.append(TimingFact(kind, d.start, end, d.value, d.exact, t[d.start:end]))
    return out


_NAME = {"deadline": "截止日期", "effective": "施行日期", "expiry": "有效期届满日", "embargo": "可公开日期"}


def _when(fact: TimingFact) -> str:
    return fact.value.isoformat() + ("" if fact.exact else "（未写明日，按该月/该年最后一天计）")


def timing_findings(text: Text, facts: list[TimingFact], rules: JudgmentRules, *, release: datetime.date,
                    release_given: bool) -> list[Finding]:
    basis = f"计划发布日期 {release.isoformat()}" + ("" if release_given else "（未指定，按检测当日）")
    out = []
    for f in facts:
        delta = (f.value - release).days
        entity, severity, why = None, Severity.REVIEW, ""
        if f.kind == "deadline" and delta < 0:
            entity, why = EntityType.TIMING_DEADLINE, (f"文中截止日期 {_when(f)} 在{basis}之前已过：公开后公众已无法照办，"
                                                       "易成失信。请核实是否仍需公开，或更新日期后再公开。")
        elif f.kind == "deadline" and delta <= rules.deadline_close_days:
            entity, severity, why = EntityType.TIMING_DEADLINE, Severity.INFO, (
                f"文中截止日期 {_when(f)} 距{basis}仅 {delta} 天（不足 {rules.deadline_close_days} 天）：公众来不及办理。"
                "请尽早公开或调整期限。")
        elif f.kind == "effective" and delta < 0:
            entity, why = EntityType.TIMING_EFFECTIVE, (f"文件施行日期 {_when(f)} 早于{basis}：文件在公开前已经施行。"
                                                        "请核实施行日期，并尽快公开。")
        elif f.kind == "effective" and delta <= rules.effective_close_days:
            entity, severity, why = EntityType.TIMING_EFFECTIVE, Severity.INFO, (
                f"文件施行日期 {_when(f)} 距{basis}仅 {delta} 天：规章一般应自公布之日起30日后施行"
                f"（《规章制定程序条例》第三十二条），请留出公众知晓的时间。")
        elif f.kind == "expiry" and delta < 0:
            entity, why = EntityType.TIMING_EFFECTIVE, (f"文件有效期至 {_when(f)}，在{basis}之前已届满：公开已失效的文件"
                                                        "须注明失效。请核实。")
        elif f.kind == "embargo" and delta > 0:
            entity, why = EntityType.TIMING_EMBARGO, (f"文中写明 {_when(f)} 之前不得公开，而{basis}在此之前："
                                                      f"请不早于 {f.value.isoformat()} 公开。")
        elif f.kind == "embargo":
            entity, severity, why = EntityType.TIMING_EMBARGO, Severity.INFO, (
                f"文中的禁发时间 {_when(f)} 在{basis}之前已过：可以公开；该“不得公开”的表述如被标为限制内容，可驳回并说明。")
        if entity is None:
            continue
        out.append(text.finding(entity, f.start, f.end, score=0.9, recognizer=RECOGNIZER,
                                explanation=f"“{f.phrase}”：{why}", severity=severity,
                                attributes={"check": "timing", "kind": f.kind, "date": f.value.isoformat(),
                                            "exact": f.exact, "release": release.isoformat(), "days": delta}))
    return out


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """`days` working days after `start`, counting Monday to Friday (public holidays and their make-up
    working days are not known here: the text says so)."""
    day = start
    while days:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def suggestion(facts: list[TimingFact], *, release: datetime.date, signed: SignedDate | None,
               rules: JudgmentRules) -> str:
    """Text for the attribute's 公开时机 field, from every date the document sets."""
    parts = []
    if signed is not None:
        due = add_working_days(signed.value, PUBLISH_WITHIN_WORKING_DAYS)
        late = "；计划发布日期已超过该期限" if release > due else ""
        parts.append(f"成文日期 {signed.value.isoformat()}，依条例第二十六条应自形成之日起20个工作日内公开，即约 "
                     f"{due.isoformat()} 前（按周一至周五计，未计法定节假日调整）{late}")
    for f in facts:
        delta = (f.value - release).days
        if f.kind == "embargo":
            parts.append(f"文中规定 {f.value.isoformat()} 之前不得公开：" +
                         ("不得早于该日发布" if delta > 0 else "该期限已过"))
        elif f.kind == "effective":
            parts.append(f"施行日期 {f.value.isoformat()}：" + ("已过，应尽快公开" if delta < 0 else
                                                              f"应在施行前公开，宜提前 {rules.effective_close_days} 日"))
        elif f.kind == "expiry":
            parts.append(f"有效期至 {f.value.isoformat()}" + ("，已届满" if delta < 0 else ""))
        elif f.kind == "deadline":
            parts.append(f"截止日期 {f.value.isoformat()}（“{f.phrase}”）：" +
                         ("已过" if delta < 0 else f"距计划发布 {delta} 天，应尽早公开"))
    if not facts:
        parts.append("文中未发现截止日期、施行日期或禁发时间")
    return f"（按计划发布日期 {release.isoformat()}）" + "；".join(parts) + "。"

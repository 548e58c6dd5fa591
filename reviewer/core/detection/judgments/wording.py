"""Wording (公开内容表述): what a published text must not say as it stands.

- WORDING_OUTDATED_NAME: a body abolished or renamed in the 2018 reform named as if it still existed;
- WORDING_DRAFT_STATUS: the document calls itself a draft (征求意见稿…) but is recorded/printed as 主动公开;
- WORDING_PROMISE: an absolute commitment (确保100%, 绝不, 一律退还, 一定于…前完成);
- WORDING_NUMBER_YEAR: the year in the 发文字号 is not the year of the 成文日期;
- WORDING_FUTURE_DATE: the 成文日期 is after today.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from reviewer.core.detection.judgments.dates import DocNumber, SignedDate
from reviewer.core.detection.judgments.rules import JudgmentRules, RenamedBody
from reviewer.core.detection.judgments.text import Text
from reviewer.core.trie_regex import trie_pattern
from reviewer.core.types import DisclosureAttribute, EntityType, Finding, Severity, category_of

RECOGNIZER = "judgments:wording"
# 原 marks a former body (原国土资源局, 原市国土资源局) unless it starts another word (原则, 原因, 原件…)
_FORMER = re.compile(r"原(?![则因告件稿文价始本籍地有油料来])[\u4e00-\u9fff（）()]{0,14}$")
_REFORM_WORDS = ("更名", "改名", "组建", "整合", "划入", "划转", "不再保留", "撤销", "合并", "前身", "改革前", "机构改革",
                 "挂牌", "转隶")


def _body_pattern(bodies: Sequence[RenamedBody]) -> tuple[re.Pattern[str], dict[str, RenamedBody]]:
    by_name = {name: body for body in bodies for name in body.old}
    return re.compile(trie_pattern(by_name)), by_name


_PATTERNS: dict[int, tuple[re.Pattern[str], dict[str, RenamedBody]]] = {}


def outdated_names(text: Text, bodies: Sequence[RenamedBody], signed: SignedDate | None,
                   today: datetime.date) -> list[Finding]:
    key = id(bodies)
    if key not in _PATTERNS:
        _PATTERNS.clear()
        _PATTERNS[key] = _body_pattern(bodies)
    pattern, by_name = _PATTERNS[key]
    dated = signed.value if signed is not None else today
    out = []
    for m in pattern.finditer(text.text):
        body = by_name[m.group()]
        reform = body.reform
        if dated < reform.current_from:
            continue  # the document is older than the reform: the name was right then
        after = text.text[m.end():m.end() + 1]
        before = text.text[max(0, m.start() - 8):m.start()]
        if (m.group().endswith("部") and after == "门") or any(before.endswith(w) for w in body.not_after):
            continue  # 环境保护部门 (departments), 文化旅游局 (a current name)
        s, e = text.sentence(m.start(), m.end())
        if _FORMER.search(text.text[s:m.start()]) or text.in_book_title(m.start()):
            continue
        if any(w in text.text[s:e] for w in _REFORM_WORDS):
            continue  # a sentence telling the reform itself
        if any(year <= reform.current_from.year for year in text.years_near(m.start(), m.end())):
            continue  # a dated reference (2017年…, 〔2017〕12号)
        since = f"{reform.current_from.year}年{reform.current_from.month}月"
        explanation = (f"“{m.group()}”是{reform.name}前的机构名称，现为“{body.new}”（来源：{reform.source}；"
                       f"{since}起已使用新名称）。如指改革前的机构，请写作“原{m.group()}”或注明年份；如指现行机构，请改用新名称。")
        out.append(text.finding(EntityType.WORDING_OUTDATED_NAME, m.start(), m.end(), score=0.9,
                                recognizer=RECOGNIZER, explanation=explanation, severity=Severity.REVIEW,
                                attributes={"check": "wording", "current_name": body.new, "reform": reform.key}))
    return out


def draft_status(text: Text, rules: JudgmentRules, attribute: str | None, head_end: int) -> list[Finding]:
    """Draft words that name this document's status, when it is recorded or printed as 主动公开. `head_end`:
    where the document's first lines (its title) end, in normalised offsets."""
    if attribute != DisclosureAttribute.PROACTIVE:
        return []
    head = text.text[:head_end]
    for word in rules.draft_words:  # 征求意见稿 is a status; 公开征求…意见 (a consultation) is not
        head = head.replace(word, "")
    if any(w in head for w in rules.consultation):
        return []  # a consultation notice publishes the draft on purpose
    words = "|".join(map(re.escape, sorted(rules.draft_words, key=len, reverse=True)))
    prefixes = "|".join(map(re.escape, rules.draft_self_prefixes))
    out, seen = [], set()
    for m in re.finditer(rf"(?P<self>{prefixes})?(?P<w>{words})", text.text):
        start, end = m.span("w")
        if text.in_book_title(start):
            continue  # 《…条例（草案）》: another document's draft
        if m.group("self"):
            start = m.start()
        elif start >= head_end:
            continue
        if start in seen:
            continue
        seen.add(start)
        where = "文件自称" if m.group("self") else "文件标题或版头标明"
        explanation = (f"{where}“{text.text[start:end]}”，但该文件认定或印制为主动公开：公开的应是定稿。请核对是否为"
                       "最终版本；如确为草稿，不应作为正式文件主动公开（公开征求意见的除外）。")
        out.append(text.finding(EntityType.WORDING_DRAFT_STATUS, start, end, score=0.9, recognizer=RECOGNIZER,
                                explanation=explanation, severity=Severity.REVIEW,
                                attributes={"check": "wording", "attribute": str(attribute)}))
    return out


def promises(text: Text, rules: JudgmentRules) -> list[Finding]:
    out = []
    taken: list[tuple[int, int]] = []
    for promise in rules.promises:
        for m in promise.pattern.finditer(text.text):
            if text.in_book_title(m.start()) or any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            explanation = (f"“{m.group()}”是绝对化的承诺（{promise.name}）：公开后即成为机关必须兑现的承诺，不能兑现即"
                           "失信（2018年政务公开工作要点第十四项：避免发生信息发布失信）。请确认能够兑现，或改为留有余地的表述。")
            out.append(text.finding(EntityType.WORDING_PROMISE, m.start(), m.end(), score=0.8, recognizer=RECOGNIZER,
                                    explanation=explanation, severity=Severity.INFO,
                                    attributes={"check": "wording", "rule": promise.name}))
    return out


def number_year(text: Text, number: DocNumber | None, signed: SignedDate | None) -> list[Finding]:
    if number is None or signed is None or number.year == signed.value.year:
        return []
    explanation = (f"发文字号“{number.text}”的年份 {number.year} 与成文日期“{signed.text}”的年份 {signed.value.year} "
                   "不一致：发文字号中的年份按惯例为发文年份（GB/T 9704-2012 7.2.4）。请核对文号或成文日期。")
    return [_at_document(text, EntityType.WORDING_NUMBER_YEAR, number.year_start, number.year_end, 0.9, explanation,
                         Severity.REVIEW, {"check": "wording", "number_year": number.year,
                                           "signed": signed.value.isoformat()})]


def future_date(text: Text, signed: SignedDate | None, today: datetime.date) -> list[Finding]:
    if signed is None or signed.value <= today:
        return []
    explanation = (f"成文日期“{signed.text}”（{signed.value.isoformat()}）晚于今天（{today.isoformat()}）：文件尚未"
                   "签发，或日期有误。请核对成文日期，签发前不应公开。")
    return [_at_document(text, EntityType.WORDING_FUTURE_DATE, signed.start, signed.end, 0.95, explanation,
                         Severity.REVIEW, {"check": "wording", "signed": signed.value.isoformat(),
                                           "today": today.isoformat()})]


def _at_document(text: Text, entity_type: str, start: int, end: int, score: float, explanation: str,
                 severity: Severity, attributes: dict) -> Finding:
    """A finding at document offsets (the anchors in `dates` are already placed)."""
    document = text.document
    return Finding(entity_type=entity_type, start=start, end=end, text=document.text[start:end], score=score,
                   recognizer=RECOGNIZER, explanation=explanation, category=category_of(entity_type),
                   locator=document.locate(start, end), severity=severity, attributes=attributes)

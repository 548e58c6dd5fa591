"""Possible names (tier 2): plausible person names below the bar, shown to the reviewer as candidates.

A name the detector is unsure of is worse dropped than shown: the reviewer reads the table, not the whole
text. So instead of vanishing, three kinds of weak evidence become PERSON findings marked
`attributes["tier"] = "possible"` with a score (`SCORE`) below every shipped profile's PERSON threshold:
- a span the NER model marks as a name but the recognizer scores below the bar (an idiom-shaped four
  characters, 曲比拉哈 in running text), when it still looks like a name;
- a model name the precision guard drops only because it is an ordinary word inside a sentence (授予黄河等),
  when it starts with a surname;
- a surname-and-given-name shape right after a weak context word of roles.yaml (家庭医生乔　娜, 公证员向前进,
  儿子图门) that neither the model nor the role rule took.
What the guards exist for stays dropped, never a candidate: 大写 amounts, document numbers, the function words
of official prose (应当, 通过, 安排, 申请), places, organisations, de-identified names (张某).

A candidate is never acted on by itself: the plan treats it as below the threshold until a reviewer accepts
it (deidentify/plan.py), bulk decisions by type or page leave it out (service/rows.py), and the export and the
review log count the ones left undecided.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Sequence

from reviewer.core.detection.guards import guard, prose_word
from reviewer.core.detection.ner.rules import (
    NOT_NAMES,
    PROVINCES,
    common_words,
    is_deidentified,
    looks_like_organization,
    name_shaped,
    starts_with_surname,
)
from reviewer.core.documents.model import Document
from reviewer.core.types import POSSIBLE, TIER, Category, EntityType, Finding, is_possible

SCORE = 0.3  # below every profile's PERSON threshold (resources/profiles: 0.35), so no rule acts on it
FLOOR = 0.4  # the lowest recognizer score a model name keeps as a candidate (an idiom-shaped span scores 0.4)
RECOGNIZER = "PossibleNameRule"
LABEL = "可能的姓名（低分候选，需人工确认）"
LABEL_EN = "possible name (low-score candidate, to be confirmed by a reviewer)"
__all__ = ["FLOOR", "POSSIBLE", "SCORE", "TIER", "candidates", "is_possible", "plausible", "possible"]
# the RecognizerResult metadata key a recognizer result below the bar carries through the chunk pipeline
METADATA_KEY = "tier"


def possible(finding: Finding, why: str) -> Finding:
    """`finding` as a tier-2 candidate: the marker, the low score, the reason first in its explanation."""
    explanation = f"{LABEL} / {LABEL_EN}；依据：{why}；原分数 {finding.score:.2f}，降为 {SCORE:.2f}。"
    if finding.explanation:
        explanation += f" 〔原说明：{finding.explanation}〕"
    return dataclasses.replace(finding, score=min(finding.score, SCORE), explanation=explanation,
                               attributes={**finding.attributes, TIER: POSSIBLE})


_HAN = re.compile("[\u4e00-\u9fff]")
_FUNCTION = frozenset("的了着是在于和与及或等对将把被已未不从向到为也都就而但且其之患")


def plausible(name: str) -> bool:
    """A name's shape, and none of the things the guards exist for (a place, an organisation, a function
    word, an amount's numerals, an already de-identified 张某)."""
    compact = re.sub(r"[\s\u3000]", "", name)
    if not 2 <= len(compact) <= 4 or not name_shaped(compact):
        return False
    if _prose(compact) or compact in NOT_NAMES or compact in PROVINCES or is_deidentified(compact) \
            or looks_like_organization(compact):
        return False
    if any(c in _FUNCTION for c in compact) or any(_prose(compact[i:i + 2]) for i in range(len(compact) - 1)):
        return False  # 应当自, 通过了: a function word of official prose, with its neighbour
    words = common_words()
    if len(compact) == 3 and compact[:2] in words and compact not in words:
        return False  # 幸福|感: an ordinary word with the next character
    if len(compact) == 4 and (compact[:2] in words or compact[2:] in words):
        return False  # 惠民利民, 企业减负: a slogan of two ordinary words
    return starts_with_surname(compact) or compact not in words


def _prose(word: str) -> bool:
    """A function word of official prose (应当, 通过, 安排, 申请), by the guard's own list: the word standing alone."""
    return prose_word(word, 0, len(word))


_SURE = 0.99  # a proposal put to the guard at this score meets only its hard cases (not the ordinary-word one)


def candidates(document: Document, before_guard: Sequence[Finding], after_guard: Sequence[Finding]) -> list[Finding]:
    """The guard's output with its tier-2 candidates settled: the NER candidates it kept stay, the model names it
    dropped only as ordinary words come back as candidates, and the context-word shapes are added. What the
    guard drops for a number, an amount or a place even at a sure score (`_SURE`) never comes back."""
    kept = {id(f) for f in after_guard}
    proposals: list[Finding] = []
    for f in before_guard:
        if id(f) not in kept and f.entity_type == EntityType.PERSON and plausible(f.text) \
                and starts_with_surname(f.text):
            why = "模型识别为人名，但它也是常用词且位于句中（精确度规则不予采用） / the model found a name that is " \
                  "also an ordinary word inside a sentence (the precision rule does not take it)"
            proposals.append(f if is_possible(f) else possible(f, why))
    taken = sorted((f.start, f.end) for f in after_guard)
    for start, end, word in context_shapes(document.text, taken):
        why = f"紧接在“{word}”之后，具有姓名的形式 / right after the word '{word}', in the shape of a name"
        f = Finding(entity_type=EntityType.PERSON, start=start, end=end, text=document.text[start:end], score=SCORE,
                    recognizer=RECOGNIZER, explanation="", category=Category.PERSONAL,
                    locator=document.locate(start, end))
        proposals.append(possible(f, why))
    if not proposals:
        return list(after_guard)
    # the guard's hard cases, decided with the document's other names (a place is a name written as one elsewhere)
    persons = [f for f in before_guard if f.entity_type == EntityType.PERSON and id(f) not in kept]
    trial = [dataclasses.replace(p, score=_SURE) for p in proposals]
    passed = {(f.start, f.end) for f in guard(document, [*after_guard, *persons, *trial])}
    out = list(after_guard)
    for p in sorted(proposals, key=lambda p: p.start):
        if (p.start, p.end) in passed and not _overlaps(taken, p.start, p.end):
            out.append(p)
            bisect.insort(taken, (p.start, p.end))
    return out


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (end, -1))
    return any(s < end and start < e for s, e in spans[max(0, i - 8):i])


@functools.lru_cache(maxsize=1)
def _context_words() -> tuple[re.Pattern[str], frozenset[str]]:
    """The roles catalogue's words said before a name (儿子, 公证员, 家庭医生, 授予…), as one alternation; and
    the family words (a minority name after them need not start with a Han surname: 儿子图门)."""
    from reviewer.core.detection.roles import load_roles

    catalog = load_roles()
    words = {w for r in catalog.roles.values() for w in r.before if len(w) >= 2}
    family = frozenset(w for code, r in catalog.roles.items() if code == "family" for w in r.before)
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(f"(?:{alternation})(?=[\u4e00-\u9fff])"), family


_BOUNDARY = frozenset(" \u3000\t\r\n，,。；;、：:（(）)“”\"'！？!?")
_AFTER_NAME = frozenset("等已于在的向到与和及将为因系现住称患就曾")
_SPACED = re.compile("([\u4e00-\u9fff])[ \u3000]{1,2}([\u4e00-\u9fff])")


def _name_end(text: str, start: int) -> int | None:
    """Where a name starting at `start` ends: two or three Han characters followed by a boundary, a word
    that follows names (等, 已, 于…) or an ordinary two-character word (图门|智力残疾); a spaced two-character
    name (乔　娜) counts its space."""
    spaced = _SPACED.match(text, start)
    if spaced is not None:
        end = spaced.end()
        if end >= len(text) or text[end] in _BOUNDARY or text[end] in _AFTER_NAME:
            return end
        return None
    words = common_words()
    for length in (2, 3):
        end = start + length
        if end > len(text) or not all(_HAN.match(c) for c in text[start:end]):
            return None
        nxt = text[end] if end < len(text) else ""
        if not nxt or nxt in _BOUNDARY or (nxt in _AFTER_NAME and length == 2):
            return end
        if length == 3 and nxt in _AFTER_NAME:
            return end
    for length in (2, 3):
        end = start + length
        if text[end:end + 2] in words and text[start + 1:start + 3] not in words:
            return end
    return None


# a roster line: a name, a space, then a unit and a post (黄河　鼓楼区东街街道综治办主任, 卓　越　…综治中心主任)
_ROSTER_LINE = re.compile("(?m)^[ \u3000]*([\u4e00-\u9fff](?:[ \u3000]{1,2}[\u4e00-\u9fff]|[\u4e00-\u9fff]{1,2}))"
                          "[ \u3000\t]+[^\n：:]{2,40}?(?:主任|书记|队员|局长|科长|站长|所长|队长|干部|民警|辅警|教师|医生|"
                          "护士|科员|干事|网格员|组长|委员|社长|院长|校长|经理|职工|员工)[ \t\u3000]*$")
_LABEL_WORDS = frozenset({"单位", "金额", "附件", "日期", "地址", "备注", "姓名", "性别", "民族", "职务", "电话", "主送",
                          "抄送", "签发", "事由", "时间", "地点", "说明", "年龄", "序号", "合计", "总计"})


def context_shapes(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """(start, end, context word) of name shapes right after a weak context word, or at the head of a roster
    line that names a post, where no finding is."""
    pattern, family = _context_words()
    spans = sorted(taken)
    out: list[tuple[int, int, str]] = []
    for m in _ROSTER_LINE.finditer(text):
        start, end = m.span(1)
        compact = re.sub(r"[\s\u3000]", "", m.group(1))
        if compact in _LABEL_WORDS or not plausible(m.group(1)) or not starts_with_surname(compact) \
                or _overlaps(spans, start, end):
            continue
        out.append((start, end, "名单行（姓名、单位、职务）"))
    for m in pattern.finditer(text):
        start = m.end()
        end = _name_end(text, start)
        if end is None:
            continue
        name = text[start:end]
        compact = re.sub(r"[\s\u3000]", "", name)
        if not plausible(name):
            continue
        if not starts_with_surname(compact) and m.group() not in family:
            continue
        if compact in common_words() or text[end - 1:end + 1] in common_words():
            continue  # 授予荣誉称号, 工作人员管理: an ordinary word; 应自收|到: its last character starts a word
        if _overlaps(spans, start, end):
            continue
        out.append((start, end, m.group()))
    return sorted(out)

"""Health information in roster cells: disease, injury and disability names (resources/ner/health_terms.txt).

A roster row is one person (a 医疗救助 or 特困 公示 with a name column), so a disease named in any of its cells
(备注: 本人患尿毒症; 救助事由: 突发急性心肌梗死; 交通事故致左下肢截肢) is that person's health information,
sensitive under PIPL Art 28, even where the column is not headed 病种 (a headed column is the column pass's).
Outside rosters the same words are policy language (加强慢性病管理) and are left to the pattern recognizer,
which wants a clause that points at a person (患有, 确诊, 本人…).
A wrapped PDF cell breaks a name over lines (类风湿性关⏎节炎): terms are matched with whitespace removed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from reviewer.core.detection.columns import column_kind
from reviewer.core.detection.health_terms import terms
from reviewer.core.documents.model import Block, BlockKind, Document
from reviewer.core.types import Category, Finding

RECOGNIZER = "RosterHealthTerms"
SCORE = 0.7
_ROSTER_KINDS = frozenset({"name", "id_card"})  # a table about persons has one of these columns
# modifiers and sites kept with the term: 急性心肌梗死, 左下肢截肢, 肢体残疾一级, 右胫腓骨开放性骨折
_BEFORE = (r"(?:急性|慢性|晚期|早期|重度|轻度|[左右双]?(?:[上下]肢|[\u4e00-\u9fff]{0,6}?(?:骨|椎|颈|部))"
           r"(?:开放性|闭合性|粉碎性)?)?")
_DISABILITY = r"(?:[一二三四1-4]级)?(?:视力|听力|言语|肢体|智力|精神|多重)残疾(?:[一二三四1-4]级)?"  # 一级肢体残疾 too


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(t) for t in terms())
    return re.compile(f"{_DISABILITY}|{_BEFORE}(?:{words})(?:后遗症|晚期|术后)?")


_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def health_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) in `text` of every health term, matched with whitespace removed and mapped back."""
    kept = [i for i, c in enumerate(text) if not c.isspace()]
    flat = "".join(text[i] for i in kept).translate(_FULL_WIDTH)  # ＨＩＶ is HIV, one character for one
    return [(kept[m.start()], kept[m.end() - 1] + 1) for m in _pattern().finditer(flat) if m.end() > m.start()]


def roster_health(document: Document, cells: Sequence[Block] = ()) -> list[Finding]:
    """Health terms in the data cells of tables that have a name or ID column (docx/xlsx cells of the document
    and `cells`, a PDF's ruled cells), except cells of a column headed as sensitive (the column pass's)."""
    blocks = [b for b in document.blocks if b.kind is BlockKind.TABLE_CELL and "header" in b.attrs] + list(cells)
    kinds: dict[tuple[str, str], set[str]] = {}
    for b in blocks:
        kind = column_kind(b.attrs.get("header", ""))
        if kind is not None:
            kinds.setdefault((b.part, b.attrs.get("table", "")), set()).add(kind.key)
    out: list[Finding] = []
    attributes = {"roster": "1"}  # a plain dict: findings are pickled to and from the engine process
    for b in blocks:
        table = kinds.get((b.part, b.attrs.get("table", "")), set())
        kind = column_kind(b.attrs.get("header", ""))
        if not table & _ROSTER_KINDS or (kind is not None and kind.key in ("sensitive", "name", "id_card")):
            continue
        for s, e in health_spans(b.text):
            start, end = b.start + s, b.start + e
            text = document.text[start:end]
            why = (f"敏感个人信息（健康）：花名册单元格（列“{b.attrs.get('header', '')}”）中的疾病、伤残名称"
                   f"“{''.join(text.split())}”，每行对应一人；分数 {SCORE:.2f}。")
            out.append(Finding(entity_type="SENSITIVE_PERSONAL", start=start, end=end, text=text, score=SCORE,
                               recognizer=RECOGNIZER, explanation=why, category=Category.PERSONAL,
                               locator=document.locate(start, end), attributes=attributes))
    return out


BRACKET_RECOGNIZER = "NameBracketHealth"
# 刘建国（肺癌晚期）, 王芳(HIV阳性), 赵强（胃恶性肿瘤）: a bracket right after a name holding only a diagnosis (an organ
# of up to two characters before it) and its stage or code
_BRACKET = re.compile(r"[ \t\u3000]*[（(]([^（()）\n，,。；;]{2,24})[）)]")
_BRACKET_REST = re.compile(r"[，,、]?(?:晚期|早期|术后|后遗症|阳性|[0-9A-Z.]{2,8})?")


def bracketed_health(document: Document, findings: Sequence[Finding]) -> list[Finding]:
    """A diagnosis written in brackets right after a found name (刘建国（肺癌晚期）, 吴兰（尿毒症）) is that
    person's health information: the bracket says nothing but the disease, so no clause word is needed."""
    text = document.text
    out: list[Finding] = []
    for f in findings:
        if f.entity_type != "PERSON" or f.attributes.get("tier") == "possible":
            continue
        m = _BRACKET.match(text, f.end)
        if m is None:
            continue
        inner = m.group(1)
        spans = health_spans(inner)
        if not spans or spans[0][0] > 2 or not _BRACKET_REST.fullmatch(inner, spans[-1][1]):
            continue
        start, end = m.start(1), m.end(1)
        value = text[start:end]
        why = f"敏感个人信息（健康）：姓名“{f.text}”后括号内的疾病名称“{value}”；分数 {SCORE:.2f}。"
        out.append(Finding(entity_type="SENSITIVE_PERSONAL", start=start, end=end, text=value, score=SCORE,
                           recognizer=BRACKET_RECOGNIZER, explanation=why, category=Category.PERSONAL,
                           locator=document.locate(start, end), attributes={}))
    return out


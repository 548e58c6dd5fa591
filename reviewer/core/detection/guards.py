"""Precision guards: findings that would damage the text if accepted, removed before anyone sees them.

A false name or address is not harmless noise: once accepted, the value-based plan replaces every occurrence
(伍万元 → 伍某, 〔2024〕第058号 → 〔2024〕第████), so the published copy loses an amount or a document number.
Each guard below is a shape that is never personal information in a government document:
- 文号, case, permit and order numbers ending in 号 (〔2024〕第058号, （2024）赣0102执812号, 人社部令第45号,
  建字第330212202400318号, 〔⏎2024〕第031号 wrapped in a PDF cell) are no address and hold no name;
- an "address" with no place word at all (702室, 195号 of a licence plate, 二楼, 7-8 inside a landline) is a
  fragment, not a location that finds a dwelling (a lone unit with one number; 4栋2单元1203室 stays);
- an address that runs into a phone number or a document number ends where they begin (…603室0592-5163827,
  …湖滨南路334号思政信告〔2024〕第093号); a fragment that overlaps a phone number loses to the phone;
- a bank card, phone or similar number inside a document number (遵公交认字〔2024〕第5203021120240817号) is
  the number's serial;
- a "name" made of 大写 numerals (伍万元, 叁佰, 佰元) is an amount; an ordinary verb in running
  text (应当, 陈述) is no name; a "name" that the same document writes as a place (张家界 /
  张家界市, 宁夏吴忠) or that sits inside a place name (宝格都乌拉嘎查, 别力古台镇) is a place.
Column findings (detection/columns.py) are never removed here: their column header already decided.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Sequence

from reviewer.core.detection.ner.rules import (
    PROVINCES,
    common_words,
    is_plot_address,
    last_address_piece,
    leading_function_word,
    restart_at_new_head,
)
from reviewer.core.detection.ner.surnames import COMPOUND_SURNAMES, SINGLE_SURNAMES
from reviewer.core.documents.model import Document
from reviewer.core.types import Finding

_HAN = "\u4e00-\u9fff"
_OPEN = "〔\\[［【(（"
_CLOSE = "〕\\]］】)）"
# 〔2024〕第058号 / 〔⏎2024〕第031号 (a PDF cell wraps inside the bracket) / （2024）赣0102执812号
_BRACKETED = re.compile(rf"[{_OPEN}]\s*[0-9]{{4}}\s*[{_CLOSE}]\s*"
                        rf"(?:[{_HAN}]{{0,4}}[0-9]{{0,6}}[{_HAN}]{{0,3}})?\s*第?\s*[0-9]{{1,8}}\s*号")
_ISSUER = re.compile(rf"[{_HAN}]{{1,12}}\s{{0,4}}\Z")
# 人社部令第45号, 建字第330212202400318号, 沙房权证字第…号, 许可证号第3302122024003…号
_ORDERED = re.compile(rf"[{_HAN}]{{1,10}}(?:令|字|号|证)\s*第\s*[0-9A-Za-z]{{1,24}}\s*号")
_LONG_NUMBERED = re.compile(r"第\s*[0-9]{6,24}\s*号")


_UNIT_AFTER_NUMBER = re.compile(r"(?<=[0-9０-９])[号室栋幢楼层组弄]")


def issuer_start(text: str, start: int) -> int | None:
    """Where the issuer's characters before a bracketed year at `start` begin (None without any). An address
    unit right after a number is not part of them: in …湖滨南路334号思政信告〔2024〕… the issuer is 思政信告."""
    issuer = _ISSUER.search(text, max(0, start - 16), start)
    if issuer is None:
        return None
    s = issuer.start()
    if _UNIT_AFTER_NUMBER.match(text, s):
        s += 1
    return s if s < start else None


def number_spans(text: str) -> list[tuple[int, int]]:
    """Spans of document, case, permit and order numbers in `text` (issuer included where there is one)."""
    spans = []
    for m in _BRACKETED.finditer(text):
        issuer = issuer_start(text, m.start())
        spans.append((issuer if issuer is not None else m.start(), m.end()))
    spans += [(m.start(), m.end()) for m in _ORDERED.finditer(text)]
    spans += [(m.start(), m.end()) for m in _LONG_NUMBERED.finditer(text)]
    return sorted(spans)


_UNIT_PIECE = re.compile(r"[0-9０-９一二三四五六七八九十百零〇A-Za-z]+"
                         r"(?:号楼|号院|号|栋|幢|单元|室|楼|层|组|弄|座|户)")
_NOT_PLACE = re.compile(r"[0-9０-９A-Za-z\-－·•\s一二三四五六七八九十百零〇第号楼院栋幢单元室层组弄座户附]")


def fragment_address(text: str) -> bool:
    """An address without any place word and with at most one numbered unit (702室, 195号, 二楼, 7-8)."""
    if _NOT_PLACE.sub("", text):
        return False
    return len(_UNIT_PIECE.findall(text)) < 2


_CAPITALS = frozenset("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元整角分圆")
_AMOUNT_NEAR = frozenset("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元整角分圆")


def amount_name(text: str, start: int, end: int) -> bool:
    """A PERSON span of 大写 numerals that is part of an amount (叁仟陆佰元, 伍万元整; not 伍万林)."""
    value = text[start:end]
    if not value or any(c not in _CAPITALS for c in value):
        return False
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return len(value) >= 3 or before in _AMOUNT_NEAR or after in _AMOUNT_NEAR or \
        text[max(0, start - 3):start].endswith(("人民币", "大写", "：", ":"))


# Verbs and function words of official prose the model takes for two-character names in running text.
_PROSE_WORDS = frozenset({"应当", "通过", "安排", "申请", "陈述", "迟报", "瞒报", "谎报", "漏报", "责令",
                          "经查", "依法", "按照", "根据", "要求", "同意", "批准", "负责", "承担", "开展",
                          "加强"})
_HAN_CHAR = re.compile(f"[{_HAN}]")


def prose_word(text: str, start: int, end: int) -> bool:
    """A model "name" that is an ordinary word glued to the running text (当事人应当自…, 重点引进托育、…)."""
    value = text[start:end]
    if value in _PROSE_WORDS:
        return True
    after = text[end] if end < len(text) else ""
    if len(value) == 2 and value[1] in "于在将已" and after.isdigit():
        return True  # 信访人曾于2024年…: an adverb and a preposition before a date
    if len(value) != 2 or value not in common_words():
        return False
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    # a byline or roster cell stands alone (编辑：高山, ⏎田野⏎): only a word inside a sentence is dropped
    return bool(_HAN_CHAR.match(before)) and bool(_HAN_CHAR.match(after) or after.isdigit())


_PLACE_TAIL = ("嘎查", "苏木", "社区", "村", "镇", "乡", "旗", "街道", "县", "市", "州", "盟", "组")
_PLACE_UNIT = re.compile(f"[{_HAN}]{{1,4}}?(?:嘎查|苏木|街道|镇|乡)(?![长委党干医卫政民])")
_FUNCTION = frozenset("住在于到的从向是为与和及等对将把被已未不赴去往来回经过自由")
_HAN_RUN = re.compile(f"[{_HAN}]+")
_PLACE_AFTER = re.compile("(?:市|县|区|州|盟|旗|地区|自治州|自治县)")


_PLACE_WORDS = frozenset({"嘎查", "苏木", "社区", "街道", "小区", "新村"})


_BOUND_BEFORE = re.compile(r"(?:[东南西北](?:侧|面)?至|沿)[ \t\u3000\n]*$")
_ROAD_AFTER = re.compile(f"[ \t\u3000\n]*[{_HAN}]{{0,3}}?(?:大道|路|街|巷|河)")


_TRADE_SUFFIX = re.compile("(?:店|馆|餐厅|酒家|酒楼|超市|商行|经营部|门市部|公司|厂|合作社|委员会|中心|工作室|诊所|药房)")
_WRAPPED_RUN = re.compile(f"(?:[{_HAN}]|[ \t\u3000]*\n[ \t\u3000]*(?=[{_HAN}]))+")


def trade_name(text: str, start: int, end: int) -> bool:
    """The span is the trade name inside an organisation written as place + name + business (开封市鼓楼区阿依古丽
    新疆风⏎味餐厅, 泊尔江海子镇巴音敖包嘎查村⏎民委员会): right after a county or township and followed, in
    the same run of characters (a wrapped cell's line breaks included), by a business or committee word."""
    i = start  # back over the trade name's first character or two (and a wrap) to the place unit before it
    for _ in range(3):
        while i > 0 and text[i - 1] in " \t\u3000\n":
            i -= 1
        if i == 0 or not _HAN_CHAR.match(text[i - 1]):
            return False
        if text[i - 1] in "区县市镇乡旗":
            break
        i -= 1
    else:
        return False
    m = _WRAPPED_RUN.match(text, end)
    if m is None:
        return False
    rest = "".join(m.group().split())[:10]
    return _TRADE_SUFFIX.search(rest) is not None


_AGENCY_IN_RUN = re.compile("(?:局|委|院|厅|中心|政府|学校|公司)$")


def sub_unit(text: str, start: int, end: int) -> bool:
    """A section of the agency written right before it (蜀山区教育体育局体卫艺科, …局财务科): a span ending in 科, 股
    or 室 that continues a run of characters holding an agency word within a few characters before it."""
    if end - start < 2 or text[end - 1:end] not in ("科", "股", "室"):
        return False
    i, lo = start, max(0, start - 4)
    while i > lo and _HAN_CHAR.match(text[i - 1]):
        if _AGENCY_IN_RUN.search(text, 0, i):
            return True
        i -= 1
    return False


def water_name(text: str, start: int, end: int) -> bool:
    """A river or lake the model took for a name (渭河、永川河、东柯河): two characters ending in 河, 江 or 湖 whose
    first is no surname. Names of people without a surname (巴特, 泽旺) do not end so."""
    value = text[start:end]
    return len(value) == 2 and value[1] in "河江湖" and value[0] not in SINGLE_SURNAMES


def road_name(text: str, start: int, end: int) -> bool:
    """The span opens the road a plot is bounded by (东至⏎茹家甸路: 茹家 is no person)."""
    return bool(_BOUND_BEFORE.search(text, max(0, start - 4), start) and _ROAD_AFTER.match(text, end))


def inside_place(text: str, start: int, end: int, places: frozenset[str]) -> bool:
    """The span is a place: written elsewhere in the document as one (张家界市), after a province
    (宁夏吴忠), or cut out of a longer place name (宝格都乌拉嘎查, 别力古台镇)."""
    value = text[start:end]
    if value in places or value in _PLACE_WORDS:
        return True
    if text[end - 1:end + 1] in _PLACE_WORDS or (start > 0 and text[start - 1:start + 1] in _PLACE_WORDS):
        return True  # 乌拉嘎|查, 嘎|查一: the span cuts a place unit in two
    head = text[max(0, start - 3):start]
    if any(head.endswith(p) for p in PROVINCES):
        return True
    left = start
    while left > 0 and _HAN_CHAR.match(text[left - 1]):
        left -= 1
    m = _HAN_RUN.match(text, left)
    run_end = m.end() if m else end
    # the span does not reach the end of a Han run that ends in a place unit: 乌拉嘎 | 查, 别力 | 古台镇
    unit = _PLACE_UNIT.match(text, end) or _wrapped_place_unit(text, end)
    if unit is not None and start - left <= 4 and not any(c in _FUNCTION for c in unit.group()):
        return True  # 别力 | 古台镇人民政府
    rest = text[end:run_end]
    return (0 < len(rest) <= 5 and start - left <= 4 and text[left:run_end].endswith(_PLACE_TAIL)
            and not any(c in _FUNCTION for c in rest))


_WRAP = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*")


def _wrapped_place_unit(text: str, end: int) -> re.Match[str] | None:
    """The place unit after `end` when a wrapped PDF line breaks it (甘珠尔苏⏎木, 巴彦乌拉嘎⏎查): matched on the
    next few characters with the line break taken out."""
    window = text[end:end + 12]
    if "\n" not in window:
        return None
    flat = _WRAP.sub("", window)
    return _PLACE_UNIT.match(flat) or _WRAPPED_UNIT_START.match(flat)


_WRAPPED_UNIT_START = re.compile("(?:嘎查|苏木|街道)")


# 第十四条第（一）项之规定, 第三款之规定: a clause of a law cited by number, not a person 项之 / 款之
_CITED_CLAUSE = re.compile(r"第[ \t\u3000]*[（(]?[0-9０-９一二三四五六七八九十百]+[）)]?[ \t\u3000]*\Z")


def cited_clause(text: str, start: int, end: int) -> bool:
    """The span opens with the unit of a cited clause (项, 款, 条, 目, 章, 节) right after its number."""
    return text[start] in "项款条目章节" and _CITED_CLAUSE.search(text, max(0, start - 10), start) is not None


# 直波、莫斯都等4个村: a list of villages, townships or communities closed by its count
_PLACE_LIST_END = re.compile(f"[{_HAN}]{{0,3}}(?:[、，,][{_HAN}]{{2,8}}){{0,8}}等[ \t\u3000]*"
                             "[0-9一二三四五六七八九十]+[ \t\u3000]*个(?:行政|自然)?"
                             "(?:村|社区|乡镇|乡|镇|嘎查|苏木|街道|片区)(?!民|干部|委|医|级)")


def listed_place(text: str, start: int, end: int) -> bool:
    """The span is or cuts an item of a list of places that ends in their count (直波、莫斯|都等4个村, 东湾、莫家都等
    5个村): after a list comma, the rest of the item and the list close with 等N个村 (社区, 乡镇, 嘎查…); not
    等3个村民 / 村干部, which count people."""
    before = text[start - 1] if start > 0 else ""
    return before in "、，,：:" and _PLACE_LIST_END.match(text, end) is not None


# nouns of a sector or activity that a policy coinage modifies (托育费用, 冷链物流, 助餐服务): a name is not followed
# by them. Not 中心, 园, 机构, 项目: places and bodies are named after persons too (盖蒂中心, 舒畅园)
_COINED_HEAD = re.compile("(?:服务|物流|配送|费用|产业|设施|体系|平台|模式|改造|行业|网络)")
_COINED_PLACE = re.compile("[园所站点]")  # 普惠托育园, 助餐点
_COINED_WINDOW = 3000  # the document around the span, not all of a long file


def _coined(text: str, word: str, start: int, skip: int) -> bool:
    """`word` is followed by a sector noun somewhere near `start` (not at `skip`)."""
    lo, hi = max(0, start - _COINED_WINDOW), start + _COINED_WINDOW
    i = text.find(word, lo, hi)
    while i >= 0:
        if i != skip and _COINED_HEAD.match(text, i + len(word)):
            return True
        i = text.find(word, i + 1, hi)
    return False


def coined_word(text: str, start: int, end: int) -> bool:
    """A two-character "name" that the document also writes as the modifier of a sector noun (托育费用, 冷链物流):
    a new compound word, not a person (no dictionary lists it yet). Only where it stands inside the running text
    (glued to a character on one side); a byline or roster cell keeps its names. With a place character it is
    the coinage's premises (普惠托育园) when the coinage is used so elsewhere."""
    value = text[start:end]
    if not all(_HAN_CHAR.match(c) for c in value):
        return False
    if len(value) == 3 and _COINED_PLACE.match(value, 2):
        return _coined(text, value[:2], start, start)
    if len(value) != 2:
        return False
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if not (_HAN_CHAR.match(before) or _HAN_CHAR.match(after)):
        return False
    return _coined(text, value, start, -1)


def _places(text: str, names: Iterable[str]) -> frozenset[str]:
    """Names the document itself writes as a place: followed by 市/县/区/州 somewhere (张家界市文化旅游…).
    One pass over the place units (a find per name would scan the text once per distinct name)."""
    wanted = set(names)
    if not wanted:
        return frozenset()
    lengths = sorted({len(n) for n in wanted})
    found = set()
    for m in _PLACE_AFTER.finditer(text):
        i = m.start()
        for k in lengths:
            if k <= i and text[i - k:i] in wanted:
                found.add(text[i - k:i])
    return frozenset(found)


_LEADING = "为在于住是即系至到"
_CLAUSE_END = re.compile(r"[的，。；、,;：:（(\s]")


# role words that end in 人 and stand right before a name (被告人陈建波, 承租人沈国梁, 产权人徐慧芳): the model
# sometimes takes the role word, or its 人, into the name, and the copy would then lose it (被告陈某)
_PERSON_ROLE = re.compile(
    r"(?:被告|原告|被上诉|上诉|被申请|申请|被执行|执行|承租|出租|产权|代理|委托|当事|继承|监护|担保|负责|联系|经办|"
    r"收件|第三|举报|投诉|信访|受害|被害|嫌疑|驾驶|乘车|所有|证|法定代表|被继承|共有|委托代理|共同居住|同住)?人"
)


def role_head_end(text: str, start: int, end: int) -> int:
    """Where the name starts when the span opens with a role word ending in 人 (or just its 人) that the text
    continues: the rest must be a name of two to four characters with a surname; else `start`."""
    m = _PERSON_ROLE.match(text, start, end)
    if m is None or (m.end() - start == 1 and not (start and "\u4e00" <= text[start - 1] <= "\u9fff")):
        return start
    rest = text[m.end():end]
    if not 2 <= len(rest) <= 4 or not (rest[0] in SINGLE_SURNAMES or rest[:2] in COMPOUND_SURNAMES):
        return start
    return m.end()


def address_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """An address cut to its clause: no leading 为/在/于, and nothing after its last number piece unless what
    follows still names the place before a 的 (…玄武巷1号玄武湖公园环洲码头的售票点 keeps the 码头)."""
    while end - start > 4 and leading_function_word(text, start, _LEADING):
        start += 1
    start = restart_at_new_head(text, start, end)
    if is_plot_address(text[start:end]):
        return start, end  # a plot ends at its last bound (…海晏北路以东E3-12地块), not at a number inside it
    last = last_address_piece(text, start, end)
    if last is None or last >= end:
        return start, end
    stop = _CLAUSE_END.search(text, last, end)
    if stop is not None and text[stop.start()] == "的" and stop.start() - last <= 12:
        return start, stop.start()
    return start, last


_PHONES = ("CN_LANDLINE_PHONE", "CN_MOBILE_PHONE")
# identifiers without a check on their issuer that a long serial of a document number can look like
_NUMBERS_INSIDE = frozenset({"CN_BANK_CARD", "CN_MOBILE_PHONE", "CN_LANDLINE_PHONE", "CN_QQ", "CN_WECHAT",
                             "CN_PASSPORT"})
PROTECTED = frozenset({"ColumnSemantics"})


def guard(document: Document, findings: Sequence[Finding]) -> list[Finding]:
    """`findings` without the shapes above (see the module docstring), addresses cut to their clause."""
    text = document.text
    numbers = number_spans(text)
    starts = [s for s, _ in numbers]
    phones = sorted((f.start, f.end) for f in findings if f.entity_type in _PHONES)
    persons = {f.text for f in findings if f.entity_type == "PERSON" and f.recognizer not in PROTECTED}
    places = _places(text, persons)

    def in_number(s: int, e: int) -> bool:
        i = bisect.bisect_left(starts, e)
        return any(ns < e and s < ne for ns, ne in numbers[max(0, i - 3):i])

    out = []
    for f in findings:
        if f.recognizer in PROTECTED:
            out.append(f)
            continue
        t = f.entity_type
        if t == "CN_ADDRESS":
            # a number or phone glued after the address (…603室0592-5163827, …334号思政信告〔2024〕第093号)
            # ends it; one that starts where the address does is all there is
            cut = min([ns for ns, ne in numbers if ns < f.end and f.start < ne]
                      + [ps for ps, pe in phones if ps < f.end and f.start < pe], default=f.end)
            if cut <= f.start or fragment_address(text[f.start:cut]):
                continue
            if cut < f.end:
                end = f.start + len(text[f.start:cut].rstrip())
                f = dataclasses.replace(f, end=end, text=text[f.start:end], locator=document.locate(f.start, end))
            start, end = address_bounds(text, f.start, f.end)
            if (start, end) != (f.start, f.end):
                f = dataclasses.replace(f, start=start, end=end, text=text[start:end],
                                        locator=document.locate(start, end))
        elif t in _NUMBERS_INSIDE:
            if any(ns <= f.start and f.end <= ne for ns, ne in numbers):
                continue  # 遵公交认字〔2024〕第5203021120240817号: a serial that happens to pass Luhn
        elif t == "PERSON":
            if in_number(f.start, f.end) or amount_name(text, f.start, f.end) or \
                    inside_place(text, f.start, f.end, places) or road_name(text, f.start, f.end) or \
                    trade_name(text, f.start, f.end) or water_name(text, f.start, f.end) or \
                    sub_unit(text, f.start, f.end) or cited_clause(text, f.start, f.end) or \
                    listed_place(text, f.start, f.end) or \
                    (f.score < 0.95 and coined_word(text, f.start, f.end)) or \
                    (f.score < 0.95 and prose_word(text, f.start, f.end)):
                continue
            name_start = role_head_end(text, f.start, f.end)
            if name_start != f.start:
                f = dataclasses.replace(f, start=name_start, text=text[name_start:f.end],
                                        locator=document.locate(name_start, f.end))
        out.append(f)
    return out

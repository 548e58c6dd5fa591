"""Who each person is in the document (当事人, 委托代理人, 执法人员…) and whose each contact detail is (a person's
or the institution's): `attributes["role"]` / `attributes["owner"]` on the findings, with the reason in the
explanation.

Profiles decide by these (resources/profiles/): a punitive notice publishes the punished party and masks third
parties; institutional contacts (监督电话, an agency's 来信地址) stay in every kind (DOMAIN.md §5a). The words are in
`resources/roles.yaml`. A role comes from, in order: a word right after the name (周秀兰作为见证人), a word right
before it on its line (当事人：王建国; a list shares its first name's word: 出席：罗振宇、刘晓岚), the salutation of a
reply (邓雨桐：), a label cell or a wrapped label on the line above (诉求人 / 梁嘉欣), the header of its table column
(值班人员; a PDF's ruled cell keeps its header where wrapped rows no longer line up), the author property
(拟稿人, unless the body names the same person otherwise), the same name elsewhere in the document, and last a name standing in a roster row of a kind that lists its subjects (a 任前公示's 公示对象).
A name with none of these is `unknown`: its profile's rule for PERSON applies.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.detection.ner.rules import is_plot_address
from reviewer.core.detection.pdf_cells import pdf_cells
from reviewer.core.detection.tables import column_groups
from reviewer.core.documents.kinds import DOC_NUMBER, ROLES, Kind, recognize_document
from reviewer.core.documents.model import BlockKind, Document
from reviewer.core.documents.pdf.tables import CELLS
from reviewer.core.errors import ConfigurationError
from reviewer.core.resources import resource
from reviewer.core.types import EntityType, Finding
from reviewer.core.yaml_resource import load_yaml_resource

DEFAULT_ROLES_PATH = resource("roles.yaml")
UNKNOWN = "unknown"
INSTITUTION, PERSON_OWNER = "institution", "person"
# the types that belong to someone: profiles may keep an institution's (a hotline, an agency's address)
OWNED_TYPES = frozenset({EntityType.CN_LANDLINE_PHONE, EntityType.CN_MOBILE_PHONE, EntityType.EMAIL_ADDRESS,
                         EntityType.CN_ADDRESS, EntityType.CN_USCC, EntityType.CN_BANK_CARD,
                         EntityType.CN_LICENSE_PLATE, EntityType.CN_QQ, EntityType.CN_WECHAT})
# roles of people who act for the agency: their office phone and e-mail are the agency's
PUBLIC_ROLES = frozenset({"official", "contact", "expert", "journalist"})
WINDOW = 120  # characters before a value searched for its holder
_NOTE = re.compile(r" 〔(?:角色|归属|文号)：[^〕]*〕")
# a case number （2024）赣0102执812号 or an order number 人社部令第45号 / 建字第330212202400321号
_CASE_NUMBER = re.compile(r"[（(]\s*(?:19|20)\d{2}\s*[）)]\s*[\u4e00-\u9fff\d]{1,12}?\d+\s*号|"
                          r"[\u4e00-\u9fff]{1,10}[令字]第\s*\d+\s*号")
_SEPARATORS = re.compile(r"[\s、，,和及与；;]+$")
_PAREN = re.compile(r"[（(][^（）()\n]{0,24}[）)]\s*$")
_ENTITY_SUFFIX = re.compile(r"(公司|集团|合作社|学校|小学|中学|大学|医院|中心|局|委员会|厂|银行|协会|研究院|研究所|政府|"
                            r"办事处|办公室|法院|检察院|支队|大队|处|科|站|所|委|办|部|社|院|馆|园|队)$")
_SALUTATION = re.compile(r"^\s*[：:]\s*$")
_AGENCY_BEFORE = re.compile(r"(乡镇|民政|局|办|政府|街道|科|股|所|站|委|部)$")
_ROW_START = re.compile(r"(?m)^[ \t\u3000]*\d{1,3}(?:[ \t\u3000.、．]|$)")  # 1 巴特尔 …, or a number cell alone
_LABEL_ONLY = re.compile(r"[\s\u3000]*[\u4e00-\u9fff（）()]{0,10}[：:]?[\s\u3000]*")
_SHOP = re.compile(r"(店|馆|摊|铺|档|坊|个体工商户)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    zh: str
    en: str
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RoleCatalog:
    roles: dict[str, Role]
    institution_labels: tuple[str, ...]
    premises: tuple[str, ...]
    domains: tuple[str, ...]
    person_labels: tuple[str, ...]
    source: str

    def label(self, code: str, language: str = "zh") -> str:
        role = self.roles.get(code)
        if role is None:
            return {"zh": "未判定", "en": "not determined"}[language] if code == UNKNOWN else code
        return role.zh if language == "zh" else role.en


def _fail(source: str, where: str, zh: str, en: str) -> ConfigurationError:
    return ConfigurationError(f"角色目录 {source} 的 {where} 有误：{zh}。请改正后重新打开。",
                              f"Role catalog {source}, {where}: {en}. Fix it and reopen.", path=source)


def _words(source: str, where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(source, where, "应为非空文字的列表", "expected a list of non-empty strings")
    return tuple(value)


def _keys(source: str, where: str, raw: Any, required: set[str], optional: set[str] = frozenset()) -> dict:
    if not isinstance(raw, dict):
        raise _fail(source, where, "应为键值映射", "expected a mapping")
    unknown, missing = sorted(set(raw) - required - optional), sorted(required - set(raw))
    if unknown or missing:
        raise _fail(source, where, f"未知的键 {unknown}，缺少的键 {missing}", f"unknown keys {unknown}, missing {missing}")
    return raw


def parse_roles(data: Any, source: str) -> RoleCatalog:
    top = _keys(source, "顶层/top level", data, {"version", "roles", "owners"})
    if top["version"] != 1:
        raise _fail(source, "version", "只支持版本 1", "only version 1 is supported")
    roles = {}
    for code, raw in _keys(source, "roles", top["roles"], set(ROLES)).items():
        item = _keys(source, f"roles.{code}", raw, {"zh", "en", "before"}, {"after"})
        before = _words(source, f"roles.{code}.before", item["before"])
        after = _words(source, f"roles.{code}.after", item["after"]) if "after" in item else ()
        roles[code] = Role(code, str(item["zh"]), str(item["en"]), before, after)
    owners = _keys(source, "owners", top["owners"], {"institution", "person"})
    inst = _keys(source, "owners.institution", owners["institution"], {"labels", "premises", "domains"})
    pers = _keys(source, "owners.person", owners["person"], {"labels"})
    return RoleCatalog(roles, _words(source, "owners.institution.labels", inst["labels"]),
                       _words(source, "owners.institution.premises", inst["premises"]),
                       _words(source, "owners.institution.domains", inst["domains"]),
                       _words(source, "owners.person.labels", pers["labels"]), source)


def load_roles(path: str | Path | None = None) -> RoleCatalog:
    return load_yaml_resource(Path(path) if path is not None else DEFAULT_ROLES_PATH, parse_roles,
                              what_zh="角色目录", what_en="Role catalog")


# ------------------------------------------------------------------------------------------------ roles

class _Index:
    """The findings a rule looks around a value for, sorted so each look is a bisection (a long roster has
    thousands of findings: scanning them all for each value would take seconds)."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        def by_start(types: tuple[str, ...]) -> list[Finding]:
            return sorted((f for f in findings if f.entity_type in types), key=lambda f: f.start)

        self.holders = by_start((EntityType.PERSON, EntityType.ORGANIZATION))
        self.holder_starts = [f.start for f in self.holders]
        self.organisations = sorted((f for f in findings if f.entity_type in (EntityType.ORGANIZATION,
                                                                             EntityType.CN_USCC)),
                                    key=lambda f: f.end)
        self.organisation_ends = [f.end for f in self.organisations]
        self.party: Finding | None = None  # the organisation named as the document's 当事人, if it is one

    def holders_within(self, lo: int, hi: int) -> list[Finding]:
        """Persons and organisations that start at or after `lo` and end at or before `hi`."""
        i, j = bisect.bisect_left(self.holder_starts, lo), bisect.bisect_left(self.holder_starts, hi)
        return [h for h in self.holders[i:j] if h.end <= hi]

    def organisations_ending(self, lo: int, hi: int) -> list[Finding]:
        """Organisations and credit codes that end within [lo, hi], nearest last."""
        i, j = bisect.bisect_left(self.organisation_ends, lo), bisect.bisect_right(self.organisation_ends, hi)
        return self.organisations[i:j]


def _name_key(text: str) -> str:
    return re.sub(r"\s+", "", text)


class _Cues:
    """The catalogue's words compiled into two anchored alternations (longest word first)."""

    def __init__(self, catalog: RoleCatalog) -> None:
        before = sorted(((w, r.code) for r in catalog.roles.values() for w in r.before), key=lambda x: -len(x[0]))
        after = sorted(((w, r.code) for r in catalog.roles.values() for w in r.after), key=lambda x: -len(x[0]))
        self.before_role = dict(reversed(before))
        self.after_role = dict(reversed(after))
        self.before = re.compile("(?:" + "|".join(re.escape(w) for w, _ in before)
                                 + r")(?:人员|人)?(?:[（(][^（）()]{0,16}[）)])?(?:名单)?\s*(?:[：:为是系]\s*)?$")
        self.after = re.compile(r"[ \t\u3000]*(?:" + "|".join(re.escape(w) for w, _ in after) + ")")

    def role_before(self, tail: str) -> tuple[str, str] | None:
        m = self.before.search(tail)
        if m is None:
            return None
        said = m.group().strip()
        word = re.sub(r"(?:[（(][^（）()]*[）)])?(?:名单)?\s*(?:[：:为是系]\s*)?$", "", m.group()).strip()
        role = self.before_role.get(word) or self.before_role.get(re.sub(r"(?:人员|人)$", "", word))
        if role is None:
            return None
        if role == "legal_representative" and word in ("负责人", "主要负责人") and _AGENCY_BEFORE.search(
                tail[:m.start()]):
            role = "official"  # 乡民政办负责人, 乡镇主要负责人: the head of an agency unit acts for it
        return role, said

    def role_after(self, head: str) -> tuple[str, str] | None:
        m = self.after.match(head)
        if m is None:
            return None
        return self.after_role[m.group().strip()], m.group().strip()


def assign_roles(document: Document, findings: Sequence[Finding], *, kind: Kind | None = None,
                 catalog: RoleCatalog | None = None) -> list[Finding]:
    """The findings with a role on every PERSON and an owner on every contact detail (see the module docstring).
    Idempotent: a second call (another kind chosen by the reviewer) replaces the first one's notes."""
    catalog = catalog or load_roles()
    kind = kind if kind is not None else recognize_document(document).kind
    cues = _Cues(catalog)
    text = document.text
    persons = sorted((f for f in findings if f.entity_type == EntityType.PERSON), key=lambda f: f.start)
    index = _Index(findings)
    index.party = _party_organisation(text, index)
    person_spans = [(f.start, f.end) for f in persons]
    headers = _column_headers(document)
    cells = _pdf_cell_headers(document)
    found: dict[tuple[int, int], tuple[str, str]] = {}
    for f in persons:
        header = headers.get(document.block_at(f.start).start) if headers else None
        if header is None and cells:
            header = _cell_header(cells, f)
        found[(f.start, f.end)] = _explicit_role(text, f, person_spans, cues, header, document)
    by_name: dict[str, tuple[str, str]] = {}
    for f in persons:
        role, why = found[(f.start, f.end)]
        if role != UNKNOWN and _name_key(f.text) not in by_name:
            by_name[_name_key(f.text)] = (role, why)
    roles: dict[tuple[int, int], tuple[str, str]] = {}
    for f in persons:
        role, why = found[(f.start, f.end)]
        if role == UNKNOWN and document.block_at(f.start).kind == BlockKind.PROPERTY and by_name.get(
                _name_key(f.text), ("official",))[0] in ("official", "contact"):
            # the author property is the drafter, unless the body names them otherwise (the byline's 通讯员田野)
            role, why = "official", "文档属性中的作者（拟稿人）"
        if role == UNKNOWN and _name_key(f.text) in by_name:
            other, how = by_name[_name_key(f.text)]
            role, why = other, f"同名者在文中另一处为{catalog.label(other)}（{how}）"
        if role == UNKNOWN and _after_organisation(text, f, index):
            role, why = "legal_representative", "同一行紧随单位名称或代码（该单位的负责人）"
        if role == UNKNOWN and kind.roster_role and (_in_roster(text, f, document)
                                                     or (cells and _cell_header(cells, f) is not None)):
            role, why = kind.roster_role, f"{kind.zh}名单中的人员"
        roles[(f.start, f.end)] = (role, why)
    # one person, one role: a name still without one takes what its other occurrences were found to be (the
    # 公示对象 of a roster row named again in a sentence), so a plan never keeps one occurrence and removes another
    derived: dict[str, tuple[str, str]] = {}
    for f in persons:
        role, why = roles[(f.start, f.end)]
        if role != UNKNOWN:
            derived.setdefault(_name_key(f.text), (role, why))
    for f in persons:
        if roles[(f.start, f.end)][0] == UNKNOWN and _name_key(f.text) in derived:
            other, how = derived[_name_key(f.text)]
            roles[(f.start, f.end)] = (other, f"同名者在文中另一处为{catalog.label(other)}（{how}）")
    out = []
    for f in findings:
        base = _NOTE.sub("", f.explanation)
        attributes = {k: v for k, v in f.attributes.items() if k != "part_of"}
        if f.category != "restricted" and _inside_number(text, f):
            # 张文 of 张文旅投〔2024〕第118号, 058号 of …〔2024〕第058号: a redaction must not cut the agency's number
            f = dataclasses.replace(f, attributes={**attributes, "part_of": "doc_number"})
            base += " 〔文号：文号或案号的一部分，不是个人信息〕"
        else:
            f = dataclasses.replace(f, attributes=attributes)
        if f.entity_type == EntityType.PERSON:
            role, why = roles[(f.start, f.end)]
            note = f" 〔角色：{catalog.label(role)}；{why or '上下文未说明此人的身份'}〕"
            f = dataclasses.replace(f, explanation=base + note,
                                    attributes={**f.attributes, "role": role, "role_reason": why})
        elif f.entity_type in OWNED_TYPES:
            owner, why = _owner(text, f, index, roles, catalog, kind)
            note = f" 〔归属：{'机构' if owner == INSTITUTION else '个人'}；{why}〕"
            f = dataclasses.replace(f, explanation=base + note,
                                    attributes={**f.attributes, "owner": owner, "owner_reason": why})
        out.append(f)
    return out


def _explicit_role(text: str, f: Finding, person_spans: list[tuple[int, int]], cues: _Cues,
                   header: str | None, document: Document) -> tuple[str, str]:
    after = cues.role_after(text[f.end:f.end + 10])
    if after is not None:
        return after[0], f"下文“{after[1]}”"
    line_start = max(text.rfind("\n", 0, f.start) + 1, f.start - 60)
    head = text[line_start:f.start]
    if line_start > 0 and head.strip() and not _CJK.search(head) and text[line_start - 1] == "\n":
        # a cell wrapped before the name (（法定代表人 / ：熊志强）): the word is on the line above
        above = max(text.rfind("\n", 0, line_start - 1) + 1, line_start - 40)
        text = text[:line_start - 1] + " " + text[line_start:]  # same length: offsets stay
        line_start = above
    tail = text[line_start:f.start]
    first = bisect.bisect_left(person_spans, (line_start, 0))
    last = bisect.bisect_left(person_spans, (f.start, 0))
    listed = {e: s for s, e in person_spans[first:last] if e <= f.start}
    while True:  # skip the names listed before this one (出席：罗振宇、刘晓岚、江河) and their notes (（区财政局）)
        shorter = _SEPARATORS.sub("", _PAREN.sub("", _SEPARATORS.sub("", tail)))
        start = listed.get(line_start + len(shorter))
        if start is not None and shorter != tail:
            shorter = shorter[:start - line_start]
        if shorter == tail:
            break
        tail = shorter
    before = cues.role_before(tail) or _role_before_list(tail, cues)
    if before is not None:
        return before[0], f"上文“{before[1]}”"
    wrapped = _role_above(text, f, cues)
    if wrapped is not None:
        return wrapped[0], f"上文“{wrapped[1]}”"
    following = text[f.end:f.end + 3]
    if not tail.strip() and _SALUTATION.match(following[:2] if following[:1] in "：:" else "x"):
        return "applicant", "答复书的称呼（答复对象）"
    header = header or _flat_header(text, f, cues)
    if header:
        header = re.sub(r"\s+", "", header)
        # 建设单位联系人及电话: the column holds the person and their phone
        by_header = cues.role_before(header) or cues.role_before(_HEADER_DETAIL.sub("", header))
        if by_header is not None:
            return by_header[0], f"表格列“{header}”"
    return UNKNOWN, ""


_HEADER_DETAIL = re.compile(r"(?:[及和与、/（(]?(?:联系)?(?:电话|方式|手机|号码|电话号码)[）)]?)+$")


_CELLS = re.compile(r"\t|[ \u3000]+")
# a labelled list whose earlier items this detection did not take as names (出席：乌力吉巴雅尔、张景辉): the label,
# then short items joined by 、 (each with an optional note in brackets)
_LIST_ITEM = r"[\u4e00-\u9fff·][\u4e00-\u9fff·\s\u3000]{1,9}(?:[（(][^（）()\n]{0,24}[）)])?"
_LABELLED_LIST = re.compile(rf"^(.*?[：:])[\s\u3000]*(?:{_LIST_ITEM}[\s\u3000]*、[\s\u3000]*)*{_LIST_ITEM}[\s\u3000]*、?[\s\u3000]*$")


def _role_before_list(tail: str, cues: _Cues) -> tuple[str, str] | None:
    m = _LABELLED_LIST.match(tail)
    return cues.role_before(m.group(1)) if m else None


def _role_above(text: str, f: Finding, cues: _Cues) -> tuple[str, str] | None:
    """The role word on the line above: a label cell of its own (诉求人 / 梁嘉欣, 签　　发 / 黎海波 in a two-column
    table), or a word a wrapped cell broke (（法定代表 / 人：付 涛）, 监护 / 人萨日娜)."""
    line_start = text.rfind("\n", 0, f.start) + 1
    head = text[line_start:f.start]
    if line_start == 0 or len(head.strip()) > 3 or re.search(r"[、，,。；;]", head):
        return None
    above = text[max(text.rfind("\n", 0, line_start - 1) + 1, line_start - 41):line_start - 1]
    if not head.strip():
        label = re.sub(r"[\s\u3000]+", "", above)
        return cues.role_before(label) if label and len(label) <= 8 and cues.role_before(label) else None
    return cues.role_before(above.rstrip() + head.strip())


def _flat_header(text: str, f: Finding, cues: _Cues) -> str | None:
    """The column header of a name in a table flattened to lines of cells (a PDF's text layer, a txt file): the
    nearest line above with as many cells whose cell in the name's column names a role (值班人员, 带班领导)."""
    start = text.rfind("\n", 0, f.start) + 1
    end = text.find("\n", f.end)
    line = text[start:end if end >= 0 else len(text)]
    cells = [c for c in _CELLS.split(line.strip()) if c]
    name = _name_key(f.text)
    if len(cells) < 2 or name not in cells:
        return None
    column = cells.index(name)
    above = start - 1
    for _ in range(12):
        if above <= 0:
            return None
        top = text.rfind("\n", 0, above) + 1
        head = [c for c in _CELLS.split(text[top:above].strip()) if c]
        if len(head) == len(cells) and cues.role_before(head[column]) is not None:
            return head[column]
        above = top - 1
    return None


def _column_headers(document: Document) -> dict[int, str]:
    """The start of each docx table cell's block → its column header."""
    return {document.blocks[i].start: header for header, indices in column_groups(document.blocks).values()
            for i in indices}


def _pdf_cell_headers(document: Document) -> list[tuple[int, int, str]]:
    """The ruled cells of a PDF's tables (detection/pdf_cells.py) with a header, by start: a wrapped row's name
    cell still has its column header (建设单位联系人及电话) where the flattened lines no longer line up."""
    if not any(b.kind is BlockKind.PAGE and b.attrs.get(CELLS) for b in document.blocks):
        return []
    return sorted((b.start, b.start + len(b.text), b.attrs["header"]) for b in pdf_cells(document)
                  if b.attrs.get("header", "").strip())


def _cell_header(cells: list[tuple[int, int, str]], f: Finding) -> str | None:
    i = bisect.bisect_right(cells, (f.start, 1 << 62, "")) - 1
    if i >= 0 and cells[i][0] <= f.start and f.end <= cells[i][1]:
        return cells[i][2]
    return None


def _after_organisation(text: str, f: Finding, index: _Index) -> bool:
    """A name right after a company's name or credit code in the same row (…有限公司 / 9144…25 冯国栋, a sole
    trader's 9244…80 冯美玲)."""
    gap = 16
    for h in index.organisations_ending(f.start - gap, f.start):
        if h.end <= f.start and f.start - h.end <= gap and (
                h.entity_type == EntityType.ORGANIZATION and not _SHOP.search(_name_key(h.text))
                or h.entity_type == EntityType.CN_USCC):  # a 92… code: the name is the 个体工商户's 经营者
            between = text[h.end:f.start]
            if re.fullmatch(r"[\s（(：:]*", between):
                return True
    return False


def _in_roster(text: str, f: Finding, document: Document) -> bool:
    """A name in a table cell, or at the head of a numbered row of a flattened table (1 巴特尔 15252…; 2 刘 芳、曾凡宇)."""
    if document.block_at(f.start).kind == BlockKind.TABLE_CELL:
        return True
    line_start = text.rfind("\n", 0, f.start) + 1
    head = text[line_start:f.start]
    if re.fullmatch(r"\s*\d{1,4}[\s.、．]*(?:[\u4e00-\u9fff·\s]{1,8}[、，,]\s*)*", head):
        return True
    # a line that starts with the name and goes on after a space (黄河　鼓楼区东街街道综治办主任)
    return head.strip(" \t\u3000") == "" and (f.end >= len(text) or text[f.end] in " \t\u3000\n")


# ----------------------------------------------------------------------------------------------- owners

def _owner(text: str, f: Finding, index: _Index, roles: dict[tuple[int, int], tuple[str, str]],
           catalog: RoleCatalog, kind: Kind) -> tuple[str, str]:
    """Whose a value is: what it is, the label right before it on its line, then who holds it (the row's
    subject in a table, else the nearest name before it)."""
    if _inside_number(text, f):
        return INSTITUTION, "文号或案号的一部分（机关的编号，不是个人信息）"
    t = str(f.entity_type)
    line = text[text.rfind("\n", 0, f.start) + 1:f.start]
    if len(line.strip()) <= 2 and text.rfind("\n", 0, f.start) > 0:  # the value opens its line: a label wrapped above
        above = text.rfind("\n", 0, f.start)
        line = text[text.rfind("\n", 0, above) + 1:above] + line
    label = _last_label(line[-LABEL_REACH:], catalog)
    whose = _detail_of_person(line, catalog)
    if whose is not None and (label is None or label[1] == PERSON_OWNER
                              or line.rfind(label[0]) + len(label[0]) <= whose[1]):
        label = (whose[0], PERSON_OWNER)  # 申请人地址：, 当事人联系电话： — the nearest label names a person's detail
    holder, holder_role = _holder(text, f, index, roles)
    if t == EntityType.CN_USCC:
        if f.text.strip().startswith("92") or "个体" in text[max(0, f.start - 40):f.end + 20]:
            return PERSON_OWNER, "个体工商户的统一社会信用代码（GB 32100 机构类别 2）标识个人"
        return INSTITUTION, "单位的统一社会信用代码"
    if t == EntityType.CN_LICENSE_PLATE:
        if re.search(r"(公司|单位|大巴|客车|公交|警车|执法车|公务|货车)", text[max(0, f.start - 20):f.start]):
            return INSTITUTION, "单位车辆的号牌"
        return PERSON_OWNER, "车辆号牌按个人信息处理"
    if label is not None and label[1] == PERSON_OWNER:
        return PERSON_OWNER, f"上文“{label[0]}”"
    strong = label is not None and label[1] == INSTITUTION and label[0] not in _NEUTRAL
    sentence = re.split(r"[。；;！？]", text[max(0, f.start - 160):f.start])[-1]  # across a PDF's line wraps
    sentence = _FIELD_LINE.split(sentence)[-1]  # …身份证号码：…⏎仓库地址：… — a labelled line is a field of its own
    rows = list(_ROW_START.finditer(sentence))
    if rows:  # in a numbered row the words above it are the table's header, not this row's sentence
        sentence = sentence[rows[-1].end():]
    personal = None if strong else _personal_cue(sentence, catalog)
    if personal in _PARTY_WORDS and index.party is not None and index.party.start < f.start:
        personal = None  # 当事人 is the company the decision is about (当事人：…有限公司): its premises, not a home
    if personal is not None and t != EntityType.CN_BANK_CARD:
        return PERSON_OWNER, f"本句说的是个人的信息（“{personal}”）"
    if t == EntityType.CN_BANK_CARD:
        return (INSTITUTION, f"上文“{label[0]}”") if strong else (PERSON_OWNER, "银行账号按个人信息处理")
    if t == EntityType.CN_MOBILE_PHONE:
        said = line.rfind(label[0]) if strong else -1
        named = strong and any(h.entity_type == EntityType.PERSON
                               for h in index.holders_within(f.start - (len(line) - said), f.start))
        if strong and not named:
            return INSTITUTION, f"上文“{label[0]}”"
        return PERSON_OWNER, "手机号码按个人信息处理" + (f"（{holder.text}的）" if holder is not None else "")
    if strong:
        return INSTITUTION, f"上文“{label[0]}”"
    if t == EntityType.CN_ADDRESS and any(w in f.text for w in catalog.premises):
        word = next(w for w in catalog.premises if w in f.text)
        return INSTITUTION, f"机关办公地点（含“{word}”）"
    if t == EntityType.EMAIL_ADDRESS:
        domain = f.text.rsplit("@", 1)[-1].lower()
        if any(domain == d or domain.endswith("." + d) for d in catalog.domains):
            return INSTITUTION, f"机构邮箱域名 {domain}"
    citizen = holder is not None and holder.entity_type == EntityType.PERSON and holder_role not in PUBLIC_ROLES
    if t == EntityType.CN_ADDRESS and not citizen and is_plot_address(f.text):
        # 东至…路，西至…: land a project is built on, located by its roads; no one's home unless a person holds it
        return INSTITUTION, "以四至或道路方位描述的建设地块，未与个人关联"
    if t in (EntityType.CN_LANDLINE_PHONE, EntityType.EMAIL_ADDRESS) and not citizen:
        who = f"（{holder.text}）" if holder is not None else ""
        return INSTITUTION, f"未与公民个人关联的{'固定电话' if t == EntityType.CN_LANDLINE_PHONE else '邮箱'}，" \
                            f"按机构联系方式处理{who}"
    if holder is None:
        if _ROW_START.search(text, max(0, f.start - WINDOW), f.start):
            return PERSON_OWNER, "名单行中的个人信息"
        own = _AGENCY_SELF.search(sentence)
        if own is not None and t == EntityType.CN_ADDRESS:
            return INSTITUTION, f"本句说的是机关自己的安排（“{own.group()}”），未与个人关联"
        if label is not None:
            return INSTITUTION, f"上文“{label[0]}”，未与个人关联"
        if kind.unowned == INSTITUTION:
            return INSTITUTION, f"{kind.zh}所列的联系方式和地址属于单位（未与个人关联）"
        return PERSON_OWNER, "未能判定归属，按个人信息处理"
    if holder.entity_type == EntityType.ORGANIZATION:
        if _SHOP.search(_name_key(holder.text)) or "个体" in text[holder.start:f.start]:
            return PERSON_OWNER, f"属于个体经营者“{holder.text}”"
        return INSTITUTION, f"属于单位“{holder.text}”"
    if holder_role == "legal_representative":
        company = _company_before(holder, index)
        if company is None and index.party is not None and index.party.start < holder.start:
            company = index.party  # 当事人：…有限公司 / 统一社会信用代码 / 住所 / 法定代表人：…
        if company is not None:
            return INSTITUTION, f"单位“{company.text}”的地址（其负责人{holder.text}之后）"
    if holder_role in PUBLIC_ROLES:
        return INSTITUTION, f"机关工作人员{holder.text}的工作地点"
    return PERSON_OWNER, f"属于{holder.text}"


# labels that name a kind of detail but not whose it is: the holder decides (a company's 住所, a person's 住所)
_NEUTRAL = frozenset({"住所", "经营地址", "经营场所", "注册地址", "营业场所", "地址", "联系地址", "通讯地址", "单位地址",
                      "电子邮件", "电子邮箱", "邮箱", "户名"})
# the agency speaking of itself (我局已在…设置临时教学点): a place it acts at, not someone's home
_AGENCY_SELF = re.compile(r"(?:我|本)(?:局|委|办|厅|院|中心|机关|单位|部门|站|所)(?:已|将|拟|在|于|先后|正|会同)")
LABEL_REACH = 24  # a label counts when it ends within this many characters before the value on its line


def _last_label(line: str, catalog: RoleCatalog) -> tuple[str, str] | None:
    """The label closest before the value (a longer label wins where two end together: 来信地址 over 地址)."""
    best: tuple[int, int, str, str] | None = None
    for owner, labels in ((INSTITUTION, catalog.institution_labels), (PERSON_OWNER, catalog.person_labels)):
        for word in labels:
            i = line.rfind(word)
            if i < 0 or (len(word) == 1 and len(line) - (i + 1) > 3):
                continue  # a pronoun (您, 其) counts only right before the value
            key = (i + len(word), len(word))
            if best is None or key > best[:2]:
                best = (key[0], key[1], word, owner)
    return None if best is None else (best[2], best[3])


# the roles of private people whose address or phone a label may name (申请人地址, 被处罚人联系电话)
_PRIVATE_ROLES = ("party", "applicant", "family", "subject", "witness", "agent", "third_party")
_DETAIL_WORDS = r"(?:的)?(?:家庭|户籍|居住|联系|通讯|通信|送达|现)?(?:地址|住址|住所|电话|手机|号码|邮箱|联系方式)"


def _detail_of_person(line: str, catalog: RoleCatalog) -> tuple[str, int] | None:
    """The last label on the line that names a private person's detail, and where it ends."""
    words = sorted({w for code in _PRIVATE_ROLES if code in catalog.roles for w in catalog.roles[code].before
                    if len(w) >= 2}, key=len, reverse=True)
    found = None
    for m in re.finditer("(?:" + "|".join(map(re.escape, words)) + ")" + _DETAIL_WORDS, line):
        found = (m.group(), m.end())
    return found


def _personal_cue(line: str, catalog: RoleCatalog) -> str | None:
    """A word earlier in the sentence that says these are a person's details (您在申请表中填写的…, 来电人地址)."""
    for word in catalog.person_labels:
        # a label of the value itself (手机, 座机, 诉求地址) is a field label where it is not right before the value
        if len(word) >= 2 and word not in ("手机", "座机", "来电号码", "诉求地址") and word in line:
            return word
    tail = line[-16:]
    return next((w for w in ("您", "你") if w in tail), None)


def _holder(text: str, f: Finding, index: _Index,
            roles: dict[tuple[int, int], tuple[str, str]]) -> tuple[Finding | None, str | None]:
    """Who the value belongs to: in a numbered table row, the row's first name (1 邹国平 …); else the nearest
    person or organisation named before it (its own line first)."""
    lo = max(0, f.start - WINDOW)
    candidates = index.holders_within(lo, f.start)
    if not candidates:
        return None, None
    rows = list(_ROW_START.finditer(text, lo, f.start))
    if rows and "。" in text[rows[-1].end():f.start]:
        rows = []  # a sentence has ended since the row began: the prose after a table, not the row's last cell
    line_start = text.rfind("\n", 0, f.start) + 1
    if rows:  # a numbered row: its subject, or nobody this detection found
        in_row = [h for h in candidates if h.start >= rows[-1].end()]
        if not in_row:
            return None, None
        h = min(in_row, key=lambda h: h.start)
    else:
        same_line = [h for h in candidates if h.start >= line_start]
        if same_line:
            h = max(same_line, key=lambda h: h.end)
        elif _LABEL_ONLY.fullmatch(text[line_start:f.start]):
            # a line that is only a label (住址：, 电子邮箱：) continues the record above it: two lines up at most
            above = text.rfind("\n", 0, max(0, text.rfind("\n", 0, line_start - 1)))
            nearby = [h for h in candidates if h.start > above]
            if not nearby:
                return None, None
            h = max(nearby, key=lambda h: h.end)
        else:
            return None, None  # a sentence of its own that names nobody (各单位…报区政府总值班室，联系电话：…)
    return h, roles.get((h.start, h.end), (None, ""))[0]


_FIELD_LINE = re.compile(r"\n(?=[\u4e00-\u9fff]{1,8}[：:])")
_PARTY_WORDS = ("当事人", "被处罚人", "被申请人", "被投诉人", "被执行人")
_PARTY_LABEL = re.compile(r"(?:^|\n)[ \t\u3000]*(?:当事人|被处罚人|被申请人|被投诉人|被执行人)(?:名称)?[：:][ \t\u3000]*")


def _party_organisation(text: str, index: _Index) -> Finding | None:
    """The organisation a line such as 当事人：包头市…有限公司 names as the party (not a shop of a sole trader)."""
    for m in _PARTY_LABEL.finditer(text):
        for h in index.holders_within(m.end(), m.end() + 40):
            if h.start == m.end() and h.entity_type == EntityType.ORGANIZATION and \
                    not _SHOP.search(_name_key(h.text)):
                return h
    return None


def _company_before(person: Finding, index: _Index) -> Finding | None:
    return next((h for h in reversed(index.organisations_ending(person.start - 16, person.start))
                 if h.entity_type == EntityType.ORGANIZATION and not _SHOP.search(_name_key(h.text))), None)


def _inside_number(text: str, f: Finding) -> bool:
    """The value lies inside a 文号 or case number (058号 of 武侯府信复〔2024〕第058号)."""
    lo, hi = max(0, f.start - 30), min(len(text), f.end + 24)
    window = text[lo:hi]
    if "号" not in window:  # both kinds end in 号: most windows are done here, before two regex scans
        return False
    for pattern in (DOC_NUMBER, _CASE_NUMBER):
        for m in pattern.finditer(window):
            if lo + m.start() <= f.start and f.end <= lo + m.end():
                return True
    return False

"""Column semantics: a table's header row says what its columns hold, so a column is detected as a column.

A roster's 身份证号 column is one decision with 600 consequences, not 600 guesses: every cell that has
the shape of its column's kind is a finding whose explanation names the header; a cell that does not fit
(a note, a masked value, 合计) is left to the ordinary passes. A name column makes its cells names even
without a Han surname (巴特尔, 买买提·艾力) and with full-width padding (王　琴).

Input contract (any format; the xlsx/xls readers set it today, docx and PDF table cells can set the same):
a table cell is a `Block` whose `attrs` hold
  - "table": an id of its table, unique within the block's `part`;
  - "row", "col": the cell's row and column as decimal strings (0-based or not, but consistent per table);
  - "header": for a data cell, the text of its column's header (may be ""); absent on header cells and on
    cells above the header row (titles), which are not part of a column;
  - "header_cell": "1" on the header row's cells (optional).
Blocks of one cell may be several (paragraphs): they share table/row/col.
`column_kind(header)` is the vocabulary alone, for callers that know a header from elsewhere.

The same kinds feed the re-identification check (deidentify/reidentification.py): which columns are
quasi-identifiers (village, household size, amount, sex, age) and which are sensitive (致贫原因, 病种).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reviewer.core.detection.recognizers.bank_card import luhn_ok
from reviewer.core.detection.recognizers.id_card import PROVINCES, birth_date, check_character
from reviewer.core.documents.model import Block, Document
from reviewer.core.types import Category, Finding

RECOGNIZER = "ColumnSemantics"


@dataclass(frozen=True, slots=True)
class ColumnKind:
    key: str  # name, id_card, phone, bank_account, address, sensitive, village, household_size, amount, …
    label: str  # the kind in Chinese, for explanations
    entity_type: str | None = None  # what each cell is, when the cells are personal information
    quasi: bool = False  # a quasi-identifier (GB/T 37964): combined with others it can single a person out
    sensitive: bool = False  # a sensitive attribute (PIPL Art 28): l-diversity is checked on it


NAME = ColumnKind("name", "姓名", "PERSON", quasi=True)
ID_CARD = ColumnKind("id_card", "身份证号", "CN_ID_CARD", quasi=True)
PHONE = ColumnKind("phone", "联系电话", "CN_MOBILE_PHONE", quasi=True)
BANK = ColumnKind("bank_account", "银行账号", "CN_BANK_CARD", quasi=True)
ADDRESS = ColumnKind("address", "住址", "CN_ADDRESS", quasi=True)
SENSITIVE = ColumnKind("sensitive", "敏感信息", "SENSITIVE_PERSONAL", sensitive=True)
BIRTH = ColumnKind("birth_date", "出生日期", "CN_BIRTH_DATE", quasi=True)
VILLAGE = ColumnKind("village", "村（社区）", quasi=True)
HOUSEHOLD = ColumnKind("household_size", "家庭人口", quasi=True)
AMOUNT = ColumnKind("amount", "金额", quasi=True)
SEX = ColumnKind("sex", "性别", quasi=True)
AGE = ColumnKind("age", "年龄", quasi=True)
ETHNICITY = ColumnKind("ethnicity", "民族", quasi=True)
CATEGORY = ColumnKind("category", "类别", quasi=True)
RELATION = ColumnKind("relation", "与户主关系")
ORGANISATION_NAME = ColumnKind("organisation_name", "单位名称")

# Checked in this order: the first kind with a keyword in the header wins (户主身份证号 is an ID column,
# 联系人电话 a phone column, 账户名 a name column, 与户主关系 a relation, not a name).
VOCABULARY: tuple[tuple[ColumnKind, tuple[str, ...]], ...] = (
    (RELATION, ("关系",)),
    # a household's members listed by name (共同生活家庭成员, 家庭成员姓名); 家庭成员数 counts them
    (HOUSEHOLD, ("成员数", "成员人数")),
    (NAME, ("家庭成员", "共同生活成员", "同户成员")),
    (ID_CARD, ("身份证", "身份号码", "公民身份", "证件号", "身份证号码")),
    (PHONE, ("电话", "手机", "联系方式", "联系号码")),
    (NAME, ("户名", "账户名", "帐户名", "开户名", "持卡人", "收款人")),
    (BANK, ("账号", "帐号", "卡号", "存折", "账户", "帐户")),
    (
        SENSITIVE,
        (
            "病种",
            "疾病",
            "病情",
            "诊断",
            "伤情",
            "伤残",
            "残疾",
            "致贫原因",
            "致困原因",
            "困难原因",
            "患病",
            "健康状况",
            "病名",
        ),
    ),
    (BIRTH, ("出生日期", "出生年月", "生日")),
    (ADDRESS, ("住址", "地址", "坐落", "居住地", "户籍地", "现住", "门牌", "住所", "经营场所")),
    # 经营者名称 names a shop or company, 经营者 its owner: the column of names, not of persons
    (ORGANISATION_NAME, ("经营者名称", "单位名称", "企业名称", "机构名称", "主体名称")),
    (
        NAME,
        (
            "姓名",
            "户主",
            "申请人",
            "被征收人",
            "被补偿人",
            "领取人",
            "监护人",
            "联系人",
            "救助对象",
            "保障对象",
            "名字",
            "权利人",
            "承包人",
            "经办人",
            "当事人",
            "法定代表人",
            "负责人",
            "带班领导",
            "值班领导",
            "值班人员",
            "值班员",
            "拟聘人员",
            "拟录用人员",
            "被表彰人",
            "经营者",
            "被执行人",
        ),
    ),
    (VILLAGE, ("村", "社区", "居委会", "组别", "乡镇", "街道")),
    (
        HOUSEHOLD,
        ("家庭人口", "人口数", "保障人数", "享受人数", "家庭人数", "户人口", "共同生活", "人口", "人数"),
    ),
    (CATEGORY, ("类别", "类型", "种类", "档次", "分类")),
    (AMOUNT, ("金额", "保障金", "补助", "补贴", "救助金", "发放", "资金", "标准", "元")),
    (SEX, ("性别",)),
    (AGE, ("年龄", "岁")),
    (ETHNICITY, ("民族",)),
)
_HEADER_NOISE = re.compile(r"[\s\u3000：:*＊]")


def column_kind(header: str) -> ColumnKind | None:
    """What a column holds, from its header text (None when the header says nothing we know)."""
    text = _HEADER_NOISE.sub("", header)
    if not text or len(text) > 30:
        return None
    for kind, words in VOCABULARY:
        if any(w in text for w in words):
            return kind
    return None


@dataclass(frozen=True, slots=True)
class Column:
    part: str
    table: str
    col: str
    header: str
    kind: ColumnKind | None
    cells: tuple[int, ...]  # indices in document.blocks of the column's data cells, in document order


def table_cell(block: Block) -> tuple[str, str, str] | None:
    """(table, row, col) of a block under the contract, else None."""
    attrs = block.attrs
    if "table" in attrs and "row" in attrs and "col" in attrs:
        return attrs["table"], attrs["row"], attrs["col"]
    return None


def columns(blocks: Sequence[Block]) -> list[Column]:
    """The data columns of every table, in order of first appearance."""
    found: dict[tuple[str, str, str], tuple[str, list[int]]] = {}
    for i, block in enumerate(blocks):
        attrs = block.attrs
        if not attrs or "header" not in attrs or "table" not in attrs:
            continue
        key = (block.part, attrs["table"], attrs["col"])
        entry = found.get(key)
        if entry is None:
            found[key] = (attrs["header"], [i])
        else:
            entry[1].append(i)
    first: dict[tuple[str, str], tuple[int, list[int]]] = {}  # the leftmost column of each table
    for (part, table, col), (_, cells) in found.items():
        position = int(col) if col.isdigit() else 1 << 30
        if (part, table) not in first or position < first[(part, table)][0]:
            first[(part, table)] = (position, cells)
    pairs = {key for key, (_, cells) in first.items() if any(_is_label(blocks[i].text) for i in cells)}
    return [
        Column(part, table, col, header, column_kind(header) if (part, table) not in pairs else None, tuple(cells))
        for (part, table, col), (header, cells) in found.items()
    ]


def _is_label(text: str) -> bool:
    """A cell that reads like a label (联系电话, 承办人：): its table lists label/value pairs down its first
    column, so its first row is no header row."""
    stripped = text.strip(" \t\r\n\u3000\u00a0：:")
    if not 0 < len(stripped) <= 8 or any(c.isdigit() for c in stripped):
        return False
    kind = column_kind(stripped)
    return kind is not None and kind.key in _LABEL_KINDS


# kinds whose keywords are labels, never values (a village column's 双溪村 says 村, a note may say 残疾)
_LABEL_KINDS = frozenset({"name", "id_card", "phone", "bank_account", "address", "birth_date"})


# --- values that fit a kind ----------------------------------------------------------------------------

_DEIDENTIFIED = re.compile(r"[*＊×Ｘ█]|某")
_PLACEHOLDERS = frozenset(
    {
        "无",
        "否",
        "略",
        "空",
        "同上",
        "合计",
        "小计",
        "总计",
        "备注",
        "本人",
        "以下空白",
        "—",
        "-",
        "/",
        "／",
        "暂无",
        "不详",
        "未知",
        "——",
        "0",
    }
)
_NAME = re.compile(
    r"[\u3400-\u9fff\uf900-\ufaff](?:[\u3400-\u9fff\uf900-\ufaff·•・．.\s\u3000]{0,14}"
    r"[\u3400-\u9fff\uf900-\ufaff])?|[A-Za-z][A-Za-z .'-]{1,40}[A-Za-z]"
)
_NAME_SPLIT = re.compile(r"[、，,;；/\n]+")
_WRAPPED_NAME_SPLIT = re.compile(r"[、，,;；/]+")
_ORGANISATION = re.compile(
    r"(?:公司|厂|店|中心|合作社|委员会|局|院|所|部|站|社|行|馆|学校|医院|集团|协会|处|办|队|场|园|超市)$"
)
_BRACKET_NOTE = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]\s*$")
# a household cell lists its members with their relation: 户主邱德富，其妻陈桂英，之子邱　磊
_RELATION_PREFIX = re.compile(
    r"^(?:户主|其(?:妻|夫|子|女|父|母)|之(?:妻|夫|子|女|孙|孙女|孙子|父|母)|妻子|丈夫|儿子|女儿|长子|次子|长女|次女"
    r"|配偶|父亲|母亲|孙子|孙女|监护人)[：:\s\u3000]*"
)
_ID = re.compile(
    r"(?<![0-9A-Za-z])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
    r"[0-9]{3}[0-9Xx](?![0-9A-Za-z])|(?<![0-9A-Za-z])[1-9][0-9]{14}(?![0-9A-Za-z])"
)
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])(?:0[1-9][0-9]{1,2}[ -]?)?[2-9][0-9]{6,7}(?:-[0-9]{1,5})?(?![0-9])")
_ACCOUNT = re.compile(r"(?<![0-9])[0-9](?:[ -]?[0-9]){11,24}(?![0-9])")
_DATE = re.compile(r"(?:18|19|20)[0-9]{2}\s*[-./年]\s*[01]?[0-9](?:\s*[-./月]\s*[0-3]?[0-9]日?)?")
_HAN = re.compile(r"[\u3400-\u9fff]")
_DIGITS = re.compile(r"[0-9][0-9\s]*[0-9Xx]")
_LEADING_NAME = re.compile(r"\s*([\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{2,8}[·•][\u3400-\u9fff]{2,8})[\s\u3000]+[0-9]")



def _spans(kind: ColumnKind, text: str, wrapped: bool = False) -> list[tuple[int, int, str, float]]:
    """(start, end, entity type, score) of the kind's values inside one cell's text; `wrapped`: the cell's
    line breaks are where a PDF cell wraps, not separators between values."""
    stripped = text.strip(" \t\r\n\u3000\u00a0")
    if not stripped or stripped in _PLACEHOLDERS:
        return []
    offset = text.find(stripped)
    key = kind.key
    if key == "name":
        return _names(text, offset, stripped, wrapped)
    if key == "id_card":
        found = [
            (m.start(), m.end(), "CN_ID_CARD", _id_score(m.group()))
            for m in _ID.finditer(text)
            if _id_score(m.group()) > 0
        ]
        # 法定代表人及身份证号码: the holder's name before the number in the same cell
        if not _DIGITS.search(text):  # 法定代表人及身份证号码 with the number left out: the name alone
            return _names(text, offset, stripped, wrapped)
        head = _LEADING_NAME.match(text)
        digits = _DIGITS.search(text)
        if (found or (digits and len(digits.group()) >= 14)) and head and not _ORGANISATION.search(head.group(1)) and head.end(1) <= (found[0][0] if found else digits.start()):
            found.append((head.start(1), head.end(1), "PERSON", 0.85))
        return found
    if key == "phone":
        found = [(m.start(), m.end(), "CN_MOBILE_PHONE", 0.95) for m in _MOBILE.finditer(text)]
        found += [
            (m.start(), m.end(), "CN_LANDLINE_PHONE", 0.9)
            for m in _LANDLINE.finditer(text)
            if not any(s < m.end() and m.start() < e for s, e, _, _ in found)
        ]
        return found
    if key == "bank_account":
        return [
            (m.start(), m.end(), "CN_BANK_CARD", 0.95 if luhn_ok(re.sub(r"[ -]", "", m.group())) else 0.85)
            for m in _ACCOUNT.finditer(text)
        ]
    if _DEIDENTIFIED.search(stripped):
        return []
    if key == "address":
        return (
            [(offset, offset + len(stripped), "CN_ADDRESS", 0.85)]
            if len(stripped) >= 4 and _HAN.search(stripped)
            else []
        )
    if key == "sensitive":
        return [(offset, offset + len(stripped), "SENSITIVE_PERSONAL", 0.8)]
    if key == "birth_date":
        return [(m.start(), m.end(), "CN_BIRTH_DATE", 0.85) for m in _DATE.finditer(text)]
    return []


# Cells of a column that cannot hold personal information in that shape: a village name, a small number,
# 男/女.
# They are answered by the column too (no NER guesses on 双溪村 a hundred thousand times); anything else in
# such a column (a phone typed into 家庭人口) still goes through the other passes.
_HARMLESS = {
    "village": re.compile(r"[\u4e00-\u9fff]{1,16}(?:村|社区|居委会|村委会|组|镇|乡|街道|苏木|嘎查)"),
    "household_size": re.compile(r"[0-9]{1,3}(?:人|口)?"),
    "amount": re.compile(r"[-+]?[0-9,]{1,9}(?:\.[0-9]{1,4})?(?:元)?"),
    "age": re.compile(r"[0-9]{1,3}(?:岁)?"),
    "sex": re.compile(r"[男女]"),
    "ethnicity": re.compile(r"[\u4e00-\u9fff]{1,8}族"),
}


def harmless(kind: ColumnKind, text: str) -> bool:
    """Whether a cell of a quasi-identifier column has that column's own shape (and so nothing else)."""
    pattern = _HARMLESS.get(kind.key)
    return pattern is not None and pattern.fullmatch(text.strip(" \t\r\n\u3000\u00a0")) is not None


def _id_score(value: str) -> float:
    digits = value.upper()
    if digits[:2] not in PROVINCES or birth_date(digits) is None:
        return 0.0
    if len(digits) == 15:
        return 0.9
    return 1.0 if check_character(digits[:17]) == digits[17] else 0.85


def _names(text: str, offset: int, stripped: str, wrapped: bool = False) -> list[tuple[int, int, str, float]]:
    body = _BRACKET_NOTE.sub("", stripped)
    found = []
    position = offset
    from reviewer.core.detection.guards import role_head_end

    for piece in (_WRAPPED_NAME_SPLIT if wrapped else _NAME_SPLIT).split(body):
        start = text.find(piece, position)
        position = start + len(piece)
        # each member with its relation in brackets: 阿依古丽·买买提（妻）、艾力·艾合买提（子）
        piece = _BRACKET_NOTE.sub("", piece)
        name = piece.strip(" \t\r\n\u3000\u00a0")  # a wrapped cell's line break may open a piece
        name = name[_RELATION_PREFIX.match(name).end():] if _RELATION_PREFIX.match(name) else name
        name = name[role_head_end(name, 0, len(name)):]  # 承租人沈国梁, 产权人徐慧芳: the name after the role
        if not name or name in _PLACEHOLDERS or _DEIDENTIFIED.search(name) or _ORGANISATION.search(name):
            continue
        m = _NAME.fullmatch(name)
        compact = re.sub(r"[\s\u3000]", "", name)
        if m is None or len(compact) < 2 or (len(compact) > 6 and not re.search(r"[·•・．.A-Za-z]", compact)):
            continue
        s = text.find(name, start)
        found.append((s, s + len(name), "PERSON", 0.9))
    return found


# --- findings ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class ColumnFindings:
    """What the column pass found, and the cells it fully explains (the other passes skip them)."""

    findings: list[Finding] = field(default_factory=list)
    answered: set[int] = field(default_factory=set)

    def merge(self, others: Iterable[Finding], limit: float = 0.0) -> list[Finding]:
        """Column findings (at or above `limit`) plus the others that do not overlap one of them."""
        mine = sorted((f for f in self.findings if f.score >= limit), key=lambda f: f.start)
        if not mine:
            return list(others)
        starts = [f.start for f in mine]
        out = list(mine)
        for f in others:
            i = bisect.bisect_left(
                starts, f.end
            )  # column findings starting before f ends; they never overlap
            if (
                i and mine[i - 1].end > f.start
            ):  # each other, so the last of them is the one that could reach f
                continue
            out.append(f)
        return out


def column_findings(document: Document, cells: Sequence[Block] = ()) -> ColumnFindings:
    """Every cell of every headed column whose value has its column's shape, as findings. `cells`: further
    cells over the document's own text (a PDF page's ruled cells, detection/pdf_cells.py); `answered` only
    ever names the document's blocks."""
    result = ColumnFindings()
    own = len(document.blocks)
    blocks = [*document.blocks, *cells] if cells else document.blocks
    for column in columns(blocks):
        kind = column.kind
        if kind is None:
            continue
        if kind.entity_type is None:
            result.answered.update(i for i in column.cells if harmless(kind, blocks[i].text))
            continue
        where = f"列“{column.header}”" + (f"（{column.table}）" if column.table else "")
        # one per column, a plain dict: findings cross process boundaries (a mappingproxy does not pickle)
        attributes = {"column": column.header, "column_kind": kind.key}
        for i in column.cells:
            block = blocks[i]
            spans = _spans(kind, block.text, "wrapped" in block.attrs)
            if not spans:
                continue
            covered = sum(e - s for s, e, _, _ in spans)
            if covered >= len(block.text.strip(" \t\r\n\u3000\u00a0")):
                result.answered.add(i)
            for s, e, entity_type, score in spans:
                start, end = block.start + s, block.start + e
                text = document.text[start:end]
                result.findings.append(
                    Finding(
                        entity_type=entity_type,
                        start=start,
                        end=end,
                        text=text,
                        score=score,
                        recognizer=RECOGNIZER,
                        explanation=_explain(kind, entity_type, where, text, score),
                        category=Category.PERSONAL,
                        locator=document.locate(start, end),
                        attributes=attributes,
                    )
                )
    if cells:
        result.answered = {i for i in result.answered if i < own}
    return result


def _explain(kind: ColumnKind, entity_type: str, where: str, text: str, score: float) -> str:
    digits = len(re.sub(r"[ -]", "", text)) if entity_type in ("CN_ID_CARD", "CN_BANK_CARD") else 0
    return _explanation(kind, entity_type, where, digits, score)


@functools.lru_cache(maxsize=4096)
def _explanation(kind: ColumnKind, entity_type: str, where: str, digits: int, score: float) -> str:
    """One string per column and outcome, shared by its cells (a roster has hundreds of thousands)."""
    from reviewer.core.detection.explain import label_of

    label = label_of(entity_type)
    if entity_type == "CN_ID_CARD":
        check = (
            "校验码正确"
            if score >= 1.0
            else ("15位一代身份号码" if digits == 15 else "校验码不符（可能是录入错误的身份号码）")
        )
        return f"{label}：{where}整列为{kind.label}，本格符合身份号码格式；{check}；分数 {score:.2f}。"
    if entity_type == "CN_BANK_CARD":
        check = "Luhn校验通过" if score >= 0.95 else "无校验位，按账号处理"
        return f"{label}：{where}整列为{kind.label}，本格为{digits}位数字；{check}；分数 {score:.2f}。"
    return f"{label}：{where}整列为{kind.label}，本格按列识别；分数 {score:.2f}。"


# --- whole tables (for the re-identification check) ------------------------------------------------------

_DOCX_CELL = re.compile(r"^(?P<table>.*tbl\[\d+\])/tr\[(?P<row>\d+)\]/tc\[(?P<col>\d+)\]")


@dataclass(frozen=True, slots=True)
class Table:
    part: str
    table: str
    headers: dict[int, str]  # column → header text
    rows: list[tuple[int, dict[int, list[int]]]]  # (row, column → block indices), data rows in order
    hidden: str | None = None  # "sheet" when the whole table sits on a hidden sheet

    def kind(self, col: int) -> ColumnKind | None:
        return column_kind(self.headers.get(col, ""))


def tables(document: Document, *, kinds: Iterable[str] = ("table_cell",)) -> list[Table]:
    """Every table of the document with its header and data rows: cells under the contract above, and docx
    table cells that do not carry it yet (row 0 of a `…/tbl[t]/tr[r]/tc[c]` path is the header), until the
    docx reader sets the attributes itself."""
    allowed = set(kinds)
    found: dict[tuple[str, str], dict] = {}
    for i, block in enumerate(document.blocks):
        if str(block.kind) not in allowed:
            continue
        attrs = block.attrs
        if attrs and "table" in attrs and "row" in attrs:
            if "header" not in attrs and "header_cell" not in attrs:
                continue
            key = (block.part, attrs["table"])
            row, col, header = int(attrs["row"]), int(attrs["col"]), "header_cell" in attrs
            hidden = attrs.get("hidden") if attrs.get("hidden", "").endswith("sheet") else None
        else:
            m = _DOCX_CELL.match(block.path)
            if m is None:
                continue
            key = (block.part, m["table"])
            row, col, header, hidden = int(m["row"]), int(m["col"]), m["row"] == "0", None
        entry = found.setdefault(key, {"headers": {}, "rows": {}, "hidden": hidden})
        if header:
            text = " ".join(block.text.split())
            previous = entry["headers"].get(col)
            entry["headers"][col] = f"{previous} {text}" if previous else text
        else:
            entry["rows"].setdefault(row, {}).setdefault(col, []).append(i)
    out = []
    for (part, table), entry in found.items():
        if entry["headers"] and entry["rows"]:
            out.append(Table(part, table, entry["headers"], sorted(entry["rows"].items()), entry["hidden"]))
    return out

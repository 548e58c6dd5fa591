"""Column semantics: a header says what a column holds, and its cells are found as a column."""

from __future__ import annotations

import pytest

from reviewer.core.detection import analyze
from reviewer.core.detection.columns import column_findings, column_kind, tables
from reviewer.core.documents import load_document
from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat


@pytest.mark.parametrize(
    ("header", "key", "entity"),
    [
        ("姓名", "name", "PERSON"),
        ("户主", "name", "PERSON"),
        ("申请人", "name", "PERSON"),
        ("被征收人", "name", "PERSON"),
        ("户主姓名", "name", "PERSON"),
        ("开户名", "name", "PERSON"),
        ("身份证号", "id_card", "CN_ID_CARD"),
        ("公民身份号码", "id_card", "CN_ID_CARD"),
        ("户主身份证号码", "id_card", "CN_ID_CARD"),
        ("联系电话", "phone", "CN_MOBILE_PHONE"),
        ("手机", "phone", "CN_MOBILE_PHONE"),
        ("联系人电话", "phone", "CN_MOBILE_PHONE"),
        ("银行账号", "bank_account", "CN_BANK_CARD"),
        ("卡号", "bank_account", "CN_BANK_CARD"),
        ("住址", "address", "CN_ADDRESS"),
        ("家庭住址", "address", "CN_ADDRESS"),
        ("地址", "address", "CN_ADDRESS"),
        ("坐落", "address", "CN_ADDRESS"),
        ("病种", "sensitive", "SENSITIVE_PERSONAL"),
        ("疾病名称", "sensitive", "SENSITIVE_PERSONAL"),
        ("伤情", "sensitive", "SENSITIVE_PERSONAL"),
        ("残疾等级", "sensitive", "SENSITIVE_PERSONAL"),
        ("致贫原因", "sensitive", "SENSITIVE_PERSONAL"),
        ("家庭人口", "household_size", None),
        ("保障金额（元）", "amount", None),
        ("村（社区）", "village", None),
        ("与户主关系", "relation", None),
        ("性别", "sex", None),
    ],
)
def test_header_vocabulary(header, key, entity):
    kind = column_kind(header)
    assert (kind.key, kind.entity_type) == (key, entity)


def test_unknown_headers_say_nothing():
    assert column_kind("序号") is None and column_kind("备注") is None and column_kind("") is None


def _document(rows: list[list[str]], header: list[str]) -> Document:
    """Cells under the table-cell contract alone (no reader): what a docx or PDF reader will hand over."""
    blocks = [Block(kind=BlockKind.PARAGRAPH, part="body", path="p[0]", text="2024年救助对象名单")]
    blocks += [
        Block(
            kind=BlockKind.TABLE_CELL,
            part="body",
            path=f"tbl[0]/tr[0]/tc[{c}]",
            text=h,
            attrs={"table": "0", "row": "0", "col": str(c), "header_cell": "1"},
        )
        for c, h in enumerate(header)
    ]
    for r, row in enumerate(rows, start=1):
        blocks += [
            Block(
                kind=BlockKind.TABLE_CELL,
                part="body",
                path=f"tbl[0]/tr[{r}]/tc[{c}]",
                text=text,
                attrs={"table": "0", "row": str(r), "col": str(c), "header": header[c]},
            )
            for c, text in enumerate(row)
        ]
    return Document.build(path="contract", format=DocumentFormat.DOCX, sha256="", size=0, blocks=blocks)


ROWS = [
    ["巴特尔", "150102198003124512", "13847120011", "内蒙古呼和浩特市新城区海拉尔东路12号", "肢体残疾二级"],
    ["买买提·艾力", "650102197512303618", "0991-2345678", "乌鲁木齐市天山区解放南路8号", "糖尿病"],
    ["王\u3000琴", "50023819850312452X", "138 2345 6789", "巫溪县宁厂镇双溪村3组", "因病"],
    ["李四（已迁出）", "500238********1234", "无", "同上", "无"],
    ["合计", "", "", "", ""],
]
HEADER = ["户主姓名", "公民身份号码", "联系电话", "家庭住址", "致贫原因"]


def test_a_column_is_found_as_a_column_under_the_contract():
    document = _document(ROWS, HEADER)
    found = column_findings(document)
    by_text = {f.text: f for f in found.findings}
    assert {f.text for f in found.findings if f.entity_type == "PERSON"} == {
        "巴特尔",
        "买买提·艾力",
        "王\u3000琴",
        "李四",
    }
    assert {f.text for f in found.findings if f.entity_type == "CN_ID_CARD"} == {
        "150102198003124512",
        "650102197512303618",
        "50023819850312452X",
    }
    assert by_text["0991-2345678"].entity_type == "CN_LANDLINE_PHONE"
    assert by_text["138 2345 6789"].entity_type == "CN_MOBILE_PHONE"
    assert (
        by_text["糖尿病"].entity_type == "SENSITIVE_PERSONAL"
        and by_text["因病"].entity_type == "SENSITIVE_PERSONAL"
    )
    assert by_text["巫溪县宁厂镇双溪村3组"].entity_type == "CN_ADDRESS"
    name = by_text["王\u3000琴"]
    assert "列“户主姓名”" in name.explanation and name.recognizer == "ColumnSemantics"
    assert name.attributes == {"column": "户主姓名", "column_kind": "name"}
    assert name.locator["header"] == "户主姓名" and name.locator["row"] == "3"
    for f in found.findings:
        assert document.text[f.start : f.end] == f.text
    # a masked ID, 无, 同上 and 合计 are not findings; a name with a note is found but not fully answered
    assert "500238********1234" not in by_text and "合计" not in {f.text for f in found.findings}
    note = next(i for i, b in enumerate(document.blocks) if b.text == "李四（已迁出）")
    assert note not in found.answered


def test_analyze_reports_each_cell_once_with_the_column_explanation():
    document = _document(ROWS[:3], HEADER)
    findings = analyze(document)
    ids = [f for f in findings if f.entity_type == "CN_ID_CARD"]
    assert len(ids) == 3 and all(f.recognizer == "ColumnSemantics" for f in ids)
    spans = [(f.start, f.end) for f in findings if f.category == "personal"]
    assert len(spans) == len(set(spans))
    assert any(f.text == "巴特尔" and f.entity_type == "PERSON" for f in findings)


def test_roster_columns_in_a_workbook_including_hidden_places(roster):
    document = load_document(roster.xlsx)
    findings = analyze(document)
    got = {(f.entity_type, f.text) for f in findings}
    for r in roster.rows:
        assert {
            ("CN_ID_CARD", r["id"]),
            ("CN_MOBILE_PHONE", r["phone"]),
            ("CN_BANK_CARD", r["account"]),
            ("PERSON", r["name"]),
        } <= got
    assert ("CN_MOBILE_PHONE", roster.comment_phone) in got
    hidden = {f.locator.get("hidden") for f in findings if f.entity_type == "CN_ID_CARD"}
    assert hidden == {None, "row", "sheet", "pivot-cache"}
    one = [f for f in findings if f.text == roster.rows[10]["id"] and f.locator.get("sheet") == "名册"]
    assert len(one) == 1 and "身份证号码" in one[0].explanation


def test_tables_for_the_check_read_the_contract_and_docx_paths(roster):
    sheets = {t.table: t for t in tables(load_document(roster.xlsx))}
    assert (
        sheets["名册"].headers[3] == "身份证号码" and len(sheets["名册"].rows) == len(roster.rows) + 1
    )  # + 合计
    assert sheets["原始数据"].hidden == "sheet"
    docx = tables(load_document(roster.docx))
    assert len(docx) == 1 and docx[0].headers[2] == "户主姓名" and len(docx[0].rows) == len(roster.rows)


def test_quasi_identifier_cells_of_their_own_shape_are_answered_others_are_not():
    header = ["村（社区）", "家庭人口", "保障金额", "户主姓名"]
    document = _document(
        [["双溪村", "3", "1,380", "王琴"], ["大河村", "13812345678", "560元", "李四"]], header
    )
    found = column_findings(document)
    answered = {document.blocks[i].text for i in found.answered}
    assert {"双溪村", "大河村", "3", "1,380", "560元", "王琴", "李四"} <= answered
    assert "13812345678" not in answered  # a phone typed into 家庭人口 goes through the patterns
    assert any(f.text == "13812345678" and f.entity_type == "CN_MOBILE_PHONE" for f in analyze(document))

"""Layout-aware table reading (issue 25): PDF ruled cells and docx cells carry row, column and header, and the
column pass finds a roster's names, addresses and diseases as columns. Real files made by
tests/data/detection/make_tables.py, read by the real readers, analysed by the real pipeline."""

from __future__ import annotations

import pytest

from reviewer.core.detection import analyze
from reviewer.core.detection.config import PROJECT_ROOT
from reviewer.core.detection.pdf_cells import pdf_cells
from reviewer.core.documents import load_document
from reviewer.core.documents.model import BlockKind
from reviewer.core.documents.pdf.tables import CELLS
from tests.data.detection.make_tables import ADDRESSES, DISEASES, NAMES, NOTED

DATA = PROJECT_ROOT / "tests" / "data" / "detection"


def flat(text: str) -> str:
    return "".join(text.split())


def test_pdf_page_records_its_ruled_cells_without_changing_the_page_text():
    document = load_document(DATA / "tables.pdf")
    pages = [b for b in document.blocks if b.kind is BlockKind.PAGE]
    assert CELLS in pages[0].attrs and CELLS in pages[1].attrs
    cells = pdf_cells(document)
    texts = {(c.attrs["header"], flat(c.text)) for c in cells}
    # a wrapped cell is one value; the page-2 rows (no header printed) take page 1's header
    assert ("家庭住址", flat(ADDRESSES[0])) in texts and ("病种", "慢性肾功能衰竭（尿毒症期）") in texts
    assert ("姓名", "李刚") in texts and ("姓名", "阿牛木呷") in texts
    for c in cells:  # cells share the page's offsets: the document text is unchanged
        assert document.text[c.start:c.start + len(c.text)] == c.text
        assert c.page in (1, 2)


@pytest.mark.parametrize("name", ["tables.pdf", "tables.docx"])
def test_roster_columns_find_names_addresses_and_diseases(name):
    document = load_document(DATA / name)
    findings = analyze(document)
    persons = sorted(flat(f.text) for f in findings if f.entity_type == "PERSON")
    assert persons == sorted(flat(n) for n in NAMES)  # 王　琴, 额尔敦毕力格, 买买提·艾力 whole; nothing else
    addresses = {flat(f.text) for f in findings if f.entity_type == "CN_ADDRESS"}
    assert addresses == {flat(a) for a in ADDRESSES}
    sensitive = {flat(f.text) for f in findings if f.entity_type == "SENSITIVE_PERSONAL"}
    # the 病种 column as a column; in 备注 the disease and injury names (one row is one person), not 房屋失火
    assert sensitive == {flat(d) for d in DISEASES + NOTED}
    for f in findings:
        assert document.text[f.start:f.end] == f.text


def test_docx_cells_keep_row_column_and_header():
    document = load_document(DATA / "tables.docx")
    cells = [b for b in document.blocks if b.kind is BlockKind.TABLE_CELL]
    title = [b for b in cells if "填报单位" in b.text]
    assert title and "header" not in title[0].attrs  # the merged title row is not the header row
    header = [b for b in cells if b.attrs.get("header_cell") == "1"]
    assert [flat(b.text) for b in header][:2] == ["序号", "姓名"]
    name = next(f for f in analyze(document) if f.entity_type == "PERSON" and f.text == "王\u3000琴")
    assert name.locator["header"] == "姓名" and name.locator["row"] == "2" and name.locator["col"] == "1"
    assert "列“姓名”" in name.explanation


def test_a_mixed_name_and_id_column():
    from reviewer.core.detection.columns import column_findings
    from reviewer.core.documents.model import Block, Document, DocumentFormat

    header = "法定代表人（实际控制人）及身份证号码"
    texts = ["冯国栋 441900197509280610", "冯美玲", "林 达"]
    blocks = [Block(kind=BlockKind.TABLE_CELL, part="page 1", path=f"t/tr[{i}]/tc[3]", text=t,
                    attrs={"table": "t", "row": str(i), "col": "3", "header": header}) for i, t in enumerate(texts, 1)]
    document = Document.build(path="m.pdf", format=DocumentFormat.PDF, sha256="0" * 64, size=0, blocks=blocks)
    found = [(f.entity_type, f.text) for f in column_findings(document).findings]
    assert ("PERSON", "冯国栋") in found and ("PERSON", "冯美玲") in found and ("PERSON", "林 达") in found


def test_a_han_name_in_the_author_property_is_a_name(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("武昌区“15分钟便民生活圈”让居民幸福感“近在咫尺”")
    d.core_properties.author = "田野"  # an ordinary word (a field) as a byline
    d.core_properties.last_modified_by = "whsw-xcb"  # a user name is not a person's name
    d.save(tmp_path / "news.docx")
    document = load_document(tmp_path / "news.docx")
    persons = [(f.text, f.locator["kind"]) for f in analyze(document) if f.entity_type == "PERSON"]
    assert persons == [("田野", "property")]


def test_an_identifier_wrapped_inside_one_pdf_cell():
    """The page-level unwrapping would glue 2301 (the cell before) to the credit code; the cell alone does not."""
    from reviewer.core.documents.model import Block, Document, DocumentFormat

    text = "地址\n统一社会信用代码\n中标金额\n科技大厦2301\n91440300MA5DK3T81\nR\n3,486,200.00"
    pieces = text.split("\n")
    spans, pos = [], 0
    for p in pieces:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 1
    cells = [(0, 0, 0, spans[0]), (0, 0, 1, spans[1]), (0, 0, 2, spans[2]), (0, 1, 0, spans[3]),
             (0, 1, 1, (spans[4][0], spans[5][1])), (0, 1, 2, spans[6])]
    records = ";".join(f"{t},{r},{c},{s},{e}" for t, r, c, (s, e) in cells)
    page = Block(kind=BlockKind.PAGE, part="page 1", path="page[0]", text=text, page=1, attrs={CELLS: records})
    document = Document.build(path="m.pdf", format=DocumentFormat.PDF, sha256="0" * 64, size=0, blocks=[page])
    codes = [f.text for f in analyze(document) if f.entity_type == "CN_USCC"]
    assert codes == ["91440300MA5DK3T81\nR"]

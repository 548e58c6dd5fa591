"""Workbooks read cell by cell with every place a viewer does not see, on files made at test time."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest

from reviewer.core.documents import load_document
from reviewer.core.documents.model import BlockKind, DocumentFormat
from reviewer.core.documents.sniff import sniff_format
from reviewer.core.errors import CorruptDocument, TooLarge, UnsupportedFormat

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: it makes the "
    ".xls and .doc test files (make sysdeps installs it)",
)


def _cells(document, sheet):
    return {
        b.attrs["cell"]: b
        for b in document.blocks
        if b.kind == BlockKind.TABLE_CELL and b.attrs["sheet"] == sheet
    }


def test_every_cell_is_a_block_with_sheet_row_column_and_header(roster):
    document = load_document(roster.xlsx)
    assert document.format is DocumentFormat.XLSX
    cells = _cells(document, "名册")
    first = roster.rows[0]
    block = cells["D3"]
    assert block.text == first["id"]
    loc = document.locate(block.start, block.end)
    assert (loc["kind"], loc["part"], loc["path"]) == ("table_cell", "xl/worksheets/sheet1.xml", "名册!D3")
    assert (loc["sheet"], loc["cell"], loc["row"], loc["col"], loc["header"]) == (
        "名册",
        "D3",
        "2",
        "3",
        "身份证号码",
    )
    assert "hidden" not in loc
    assert cells["C2"].attrs["header_cell"] == "1" and "header" not in cells["C2"].attrs
    assert "header" not in cells["A1"].attrs  # the merged title above the header row is not a column cell
    # a phone typed as a number reads as its digits, not 1.39e10
    assert cells["E3"].text == first["phone"]
    assert len([b for b in cells.values() if b.attrs.get("header") == "身份证号码"]) == len(roster.rows)


def test_hidden_sheet_row_comment_pivot_cache_and_properties_are_read_and_flagged(roster):
    document = load_document(roster.xlsx)
    hidden_sheet = _cells(document, "原始数据")
    assert {b.attrs["hidden"] for b in hidden_sheet.values()} == {"sheet"}
    assert {b.text for b in hidden_sheet.values()} >= set(roster.ids)
    row = roster.hidden_row + 3  # the sheet's own numbering
    assert _cells(document, "名册")[f"D{row}"].attrs["hidden"] == "row"
    comment = next(b for b in document.blocks if b.kind == BlockKind.COMMENT)
    assert roster.comment_phone in comment.text
    assert document.locate(comment.start, comment.end)["hidden"] == "comment"
    assert (comment.attrs["sheet"], comment.attrs["cell"]) == ("名册", "C4")
    records = [
        b
        for b in document.blocks
        if b.kind == BlockKind.PIVOT_CACHE and b.attrs.get("hidden") == "pivot-cache"
    ]
    assert {b.text for b in records if b.attrs["header"] == "身份证号码"} == set(roster.ids)
    assert {b.text for b in records if b.attrs["header"] == "银行账号"} == set(roster.accounts)
    props = {b.path: b.text for b in document.blocks if b.kind == BlockKind.PROPERTY}
    assert props["creator"] == "刘德胜"


def _workbook(tmp_path, name="extra.xlsx"):
    import xlsxwriter

    path = tmp_path / name
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("表")
    ws.write_row(0, 0, ["姓名", "手机"])
    ws.write_row(1, 0, ["李四", "13800138000"])
    ws.set_column(1, 1, 14, None, {"hidden": True})
    ws.set_header("&L第&P页&C联系人李四 13800138000")
    wb.define_name("联系人", '="李四13800138000"')
    wb.close()
    return path


def test_hidden_column_header_footer_and_defined_name(tmp_path):
    document = load_document(_workbook(tmp_path))
    phone = next(b for b in document.blocks if b.text == "13800138000")
    assert phone.attrs["hidden"] == "column"
    header = next(b for b in document.blocks if b.kind == BlockKind.HEADER)
    assert header.text == "第 页 联系人李四 13800138000"
    name = next(b for b in document.blocks if b.kind == BlockKind.DEFINED_NAME)
    assert name.text == '联系人="李四13800138000"' and name.attrs["hidden"] == "defined-name"


def test_workbook_is_told_from_docx_and_a_renamed_one_still_loads(tmp_path, roster):
    data = roster.xlsx.read_bytes()
    assert sniff_format(data, "x.docx") is DocumentFormat.XLSX
    assert sniff_format(roster.docx.read_bytes(), "x.xlsx") is DocumentFormat.DOCX
    renamed = tmp_path / "名册.docx"
    renamed.write_bytes(data)
    assert load_document(renamed).format is DocumentFormat.XLSX


def _rezip(source, tmp_path, name, change):
    out = tmp_path / name
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, change(info.filename, src.read(info)))
    return out


def test_xlsb_dtd_and_zip_bomb_are_refused(tmp_path):
    book = _workbook(tmp_path)
    xlsb = tmp_path / "b.xlsb"
    with zipfile.ZipFile(xlsb, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.bin", b"\0" * 10)
    with pytest.raises(UnsupportedFormat, match="xlsb"):
        load_document(xlsb)
    dtd = _rezip(
        book,
        tmp_path,
        "dtd.xlsx",
        lambda n, d: (
            d.replace(b"<worksheet", b'<!DOCTYPE x [<!ENTITY e "x">]><worksheet', 1)
            if n == "xl/worksheets/sheet1.xml"
            else d
        ),
    )
    with pytest.raises(CorruptDocument, match="DTD"):
        load_document(dtd)
    bomb = _rezip(
        book,
        tmp_path,
        "bomb.xlsx",
        lambda n, d: (
            d.replace(b"</sheetData>", b"</sheetData>" + b" " * 3_000_000)
            if n == "xl/worksheets/sheet1.xml"
            else d
        ),
    )
    with pytest.raises(TooLarge, match="max_compression_ratio|max_part_size"):
        load_document(bomb, max_part_size=2_000_000)


def test_mutated_workbooks_load_or_fail_cleanly(tmp_path):
    from reviewer.core.errors import DocumentError

    original = _workbook(tmp_path).read_bytes()
    for k, cut in enumerate((len(original) // 2, len(original) - 30, 200)):
        path = tmp_path / f"cut{k}.xlsx"
        path.write_bytes(original[:cut])
        try:
            load_document(path)
        except DocumentError:
            pass


@needs_soffice
def test_xls_cells_hidden_rows_comments_names_and_properties(roster):
    document = load_document(roster.xls)
    assert document.format is DocumentFormat.XLS
    cells = _cells(document, "名册")
    assert cells["D3"].text == roster.rows[0]["id"] and cells["D3"].part == "Workbook"
    assert document.locate(cells["D3"].start, cells["D3"].end)["path"] == "名册!D3"
    assert cells[f"D{roster.hidden_row + 3}"].attrs["hidden"] == "row"
    assert {b.attrs.get("hidden") for b in _cells(document, "原始数据").values()} == {"sheet"}
    comment = next(
        b for b in document.blocks if b.kind == BlockKind.COMMENT and roster.comment_phone in b.text
    )
    assert comment.attrs["cell"] == "C4"
    props = {b.path: b.text for b in document.blocks if b.kind == BlockKind.PROPERTY}
    assert props["author"] == "刘德胜"


@needs_soffice
def test_xls_is_told_from_doc(tmp_path, roster):
    out = tmp_path / "doc"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(out),
            str(roster.docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    doc = next(out.glob("*.doc")).read_bytes()
    with pytest.raises(UnsupportedFormat, match=r"\.doc"):
        sniff_format(doc, "x.xls")
    assert sniff_format(roster.xls.read_bytes(), "x.doc") is DocumentFormat.XLS


def test_cell_attributes_travel_to_a_helper_process():
    import pickle

    from reviewer.core.documents.xlsx.cells import CellAttrs

    attrs = CellAttrs("名册", 6, 2, "姓名", "row")
    copy = pickle.loads(pickle.dumps(attrs))
    assert (
        dict(copy)
        == dict(attrs)
        == {
            "table": "名册",
            "sheet": "名册",
            "cell": "C7",
            "row": "6",
            "col": "2",
            "header": "姓名",
            "hidden": "row",
        }
    )

"""Redacted workbooks: the roster made at test time, redacted through the real pipeline, then unzipped and
searched part by part; formatting, widths and the pivot table's shape compared with the input."""

from __future__ import annotations

import posixpath
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reviewer.core.deidentify.export import write_verified
from reviewer.core.deidentify.plan import plan_redactions
from reviewer.core.deidentify.profiles import load_profile
from reviewer.core.deidentify.verify import verify_output
from reviewer.core.detection import analyze
from reviewer.core.documents import load_document

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ENCODINGS = ("utf-8", "utf-16-le", "gb18030")
needs_soffice = pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice (soffice) is not installed: it makes the .xls test file",
)


def redact(source: Path, output: Path, profile: str = "general"):
    document = load_document(source)
    plan = plan_redactions(analyze(document), load_profile(profile))
    return write_verified(document, plan, output)


@pytest.fixture(scope="module")
def general(roster, tmp_path_factory):
    out = tmp_path_factory.mktemp("general") / "名册-去标识化.xlsx"
    return redact(roster.xlsx, out), out


@pytest.fixture(scope="module")
def notice(roster, tmp_path_factory):
    out = tmp_path_factory.mktemp("notice") / "名册-公示.xlsx"
    return redact(roster.xlsx, out, "assistance-notice"), out


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def hits(path: Path, values) -> list[tuple[str, str, str]]:
    """(part, value, encoding) for every value still in any part's raw bytes, in any encoding."""
    found = []
    for name, data in parts(path).items():
        for value in values:
            for enc in ENCODINGS:
                if value.encode(enc) in data:
                    found.append((name, value, enc))
    return found


def test_no_identifier_or_name_left_in_any_part(roster, general):
    result, out = general
    assert result.report.ok
    values = (
        roster.ids + roster.phones + roster.accounts + [r["name"] for r in roster.rows if len(r["name"]) > 1]
    )
    assert hits(out, values) == []
    assert hits(roster.xlsx, roster.ids[:3]) != []  # the search itself finds what is there
    text = load_document(out).text
    assert not [v for v in values if v in text]
    assert "500238********" in text  # masked as the general profile says, not dropped


def test_formatting_column_widths_and_merged_cells_survive(roster, general):
    _, out = general
    before, after = parts(roster.xlsx), parts(out)
    for name in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml"):
        old, new = etree.fromstring(before[name]), etree.fromstring(after[name])
        for tag in ("cols", "mergeCells", "sheetViews", "pageMargins"):
            a, b = old.find(f"{S}{tag}"), new.find(f"{S}{tag}")
            assert (a is None) == (b is None)
            if a is not None:
                assert etree.tostring(a, method="c14n") == etree.tostring(b, method="c14n"), tag
        styles = {c.get("r"): c.get("s") for c in old.iter(f"{S}c")}
        assert styles == {c.get("r"): c.get("s") for c in new.iter(f"{S}c")}
        assert {r.get("r"): r.get("hidden") for r in old.iter(f"{S}row")} == {
            r.get("r"): r.get("hidden") for r in new.iter(f"{S}row")
        }
    assert etree.tostring(etree.fromstring(before["xl/styles.xml"]), method="c14n") == etree.tostring(
        etree.fromstring(after["xl/styles.xml"]), method="c14n"
    )


def test_numbers_typed_as_numbers_become_masked_text(roster, general):
    _, out = general
    sheet = etree.fromstring(parts(out)["xl/worksheets/sheet1.xml"])
    cell = next(c for c in sheet.iter(f"{S}c") if c.get("r") == "E3")  # row 0's phone was typed as a number
    assert cell.get("t") == "inlineStr"
    assert cell.findtext(f"{S}is/{S}t") == roster.rows[0]["phone"][:3] + "****" + roster.rows[0]["phone"][-4:]
    total = next(c for c in sheet.iter(f"{S}c") if c.find(f"{S}f") is not None)
    assert total.findtext(f"{S}f").startswith("SUM(H3:H")  # a formula over kept amounts stays a formula


def test_pivot_cache_keeps_no_source_rows_and_the_package_holds_together(roster, general):
    result, out = general
    files = parts(out)
    assert not [n for n in files if "pivotCacheRecords" in n]
    definition = etree.fromstring(files["xl/pivotCache/pivotCacheDefinition1.xml"])
    assert (definition.get("saveData"), definition.get("refreshOnLoad")) == ("0", "1")
    assert definition.get("refreshedBy") is None
    items = {
        f.get("name"): [i.get("v") for i in f.iterfind(f"{S}sharedItems/{S}s")]
        for f in definition.iter(f"{S}cacheField")
    }
    assert sorted(items["村（社区）"]) == sorted(
        ["双溪村", "大河村", "石门社区", "红岩村", "柏杨村", "新华社区"]
    )
    assert items["户主姓名"] == items["身份证号码"] == items["银行账号"] == []
    assert "xl/pivotTables/pivotTable1.xml" in files
    assert any("pivot caches: source records removed" in n for n in result.notes)
    _assert_package_consistent(files)


def _assert_package_consistent(files: dict[str, bytes]) -> None:
    """Every internal relationship points at a part that exists; every content-type override names one."""
    for name, data in files.items():
        if not name.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(name))
        for rel in etree.fromstring(data):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target")
            resolved = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            assert resolved in files, (name, target)
    types = etree.fromstring(files["[Content_Types].xml"])
    for override in types:
        if override.get("PartName"):
            assert override.get("PartName").lstrip("/") in files, override.get("PartName")


def test_comments_removed_and_hidden_sheet_cleaned_by_default(roster, general):
    result, out = general
    files = parts(out)
    assert not [n for n in files if re.search(r"comments|vmlDrawing", n)]
    assert b"legacyDrawing" not in files["xl/worksheets/sheet1.xml"]
    assert "原始数据" in files["xl/workbook.xml"].decode()
    assert any("hidden sheets kept and de-identified" in n for n in result.notes)
    core = etree.fromstring(files["docProps/core.xml"])
    assert all(not (el.text or "").strip() for el in core if el.tag.endswith(("creator", "lastModifiedBy")))


def test_the_notice_profile_removes_the_hidden_sheet_and_publishes_only_its_columns(roster, notice):
    result, out = notice
    files = parts(out)
    workbook = files["xl/workbook.xml"].decode()
    assert "原始数据" not in workbook and "xl/worksheets/sheet3.xml" not in files
    assert "原始数据" not in files["docProps/app.xml"].decode()
    _assert_package_consistent(files)
    assert hits(out, roster.ids + roster.phones + roster.accounts) == []
    assert any("hidden sheets removed: 原始数据" in n for n in result.notes)
    document = load_document(out)
    names = {b.text for b in document.blocks if b.attrs.get("header") == "户主姓名"}
    assert roster.rows[20]["name"] in names  # names are published by this rule
    reasons = {b.text for b in document.blocks if b.attrs.get("header") == "致贫原因"}
    assert reasons and all(set(t) <= {"█"} for t in reasons)  # 因病 / 因残 never


def test_formula_reading_a_removed_cell_is_replaced_by_its_value(tmp_path):
    import xlsxwriter

    source = tmp_path / "formulas.xlsx"
    wb = xlsxwriter.Workbook(str(source))
    ws = wb.add_worksheet("表")
    ws.write_row(0, 0, ["姓名", "身份证号", "复核", "人口", "合计"])
    ws.write_row(1, 0, ["赵建国", "500238198503124528"])
    ws.write_formula(1, 2, "=B2", None, "500238198503124528")
    ws.write_number(1, 3, 3)
    ws.write_formula(1, 4, "=D2*2", None, 6)
    wb.close()
    out = tmp_path / "out.xlsx"
    result = redact(source, out)
    sheet = etree.fromstring(parts(out)["xl/worksheets/sheet1.xml"])
    cells = {c.get("r"): c for c in sheet.iter(f"{S}c")}
    assert cells["C2"].find(f"{S}f") is None
    assert (cells["C2"].findtext(f"{S}is/{S}t") or cells["C2"].findtext(f"{S}v")) == "500238********4528"
    assert cells["E2"].findtext(f"{S}f") == "D2*2"  # reads nothing that was removed
    assert any("formulas that computed from removed values" in n for n in result.notes)
    assert "xl/calcChain.xml" not in parts(out)


def test_the_verifier_reads_the_copy_on_its_own(roster, general, tmp_path):
    _, out = general
    planted = roster.ids[5]
    tampered = tmp_path / "tampered.xlsx"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(tampered, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet2.xml":  # the number, stored as Excel stores numbers
                data = data.replace(
                    b"</sheetData>",
                    f'<row r="99"><c r="A99"><v>{float(planted[:15]):.14E}</v>'
                    f"</c></row></sheetData>".encode(),
                )
            dst.writestr(info, data)
        dst.writestr("xl/comments9.xml", "<comments/>")
    report = verify_output(tampered, [planted[:15]], format="xlsx")
    assert "xl/worksheets/sheet2.xml cell A99 (number as shown)" in [s.where for s in report.survivors]
    assert any("comments9.xml present" in r for r in report.residues)


@needs_soffice
def test_xls_is_exported_as_a_verified_xlsx(roster, tmp_path):
    out = tmp_path / "名册.xlsx"
    result = redact(roster.xls, out, "assistance-notice")
    assert result.format == "xlsx" and result.report.ok
    assert hits(out, roster.ids + roster.phones + roster.accounts) == []
    assert any("converted from Excel 97-2003" in n for n in result.notes)
    document = load_document(out)
    assert {b.attrs["sheet"] for b in document.blocks if b.kind == "table_cell"} == {"名册", "汇总"}
    hidden = [b for b in document.blocks if b.attrs.get("hidden") == "row"]
    assert hidden and all(b.attrs["row"] == str(roster.hidden_row + 2) for b in hidden)
    sheet = etree.fromstring(parts(out)["xl/worksheets/sheet1.xml"])
    widths = {int(c.get("min")): float(c.get("width")) for c in sheet.iter(f"{S}col")}
    assert widths[4] > 20 and widths[1] < 8  # 身份证号码 wide, 序号 narrow, as in the source
    with pytest.raises(Exception, match="must end in .xlsx"):
        redact(roster.xls, tmp_path / "名册.xls")


def test_docx_roster_table_is_redacted(roster, tmp_path):
    out = tmp_path / "名册.docx"
    result = redact(roster.docx, out)
    assert result.report.ok
    assert hits(out, roster.ids + [r["phone"] for r in roster.rows] + roster.accounts) == []


def test_scan_cli_finds_every_identifier_including_hidden_ones(roster, capsys):
    import json

    from reviewer.cli import main

    assert main(["scan", str(roster.xlsx)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    found = {(r["entity_type"], r["text"]) for r in records}
    want = (
        {("CN_ID_CARD", v) for v in roster.ids}
        | {("CN_MOBILE_PHONE", v) for v in roster.phones}
        | {("CN_BANK_CARD", v) for v in roster.accounts}
    )
    assert want <= found
    hidden_ids = {
        r["text"]
        for r in records
        if r["entity_type"] == "CN_ID_CARD" and r["locator"].get("hidden") == "sheet"
    }
    assert hidden_ids == set(roster.ids)
    comment = next(r for r in records if r["text"] == roster.comment_phone)
    assert comment["locator"]["hidden"] == "comment"


def test_a_birth_date_stored_as_a_date_is_found_replaced_and_verified(tmp_path):
    import datetime as dt

    import xlsxwriter

    source = tmp_path / "dates.xlsx"
    wb = xlsxwriter.Workbook(str(source))
    ws = wb.add_worksheet("表")
    ws.write_row(0, 0, ["姓名", "出生日期"])
    ws.write_row(1, 0, ["赵建国"])
    ws.write_datetime(1, 1, dt.datetime(1985, 3, 12), wb.add_format({"num_format": "yyyy-mm-dd"}))
    wb.close()
    # the verifier renders the day count under a date style on its own
    report = verify_output(source, ["1985-03-12"], format="xlsx")
    assert [s.where for s in report.survivors] == ["xl/worksheets/sheet1.xml cell B2 (number as shown)"]
    out = tmp_path / "out.xlsx"
    result = redact(source, out)
    assert result.report.ok and "1985-03-12" in result.plan.values
    cell = next(
        c
        for c in etree.fromstring(parts(out)["xl/worksheets/sheet1.xml"]).iter(f"{S}c")
        if c.get("r") == "B2"
    )
    assert cell.get("t") == "inlineStr" and cell.get("s") is not None

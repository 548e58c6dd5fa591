"""Benefit rosters made at test time: a 600-row 低保 roster as xlsx (formatted, column widths, a hidden
sheet with the full ID numbers, a comment with a phone, a hidden row, a pivot table over the rows whose
cache keeps every source row), the same as .xls (LibreOffice headless converts it, when installed) and as
a docx table; and a second list of the same households with their IDs masked another way.

`make_roster(folder)` returns the paths and what was planted (`Roster.ids`, `.phones`, `.accounts`).
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

SEED = 28
VILLAGES = ["双溪村", "大河村", "石门社区", "红岩村", "柏杨村", "新华社区"]
TOWN = "宁厂镇"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "建国晓梅志强秀英海峰丽娟明辉红霞国华玉兰德胜春燕文静子涵浩然雨欣俊杰婷婷永福桂芳"
SPECIAL_NAMES = ["巴特尔", "买买提·艾力", "王\u3000琴", "扎西多吉", "阿依古丽"]
REASONS = ["因病", "因残", "因学", "缺劳动力", "缺技术", "因灾"]
HEADERS = [
    "序号",
    "村（社区）",
    "户主姓名",
    "身份证号码",
    "联系电话",
    "银行账号",
    "家庭人口",
    "保障金额（元）",
    "致贫原因",
]
ROWS = 600
REGION = "500238"  # 巫溪县
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def id_number(rng: random.Random) -> str:
    body = f"{REGION}{rng.randint(1940, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11]


def account(rng: random.Random) -> str:
    body = "622848" + "".join(str(rng.randint(0, 9)) for _ in range(12))
    total = 0
    for i, d in enumerate(reversed(body)):
        n = int(d) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return body + str((10 - total % 10) % 10)


@dataclass
class Roster:
    xlsx: Path
    docx: Path
    xls: Path | None
    second: Path  # the same households, IDs masked keeping the first 14 characters
    rows: list[dict] = field(default_factory=list)
    comment_phone: str = ""
    hidden_row: int = 0  # 0-based index into rows of the row hidden in the sheet

    @property
    def ids(self) -> list[str]:
        return [r["id"] for r in self.rows]

    @property
    def phones(self) -> list[str]:
        return [r["phone"] for r in self.rows] + [self.comment_phone]

    @property
    def accounts(self) -> list[str]:
        return [r["account"] for r in self.rows]


def households(n: int = ROWS) -> list[dict]:
    rng = random.Random(SEED)
    rows, names = [], set()
    for i in range(n):
        if i < len(SPECIAL_NAMES):
            name = SPECIAL_NAMES[i]
        else:
            name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
            while name in names:
                name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
        names.add(name)
        size = rng.choice((1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6))
        rows.append(
            {
                "no": i + 1,
                "village": rng.choice(VILLAGES),
                "name": name,
                "id": id_number(rng),
                "phone": rng.choice(["138", "139", "150", "177", "188"]) + f"{rng.randint(0, 99999999):08d}",
                "account": account(rng),
                "size": size,
                "amount": size * rng.choice((440, 460, 480, 520)),
                "reason": rng.choice(REASONS),
            }
        )
    return rows


def make_roster(folder: Path) -> Roster:
    folder.mkdir(parents=True, exist_ok=True)
    rows = households()
    roster = Roster(
        xlsx=folder / "低保花名册.xlsx",
        docx=folder / "低保花名册.docx",
        xls=None,
        second=folder / "第二批公示.xlsx",
        rows=rows,
        comment_phone="13908231746",
        hidden_row=7,
    )
    _xlsx(roster)
    _with_pivot(roster.xlsx, rows)
    _docx(roster.docx, rows)
    _second(roster.second, rows)
    roster.xls = _xls(roster.xlsx, folder)
    return roster


def _xlsx(roster: Roster) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(roster.xlsx))
    title = wb.add_format({"bold": True, "font_size": 16, "align": "center"})
    head = wb.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "align": "center"})
    text = wb.add_format({"num_format": "@", "border": 1})
    money = wb.add_format({"num_format": "#,##0.00", "border": 1})
    plain = wb.add_format({"border": 1})
    ws = wb.add_worksheet("名册")
    for col, width in enumerate((6, 12, 12, 22, 14, 24, 9, 14, 10)):
        ws.set_column(col, col, width)
    ws.merge_range(0, 0, 0, len(HEADERS) - 1, f"{TOWN}2024年第三季度农村最低生活保障对象花名册", title)
    ws.write_row(1, 0, HEADERS, head)
    for i, r in enumerate(roster.rows):
        row = i + 2
        ws.write_number(row, 0, r["no"], plain)
        ws.write_string(row, 1, r["village"], plain)
        ws.write_string(row, 2, r["name"], plain)
        ws.write_string(row, 3, r["id"], text)
        if i % 3 == 0:  # typed as a number, as people do
            ws.write_number(row, 4, int(r["phone"]), plain)
        else:
            ws.write_string(row, 4, r["phone"], text)
        ws.write_string(row, 5, r["account"], text)
        ws.write_number(row, 6, r["size"], plain)
        ws.write_number(row, 7, r["amount"], money)
        ws.write_string(row, 8, r["reason"], plain)
    ws.set_row(roster.hidden_row + 2, None, None, {"hidden": True})
    total = len(roster.rows) + 2
    ws.write_string(total, 6, "合计", plain)
    ws.write_formula(total, 7, f"=SUM(H3:H{total})", money, sum(r["amount"] for r in roster.rows))
    ws.write_comment("C4", f"该户电话已变更为{roster.comment_phone}，请核实")
    summary = wb.add_worksheet("汇总")
    summary.write_row(0, 0, ["村（社区）", "保障金额合计"], head)
    for k, village in enumerate(VILLAGES, start=1):
        summary.write_string(k, 0, village)
        summary.write_number(k, 1, sum(r["amount"] for r in roster.rows if r["village"] == village), money)
    hidden = wb.add_worksheet("原始数据")
    hidden.write_row(0, 0, ["户主姓名", "身份证号码", "银行账号"], head)
    for i, r in enumerate(roster.rows, start=1):
        hidden.write_row(i, 0, [r["name"], r["id"], r["account"]], text)
    hidden.hide()
    wb.set_properties({"author": "刘德胜", "company": f"巫溪县{TOWN}人民政府"})
    wb.close()


def _with_pivot(path: Path, rows: list[dict]) -> None:
    """A pivot table on 汇总 (sum of 保障金额 by 村) whose cache keeps every source row, written as Excel does."""
    villages = VILLAGES
    keys = ["no", "village", "name", "id", "phone", "account", "size", "amount", "reason"]
    items = {
        j: list(dict.fromkeys(str(r[keys[j]]) for r in rows)) for j in (2, 3, 4, 5, 8)
    }  # Excel keeps each
    items[1] = villages  # distinct string of a field once, in sharedItems, and records point at it (<x v=…/>)
    fields = []
    for j, header in enumerate(HEADERS):
        if j in items:
            shared = "".join(f'<s v="{escape(v)}"/>' for v in items[j])
            fields.append(
                f'<cacheField name="{escape(header)}" numFmtId="0"><sharedItems count="{len(items[j])}">'
                f"{shared}</sharedItems></cacheField>"
            )
        else:
            fields.append(
                f'<cacheField name="{escape(header)}" numFmtId="0"><sharedItems containsSemiMixedTypes="0" '
                'containsString="0" containsNumber="1" containsInteger="1" minValue="0" maxValue="99999"/>'
                "</cacheField>"
            )
    definition = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheDefinition xmlns="{S_NS}" '
        f'xmlns:r="{R_NS}" r:id="rId1" refreshedBy="刘德胜" refreshedDate="45500.5" createdVersion="6" '
        f'refreshedVersion="6" minRefreshableVersion="3" recordCount="{len(rows)}"><cacheSource type="worksheet">'
        f'<worksheetSource ref="A2:I{len(rows) + 2}" sheet="名册"/></cacheSource><cacheFields '
        f'count="{len(HEADERS)}">{"".join(fields)}</cacheFields></pivotCacheDefinition>'
    )
    positions = {j: {v: k for k, v in enumerate(values)} for j, values in items.items()}
    records = "".join(
        "<r>"
        + "".join(
            f'<x v="{positions[j][str(r[key])]}"/>' if j in positions else f'<n v="{r[key]}"/>'
            for j, key in enumerate(keys)
        )
        + "</r>"
        for r in rows
    )
    records = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheRecords xmlns="{S_NS}" '
        f'xmlns:r="{R_NS}" count="{len(rows)}">{records}</pivotCacheRecords>'
    )
    pivot_fields = "".join(
        '<pivotField axis="axisRow" showAll="0"><items count="{n}">{items}<item t="default"/></items></pivotField>'.format(
            n=len(villages) + 1, items="".join(f'<item x="{k}"/>' for k in range(len(villages)))
        )
        if j == 1
        else ('<pivotField dataField="1" showAll="0"/>' if j == 7 else '<pivotField showAll="0"/>')
        for j in range(len(HEADERS))
    )
    row_items = "".join(f'<i><x v="{k}"/></i>' if k else "<i><x/></i>" for k in range(len(villages)))
    table = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotTableDefinition xmlns="{S_NS}" '
        'name="数据透视表1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" '
        'applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" '
        'updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" '
        f'indent="0" outline="1" outlineData="1"><location ref="D1:E{len(villages) + 2}" firstHeaderRow="1" '
        f'firstDataRow="1" firstDataCol="1"/><pivotFields count="{len(HEADERS)}">{pivot_fields}</pivotFields>'
        f'<rowFields count="1"><field x="1"/></rowFields><rowItems count="{len(villages) + 1}">{row_items}'
        '<i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField '
        'name="求和项:保障金额（元）" fld="7" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>'
    )
    parts = {
        "xl/pivotCache/pivotCacheDefinition1.xml": definition,
        "xl/pivotCache/pivotCacheRecords1.xml": records,
        "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": _rels(
            f'<Relationship Id="rId1" Type="{PKG_REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/>'
        ),
        "xl/pivotTables/pivotTable1.xml": table,
        "xl/pivotTables/_rels/pivotTable1.xml.rels": _rels(
            f'<Relationship Id="rId1" Type="{PKG_REL}/pivotCacheDefinition" '
            'Target="../pivotCache/pivotCacheDefinition1.xml"/>'
        ),
        "xl/worksheets/_rels/sheet2.xml.rels": _rels(
            f'<Relationship Id="rId1" Type="{PKG_REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/>'
        ),
    }
    base = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    overrides = (
        f'<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="{base}pivotCacheDefinition+xml"/>'
        f'<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="{base}pivotCacheRecords+xml"/>'
        f'<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="{base}pivotTable+xml"/>'
    )
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = (
                source.read(info).decode("utf-8")
                if info.filename.endswith((".xml", ".rels"))
                else source.read(info)
            )
            if info.filename == "[Content_Types].xml":
                data = data.replace("</Types>", overrides + "</Types>")
            elif info.filename == "xl/workbook.xml":
                data = data.replace(
                    "</workbook>",
                    '<pivotCaches><pivotCache cacheId="1" r:id="rIdPivot1"/></pivotCaches></workbook>',
                )
                if "xmlns:r=" not in data:
                    data = data.replace("<workbook ", f'<workbook xmlns:r="{R_NS}" ', 1)
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    "</Relationships>",
                    f'<Relationship Id="rIdPivot1" Type="{PKG_REL}/'
                    'pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>',
                )
            out.writestr(info, data)
        for name, text in parts.items():
            out.writestr(name, text)


def _rels(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
        f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'
    )


def _docx(path: Path, rows: list[dict]) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(f"{TOWN}2024年第三季度农村最低生活保障对象花名册")
    table = document.add_table(rows=len(rows) + 1, cols=len(HEADERS))
    for j, header in enumerate(HEADERS):
        table.cell(0, j).text = header
    for i, r in enumerate(rows, start=1):
        values = [
            str(r["no"]),
            r["village"],
            r["name"],
            r["id"],
            r["phone"],
            r["account"],
            str(r["size"]),
            str(r["amount"]),
            r["reason"],
        ]
        cells = table.rows[i].cells
        for j, value in enumerate(values):
            cells[j].text = value
    document.save(str(path))


def _second(path: Path, rows: list[dict]) -> None:
    """The next quarter's notice for the first 40 households: IDs masked keeping the first 14 characters
    (the general profile keeps the first 6 and the last 4: together they show all 18)."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("公示")
    ws.write_row(0, 0, ["序号", "村（社区）", "户主姓名", "身份证号码", "家庭人口", "保障金额（元）"])
    for i, r in enumerate(rows[:40], start=1):
        ws.write_row(i, 0, [r["no"], r["village"], r["name"], r["id"][:14] + "****", r["size"], r["amount"]])
    wb.close()


def _xls(xlsx: Path, folder: Path) -> Path | None:
    """The roster as Excel 97-2003, converted by LibreOffice headless (None when it is not installed)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = folder / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xls",
            "--outdir",
            str(folder / "xls"),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = folder / "xls" / (xlsx.stem + ".xls")
    return out if out.is_file() else None

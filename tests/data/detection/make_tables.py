"""Write the table fixtures of issue 25 (run from the repository root, outputs committed):

    .venv/bin/python tests/data/detection/make_tables.py

- tables.pdf: a two-page 医疗救助 roster as an office prints it from a word processor: a ruled table of
  Paragraph cells in fixed widths (reportlab, WenQuanYi Zen Hei), so long addresses, disease names and a credit
  code wrap inside their cells; the table runs on to page 2 without repeating its header. Names a tagger
  misses: padded two-character names (王　琴), Mongolian, Yi and Uyghur names without a Han surname.
- tables.docx: the same kind of roster as a Word table (python-docx) under a title row merged across the table,
  with a 病种 column and a 家庭住址 column.
Every person, number and address is invented; identity numbers carry valid GB 11643 check characters.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


def _id(body: str) -> str:
    from reviewer.core.detection.recognizers.id_card import check_character

    return body + check_character(body)


HEADER = ["序号", "姓名", "身份证号码", "家庭住址", "病种", "救助金额（元）", "备注"]
ROWS = [
    ["1", "王　琴", _id("15252219810926002"), "别力古台镇团结社区幸福小区3号楼2单元401室", "慢性肾功能衰竭（尿毒症期）",
     "12,300.00", "丈夫患类风湿性关节炎"],
    ["2", "额尔敦毕力格", _id("15252219570708101"), "阿巴嘎旗别力古台镇巴彦图嘎嘎查二组", "肢体残疾二级", "5,680.00",
     "房屋失火，生活困难"],
    ["3", "吉克阿依", _id("51343119900112002"), "昭觉县竹核镇木渣洛村2组", "乳腺恶性肿瘤", "9,870.00",
     "儿子交通事故致左下肢截肢"],
    ["4", "买买提·艾力", _id("65310119751203451"), "喀什市吾斯塘博依街道托万克库木巴格路18号院3栋", "精神分裂症",
     "4,200.00", ""],
    ["5", "朝鲁门", _id("15252219630130151"), "别力古台镇洪格尔高勒嘎查一组", "2型糖尿病伴多个并发症", "3,960.00",
     "独居"],
]
# rows after a page break: the table goes on without its header
MORE = [
    ["6", "李　刚", _id("15252219750803053"), "别力古台镇宝力根社区乌兰路北巷22号", "系统性红斑狼疮", "7,150.00",
     ""],
    ["7", "阿牛木呷", _id("51343119780905201"), "昭觉县竹核镇大温泉村4组", "急性白血病", "18,000.00", "低保户"],
]
# what the tests expect (hand-checked against the rendered files)
NAMES = ["王　琴", "额尔敦毕力格", "吉克阿依", "买买提·艾力", "朝鲁门", "李　刚", "阿牛木呷"]
ADDRESSES = [r[3] for r in ROWS + MORE]
DISEASES = [r[4] for r in ROWS + MORE]
NOTED = ["类风湿性关节炎", "左下肢截肢"]  # health terms in the 备注 column (not a 病种 column)


def build_pdf(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("ZenHei", FONT, subfontIndex=0))
    body = ParagraphStyle("body", fontName="ZenHei", fontSize=11, leading=18, wordWrap="CJK")
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=12, alignment=TA_LEFT)
    head = ParagraphStyle("head", parent=cell, alignment=TA_CENTER)
    widths = [26, 52, 106, 110, 78, 50, 66]

    def table(rows: list[list[str]], header: bool) -> Table:
        data = ([[Paragraph(h, head) for h in HEADER]] if header else []) + \
            [[Paragraph(c, cell) for c in row] for row in rows]
        t = Table(data, colWidths=widths)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return t

    story = [Paragraph("别力古台镇2024年第三季度医疗救助对象公示", body),
             Paragraph("根据有关规定，经本人申请、嘎查（社区）评议、镇人民政府审核，现将医疗救助对象公示如下。", body),
             table(ROWS, True), PageBreak(), table(MORE, False),
             Paragraph("监督电话：0479-3221475。", body)]
    SimpleDocTemplate(str(path), pagesize=A4, title="医疗救助对象公示", author="", creator="WPS 文字",
                      producer="WPS 文字", invariant=1).build(story)


def build_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("2024年度城乡居民医疗救助花名册")
    rows = ROWS + MORE
    table = document.add_table(rows=len(rows) + 2, cols=len(HEADER))
    table.style = "Table Grid"
    title = table.rows[0].cells[0].merge(table.rows[0].cells[-1])
    title.text = "填报单位：别力古台镇人民政府"
    for c, text in enumerate(HEADER):
        table.rows[1].cells[c].text = text
    for r, row in enumerate(rows, 2):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    document.core_properties.author = ""
    buffer = io.BytesIO()
    document.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():  # fixed dates: a rebuild gives the same bytes
            member = zipfile.ZipInfo(info.filename, date_time=(2024, 6, 1, 9, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(member, zin.read(info.filename))
    path.write_bytes(out.getvalue())


if __name__ == "__main__":
    build_pdf(HERE / "tables.pdf")
    build_docx(HERE / "tables.docx")

"""Write the realistic-* fixtures: short documents shaped like the realdocs failures of issue 25 (all invented).

- realistic-prose.docx: running text where an address runs into a landline or a 文号, a 文号 whose serial passes
  Luhn, padded names and recipients after role words, a determiner after a role word;
- realistic-head.docx: a classified head with a `No.` copy number and a 请示 title split over two paragraphs;
- realistic-household.pdf: a ruled table whose cells wrap (household members with relation words, a 经营者名称
  and a 经营者 column, credit codes over two lines) and a sentence after it with the court's phone.
Run: .venv/bin/python tests/data/detection/make_realistic.py
"""

import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

PROSE = [
    "政府信息不予公开告知书",
    "申请人地址：厦门市思明区莲前东路468号莲花五村12号楼603室0592-5163827",
    "通讯地址：柳州市城中区龙城路38号柳城教函〔2024〕36号文件附件另寄。",
    "遵公交认字〔2024〕第5203021120240817号",
    "证人黄　敏（路边商户）证实上述经过。",
    "第6号救助对象马哈木系兰州大学第一医院确诊的患儿。",
    "执法人员当场责令经营者何水生撤回店外桌椅。双方达成协议：被投诉人向每位旅游者退还门票。",
]
HEAD = [
    "No.000042　机密★1年",
    "特急",
    "延安市宝塔区民政局文件",
    "关于申请拨付宝塔区2024年冬春农村",
    "困难群众生活救助资金的请示",
    "宝塔区人民政府：",
    "今冬明春全区需救助农村困难群众4312户。妥否，请批示。",
]
TABLE = [
    ["序号", "户主及安置人员", "经营者名称", "经营者", "统一社会信用代码"],
    ["1", "户主邱德富，其妻陈桂英，之子邱　磊", "开封市鼓楼区老马家灌汤包子店", "马　超", "92410204MA9KX7RB22"],
    ["2", "户主闵祥林", "开封市鼓楼区晨光便利店", "田野", "92410204MA9L1HJ46H"],
    ["3", "户主郭秀珍，之孙郭子轩", "开封清明上河食品有限公司", "秦　雪", "91410204MA47PQ8W3P"],
]
AFTER = "被执行人履行义务后，可向本院申请删除失信信息。举报被执行人财产线索请联系执行局：0352-2056127。"


def _fixed(data: bytes, path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(zipfile.ZipInfo(info.filename, date_time=(2024, 6, 1, 9, 0, 0)), zin.read(info.filename))
    path.write_bytes(out.getvalue())


def docx(lines: list[str], path: Path) -> None:
    import datetime as dt

    import docx as python_docx

    d = python_docx.Document()
    for line in lines:
        d.add_paragraph(line)
    d.core_properties.author = ""
    d.core_properties.created = d.core_properties.modified = dt.datetime(2024, 6, 1, 9, 0, 0)
    buffer = io.BytesIO()
    d.save(buffer)
    _fixed(buffer.getvalue(), path)


def pdf(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("ZenHei", FONT, subfontIndex=0))
    body = ParagraphStyle("body", fontName="ZenHei", fontSize=11, leading=18, wordWrap="CJK")
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=12)
    widths = [28, 120, 110, 50, 80]
    table = Table([[Paragraph(c, cell) for c in row] for row in TABLE], colWidths=widths)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title="安置及经营者名单")
    doc.build([Paragraph("安置及经营者名单", body), table, Paragraph(AFTER, body)])


if __name__ == "__main__":
    docx(PROSE, HERE / "realistic-prose.docx")
    docx(HEAD, HERE / "realistic-head.docx")
    pdf(HERE / "realistic-household.pdf")

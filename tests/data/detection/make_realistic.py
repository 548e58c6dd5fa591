"""Write the realistic-* fixtures: short documents shaped like the realdocs failures of issue 25 (all invented).

- realistic-prose.docx: running text where an address runs into a landline or a 文号, a 文号 whose serial passes
  Luhn, padded names and recipients after role words, a determiner after a role word;
- realistic-head.docx: a classified head with a `No.` copy number and a 请示 title split over two paragraphs;
- realistic-household.pdf: a ruled table whose cells wrap (household members with relation words, a 经营者名称
  and a 经营者 column, credit codes over two lines) and a sentence after it with the court's phone;
- realistic-plots.pdf: an EIA notice's wrapping table of plots bounded by roads (东至…，西至…; …路以北、…以西…地块;
  …村村西300米) and a 建设单位联系人及电话 column;
- realistic-plot-prose.docx: a plot in running text, a congenital heart defect and a 伤情 list, an attendance list
  opening with a Mongolian name, 联名代表, and a two-column table of label cells (诉求人 | 费晓燕).
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
# an EIA notice's wrapping table: plots bounded by roads, a site by its distance from a village, and the
# builder's contact person in a 联系人及电话 column (names and places invented)
PLOTS = [
    ["序号", "项目名称", "建设单位", "建设地点", "建设单位联系人及电话"],
    ["1", "年产2万吨再生铝项目", "湖州南浔永鑫铝业有限公司", "南浔区练市镇工业集中区内，东至茹家甸路，西至长超路，南至规划一路，北至荻塘河",
     "沈国强 0572-3015867"],
    ["2", "生猪定点屠宰场迁建项目", "湖州南浔善琏食品有限公司", "南浔区善琏镇含山村村西300米", "钱立新 0572-3960214"],
    ["3", "滨湖商业综合体项目", "湖州太湖城市开发有限公司", "吴兴区滨湖街道太湖路以北、滨湖大道以西C-07地块",
     "姚美华 0572-2287305"],
]
PLOTS_AFTER = "公示期间，公众可向湖州市生态环境局南浔分局反映意见。"
# running text: a plot bounded by four roads, a congenital heart defect named on its own, injuries in a 伤情 list,
# an attendance list whose first name is a Mongolian name, 联名代表, label cells of a two-column table
PLOT_PROSE = [
    "经规划调整，拟在东至清溪路，南至文昌街，西至规划二路，北至环城河的地块新建一所九年一贯制学校。",
    "其中，第3号救助对象刘子墨系浙江大学医学院附属儿童医院确诊的室间隔缺损患儿，已完成修补手术。",
    "伤情：右桡骨骨折、面部软组织挫伤（湖州市中心医院诊断）。",
    "出席：阿拉坦仓、赵立民、孙　悦、其木格",
    "您在建议中提到的联名代表沈佳怡、陆文斌关于增设公交线路的意见，我们一并予以采纳。",
]
LABEL_CELLS = [["诉求人", "费晓燕"], ["诉求地址", "湖州市吴兴区爱山街道红旗路96号3幢502室门口"]]
AFTER = "被执行人履行义务后，可向本院申请删除失信信息。举报被执行人财产线索请联系执行局：0352-2056127。"


def _fixed(data: bytes, path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(zipfile.ZipInfo(info.filename, date_time=(2024, 6, 1, 9, 0, 0)), zin.read(info.filename))
    path.write_bytes(out.getvalue())


def docx(lines: list[str], path: Path, table: list[list[str]] | None = None) -> None:
    import datetime as dt

    import docx as python_docx

    d = python_docx.Document()
    for line in lines:
        d.add_paragraph(line)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    d.core_properties.author = ""
    d.core_properties.created = d.core_properties.modified = dt.datetime(2024, 6, 1, 9, 0, 0)
    buffer = io.BytesIO()
    d.save(buffer)
    _fixed(buffer.getvalue(), path)


def pdf(path: Path, rows: list[list[str]] | None = None, widths: list[int] | None = None,
        title: str = "安置及经营者名单", after: str | None = None) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("ZenHei", FONT, subfontIndex=0))
    body = ParagraphStyle("body", fontName="ZenHei", fontSize=11, leading=18, wordWrap="CJK")
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=12)
    widths = widths or [28, 120, 110, 50, 80]
    table = Table([[Paragraph(c, cell) for c in row] for row in rows or TABLE], colWidths=widths)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title=title)
    doc.build([Paragraph(title, body), table, Paragraph(after or AFTER, body)])


if __name__ == "__main__":
    docx(PROSE, HERE / "realistic-prose.docx")
    docx(HEAD, HERE / "realistic-head.docx")
    pdf(HERE / "realistic-household.pdf")
    pdf(HERE / "realistic-plots.pdf", PLOTS, [24, 70, 95, 150, 115], "建设项目环境影响评价文件受理情况公示", PLOTS_AFTER)
    docx(PLOT_PROSE, HERE / "realistic-plot-prose.docx", LABEL_CELLS)

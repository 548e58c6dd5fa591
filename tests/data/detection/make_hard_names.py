"""Write hard_names.docx and hard_names.pdf: names written the ways government documents write them and the model
alone misses or cuts (issue 25, realdocs 69-76), and the shapes that must stay no names. Hand-checked: every name
below is invented.

docx (paragraphs, a Word table, the author field):
- a unit, a wide space and a padded name that is an ordinary word (人民医院急诊科　雷　鸣), the author field 雷　鸣;
- padded names glued to a sentence after a title or a role word (局长何　平介绍, 从业人员刘　芳未取得);
- a byline whose second name follows a wide space (通讯员　高原　白云);
- a Yi name after 当事人 and before its sex (当事人阿苏拉惹，男，), then again inside a sentence;
- a Mongolian name after a relation word (由其妻其木格代领), a list of names closed by a count (…、田野3人: a word, but the third of the 3),
- a Yi name without a role word (后座乘坐吉克伍呷), Tibetan and Mongolian names the model cuts (之子泽旺多吉,
  区委书记乌力吉巴雅尔), a title and a colon before a Kazakh name written without · (乡长：巴合提别克);
- a name cut one character long where the same name stands alone above (辅警苟磊蹚过 after 苟　磊);
- a household table whose members cell lists names with their relation (阿依古丽·买买提（妻）、米热阿依（女）);
- no names: an ethnicity in a note (蒙古族，试用期一年), rivers in a list (渭河、永川河), a padded label (姓　名：),
  a spaced-out title (通　报), a sentence after a colon (主持人：谢谢傅主编) and, after a title, a name before
  a business word (市委书记刘淇两度视察电竞中心: no trade name), a section glued to its agency (…局体卫艺科).
pdf (lines drawn where a page would break them, and a ruled table whose cells wrap):
- a name broken by the line end in running text, found whole elsewhere (驾驶人唐⏎国华 … 证人唐国华);
- a two-character name whose last character the line end carries to the next line (…、邓建⏎华（采购人代表）);
- a name after a role word that the line end breaks (经营者周⏎建国）);
- a shop named place + trade name + business, wrapped in its cell (开封市鼓楼区阿依古丽新疆风⏎味餐厅): no person.
Run: .venv/bin/python tests/data/detection/make_hard_names.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

PARAGRAPHS = [
    "关于表彰2024年防汛抢险先进个人的决定",
    "通　报",
    "人民医院急诊科　雷　鸣",
    "社棠派出所　闫小平、苟　磊",
    "其中，民警闫小平和辅警苟磊蹚过齐腰深的洪水背出被困老人3名。",
    "农业农村局局长何　平介绍，今年全市牦牛存栏12.4万头。",
    "现场检查发现，从业人员刘　芳未取得有效健康证明。",
    "记者　次仁旺堆　通讯员　高原　白云",
    "当事人阿苏拉惹，男，1992年8月15日出生，驾驶无号牌电动自行车，后座乘坐吉克伍呷。",
    "经查，与沿航天路由北向南直行的阿苏拉惹驾驶的电动自行车相撞。",
    "村民三郎泽仁家以32头牦牛入股；之子泽旺多吉大学毕业后回乡。",
    "9月3日上午，区委书记乌力吉巴雅尔主持召开区委常委会会议。",
    "经办人：马　丽　　审核人：叶尔江·木合塔尔　　乡长：巴合提别克",
    "户主巴特已故，补助资金由其妻其木格代领。",
    "农业农村局组织兽医王　斌、泽旺、田野3人组成技术服务队。",
    "备注：蒙古族，试用期一年。",
    "2024年7月，我区遭遇最强降雨过程，渭河、永川河、东柯河水位暴涨，多处发生山洪和滑坡。",
    "姓　名：（由申请人填写）",
    "主持人：谢谢傅主编。前两年，市委书记刘淇两度视察电竞中心。",
    "联系单位及电话：蜀山区教育体育局体卫艺科　0551-65318027",
]
TABLE = [
    ["序号", "户主姓名", "共同生活家庭成员", "月保障金（元）"],
    ["1", "艾合买提·吐尔逊", "阿依古丽·买买提（妻）、米热阿依（女）、努尔曼古丽（母）", "1,460"],
]

# each string is one printed line of the PDF
LINES = [
    "交通事故事实：2024年10月12日7时40分许，小型普通客车左转弯时未让直行车辆先行，",
    "与电动自行车相撞，致两车受损。事故发生后，途经现场的出租车驾驶人唐",
    "国华拨打110报警并协助救助伤员。经调查，现场监控视频、证人唐国华的证言",
    "及两车痕迹相互印证。",
    "五、评标委员会成员名单：刘文、曾庆平、温建国、谢小红、欧阳明、邓建",
    "华（采购人代表）。",
    "3号门面原为长沙市岳麓区湘麓餐饮店（个体工商户，经营者周",
    "建国），已签订产权调换协议。",
]
SHOPS = [
    ["序号", "经营者名称", "许可证编号"],
    ["1", "开封市鼓楼区阿依古丽新疆风味餐厅", "JY24102040031562"],
    ["2", "开封市鼓楼区晨光便利店", "JY24102040031578"],
]


def build_docx(path: Path) -> None:
    from docx import Document

    document = Document()
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    props = document.core_properties
    props.author = "雷　鸣"
    props.last_modified_by = ""
    props.created = props.modified = dt.datetime(2024, 6, 1, 9, 0, 0)
    document.save(str(path))


def build_pdf(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph, Table, TableStyle

    pdfmetrics.registerFont(TTFont("ZenHei", FONT, subfontIndex=0))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("ZenHei", 11)
    y = 780
    for line in LINES:
        c.drawString(60, y, line)
        y -= 20
    style = ParagraphStyle("cell", fontName="ZenHei", fontSize=9, leading=12, wordWrap="CJK")
    data = [[Paragraph(cell, style) for cell in row] for row in SHOPS]
    table = Table(data, colWidths=[40, 80, 120])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    _, height = table.wrapOn(c, 400, 400)
    table.drawOn(c, 60, y - 20 - height)
    c.showPage()
    c.save()


if __name__ == "__main__":
    build_docx(HERE / "hard_names.docx")
    build_pdf(HERE / "hard_names.pdf")

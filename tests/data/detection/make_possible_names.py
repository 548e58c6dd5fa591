"""Write possible_names.docx and possible_names.pdf: a short hotline reply with two weak names the detector
keeps only as possible names (其儿子图门, 授予黄河等; a padded name after a role word, 家庭医生乔　娜, is a sure
name since the role-word rules learnt it), one sure name, and the shapes the precision guards
drop (应当, 大写 amounts). Run: .venv/bin/python tests/data/detection/make_possible_names.py
"""

from pathlib import Path

from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
LINES = [
    "关于12345热线工单的办理回复",
    "来电人反映，其儿子图门已于上周返回原籍。",
    "区委决定授予黄河等20名同志“先进个人”称号。",
    "当事人王建国应当自收到本决定书之日起十五日内缴纳罚款人民币伍万元（大写：伍万元整）。",
    "联系人：李明，电话：010-85996712。",
]


def build_docx(path: Path) -> None:
    document = Document()
    for line in LINES:
        document.add_paragraph(line)
    document.core_properties.author = ""
    document.save(str(path))


def build_pdf(path: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("STSong-Light", 11)
    y = 780
    for line in LINES:
        c.drawString(60, y, line)
        y -= 22
    c.showPage()
    c.save()


if __name__ == "__main__":
    build_docx(HERE / "possible_names.docx")
    build_pdf(HERE / "possible_names.pdf")

"""Write wrapped.pdf: a one-page penalty notice whose identifiers break across lines, as justified
Chinese text does in real PDFs. Run: .venv/bin/python tests/data/detection/make_wrapped_pdf.py
"""

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
# Each string is one printed line; identifiers continue on the next line.
LINES = [
    "重庆市某区市场监督管理局行政处罚决定书",
    "当事人：王建国，公民身份号码：50010619870",
    "3154515，联系电话：139",
    "83021456，电子邮箱：wangjianguo@exam",
    "ple.com。经查，当事人于2026年3月销售过期食品。",
    "序号 姓名 手机",
    "1 刘永福 13896001234",
    "2 陈秀英 13896001235",
]


def build(path: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("STSong-Light", 12)
    y = 780
    for line in LINES:
        c.drawString(72, y, line)
        y -= 20
    c.showPage()
    c.save()


if __name__ == "__main__":
    build(HERE / "wrapped.pdf")

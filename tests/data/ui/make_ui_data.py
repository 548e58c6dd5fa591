"""Generate the UI test documents (run once; the small outputs are committed).

`python -m tests.data.ui.make_ui_data` writes:
- notice.pdf: a 3-page penalty notice (reportlab, built-in STSong-Light CID font) with names, ID
  numbers and phones on pages 1 and 3, so the view must render pages and draw boxes on the right page.
- roster.docx: a subsidy roster (python-docx) with a header, a table and a name split over runs.
Also `big_pdf(path, pages)` for the GUI latency benchmark (not committed).
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

PAGE_TEXT = [
    ["重庆市某区市场监督管理局", "行政处罚决定书", "当事人：王建国", "公民身份号码：500106198703154519",
     "联系电话：13896001234", "住址：重庆市沙坪坝区小龙坎街道天星桥正街42号3单元502室"],
    ["经查，当事人于2026年3月在其经营的门店销售过期食品。", "本局决定：没收违法所得人民币3,200元。"],
    ["案件承办人李晓梅，联系电话13512345678。", "电子邮箱 lixiaomei@example.gov.cn", "（此件公开发布）"],
]


def write_pdf(path: Path, pages: list[list[str]]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    for lines in pages:
        y = height - 90
        for line in lines:
            c.setFont("STSong-Light", 14)
            c.drawString(72, y, line)
            y -= 28
        c.showPage()
    c.save()


def big_pdf(path: Path, pages: int = 300) -> Path:
    """A long report with personal information on every page (benchmark input)."""
    body = []
    for i in range(pages):
        lines = [f"第{i + 1}页  补贴发放情况公示"]
        for k in range(22):
            n = i * 22 + k
            lines.append(f"{n + 1:05d} 申请人张{'伟芳娜敏静丽强磊军洋'[n % 10]}{'一二三四五'[n % 5]}，"
                         f"联系电话139{n % 100000000:08d}，发放金额1200元。")
        body.append(lines)
    write_pdf(path, body)
    return path


def write_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.core_properties.author = "王建国"
    d.sections[0].header.paragraphs[0].text = "内部资料 注意保存"
    d.add_heading("2026年度困难群众临时救助发放名单", level=1)
    p = d.add_paragraph("经办人：")
    for part in ("赵", "子", "龙"):
        p.add_run(part).bold = part == "子"
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("姓名", "身份证号", "电话"), ("陈静", "500103199001011234", "13800138000"),
                             ("刘洋", "50010619851212003X", "13912345678")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("以上名单公示期为7天。联系电话023-65432100。")
    d.save(str(path))


if __name__ == "__main__":
    write_pdf(HERE / "notice.pdf", PAGE_TEXT)
    write_docx(HERE / "roster.docx")
    print("wrote", HERE / "notice.pdf", HERE / "roster.docx")

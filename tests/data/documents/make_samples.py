"""Demo documents for `make run` and screenshots: a fictional 行政处罚决定书 as docx and PDF.

Called by make_test_files.py; every person, number and address here is invented.
"""

from __future__ import annotations

from pathlib import Path

from planted import id_number

PARTY_ID = id_number("50010619870315451")
WITNESS_ID = id_number("50010319920822362")

BODY = [
    "渝某市监处罚〔2026〕118号",
    "",
    "当事人：王建国",
    f"公民身份号码：{PARTY_ID}",
    "住址：重庆市沙坪坝区小龙坎街道天星桥正街42号3单元502室",
    "联系电话：13896001234",
    "",
    "经查，当事人于2026年3月在其经营的门店销售过期食品，违反了《中华人民共和国食品安全法》第三十四条的规定。",
    f"证人刘芳（公民身份号码：{WITNESS_ID}，联系电话：15923456789）证实了上述事实。",
    "本局于2026年4月2日向当事人送达了《行政处罚告知书》，当事人未在法定期限内提出陈述、申辩。",
    "案件承办人李晓梅，联系电话023-65432100，电子邮箱 lixiaomei@example.gov.cn。",
    "",
    "依据《中华人民共和国食品安全法》第一百二十四条的规定，本局决定：",
    "一、没收违法所得人民币3,200元；",
    "二、处罚款人民币50,000元。",
    "",
    "如不服本处罚决定，可在收到本决定书之日起六十日内向重庆市沙坪坝区人民政府申请行政复议。",
]


def make_sample_docx(target: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    d.core_properties.author = "李晓梅"
    d.core_properties.title = "行政处罚决定书"
    d.sections[0].header.paragraphs[0].text = "重庆市某区市场监督管理局  承办人：李晓梅 13908881234"
    d.sections[0].footer.paragraphs[0].text = "第 1 页"
    for title in ("重庆市某区市场监督管理局", "行政处罚决定书"):
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(title)
        r.bold = True
        r.font.size = Pt(18)
    for line in BODY:
        p = d.add_paragraph(line)
        if line.startswith("住址"):
            d.add_comment(p.runs, text="住址需核实是否删除到街道一级（联系人张敏 zhangmin@example.gov.cn）",
                          author="张敏", initials="ZM")
    t = d.add_table(rows=3, cols=3)
    t.style = "Table Grid"
    for j, head in enumerate(("涉案物品", "数量", "当事人签名")):
        t.cell(0, j).text = head
    for i, row in enumerate((("过期牛奶", "120 盒", "王建国"), ("过期面包", "45 袋", "王建国")), 1):
        for j, value in enumerate(row):
            t.cell(i, j).text = value
    for line in ("", "重庆市某区市场监督管理局", "2026年5月8日", "（此件公开发布）"):
        p = d.add_paragraph(line)
        if line:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.save(target)


def make_sample_pdf(target: Path, cjk_canvas) -> None:  # noqa: ANN001 - the generator's canvas helper
    """Two A4 pages, 12 pt STSong-Light, long lines wrapped at 36 characters."""
    lines: list[str] = []
    for line in ["重庆市某区市场监督管理局", "行政处罚决定书", *BODY, "", "重庆市某区市场监督管理局",
                 "2026年5月8日", "（此件公开发布）"]:
        lines.extend(_wrap(line, 36))
    half = len(lines) // 2 + 4
    cjk_canvas(target, [lines[:half], lines[half:]], title="行政处罚决定书", author="李晓梅")


def _wrap(line: str, width: int) -> list[str]:
    """Wrap without cutting a number or an e-mail address in two (a demo should be detectable)."""
    out: list[str] = []
    while len(line) > width:
        cut = width
        while cut > 1 and _word(line[cut - 1]) and _word(line[cut]):
            cut -= 1
        out.append(line[:cut])
        line = line[cut:]
    return [*out, line]


def _word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "@.-_")

"""The 保密审查记录 as PDF (reportlab) with the WenQuanYi Zen Hei font embedded (subset).

Embedding the font makes the record render the same on any machine, including ones without CJK
fonts. The font comes from Debian's fonts-wqy-zenhei (installed by `make`); without it the export
fails with a clear error instead of printing empty boxes.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reviewer.core.errors import ConfigurationError
from reviewer.core.reports.review_log import TITLES, ReviewLog, document_fields, finding_rows, text_of

FONT_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
FONT_NAME = "WQYZenHei"


class FontMissing(ConfigurationError):
    code = "font_missing"


def _register_font(path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT_NAME in pdfmetrics.getRegisteredFontNames():
        return
    if not path.is_file():
        raise FontMissing(f"缺少中文字体 {path}，无法生成 PDF 审查记录。"
                          "请安装 fonts-wqy-zenhei（apt-get install fonts-wqy-zenhei）。",
                          f"The CJK font {path} is missing, so the PDF review log cannot be made. "
                          "Install fonts-wqy-zenhei (apt-get install fonts-wqy-zenhei).")
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))


def to_pdf(log: ReviewLog, *, font_path: Path = FONT_PATH) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_font(font_path)
    body = ParagraphStyle("body", fontName=FONT_NAME, fontSize=9, leading=12, wordWrap="CJK")
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5)
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=24, alignment=1, spaceAfter=8)
    heading = ParagraphStyle("heading", parent=body, fontSize=12, leading=16, spaceBefore=6, spaceAfter=4)
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke)])
    lang = log.language
    colon = "：" if lang == "zh" else ": "
    head_line = f"{text_of('head', lang)} {log.head.count}:{log.head.hash}"

    def p(text: str, style=body) -> Paragraph:
        return Paragraph(escape(text or ""), style)

    story = [p(TITLES[lang], title), p(f"{text_of('workspace', lang)}{colon}{log.workspace}"),
             p(f"{text_of('generated', lang)}{colon}{log.generated_at}"), p(head_line),
             p(f"{text_of('chain', lang)}{colon}" + text_of("intact" if log.chain_ok else "broken", lang)),
             Spacer(1, 4 * mm)]
    width = A4[0] - 30 * mm
    for i, entry in enumerate(log.documents):
        if i:
            story.append(PageBreak())
        story.append(p(entry.document.title, heading))
        fields = Table([[p(label), p(value)] for label, value in document_fields(entry)],
                       colWidths=[45 * mm, width - 45 * mm])
        fields.setStyle(grid)
        story += [fields, p(text_of("findings", lang), heading)]
        rows = [[p(cell, small) for cell in row] for row in finding_rows(entry)]
        widths = [8 * mm, 32 * mm, 25 * mm, 40 * mm, 30 * mm, 20 * mm]
        findings = Table(rows, colWidths=widths + [width - sum(widths)], repeatRows=1)
        findings.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                      ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                      ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)]))
        story.append(findings)

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(FONT_NAME, 7)
        canvas.drawString(15 * mm, 8 * mm, f"{head_line}    " + text_of("page", lang).format(n=document.page))
        canvas.restoreState()

    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=TITLES[lang], author="reviewer")
    pdf.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()

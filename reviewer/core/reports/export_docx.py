"""The 保密审查记录 as a Word document (python-docx), one section per document."""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from reviewer.core.reports.review_log import TITLES, ReviewLog, document_fields, finding_rows, text_of

CJK_FONT = "宋体"


def set_cjk_fonts(doc) -> None:
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Table Grid"):
        try:
            style = doc.styles[name]
        except KeyError:
            continue
        style.font.name = "Times New Roman"
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), CJK_FONT)


def to_docx(log: ReviewLog) -> bytes:
    lang = log.language
    colon = "：" if lang == "zh" else ": "
    doc = new_docx()
    set_cjk_fonts(doc)
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.core_properties.title = TITLES[lang]
    title = doc.add_heading(TITLES[lang], level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(f"{text_of('workspace', lang)}{colon}{log.workspace}")
    doc.add_paragraph(f"{text_of('generated', lang)}{colon}{log.generated_at}")
    doc.add_paragraph(f"{text_of('head', lang)}{colon}{log.head.count}:{log.head.hash}")
    doc.add_paragraph(f"{text_of('chain', lang)}{colon}" + text_of("intact" if log.chain_ok else "broken", lang))
    for i, entry in enumerate(log.documents):
        if i:
            doc.add_page_break()
        doc.add_heading(f"{entry.document.title}", level=1)
        table = doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in document_fields(entry):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
        doc.add_heading(text_of("findings", lang), level=2)
        rows = finding_rows(entry)
        grid = doc.add_table(rows=1, cols=len(rows[0]))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, rows[0], strict=True):
            cell.text = text
        for row in rows[1:]:
            for cell, text in zip(grid.add_row().cells, row, strict=True):
                cell.text = text
    footer = doc.sections[0].footer.paragraphs[0]
    footer.text = f"{text_of('head', lang)} {log.head.count}:{log.head.hash}"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()

"""Official-looking documents written at test time: a docx with python-docx, a PDF with reportlab (CID font
STSong-Light, lines wrapped at 28 characters as a printed page wraps them, so sentences cross lines)."""

from __future__ import annotations

from pathlib import Path

CHARS_PER_LINE = 28


def write_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    """The paragraphs, then `table` (rows of cell texts, the first the header) as a Word table."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


def write_pdf(path: Path, paragraphs: list[str]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    y = height - 72.0
    for text in paragraphs:
        pdf.setFont("STSong-Light", 15)
        for chunk in [text[i:i + CHARS_PER_LINE] for i in range(0, len(text), CHARS_PER_LINE)] or [""]:
            if y < 72:
                pdf.showPage()
                pdf.setFont("STSong-Light", 15)
                y = height - 72.0
            pdf.drawString(79.0, y, chunk)
            y -= 26
    pdf.save()
    return path


def write(path: Path, paragraphs: list[str]) -> Path:
    return write_pdf(path, paragraphs) if path.suffix == ".pdf" else write_docx(path, paragraphs)


# --- documents the wording/timing tests and the GUI test share -----------------------------------------------
HEATING_NOTICE = [  # 2026-11-20; every wording and timing check but the draft status has something to say
    "某县人民政府办公室",
    "某府办发〔2026〕41号",
    "关于做好2026年冬季供暖保障工作的通知",
    "各乡镇人民政府，县政府各部门：",
    "为保障群众温暖过冬，现将有关事项通知如下。",
    "一、县国土资源局负责供暖管网改造用地的审批，县住房城乡建委负责施工监管。",
    "二、原县环境保护局的锅炉排放监测职责，2019年已划入县生态环境局，由县生态环境局继续开展监测。",
    "三、请各乡镇于2026年11月30日前将供暖设施排查情况报送县住房城乡建委。",
    "四、供暖期间确保100%用户按时供暖，群众反映的问题一律当场办结。",
    "五、本通知自2026年12月1日起施行。",
    "某县人民政府办公室",
    "2026年11月20日",
    "（此件公开发布）",
]

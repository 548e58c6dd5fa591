"""Generate the export leak suite: a docx and a pdf with personal information planted everywhere.

Run from the repository root: `.venv/bin/python tests/data/export/make_leak_suite.py`. The generated
files are committed (CI needs neither fonts nor this script). Planted values are listed in
`PLANTED` so the tests know what must not survive; identifiers are valid (ID check character, Luhn)
so the real detector finds them.

docx: a name split over three differently formatted runs, table cell, header, footer, footnote, text
box, comment (text and author), tracked insertion (text and author) and deletion, mailto hyperlink,
core properties (author, title, last modified by), custom property, page thumbnail.
pdf: names drawn in several text operations with two fonts (CID STSong-Light and an embedded
TrueType subset), a table, header/footer lines, a Form XObject holding an ID, a rotated page,
document info, XMP, outline titles, a comment annotation, a mailto link, an embedded file and
document JavaScript.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

NAME_SPLIT = "王建国"  # body: three runs 王|建|国
NAME_AUTHOR = "李晓梅"  # comment author, revision author, last modified by, PDF comment author
NAME_ZHANG_1 = "张伟"
NAME_ZHANG_2 = "张敏"
ID_1 = "500106198703154515"
ID_2 = "110101199003070417"  # tracked insertion / form xobject
PHONE_TABLE = "13896001234"
PHONE_HEADER = "13512345678"
PHONE_COMMENT = "18623456789"
PHONE_FOOTER = "15923456781"
EMAIL = "lixiaomei@example.gov.cn"
BANK = "6217003320012345677"
PLANTED_NAMES = (NAME_SPLIT, NAME_AUTHOR, NAME_ZHANG_1, NAME_ZHANG_2)
PLANTED_IDENTIFIERS = (ID_1, ID_2, PHONE_TABLE, PHONE_HEADER, PHONE_COMMENT, PHONE_FOOTER, EMAIL, BANK)
PLANTED = PLANTED_NAMES + PLANTED_IDENTIFIERS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W}" xmlns:r="{R}"'


def make_docx(path: Path) -> None:
    import docx
    from docx.enum.text import WD_COLOR_INDEX  # noqa: F401 - python-docx import check
    from docx.shared import Pt

    d = docx.Document()
    d.core_properties.author = NAME_SPLIT
    d.core_properties.last_modified_by = NAME_AUTHOR
    d.core_properties.title = f"关于{NAME_SPLIT}的行政处罚决定书"
    d.core_properties.subject = f"联系电话 {PHONE_TABLE}"
    d.core_properties.keywords = "处罚, 食品安全"
    section = d.sections[0]
    section.header.paragraphs[0].text = f"案卷：{NAME_SPLIT}  联系电话{PHONE_HEADER}"
    section.footer.paragraphs[0].text = f"当事人证件 {ID_1}"
    d.add_heading("行政处罚决定书", level=1)
    p = d.add_paragraph("当事人：")
    r1 = p.add_run(NAME_SPLIT[0])
    r1.bold = True
    r2 = p.add_run(NAME_SPLIT[1])
    r2.italic = True
    r2.font.name = "Arial"
    r3 = p.add_run(NAME_SPLIT[2])
    r3.font.size = Pt(16)
    r3.underline = True
    p.add_run(f"，公民身份号码：{ID_1}，开户银行账号{BANK}。")
    d.add_paragraph(f"承办人{NAME_ZHANG_1}与{NAME_ZHANG_2}于2026年4月2日送达。联系邮箱 ")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "姓名"
    table.cell(0, 1).text = NAME_ZHANG_1
    table.cell(1, 0).text = "联系电话"
    table.cell(1, 1).text = PHONE_TABLE
    d.add_paragraph("[INS]")
    d.add_paragraph("[LINK]")
    d.add_paragraph("[BOX]")
    d.add_paragraph("以上事实清楚。[FN]")
    buf = io.BytesIO()
    d.save(buf)
    _patch_docx(buf.getvalue(), path)


def _patch_docx(data: bytes, path: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(data))
    parts = {n: src.read(n) for n in src.namelist()}
    doc = parts["word/document.xml"].decode()
    ins = (f'<w:r><w:t xml:space="preserve">补充：</w:t></w:r>'
           f'<w:ins w:id="901" w:author="{NAME_AUTHOR}" w:date="2026-05-01T10:00:00Z"><w:r><w:rPr><w:b/></w:rPr>'
           f'<w:t xml:space="preserve">另查明其配偶证件号{ID_2}</w:t></w:r></w:ins>'
           f'<w:del w:id="902" w:author="{NAME_AUTHOR}" w:date="2026-05-01T10:00:00Z"><w:r>'
           f'<w:delText>已删除的电话{PHONE_COMMENT}</w:delText></w:r></w:del>'
           f'<w:commentRangeStart w:id="0"/><w:r><w:t>。</w:t></w:r><w:commentRangeEnd w:id="0"/>'
           f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>')
    doc = doc.replace("<w:r><w:t>[INS]</w:t></w:r>", ins)
    link = (f'<w:r><w:t xml:space="preserve">邮件：</w:t></w:r><w:hyperlink r:id="rIdMail"><w:r><w:rPr><w:u w:val="single"/>'
            f'</w:rPr><w:t>{EMAIL}</w:t></w:r></w:hyperlink>')
    doc = doc.replace("<w:r><w:t>[LINK]</w:t></w:r>", link)
    box = ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="tb1" style="width:200pt;height:40pt">'
           f'<v:textbox><w:txbxContent><w:p><w:r><w:t>文本框：{NAME_SPLIT} {PHONE_HEADER}</w:t></w:r></w:p>'
           '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    doc = doc.replace("<w:r><w:t>[BOX]</w:t></w:r>", box)
    doc = doc.replace("以上事实清楚。[FN]</w:t></w:r>",
                      '以上事实清楚。</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                      '<w:footnoteReference w:id="1"/></w:r>')
    assert "[INS]" not in doc and "[LINK]" not in doc and "[BOX]" not in doc and "[FN]" not in doc
    parts["word/document.xml"] = doc.encode()
    parts["word/comments.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {NS}>'
        f'<w:comment w:id="0" w:author="{NAME_AUTHOR}" w:initials="LXM" w:date="2026-05-01T10:00:00Z">'
        f'<w:p><w:r><w:t>请核实{NAME_SPLIT}的电话{PHONE_COMMENT}</w:t></w:r></w:p></w:comment></w:comments>').encode()
    parts["word/footnotes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        f'</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>经办人{NAME_ZHANG_2}，电话{PHONE_FOOTER}</w:t></w:r>'
        '</w:p></w:footnote></w:footnotes>').encode()
    parts["docProps/custom.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/'
        'officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="承办人">'
        f'<vt:lpwstr>{NAME_AUTHOR} {PHONE_COMMENT}</vt:lpwstr></property></Properties>').encode()
    parts["docProps/thumbnail.jpeg"] = b"\xff\xd8\xff\xe0" + NAME_SPLIT.encode() + b"\xff\xd9"
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace("</Relationships>", (
        f'<Relationship Id="rIdCm" Type="{R}/comments" Target="comments.xml"/>'
        f'<Relationship Id="rIdFn" Type="{R}/footnotes" Target="footnotes.xml"/>'
        f'<Relationship Id="rIdMail" Type="{R}/hyperlink" Target="mailto:{EMAIL}" TargetMode="External"/>'
        '</Relationships>'))
    parts["word/_rels/document.xml.rels"] = rels.encode()
    root_rels = parts["_rels/.rels"].decode().replace("</Relationships>", (
        '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'custom-properties" Target="docProps/custom.xml"/><Relationship Id="rIdThumb" Type="http://schemas.'
        'openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/>'
        '</Relationships>'))
    parts["_rels/.rels"] = root_rels.encode()
    ct = parts["[Content_Types].xml"].decode().replace("</Types>", (
        '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.comments+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/'
        'custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
        '<Default Extension="jpeg" ContentType="image/jpeg"/></Types>'))
    parts["[Content_Types].xml"] = ct.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in ["[Content_Types].xml"] + [n for n in parts if n != "[Content_Types].xml"]:
            info = zipfile.ZipInfo(name, date_time=(2026, 5, 1, 10, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, parts[name])


def make_penalty_docx(path: Path) -> None:
    """A penalty decision for the punitive-notice profile: the name stays, ID and phone are masked."""
    import docx

    d = docx.Document()
    d.add_paragraph("重庆市某区市场监督管理局行政处罚决定书")
    d.add_paragraph(f"当事人：{NAME_SPLIT}")
    d.add_paragraph(f"公民身份号码：{ID_1}")
    d.add_paragraph(f"联系电话：{PHONE_TABLE}")
    d.add_paragraph(f"经查，当事人{NAME_SPLIT}销售过期食品，本局决定处罚款人民币50,000元。")
    d.core_properties.author = "办公室"
    d.core_properties.last_modified_by = "办公室"
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(buf)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 5, 1, 10, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(fixed, src.read(info))


def make_pdf(path: Path) -> None:
    import pikepdf
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdfmetrics.registerFont(TTFont("ZenHei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", subfontIndex=0))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setAuthor(NAME_SPLIT)
    c.setTitle(f"关于{NAME_AUTHOR}的处罚决定")
    c.setSubject(f"电话 {PHONE_TABLE}")
    c.setKeywords(f"{ID_1}")
    width, height = A4
    # header and footer
    c.setFont("STSong-Light", 9)
    c.drawString(72, height - 40, f"案卷：{NAME_SPLIT}  联系电话{PHONE_HEADER}")
    c.drawString(72, 40, f"联系人 {NAME_AUTHOR} ")
    c.setFont("Helvetica", 9)
    c.drawString(72 + 9 * 8, 40, PHONE_FOOTER)
    c.bookmarkPage("p1")
    c.addOutlineEntry(f"{NAME_SPLIT}的处罚决定", "p1", level=0)
    c.setFont("STSong-Light", 18)
    c.drawString(200, height - 90, "行政处罚决定书")
    # body: the name in three text operations with different fonts and sizes
    y = height - 140
    c.setFont("STSong-Light", 12)
    c.drawString(72, y, "当事人：")
    x = 72 + 4 * 12
    c.setFont("ZenHei", 12)
    c.drawString(x, y, NAME_SPLIT[0])
    c.setFont("STSong-Light", 14)
    c.drawString(x + 12, y, NAME_SPLIT[1])
    c.setFont("ZenHei", 11)
    c.drawString(x + 26, y, NAME_SPLIT[2])
    c.setFont("STSong-Light", 12)
    c.drawString(x + 38, y, f"，公民身份号码：{ID_1}，")
    y -= 22
    c.drawString(72, y, f"承办人{NAME_ZHANG_1}与{NAME_ZHANG_2}，银行账号{BANK}，邮箱 ")
    c.setFont("Helvetica", 12)
    c.drawString(72 + 33 * 12, y, EMAIL)
    c.linkURL(f"mailto:{EMAIL}", (72 + 33 * 12, y - 2, 72 + 33 * 12 + 150, y + 12), relative=0)
    # table
    y -= 40
    for row, (k, v) in enumerate((("姓名", NAME_ZHANG_1), ("联系电话", PHONE_TABLE))):
        top = y - row * 24
        c.rect(72, top - 6, 100, 24)
        c.rect(172, top - 6, 200, 24)
        c.setFont("STSong-Light", 12)
        c.drawString(78, top, k)
        c.setFont("Helvetica" if v.isdigit() else "STSong-Light", 12)
        c.drawString(178, top, v)
    c.setFont("STSong-Light", 12)
    c.drawString(72, y - 80, "本局决定：处罚款人民币50,000元。")
    # a Form XObject holding ID_2
    c.beginForm("idform")
    c.setFont("STSong-Light", 12)
    c.drawString(72, 200, f"配偶证件号{ID_2}，核实无误。")
    c.endForm()
    c.doForm("idform")
    c.showPage()
    # page 2: rotated; the name appears again
    c.setFont("STSong-Light", 12)
    c.drawString(72, height - 100, f"送达回证：受送达人{NAME_SPLIT}，电话{PHONE_TABLE}。")
    c.drawString(72, height - 130, "本页其余文字保持不变。")
    c.showPage()
    c.save()
    with pikepdf.open(io.BytesIO(buf.getvalue())) as pdf:
        pdf.pages[1].obj.Rotate = 90
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:creator"] = [NAME_SPLIT]
            meta["dc:description"] = f"{NAME_AUTHOR} {PHONE_COMMENT}"
        page = pdf.pages[0]
        note = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[400, 700, 420, 720],
            Contents=pikepdf.String(f"请核实{NAME_SPLIT}电话{PHONE_COMMENT}"), T=pikepdf.String(NAME_AUTHOR)))
        page.obj.Annots.append(note)
        attachment = pikepdf.AttachedFileSpec(pdf, f"身份证 {ID_1}".encode(), filename=f"{NAME_SPLIT}.txt")
        pdf.attachments[f"{NAME_SPLIT}.txt"] = attachment
        js = pdf.make_stream(f"app.alert('{PHONE_HEADER}');".encode())
        action = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=js))
        pdf.Root.Names.JavaScript = pikepdf.Dictionary(Names=[pikepdf.String("hello"), action])
        pdf.save(path, deterministic_id=True)


def make_vertical_pdf(path: Path) -> None:
    """Vertical writing (UniGB-UCS2-V): glyph positions the editor does not map, so the page is
    re-rendered as an image with the boxes burned in."""
    import pikepdf
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.setFont("STSong-Light", 14)
    c.drawString(300, 760, f"竖排公告：{NAME_SPLIT}，电话{PHONE_TABLE}")
    c.showPage()
    c.setFont("STSong-Light", 14)
    c.drawString(72, 760, "第二页横排文字，没有个人信息。")
    c.showPage()
    c.save()
    with pikepdf.open(io.BytesIO(buf.getvalue())) as pdf:
        font = pdf.pages[0].Resources.Font
        for name in list(font.keys()):
            if str(font[name].get("/Encoding")) == "/UniGB-UCS2-H":
                font[name].Encoding = pikepdf.Name("/UniGB-UCS2-V")
        pdf.save(path, deterministic_id=True)


def make_ocr_pdf(path: Path) -> None:
    """A scanned page: the text is pixels in an image, with an invisible OCR text layer on top (render
    mode 3). Covering the OCR glyphs with a box would leave the pixels in the image data."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    line = f"当事人{NAME_SPLIT}，电话{PHONE_TABLE}"
    scale = 4  # 288 dpi scan
    image = Image.new("L", (400 * scale, 40 * scale), 255)
    font = ImageFont.truetype("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 14 * scale)
    draw = ImageDraw.Draw(image)
    x = 4.0
    for ch in line:  # place each character where the OCR layer says it is, as an OCR engine does
        draw.text((x * scale, 12 * scale), ch, font=font, fill=0)
        x += pdfmetrics.stringWidth(ch, "STSong-Light", 14)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.drawImage(ImageReader(image), 72, 700, width=400, height=40)
    text = c.beginText(76, 700 + 40 - 12 - 12)
    text.setTextRenderMode(3)
    text.setFont("STSong-Light", 14)
    text.textLine(line)
    c.drawText(text)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 600, "扫描件下方的正常文字。")
    c.showPage()
    c.save()
    path.write_bytes(buf.getvalue())


def make_operators_pdf(path: Path) -> None:
    """Hand-written content stream: TJ with kerning, character/word spacing, horizontal scaling and
    the ' and " operators, in a simple WinAnsi font; the rewriter must keep every other glyph in place."""
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))
    content = (f"BT /F1 12 Tf 2 Tc 3 Tw 110 Tz 72 700 Td [(Tel 138) -200 (9600) 50 (1234 end)] TJ 14 TL "
               f"(next {PHONE_TABLE} line) ' 1 0.5 (quote {PHONE_HEADER} x) \" ET").encode()
    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 612, 792], Contents=pdf.make_stream(content),
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)))))
    pdf.save(path, deterministic_id=True)


def main() -> None:
    make_docx(HERE / "leak.docx")
    make_penalty_docx(HERE / "penalty-decision.docx")
    make_pdf(HERE / "leak.pdf")
    make_vertical_pdf(HERE / "vertical.pdf")
    make_ocr_pdf(HERE / "scan-ocr.pdf")
    make_operators_pdf(HERE / "operators.pdf")
    for name in ("leak.docx", "penalty-decision.docx", "leak.pdf", "vertical.pdf", "scan-ocr.pdf", "operators.pdf"):
        print(name, (HERE / name).stat().st_size)


if __name__ == "__main__":
    main()

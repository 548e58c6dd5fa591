"""Files shaped like those Chinese offices and their tools produce, made in code (nothing downloaded): the
fixtures of tests/core/deidentify/test_real_world.py and the generated part of `make corpus`.

Each builder writes one file and returns its path. Names and numbers in them are invented.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

PERSON = "王建国"
PHONE = "13896001234"
ID_NUMBER = "500106198001010011"
BODY = [f"申请人{PERSON}，联系电话{PHONE}，公民身份号码{ID_NUMBER}。",
        "经审查，本机关依法作出如下决定：准予公开。",
        f"联系人：{PERSON}，地址：重庆市渝中区人民路123号。"]
GB_FONTS = ("宋体", "黑体", "仿宋_GB2312", "楷体_GB2312")


# --- PDF ------------------------------------------------------------------------------------

def _gbk_name(text: str) -> object:
    import pikepdf

    return pikepdf.Object.parse(b"/" + "".join(f"#{b:02X}" for b in text.encode("gbk")).encode())


def reportlab_pdf(lines: list[str] | None = None, *, pages: int = 1, embedded: bool = False) -> bytes:
    """A Chinese text PDF as reportlab writes it: the built-in CID font STSong-Light (not embedded), or
    with `embedded` the WenQuanYi TrueType font subset into the file."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    if embedded:
        from reportlab.pdfbase.ttfonts import TTFont

        path = next((p for p in ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",) if os.path.exists(p)), None)
        if path is None:
            raise FileNotFoundError("fonts-wqy-zenhei is not installed")
        font = "WQY"
        pdfmetrics.registerFont(TTFont(font, path, subfontIndex=0))
    else:
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for _ in range(pages):
        c.setFont(font, 12)
        for k, line in enumerate(lines or BODY):
            c.drawString(72, 720 - 24 * k, line)
        c.showPage()
    c.save()
    return buf.getvalue()


def gbk_font_pdf(path: Path, *, font: str = "宋体", embedded: bool = False, lines: list[str] | None = None,
                 title: str | None = None) -> Path:
    """A PDF whose font is named in GBK bytes, as Chinese-locale producers write them: /BaseFont and the
    descriptor's /FontName are `/#CB#CE#CC#E5` for 宋体 (reportlab writes the file, pikepdf renames the
    font). `title`: a document title in GBK bytes too (a literal string no BOM announces)."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(reportlab_pdf(lines, embedded=embedded)))
    name = _gbk_name(font)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary):
            if obj.get("/Type") == "/Font":
                obj.BaseFont = name
            elif obj.get("/Type") == "/FontDescriptor":
                obj.FontName = name
    if title is not None:
        pdf.docinfo["/Title"] = pikepdf.String(title.encode("gbk"))
        pdf.docinfo["/Author"] = pikepdf.String(PERSON.encode("gbk"))
    pdf.save(path)
    return path


def scrambled_pdf(path: Path, value: str = PERSON) -> Path:
    """Two pages that each show `value` once, drawn character by character in scrambled order (the last
    character first, as layout programs write text they kerned or re-flowed): in the content stream the
    value's characters are not adjacent; a reader that orders them by position reads the value."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for page in range(2):
        c.setFont("STSong-Light", 12)
        c.drawString(72, 720, f"第{page + 1}页：经办人" if page else "申请人")
        x = 72 + 12 * (5 if page else 3)
        order = list(range(len(value)))
        order = order[1:] + order[:1]  # 建国王: the first character drawn last
        for k in order:
            c.drawString(x + 12 * k, 720, value[k])
        c.drawString(x + 12 * len(value), 720, "，特此说明。")
        c.showPage()
    c.save()
    path.write_bytes(buf.getvalue())
    return path


def scanned_pdf(path: Path, *, kind: str = "bilevel", dpi: int = 150) -> Path:
    """A scanned page with an invisible OCR text layer, as scanners and OCR tools make them: the page is
    one picture (bilevel CCITT group 4, or a greyscale JPEG with `kind="jpeg"`) with the recognised text
    drawn in text render mode 3 over it."""
    import pikepdf
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    width, height = 595, 842
    scale = dpi / 72
    picture = Image.new("L", (round(width * scale), round(height * scale)), 255)
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", round(12 * scale))
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, height))
    text = c.beginText()
    text.setTextRenderMode(3)  # invisible: the OCR layer
    text.setFont("STSong-Light", 12)
    for k, line in enumerate(BODY):
        y = 720 - 24 * k
        draw.text((72 * scale, (height - y - 11) * scale), line, font=font, fill=0)
        text.setTextOrigin(72, y)
        text.textLine(line)
    c.drawText(text)
    c.showPage()
    c.save()
    pdf = pikepdf.open(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    if kind == "bilevel":
        bilevel = picture.convert("1", dither=Image.Dither.NONE)
        bilevel.save(out, format="TIFF", compression="group4", tiffinfo={278: bilevel.height})
        with Image.open(io.BytesIO(out.getvalue())) as tiff:
            start, size, photometric = tiff.tag_v2[273][0], tiff.tag_v2[279][0], tiff.tag_v2.get(262, 0)
        image = pikepdf.Stream(pdf, out.getvalue()[start:start + size])
        image.Filter = pikepdf.Name.CCITTFaxDecode
        image.DecodeParms = pikepdf.Dictionary(K=-1, Columns=bilevel.width, Rows=bilevel.height,
                                               BlackIs1=photometric == 1)
        image.BitsPerComponent = 1
    else:
        picture.save(out, format="JPEG", quality=60)
        image = pikepdf.Stream(pdf, out.getvalue())
        image.Filter = pikepdf.Name.DCTDecode
        image.BitsPerComponent = 8
    image.Type, image.Subtype, image.ColorSpace = pikepdf.Name.XObject, pikepdf.Name.Image, pikepdf.Name.DeviceGray
    image.Width, image.Height = picture.width, picture.height
    page = pdf.pages[0]
    page.obj.Resources.XObject = pikepdf.Dictionary(Scan=image)
    page.contents_add(pdf.make_stream(f"q {width} 0 0 {height} 0 0 cm /Scan Do Q\n".encode()), prepend=True)
    pdf.save(path)
    return path


def trailing_data_pdf(path: Path) -> Path:
    """A complete PDF followed by data after %%EOF (an HTML error page a download tool appended)."""
    path.write_bytes(reportlab_pdf() + b"\n<html><body>" + b"<p>download complete</p>" * 200 + b"</body></html>\n")
    return path


def broken_root_pdf(path: Path) -> Path:
    """The catalog numbered beyond the trailer's /Size, the xref table otherwise intact (as in files that
    an incremental-save tool damaged): qpdf finds no /Root dictionary, pdfium still finds the catalog
    and reads the pages."""
    import re

    import pikepdf

    pdf = pikepdf.open(io.BytesIO(reportlab_pdf()))
    out = io.BytesIO()
    pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable, compress_streams=False)
    data = out.getvalue()
    number = int(re.search(rb"/Root (\d+) 0 R", data[data.rindex(b"trailer"):]).group(1))
    head = re.search(rb"\n%d 0 obj\n<< " % number, data)
    assert head is not None and b"/Catalog" in data[head.end():head.end() + 200]
    beyond = int(re.search(rb"/Size (\d+)", data).group(1)) + 100
    # one digit more in the number, one blank less in the dictionary: every offset stays right
    renamed = b"\n%d 0 obj\n<<" % beyond
    renamed += b" " * (len(head.group()) - len(renamed))
    data = data[:head.start()] + renamed + data[head.end():]
    trailer = data.rindex(b"trailer")
    data = data[:trailer] + data[trailer:].replace(b"/Root %d 0 R" % number, b"/Root %d 0 R" % beyond, 1)
    path.write_bytes(data)
    return path


def encrypted_attachment_pdf(path: Path) -> Path:
    """A PDF whose only encrypted part is an attachment (/StmF and /StrF /Identity, /EFF /StdCF, a user
    password: anyone opens the document, the attachment needs the password). qpdf refuses the file
    without the password; pdfium reads its pages."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(reportlab_pdf()))
    stream = pikepdf.Stream(pdf, os.urandom(64))
    stream.Type = pikepdf.Name.EmbeddedFile
    stream.Filter = pikepdf.Array([pikepdf.Name.Crypt])
    stream.DecodeParms = pikepdf.Array([pikepdf.Dictionary(Name=pikepdf.Name.StdCF)])
    spec = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=pikepdf.String("附件.pdf"),
                                                EF=pikepdf.Dictionary(F=pdf.make_indirect(stream))))
    pdf.Root.Names = pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary(
        Names=pikepdf.Array([pikepdf.String("附件.pdf"), spec])))
    out = io.BytesIO()
    pdf.save(out, static_id=True, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    data = out.getvalue()
    # an /Encrypt dictionary written by hand (qpdf offers no attachments-only encryption): the O and U
    # entries belong to a user password nobody here knows
    encrypt = (b"<< /Filter /Standard /V 4 /R 4 /Length 128 /P -1028 /O <" + os.urandom(32).hex().encode()
               + b"> /U <" + os.urandom(32).hex().encode() + b"> /CF << /StdCF << /CFM /AESV2 /AuthEvent /EFOpen "
               b"/Length 16 >> >> /StmF /Identity /StrF /Identity /EFF /StdCF >>")
    trailer = data.rindex(b"trailer")
    data = data[:trailer] + data[trailer:].replace(b"/Root", b"/Encrypt " + encrypt + b" /Root", 1)
    path.write_bytes(data)
    return path


# --- docx -----------------------------------------------------------------------------------

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def docx_with_comments(path: Path) -> Path:
    """A docx saved with a comment by a named reviewer whose text links somewhere, as Word writes it:
    comments.xml with its own relationships part (word/_rels/comments.xml.rels), commentsExtended,
    commentsIds and people.xml."""
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph(BODY[0])
    document.add_paragraph(BODY[1])
    document.add_comment(paragraph.runs, text=f"请核实{PERSON}的电话", author="李晓梅", initials="LXM")
    buf = io.BytesIO()
    document.save(buf)
    extra = {
        "word/_rels/comments.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="' + _REL
            + '/hyperlink" Target="mailto:lixiaomei@example.gov.cn" TargetMode="External"/></Relationships>'),
        "word/commentsExtended.xml": '<?xml version="1.0" encoding="UTF-8"?><w15:commentsEx xmlns:w15="http://'
                                     'schemas.microsoft.com/office/word/2012/wordml"/>',
        "word/people.xml": '<?xml version="1.0" encoding="UTF-8"?><w15:people xmlns:w15="http://schemas.microsoft.'
                           'com/office/word/2012/wordml"><w15:person w15:author="李晓梅"/></w15:people>',
    }
    rels = ('<Relationship Id="rIdCx" Type="http://schemas.microsoft.com/office/2011/relationships/'
            'commentsExtended" Target="commentsExtended.xml"/><Relationship Id="rIdPe" Type="http://schemas.'
            'microsoft.com/office/2011/relationships/people" Target="people.xml"/>')
    types = ('<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.wordprocessingml.commentsExtended+xml"/><Override PartName="/word/people.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/>')
    return _rebuilt(path, buf.getvalue(), rels=rels, types=types, parts=extra)


def docx_with_glossary(path: Path) -> Path:
    """A docx with building blocks (word/glossary/) stored with a bare folder entry `word/glossary/`, as
    some zip tools and document systems write packages."""
    body = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:glossaryDocument xmlns:w="http://schemas'
            '.openxmlformats.org/wordprocessingml/2006/main"><w:docParts><w:docPart><w:docPartBody><w:p><w:r>'
            f'<w:t>经办人{PERSON}，电话{PHONE}</w:t></w:r></w:p></w:docPartBody></w:docPart></w:docParts>'
            '</w:glossaryDocument>')
    rels = f'<Relationship Id="rIdGl" Type="{_REL}/glossaryDocument" Target="glossary/document.xml"/>'
    types = ('<Override PartName="/word/glossary/document.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.wordprocessingml.document.glossary+xml"/>')
    glossary_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://'
                     'schemas.openxmlformats.org/package/2006/relationships"/>')
    import docx

    document = docx.Document()
    for line in BODY[:2]:
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return _rebuilt(path, buf.getvalue(), rels=rels, types=types, folders=["word/glossary/", "word/glossary/_rels/"],
                    parts={"word/glossary/document.xml": body,
                           "word/glossary/_rels/document.xml.rels": glossary_rels})


def docx_with_package(path: Path, *, encoding: str = "utf-8", utf16: bool = True,
                      label: str = f"{PERSON}的申请.pdf") -> Path:
    """A docx with a file inserted as an object (OLE Package) whose 8-bit label is in `encoding` (UTF-8 as
    Office for Mac and Java tools write it, GBK as Chinese Windows does), with or without the UTF-16
    copies newer Office adds."""
    from tests.docx_chunks import docx_bytes, ole_package

    obj = ('<w:p><w:r><w:object><v:shape id="_x0000_i1026" style="width:60pt;height:40pt"/><o:OLEObject '
           'Type="Embed" ProgID="Package" ShapeID="_x0000_i1026" r:id="rIdOle"/></w:object></w:r></w:p>')
    rels = f'<Relationship Id="rIdOle" Type="{_REL}/oleObject" Target="embeddings/oleObject1.bin"/>'
    types = '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'
    package = ole_package(label, f"C:\\Users\\admin\\Desktop\\{label}", b"%PDF-1.4\n%%EOF\n", encoding=encoding,
                          utf16=utf16)
    return _rebuilt(path, docx_bytes("申请材料见附件。", BODY[1]), document=obj.encode(), rels=rels, types=types,
                    parts={"word/embeddings/oleObject1.bin": package})


def _rebuilt(path: Path, base: bytes, *, document: bytes = b"", rels: str = "", types: str = "",
             parts: dict[str, bytes | str] | None = None, folders: list[str] | None = None) -> Path:
    from tests.docx_chunks import rebuilt

    rebuilt(path, base, document=document, rels=rels, types=types, parts=parts)
    if folders:
        with zipfile.ZipFile(path) as z:
            items = [(i, z.read(i)) for i in z.infolist()]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for folder in folders:
                out.writestr(zipfile.ZipInfo(folder), b"")
            for info, data in items:
                out.writestr(info, data)
    return path


# --- LibreOffice ----------------------------------------------------------------------------

def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_files(folder: Path) -> list[Path]:
    """A Chinese docx (python-docx, 宋体/黑体 runs) converted by LibreOffice to PDF and re-saved as docx,
    when LibreOffice is installed (empty list otherwise)."""
    office = libreoffice()
    if office is None:
        return []
    import docx
    from docx.oxml.ns import qn

    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "lo-source.docx"
    document = docx.Document()
    for k, line in enumerate(BODY * 3):
        run = document.add_paragraph().add_run(line)
        run.font.name = GB_FONTS[k % len(GB_FONTS)]
        run._element.rPr.rFonts.set(qn("w:eastAsia"), GB_FONTS[k % len(GB_FONTS)])
    document.core_properties.author = PERSON
    document.save(source)
    made = []
    with tempfile.TemporaryDirectory() as profile:
        for target, name in (("pdf", "libreoffice.pdf"), ("docx:MS Word 2007 XML", "libreoffice.docx")):
            out = folder / "lo-out"
            out.mkdir(exist_ok=True)
            subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                            target, "--outdir", str(out), str(source)], capture_output=True, timeout=180, check=False)
            produced = out / f"lo-source.{target.split(':')[0]}"
            if produced.exists():
                produced.replace(folder / name)
                made.append(folder / name)
            shutil.rmtree(out, ignore_errors=True)
    source.unlink()
    return made


def generate(folder: Path) -> list[Path]:
    """Every generated file of the corpus, written into `folder` (rebuilt each run: they are cheap)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = [gbk_font_pdf(folder / f"gbk-font-{k}-{font}.pdf", font=font, embedded=bool(k % 2), title="申请书")
             for k, font in enumerate(GB_FONTS)]
    files += [scanned_pdf(folder / "scan-bilevel.pdf"), scanned_pdf(folder / "scan-jpeg.pdf", kind="jpeg")]
    files += [scrambled_pdf(folder / "scrambled.pdf"), trailing_data_pdf(folder / "trailing-data.pdf"),
              broken_root_pdf(folder / "broken-root.pdf"), encrypted_attachment_pdf(folder / "encrypted-attachment.pdf"),
              docx_with_comments(folder / "comments.docx"), docx_with_glossary(folder / "glossary.docx"),
              docx_with_package(folder / "package-utf8.docx"),
              docx_with_package(folder / "package-gbk.docx", encoding="gbk", utf16=False)]
    files += libreoffice_files(folder)
    return files

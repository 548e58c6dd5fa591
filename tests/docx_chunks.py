"""Build a docx whose body imports files through w:altChunk, as HTML-to-docx converters of office
systems write them (Word shows each chunk's content in place of the element)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
CONTENT_TYPES = {"html": "text/html", "mht": "message/rfc822", "rtf": "application/rtf", "txt": "text/plain",
                 "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                 "bin": "application/octet-stream"}


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def with_chunks(path: Path, before: str, chunks: list[tuple[str, bytes]], after: str = "") -> Path:
    """A docx: a paragraph `before`, one w:altChunk per (extension, data), then a paragraph `after`."""
    base = zipfile.ZipFile(io.BytesIO(docx_bytes(before, after) if after else docx_bytes(before)))
    elements = "".join(f'<w:altChunk r:id="rIdChunk{k}"/>' for k in range(len(chunks)))
    rels = "".join(f'<Relationship Id="rIdChunk{k}" Type="{REL_TYPE}" Target="chunk{k}.{ext}"/>'
                   for k, (ext, _) in enumerate(chunks))
    types = "".join(f'<Default Extension="{ext}" ContentType="{CONTENT_TYPES[ext]}"/>'
                    for ext in sorted({ext for ext, _ in chunks}))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in base.infolist():
            data = base.read(item.filename)
            if item.filename == "word/document.xml":
                first_end = data.index(b"</w:p>") + len(b"</w:p>")  # right after the first paragraph
                data = data[:first_end] + elements.encode() + data[first_end:]
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", types.encode() + b"</Types>")
            out.writestr(item, data)
        for k, (ext, data) in enumerate(chunks):
            out.writestr(f"word/chunk{k}.{ext}", data)
    return path


def html_entities(text: str) -> str:
    """Every non-ASCII character as a numeric character reference, as many converters write HTML."""
    return "".join(c if ord(c) < 128 else f"&#x{ord(c):X};" for c in text)


def rtf_gbk(text: str) -> bytes:
    """RTF in the GBK code page (\\'hh escapes), as Chinese Word writes it."""
    body = "".join(c if ord(c) < 128 else "".join(f"\\'{b:02x}" for b in c.encode("gbk")) for c in text)
    return ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0 " + body + "\\par}").encode("ascii")


def mht_quoted_printable(html: str) -> bytes:
    import quopri

    payload = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    return ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b1\"\r\n\r\n--b1\r\n"
            "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            f"{payload}\r\n--b1--\r\n").encode("ascii")


C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _workbook(rows: list[tuple[str, float | str]]) -> bytes:
    """A minimal xlsx: column A shared strings, column B numbers (a chart's data sheet)."""
    strings = [name for name, _ in rows]
    cells = []
    for i, (_, value) in enumerate(rows, start=2):
        number = f'<c r="B{i}"><v>{value}</v></c>'
        cells.append(f'<row r="{i}"><c r="A{i}" t="s"><v>{i - 2}</v></c>{number}</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><sheetData>' + "".join(cells) + "</sheetData></worksheet>")
    shared = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
              f'2006/main" count="{len(strings)}">' + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", shared)
    return buf.getvalue()


def with_chart_and_smartart(path: Path, body: str, title: str, categories: list[tuple[str, float | str]],
                            smartart: list[str]) -> Path:
    """A docx with a bar chart (title, category names, its data workbook embedded) and a SmartArt
    data part holding `smartart` lines, related from the main document as Word relates them."""
    pts = "".join(f'<c:pt idx="{k}"><c:v>{name}</c:v></c:pt>' for k, (name, _) in enumerate(categories))
    vals = "".join(f'<c:pt idx="{k}"><c:v>{value}</c:v></c:pt>' for k, (_, value) in enumerate(categories))
    chart = (f'<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="{C_NS}" xmlns:a="{A_NS}" xmlns:r="{R_NS}">'
             f'<c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>{title}</a:t></a:r></a:p></c:rich></c:tx></c:title>'
             '<c:plotArea><c:barChart><c:ser><c:tx><c:strRef><c:strCache><c:pt idx="0"><c:v>补助金额</c:v></c:pt>'
             f'</c:strCache></c:strRef></c:tx><c:cat><c:strRef><c:strCache>{pts}</c:strCache></c:strRef></c:cat>'
             f'<c:val><c:numRef><c:numCache>{vals}</c:numCache></c:numRef></c:val></c:ser></c:barChart>'
             '</c:plotArea></c:chart><c:externalData r:id="rId1"/></c:chartSpace>')
    chart_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                  f'package/2006/relationships"><Relationship Id="rId1" Type="{PKG_REL}/package" '
                  'Target="../embeddings/Microsoft_Excel_Sheet1.xlsx"/></Relationships>')
    points = "".join(f'<dgm:pt modelId="{k + 1}"><dgm:t><a:bodyPr/><a:p><a:r><a:t>{line}</a:t></a:r></a:p></dgm:t>'
                     "</dgm:pt>" for k, line in enumerate(smartart))
    data = ('<?xml version="1.0" encoding="UTF-8"?><dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/'
            f'drawingml/2006/diagram" xmlns:a="{A_NS}"><dgm:ptLst>{points}</dgm:ptLst></dgm:dataModel>')
    base = zipfile.ZipFile(io.BytesIO(docx_bytes(body)))
    rels = (f'<Relationship Id="rIdChart1" Type="{PKG_REL}/chart" Target="charts/chart1.xml"/>'
            f'<Relationship Id="rIdDgm1" Type="{PKG_REL}/diagramData" Target="diagrams/data1.xml"/>')
    types = ('<Override PartName="/word/charts/chart1.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.drawingml.chart+xml"/><Override PartName="/word/diagrams/data1.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml"/>'
             '<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.'
             'spreadsheetml.sheet"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in base.infolist():
            part = base.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                part = part.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                part = part.replace(b"</Types>", types.encode() + b"</Types>")
            out.writestr(item, part)
        out.writestr("word/charts/chart1.xml", chart)
        out.writestr("word/charts/_rels/chart1.xml.rels", chart_rels)
        out.writestr("word/embeddings/Microsoft_Excel_Sheet1.xlsx", _workbook(categories))
        out.writestr("word/diagrams/data1.xml", data)
    return path


def with_hidden_data(path: Path, body: str, doc_vars: dict[str, str], custom_xml: str, glossary: str) -> Path:
    """A docx that keeps data Word does not show: document variables, a custom XML data part (as office
    systems bind drafting metadata) and a glossary (building blocks) holding `glossary`."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    variables = "<w:docVars>" + "".join(f'<w:docVar w:name="{k}" w:val="{v}"/>' for k, v in doc_vars.items()) \
        + "</w:docVars>"
    glossary_xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:glossaryDocument xmlns:w="{w}"><w:docParts><w:docPart>'
                    '<w:docPartPr><w:name w:val="签名块"/></w:docPartPr><w:docPartBody><w:p><w:r><w:t>'
                    f"{glossary}</w:t></w:r></w:p></w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>")
    base = zipfile.ZipFile(io.BytesIO(docx_bytes(body)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in base.infolist():
            part = base.read(item.filename)
            if item.filename == "word/settings.xml":
                part = part.replace(b"</w:settings>", variables.encode() + b"</w:settings>")
            elif item.filename == "word/_rels/document.xml.rels":
                part = part.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdGloss" Type="{PKG_REL}/glossaryDocument" Target="glossary/document.xml"/>'
                    f'<Relationship Id="rIdCx" Type="{PKG_REL}/customXml" Target="../customXml/item9.xml"/>'
                    "</Relationships>").encode())
            elif item.filename == "[Content_Types].xml":
                part = part.replace(b"</Types>", (
                    '<Override PartName="/word/glossary/document.xml" ContentType="application/vnd.'
                    'openxmlformats-officedocument.wordprocessingml.document.glossary+xml"/></Types>').encode())
            out.writestr(item, part)
        out.writestr("word/glossary/document.xml", glossary_xml)
        out.writestr("customXml/item9.xml", custom_xml)
    return path


def photo_with_exif(author: str) -> bytes:
    """A JPEG as a phone writes it: EXIF with the owner (Artist, XPAuthor in UTF-16) and a GPS position."""
    from PIL import Image

    image = Image.new("RGB", (64, 48))
    for x in range(64):
        for y in range(48):
            image.putpixel((x, y), (x * 4, y * 5, (x + y) * 2))
    exif = Image.Exif()
    exif[0x013B] = "Zhang Wei"  # Artist
    exif[0x9C9D] = author.encode("utf-16-le") + b"\x00\x00"  # XPAuthor
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (29.0, 33.0, 12.5), "E", (106.0, 34.0, 48.2)
    buf = io.BytesIO()
    image.save(buf, "JPEG", exif=exif, quality=90, comment=b"taken at Jiefangbei 1")
    return buf.getvalue()


def png_with_text(author: str) -> bytes:
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_itxt("Author", author)
    info.add_text("Comment", "scan of the application form")
    buf = io.BytesIO()
    Image.new("L", (20, 10), 128).save(buf, "PNG", pnginfo=info)
    return buf.getvalue()

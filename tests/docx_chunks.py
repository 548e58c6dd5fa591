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


def rebuilt(path: Path, base: bytes, *, document: bytes = b"", rels: str = "", types: str = "", settings: str = "",
            parts: dict[str, bytes | str] | None = None) -> Path:
    """`base` (a docx) written to `path` with `document` inserted after the first paragraph, `rels`
    relationships, `types` content types and `settings` children added, and `parts` as new members."""
    source = zipfile.ZipFile(io.BytesIO(base))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename == "word/document.xml" and document:
                first_end = part.index(b"</w:p>") + len(b"</w:p>")  # right after the first paragraph
                part = part[:first_end] + document + part[first_end:]
            elif item.filename == "word/_rels/document.xml.rels":
                part = part.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                part = part.replace(b"</Types>", types.encode() + b"</Types>")
            elif item.filename == "word/settings.xml":
                part = part.replace(b"</w:settings>", settings.encode() + b"</w:settings>")
            out.writestr(item, part)
        for name, data in (parts or {}).items():
            out.writestr(name, data)
    return path


def with_chunks(path: Path, before: str, chunks: list[tuple[str, bytes]], after: str = "") -> Path:
    """A docx: a paragraph `before`, one w:altChunk per (extension, data), then a paragraph `after`."""
    elements = "".join(f'<w:altChunk r:id="rIdChunk{k}"/>' for k in range(len(chunks)))
    rels = "".join(f'<Relationship Id="rIdChunk{k}" Type="{REL_TYPE}" Target="chunk{k}.{ext}"/>'
                   for k, (ext, _) in enumerate(chunks))
    types = "".join(f'<Default Extension="{ext}" ContentType="{CONTENT_TYPES[ext]}"/>'
                    for ext in sorted({ext for ext, _ in chunks}))
    return rebuilt(path, docx_bytes(before, after) if after else docx_bytes(before), document=elements.encode(),
                   rels=rels, types=types,
                   parts={f"word/chunk{k}.{ext}": data for k, (ext, data) in enumerate(chunks)})


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
    rels = (f'<Relationship Id="rIdChart1" Type="{PKG_REL}/chart" Target="charts/chart1.xml"/>'
            f'<Relationship Id="rIdDgm1" Type="{PKG_REL}/diagramData" Target="diagrams/data1.xml"/>')
    types = ('<Override PartName="/word/charts/chart1.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.drawingml.chart+xml"/><Override PartName="/word/diagrams/data1.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml"/>'
             '<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.'
             'spreadsheetml.sheet"/>')
    return rebuilt(path, docx_bytes(body), rels=rels, types=types, parts={
        "word/charts/chart1.xml": chart, "word/charts/_rels/chart1.xml.rels": chart_rels,
        "word/embeddings/Microsoft_Excel_Sheet1.xlsx": _workbook(categories), "word/diagrams/data1.xml": data})


def with_hidden_data(path: Path, body: str, doc_vars: dict[str, str], custom_xml: str, glossary: str) -> Path:
    """A docx that keeps data Word does not show: document variables, a custom XML data part (as office
    systems bind drafting metadata) and a glossary (building blocks) holding `glossary`."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    variables = "<w:docVars>" + "".join(f'<w:docVar w:name="{k}" w:val="{v}"/>' for k, v in doc_vars.items()) \
        + "</w:docVars>"
    glossary_xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:glossaryDocument xmlns:w="{w}"><w:docParts><w:docPart>'
                    '<w:docPartPr><w:name w:val="签名块"/></w:docPartPr><w:docPartBody><w:p><w:r><w:t>'
                    f"{glossary}</w:t></w:r></w:p></w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>")
    return rebuilt(path, docx_bytes(body), settings=variables, rels=(
        f'<Relationship Id="rIdGloss" Type="{PKG_REL}/glossaryDocument" Target="glossary/document.xml"/>'
        f'<Relationship Id="rIdCx" Type="{PKG_REL}/customXml" Target="../customXml/item9.xml"/>'), types=(
        '<Override PartName="/word/glossary/document.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.wordprocessingml.document.glossary+xml"/>'),
        parts={"word/glossary/document.xml": glossary_xml, "customXml/item9.xml": custom_xml})


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


def workbook(rows: list[list[str | int]]) -> bytes:
    """A minimal xlsx: strings as shared strings, ints as number cells (as Excel stores a phone number
    typed without a leading apostrophe)."""
    shared: list[str] = []
    xml_rows = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{chr(65 + c)}{r}"
            if isinstance(value, str):
                shared.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{len(shared) - 1}</v></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        xml_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{ns}"><sheets/></workbook>')
        z.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0"?><worksheet xmlns="{ns}"><sheetData>'
                   + "".join(xml_rows) + "</sheetData></worksheet>")
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst xmlns="{ns}">'
                   + "".join(f"<si><t>{s}</t></si>" for s in shared) + "</sst>")
    return buf.getvalue()


def with_embedded_workbook(path: Path, body: str, data: bytes, preview: bytes, preview_ext: str) -> Path:
    """A docx with an embedded Excel object (w:object: a preview picture and the OLE link to the package)."""
    obj = ('<w:p><w:r><w:object><v:shape id="_x0000_i1025" style="width:300pt;height:100pt">'
           '<v:imagedata r:id="rIdPreview"/></v:shape><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" '
           'ShapeID="_x0000_i1025" DrawAspect="Content" r:id="rIdPackage"/></w:object></w:r></w:p>')
    return rebuilt(path, docx_bytes(body), document=obj.encode(), rels=(
        f'<Relationship Id="rIdPreview" Type="{PKG_REL}/image" Target="media/preview.{preview_ext}"/>'
        f'<Relationship Id="rIdPackage" Type="{PKG_REL}/package" Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/>'),
        types=('<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.'
               f'spreadsheetml.sheet"/><Default Extension="{preview_ext}" ContentType="image/'
               f'{"x-emf" if preview_ext == "emf" else preview_ext}"/>'),
        parts={"word/embeddings/Microsoft_Excel_Worksheet.xlsx": data, f"word/media/preview.{preview_ext}": preview})


def emf_with_text(text: str) -> bytes:
    """An EMF as Word draws an embedded table's preview: header, one EMR_EXTTEXTOUTW record holding
    `text` in UTF-16, EOF."""
    import struct

    chars = text.encode("utf-16-le")
    payload = chars + b"\x00" * (-len(chars) % 4)
    # EMR_EXTTEXTOUTW: bounds(16) mode(4) scales(8) + EMRTEXT: ref(8) nChars(4) offString(4) options(4)
    # rect(16) offDx(4), then the string
    body = struct.pack("<4iIff", 0, 0, 200, 40, 1, 1.0, 1.0) + struct.pack(
        "<iiIII4iI", 10, 10, len(text), 8 + 36 + 40, 0, 0, 0, 200, 40, 0) + payload
    record = struct.pack("<II", 84, 8 + len(body)) + body
    header = struct.pack("<II4i4iIIIIHHIII", 1, 88, 0, 0, 200, 40, 0, 0, 5292, 1058, 0x464D4520, 0x10000,
                         88 + len(record) + 20, 3, 1, 0, 0, 0, 0) + struct.pack("<4i", 1920, 1080, 508, 286)
    return header + record + struct.pack("<IIIII", 14, 20, 0, 16, 20)


def ole_package(label: str, path: str, payload: bytes, author: str = "", *, encoding: str = "gbk",
                utf16: bool = False) -> bytes:
    """A Compound File (CFB v3) as Word stores an object inserted from a file: an \\x01Ole10Native stream
    (label, the source path, a temporary path, the file's bytes), in GBK as Chinese Windows writes it
    (`encoding="utf-8"` as Office for Mac and POI write it), with the UTF-16 copies newer Office adds
    when `utf16`, plus a \\x05SummaryInformation stream with the author when given. Streams are padded
    to 4 KiB so they live in regular sectors (no mini stream)."""
    import struct

    def ansi(text: str) -> bytes:
        return text.encode(encoding) + b"\x00"

    def wide(text: str) -> bytes:
        return struct.pack("<I", len(text.encode("utf-16-le")) // 2) + text.encode("utf-16-le")

    temp = f"C:\\Users\\ADMINI~1\\AppData\\Local\\Temp\\{path.rsplit(chr(92), 1)[-1]}"
    body = (struct.pack("<H", 2) + ansi(label) + ansi(path) + struct.pack("<HH", 0, 3)
            + struct.pack("<I", len(ansi(temp))) + ansi(temp) + struct.pack("<I", len(payload)) + payload)
    if utf16:
        body += wide(temp) + wide(label) + wide(path)
    native = struct.pack("<I", len(body)) + body
    streams = [("\x01Ole10Native", native)]
    if author:
        value = author.encode("gbk") + b"\x00"
        prop = struct.pack("<II", 30, len(value)) + value + b"\x00" * (-len(value) % 4)
        section = struct.pack("<II", 8 + 8 + len(prop), 1) + struct.pack("<II", 4, 16) + prop
        fmtid = bytes.fromhex("E0859FF2F94F6810AB9108002B27B3D9")
        streams.append(("\x05SummaryInformation",
                        struct.pack("<HHI", 0xFFFE, 0, 0x00020005) + b"\x00" * 16 + struct.pack("<I", 1)
                        + fmtid + struct.pack("<I", 48) + section))
    sector = 512
    # at least 4 KiB each, so the streams live in regular sectors (a smaller one belongs to the mini stream)
    streams = [(name, content + b"\x00" * (max(4096, -(-len(content) // sector) * sector) - len(content)))
               for name, content in streams]
    data_sectors: list[bytes] = []
    starts = []
    for _, content in streams:
        starts.append(len(data_sectors))
        data_sectors += [content[i:i + sector] for i in range(0, len(content), sector)]
    n_data = len(data_sectors)
    dir_sector, fat_sector = n_data, n_data + 1
    fat = []
    for (_, content), start in zip(streams, starts):
        count = len(content) // sector
        fat += [start + k + 1 for k in range(count - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFE, 0xFFFFFFFD]  # directory chain end, the FAT sector itself
    fat += [0xFFFFFFFF] * (128 - len(fat))

    def entry(name: str, kind: int, start: int, size: int, child: int = 0xFFFFFFFF, right: int = 0xFFFFFFFF) -> bytes:
        raw = (name + "\x00").encode("utf-16-le")
        return (raw + b"\x00" * (64 - len(raw)) + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", 0xFFFFFFFF, right, child) + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16
                + struct.pack("<IIi", start, size, 0))

    entries = [entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1)]
    for k, ((name, content), start) in enumerate(zip(streams, starts)):
        entries.append(entry(name, 2, start, len(content), right=k + 2 if k + 1 < len(streams) else 0xFFFFFFFF))
    directory = b"".join(entries)
    directory += entry("", 0, 0, 0) * ((sector - len(directory) % sector) // 128 % 4)
    header = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) \
        + b"\x00" * 6 + struct.pack("<IIIIIIIII", 0, 1, dir_sector, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0) \
        + struct.pack("<I", fat_sector) + struct.pack("<I", 0xFFFFFFFF) * 108
    return header + b"".join(data_sectors) + directory + b"".join(struct.pack("<I", x) for x in fat)

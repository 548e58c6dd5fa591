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

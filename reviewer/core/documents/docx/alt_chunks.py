"""The text of a docx `w:altChunk`: an HTML, MHT, RTF, plain-text or docx file that Word shows in place.

Office systems that build documents from HTML write their content this way: the body holds only
`<w:altChunk r:id=…/>` and the words sit in a separate part (word/afchunk.htm…). Word renders it as
body text, but nothing that reads w:t elements sees it, so a reader that skipped it would let a name
or an ID number through unreviewed. The reader shows each chunk's lines as paragraphs; the writer
replaces each chunk by those lines (de-identified like any paragraph) and drops the part; the
verifier reads any chunk part that is left with the same function.
"""

from __future__ import annotations

import email
import email.policy
import html.parser
import re

from charset_normalizer import from_bytes

ALT_CHUNK_TYPE = "aFChunk"  # relationship type (last segment)
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre",
               "section", "article", "header", "footer", "ul", "ol", "dt", "dd", "title"}
_CELL_TAGS = {"td", "th"}
_SKIP_TAGS = {"script", "style", "head"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_RTF_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")


class UnreadableChunk(ValueError):
    """A chunk in a format we cannot read: the export must not pretend it checked it."""


def chunk_kind(name: str, data: bytes) -> str | None:
    """"html", "mht", "rtf", "text" or "docx" by content, then by name; None when unknown."""
    head = data[:512].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \r\n\t").lower()
    low = name.lower()
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if data[:2] == b"PK":
        return "docx"
    if head.startswith(b"mime-version") or low.endswith((".mht", ".mhtml")):
        return "mht"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head or \
            low.endswith((".htm", ".html", ".xhtml", ".xht")):
        return "html"
    if low.endswith(".txt"):
        return "text"
    return None


def chunk_lines(name: str, data: bytes) -> list[str]:
    """The chunk's text, one string per paragraph (empty ones dropped). Raises UnreadableChunk."""
    kind = chunk_kind(name, data)
    if kind == "html":
        text = _html_text(_decode(data, _meta_charset(data)))
    elif kind == "mht":
        text = _mht_text(data)
    elif kind == "rtf":
        text = _rtf_text(data)
    elif kind == "text":
        text = _decode(data)
    elif kind == "docx":
        text = _docx_text(name, data)
    else:
        raise UnreadableChunk(f"{name}: unknown altChunk format")
    return [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _decode(data: bytes, declared: str | None = None) -> str:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    for codec in filter(None, (declared, "utf-8")):
        try:
            return data.decode(_codec(codec))
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("gb18030", errors="replace")


def _codec(name: str) -> str:
    low = name.lower()
    return "gb18030" if low in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936") else name


class _TextParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001 - HTMLParser API
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.out.append("\n")
        elif tag in _CELL_TAGS:
            self.out.append("\t")
        for key, value in attrs:  # alt and title text are shown or spoken too
            if key in ("alt", "title") and value:
                self.out.append(f"\n{value}\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


def _html_text(markup: str) -> str:
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    lines = ("".join(parser.out)).split("\n")
    return "\n".join(re.sub(r"[ \t\u00a0]+", " ", line) for line in lines)


def _mht_text(data: bytes) -> str:
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    texts = []
    for part in message.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        payload = part.get_payload(decode=True) or b""
        if ctype in ("text/html", "application/xhtml+xml"):
            texts.append(_html_text(_decode(payload, part.get_content_charset() or _meta_charset(payload))))
        elif ctype == "text/plain":
            texts.append(_decode(payload, part.get_content_charset()))
    if not texts:
        raise UnreadableChunk("MHT chunk without an HTML or text part")
    return "\n".join(texts)


def _rtf_text(data: bytes) -> str:
    from striprtf.striprtf import rtf_to_text

    m = _RTF_CODEPAGE.search(data[:2048])
    codec = f"cp{m.group(1).decode()}" if m else "cp1252"
    try:
        "".encode(codec)
    except LookupError:
        codec = "cp1252"
    return rtf_to_text(data.decode("latin-1"), encoding=codec, errors="replace")


def _docx_text(name: str, data: bytes) -> str:
    from reviewer.core.documents.docx.reader import read_docx
    from reviewer.core.documents.limits import Limits

    document = read_docx(data, name, "", Limits())
    return "\n".join(b.text for b in document.blocks if b.part.startswith("word/") and b.text.strip())


"""Independent verification of a web page copy: the standard library's html.parser (the reader and
writer use lxml), sharing no code with them.

Every data run (visible or hidden), comment, attribute value (also percent-decoded), <script> and
<style> body (also with JavaScript escapes resolved), joined texts of the whole page, and the raw
bytes. A web archive (.mht) is opened with the email parser and each text part checked the same way,
each picture part for metadata. Residue: a <meta name="author"> with content left.
"""

from __future__ import annotations

import email
import email.policy
import re
from html.parser import HTMLParser
from typing import Protocol
from urllib.parse import unquote

from reviewer.core.documents.image_metadata import metadata_kinds

_ESCAPE = re.compile(r"\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})")
_PERSON_META = ("author", "creator", "publisher", "dc.creator", "contact", "reply-to", "owner")


class Matcher(Protocol):
    def text(self, text: str | None, where: str) -> None: ...
    def data(self, data: bytes, where: str) -> None: ...


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[tuple[str, str]] = []
        self.data_runs: list[str] = []
        self.residues: list[str] = []
        self.raw: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if value:
                self.texts.append((value, f"<{tag} {name}=…>"))
                if "%" in value:
                    self.texts.append((unquote(value), f"<{tag} {name}=…> (url-decoded)"))
        if tag == "meta" and (values.get("name") or "").lower() in _PERSON_META and (values.get("content") or "").strip():
            self.residues.append(f"<meta name={values.get('name')}> content '{values.get('content')}' left")

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.data_runs.append(data)
        self.texts.append((data, "text"))
        if self.cdata_elem:  # inside <script>/<style>
            self.texts.append((_unescape(data), "script (escapes resolved)"))

    def handle_comment(self, data: str) -> None:
        self.texts.append((data, "comment"))


def _unescape(code: str) -> str:
    def one(m: re.Match[str]) -> str:
        value = m.group(1) or m.group(2) or m.group(3)
        return chr(min(int(value, 16), 0x10FFFF))
    return _ESCAPE.sub(one, code)


def _decode(data: bytes, declared: str | None) -> str:
    for enc in [e for e in (declared, "utf-8-sig", "gb18030") if e]:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")


def _check_page(text: str, where: str, m: Matcher) -> list[str]:
    collector = _Collector()
    collector.feed(text)
    collector.close()
    for value, place in collector.texts:
        m.text(value, f"{where} {place}")
    m.text("".join(collector.data_runs), f"{where} (all text joined)")
    return collector.residues


def verify_html(raw: bytes, m: Matcher, warnings: list[str]) -> list[str]:
    head = raw[:4096].lstrip().lower()
    if b"multipart/related" in head and not head.startswith(b"<"):
        residues: list[str] = []
        message = email.message_from_bytes(raw, policy=email.policy.default)
        for n, part in enumerate(message.walk()):
            if part.is_multipart():
                continue
            data = part.get_payload(decode=True) or b""
            where = f"mht part {n} ({part.get_content_type()})"
            if part.get_content_maintype() == "image":
                kinds = metadata_kinds(data)
                if kinds:
                    residues.append(f"{where}: picture metadata ({', '.join(sorted(set(kinds)))})")
                continue
            m.data(data, where)
            text = _decode(data, part.get_content_charset())
            residues += _check_page(text, where, m) if part.get_content_subtype() == "html" else []
            m.text(text, where + " text")
        return residues
    charset = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", raw[:8192], re.IGNORECASE)
    text = _decode(raw, charset.group(1).decode("ascii", "replace") if charset else None)
    if re.search(r"<img\b", text, re.IGNORECASE):
        warnings.append("the page draws pictures: their pixels cannot be checked, look at them")
    return _check_page(text, "page", m)

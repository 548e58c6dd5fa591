"""A web page's bytes to an lxml tree and back: charset, MHT (web archive) parts, safe parsing.

Shared by the HTML reader and writer (not by the verifier). lxml.html parses with network access
off; HTML has no external entities to resolve, and a DOCTYPE's internal subset is ignored. A saved
web archive (.mht, MIME multipart/related) is opened with the standard library's email parser: its
first text/html part is the page, the other parts (pictures) are kept as they are.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import EmailMessage

from lxml import etree, html

_PARSER = html.HTMLParser(no_network=True, remove_comments=False, remove_pis=False, recover=True,
                          default_doctype=False)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}
BLOCK_TAGS = frozenset("""address article aside blockquote body caption center dd details dialog div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup html legend li main nav ol option p pre section
summary table tbody td tfoot th thead title tr ul button label select textarea""".split())
SKIP_TAGS = frozenset({"script", "style"})


@dataclass
class Page:
    """The page's tree, its encoding, and (for an MHT) the message it came from and its HTML part."""

    root: etree._Element
    encoding: str
    doctype: str
    message: EmailMessage | None = None
    part: EmailMessage | None = None


def is_mht(data: bytes) -> bool:
    head = data[:4096].lstrip().lower()
    return b"multipart/related" in head and not head.startswith((b"<", b"\xef\xbb\xbf<"))


def charset(data: bytes, declared: str | None = None) -> str:
    """The page's encoding: BOM, then the declared (MIME) charset, then <meta>, then UTF-8 or GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    candidates = [declared] if declared else []
    m = _META_CHARSET.search(data[:8192])
    if m:
        candidates.append(m.group(1).decode("ascii", "replace"))
    for name in candidates:
        name = _ALIASES.get(name.lower(), name.lower())
        try:
            data.decode(name)
            return name
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def parse(data: bytes) -> Page:
    if is_mht(data):
        message = email.message_from_bytes(data, policy=email.policy.default)
        part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
        if part is None:
            raise ValueError("web archive without an HTML part")
        body = part.get_payload(decode=True) or b""
        page = _parse_html(body, part.get_content_charset())
        page.message, page.part = message, part  # type: ignore[assignment]
        return page
    return _parse_html(data, None)


def _parse_html(data: bytes, declared: str | None) -> Page:
    encoding = charset(data, declared)
    text = data.decode(encoding, "replace")
    doctype = ""
    m = re.match(r"\s*(<!doctype[^>]*>)", text, re.IGNORECASE)
    if m:
        doctype = m.group(1)
    # decoded text, with the XML declaration (which lxml refuses on str) and <meta charset> left to the writer
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    root = html.document_fromstring(text or "<html></html>", parser=_PARSER)
    return Page(root, encoding.replace("-sig", ""), doctype)


def serialise(page: Page) -> bytes:
    """The page as bytes in its own encoding (and, for an MHT, the whole archive)."""
    body = etree.tostring(page.root.getroottree(), method="html", encoding=page.encoding,
                          doctype=page.doctype or None)
    if page.message is None or page.part is None:
        return body
    page.part.set_content(body, maintype="text", subtype="html", cte="base64",
                          params={"charset": page.encoding}, headers=[
                              f"Content-Location: {page.part['Content-Location']}"] if page.part["Content-Location"]
                          else None)
    return page.message.as_bytes()


def dom_path(element: etree._Element) -> str:
    """`html/body/div[2]/p[0]`: tag names with the index among same-named siblings."""
    parts = []
    node = element
    while node is not None and isinstance(node.tag, str):
        parent = node.getparent()
        if parent is None:
            parts.append(node.tag)
        else:
            same = [c for c in parent if c.tag == node.tag]
            parts.append(f"{node.tag}[{same.index(node)}]" if len(same) > 1 else node.tag)
        node = parent
    return "/".join(reversed(parts))


def hidden(element: etree._Element) -> bool:
    """Hidden by the page itself: `hidden`, `display:none`, `visibility:hidden`, `<template>`, hidden inputs."""
    style = (element.get("style") or "").replace(" ", "").lower()
    return (element.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style
            or element.tag == "template" or (element.tag == "input" and (element.get("type") or "").lower() == "hidden"))


_JS_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`', re.DOTALL)
_JS_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def js_strings(code: str) -> list[tuple[int, int, str]]:
    """String literals of a script (or JSON): (start, end, decoded value), escapes resolved."""
    return [(m.start(), m.end(), js_unescape(m.group()[1:-1])) for m in _JS_STRING.finditer(code)]


def js_unescape(body: str) -> str:
    def one(m: re.Match[str]) -> str:
        e = m.group(1)
        if e.startswith("u{"):
            return chr(min(int(e[2:-1], 16), 0x10FFFF))
        if e[0] in "ux" and len(e) > 1:
            return chr(int(e[1:], 16))
        return _SIMPLE.get(e, e)
    return _JS_ESCAPE.sub(one, body)

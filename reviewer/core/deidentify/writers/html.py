"""Redacted copy of a web page: the DOM rewritten, layout kept, in the page's own encoding.

The page is parsed as the reader parsed it (lxml.html, no network); every text node, tail, comment
and attribute value gets the plan's replacement, wherever it is (visible, hidden, `alt`, `title`,
`mailto:` with its percent-encoding resolved, `data-*`); inline scripts and JSON get it inside
their string literals, written back as escaped literals so a value written `\\u5f20…` goes too. The
<meta name="author"> content is removed. A saved page's linked files (its `_files` folder) are not
part of the copy: the notes say to check them before publishing. In a web archive (.mht) the HTML
part is rewritten and the pictures lose their metadata (EXIF, XMP, PNG text).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, unquote

from lxml import etree

from reviewer.core.deidentify.plan import RedactionPlan
from reviewer.core.documents.html import page as pg
from reviewer.core.documents.image_metadata import strip_image_metadata

PERSON_META = ("author", "creator", "publisher", "dc.creator", "contact", "reply-to", "owner")


def write_html(source: Path, plan: RedactionPlan, output: Path) -> tuple[str, ...]:
    page = pg.parse(source.read_bytes())
    pattern = plan.flexible_pattern()
    count = [0]

    def sub(text: str) -> str:
        if pattern is None or not text or not pattern.search(text):
            return text

        def one(m) -> str:  # noqa: ANN001
            count[0] += 1
            return plan.replacement_for(m.group())
        return pattern.sub(one, text)

    authors = 0
    for element in page.root.iter():
        if isinstance(element, etree._Comment):
            element.text = sub(element.text or "")
            element.tail = sub(element.tail or "") or None
            continue
        if not isinstance(element.tag, str):
            continue
        if element.tag in ("script", "style") and element.text:
            element.text = _script(element.text, sub)
        elif element.text:
            element.text = sub(element.text)
        if element.tail:
            element.tail = sub(element.tail)
        for name, value in element.attrib.items():
            new = sub(value)
            if "%" in new:
                decoded = unquote(new)
                if sub(decoded) != decoded:
                    new = quote(sub(decoded), safe=":/?#[]@!$&'()*+,;=%~")
            if new != value:
                element.set(name, new)
        if element.tag == "meta" and (element.get("name") or "").lower() in PERSON_META and element.get("content"):
            element.set("content", "")
            authors += 1
    notes = [f"{count[0]} replacements in the page's text, comments, attributes and scripts"]
    if authors:
        notes.append(f"{authors} <meta> author/contact entries emptied")
    pictures = 0
    if page.message is not None:
        for part in page.message.walk():
            if part.get_content_maintype() == "image":
                data = part.get_payload(decode=True) or b""
                stripped = strip_image_metadata(data)
                if stripped != data:
                    part.set_content(stripped, maintype="image", subtype=part.get_content_subtype(), cte="base64",
                                     headers=[f"Content-Location: {part['Content-Location']}"]
                                     if part["Content-Location"] else None)
                    pictures += 1
        if pictures:
            notes.append(f"{pictures} pictures in the web archive lost their metadata")
    else:
        notes.append("linked files (pictures, a saved page's _files folder) are not part of the copy: check them "
                     "before publishing them with it")
    output.write_bytes(pg.serialise(page))
    return tuple(notes)


def _script(code: str, sub: Callable[[str], str]) -> str:
    """Replacements inside string literals (decoded, so escaped values are found), written back escaped;
    then in the rest of the code (a value in a comment or a regex)."""
    out, last = [], 0
    for start, end, value in pg.js_strings(code):
        new = sub(value)
        if new != value:
            out.append(code[last:start])
            quote_char = code[start]
            body = json.dumps(new, ensure_ascii=True)[1:-1]
            if quote_char != '"':
                body = body.replace('\\"', '"').replace(quote_char, "\\" + quote_char)
            out.append(quote_char + body + quote_char)
            last = end
    out.append(code[last:])
    return sub("".join(out))


def write_copy(document, plan: RedactionPlan, output: Path, *, options=None,  # noqa: ANN001
               progress: Callable[[int, int], None] | None = None) -> tuple[str, ...]:
    """The writers' common entry point (`reviewer.core.deidentify.writers.write_copy`)."""
    return write_html(Path(document.path), plan, output)

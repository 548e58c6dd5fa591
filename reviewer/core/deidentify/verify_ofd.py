"""Independent verification of an OFD copy: our own minimal walk over the package, sharing nothing
with the OFD reader or writer (they use lxml and a glyph walk; this uses zipfile, expat through
defusedxml, and a tag-stripping fallback for parts expat refuses).

Every member's name; every XML member's text, attribute values, each TextObject's TextCodes joined,
and all TextCode text of a part joined in file order (a value split over several text objects
still shows); text members' decoded text; every non-binary member's bytes. Residues: a signature
or seal left, a document Author left, a DOCTYPE. Images are counted: their pixels cannot be
checked.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from typing import Protocol

from defusedxml import ElementTree as SafeET

_IMAGE = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".jb2", ".jbig2")
_BINARY = _IMAGE + (".ttf", ".otf", ".cff", ".ttc", ".fon", ".esl", ".dat")
_TAG = re.compile(r"<[^>]*>")
_ATTR = re.compile(r"""\s[^\s=<>"']+\s*=\s*("([^"]*)"|'([^']*)')""")
_TEXTCODE = re.compile(r"<(?:[\w.-]*:)?TextCode\b[^>]*>([^<]*)</", re.IGNORECASE)
_MAX = 256 * 1024 * 1024


class Matcher(Protocol):
    def text(self, text: str | None, where: str) -> None: ...
    def data(self, data: bytes, where: str) -> None: ...


def _name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x800:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return info.filename


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def verify_ofd(raw: bytes, m: Matcher, warnings: list[str]) -> list[str]:
    residues: list[str] = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        return ["not a zip package"]
    images = 0
    with archive:
        for info in archive.infolist():
            name = _name(info)
            m.text(name, f"{name} (member name)")
            low = name.lower()
            if info.is_dir():
                continue
            if low.endswith(_IMAGE):
                images += 1
            if low.endswith((".esl", "signedvalue.dat")) or low.rsplit("/", 1)[-1] == "signatures.xml":
                residues.append(f"{name}: signature or seal left")
            if info.file_size > _MAX:
                residues.append(f"{name}: member too large to verify")
                continue
            data = archive.read(info)
            if low.endswith(_BINARY):
                continue  # fonts and pixels: bytes that spell a short value by chance; not text anyway
            m.data(data, name)
            if low.endswith(".xml") or data.lstrip()[:5] == b"<?xml":
                residues += _xml(data, name, m)
            else:
                for enc in ("utf-8", "gb18030"):
                    try:
                        m.text(data.decode(enc), f"{name} ({enc})")
                        break
                    except UnicodeDecodeError:
                        continue
    if images:
        warnings.append(f"{images} images: their pixels cannot be checked, look at them")
    return residues


def _xml(data: bytes, name: str, m: Matcher) -> list[str]:
    residues = []
    text = data.decode("utf-8", "replace")
    if "<!DOCTYPE" in text.upper():
        residues.append(f"{name}: DOCTYPE left")
    # the tag-stripping reading always, expat's where it parses: two readings of the same bytes
    stripped = html.unescape(_TAG.sub("\n", text))
    m.text(stripped, f"{name} (text)")
    for match in _ATTR.finditer(text):
        m.text(html.unescape(match.group(2) or match.group(3) or ""), f"{name} (attribute)")
    m.text("".join(html.unescape(c) for c in _TEXTCODE.findall(text)), f"{name} (all TextCode text joined)")
    try:
        root = SafeET.fromstring(data)
    except Exception:  # noqa: BLE001 - expat refuses producer bugs (empty prefixes): the stripped reading stands
        return residues
    for element in root.iter():
        tag = _local(element.tag) if isinstance(element.tag, str) else ""
        m.text(element.text, f"{name} <{tag}>")
        m.text(element.tail, f"{name} <{tag}> tail")
        for key, value in element.attrib.items():
            m.text(value, f"{name} <{tag} {_local(key)}=…>")
        if tag == "TextObject":
            m.text("".join(c.text or "" for c in element if _local(c.tag) == "TextCode"),
                   f"{name} TextObject {element.get('ID', '')} (codes joined)")
        if tag == "Author" and (element.text or "").strip() and _local(root.tag) == "OFD":
            residues.append(f"{name}: document Author '{element.text.strip()}' left")
        if tag == "Signatures" and (element.text or "").strip() and _local(root.tag) == "OFD":
            residues.append(f"{name}: DocBody still points to signatures ({element.text.strip()})")
    return residues

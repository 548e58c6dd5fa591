"""docx core/app/custom properties as PROPERTY blocks, so detection sees author and company names; also
the data Word keeps but never shows: document variables (w:docVar in settings.xml) and custom XML data
parts (customXml/item*.xml), where office systems store the drafter's and approver's names."""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

from reviewer.core.documents.docx.package import W_NS, DocxPackage, Relationship
from reviewer.core.documents.model import Block, BlockKind

# app.xml values that are counters or flags, not text anyone typed
_APP_SKIP = {"TotalTime", "Pages", "Words", "Characters", "Lines", "Paragraphs", "CharactersWithSpaces",
             "DocSecurity", "ScaleCrop", "LinksUpToDate", "SharedDoc", "HyperlinksChanged", "HeadingPairs"}


def property_blocks(package: DocxPackage,
                    package_rels: Mapping[str, Relationship]) -> tuple[list[Block], int | None]:
    """Blocks for every non-empty property (path = property name) and app.xml's page count."""
    blocks: list[Block] = []
    pages: int | None = None
    targets = {r.type: r.target for r in package_rels.values() if not r.external}
    core = _xml(package, targets.get("core-properties", "docProps/core.xml"))
    if core is not None:
        for el in core:
            _add(blocks, targets.get("core-properties", "docProps/core.xml"), etree.QName(el).localname,
                 el.text)
    app_part = targets.get("extended-properties", "docProps/app.xml")
    app = _xml(package, app_part)
    if app is not None:
        for el in app:
            name = etree.QName(el).localname
            if name == "Pages" and (el.text or "").strip().isdigit():
                pages = int(el.text.strip())
            if name in _APP_SKIP:
                continue
            if len(el):  # vectors such as TitlesOfParts
                for k, item in enumerate(v for v in el.iter() if not len(v)):
                    _add(blocks, app_part, f"{name}[{k}]", item.text)
            else:
                _add(blocks, app_part, name, el.text)
    custom_part = targets.get("custom-properties", "docProps/custom.xml")
    custom = _xml(package, custom_part)
    if custom is not None:
        for prop in custom:
            value = next((v.text for v in prop.iter() if v is not prop and not len(v)), None)
            _add(blocks, custom_part, f"custom:{prop.get('name', '')}", value)
    settings = _xml(package, "word/settings.xml")
    if settings is not None:
        for var in settings.iter(f"{{{W_NS}}}docVar"):
            _add(blocks, "word/settings.xml", f"docVar:{var.get(f'{{{W_NS}}}name', '')}", var.get(f"{{{W_NS}}}val"))
    for name in sorted(n for n in package.names() if _CUSTOM_XML_ITEM.match(n)):
        root = _xml(package, name)
        if root is None:
            continue
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            local = etree.QName(el).localname
            if not len(el):
                _add(blocks, name, f"customXml:{local}", el.text)
            for attr, value in el.attrib.items():
                # the root's attributes configure the part (Word's bibliography: SelectedStyle=/APA.XSL);
                # xmlns/xsi attributes are plumbing, not data
                if el is not root and not attr.startswith("{http://www.w3.org/"):
                    _add(blocks, name, f"customXml:{local}@{etree.QName(attr).localname}", value)
    return blocks, pages


_CUSTOM_XML_ITEM = re.compile(r"^customXml/item\d+\.xml$", re.IGNORECASE)


def _xml(package: DocxPackage, part: str) -> etree._Element | None:
    return package.xml(part) if package.has(part) else None


def _add(blocks: list[Block], part: str, name: str, value: str | None) -> None:
    text = (value or "").strip()
    if text:
        blocks.append(Block(kind=BlockKind.PROPERTY, part=part, path=name, text=text, attrs={"name": name}))

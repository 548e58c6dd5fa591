"""docx core/app/custom properties as PROPERTY blocks, so detection sees author and company names."""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from reviewer.core.documents.docx_package import DocxPackage, Relationship
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
    return blocks, pages


def _xml(package: DocxPackage, part: str) -> etree._Element | None:
    return package.xml(part) if package.has(part) else None


def _add(blocks: list[Block], part: str, name: str, value: str | None) -> None:
    text = (value or "").strip()
    if text:
        blocks.append(Block(kind=BlockKind.PROPERTY, part=part, path=name, text=text, attrs={"name": name}))

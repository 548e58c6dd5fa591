"""The workbook-level parts of an xlsx that keep text outside the sheets: defined names, pivot caches (a copy of
every source row), external links (the linked file's path and the values cached from it), connections. A
mixin of the reader (reader.py), which provides `package` (the capped `DocxPackage`) and `add(block)`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from lxml import etree

from reviewer.core.documents.docx.package import DocxPackage, Relationship
from reviewer.core.documents.limits import check_deadline
from reviewer.core.documents.model import Block, BlockKind
from reviewer.core.documents.xlsx.cells import render
from reviewer.core.documents.xlsx.structure import refuse_dtd

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class WorkbookParts:
    package: DocxPackage

    def add(self, block: Block) -> None:  # provided by the reader
        raise NotImplementedError

    def read_defined_names(self, workbook: etree._Element, part: str) -> None:
        for k, el in enumerate(workbook.iter(f"{S}definedName")):
            name = el.get("name", "")
            text = f"{name}={el.text or ''}"
            self.add(
                Block(
                    kind=BlockKind.DEFINED_NAME,
                    part=part,
                    path=f"definedName[{k}]",
                    text=text,
                    attrs={"name": name, "hidden": "defined-name"},
                )
            )

    def read_pivot_caches(self, workbook: etree._Element, rels: dict[str, Relationship]) -> None:
        """Each pivot cache's records as a table (its field names are the headers, so the column semantics
        apply), and the field items no record uses (values of deleted rows stay there too)."""
        for cache in workbook.iter(f"{S}pivotCache"):
            rel = rels.get(cache.get(R_ID, ""))
            if rel is None or rel.external or not self.package.has(rel.target):
                continue
            definition = self.package.xml(rel.target)
            if definition is None:
                continue
            table = f"pivot cache {cache.get('cacheId', '')}"
            fields = [
                (f.get("name", ""), [_item_text(i) for i in f.iterfind(f"{S}sharedItems/*")])
                for f in definition.iter(f"{S}cacheField")
            ]
            used: list[set[int]] = [set() for _ in fields]
            records_rel = self.package.rels(rel.target).get(definition.get(R_ID, ""))
            if records_rel is not None and not records_rel.external and self.package.has(records_rel.target):
                self._pivot_records(records_rel.target, table, fields, used)
            for j, (field, items) in enumerate(fields):
                for k, text in enumerate(items):
                    if k not in used[j] and text.strip():
                        self.add(
                            Block(
                                kind=BlockKind.PIVOT_CACHE,
                                part=rel.target,
                                path=f"cacheField[{j}]/item[{k}]",
                                text=text,
                                attrs={
                                    "table": f"{table} items",
                                    "row": str(k),
                                    "col": str(j),
                                    "header": field,
                                    "hidden": "pivot-cache",
                                },
                            )
                        )

    def _pivot_records(
        self, part: str, table: str, fields: list[tuple[str, list[str]]], used: list[set[int]]
    ) -> None:
        raw = self.package.read(part)
        if raw is None:
            return
        refuse_dtd(raw, self.package.path, part)
        for i, record in enumerate(_iter_elements(raw, f"{S}r")):
            for j, value in enumerate(record):
                if j >= len(fields):
                    break
                local = etree.QName(value).localname
                if local == "x":
                    index = int(value.get("v", "-1")) if (value.get("v") or "").isdigit() else -1
                    text = fields[j][1][index] if 0 <= index < len(fields[j][1]) else ""
                    used[j].add(index)
                else:
                    text = _item_text(value)
                if text.strip():
                    self.add(
                        Block(
                            kind=BlockKind.PIVOT_CACHE,
                            part=part,
                            path=f"{table}!r{i}/f{j}",
                            text=text,
                            attrs={
                                "table": table,
                                "row": str(i),
                                "col": str(j),
                                "header": fields[j][0],
                                "hidden": "pivot-cache",
                            },
                        )
                    )
            if i % 4096 == 0:
                check_deadline(self.package.path)

    def read_external_links(self, rels: dict[str, Relationship]) -> None:
        """The linked workbook's path (a file name or a user's folder) and every value cached from it."""
        for rel in rels.values():
            if rel.type != "externalLink" or rel.external or not self.package.has(rel.target):
                continue
            part = rel.target
            for rid, link in self.package.rels(part).items():
                if link.target:
                    self.add(
                        Block(
                            kind=BlockKind.EXTERNAL_LINK,
                            part=part,
                            path=f"target[{rid}]",
                            text=link.target,
                            attrs={"hidden": "external-link"},
                        )
                    )
            root = self.package.xml(part)
            if root is None:
                continue
            names = [el.get("val", "") for el in root.iter(f"{S}sheetName")]
            for k, name in enumerate(names):
                if name.strip():
                    self.add(
                        Block(
                            kind=BlockKind.EXTERNAL_LINK,
                            part=part,
                            path=f"sheetName[{k}]",
                            text=name,
                            attrs={"hidden": "external-link"},
                        )
                    )
            for data in root.iter(f"{S}sheetData"):
                sheet_id = data.get("sheetId", "")
                for cell in data.iter(f"{S}cell"):
                    text = (cell.findtext(f"{S}v") or "").strip()
                    if text:
                        self.add(
                            Block(
                                kind=BlockKind.EXTERNAL_LINK,
                                part=part,
                                path=f"sheet[{sheet_id}]!{cell.get('r', '')}",
                                text=text,
                                attrs={"hidden": "external-link", "cell": cell.get("r", "")},
                            )
                        )

    def read_connections(self, rels: dict[str, Relationship]) -> None:
        """Data connections: names, descriptions, connection strings (a server, an account, a file path)."""
        for rel in rels.values():
            if rel.type != "connections" or rel.external or not self.package.has(rel.target):
                continue
            root = self.package.xml(rel.target)
            for k, el in enumerate(root.iter() if root is not None else ()):
                if not isinstance(el.tag, str):
                    continue
                for attr in ("name", "description", "connection", "command", "sourceFile", "url"):
                    value = (el.get(attr) or "").strip()
                    if value:
                        self.add(
                            Block(
                                kind=BlockKind.PROPERTY,
                                part=rel.target,
                                path=f"{etree.QName(el).localname}[{k}]/@{attr}",
                                text=value,
                                attrs={"name": attr, "hidden": "connection"},
                            )
                        )


def _item_text(el: etree._Element) -> str:
    local = etree.QName(el).localname
    if local == "m":
        return ""
    value = el.get("v", "")
    if local == "n":
        try:
            return render(float(value))
        except ValueError:
            return value
    if local == "d":
        return value.removesuffix("T00:00:00")
    return value


def _iter_elements(raw: bytes, tag: str) -> Iterator[etree._Element]:
    """Elements `tag` of a large part, parsed incrementally and freed as they go (a pivot cache of 100,000
    records), with entities and network off."""
    context = etree.iterparse(
        io.BytesIO(raw), events=("end",), tag=tag, resolve_entities=False, no_network=True, load_dtd=False
    )
    for _, el in context:
        yield el
        el.clear(keep_tail=False)
        parent = el.getparent()
        while parent is not None and el.getprevious() is not None:
            del parent[0]

"""Redacted copy of an xlsx package, edited part by part as XML (as the docx writer does), so formatting,
column widths, merged cells, conditional formats, charts and pivot layouts survive.

- Cell values: every cell the reader showed with a removed value is rewritten with its de-identified text
  (numbers and dates that held an ID or a phone become text cells); shared strings are de-identified in
  place, each rich-text run keeping its formatting, phonetic guides of a changed string dropped.
- Formulas that compute from a changed cell or a removed sheet are replaced by their (de-identified) cached
  values: kept, they would compute the removed values back or break. calcChain.xml is then dropped (Excel
  rebuilds it).
- Comments are removed (legacy notes with their drawing shapes, threaded comments, their persons), as in
  docx: they are the drafters' notes, not the publication.
- Hidden sheets are cleaned like the others, or removed when the profile says `hidden_sheets: remove`
  (with their defined names; formulas reading them keep their values).
- Pivot caches keep their definition but lose their records (the full copy of the source rows): the cache is
  marked not to save data and to refresh on open, so Excel rebuilds it from the de-identified sheet; item
  lists of fields no pivot table shows are emptied. The pivot table itself stays.
- External links keep the link but lose the values cached from the other workbook.
- Everything else (defined names, headers and footers, properties, text boxes, charts, hyperlinks,
  connections) gets the values replaced wherever they stand; creator and last-modified-by are blanked; a
  shared workbook's revision history, the thumbnail and VBA macros are removed (an xlsm is written as xlsx).
"""

from __future__ import annotations

import bisect
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from reviewer.core.deidentify.plan import RedactionPlan
from reviewer.core.deidentify.writers.xlsx_package import SourcePackage, dropped_parts
from reviewer.core.deidentify.writers.xlsx_parts import (
    R_ID,
    XML_SPACE,
    S,
    axis_fields,
    drop_overrides,
    drop_relationships,
    drop_sheet_titles,
    formula_reads,
    local,
    reads_changed,
    remove_sheets,
    replace_in_string_item,
    strip_pivot_cache,
    without_comment_shapes,
)
from reviewer.core.documents.image_metadata import strip_image_metadata, stripped_note
from reviewer.core.documents.model import BlockKind, Document

_PERSON_PROPERTIES = {"creator", "lastModifiedBy", "Manager"}
_MAX_NESTING = 4
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False, huge_tree=True)


@dataclass
class XlsxWriteReport:
    cells: int = 0
    strings: int = 0
    replaced: int = 0
    formulas: int = 0
    comments: int = 0
    pivot_caches: int = 0
    pivot_items: int = 0
    external: int = 0
    pictures: int = 0
    sheets_removed: list[str] = field(default_factory=list)
    sheets_cleaned: list[str] = field(default_factory=list)
    parts_removed: list[str] = field(default_factory=list)
    macros: bool = False

    @property
    def notes(self) -> tuple[str, ...]:
        notes = [
            f"{self.cells} cells and {self.strings} shared strings de-identified, {self.replaced} other "
            "replacements"
        ]
        if self.formulas:
            notes.append(
                f"{self.formulas} formulas that computed from removed values replaced by their values"
            )
        if self.comments:
            notes.append(f"{self.comments} comment parts removed (notes and threaded comments)")
        if self.sheets_removed:
            notes.append("hidden sheets removed: " + ", ".join(self.sheets_removed))
        if self.sheets_cleaned:
            notes.append(
                "hidden sheets kept and de-identified like the others: " + ", ".join(self.sheets_cleaned)
            )
        if self.pivot_caches:
            notes.append(
                f"{self.pivot_caches} pivot caches: source records removed, the pivot tables refresh from "
                f"the de-identified sheet when opened ({self.pivot_items} unused item lists emptied)"
            )
        if self.external:
            notes.append(f"{self.external} external links: values cached from the linked workbook removed")
        if self.macros:
            notes.append("macros (VBA) removed: the copy is an ordinary xlsx workbook")
        if self.pictures:
            notes.append(stripped_note(self.pictures))
        if self.parts_removed:
            notes.append("parts removed: " + ", ".join(self.parts_removed))
        return tuple(notes)


def write_copy(
    document: Document,
    plan: RedactionPlan,
    output: Path,
    *,
    options=None,  # noqa: ANN001
    progress: Callable[[int, int], None] | None = None,
) -> tuple[str, ...]:
    """The writers' common entry point (`reviewer.core.deidentify.writers.write_copy`)."""
    return write_xlsx(document, plan, output, progress=progress).notes


def changed_cells(
    document: Document, plan: RedactionPlan
) -> tuple[dict[str, dict[str, str]], dict[str, set[int]]]:
    """Per sheet part, cell reference → de-identified text, for every cell whose text holds a removed value;
    and per sheet name, the columns holding such cells (what formulas must not read any more)."""
    cells: dict[str, dict[str, str]] = {}
    columns: dict[str, set[int]] = {}
    pattern = plan.flexible_pattern()
    if pattern is None:
        return cells, columns
    blocks = document.blocks
    starts = [b.start for b in blocks]
    hit: set[int] = set()
    for m in pattern.finditer(document.text):
        first = bisect.bisect_right(starts, m.start()) - 1
        last = bisect.bisect_right(starts, m.end() - 1) - 1
        hit.update(range(max(first, 0), last + 1))
    for i in sorted(hit):
        block = blocks[i]
        attrs = block.attrs
        if block.kind != BlockKind.TABLE_CELL or "cell" not in attrs:
            continue
        new = plan.apply_text(block.text)
        if new != block.text:
            cells.setdefault(block.part, {})[attrs["cell"]] = new
            columns.setdefault(attrs["sheet"], set()).add(int(attrs["col"]))
    return cells, columns


def write_xlsx(
    document: Document,
    plan: RedactionPlan,
    output: str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> XlsxWriteReport:
    report = XlsxWriteReport()
    cells, columns = changed_cells(document, plan)
    pattern = plan.flexible_pattern()

    def replace(text: str) -> str:
        return pattern.sub(lambda m: plan.replacement_for(m.group()), text) if pattern is not None else text

    with zipfile.ZipFile(document.path) as src:
        package = SourcePackage(src)
        workbook = next(
            (t for _, kind, t in package.rels("") if kind == "officeDocument" and t), "xl/workbook.xml"
        )
        book = etree.fromstring(package.read(workbook), _PARSER)
        book_rels = {rid: (kind, target) for rid, kind, target in package.rels(workbook)}
        sheets = [
            (el.get("name", ""), book_rels.get(el.get(R_ID, ""), ("", None))[1], el.get("state", "visible"))
            for el in book.iterfind(f"{S}sheets/{S}sheet")
        ]
        hidden = [(name, part) for name, part, state in sheets if state in ("hidden", "veryHidden")]
        removed = {name: part for name, part in hidden} if plan.hidden_sheets == "remove" else {}
        report.sheets_removed = sorted(removed)
        report.sheets_cleaned = sorted(name for name, _ in hidden if name not in removed)
        dropped = dropped_parts(package, removed.values())
        report.comments = sum(
            1 for n in dropped if re.search(r"comment", n, re.IGNORECASE) and n.endswith(".xml")
        )
        report.macros = any(n.lower().startswith("xl/vbaproject") for n in dropped)
        report.parts_removed = sorted(dropped)
        names = {el.get("name", ""): el.text or "" for el in book.iter(f"{S}definedName")}
        out: dict[str, bytes] = {}
        sheet_names = {part: name for name, part, _ in sheets if part}
        total = len(package.names)
        for k, name in enumerate(package.names):
            if progress is not None:
                progress(k, total)
            if name in dropped or name.endswith("/"):
                continue
            data = package.read(name)
            low = name.lower()
            if name in sheet_names:
                data = _rewrite_sheet(
                    data,
                    sheet_names[name],
                    cells.get(name, {}),
                    columns,
                    removed,
                    names,
                    package,
                    name,
                    dropped,
                    replace,
                    report,
                )
            elif low.endswith("sharedstrings.xml"):
                data = _rewrite_strings(data, replace, report)
            elif _is_xml(name, data):
                data = _rewrite_part(name, data, package, workbook, removed, dropped, replace, report)
            elif low.endswith(".vml"):
                data = replace(without_comment_shapes(data)[0].decode("utf-8", "surrogateescape")).encode(
                    "utf-8", "surrogateescape"
                )
            elif data[:2] == b"PK":
                data = _rewrite_embedded(data, replace, report)
            else:
                stripped = strip_image_metadata(data)
                report.pictures += stripped != data
                data = stripped
            out[name] = data
        with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                if info.filename not in out:
                    continue
                copy = zipfile.ZipInfo(_renamed(info.filename, replace), date_time=info.date_time)
                copy.compress_type = zipfile.ZIP_DEFLATED
                copy.external_attr = info.external_attr
                dst.writestr(copy, out[info.filename])
    report.parts_removed = sorted(set(report.parts_removed))
    return report


def _is_xml(name: str, data: bytes) -> bool:
    return name.lower().endswith((".xml", ".rels")) or data.lstrip()[:5] == b"<?xml"


def _serialise(root: etree._Element) -> bytes:
    tree = root.getroottree()
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=tree.docinfo.standalone)


def _elements(root: etree._Element, skip: etree._Element | None) -> Iterator[etree._Element]:
    """Every element of the tree except the subtree `skip` (a sheet's cells, handled cell by cell)."""
    if skip is None:
        yield from root.iter()
        return
    yield root
    for child in root:
        if child is not skip:
            yield from child.iter()


def _replace_everywhere(
    root: etree._Element,
    replace: Callable[[str], str],
    report: XlsxWriteReport,
    skip: etree._Element | None = None,
) -> None:
    for el in _elements(root, skip):
        tag = local(el.tag)
        if not tag:
            continue
        if tag in _PERSON_PROPERTIES and el.text:
            el.text = ""
        for attr, value in list(el.attrib.items()):
            new = replace(value)
            if new != value:
                report.replaced += 1
                el.set(attr, new)
        for slot in ("text", "tail"):
            value = getattr(el, slot)
            if value and not value.isspace():
                new = replace(value)
                if new != value:
                    report.replaced += 1
                    setattr(el, slot, new)


def _rewrite_sheet(
    data: bytes,
    sheet: str,
    cells: dict[str, str],
    columns: dict[str, set[int]],
    removed: dict[str, str | None],
    names: dict[str, str],
    package: SourcePackage,
    part: str,
    dropped: set[str],
    replace: Callable[[str], str],
    report: XlsxWriteReport,
) -> bytes:
    root = etree.fromstring(data, _PARSER)
    sheet_data = root.find(f"{S}sheetData")
    shared: dict[str, bool] = {}
    for c in sheet_data.iter(f"{S}c") if sheet_data is not None else ():
        f = c.find(f"{S}f")
        if f is not None:
            si = f.get("si") if f.get("t") == "shared" else None
            if si is not None and si in shared and not (f.text or "").strip():
                drop = shared[si]
            else:
                drop = reads_changed(formula_reads(f.text or "", sheet, names), columns, removed)
                if si is not None:
                    shared[si] = drop
            if drop:
                c.remove(f)
                report.formulas += 1
            elif f.text:
                f.text = replace(f.text)
        new = cells.get(c.get("r", ""))
        if new is None or c.get("t") == "s":
            continue
        report.cells += 1
        formula = c.find(f"{S}f")
        for child in list(c):
            if child is not formula:
                c.remove(child)
        if formula is not None:  # a kept formula: its cached text value
            c.set("t", "str")
            etree.SubElement(c, f"{S}v").text = new
        else:
            c.set("t", "inlineStr")
            t = etree.SubElement(etree.SubElement(c, f"{S}is"), f"{S}t")
            t.text = new
            if new != new.strip():
                t.set(XML_SPACE, "preserve")
    _replace_everywhere(root, replace, report, skip=sheet_data)
    if sheet_data is not None:
        for f in sheet_data.iter(f"{S}f"):
            if f.text:
                f.text = replace(f.text)
    legacy = root.find(f"{S}legacyDrawing")
    if legacy is not None:
        target = {rid: t for rid, _k, t in package.rels(part)}.get(legacy.get(R_ID, ""))
        if target is None or target in dropped:
            root.remove(legacy)
    return _serialise(root)


def _rewrite_strings(data: bytes, replace: Callable[[str], str], report: XlsxWriteReport) -> bytes:
    root = etree.fromstring(data, _PARSER)
    for si in root.iterfind(f"{S}si"):
        report.strings += replace_in_string_item(si, replace)
    return _serialise(root)


def _rewrite_part(
    name: str,
    data: bytes,
    package: SourcePackage,
    workbook: str,
    removed: dict[str, str | None],
    dropped: set[str],
    replace: Callable[[str], str],
    report: XlsxWriteReport,
) -> bytes:
    root = etree.fromstring(data, _PARSER)
    tag = local(root.tag)
    if name == "[Content_Types].xml":
        drop_overrides(root, dropped)
    elif name.endswith(".rels"):
        drop_relationships(name, root, dropped)
    elif name == workbook:
        remove_sheets(root, removed)
    elif tag == "pivotCacheDefinition":
        tables = [
            etree.fromstring(package.read(n), _PARSER)
            for n in package.names
            if any(t == name for _r, k, t in package.rels(n) if k == "pivotCacheDefinition")
            and n.lower().endswith(".xml")
        ]
        report.pivot_items += strip_pivot_cache(root, axis_fields(tables))
        report.pivot_caches += 1
    elif tag == "externalLink":
        for data_set in root.iter(f"{S}sheetDataSet"):
            for child in list(data_set):
                data_set.remove(child)
            report.external += 1
    elif tag == "Properties" and removed:
        drop_sheet_titles(root, set(removed))
    _replace_everywhere(root, replace, report)
    return _serialise(root)


def _rewrite_embedded(
    data: bytes, replace: Callable[[str], str], report: XlsxWriteReport, depth: int = 0
) -> bytes:
    """An Office package embedded in the workbook: the same replacements in each of its XML parts."""
    if depth >= _MAX_NESTING:
        return data
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        infos = src.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return data
    out = io.BytesIO()
    with src, zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in infos:
            part = src.read(info)
            if _is_xml(info.filename, part):
                root = etree.fromstring(part, _PARSER)
                _replace_everywhere(root, replace, report)
                part = _serialise(root)
            elif part[:2] == b"PK":
                part = _rewrite_embedded(part, replace, report, depth + 1)
            dst.writestr(
                zipfile.ZipInfo(info.filename, date_time=info.date_time),
                part,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return out.getvalue()


def _renamed(name: str, replace: Callable[[str], str]) -> str:
    """A member named after a person (xl/media/王建国.png) is renamed as the relationship pointing at it is."""
    return replace(name)

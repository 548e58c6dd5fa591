"""Pieces of the xlsx writer that work on one kind of part: strings with runs, formulas and what they read,
pivot caches, legacy comment drawings. Pure functions over lxml elements; writers/xlsx.py drives them."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping

from lxml import etree

S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
S = f"{{{S_NS}}}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

Replace = Callable[[str], str]


def local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


# --- strings made of runs (shared strings, inline strings) ---------------------------------------------


def replace_in_string_item(si: etree._Element, replace: Replace) -> bool:
    """Replace values in a string item whose text may be split over runs (<r><t>), each run keeping its own
    formatting; phonetic guides (<rPh>, which may spell the name) are dropped when the text changed."""
    nodes = [t for t in si.iter(f"{S}t") if local(t.getparent().tag) != "rPh"]
    texts = [t.text or "" for t in nodes]
    joined = "".join(texts)
    new = replace(joined)
    if new == joined:
        return False
    if len(nodes) == 1:
        _set_text(nodes[0], new)
    else:
        for node, text in zip(nodes, distribute(texts, joined, new), strict=True):
            _set_text(node, text)
    for ph in list(si.iter(f"{S}rPh")):
        ph.getparent().remove(ph)
    return True


def _set_text(node: etree._Element, text: str) -> None:
    node.text = text
    if text != text.strip():
        node.set(XML_SPACE, "preserve")


def distribute(texts: list[str], joined: str, new: str) -> list[str]:
    """The new text cut back into the runs: the unchanged head and tail stay in their runs, the changed
    middle goes to the run where the change starts (so 王|建国 → 王|某 keeps the surname's formatting)."""
    n = len(joined)
    head = 0
    while head < min(n, len(new)) and joined[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(n, len(new)) - head and joined[n - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    middle, cut = new[head : len(new) - tail], n - tail
    out: list[str] = []
    position = 0
    placed = False
    for i, text in enumerate(texts):
        start, end = position, position + len(text)
        position = end
        piece = joined[start : min(end, head)]
        if not placed and (start <= head < end or i == len(texts) - 1):
            piece += middle
            placed = True
        out.append(piece + joined[max(start, cut) : end])
    return out


# --- formulas ------------------------------------------------------------------------------------------

_SHEET = r"(?:'(?P<quoted>(?:[^']|'')+)'|(?P<plain>[^\s'!(),;=+\-*/&^<>\"\[\]{}]+))!"
_CELL = r"\$?(?P<c1>[A-Z]{1,3})\$?(?P<r1>[0-9]+)(?::\$?(?P<c2>[A-Z]{1,3})\$?(?P<r2>[0-9]+))?"
_COLS = r"\$?(?P<k1>[A-Z]{1,3}):\$?(?P<k2>[A-Z]{1,3})"
_ROWS = r"\$?(?P<w1>[0-9]+):\$?(?P<w2>[0-9]+)"
_REF = re.compile(rf"(?<![A-Za-z0-9_.\]])(?:{_SHEET})?(?:{_CELL}|{_COLS}|{_ROWS})(?![A-Za-z0-9_(])")
_STRING_LITERAL = re.compile(r'"(?:[^"]|"")*"')
_OPAQUE = re.compile(r"\[|INDIRECT\s*\(|OFFSET\s*\(", re.IGNORECASE)  # structured or computed references
ALL_COLUMNS = -1


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def formula_reads(formula: str, sheet: str, names: Mapping[str, str]) -> set[tuple[str, int]] | None:
    """(sheet, column) pairs a formula reads, ALL_COLUMNS for whole rows; None when it cannot be told
    (structured references, INDIRECT, OFFSET): the caller treats that as reading everything."""
    code = _STRING_LITERAL.sub('""', formula)
    for _ in range(2):  # defined names used in the formula, one level deep, then their own names
        for name, target in names.items():
            if name and re.search(
                rf"(?<![A-Za-z0-9_.\u4e00-\u9fff]){re.escape(name)}(?![A-Za-z0-9_.(\u4e00-\u9fff])", code
            ):
                code += "," + _STRING_LITERAL.sub('""', target)
    if _OPAQUE.search(code):
        return None
    reads: set[tuple[str, int]] = set()
    for m in _REF.finditer(code):
        target = (m["quoted"].replace("''", "'") if m["quoted"] else m["plain"]) or sheet
        if target.startswith("["):
            continue  # another workbook
        if m["c1"]:
            first, last = _col(m["c1"]), _col(m["c2"] or m["c1"])
        elif m["k1"]:
            first, last = _col(m["k1"]), _col(m["k2"])
        else:
            reads.add((target, ALL_COLUMNS))
            continue
        reads.update(
            (target, c) for c in range(min(first, last), min(max(first, last), min(first, last) + 16384) + 1)
        )
    return reads


def reads_changed(
    reads: set[tuple[str, int]] | None, changed: Mapping[str, set[int]], removed: Iterable[str]
) -> bool:
    """Whether a formula reading `reads` computes from a changed cell or from a removed sheet."""
    if reads is None:
        return any(changed.values()) or bool(set(removed))
    gone = set(removed)
    for sheet, col in reads:
        if sheet in gone:
            return True
        cols = changed.get(sheet)
        if cols and (col == ALL_COLUMNS or col in cols):
            return True
    return False


# --- pivot caches --------------------------------------------------------------------------------------


def axis_fields(pivot_tables: Iterable[etree._Element]) -> set[int]:
    """Indices of the cache fields some pivot table lays out as items (rows, columns, pages): their shared
    items are what the table shows; the other fields' items are source data only."""
    used: set[int] = set()
    for table in pivot_tables:
        fields = table.find(f"{S}pivotFields")
        if fields is None:
            continue
        for j, field in enumerate(fields.iterfind(f"{S}pivotField")):
            if field.find(f"{S}items") is not None or field.get("axis"):
                used.add(j)
    return used


def strip_pivot_cache(definition: etree._Element, keep_items: set[int]) -> int:
    """Keep the cache definition, drop its link to the records, make Excel rebuild it from the (de-identified)
    sheet when the file is opened, and empty the item lists of fields no pivot table shows. Returns how many
    item lists were emptied."""
    if R_ID in definition.attrib:
        del definition.attrib[R_ID]
    definition.set("saveData", "0")
    definition.set("refreshOnLoad", "1")
    definition.attrib.pop("refreshedBy", None)  # the account that last refreshed it
    emptied = 0
    for j, field in enumerate(definition.iter(f"{S}cacheField")):
        items = field.find(f"{S}sharedItems")
        if items is None or j in keep_items or not len(items):
            continue
        for child in list(items):
            items.remove(child)
        for attr in ("count", "minValue", "maxValue", "minDate", "maxDate"):
            items.attrib.pop(attr, None)
        emptied += 1
    return emptied


# --- legacy drawings holding comment boxes ---------------------------------------------------------------

_VML_NOTE = re.compile(
    rb"<v:shape\b(?:(?!</v:shape>).)*?ObjectType=\"Note\"(?:(?!</v:shape>).)*?</v:shape>", re.S
)
_VML_SHAPES = re.compile(rb"<v:shape\b")


def without_comment_shapes(vml: bytes) -> tuple[bytes, bool]:
    """A legacy drawing without its comment boxes, and whether any other shape (a form control) is left.
    VML is not well-formed XML often enough (Excel writes bare <br>) that it is edited as text."""
    stripped = _VML_NOTE.sub(b"", vml)
    return stripped, bool(_VML_SHAPES.search(stripped))


# --- package bookkeeping: content types, relationships, the sheet list ----------------------------------

# a macro workbook or a template written as an ordinary workbook (its VBA part is dropped)
_MACRO_TYPES = {
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "application/vnd.openxmlformats-officedocument."
    "spreadsheetml.sheet.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml": "application/vnd.openxmlformats-officedocument."
    "spreadsheetml.sheet.main+xml",
}


def drop_overrides(root: etree._Element, dropped: set[str]) -> None:
    for el in list(root):
        if local(el.tag) == "Override":
            if el.get("PartName", "").lstrip("/") in dropped:
                root.remove(el)
            elif el.get("ContentType") in _MACRO_TYPES:
                el.set("ContentType", _MACRO_TYPES[el.get("ContentType")])


def drop_relationships(name: str, root: etree._Element, dropped: set[str]) -> None:
    folder = posixpath.dirname(posixpath.dirname(name))
    for rel in list(root):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        resolved = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        if resolved in dropped:
            root.remove(rel)


def remove_sheets(root: etree._Element, removed: dict[str, str | None]) -> None:
    """Removed sheets out of the sheet list, their defined names dropped, sheet-local names renumbered,
    the shared-workbook user name blanked."""
    for sharing in root.iter(f"{S}fileSharing"):
        sharing.attrib.pop("userName", None)
    if not removed:
        return
    sheets = root.find(f"{S}sheets")
    entries = list(sheets)
    kept_index: dict[int, int] = {}
    for old, el in enumerate(entries):
        if el.get("name") in removed:
            sheets.remove(el)
        else:
            kept_index[old] = len(kept_index)
    quoted = [re.escape(n) for n in removed]
    refers = re.compile(rf"(?:'?(?:{'|'.join(quoted)})'?!)") if quoted else None
    for el in list(root.iter(f"{S}definedName")):
        local_id = el.get("localSheetId")
        if local_id is not None and local_id.isdigit():
            if int(local_id) not in kept_index:
                el.getparent().remove(el)
                continue
            el.set("localSheetId", str(kept_index[int(local_id)]))
        if refers is not None and refers.search(el.text or ""):
            el.getparent().remove(el)
    for view in root.iter(f"{S}workbookView"):
        for attr in ("activeTab", "firstSheet"):
            if view.get(attr, "0").isdigit():
                view.set(attr, str(kept_index.get(int(view.get(attr, "0")), 0)))


def drop_sheet_titles(root: etree._Element, removed: set[str]) -> None:
    """app.xml lists the sheet names (TitlesOfParts) and their count (HeadingPairs)."""
    gone = 0
    for titles in (el for el in root.iter() if local(el.tag) == "TitlesOfParts"):
        for vector in titles:
            for item in list(vector):
                if item.text in removed:
                    vector.remove(item)
                    gone += 1
            vector.set("size", str(len(vector)))
    if not gone:
        return
    for pairs in (el for el in root.iter() if local(el.tag) == "HeadingPairs"):
        counts = [el for el in pairs.iter() if local(el.tag) == "i4"]
        if counts and (counts[0].text or "").isdigit():
            counts[0].text = str(max(0, int(counts[0].text) - gone))

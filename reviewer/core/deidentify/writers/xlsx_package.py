"""The source package of the xlsx writer: its parts, their relationships resolved, and the parts the copy
leaves out (comments and their people, pivot records, revisions, macros, the thumbnail, calcChain, removed
sheets with what only they use)."""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterable

from lxml import etree

from reviewer.core.deidentify.writers.xlsx_parts import without_comment_shapes

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False, huge_tree=True)
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DROP_TYPES = {
    "comments",
    "threadedComment",
    "person",
    "pivotCacheRecords",
    "calcChain",
    "revisionHeaders",
    "usernames",
    "vbaProject",
    "thumbnail",
}
_DROP_NAMES = re.compile(r"^(xl/revisions/.*|xl/vbaProject\w*\.bin|docProps/thumbnail\.\w+)$", re.IGNORECASE)


class SourcePackage:
    """The source package: names, parsed relationships, resolved targets."""

    def __init__(self, src: zipfile.ZipFile) -> None:
        self.src = src
        self.names = [i.filename for i in src.infolist()]
        self.present = {n.lower(): n for n in self.names}
        self._rels: dict[str, list[tuple[str, str, str | None]]] = {}

    def read(self, name: str) -> bytes:
        return self.src.read(name)

    def rels_name(self, part: str) -> str | None:
        folder, base = posixpath.split(part)
        return self.present.get(posixpath.join(folder, "_rels", f"{base}.rels").lower())

    def rels(self, part: str) -> list[tuple[str, str, str | None]]:
        """(id, type, internal target part or None) for each relationship of `part`."""
        if part not in self._rels:
            self._rels[part] = self._read_rels(part)
        return self._rels[part]

    def _read_rels(self, part: str) -> list[tuple[str, str, str | None]]:
        name = self.rels_name(part)
        if name is None:
            return []
        folder = posixpath.dirname(part)
        out = []
        for rel in etree.fromstring(self.read(name), _PARSER).iter(f"{_PR}Relationship"):
            target = None
            if rel.get("TargetMode") != "External":
                raw = rel.get("Target", "")
                resolved = (
                    raw.lstrip("/")
                    if raw.startswith("/")
                    else posixpath.normpath(posixpath.join(folder, raw))
                )
                target = self.present.get(resolved.lower())
            out.append((rel.get("Id", ""), rel.get("Type", "").rsplit("/", 1)[-1], target))
        return out


def dropped_parts(package: SourcePackage, removed_parts: Iterable[str | None]) -> set[str]:
    """Parts the copy leaves out: comments and their people, pivot records, revisions, macros, the thumbnail,
    removed sheets with what only they use."""
    dropped: set[str] = set()
    for name in package.names:
        if _DROP_NAMES.match(name):
            dropped.add(name)
        if name.lower().endswith(".rels"):
            continue
        for _rid, kind, target in package.rels(name) if name.lower().endswith(".xml") or name == "" else ():
            if target and kind in _DROP_TYPES:
                dropped.add(target)
    for _rid, kind, target in package.rels(""):
        if target and kind in _DROP_TYPES:
            dropped.add(target)
    for name in package.names:  # a legacy drawing that held only comment boxes goes with the comments
        for _rid, kind, target in package.rels(name) if name.lower().endswith(".xml") else ():
            if kind == "vmlDrawing" and target and not without_comment_shapes(package.read(target))[1]:
                dropped.add(target)
    for part in removed_parts:
        if part is None:
            continue
        dropped.add(part)
        for _rid, kind, target in package.rels(part):
            if target and kind in (
                "drawing",
                "vmlDrawing",
                "comments",
                "threadedComment",
                "table",
                "pivotTable",
                "printerSettings",
            ):
                dropped.add(target)
    with_rels = set()
    for part in dropped:
        rels = package.rels_name(part)
        if rels:
            with_rels.add(rels)
    dropped |= with_rels
    return dropped

"""The docx zip package, read defensively: capped member sizes, no DTDs, no entities, no network.

A docx is a zip of XML parts. Hostile files attack three places: the zip (members that inflate to
gigabytes), the XML (DTDs with external entities -- XXE -- or nested entity expansion -- billion
laughs) and the structure (parts missing, relationships pointing nowhere). Word never writes a DTD,
so any part that declares one is refused instead of being parsed.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from reviewer.core.documents.limits import Limits, check_deadline, too_large
from reviewer.core.errors import CorruptDocument

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")


@dataclass(frozen=True, slots=True)
class Relationship:
    type: str  # the last segment of the relationship type URI, e.g. "header", "hyperlink"
    target: str  # package part name for internal targets, the raw target for external ones
    external: bool


class DocxPackage:
    """Capped, DTD-free access to the parts of one docx."""

    def __init__(self, data: bytes, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self._read_total = 0
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except Exception as exc:  # noqa: BLE001 - zipfile raises many types on hostile bytes
            raise _corrupt(path, f"zip 结构损坏 / damaged zip: {type(exc).__name__}: {exc}") from None
        if len(infos) > limits.max_zip_entries:
            raise too_large("压缩包条目数", "the number of zip entries", len(infos), limits.max_zip_entries,
                            "max_zip_entries", path=path)
        # OPC part names are case-insensitive
        self._infos = {info.filename.lower(): info for info in infos}

    def names(self) -> list[str]:
        """Member names as stored, in zip order."""
        return [info.filename for info in self._infos.values()]

    def has(self, name: str) -> bool:
        return name.lower() in self._infos

    def read(self, name: str) -> bytes | None:
        """The decompressed part, or None when absent; TooLarge when it inflates past the caps."""
        info = self._infos.get(name.lower())
        if info is None:
            return None
        check_deadline(self.path)
        caps = self.limits
        if info.file_size > caps.max_part_size:
            raise too_large(f"部件 {name} 解压后大小（字节）", f"the decompressed size of part {name} (bytes)",
                            info.file_size, caps.max_part_size, "max_part_size", path=self.path)
        ratio_cap = caps.max_compression_ratio * max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and info.file_size > ratio_cap:
            raise too_large(f"部件 {name} 的压缩比（疑似压缩炸弹）",
                            f"the compression ratio of part {name} (a likely zip bomb)",
                            info.file_size // max(info.compress_size, 1), caps.max_compression_ratio,
                            "max_compression_ratio", path=self.path)
        try:
            with self._zip.open(info) as fh:
                data = fh.read(caps.max_part_size + 1)  # never trust the declared size alone
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
            raise _corrupt(self.path, f"部件 {name} 无法解压 / part {name} cannot be decompressed: {exc}") from None
        except Exception as exc:  # zlib.error and friends from a damaged stream
            raise _corrupt(self.path, f"部件 {name} 无法解压 / part {name} cannot be decompressed: "
                                      f"{type(exc).__name__}") from None
        if len(data) > caps.max_part_size:
            raise too_large(f"部件 {name} 解压后大小（字节）", f"the decompressed size of part {name} (bytes)",
                            len(data), caps.max_part_size, "max_part_size", path=self.path)
        self._read_total += len(data)
        if self._read_total > caps.max_total_uncompressed:
            raise too_large("解压后总大小（字节）", "the total decompressed size (bytes)", self._read_total,
                            caps.max_total_uncompressed, "max_total_uncompressed", path=self.path)
        return data

    def xml(self, name: str) -> etree._Element | None:
        """The parsed part (None when absent); a DTD or malformed XML is a CorruptDocument."""
        data = self.read(name)
        if data is None:
            return None
        first = _FIRST_ELEMENT.search(data)
        prolog = data[: first.start()] if first else data
        if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
            raise _dtd_refused(self.path, name)
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise _corrupt(self.path, f"部件 {name} 的 XML 有误 / malformed XML in {name}: {exc}") from None
        if root.getroottree().docinfo.doctype:  # e.g. a UTF-16 part the byte check cannot see
            raise _dtd_refused(self.path, name)
        return root

    def rels(self, part: str) -> dict[str, Relationship]:
        """Relationships of `part` by id ("" for the package itself), targets resolved to part names."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", f"{base}.rels"))
        found: dict[str, Relationship] = {}
        if root is None:
            return found
        for rel in root.iter(f"{{{PR_NS}}}Relationship"):
            rid, rtype, target = rel.get("Id"), rel.get("Type", ""), rel.get("Target", "")
            if not rid:
                continue
            external = rel.get("TargetMode") == "External"
            if not external:
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(folder, target))
            found[rid] = Relationship(rtype.rsplit("/", 1)[-1], target, external)
        return found


def _dtd_refused(path: str, part: str) -> CorruptDocument:
    return CorruptDocument(
        f"文件可疑，已拒绝读取：{path} 的部件 {part} 含有 XML 实体/DTD 声明（Word 从不写入，常见于 XXE 或“十亿笑声”攻击）。"
        "请勿用其他工具打开，向来源索取正常文件。",
        f"Suspicious file refused: part {part} of {path} declares an XML DTD/entities (Word never writes "
        "these; typical of XXE or billion-laughs attacks). Do not open it elsewhere; ask the source for a "
        "normal file.",
        path=path)


def _corrupt(path: str, detail: str) -> CorruptDocument:
    from reviewer.core.documents.errors import corrupt

    return corrupt(path, detail)

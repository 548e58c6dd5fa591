"""The zip container of an OFD file (GB/T 33190): capped member reads, path resolution, safe XML.

Producers get paths wrong (absolute or relative to the wrong part, backslashes, other case) and zip
member names in GBK without the UTF-8 flag; both are tolerated. Every read is capped (members, sizes,
ratios) like a docx, and XML is parsed by lxml with entity resolution and network access off. Some
invoice producers write `<:eInvoice xmlns:="">` (an empty prefix): such a part is parsed from a copy
with the empty prefixes removed (`repaired`), and a writer must not write that copy back.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib

from lxml import etree

from reviewer.core.documents.errors import corrupt
from reviewer.core.documents.limits import Limits, check_deadline, too_large
from reviewer.core.errors import EncryptedDocument

OFD_NS = "http://www.ofdspec.org/2016"
_UTF8_FLAG = 0x800
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          remove_comments=False)
_EMPTY_PREFIX = re.compile(rb'<(/?):(?=[A-Za-z_\x80-\xff])|\sxmlns:="[^"]*"')


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its producer meant it: zipfile decodes names without the UTF-8 flag as
    CP437, Chinese tools wrote UTF-8 or GBK bytes there."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    if raw.isascii():
        return info.filename
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def normalise(name: str) -> str:
    name = name.replace("\\", "/").strip()
    while name.startswith(("/", "./")):
        name = name[1:] if name.startswith("/") else name[2:]
    return name


def parse_xml(data: bytes) -> tuple[etree._Element, bool]:
    """(root, repaired): strict parse, else the copy without empty namespace prefixes."""
    try:
        return etree.fromstring(data, _PARSER), False
    except etree.XMLSyntaxError:
        fixed = _EMPTY_PREFIX.sub(lambda m: b"<" + m.group(1) if m.group(0).startswith(b"<") else b"", data)
        if fixed == data:
            raise
        return etree.fromstring(fixed, _PARSER), True


def local(tag: object) -> str:
    """An element's name without namespace ('' for comments and processing instructions)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class OfdPackage:
    """Read-only view of the members of an OFD file, capped by `Limits`."""

    def __init__(self, data: bytes, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, EOFError) as exc:
            raise corrupt(path, f"不是完整的 zip 容器 / not a complete zip container: {exc}") from None
        infos = self.zip.infolist()
        if len(infos) > limits.max_zip_entries:
            raise too_large("zip 成员数", "the number of zip members", len(infos), limits.max_zip_entries,
                            "max_zip_entries", path=path)
        self.members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if not info.is_dir():
                self.members.setdefault(normalise(member_name(info)), info)
        self._folded = {}
        for name in self.members:
            self._folded.setdefault(name.casefold(), name)
        self._read_total = 0

    def find(self, name: str) -> str | None:
        name = normalise(name)
        return name if name in self.members else self._folded.get(name.casefold())

    def resolve(self, base: str | None, location: str | None) -> str | None:
        """A location written in part `base`: absolute from the root, else relative to `base`'s folder;
        producers mix them up, so the other reading is tried too. Never outside the package."""
        location = (location or "").strip().replace("\\", "/")
        if not location:
            return None
        if location.startswith("/"):
            candidates = [location]
        else:
            folder = posixpath.dirname(normalise(base)) if base else ""
            candidates = [posixpath.join(folder, location), location]
        for candidate in candidates:
            candidate = posixpath.normpath(normalise(candidate))
            if candidate == ".." or candidate.startswith("../"):
                continue
            found = self.find(candidate)
            if found is not None:
                return found
        return None

    def read(self, name: str) -> bytes:
        info = self.members[name]
        if info.flag_bits & 0x1:
            raise EncryptedDocument(f"OFD 文件中的 {name} 已加密：{self.path}。请向来源索取未加密的文件。",
                                    f"{name} in {self.path} is encrypted. Get an unencrypted copy from the source.",
                                    path=self.path)
        caps = self.limits
        if info.file_size > caps.max_part_size:
            raise too_large(f"成员 {name} 的大小（字节）", f"member {name} (bytes)", info.file_size,
                            caps.max_part_size, "max_part_size", path=self.path)
        if info.compress_size and info.file_size / info.compress_size > caps.max_compression_ratio \
                and info.file_size > 1024 * 1024:
            raise too_large(f"成员 {name} 的压缩比", f"the compression ratio of member {name}",
                            int(info.file_size / info.compress_size), caps.max_compression_ratio,
                            "max_compression_ratio", path=self.path)
        check_deadline(self.path)
        try:
            with self.zip.open(info) as stream:
                data = stream.read(caps.max_part_size + 1)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, OSError) as exc:
            raise corrupt(self.path, f"无法解压 {name} / cannot inflate {name}: {exc}") from None
        if len(data) > caps.max_part_size:
            raise too_large(f"成员 {name} 的大小（字节）", f"member {name} (bytes)", len(data),
                            caps.max_part_size, "max_part_size", path=self.path)
        self._read_total += len(data)
        if self._read_total > caps.max_total_uncompressed:
            raise too_large("解压后的总大小（字节）", "the total uncompressed size (bytes)", self._read_total,
                            caps.max_total_uncompressed, "max_total_uncompressed", path=self.path)
        return data

    def xml(self, name: str) -> etree._Element:
        """A member parsed as XML; a missing or malformed part is a corrupt document."""
        try:
            root, _ = parse_xml(self.read(name))
        except etree.XMLSyntaxError as exc:
            raise corrupt(self.path, f"{name} 不是有效的 XML / {name} is not valid XML: {exc}") from None
        return root

    def optional_xml(self, base: str | None, location: str | None) -> tuple[str, etree._Element] | None:
        """A referenced part that may be missing or broken: (name, root) or None."""
        name = self.resolve(base, location)
        if name is None:
            return None
        try:
            root, _ = parse_xml(self.read(name))
        except etree.XMLSyntaxError:
            return None
        return name, root

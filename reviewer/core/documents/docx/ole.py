"""OLE objects embedded in a docx (word/embeddings/*.bin): the text they carry outside their payload.

A file inserted as an object (an OLE "Package") stores its label and the paths it came from in the
`\\x01Ole10Native` stream: C:\\Users\\<account>\\Desktop\\<a file named after someone>. Each is written
twice: once in an 8-bit encoding, once (newer Office) in UTF-16. The 8-bit copy is in whatever the
writing program used: the ANSI code page (GBK on Chinese Windows) or UTF-8 (Office for Mac, POI,
LibreOffice). Read as GBK, a UTF-8 label turns into mojibake that detection can tag as a name which
exists nowhere in the file. So the 8-bit copy is decoded by what the file declares: the encoding in
which it equals its own UTF-16 copy when there is one, else strict UTF-8 when it is valid UTF-8, else
GB18030. The property set's strings (author, last saved by) are decoded by its declared code page.

`native_fields` gives each field with its byte range so the writer can rewrite it in place.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_STREAM = 64 * 1024 * 1024
NATIVE_STREAM = "\x01Ole10Native"
_OLE_PROPERTIES = ("title", "subject", "author", "keywords", "comments", "last_saved_by", "company",
                   "manager")
_MAX_UTF16_CHARS = 32768


@dataclass(frozen=True, slots=True)
class NativeField:
    name: str  # "label", "path", "temporary path"
    start: int  # byte range of the text in the stream (its terminating NUL excluded)
    end: int
    encoding: str  # "utf-16-le" for the UTF-16 copies, else the 8-bit copy's encoding
    text: str


def is_ole(data: bytes) -> bool:
    import olefile

    # olefile takes bytes shorter than MINIMAL_OLEFILE_SIZE for a file *name*: never hand it those
    return data[:8] == olefile.MAGIC and len(data) >= olefile.MINIMAL_OLEFILE_SIZE


def ole_fields(data: bytes) -> list[tuple[str, str]]:
    """(field, text) of an OLE object (Excel 97-2003, or a file inserted as a Package): the inserted
    file's label and the paths it came from, and the author properties. Empty when it is not OLE."""
    import olefile

    if not is_ole(data):
        return []
    fields: list[tuple[str, str]] = []
    try:
        ole = olefile.OleFileIO(data)
        with ole:
            if ole.exists(NATIVE_STREAM):
                native = ole.openstream(NATIVE_STREAM).read(MAX_STREAM)
                fields += [(f.name, f.text) for f in native_fields(native)]
            meta = ole.get_metadata()
    except Exception:  # noqa: BLE001 - olefile raises many types on a damaged file: keep what was read
        return _unique(fields)
    if meta is not None:
        encoding = _codepage(getattr(meta, "codepage", None))
        for name in _OLE_PROPERTIES:
            value = getattr(meta, name, None)
            if isinstance(value, bytes):
                value = _decode_8bit(value, encoding)
            if isinstance(value, str) and value.strip("\x00 "):
                fields.append((name, value.strip("\x00 ")))
    return _unique(fields)


def _unique(fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    return [f for f in fields if f[1].strip() and not (f in seen or seen.add(f))]


def native_fields(raw: bytes) -> list[NativeField]:
    """Label, source path and temporary path of a Package object, the 8-bit copies then the UTF-16 ones,
    as far as the stream can be parsed."""
    eight: list[tuple[str, int, int]] = []  # name, start, end of the 8-bit copies
    wide: list[NativeField] = []
    pos = 6  # total size (4), a 2-byte marker

    def cstring(limit: int) -> tuple[int, int]:
        nonlocal pos
        end = raw.find(b"\x00", pos, limit)
        if end < 0:
            raise ValueError
        span = (pos, end)
        pos = end + 1
        return span

    def u32() -> int:
        nonlocal pos
        if pos + 4 > len(raw):
            raise ValueError
        value = int.from_bytes(raw[pos:pos + 4], "little")
        pos += 4
        return value

    try:
        eight.append(("label", *cstring(len(raw))))
        eight.append(("path", *cstring(len(raw))))
        pos += 4  # two 2-byte markers
        size = u32()
        if size > len(raw) - pos:
            raise ValueError
        after = pos + size
        eight.append(("temporary path", *cstring(after)))
        pos = after
        skip = u32()  # the inserted file itself
        pos += skip
        for name in ("temporary path", "label", "path"):  # UTF-16 copies (newer Office)
            chars = u32()
            if chars > _MAX_UTF16_CHARS or pos + 2 * chars > len(raw):
                break
            wide.append(NativeField(name, pos, pos + 2 * chars, "utf-16-le",
                                    raw[pos:pos + 2 * chars].decode("utf-16-le", errors="replace")))
            pos += 2 * chars
    except ValueError:
        pass
    encoding = _declared_encoding([raw[s:e] for _, s, e in eight], [f.text for f in wide])
    fields = [NativeField(name, s, e, encoding, _decode_8bit(raw[s:e], encoding)) for name, s, e in eight]
    return fields + wide


def _declared_encoding(eight: list[bytes], wide: list[str]) -> str:
    """The encoding of the 8-bit copies: the one in which they equal their UTF-16 copies, else UTF-8 when
    every one is valid UTF-8, else GB18030 (the ANSI code page of Chinese Windows)."""
    if wide:
        for encoding in ("utf-8", "gb18030"):
            try:
                texts = [b.decode(encoding) for b in eight]
            except UnicodeDecodeError:
                continue
            if any(t and t in wide for t in texts):
                return encoding
    try:
        for b in eight:
            b.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def _codepage(codepage: object) -> str | None:
    """Python's codec for a property set's declared code page (936, 65001, 1252 …), None when unknown."""
    import codecs

    if not isinstance(codepage, int):
        return None
    known = {65001: "utf-8", 1200: "utf-16-le", 936: "gb18030", 54936: "gb18030"}
    name = known.get(codepage, f"cp{codepage}")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def _decode_8bit(data: bytes, encoding: str | None) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")

"""Metadata inside embedded pictures: EXIF (GPS position, camera owner, XPAuthor), XMP, IPTC, comments.

A photo taken on site (a penalty decision's evidence, a subsidy household's house) carries where it was
taken and often who took it. The writers strip it losslessly, segment by segment, without decoding
the pixels; the verifier refuses a copy that still has any. Formats handled: JPEG (APPn other than
JFIF/ICC/Adobe colour, and COM segments) and PNG (tEXt/zTXt/iTXt/eXIf/tIME chunks); other formats are
left as they are (the verifier's byte search still runs over them).
"""

from __future__ import annotations

import io
import struct

_JPEG_KEEP = {0xE0, 0xE2, 0xEE}  # APP0 JFIF, APP2 ICC profile, APP14 Adobe (colour transform)
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_DROP = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}


def stripped_note(pictures: int) -> str:
    """The export note both writers give for the pictures they cleaned."""
    return f"metadata (EXIF/GPS, XMP, comments, text) removed from {pictures} pictures"


def strip_image_metadata(data: bytes) -> bytes:
    """The picture without its metadata (the same bytes when it has none or is not JPEG/PNG)."""
    if data[:2] == b"\xff\xd8":
        return _jpeg(data, strip=True)[0]
    if data.startswith(_PNG_SIGNATURE):
        return _png(data, strip=True)[0]
    return data


def metadata_kinds(data: bytes) -> list[str]:
    """What metadata the picture holds ("EXIF", "XMP", "PNG text"…); empty when none."""
    if data[:2] == b"\xff\xd8":
        return _jpeg(data, strip=False)[1]
    if data.startswith(_PNG_SIGNATURE):
        return _png(data, strip=False)[1]
    return []


def _jpeg(data: bytes, strip: bool) -> tuple[bytes, list[str]]:
    out = bytearray(data[:2])
    found: list[str] = []
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return data, found  # not where a marker should be: leave the file alone
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            out.append(0xFF)
            pos += 1
            continue
        if marker == 0xDA or marker == 0xD9:  # start of scan / end of image: the rest is image data
            out += data[pos:]
            return bytes(out) if strip else data, found
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out += data[pos:pos + 2]
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        end = pos + 2 + length
        if length < 2 or end > len(data):
            return data, found
        if (0xE0 <= marker <= 0xEF and marker not in _JPEG_KEEP) or marker == 0xFE:
            found.append(_jpeg_kind(marker, data[pos + 4:pos + 4 + 32]))
        else:
            out += data[pos:end]
        pos = end
    return (bytes(out) if strip else data), found


def _jpeg_kind(marker: int, head: bytes) -> str:
    if marker == 0xFE:
        return "JPEG comment"
    if head.startswith(b"Exif"):
        return "EXIF"
    if head.startswith(b"http://ns.adobe.com/xap") or head.startswith(b"http://ns.adobe.com/xmp"):
        return "XMP"
    if marker == 0xED:
        return "IPTC"
    return f"APP{marker - 0xE0}"


def _png(data: bytes, strip: bool) -> tuple[bytes, list[str]]:
    out = bytearray(_PNG_SIGNATURE)
    found: list[str] = []
    pos = len(_PNG_SIGNATURE)
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        end = pos + 12 + length
        if end > len(data):
            return data, found
        if kind in _PNG_DROP:
            found.append("PNG " + kind.decode("ascii"))
        else:
            out += data[pos:end]
        pos = end
        if kind == b"IEND":
            break
    return (bytes(out) if strip else data), found


def blank_preview(data: bytes) -> bytes | None:
    """A picture of the same size and format with nothing on it, for the preview of an embedded object
    whose data was de-identified (the old preview still shows the removed values: Word redraws it from
    the data when the object is opened). None for a format we cannot redraw."""
    if data[:4] == b"\x01\x00\x00\x00" and data[40:44] == b" EMF":
        return _blank_emf(data)
    if data[:4] == b"\xd7\xcd\xc6\x9a":
        return _blank_placeable_wmf(data)
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            fmt, size, mode = image.format, image.size, image.mode
        if fmt not in ("PNG", "JPEG", "GIF", "BMP"):
            return None
        out = io.BytesIO()
        blank = Image.new("RGB" if fmt == "JPEG" or mode not in ("1", "L", "P", "RGB", "RGBA") else mode, size,
                          "white" if mode != "P" else 0)
        blank.save(out, fmt)
        return out.getvalue()
    except Exception:  # noqa: BLE001 - Pillow raises many types on odd pictures: leave them to the verifier
        return None


def _blank_emf(data: bytes) -> bytes:
    """EMR_HEADER (88 bytes: the original bounds, frame and device sizes, no description) + EMR_EOF."""
    bounds_frame, device = data[8:40], data[72:88]
    header = struct.pack("<II", 1, 88) + bounds_frame + struct.pack("<IIIIHHIII", 0x464D4520, 0x10000, 88 + 20, 2,
                                                                    1, 0, 0, 0, 0) + device
    eof = struct.pack("<IIIII", 14, 20, 0, 16, 20)
    return header + eof


def _blank_placeable_wmf(data: bytes) -> bytes:
    """The placeable header (bounding box, units) kept, then an empty metafile: header and EOF record."""
    placeable = data[:22]
    words = (18 + 6) // 2
    header = struct.pack("<HHHIHIH", 1, 9, 0x300, words, 0, 3, 0)
    return placeable + header + struct.pack("<IH", 3, 0)

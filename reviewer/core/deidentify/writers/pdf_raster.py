"""How a page re-rendered with its boxes burned in is encoded: like the picture it was.

A page whose redaction lies on a picture (a scan with an OCR text layer) is re-rendered as one image.
Rendered at a fixed 144 dpi and saved as a colour JPEG, an 18 KB bilevel scan came back as 146 KB. So
the page's own main picture decides: its resolution (pixels per point where it is placed), its kind
(bilevel, grey, colour) and its codec: a bilevel scan (CCITT, JBIG2, 1 bit) becomes CCITT group 4
again, a JPEG becomes a JPEG with the original's quantisation tables, anything else Flate. A page with
no main picture (text whose streams could not be edited) keeps the 144 dpi colour JPEG.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass

import pikepdf

DEFAULT_SCALE = 2.0  # 144 dpi for pages with no picture of their own
_MIN_SCALE, _MAX_SCALE = 1.0, 4.2  # 72 to 300 dpi
_MAIN_PICTURE = 0.5  # a picture covering at least half the page is the page


@dataclass(frozen=True, slots=True)
class RasterFormat:
    scale: float  # pixels per point
    kind: str  # "bilevel", "gray" or "rgb"
    codec: str  # "ccitt", "jpeg" or "flate"
    qtables: object = None  # the original JPEG's quantisation tables


DEFAULT = RasterFormat(DEFAULT_SCALE, "rgb", "jpeg")


def page_format(pdf: pikepdf.Pdf, page: pikepdf.Page, placed: list[tuple[float, float, float, float]],
                width: float, height: float) -> RasterFormat:
    """The format of the page's main picture: the largest placed image if it covers half the page."""
    from reviewer.core.documents.pdf.streams import jpeg_bytes

    if not placed or width <= 0 or height <= 0:
        return DEFAULT
    box = max(placed, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
    box_w, box_h = box[2] - box[0], box[3] - box[1]
    if box_w * box_h < _MAIN_PICTURE * width * height:
        return DEFAULT
    try:
        images = list(page.get_images().values())
    except Exception:  # noqa: BLE001 - resources a library cannot list: the default format
        return DEFAULT
    images = [i for i in images if isinstance(i, pikepdf.Stream) and int(i.get("/Width", 0)) > 0]
    if not images:
        return DEFAULT
    image = max(images, key=lambda i: int(i.get("/Width", 0)) * int(i.get("/Height", 0)))
    pixels_w, pixels_h = int(image.get("/Width")), int(image.get("/Height"))
    scale = max(pixels_w, pixels_h) / max(box_w, box_h, 1e-6)
    scale = min(max(scale, _MIN_SCALE), _MAX_SCALE)
    filters = image.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, pikepdf.Array) else [str(filters)] if filters \
        else []
    last = names[-1] if names else ""
    bits = int(image.get("/BitsPerComponent", 8)) if "/BitsPerComponent" in image else 1
    if image.get("/ImageMask") is True or bits == 1 or last in ("/CCITTFaxDecode", "/JBIG2Decode"):
        return RasterFormat(scale, "bilevel", "ccitt")
    kind = "gray" if _components(image.get("/ColorSpace")) == 1 else "rgb"
    if last in ("/DCTDecode", "/JPXDecode"):
        qtables = None
        data = jpeg_bytes(pdf, image) if last == "/DCTDecode" else None
        if data is not None:
            try:
                from PIL import Image

                with Image.open(io.BytesIO(data)) as original:
                    qtables = original.quantization
            except Exception:  # noqa: BLE001 - Pillow cannot read it: the default quality
                qtables = None
        return RasterFormat(scale, kind, "jpeg", qtables)
    return RasterFormat(scale, kind, "flate")


def _components(space: object) -> int:
    if isinstance(space, pikepdf.Name):
        return {"/DeviceGray": 1, "/CalGray": 1, "/DeviceCMYK": 4}.get(str(space), 3)
    if isinstance(space, pikepdf.Array) and len(space):
        head = str(space[0])
        if head == "/ICCBased" and isinstance(space[1], pikepdf.Stream):
            return int(space[1].get("/N", 3))
        if head == "/CalGray":
            return 1
        if head == "/Indexed":
            return 3
    return 3


def encode(pdf: pikepdf.Pdf, image: object, fmt: RasterFormat) -> pikepdf.Stream:
    """An image XObject holding the rendered page `image` (a Pillow image, "L" or "RGB") in `fmt`."""
    from PIL import Image

    if fmt.kind == "bilevel":
        bilevel = image.convert("L").point(lambda v: 255 if v >= 128 else 0)
        bilevel = bilevel.convert("1", dither=Image.Dither.NONE)
        data, black_is_1 = _group4(bilevel)
        stream = pikepdf.Stream(pdf, data)
        stream.Filter = pikepdf.Name.CCITTFaxDecode
        stream.DecodeParms = pikepdf.Dictionary(K=-1, Columns=bilevel.width, Rows=bilevel.height,
                                                BlackIs1=black_is_1)
        stream.ColorSpace, stream.BitsPerComponent = pikepdf.Name.DeviceGray, 1
    else:
        mode = "L" if fmt.kind == "gray" else "RGB"
        pixels = image.convert(mode)
        if fmt.codec == "jpeg":
            buf = io.BytesIO()
            if fmt.qtables:
                pixels.save(buf, format="JPEG", qtables=fmt.qtables)
            else:
                pixels.save(buf, format="JPEG", quality=85)
            stream = pikepdf.Stream(pdf, buf.getvalue())
            stream.Filter = pikepdf.Name.DCTDecode
        else:
            stream = pikepdf.Stream(pdf, zlib.compress(pixels.tobytes(), 9))
            stream.Filter = pikepdf.Name.FlateDecode
        stream.ColorSpace = pikepdf.Name.DeviceGray if mode == "L" else pikepdf.Name.DeviceRGB
        stream.BitsPerComponent = 8
        image = pixels
    stream.Type, stream.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    stream.Width, stream.Height = image.width, image.height
    return stream


def _group4(image: object) -> tuple[bytes, bool]:
    """The CCITT group 4 data of a bilevel Pillow image (libtiff through Pillow, one strip) and whether a
    1 bit is black in it (TIFF's photometric interpretation)."""
    from PIL import Image

    buf = io.BytesIO()
    image.save(buf, format="TIFF", compression="group4", tiffinfo={278: image.height})
    raw = buf.getvalue()
    with Image.open(io.BytesIO(raw)) as tiff:
        offsets, counts = tiff.tag_v2[273], tiff.tag_v2[279]
        photometric = tiff.tag_v2.get(262, 0)
    offsets = offsets if isinstance(offsets, tuple) else (offsets,)
    counts = counts if isinstance(counts, tuple) else (counts,)
    if len(offsets) != 1:
        raise ValueError("group 4 image written in several strips")
    return raw[offsets[0]:offsets[0] + counts[0]], photometric == 1

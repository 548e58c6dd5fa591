"""Pictures given directly: PNG, JPEG and TIFF (every page of a multi-page TIFF), read by OCR.

Each frame is a page: one block of what OCR read, with a box per character in points from the top-left
corner (pixels x 72 / the picture's dpi, 72 when it says none), so findings are located and drawn as on a
PDF page. Author fields of the picture's EXIF (Artist, XPAuthor, description, comment) are read too: the
writer removes all metadata, but a name there is still a finding.
"""

from __future__ import annotations

from collections.abc import Callable

from reviewer.core.documents.image.frames import dpi_of, frames, ocr_pixels, open_image, scale_for
from reviewer.core.documents.limits import Limits, too_large
from reviewer.core.documents.model import Block, BlockKind, Box, Document, DocumentFormat
from reviewer.core.documents.ocr.layout import ocr_block
from reviewer.core.documents.ocr.pool import Job, recognise_jobs

_EXIF_TEXT = {270: "ImageDescription", 315: "Artist", 33432: "Copyright", 40091: "XPTitle",
              40092: "XPComment", 40093: "XPAuthor", 40094: "XPKeywords", 40095: "XPSubject"}


def read_image(data: bytes, path: str, sha256: str, limits: Limits, *,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Document:
    first = open_image(data)
    kind = str(first.format or "")
    count = int(getattr(first, "n_frames", 1))
    if count > limits.max_pages:
        raise too_large("页数", "the page count", count, limits.max_pages, "max_pages", path=path)
    pages = frames(data, count)
    jobs = [Job(("image", sha256, str(k)), lambda frame=frame: ocr_pixels(frame))
            for k, frame in enumerate(pages)]
    results = recognise_jobs(jobs, progress=progress, cancelled=cancelled)
    blocks: list[Block] = []
    for k, (frame, lines) in enumerate(zip(pages, results)):
        factor = 72.0 / dpi_of(frame) / scale_for(*frame.size)

        def to_points(box: Box, f: float = factor) -> Box:
            return box[0] * f, box[1] * f, box[2] * f, box[3] * f

        block = ocr_block(lines, to_points, kind=BlockKind.PAGE, part=f"page {k + 1}", path=f"page[{k}]",
                          page=k + 1, attrs={"dpi": f"{dpi_of(frame):g}"})
        blocks.append(block or Block(kind=BlockKind.PAGE, part=f"page {k + 1}", path=f"page[{k}]", text="",
                                     page=k + 1, attrs={"ocr": "true"}))
    blocks.extend(_exif_blocks(first))
    return Document.build(path=path, format=DocumentFormat.IMAGE, sha256=sha256, size=len(data),
                          blocks=blocks, pages=count, properties={"image.format": kind})


def _exif_blocks(image: object) -> list[Block]:
    try:
        exif = image.getexif()  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - unreadable EXIF: nothing to read (the writer drops it anyway)
        return []
    out = []
    for tag, name in _EXIF_TEXT.items():
        value = exif.get(tag)
        if isinstance(value, bytes):
            value = value.decode("utf-16-le" if tag >= 40091 else "utf-8", "replace")
        text = str(value or "").strip("\x00 ").strip()
        if text:
            out.append(Block(kind=BlockKind.PROPERTY, part="EXIF", path=name, text=text,
                             attrs={"name": name}))
    return out

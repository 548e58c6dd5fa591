"""Text in a docx's pictures (screenshots, scans pasted in, previews of embedded objects), read by OCR.

Every raster picture in the package (word/media, and the preview pictures of embedded objects wherever
they sit) that Pillow decodes and that is large enough to hold a line is read; EMF/WMF vector previews are
not (no renderer here). A picture's block is of kind IMAGE, its part the picture's part name; its boxes
are in the picture's own pixels (attrs["units"] = "px"), which is what the writer paints.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from reviewer.core.documents.image.frames import MIN_SIDE, ocr_pixels, open_image, scale_for
from reviewer.core.documents.model import Block, BlockKind, Box
from reviewer.core.documents.ocr.layout import ocr_block
from reviewer.core.documents.ocr.pool import Job, recognise_jobs

RASTER_SUFFIXES = (".png", ".jpg", ".jpeg", ".jpe", ".gif", ".bmp", ".tif", ".tiff")


def is_raster_picture(name: str) -> bool:
    low = name.lower()
    return low.startswith("word/") and low.endswith(RASTER_SUFFIXES)


def picture_blocks(names: list[str], read: Callable[[str], bytes | None], *,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> list[Block]:
    pictures: list[tuple[str, object]] = []
    for name in sorted(n for n in names if is_raster_picture(n)):
        data = read(name)
        if not data:
            continue
        try:
            image = open_image(data)
        except Exception:  # noqa: BLE001 - a picture Pillow cannot decode is not read (nor shown by Word)
            continue
        if min(image.size) < MIN_SIDE:
            continue
        pictures.append((name, image, hashlib.sha256(data).hexdigest()))  # type: ignore[arg-type]
    if not pictures:
        return []
    jobs = [Job(("picture", digest), lambda image=image: ocr_pixels(image)) for _, image, digest in pictures]
    results = recognise_jobs(jobs, progress=progress, cancelled=cancelled)
    blocks = []
    for (name, image, _), lines in zip(pictures, results):
        factor = 1.0 / scale_for(*image.size)  # type: ignore[attr-defined]

        def to_pixels(box: Box, f: float = factor) -> Box:
            return box[0] * f, box[1] * f, box[2] * f, box[3] * f

        block = ocr_block(lines, to_pixels, kind=BlockKind.IMAGE, part=name, path="picture",
                          attrs={"units": "px", "name": name})
        if block is not None:
            blocks.append(block)
    return blocks

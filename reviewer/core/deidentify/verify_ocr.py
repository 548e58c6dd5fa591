"""The verifier's second look at pixels: the exported pages and pictures read again by OCR.

Independent of the first pass: the output file's own pixels are decoded or rendered here and given to a
fresh engine call, never the cache (a cached reading is of the input, not of what was written). What is
read goes through the verifier's matcher like any other text, so a removed value read anywhere in a
picture refuses the export. What OCR cannot check is said: handwriting, stamps and text it does not read,
and pictures it could not decode (EMF/WMF previews, embedded objects).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

TextCheck = Callable[[str | None, str], None]


@dataclass
class OcrCheck:
    read: list[str] = field(default_factory=list)  # "page 2 (0.97)", "word/media/image1.png (0.99)"
    unread: list[str] = field(default_factory=list)  # pictures that could not be read

    def notes(self) -> tuple[str, ...]:
        out = []
        if self.read:
            out.append("read again by OCR (mean confidence), no removed value read there: "
                       f"{', '.join(self.read)}; text OCR cannot read (handwriting, stamps) is not checked, look at the pictures")
        if self.unread:
            out.append(f"pictures OCR could not read, not checked: {', '.join(self.unread)}")
        return tuple(out)


def _confidence(lines: list) -> float:
    total = sum(len(line.text) for line in lines)
    return sum(line.confidence * len(line.text) for line in lines) / total if total else 0.0


def _text(lines: list) -> str:
    from reviewer.core.documents.ocr.layout import reading_order

    return "\n".join("\u3000".join(line.text for line in row) for row in reading_order(lines))


def check_picture_file(raw: bytes, check: TextCheck) -> OcrCheck:
    """Every page of a picture file read again."""
    from reviewer.core.documents.image.frames import frames, ocr_pixels
    from reviewer.core.documents.ocr.pool import Job, recognise_jobs

    result = OcrCheck()
    pages = frames(raw, 10_000)
    lines = recognise_jobs([Job(None, lambda f=f: ocr_pixels(f)) for f in pages], use_cache=False)
    for n, found in enumerate(lines, 1):
        check(_text(found), f"page {n} (OCR of the output)")
        result.read.append(f"page {n} ({_confidence(found):.2f})")
    return result


def check_pdf(path: Path, check: TextCheck, regions: list | None = None) -> OcrCheck:
    """Pages of the output that are pictures, and the pictures on text pages, read again. `regions`: what
    to read, when the page reading already judged it (else every page is opened here to judge it)."""
    import pypdfium2 as pdfium

    from reviewer.core.documents.ocr.pool import Job, recognise_jobs
    from reviewer.core.documents.pdf.ocr import PageRenderer, plan_regions
    from reviewer.core.documents.pdf.pdfium_lock import PDFIUM_LOCK

    data = path.read_bytes()
    if regions is None:
        with PDFIUM_LOCK:
            pdf = pdfium.PdfDocument(data)
            try:
                regions = plan_regions(pdf, None)
            finally:
                pdf.close()
    result = OcrCheck()
    if not regions:
        return result
    renderer = PageRenderer(data)
    lines = recognise_jobs([Job(None, lambda r=r: renderer.render(r)[0]) for r in regions], use_cache=False)
    for region, found in zip(regions, lines):
        where = f"page {region.page + 1}" + ("" if region.picture is None else f" picture {region.picture}")
        check(_text(found), f"{where} (OCR of the output)")
        result.read.append(f"{where} ({_confidence(found):.2f})")
    return result


def check_docx(raw: bytes, check: TextCheck) -> OcrCheck:
    """The package's raster pictures read again (EMF/WMF previews cannot be)."""
    from reviewer.core.documents.docx.pictures import is_raster_picture
    from reviewer.core.documents.image.frames import MIN_SIDE, ocr_pixels, open_image
    from reviewer.core.documents.ocr.pool import Job, recognise_jobs

    result = OcrCheck()
    pictures = []
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        for name in archive.namelist():
            low = name.lower()
            if is_raster_picture(name):
                try:
                    image = open_image(archive.read(name))
                except Exception:  # noqa: BLE001 - undecodable: said so below
                    result.unread.append(name)
                    continue
                if min(image.size) >= MIN_SIDE:
                    pictures.append((name, image))
            elif low.startswith("word/media/") or low.endswith((".emf", ".wmf")):
                result.unread.append(name)
    lines = recognise_jobs([Job(None, lambda i=i: ocr_pixels(i)) for _, i in pictures], use_cache=False)
    for (name, _), found in zip(pictures, lines):
        check(_text(found), f"{name} (OCR of the output)")
        result.read.append(f"{name} ({_confidence(found):.2f})")
    return result


def tiff_metadata(raw: bytes) -> list[str]:
    """Personal metadata tags a TIFF still carries (the other formats: `image_metadata.metadata_kinds`)."""
    from reviewer.core.documents.image.frames import open_image

    if raw[:4] not in (b"II*\x00", b"MM\x00*"):
        return []
    image = open_image(raw)
    tags = getattr(image, "tag_v2", {})
    names = {270: "ImageDescription", 315: "Artist", 33432: "Copyright", 700: "XMP", 33723: "IPTC",
             34665: "EXIF", 34853: "GPS", 37724: "Photoshop"}
    return [name for tag, name in names.items() if tag in tags]

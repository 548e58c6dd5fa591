"""Redaction burned into pictures: the removed characters' areas painted opaque in the pixels themselves.

Which areas: every occurrence of a plan value in what OCR read (the blocks of the document, with a box per
character), in any spelling of its separators, minus the characters the replacement keeps (the visible
head and tail of a mask, the surname of a pseudonym). Each box is grown by a margin so anti-aliased edges
of a character do not survive. The picture is then encoded anew from its pixels: nothing of the original
file (EXIF, XMP, ICC, comments, TIFF tags, thumbnails) is carried over.

Used for pictures given directly (`write_copy`: the same format out, a multi-page TIFF stays multi-page),
for a docx's pictures (`redacted_pictures`, the docx writer's hook) and for scanned PDF pages
(`pdf_scans`, the PDF writer's hook).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from reviewer.core.deidentify.plan import RedactionPlan, keep_mask
from reviewer.core.documents.model import Block, BlockKind, Box, Document

MARGIN = 0.12  # of a character's height, added on every side of a painted box


def removed_boxes(block: Block, plan: RedactionPlan) -> list[Box]:
    """Boxes (in the block's units) of the characters of `block` that the plan removes."""
    pattern = plan.flexible_pattern()
    if pattern is None or block.boxes is None:
        return []
    out: list[Box] = []
    for m in pattern.finditer(block.text):
        matched = m.group()
        try:
            keep = keep_mask(matched, plan.replacement_for(matched))
        except KeyError:
            keep = (False,) * len(matched)
        for k in range(len(matched)):
            box = block.boxes[m.start() + k] if m.start() + k < len(block.boxes) else None
            if box is not None and not keep[k] and not matched[k].isspace():
                out.append(box)
    return out


def paint(image: Any, boxes: Iterable[Box], scale: float = 1.0) -> Any:
    """`image` with each box (in units that `scale` turns into pixels) painted black, grown by MARGIN."""
    from PIL import ImageDraw

    if image.mode not in ("RGB", "L", "1"):
        image = image.convert("RGB")
    draw = ImageDraw.Draw(image)
    fill = 0 if image.mode in ("L", "1") else (0, 0, 0)
    for x0, y0, x1, y1 in boxes:
        pad = MARGIN * (y1 - y0) * scale
        draw.rectangle([x0 * scale - pad, y0 * scale - pad, x1 * scale + pad, y1 * scale + pad], fill=fill)
    return image


def fresh(image: Any) -> Any:
    """The pixels alone in a new image object: no info, no tags, no profile of the original."""
    from PIL import Image

    if image.mode not in ("RGB", "L", "1", "RGBA", "LA"):
        image = image.convert("RGBA" if "transparency" in image.info or image.mode in ("PA",) else "RGB")
    return Image.frombytes(image.mode, image.size, image.tobytes())


def encode(images: Sequence[Any], kind: str, dpi: float | None) -> bytes:
    """`images` (pages) encoded as `kind` (PNG, JPEG, TIFF), no metadata but the resolution."""
    out = io.BytesIO()
    extra: dict[str, Any] = {"dpi": (dpi, dpi)} if dpi else {}
    first = images[0]
    if kind == "JPEG":
        first = first.convert("RGB") if first.mode not in ("RGB", "L") else first
        first.save(out, format="JPEG", quality=92, **extra)
    elif kind == "TIFF":
        compression = "group4" if all(i.mode == "1" for i in images) else "tiff_lzw"
        first.save(out, format="TIFF", save_all=True, append_images=list(images[1:]), compression=compression,
                   **extra)
    else:
        first.save(out, format="PNG", **extra)
    return out.getvalue()


def _boxes_by_part(document: Document, plan: RedactionPlan, kind: BlockKind) -> dict[str, list[Box]]:
    found: dict[str, list[Box]] = {}
    for block in document.blocks:
        if block.ocr and block.kind is kind:
            boxes = removed_boxes(block, plan)
            if boxes:
                found.setdefault(block.part, []).extend(boxes)
    return found


def redacted_pictures(document: Document, plan: RedactionPlan,
                      read: Callable[[str], bytes]) -> dict[str, bytes]:
    """A docx's pictures that show a removed value, each painted and encoded anew in its own format (the
    docx writer puts them in place of the originals); `read(name)` gives a part's bytes."""
    from reviewer.core.documents.image.frames import open_image

    out: dict[str, bytes] = {}
    for name, boxes in _boxes_by_part(document, plan, BlockKind.IMAGE).items():
        image = open_image(read(name))
        kind = str(image.format or "PNG")
        kind = kind if kind in ("PNG", "JPEG", "TIFF") else "PNG"  # GIF/BMP pictures come back as PNG data
        out[name] = encode([paint(fresh(image), boxes)], kind, None)
    return out


def write_copy(document: Document, plan: RedactionPlan, output: Path, *, options: object = None,
               progress: Callable[[int, int], None] | None = None) -> tuple[str, ...]:
    """A picture given directly: every page painted where a removed value was read, encoded anew."""
    from reviewer.core.documents.image.frames import dpi_of, frames
    from reviewer.core.documents.ocr.layout import mean_confidence

    data = Path(document.path).read_bytes()
    pages = frames(data, max(document.pages or 1, 1))
    kind = str(document.properties.get("image.format", "PNG"))
    by_page: dict[int, list[Box]] = {}
    read: dict[int, float] = {}
    for block in document.blocks:
        if block.ocr and block.page is not None:
            read[block.page] = mean_confidence(block)
            by_page.setdefault(block.page, []).extend(removed_boxes(block, plan))
    painted = 0
    out = []
    for k, page in enumerate(pages):
        boxes = by_page.get(k + 1, [])
        painted += len(boxes)
        out.append(paint(fresh(page), boxes, scale=dpi_of(page) / 72.0))
        if progress is not None:
            progress(k + 1, len(pages))
    dpi = dpi_of(pages[0]) if pages[0].info.get("dpi") else None
    Path(output).write_bytes(encode(out, kind if kind in ("PNG", "JPEG", "TIFF") else "PNG", dpi))
    notes = [ocr_note(read), f"{painted} characters painted over in the picture",
             "picture encoded anew from its pixels: metadata (EXIF/GPS, XMP, ICC, comments, tags) removed"]
    return tuple(n for n in notes if n)


def ocr_note(confidence: dict[int, float]) -> str:
    """The export note naming the pages read by OCR and how confidently."""
    if not confidence:
        return ""
    pages = ", ".join(f"{page} ({value:.2f})" for page, value in sorted(confidence.items()))
    return f"pages read by OCR (mean confidence): {pages}"


def docx_pictures(document: Document, plan: RedactionPlan) -> tuple[dict[str, bytes], tuple[str, ...]]:
    """The docx writer's hook: the pictures to put in place of the originals, and the export notes."""
    import zipfile

    from reviewer.core.documents.ocr.layout import mean_confidence

    read = {b.part: mean_confidence(b) for b in document.blocks if b.ocr and b.kind is BlockKind.IMAGE}
    if not read:
        return {}, ()
    with zipfile.ZipFile(document.path) as archive:
        pictures = redacted_pictures(document, plan, archive.read)
    notes = [f"pictures read by OCR (mean confidence): "
             f"{', '.join(f'{name} ({value:.2f})' for name, value in sorted(read.items()))}"]
    if pictures:
        notes.append(f"{len(pictures)} pictures painted over where removed values were read, encoded anew "
                     f"without metadata: {', '.join(sorted(pictures))}")
    return pictures, tuple(notes)

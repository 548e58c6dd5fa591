"""Decoding pictures for OCR: frames of a file, and the pixels the engine gets.

Shared by the image reader, the docx and PDF readers' pictures and the verifier. Pillow's own
decompression-bomb guard stays on; a picture larger than `MAX_PIXELS` is read scaled down (the boxes are
scaled back), since recognition gains nothing beyond ~300 dpi on A3.
"""

from __future__ import annotations

import io
from typing import Any

MAX_PIXELS = 36_000_000  # about A3 at 300 dpi
MIN_SIDE = 24  # smaller pictures hold no readable line


def open_image(data: bytes) -> Any:
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    image.load()  # read now: a damaged file fails here, inside the caller's error handling
    return image


def frames(data: bytes, max_frames: int) -> list[Any]:
    """Each frame (page) of the picture as an independent image, at most `max_frames` of them."""
    from PIL import ImageSequence

    image = open_image(data)
    out = []
    for k, frame in enumerate(ImageSequence.Iterator(image)):
        if k >= max_frames:
            break
        out.append(frame.copy())
    return out


def frame_count(data: bytes) -> int:
    return int(getattr(open_image(data), "n_frames", 1))


def scale_for(width: int, height: int) -> float:
    pixels = width * height
    return 1.0 if pixels <= MAX_PIXELS else (MAX_PIXELS / pixels) ** 0.5


def ocr_pixels(image: Any) -> Any:
    """An RGB uint8 array of `image` (scaled by `scale_for`), transparency flattened onto white."""
    import numpy as np
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    elif image.mode not in ("RGB", "L"):
        image = image.convert("RGB") if image.mode not in ("1", "I", "I;16", "F") else image.convert("L")
    scale = scale_for(*image.size)
    if scale < 1.0:
        image = image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))))
    return np.asarray(image.convert("RGB"))


def dpi_of(image: Any) -> float:
    """The picture's resolution (72 when it does not say: a pixel is then a point)."""
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 72.0
    except (TypeError, ValueError, IndexError):
        value = 72.0
    return value if 20.0 <= value <= 2400.0 else 72.0

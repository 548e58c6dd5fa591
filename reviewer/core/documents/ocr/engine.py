"""The OCR engine behind one small interface: `recognise(image)` gives lines with their text, a box per
character and a confidence.

The engine is RapidOCR (PP-OCR detection, direction and recognition networks on onnxruntime) with the
Chinese models that ship inside its wheel. Nothing is ever downloaded: the three model paths are pinned to
the wheel's own files (RapidOCR fetches a model only when no path is given), its download function is
replaced by one that refuses, and a missing model is a clear `OcrUnavailable`. One onnxruntime thread per
process: OCR runs in helper processes, one per core (`ocr.pool`).

Per-character boxes: the recogniser's CTC output gives each character's column in the line image; a
character's box is its column span (half-way to its neighbours, capped at a full-width character) laid
along the detected line quadrilateral, so tilted lines get tilted character positions. When the columns
do not line up with the text (rare), the line box is split in proportion to character width (CJK full
width, ASCII half width). Orientation: a page turned 90/180/270 degrees is detected from the lines found on
the first pass (mostly tall lines: turned a quarter; mostly lines the direction classifier reads upside
down: turned half) and read again turned upright; boxes are mapped back to the image as given. A small tilt
(1-3 degrees) needs nothing: detection returns rotated quadrilaterals.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from reviewer.core.errors import ReviewerError

PixelBox = tuple[float, float, float, float]  # x0, y0, x1, y1 in image pixels, origin top-left
MIN_CONFIDENCE = 0.3  # lines below this are not kept at all (noise, stamps, scribbles)
PIPELINE = 5  # bump when anything here changes what `recognise` returns (the cache key has it)


class OcrUnavailable(ReviewerError):
    code = "ocr_unavailable"


@dataclass(frozen=True, slots=True)
class OcrLine:
    """A recognised line: its text, a box per character (None for spaces) and the recogniser's confidence."""

    text: str
    boxes: tuple[PixelBox | None, ...]
    confidence: float
    turn: int = 0  # quarter turns (counter-clockwise, as np.rot90) that made the page upright for reading

    def to_json(self) -> list[Any]:
        boxes = [list(b) if b is not None else None for b in self.boxes]
        return [self.text, boxes, self.confidence, self.turn]

    @classmethod
    def from_json(cls, data: Sequence[Any]) -> OcrLine:
        text, boxes, confidence, turn = data
        parsed = tuple(tuple(map(float, b)) if b is not None else None for b in boxes)
        return cls(str(text), parsed, float(confidence), int(turn))  # type: ignore[arg-type]

    def upright(self, box: PixelBox) -> PixelBox:
        """`box` in the upright page's frame (up to a shift: only positions relative to each other count)."""
        x0, y0, x1, y1 = box
        if self.turn == 1:
            return y0, -x1, y1, -x0
        if self.turn == -1:
            return -y1, x0, -y0, x1
        if self.turn == 2:
            return -x1, -y1, -x0, -y0
        return box


class OcrEngine(Protocol):
    """What another engine has to provide to be plugged in."""

    name: str  # identifies the engine, its models and its settings (part of the cache key)

    def recognise(self, image: Any) -> list[OcrLine]:
        """Lines of an RGB or grayscale uint8 array (H x W [x 3]), in the image's pixel coordinates."""


# --- RapidOCR -----------------------------------------------------------------------------------

RAPIDOCR_VERSION = "3.10.0"
_MODELS = {"Det": "PP-OCRv6_det_small.onnx", "Rec": "PP-OCRv6_rec_small.onnx",
           "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx"}
_TALL = 1.5  # rapidocr turns a line crop this much taller than wide by a quarter before reading it
DET_SIDE = 1024  # longest side detection sees (memory grows with its pixels: RapidOCR's 2000 takes 0.5 GB more)
CROP_SIDE = 2000  # longest side of the image the lines are cut from for recognition (RapidOCR's default)
MAX_SIDE = 2000  # RapidOCR's own resize (not used by our steps; kept at its default)
REC_BATCH = 2  # lines recognised at once (RapidOCR's default 6 holds 240 MB more for a dense page)


def _refuse_download(params: Any, *_args: Any, **_kwargs: Any) -> None:
    """Stands in for RapidOCR's downloader: a file already there is used as is, anything else is refused."""
    if Path(getattr(params, "save_path", "")).is_file():
        return
    raise OcrUnavailable("OCR 模型缺失，程序不会联网下载。请重新安装 rapidocr（pip install rapidocr==3.10.0）。",
                         "An OCR model is missing and nothing is downloaded. Reinstall rapidocr "
                         "(pip install rapidocr==3.10.0).")


class RapidOcrEngine:
    """RapidOCR with its bundled Chinese models, one thread, nothing downloaded."""

    def __init__(self, *, threads: int = 1) -> None:
        try:
            import rapidocr
            from rapidocr import RapidOCR
            from rapidocr.utils import download_file
        except ImportError as exc:
            raise OcrUnavailable("未安装 OCR 引擎 rapidocr，扫描件和图片无法识别。请安装：pip install rapidocr==3.10.0。",
                                 "The OCR engine rapidocr is not installed: scans and pictures cannot be "
                                 "read. Install it: pip install rapidocr==3.10.0.") from exc
        download_file.DownloadFile.run = _refuse_download  # every model path is pinned; this makes sure
        if threads == 1:
            import cv2  # rapidocr's resizing and cropping: OpenCV would start a thread per core
            from threadpoolctl import threadpool_limits

            cv2.setNumThreads(1)
            threadpool_limits(1)
        folder = Path(rapidocr.__file__).resolve().parent / "models"
        paths = {task: folder / name for task, name in _MODELS.items()}
        missing = [str(p) for p in paths.values() if not p.is_file()]
        if missing:
            raise OcrUnavailable(f"OCR 模型文件缺失：{', '.join(missing)}。程序不会联网下载；请重新安装 rapidocr==3.10.0。",
                                 f"OCR model files missing: {', '.join(missing)}. Nothing is downloaded; "
                                 "reinstall rapidocr==3.10.0.")
        self.name = rapidocr_name()
        params: dict[str, Any] = {
            "Global.log_level": "error", "Global.text_score": 0.0, "Global.return_word_box": True,
            "Global.model_root_dir": str(folder), "Global.max_side_len": MAX_SIDE,
            "Rec.rec_batch_num": REC_BATCH,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        params.update({f"{task}.model_path": str(path) for task, path in paths.items()})
        self._ocr = RapidOCR(params=params)
        self._lock = threading.Lock()  # one image at a time per engine (onnxruntime sessions are shared)

    def recognise(self, image: Any) -> list[OcrLine]:
        import numpy as np

        rgb = np.ascontiguousarray(image)
        with self._lock:
            lines, found, tall, flipped = self._read(rgb)
            if tall >= 3 and tall > 0.6 * found:
                # a page turned a quarter: rapidocr turned each tall line a quarter counter-clockwise; lines
                # the classifier still found upside down say the page needs the other quarter
                k = -1 if flipped > 0.5 else 1
                turned = self._read(np.rot90(rgb, k))[0]
                return [_unturn(line, k, rgb.shape) for line in turned]
            if found >= 3 and flipped > 0.6:
                turned = self._read(np.rot90(rgb, 2))[0]
                return [_unturn(line, 2, rgb.shape) for line in turned]
            return [line for line in lines if not line.text.isspace()]

    def _steps(self, bgr: Any) -> tuple[Any, Any, Any]:
        """RapidOCR's steps (its `run_ocr_steps`) with detection on a copy at most DET_SIDE long and the lines
        cut from the image at most CROP_SIDE long: detection's memory grows with the pixels it sees (the
        peak of a page), recognition's does not (every line is scaled to 48 pixels high). Detection runs
        behind the gate the helpers share; freed memory is handed back between steps. Returns the line
        quadrilaterals in `bgr`'s pixels, the direction classes and the recognised lines."""
        import numpy as np
        from rapidocr.main import RapidOCRError
        from rapidocr.utils.process_img import (
            get_rotate_crop_image,
            map_boxes_to_original,
            resize_image_within_bounds,
        )

        ocr = self._ocr
        height, width = bgr.shape[:2]
        try:
            with _det_gate:
                small, ratio_h, ratio_w = resize_image_within_bounds(bgr, ocr.min_side_len, DET_SIDE)
                record = {"preprocess": {"ratio_h": ratio_h, "ratio_w": ratio_w}}
                _, det = ocr.detect_and_crop(small, record)
                del small
            _trim()
            quads = map_boxes_to_original(np.array(det.boxes, dtype=np.float32), record, height, width)
            source, ratio_h, ratio_w = resize_image_within_bounds(bgr, ocr.min_side_len, CROP_SIDE)
            scale = np.array([1 / ratio_w, 1 / ratio_h], dtype=np.float32)
            crops = [get_rotate_crop_image(source, (quad * scale).astype(np.float32)) for quad in quads]
            del source
            crops, cls = ocr.cls_and_rotate(crops)
            rec = ocr.recognize_txt(crops)
        except RapidOCRError:  # nothing detected or recognised
            return None, None, None
        finally:
            _trim()
        return quads, cls, rec

    def _read(self, rgb: Any) -> tuple[list[OcrLine], int, int, float]:
        """Lines read on this orientation, how many detected boxes were clearly wide or tall, how many tall,
        and the share read upside down (of the tall lines when most are tall, else of all)."""
        import numpy as np

        bgr = rgb[:, :, ::-1] if rgb.ndim == 3 else np.stack([rgb] * 3, axis=-1)
        bgr = np.ascontiguousarray(bgr[:, :, :3])
        ocr = self._ocr
        quads, cls, rec = self._steps(bgr)
        if quads is None or rec is None or rec.txts is None:
            return [], 0, 0, 0.0
        threshold = ocr.cfg.Cls.cls_thresh
        flips = [("180" in str(label) and score > threshold) for label, score in (cls.cls_res or [])]
        flips += [False] * (len(quads) - len(flips))
        words = list(rec.word_results or ()) + [None] * len(quads)
        shapes = [_shape(q) for q in quads]
        tall_flags = [shape > 0 for shape in shapes]
        lines: list[OcrLine] = []
        for quad, text, score, word, tall, flip in zip(quads, rec.txts, rec.scores, words, tall_flags, flips):
            if not text or not text.strip() or score < MIN_CONFIDENCE:
                continue
            lines.append(OcrLine(text, _char_boxes(text, quad, word, tall, flip), round(float(score), 4)))
        # square boxes (a digit, one character) say nothing about the page's orientation
        oriented = sum(1 for shape in shapes if shape != 0)
        tall = sum(tall_flags)
        basis = [f for f, t in zip(flips, tall_flags) if t] if tall > oriented / 2 else flips
        return lines, oriented, tall, (sum(basis) / len(basis)) if basis else 0.0


class _NoGate:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


_det_gate: Any = _NoGate()


def set_detection_gate(gate: Any) -> None:
    """A lock shared by the helper processes (a `multiprocessing.Lock`): one detection at a time, so two
    helpers never both hold a detection's memory (the peak of a page) while recognition runs on both cores."""
    global _det_gate
    _det_gate = gate if gate is not None else _NoGate()


def _trim() -> None:
    """Return freed heap memory to the system (glibc keeps it otherwise: a helper would stay at its peak)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def rapidocr_name() -> str:
    """RapidOCR's name (version, model files, our pipeline) without loading it: a cache key's prefix."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution("rapidocr")
    except PackageNotFoundError:
        return "rapidocr-missing"
    folder = Path(str(dist.locate_file("rapidocr"))) / "models"
    sizes = "|".join(f"{name}:{(folder / name).stat().st_size if (folder / name).is_file() else 0}"
                     for name in _MODELS.values())
    return f"rapidocr-{dist.version}-{hashlib.sha256(sizes.encode()).hexdigest()[:12]}-p{PIPELINE}"


def _shape(quad: Any) -> int:
    """1 for a tall box (rapidocr turns its crop a quarter), -1 for a wide one, 0 for a squarish one."""
    import numpy as np

    width = max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3]))
    height = max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2]))
    if width > 0 and height / width >= _TALL:
        return 1
    return -1 if height > 0 and width / height >= _TALL else 0


def _width(ch: str) -> float:
    """Relative advance: full width for CJK and full-width forms, half for ASCII and other narrow ones."""
    import unicodedata

    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def _char_boxes(text: str, quad: Any, word: Any, tall: bool, flip: bool) -> tuple[PixelBox | None, ...]:
    """A box per character of `text`, in image pixels (None for spaces)."""
    spans = _column_spans(text, word) or _proportional_spans(text)
    # the line's text axis: top edge left to right, or for a tall line (turned before reading) top to bottom
    a0, a1, b0, b1 = (quad[0], quad[3], quad[1], quad[2]) if tall else (quad[0], quad[1], quad[3], quad[2])
    out: list[PixelBox | None] = []
    for ch, span in zip(text, spans):
        if span is None or ch.isspace():
            out.append(None)
            continue
        t0, t1 = span
        if flip:
            t0, t1 = 1 - t1, 1 - t0
        pts = [a0 + (a1 - a0) * t0, a0 + (a1 - a0) * t1, b0 + (b1 - b0) * t0, b0 + (b1 - b0) * t1]
        xs, ys = [float(p[0]) for p in pts], [float(p[1]) for p in pts]
        out.append((round(min(xs), 1), round(min(ys), 1), round(max(xs), 1), round(max(ys), 1)))
    return tuple(out)


def _column_spans(text: str, word: Any) -> list[tuple[float, float] | None] | None:
    """Each character's share [t0, t1] of the line from the recogniser's columns, or None when they do not
    line up with the text."""
    if word is None or not getattr(word, "line_txt_len", 0):
        return None
    chars = [c for w in word.words for c in w]
    cols = [c for w in word.word_cols for c in w]
    visible = [i for i, ch in enumerate(text) if not ch.isspace()]
    if len(cols) != len(visible) or "".join(chars) != "".join(text[i] for i in visible):
        return None
    total = float(word.line_txt_len)
    centres = [(c + 0.5) / total for c in cols]
    # a character reaches half-way to its neighbours, at most about one full-width character (the line is
    # about as high as a CJK character is wide; its share of the line is height/width, unknown here: use the
    # median spacing of the line as the full-width step)
    steps = sorted(b - a for a, b in zip(centres, centres[1:]) if b > a)
    step = steps[len(steps) // 2] if steps else 1.0 / max(len(visible), 1)
    spans: list[tuple[float, float] | None] = [None] * len(text)
    for k, i in enumerate(visible):
        half = 0.6 * step * (1.0 if _width(text[i]) == 1.0 else 0.75)
        left, right = centres[k] - half, centres[k] + half
        if k > 0:
            left = max(left, (centres[k - 1] + centres[k]) / 2)
        if k < len(visible) - 1:
            right = min(right, (centres[k] + centres[k + 1]) / 2)
        spans[i] = (max(0.0, left), min(1.0, right))
    return spans


def _proportional_spans(text: str) -> list[tuple[float, float] | None]:
    widths = [_width(ch) for ch in text]
    total = sum(widths) or 1.0
    spans: list[tuple[float, float] | None] = []
    pos = 0.0
    for w in widths:
        spans.append((pos / total, (pos + w) / total))
        pos += w
    return spans


def _unturn(line: OcrLine, k: int, shape: Sequence[int]) -> OcrLine:
    """A line read on `np.rot90(image, k)` with its boxes in the coordinates of `image` (shape H x W)."""
    height, width = shape[0], shape[1]

    def back(x: float, y: float) -> tuple[float, float]:
        if k == 1:  # turned counter-clockwise
            return width - y, x
        if k == -1:  # turned clockwise
            return y, height - x
        return width - x, height - y

    boxes: list[PixelBox | None] = []
    for box in line.boxes:
        if box is None:
            boxes.append(None)
            continue
        (ax, ay), (bx, by) = back(box[0], box[1]), back(box[2], box[3])
        boxes.append((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))
    return OcrLine(line.text, tuple(boxes), line.confidence, k)


_engine: OcrEngine | None = None
_engine_lock = threading.Lock()


def get_engine() -> OcrEngine:
    """This process's engine, made on first use (the models load in about a second)."""
    global _engine
    with _engine_lock:
        if _engine is None:
            _engine = RapidOcrEngine()
        return _engine


def set_engine(engine: OcrEngine | None) -> None:
    """Plug in another engine for this process (None: back to RapidOCR on next use)."""
    global _engine
    with _engine_lock:
        _engine = engine


def engine_name() -> str:
    """The name of the engine `get_engine` gives (without loading RapidOCR's models)."""
    with _engine_lock:
        if _engine is not None:
            return _engine.name
    return rapidocr_name()


def recognise(image: Any) -> list[OcrLine]:
    """Lines of `image` (RGB or grayscale uint8 array) with this process's engine."""
    return get_engine().recognise(image)

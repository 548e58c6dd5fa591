"""The OCR engine: bundled models only (checked with the network off), orientation, per-character boxes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from reviewer.core.documents.ocr import engine
from reviewer.core.documents.ocr.engine import OcrLine, OcrUnavailable, RapidOcrEngine, get_engine
from tests.ocr_fixtures import FONT

ROOT = Path(__file__).resolve().parents[3]
LINES = ["当事人：王建国，公民身份号码：500106198703154515", "联系电话：13896001234",
         "住所：重庆市渝北区龙溪街道金龙路12号", "委托代理人：李秀英"]


def text_image(lines: list[str] = LINES, size: int = 34) -> np.ndarray:
    font = ImageFont.truetype(FONT, size)
    image = Image.new("L", (1300, 80 + 70 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for k, line in enumerate(lines):
        draw.text((40, 40 + 70 * k), line, font=font, fill=20)
    return np.asarray(image.convert("RGB"))


def _network_off_command() -> list[str] | None:
    """`unshare -n` (a new network namespace with no interfaces) when this user may create one."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"]
    return None


BLOCK_SOCKETS = """
import socket
def refuse(*args, **kwargs):
    raise OSError("network is off in this test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
"""

READ_ONE_LINE = """
import numpy as np
from PIL import Image, ImageDraw, ImageFont
from reviewer.core.documents.ocr.engine import RapidOcrEngine
font = ImageFont.truetype(%r, 36)
image = Image.new("RGB", (900, 100), "white")
ImageDraw.Draw(image).text((20, 25), "联系电话：13896001234", font=font, fill="black")
lines = RapidOcrEngine().recognise(np.asarray(image))
print("|".join(line.text for line in lines))
""" % FONT


def test_the_models_ship_in_the_wheel_and_read_with_the_network_off(tmp_path: Path) -> None:
    """A fresh process with no network at all (its own empty network namespace where possible, and
    every socket connect refused besides) loads the engine and reads a line."""
    prefix = _network_off_command() or []
    script = tmp_path / "offline.py"
    script.write_text(BLOCK_SOCKETS + READ_ONE_LINE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}  # no user cache of models either
    result = subprocess.run([*prefix, sys.executable, str(script)], capture_output=True, text=True, env=env,
                            timeout=240, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "联系电话：13896001234"


def test_a_missing_model_is_a_clear_error_never_a_download(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(engine._MODELS, "Rec", "PP-OCRv9_rec_absent.onnx")
    with pytest.raises(OcrUnavailable) as err:
        RapidOcrEngine()
    assert "PP-OCRv9_rec_absent.onnx" in err.value.message_en and "Nothing is downloaded" in err.value.message_en


def test_the_downloader_refuses_what_is_not_already_there(tmp_path: Path) -> None:
    from rapidocr.utils.download_file import DownloadFile, DownloadFileInput

    get_engine()  # installs the refusal
    with pytest.raises(OcrUnavailable):
        DownloadFile.run(DownloadFileInput(file_url="https://example.invalid/model.onnx",
                                           save_path=tmp_path / "model.onnx", logger=None))  # type: ignore[arg-type]
    assert not (tmp_path / "model.onnx").exists()


def _box_of(lines: list[OcrLine], needle: str) -> tuple[float, float, float, float]:
    line = next(line for line in lines if needle in line.text)
    start = line.text.index(needle)
    boxes = [b for b in line.boxes[start:start + len(needle)] if b is not None]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


@pytest.mark.slow
def test_pages_turned_a_quarter_or_upside_down_are_read_upright_with_boxes_in_the_given_image() -> None:
    image = text_image()
    upright = get_engine().recognise(image)
    assert [line.text for line in upright] == LINES
    reference = _box_of(upright, "13896001234")
    height, width = image.shape[:2]
    for k in (1, 2, 3):  # np.rot90: counter-clockwise quarters
        lines = get_engine().recognise(np.ascontiguousarray(np.rot90(image, k)))
        assert [line.text for line in lines] == LINES, k
        x0, y0, x1, y1 = _box_of(lines, "13896001234")
        # the same characters, located in the turned image: turn the reference box the same way
        corners = [(reference[0], reference[1]), (reference[2], reference[3])]
        for _ in range(k):
            corners = [(y, width - x) for x, y in corners]
            width, height = height, width
        ex0, ex1 = sorted(c[0] for c in corners)
        ey0, ey1 = sorted(c[1] for c in corners)
        assert abs(x0 - ex0) < 12 and abs(x1 - ex1) < 12 and abs(y0 - ey0) < 12 and abs(y1 - ey1) < 12, k
        width, height = image.shape[1], image.shape[0]


def test_a_tilted_line_keeps_each_character_in_its_place() -> None:
    tilted = np.asarray(Image.fromarray(text_image()).rotate(2.5, expand=True, fillcolor=(255, 255, 255)))
    lines = get_engine().recognise(tilted)
    assert "联系电话：13896001234" in [line.text for line in lines]
    line = next(line for line in lines if line.text == "联系电话：13896001234")
    centres = [((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for b in line.boxes if b is not None]
    assert len(centres) == len(line.text)
    xs = [c[0] for c in centres]
    assert xs == sorted(xs)  # left to right
    ys = [c[1] for c in centres]
    assert ys[0] > ys[-1] + 10  # rotated counter-clockwise by 2.5 degrees: the line climbs to the right
    # each character's box holds dark pixels (it is on the character, not beside it)
    grey = tilted.mean(axis=2)
    for box in line.boxes[-11:]:
        x0, y0, x1, y1 = (int(v) for v in box)
        assert grey[y0:y1, x0:x1].min() < 100


def test_boxes_split_by_character_width_when_columns_do_not_line_up() -> None:
    spans = engine._proportional_spans("王A1号")
    widths = [round(b - a, 3) for a, b in spans]
    assert widths == [round(1 / 3, 3), round(1 / 6, 3), round(1 / 6, 3), round(1 / 3, 3)]
    assert spans[0][0] == 0 and abs(spans[-1][1] - 1) < 1e-9


def test_a_line_serialises_for_the_cache() -> None:
    line = OcrLine("王 建", ((1.0, 2.0, 3.0, 4.0), None, (5.0, 2.0, 7.0, 4.0)), 0.93)
    assert OcrLine.from_json(line.to_json()) == line

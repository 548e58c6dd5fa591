"""Where OCR runs and what it gives the document: pages decided one by one, pictures in PDFs and docx
files, picture files, boxes in page coordinates, the cache, progress and cancel."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from reviewer.core.documents import DocumentFormat, load_document
from reviewer.core.documents.errors import LoadCancelled
from reviewer.core.documents.model import Block, BlockKind, OcrSpan
from reviewer.core.documents.ocr import cache
from reviewer.core.documents.ocr.pool import Job, recognise_jobs
from reviewer.core.documents.pdf.ocr import usable_text
from tests.ocr_fixtures import FONT, _font


def picture(text: str, size: tuple[int, int] = (900, 90)) -> Image.Image:
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).text((20, 22), text, font=ImageFont.truetype(FONT, 36), fill="black")
    return image


def test_a_text_layer_is_usable_unless_empty_or_garbage() -> None:
    assert usable_text("重庆市渝北区市场监督管理局行政处罚决定书")
    assert not usable_text("  1 \n")  # a page number on a scan
    assert not usable_text("\ufffd\ufffd\ufffd\ufffd\ue001\ue002\ue003ab")  # unmapped glyphs
    assert usable_text("一二三四五六七八九十\ufffd")


def test_the_locator_says_ocr_and_the_confidence_and_marks_low_confidence_lines() -> None:
    block = Block(kind=BlockKind.PAGE, part="page 1", path="page[0]/ocr", text="王建国\n张三丰",
                  boxes=((1, 1, 2, 2),) * 3 + (None,) + ((1, 5, 2, 6),) * 3, page=1, attrs={"ocr": "true"},
                  ocr=(OcrSpan(0, 3, 0.98), OcrSpan(4, 7, 0.55)))
    sure = block.locator(0, 3)
    assert sure["ocr"] is True and sure["confidence"] == 0.98 and "low_confidence" not in sure
    unsure = block.locator(4, 7)
    assert unsure["confidence"] == 0.55 and unsure["low_confidence"] is True


def test_results_are_cached_by_what_was_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("REVIEWER_OCR_CACHE", str(tmp_path))
    made: list[int] = []

    def image() -> np.ndarray:
        made.append(1)
        return np.asarray(picture("联系电话：13896001234"))

    first = recognise_jobs([Job(("test", "a"), image)])
    again = recognise_jobs([Job(("test", "a"), image)])
    assert first == again and [line.text for line in first[0]] == ["联系电话：13896001234"]
    assert len(made) == 1  # the second reading came from the cache: the image was not even made
    assert len(list(tmp_path.rglob("*.json"))) == 1
    recognise_jobs([Job(("test", "a"), image)], use_cache=False)  # the verifier's fresh reading
    assert len(made) == 2


def test_progress_per_image_and_cancel_between_images(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REVIEWER_OCR_CACHE", "off")
    assert cache.folder() is None
    seen: list[tuple[int, int]] = []
    jobs = [Job(None, lambda k=k: np.asarray(picture(f"第{k}页"))) for k in range(3)]
    recognise_jobs(jobs, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 1

    with pytest.raises(LoadCancelled):
        recognise_jobs(jobs, cancelled=cancelled)


def test_picture_files_load_by_content_with_boxes_in_points(tmp_path: Path) -> None:
    image = picture("当事人：王建国，联系电话：13896001234", (1200, 90))
    path = tmp_path / "named-wrong.txt"
    image.save(path, format="PNG", dpi=(144, 144))
    document = load_document(path)
    assert document.format is DocumentFormat.IMAGE and document.pages == 1
    assert document.properties["image.format"] == "PNG"
    start = document.text.index("13896001234")
    loc = document.locate(start, start + 11)
    assert loc["ocr"] is True and loc["page"] == 1 and loc["confidence"] > 0.9
    # 144 dpi: a point is two pixels; the number was drawn from about x=20+ (pixels) on a 90-pixel line
    x0, top, x1, bottom = loc["bbox"]
    assert 0 < top < bottom < 45 and x1 < 600 and x1 - x0 > 100


def test_a_multi_page_tiff_is_read_page_by_page(tmp_path: Path) -> None:
    pages = [picture("第一页：王建国"), picture("第二页：13896001234").rotate(90, expand=True)]
    path = tmp_path / "two.tif"
    pages[0].save(path, format="TIFF", save_all=True, append_images=pages[1:])
    progress: list[tuple[int, int]] = []
    document = load_document(path, progress=lambda d, t: progress.append((d, t)))
    assert document.pages == 2 and progress[-1] == (2, 2)
    assert [b.page for b in document.blocks if b.kind is BlockKind.PAGE] == [1, 2]
    assert "13896001234" in document.blocks[1].text


def _text_pdf_with_picture(tmp_path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    picture("申请人联系电话：13752468100", (900, 90)).save(buf, format="PNG")
    buf.seek(0)
    path = tmp_path / "text-with-picture.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(_font(), 12)
    c.drawString(72, 780, "关于临时救助申请的审核意见，申请人材料截图如下：")
    c.drawImage(ImageReader(buf), 72, 600, width=450, height=45)
    c.drawString(72, 560, "以上材料经社区核实无误。")
    c.showPage()
    c.setFont(_font(), 12)
    c.drawString(72, 780, "第二页只有文字，没有图片，不需要识别。")
    c.save()
    return path


def test_pictures_on_text_pages_are_read_and_located_on_the_page(tmp_path: Path) -> None:
    document = load_document(_text_pdf_with_picture(tmp_path))
    ocr = [b for b in document.blocks if b.ocr]
    assert [(b.page, b.path, b.attrs["source"]) for b in ocr] == [(1, "page[0]/picture[0]", "picture 0")]
    # the OCR block follows its page's text block
    kinds = [(b.page, bool(b.ocr)) for b in document.blocks if b.kind is BlockKind.PAGE]
    assert kinds == [(1, False), (1, True), (2, False)]
    start = document.text.index("13752468100")
    x0, top, x1, bottom = document.locate(start, start + 11)["bbox"]
    # the picture sits at x 72..522, y (top-left) 842-645=197..242 on the A4 page
    assert 72 <= x0 < x1 <= 522 and 197 <= top < bottom <= 243


def test_docx_pictures_are_read_as_image_blocks(fixtures) -> None:
    path, planted = fixtures["docx"]
    document = load_document(path)
    blocks = [b for b in document.blocks if b.ocr]
    assert [(b.kind, b.part, b.attrs["units"]) for b in blocks] == [(BlockKind.IMAGE, "word/media/image1.png", "px")]
    for value in planted.values:
        assert value in document.text

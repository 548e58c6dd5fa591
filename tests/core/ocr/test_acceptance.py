"""Issue 27's acceptance, through the real CLI: `reviewer scan` finds what was planted in scans and pictures,
`reviewer redact` leaves none of it readable (by the verifier's OCR, by pdftotext, by pdfplumber), and the
original pictures are gone from the output (every PDF image XObject and every docx media part walked)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reviewer.core.deidentify.verify import normalise, verify_output

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.slow


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "reviewer", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=900, env=env)


@pytest.fixture(scope="module")
def scanned(fixtures) -> dict[str, list[dict]]:
    """`reviewer scan` over every fixture at once (one process, helpers started once)."""
    keys = ["pdf300", "pdf150", "docx", "jpeg", "tiff"]
    result = cli("scan", *(str(fixtures[k][0]) for k in keys))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return {k: [r for r in records if r["path"] == str(fixtures[k][0])] for k in keys}


def _found(records: list[dict], entity: str) -> set[str]:
    return {r["text"] for r in records if r["entity_type"] == entity}


@pytest.mark.parametrize("key", ["pdf300", "pdf150", "jpeg", "tiff", "docx"])
def test_scan_finds_every_planted_identifier_and_name(scanned, fixtures, key: str) -> None:
    planted = fixtures[key][1]
    records = scanned[key]
    ids, phones, names = _found(records, "CN_ID_CARD"), _found(records, "CN_MOBILE_PHONE"), _found(records, "PERSON")
    assert set(planted.ids) <= ids, sorted(set(planted.ids) - ids)  # checksummed: 100 %
    assert set(planted.phones) <= phones, sorted(set(planted.phones) - phones)
    recall = len(set(planted.names) & names) / len(planted.names)
    assert recall >= 0.95, sorted(set(planted.names) - names)
    for r in records:
        if r["text"] in planted.values:
            loc = r["locator"]
            assert loc["ocr"] is True and 0 < loc["confidence"] <= 1 and loc["boxes"], r


def test_scan_locates_pdf_findings_on_the_page_they_are_on(scanned, fixtures) -> None:
    """Page 1 is the penalty decision, page 2 the roster (at 150 dpi turned a quarter: landscape page,
    the text running down it)."""
    by_text = {r["text"]: r["locator"] for r in scanned["pdf300"]}
    from tests.ocr_fixtures import PENALTY, ROSTER

    assert by_text[PENALTY["id"]]["page"] == 1
    x0, top, x1, bottom = by_text[PENALTY["id"]]["bbox"]
    assert 200 < x0 < x1 < 560 and 100 < top < bottom < 250  # drawn at x≈72+ on line 5 of an A4 page
    assert by_text[ROSTER[0][1]]["page"] == 2
    x0, top, x1, bottom = by_text[ROSTER[0][1]]["bbox"]
    assert x1 - x0 > 3 * (bottom - top)
    turned = {r["text"]: r["locator"] for r in scanned["pdf150"]}[ROSTER[0][1]]
    x0, top, x1, bottom = turned["bbox"]
    assert turned["page"] == 2 and bottom - top > 3 * (x1 - x0)  # the ID runs down the turned page


def _pdf_texts(path: Path) -> list[tuple[str, str]]:
    import pdfplumber

    texts = []
    if shutil.which("pdftotext"):
        texts.append(("pdftotext", subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                                  text=True).stdout))
    with pdfplumber.open(path) as pdf:
        texts.append(("pdfplumber", "\n".join(page.extract_text() or "" for page in pdf.pages)))
        texts.append(("pdfplumber chars", "".join(c["text"] for page in pdf.pages for c in page.chars)))
    return texts


def _image_streams(path: Path) -> list[bytes]:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return [obj.read_raw_bytes() for obj in pdf.objects
                if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"]


def _fresh_ocr(images) -> str:  # noqa: ANN001
    from reviewer.core.documents.image.frames import ocr_pixels
    from reviewer.core.documents.ocr.pool import Job, recognise_jobs

    lines = recognise_jobs([Job(None, lambda i=i: ocr_pixels(i)) for i in images], use_cache=False)
    return "\n".join(line.text for found in lines for line in found)


def _assert_unreadable(text: str, values: list[str], where: str) -> None:
    flat = normalise(text)
    left = [v for v in values if normalise(v) in flat]
    assert not left, f"{where}: {left}"


@pytest.mark.parametrize("key", ["pdf300", "pdf150"])
def test_redact_leaves_no_planted_value_readable_in_a_scanned_pdf(fixtures, tmp_path: Path, key: str) -> None:
    source, planted = fixtures[key]
    out = tmp_path / "redacted.pdf"
    result = cli("redact", str(source), "-o", str(out), "--json")
    assert result.returncode == 0, result.stderr
    notes = json.loads(result.stdout)["notes"]
    assert any(n.startswith("pages read by OCR") for n in notes)
    assert any(n.startswith("read again by OCR") for n in notes)
    # the CLI's verifier read the output by OCR for the plan's values; every planted value, read here with
    # a fresh engine call on the pages as a viewer shows them (not the cache)
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(out))
    pages = [pdf[k].render(scale=200 / 72).to_pil() for k in range(len(pdf))]
    pdf.close()
    ocr = _fresh_ocr(pages)
    _assert_unreadable(ocr, planted.values, "OCR of the output")
    assert "公民身份号码" in ocr and "行政处罚决定书" in ocr  # the rest of the page is still there and readable
    for name, text in _pdf_texts(out):
        _assert_unreadable(text, planted.values, name)
    assert "行政处罚决定书" in _pdf_texts(out)[-2][1]  # the invisible layer keeps the kept text searchable
    # no original picture left: every image XObject of the output is new
    before = set(_image_streams(source))
    after = _image_streams(out)
    assert after and not before & set(after)


def test_redact_replaces_the_docx_picture_and_keeps_no_original_media(fixtures, tmp_path: Path) -> None:
    source, planted = fixtures["docx"]
    out = tmp_path / "申请材料-去标识化.docx"
    result = cli("redact", str(source), "-o", str(out), "--json")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(source) as archive:
        original = {hashlib.sha256(archive.read(n)).hexdigest() for n in archive.namelist()
                    if n.startswith("word/media/")}
    from PIL import Image

    with zipfile.ZipFile(out) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert media
        for name in media:
            data = archive.read(name)
            assert hashlib.sha256(data).hexdigest() not in original, name
        pictures = [Image.open(io.BytesIO(archive.read(n))) for n in media]
        assert all(not p.info.get("exif") and not p.text for p in pictures if p.format == "PNG")
    _assert_unreadable(_fresh_ocr(pictures), planted.values, "OCR of the docx pictures")


@pytest.mark.parametrize(("key", "suffix", "frames"), [("jpeg", ".jpg", 1), ("tiff", ".tif", 2)])
def test_redact_picture_files_in_their_own_format(fixtures, tmp_path: Path, key: str, suffix: str,
                                                  frames: int) -> None:
    from PIL import Image, ImageSequence

    source, planted = fixtures[key]
    out = tmp_path / f"redacted{suffix}"
    result = cli("redact", str(source), "-o", str(out), "--json")
    assert result.returncode == 0, result.stderr
    image = Image.open(out)
    assert image.format == Image.open(source).format and getattr(image, "n_frames", 1) == frames
    pages = [frame.copy() for frame in ImageSequence.Iterator(image)]
    _assert_unreadable(_fresh_ocr(pages), planted.values, "OCR of the output")
    from reviewer.core.deidentify.verify_ocr import tiff_metadata
    from reviewer.core.documents.image_metadata import metadata_kinds

    assert not metadata_kinds(out.read_bytes()) and not tiff_metadata(out.read_bytes())


def test_the_verifier_refuses_a_picture_that_still_shows_a_value(fixtures, tmp_path: Path) -> None:
    """Verification reads pixels: the unredacted scan itself fails it, naming the page read by OCR."""
    source, planted = fixtures["jpeg"]
    report = verify_output(source, [planted.ids[0], planted.names[0]], format="image")
    assert not report.ok
    assert {s.value for s in report.survivors} == {planted.ids[0], planted.names[0]}
    assert all("OCR of the output" in s.where for s in report.survivors)

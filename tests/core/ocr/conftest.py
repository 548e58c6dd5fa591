"""OCR tests share one cache folder per session (a re-read of the same fixture costs nothing) and the
scanned fixtures, made once per session at test time (tests/ocr_fixtures.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import ocr_fixtures


@pytest.fixture(scope="session", autouse=True)
def ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ocr-cache")
    old = os.environ.get("REVIEWER_OCR_CACHE")
    os.environ["REVIEWER_OCR_CACHE"] = str(folder)  # subprocesses (the CLI) inherit it
    yield folder
    if old is None:
        os.environ.pop("REVIEWER_OCR_CACHE", None)
    else:
        os.environ["REVIEWER_OCR_CACHE"] = old


@pytest.fixture(scope="session")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, ocr_fixtures.Planted]]:
    folder = tmp_path_factory.mktemp("scans")
    made: dict[str, tuple[Path, ocr_fixtures.Planted]] = {}
    for dpi in (150, 300):  # the 150 dpi roster is the page turned a quarter
        data, planted = ocr_fixtures.scanned_set(dpi, rotated=dpi == 150)
        path = folder / f"scan-{dpi}dpi.pdf"
        path.write_bytes(data)
        made[f"pdf{dpi}"] = (path, planted)
    made["docx"] = (folder / "申请材料.docx", ocr_fixtures.id_card_docx(folder / "申请材料.docx"))
    made["jpeg"] = (folder / "idcard.jpg", ocr_fixtures.id_card_jpeg(folder / "idcard.jpg"))
    made["tiff"] = (folder / "scans.tif", ocr_fixtures.roster_tiff(folder / "scans.tif"))
    return made

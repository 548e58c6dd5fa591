"""Session-wide test settings: OCR results cached in this session's own folder, never in the user's cache."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def _ocr_cache_of_the_session(tmp_path_factory: pytest.TempPathFactory) -> None:
    if not os.environ.get("REVIEWER_OCR_CACHE"):
        os.environ["REVIEWER_OCR_CACHE"] = str(tmp_path_factory.mktemp("ocr-cache-session"))

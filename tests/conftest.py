"""Session-wide test settings and shared fixtures: OCR results cached in this session's own folder (never in\nthe user's cache); the benefit roster files."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def _ocr_cache_of_the_session(tmp_path_factory: pytest.TempPathFactory) -> None:
    if not os.environ.get("REVIEWER_OCR_CACHE"):
        os.environ["REVIEWER_OCR_CACHE"] = str(tmp_path_factory.mktemp("ocr-cache-session"))


@pytest.fixture(scope="session")
def roster(tmp_path_factory):
    """The 600-row benefit roster as xlsx, xls (when LibreOffice is installed) and docx, and a second list
    (tests/roster_files.py), made once per test session."""
    from tests.roster_files import make_roster

    return make_roster(tmp_path_factory.mktemp("roster"))

"""Fixtures shared across test packages."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def roster(tmp_path_factory):
    """The 600-row benefit roster as xlsx, xls (when LibreOffice is installed) and docx, and a second list
    (tests/roster_files.py), made once per test session."""
    from tests.roster_files import make_roster

    return make_roster(tmp_path_factory.mktemp("roster"))

"""Every cap is an option with a message naming it; the per-document time budget stops a slow read."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reviewer.core.documents import limits as limits_module
from reviewer.core.documents import load_document
from reviewer.core.errors import ConfigurationError, TooLarge
from tests.core.documents.conftest import DATA

BIG_PDF = DATA / "reportlab-cjk.pdf"


def _fast_clock(monkeypatch, step: float) -> None:
    """Each reading of the clock advances `step` seconds: a slow machine, deterministically."""
    ticks = itertools.count()
    monkeypatch.setattr(limits_module.time, "monotonic", lambda: next(ticks) * step)


@pytest.mark.parametrize("name", ["planted.docx", "reportlab-cjk.pdf", "libreoffice-planted.docx"])
def test_time_budget_stops_the_read_with_the_option_named(monkeypatch, name):
    _fast_clock(monkeypatch, 7.0)
    with pytest.raises(TooLarge) as caught:
        load_document(DATA / name, max_seconds=20)
    message = str(caught.value)
    assert "max_seconds" in message and "20" in message and "\n" not in message
    assert "超时" in caught.value.message_zh and "timed out" in caught.value.message_en


def test_time_budget_is_per_document_and_generous_by_default(monkeypatch):
    _fast_clock(monkeypatch, 1.0)
    document = load_document(DATA / "planted.docx")  # 300 s default: a hundred checks fit
    assert document.text
    monkeypatch.undo()
    assert load_document(DATA / "planted.docx", max_seconds=1).text == document.text


def test_page_count_cap_names_its_option():
    with pytest.raises(TooLarge, match="max_pages"):
        load_document(BIG_PDF, max_pages=1)


@pytest.mark.parametrize("value", [0, -5, 2.5, True, "10"])
def test_limit_values_must_be_positive_integers(value):
    with pytest.raises(ConfigurationError, match="max_seconds"):
        load_document(BIG_PDF, max_seconds=value)


def test_limits_from_the_environment_reach_the_cli(tmp_path):
    """REVIEWER_LIMITS sets the caps for `reviewer scan` (and the app) without code; bad input is refused."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[3]

    def scan(limits: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "REVIEWER_LIMITS": limits}
        return subprocess.run([sys.executable, "-m", "reviewer", "scan", str(BIG_PDF)], capture_output=True,
                              text=True, cwd=root, env=env, timeout=300, check=False)

    refused = scan("max_pages=1, max_seconds=60")
    assert refused.returncode == 1 and "max_pages" in refused.stderr and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    malformed = scan("max_pages")
    assert malformed.returncode == 1 and "REVIEWER_LIMITS" in malformed.stderr and "Traceback" not in malformed.stderr
    unknown = scan("max_pagez=3")
    assert unknown.returncode == 1 and "max_pagez" in unknown.stderr and "Traceback" not in unknown.stderr


def test_environment_limits_are_overridden_by_arguments(monkeypatch):
    monkeypatch.setenv("REVIEWER_LIMITS", "max_pages=1")
    with pytest.raises(TooLarge, match="max_pages"):
        load_document(BIG_PDF)
    assert load_document(BIG_PDF, max_pages=5).pages == 3

"""Shared paths and the planted values the generator wrote into tests/data/documents."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "documents"


def _planted():
    spec = importlib.util.spec_from_file_location("planted_values", DATA / "planted.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PLANTED = _planted().PLANTED
id_number = _planted().id_number


@pytest.fixture()
def data() -> Path:
    return DATA

"""Where the program's shipped files are: `resources/` and `models/` beside the package.

One locator instead of `Path(__file__).parents[N]` in every module (which broke whenever a module
moved). `REVIEWER_RESOURCES` points elsewhere (a packaged install, a test with its own copy).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
RESOURCES = Path(os.environ.get("REVIEWER_RESOURCES") or PROJECT_ROOT / "resources")
MODELS = PROJECT_ROOT / "models"


def resource(*parts: str) -> Path:
    """A path inside `resources/` (it may not exist: callers report a missing file their own way)."""
    return RESOURCES.joinpath(*parts)

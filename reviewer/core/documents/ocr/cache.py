"""OCR results kept on disk by the hash of what was read, so that opening a scan again costs nothing.

A key is the sha256 of the engine's name (engine, models, pipeline version) and of the source: the bytes
of an image, or a PDF's sha256 with the page number and the resolution it is rendered at. Entries are
small JSON files written atomically (a temporary file renamed), so two processes reading the same page
never see half an entry. The folder is the per-user cache folder, a workspace's own folder when one is
given (`use_folder`), or `REVIEWER_OCR_CACHE`; `REVIEWER_OCR_CACHE=off` turns the cache off.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from pathlib import Path

from reviewer.core.documents.ocr.engine import OcrLine

ENVIRONMENT = "REVIEWER_OCR_CACHE"
_folder: Path | None = None
_lock = threading.Lock()


def use_folder(folder: str | Path | None) -> None:
    """Keep OCR results in `folder` (a workspace's folder) from now on; None: back to the default."""
    global _folder
    with _lock:
        _folder = Path(folder) if folder is not None else None


def folder() -> Path | None:
    """Where entries go, or None when the cache is off."""
    env = os.environ.get(ENVIRONMENT, "").strip()
    if env.lower() == "off":
        return None
    with _lock:
        if _folder is not None:
            return _folder
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("reviewer", appauthor=False)) / "ocr"


def key(engine: str, *parts: str | bytes) -> str:
    digest = hashlib.sha256(engine.encode())
    for part in parts:
        digest.update(b"\x00")
        digest.update(part if isinstance(part, bytes) else part.encode())
    return digest.hexdigest()


def get(entry: str) -> list[OcrLine] | None:
    base = folder()
    if base is None:
        return None
    try:
        data = json.loads((base / entry[:2] / f"{entry}.json").read_text(encoding="utf-8"))
        return [OcrLine.from_json(line) for line in data["lines"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # absent or damaged: read again


def put(entry: str, lines: list[OcrLine]) -> None:
    base = folder()
    if base is None:
        return
    target = base / entry[:2] / f"{entry}.json"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"lines": [line.to_json() for line in lines]}, fh, ensure_ascii=False)
        os.replace(tmp, target)
    except OSError:
        pass  # a read-only or full cache folder costs a re-read next time, nothing else

"""Reading an administrator-editable YAML resource: one place for "not found" and "not valid YAML".

Callers parse and validate the data themselves (strictly); results are cached per path and mtime so
an edited file is picked up without a restart.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

from reviewer.core.errors import ConfigurationError

T = TypeVar("T")


def load_yaml_resource(path: Path, parse: Callable[[Any, str], T], *, what_zh: str, what_en: str) -> T:
    """`parse(data, file_name)` over the YAML at `path`; missing or broken files are ConfigurationErrors."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise ConfigurationError(f"找不到{what_zh} {path}。请确认安装完整或指定正确的路径。",
                                 f"{what_en} {path} not found. Check the installation or give the right path.",
                                 path=str(path)) from exc
    return _cached(str(path), mtime, parse, what_zh, what_en)


@lru_cache(maxsize=16)
def _cached(path: str, mtime: int, parse: Callable[[Any, str], Any], what_zh: str, what_en: str) -> Any:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        exc = " ".join(str(error).split())  # one line
        raise ConfigurationError(f"{what_zh} {path} 无法读取或不是有效的 YAML（{exc}）。请改正后重新打开。",
                                 f"{what_en} {path} is unreadable or not valid YAML ({exc}). Fix it and reopen.",
                                 path=path) from error
    return parse(data, Path(path).name)

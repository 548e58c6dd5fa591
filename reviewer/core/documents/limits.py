"""Caps that keep a hostile or absurd file from exhausting memory or time.

Readers check these before doing work whose cost the file controls (zip members inflate, page trees
claim pages, text grows). Any cap that trips raises `TooLarge` with what to do next.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace
from typing import Any

from reviewer.core.errors import ConfigurationError, TooLarge

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """All readers share one set of caps; override any of them with keyword arguments."""

    max_file_size: int = 512 * MB  # bytes on disk
    max_part_size: int = 256 * MB  # one decompressed zip member (docx part)
    max_total_uncompressed: int = 1024 * MB  # all docx parts read, together
    max_compression_ratio: int = 200  # a docx part may not inflate more than this (zip bombs)
    max_zip_entries: int = 20_000
    max_pages: int = 10_000  # PDF pages (and docx app.xml's claimed page count is ignored)
    max_text_chars: int = 50_000_000  # characters of detection text
    max_xml_depth: int = 200  # nesting of tables/text boxes walked
    max_seconds: int = 300  # time to read one document, checked per page, part and block

    @classmethod
    def from_options(cls, **options: Any) -> Limits:
        """Strict: an unknown option name is an error, never silently ignored.

        Defaults come from the class, then the `REVIEWER_LIMITS` environment variable
        ("max_pages=500,max_seconds=60": one setting for the CLI and the desktop app), then `options`.
        """
        options = {**_environment(), **options}
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise ConfigurationError(
                f"未知的读取限制选项：{', '.join(unknown)}。可用：{', '.join(sorted(known))}。",
                f"Unknown reader limit option(s): {', '.join(unknown)}. Known: {', '.join(sorted(known))}.")
        for name, value in options.items():
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigurationError(f"读取限制 {name} 必须是正整数。",
                                         f"Reader limit {name} must be a positive integer.")
        return replace(cls(), **options)


ENVIRONMENT = "REVIEWER_LIMITS"


def _environment() -> dict[str, int]:
    raw = os.environ.get(ENVIRONMENT, "").strip()
    found: dict[str, int] = {}
    for item in filter(None, (part.strip() for part in raw.split(","))):
        name, sep, value = item.partition("=")
        try:
            if not sep:
                raise ValueError(item)
            found[name.strip()] = int(value.strip().replace("_", ""))
        except ValueError:
            raise ConfigurationError(
                f"环境变量 {ENVIRONMENT} 的写法有误：“{item}”。应为 名称=正整数，用逗号分隔，例如 max_pages=500,max_seconds=60。",
                f"{ENVIRONMENT} is malformed at '{item}'. Use name=positive integer, comma-separated, e.g. "
                "max_pages=500,max_seconds=60.") from None
    return found


def too_large(what_zh: str, what_en: str, value: int, cap: int, option: str, *, path: str) -> TooLarge:
    """One wording for every cap: what, how much, the cap, and the option that raises it."""
    return TooLarge(
        f"文件过大或异常：{path} 的{what_zh}为 {value:,}，超过上限 {cap:,}。请拆分文件，或确认文件可信后调高 {option}。",
        f"File too large or abnormal: in {path}, {what_en} is {value:,}, over the limit of {cap:,}. "
        f"Split the file, or raise {option} if you trust it.",
        path=path)


def check_text(total_chars: int, limits: Limits, *, path: str) -> None:
    check_deadline(path)
    if total_chars > limits.max_text_chars:
        raise too_large("文本长度", "the text length", total_chars, limits.max_text_chars, "max_text_chars",
                        path=path)


# The running load's deadline (monotonic seconds) and its budget; a ContextVar so that loads in
# several threads (the GUI's I/O pool) each keep their own.
_DEADLINE: ContextVar[tuple[float, int] | None] = ContextVar("reviewer_load_deadline", default=None)


@contextmanager
def deadline(limits: Limits) -> Iterator[None]:
    """Within this block `check_deadline` raises once `limits.max_seconds` have passed."""
    token = _DEADLINE.set((time.monotonic() + limits.max_seconds, limits.max_seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_deadline(path: str) -> None:
    """Called between units of work (pages, parts, blocks): a file that makes parsing crawl stops here."""
    current = _DEADLINE.get()
    if current is not None and time.monotonic() > current[0]:
        budget = current[1]
        raise TooLarge(
            f"读取超时：{path} 超过 {budget} 秒仍未读完，文件过大或异常。请拆分文件，或确认文件可信后调高 max_seconds。",
            f"Reading timed out: {path} was not read within {budget} s; the file is too large or abnormal. "
            "Split the file, or raise max_seconds if you trust it.",
            path=path)

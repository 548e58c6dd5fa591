"""Error helpers shared by every reader: one wording for damaged files, cancellation.

Kept apart from `loader` (which imports the readers) so that a reader can use them at module level
without an import circle.
"""

from __future__ import annotations

from collections.abc import Callable

from reviewer.core.errors import CorruptDocument, ReviewerError


class LoadCancelled(ReviewerError):
    code = "cancelled"

    def __init__(self) -> None:
        super().__init__("已取消打开文档。", "Opening the document was cancelled.")


def check_cancelled(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise LoadCancelled()


def corrupt(path: str, detail: str) -> CorruptDocument:
    """One wording for damaged files: say so, give the detail, say what to do."""
    return CorruptDocument(
        f"文件已损坏或不完整：{path}（{detail}）。请向来源索取完整文件，或用 Word/WPS 打开后另存一份再审查。",
        f"Corrupt or incomplete file: {path} ({detail}). Get a complete copy from the source, or open it in "
        "Word/WPS, save a new copy and review that.", path=path)

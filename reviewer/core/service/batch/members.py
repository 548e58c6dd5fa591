"""A batch item as a file to open in the app: the file itself, or its archive member extracted again.

The batch kept where each document came from (the file, or the archive and the member path inside it,
nested archives too). Opening one in the app needs the original bytes: a member is extracted (with the
same caps as the batch) into a private folder the caller owns, and checked against the sha256 the batch
recorded, so the app never shows a different file than the one the batch examined.
"""

from __future__ import annotations

import hashlib
import shutil
from contextlib import ExitStack
from pathlib import Path

from reviewer.core.documents.archive import extracted
from reviewer.core.errors import ReviewerError
from reviewer.core.service.batch.jobs import Item


class ItemUnavailable(ReviewerError):
    code = "batch_item_unavailable"


def _check(path: Path, item: Item) -> Path:
    if item.sha256 is not None and hashlib.sha256(path.read_bytes()).hexdigest() != item.sha256:
        raise ItemUnavailable(
            f"{item.key} 在批量审查之后被改动过。请重新运行批量审查。",
            f"{item.key} changed after the batch examined it. Run the batch again.",
        )
    return path


def item_file(item: Item, folder: Path) -> Path:
    """The item's bytes as a file: its own path, or the member extracted into `folder`."""
    source = Path(item.source)
    if not source.is_file():
        raise ItemUnavailable(
            f"找不到 {source}（批量审查时它在这里）。请把文件放回原处或重新运行批量审查。",
            f"{source} is no longer there (it was when the batch ran). Put it back or run the batch again.",
        )
    if not item.member:
        return _check(source, item)
    parts = item.member.split("!/")
    with ExitStack() as stack:
        current = source
        for depth, name in enumerate(parts):
            members = {m.name: m for m in stack.enter_context(extracted(current))}
            member = members.get(name)
            if member is None or member.path is None:
                raise ItemUnavailable(
                    f"压缩包中已没有 {item.key}。请重新运行批量审查。",
                    f"{item.key} is no longer in its archive. Run the batch again.",
                )
            current = member.path
            if depth == len(parts) - 1:
                target = folder / f"item-{item.id}" / Path(name).name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(current, target)
                return _check(target, item)
    raise AssertionError("unreachable")

"""The files of a batch: folders walked recursively, zip/7z archives opened (nested up to three deep).

Every input becomes an `Entry` with a stable key (the absolute path, `ARCHIVE!/member` inside an
archive) and the sha256 of its bytes, in a stable order, so a second run of the same command finds the
same entries. Archive members are extracted by documents/archive.py into private temporary folders that
live as long as the `inputs(...)` block; members the archive reader refused are entries with a reason.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.documents.archive import archive_kind, extracted
from reviewer.core.errors import ReviewerError

# The same lists as `reviewer scan` (tests/core/service/batch/test_formats.py keeps them equal)
DOCUMENT_SUFFIXES = frozenset(
    {".docx", ".pdf", ".txt", ".ofd", ".doc", ".wps", ".rtf", ".odt", ".html", ".htm", ".mht", ".mhtml"}
    | {".png", ".jpg", ".jpeg", ".tif", ".tiff"}  # pictures: read by OCR
    | {".xlsx", ".xlsm", ".xltx", ".xls", ".et", ".ett"}  # workbooks
)
# Office files we cannot read are still inputs: each is a refused file in the report, so an unreviewed
# file is never skipped silently (as `reviewer scan` does; .xlsb is refused with its own message).
OFFICE_SUFFIXES = frozenset({".docm", ".dotx", ".dot", ".xlsb", ".ods", ".ppt", ".pptx", ".dps", ".csv"})
ARCHIVE_SUFFIXES = frozenset({".zip", ".7z"})
INPUT_SUFFIXES = DOCUMENT_SUFFIXES | OFFICE_SUFFIXES | ARCHIVE_SUFFIXES
MAX_ARCHIVE_DEPTH = 3


@dataclass(frozen=True, slots=True)
class Entry:
    key: str  # as shown in reports: the absolute path, or ARCHIVE!/member (nested: A!/b.zip!/c.docx)
    source: str  # the file found, or the outermost archive
    member: str  # the path inside the archive(s), "" for a plain file
    path: Path | None  # where the bytes are now (None: refused before extraction)
    sha256: str | None
    size: int
    refused: str = ""  # bilingual one-line reason when the entry cannot be read at all


class SourceMissing(ReviewerError):
    code = "batch_source_missing"

    def __init__(self, path: str) -> None:
        super().__init__(f"找不到 {path}。请检查路径。", f"{path} does not exist. Check the path.", path=path)


def source_paths(sources: Sequence[str | Path]) -> list[Path]:
    """The sources as absolute paths (refusing a missing one: a typo must not make an empty batch)."""
    out = []
    for raw in sources:
        p = Path(raw).expanduser()
        if not p.exists():
            raise SourceMissing(str(raw))
        out.append(p.resolve())
    return out


def _files(p: Path) -> list[Path]:
    if p.is_dir():
        return sorted(
            f
            for f in p.rglob("*")
            if f.is_file() and not f.is_symlink() and f.suffix.lower() in INPUT_SUFFIXES
        )
    return [p]


def _digest(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


@contextmanager
def inputs(sources: Sequence[str | Path]) -> Iterator[list[Entry]]:
    """Every entry of the sources; extracted members exist until the block ends."""
    with ExitStack() as stack:
        entries: list[Entry] = []

        def add(path: Path, key: str, source: str, member: str, depth: int) -> None:
            if depth < MAX_ARCHIVE_DEPTH and archive_kind(path) is not None:
                try:
                    members = stack.enter_context(extracted(path))
                except ReviewerError as exc:
                    entries.append(Entry(key, source, member, None, None, 0, str(exc)))
                    return
                for m in sorted(members, key=lambda m: m.name):
                    inner = f"{member}!/{m.name}" if member else m.name
                    where = f"{key}!/{m.name}"
                    if m.path is None:
                        entries.append(Entry(where, source, inner, None, None, 0, m.refused))
                    elif m.path.suffix.lower() in INPUT_SUFFIXES:
                        add(m.path, where, source, inner, depth + 1)
                return
            try:
                sha256, size = _digest(path)
            except OSError as exc:
                entries.append(
                    Entry(
                        key,
                        source,
                        member,
                        None,
                        None,
                        0,
                        f"无法读取（{exc.strerror}） / cannot be read ({exc.strerror})",
                    )
                )
                return
            entries.append(Entry(key, source, member, path, sha256, size))

        for root in source_paths(sources):
            for f in _files(root):
                add(f, str(f), str(f), "", 0)
        yield entries

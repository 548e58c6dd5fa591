"""Atomic file writes: a temporary file in the target folder, fsync, then rename.

Every writer (exports, review logs, settings) goes through this so that a crash, a kill -9 or a full
disk never leaves a half-written file in place, and the input is never opened for writing.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from reviewer.core.errors import ReviewerError


class WriteFailed(ReviewerError):
    code = "write_failed"


@contextlib.contextmanager
def atomic_path(target: str | Path, *, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path next to `target`; on success it is fsynced and renamed over `target`.

    On any exception the temporary file is removed and nothing appears at `target`. A full disk
    (ENOSPC) or a read-only folder becomes a `WriteFailed` with a message saying what to do.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    _remove_stale(folder, target.name)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix or ".part", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(folder)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _write_error(target, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


STALE_SECONDS = 3600


def _remove_stale(folder: Path, name: str) -> None:
    """Temporary files of this target left by a killed writer (older than an hour: never a live one)."""
    now = time.time()
    for old in folder.glob(f".{glob.escape(name)}.*"):
        with contextlib.suppress(OSError):
            if old.is_file() and now - old.stat().st_mtime > STALE_SECONDS:
                old.unlink()


def write_bytes_atomic(target: str | Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_error(target: Path, exc: OSError) -> WriteFailed:
    if exc.errno == errno.ENOSPC:
        return WriteFailed(f"磁盘空间不足，未写入 {target.name}（未留下不完整的文件）。请释放空间后重试。",
                           f"Disk full: {target.name} was not written (no partial file left). Free some space and retry.",
                           path=str(target))
    if exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
        return WriteFailed(f"没有写入权限：{target.parent}。请选择其他保存位置。",
                           f"No permission to write in {target.parent}. Choose another location.", path=str(target))
    return WriteFailed(f"写入 {target.name} 失败：{exc.strerror}。未留下不完整的文件。",
                       f"Writing {target.name} failed: {exc.strerror}. No partial file was left.", path=str(target))

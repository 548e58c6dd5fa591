import errno
import os

import pytest

from reviewer.core.atomic import WriteFailed, atomic_path, write_bytes_atomic


def test_write_replaces_target_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


def test_exception_inside_leaves_target_untouched(tmp_path):
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("writer failed")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


def test_disk_full_is_a_clear_error_and_nothing_half_written(tmp_path, monkeypatch):
    target = tmp_path / "export.docx"
    real_fsync = os.fsync

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(WriteFailed) as info:
        write_bytes_atomic(target, b"x" * 1000)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert "磁盘空间不足" in info.value.message_zh and "Disk full" in info.value.message_en
    assert list(tmp_path.iterdir()) == []


def test_a_killed_writers_old_temporary_file_is_removed_but_a_fresh_one_is_kept(tmp_path):
    target = tmp_path / "out.docx"
    stale = tmp_path / ".out.docx.abc123.docx.part"
    fresh = tmp_path / ".out.docx.def456.docx.part"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"being written")
    old = os.stat(stale).st_mtime - 2 * 3600
    os.utime(stale, (old, old))
    write_bytes_atomic(target, b"done")
    assert not stale.exists() and fresh.exists() and target.read_bytes() == b"done"

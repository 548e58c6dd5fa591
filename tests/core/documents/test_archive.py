"""Archives a reviewer receives: zip (GBK and CP437 names, traversal, links, bombs) and 7z, scanned as folders."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

from reviewer.core.documents.archive import ArchiveLimits, archive_kind, extracted
from tests.core.documents.conftest import DATA, PLANTED


def _raw_zip(path: Path, members: list[tuple[bytes, bytes, int]]) -> None:
    """Members with raw name bytes and no UTF-8 flag (as Windows' zip tools write GBK names); external attrs."""
    placeholders = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, (name, data, mode) in enumerate(members):
            placeholder = f"@{i:02d}".encode().ljust(len(name), b"_")  # ASCII now, the raw bytes patched in below
            placeholders.append((placeholder, name))
            info = zipfile.ZipInfo(placeholder.decode())
            info.external_attr = mode << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    raw = path.read_bytes()
    for placeholder, name in placeholders:
        raw = raw.replace(placeholder, name)  # local header and central directory: zipfile would flag UTF-8
    path.write_bytes(raw)


def test_names_traversal_links_and_bombs(tmp_path):
    path = tmp_path / "received.zip"
    _raw_zip(path, [
        ("申请材料/申请书.txt".encode("gbk"), (DATA / "utf8.txt").read_bytes(), stat.S_IFREG | 0o644),
        ("caf\u00e9.txt".encode("cp437"), b"latin", stat.S_IFREG | 0o644),
        (b"../../evil.txt", b"x", stat.S_IFREG | 0o644),
        (b"/etc/evil.txt", b"x", stat.S_IFREG | 0o644),
        (b"link.txt", b"/etc/passwd", stat.S_IFLNK | 0o777),
        (b"bomb.txt", b"0" * (8 * 1024 * 1024), stat.S_IFREG | 0o644),
    ])
    assert archive_kind(path) == "zip" and archive_kind(DATA / "planted.docx") is None
    with extracted(path, ArchiveLimits(max_ratio=100)) as members:
        by_name = {m.name: m for m in members}
        folder = by_name["申请材料/申请书.txt"].path.parents[1]
        assert by_name["申请材料/申请书.txt"].path.read_bytes() == (DATA / "utf8.txt").read_bytes()
        assert by_name["café.txt"].path.read_bytes() == b"latin"
        assert "path traversal" in by_name["../../evil.txt"].refused and "path traversal" in by_name["/etc/evil.txt"].refused
        assert "link" in by_name["link.txt"].refused and "zip bomb" in by_name["bomb.txt"].refused
        assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == ["café.txt", "申请书.txt"]
    assert not folder.exists()  # removed afterwards
    assert not (tmp_path.parent / "evil.txt").exists()


def test_scan_an_archive_with_member_paths(tmp_path):
    import py7zr

    inner = tmp_path / "inner.7z"
    with py7zr.SevenZipFile(inner, "w") as archive:
        archive.write(DATA / "reportlab-cjk.pdf", "附件/报告.pdf")
    outer = tmp_path / "来文.zip"
    with zipfile.ZipFile(outer, "w") as zf:
        zf.write(DATA / "utf8.txt", "材料/名单.txt")
        zf.write(inner, "inner.7z")
        zf.writestr("design.psd", b"8BPS\x00\x01")  # not a document: skipped as in a folder
    result = subprocess.run([sys.executable, "-m", "reviewer", "scan", str(outer)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    paths = {r["path"] for r in records}
    assert f"{outer}!/材料/名单.txt" in paths and f"{outer}!/inner.7z!/附件/报告.pdf" in paths
    assert {PLANTED["txt_id"], PLANTED["pdf_page2"]} <= {r["text"] for r in records}


def test_a_refused_member_is_one_line_and_exit_1(tmp_path):
    path = tmp_path / "bad.zip"
    _raw_zip(path, [(b"../x.txt", b"x", stat.S_IFREG | 0o644)])
    result = subprocess.run([sys.executable, "-m", "reviewer", "scan", str(path)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{path}!/../x.txt: ") and "path traversal" in line and "路径穿越" in line

"""kill -9 and a full disk during `reviewer redact`: the input is untouched, no partial output sits at the
output path, and the workspace's audit chain still verifies.

Both go through the real CLI in a subprocess (`python -m reviewer redact ... --workspace DIR`) on a
generated docx large enough that the export takes seconds. SIGKILL lands at random moments after the
export's temporary file appears (a fixed seed). A full disk is a 200 KB tmpfs mounted for the test
(we are root in CI); where mounting is not allowed, and in a second test always, `os.fsync` fails
with ENOSPC in the child, as it does on filesystems that allocate space at flush time.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.core.documents import load_document

ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "root-password-1\n"
KILL_ROUNDS = 3


def _big_docx(path: Path, paragraphs: int = 80, seed: int = 7) -> list[str]:
    """A roster-like decision with a phone number a paragraph; returns the phone numbers."""
    from docx import Document

    rng = random.Random(seed)
    surnames, given = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"
    doc = Document()
    doc.add_heading("行政处罚决定书汇编", 1)
    phones = []
    for k in range(paragraphs):
        name = rng.choice(surnames) + rng.choice(given) + rng.choice(given)
        phone = rng.choice(("138", "139", "186", "135", "158", "189")) + "".join(
            rng.choice("0123456789") for _ in range(8))
        phones.append(phone)
        doc.add_paragraph(f"第{k + 1}号：当事人{name}，联系电话{phone}，住所地北京市朝阳区建国路{k + 1}号。"
                          "经查，当事人存在未按规定公示信息的违法行为，现依法作出行政处罚决定。")
    doc.save(path)
    return phones


def _cli(*args: str, stdin: str = "", prelude: str = "") -> subprocess.CompletedProcess:
    code = f"{prelude}\nimport sys\nfrom reviewer.cli import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, timeout=600, check=False)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def setup(tmp_path):
    source = tmp_path / "in" / "roster.docx"
    source.parent.mkdir()
    phones = _big_docx(source)
    workspace = tmp_path / "ws"
    init = _cli("workspace", "init", "--admin", "root", "--password-stdin", "--workspace", str(workspace),
                stdin=PASSWORD)
    assert init.returncode == 0, init.stderr
    return source, phones, workspace


def _audit_ok(workspace: Path) -> None:
    verified = _cli("audit", "verify", "--workspace", str(workspace))
    assert verified.returncode == 0, verified.stdout + verified.stderr


def _assert_complete_and_clean(output: Path, phones: list[str]) -> None:
    text = load_document(output).text
    assert "行政处罚决定书汇编" in text and not [p for p in phones if p in text]


def _redact_until_export(source: Path, output: Path, workspace: Path) -> tuple[subprocess.Popen, float]:
    """Start `reviewer redact`; return once its export's temporary file exists (or it ended)."""
    proc = subprocess.Popen([sys.executable, "-m", "reviewer", "redact", str(source), "-o", str(output),
                             "--workspace", str(workspace)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while proc.poll() is None and not list(output.parent.glob(f".{output.name}.*")):
        assert time.monotonic() < deadline, "the export never started"
        time.sleep(0.002)
    return proc, time.monotonic()


@pytest.mark.slow
def test_kill_9_during_export_leaves_no_partial_output(setup, tmp_path):
    source, phones, workspace = setup
    before = _sha(source)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    # one export to completion: it must work, and it measures how long writing + verifying takes here
    proc, export_started = _redact_until_export(source, out_dir / "baseline.docx", workspace)
    proc.wait()
    export_seconds = time.monotonic() - export_started
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.returncode == 0, err
    _assert_complete_and_clean(out_dir / "baseline.docx", phones)
    rng = random.Random(20261128)
    killed = 0
    for round_ in range(KILL_ROUNDS):
        output = out_dir / f"clean{round_}.docx"
        proc, _ = _redact_until_export(source, output, workspace)
        time.sleep(rng.uniform(0.0, 0.9) * export_seconds)  # somewhere in writing, verifying, fsync, rename
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        err = proc.stderr.read().decode()
        proc.stderr.close()
        assert proc.returncode in (0, -signal.SIGKILL), err
        assert _sha(source) == before, "the input was modified"
        if output.exists():  # the rename happened before the kill: then it is the whole, verified file
            _assert_complete_and_clean(output, phones)
        else:
            assert proc.returncode == -signal.SIGKILL
        leftovers = [p.name for p in out_dir.iterdir() if not p.name.startswith(("clean", "baseline"))]
        assert all(name.startswith(".clean") and name.endswith(".part") for name in leftovers), leftovers
        _audit_ok(workspace)  # and the next round's import and export go through the same workspace
    assert killed >= 2, f"the kills should mostly land inside the export ({export_seconds:.2f} s here)"


def _mount_tiny_tmpfs(folder: Path, size: str = "200k") -> bool:
    folder.mkdir()
    if os.geteuid() != 0:
        return False
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    return mounted.returncode == 0


# the export's temporary file (".clean.docx.XXXX.docx.part") fails at fsync; the workspace on another disk does not
_FSYNC_ENOSPC = """
import errno, os
_fsync = os.fsync
def _full(fd):
    if os.readlink(f"/proc/self/fd/{fd}").endswith(".docx.part"):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return _fsync(fd)
os.fsync = _full
"""


def _enospc_export(source: Path, phones: list[str], workspace: Path, folder: Path, prelude: str) -> None:
    before = _sha(source)
    output = folder / "clean.docx"
    result = _cli("redact", str(source), "-o", str(output), "--workspace", str(workspace), prelude=prelude)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Disk full" in result.stderr and "磁盘空间不足" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not output.exists()
    assert [p.name for p in folder.iterdir() if p.name != "filler"] == []  # no temporary file left either
    assert _sha(source) == before
    _audit_ok(workspace)


@pytest.mark.slow
def test_disk_full_during_export(setup, tmp_path):
    """A really full disk (tiny tmpfs) when we may mount one; ENOSPC at the export's fsync always."""
    source, phones, workspace = setup
    folder = tmp_path / "full"
    if _mount_tiny_tmpfs(folder):
        try:
            (folder / "filler").write_bytes(b"\0" * (200 * 1024 - 16 * 1024))  # 16 KB left; the copy is larger
            free = os.statvfs(folder)
            assert free.f_bavail * free.f_frsize < source.stat().st_size
            _enospc_export(source, phones, workspace, folder, prelude="")
        finally:
            subprocess.run(["umount", str(folder)], check=True)
    out = tmp_path / "out"
    out.mkdir()
    _enospc_export(source, phones, workspace, out, prelude=_FSYNC_ENOSPC)


@pytest.mark.slow
def test_workspace_on_a_full_disk(setup, tmp_path):
    """The workspace's own disk full (a 2 MB tmpfs, filled once the workspace exists; needs root): refused,
    no output, input and chain intact."""
    source, _phones, _ = setup
    before = _sha(source)
    folder = tmp_path / "full"
    if not _mount_tiny_tmpfs(folder, "2m"):  # seven migrations' workspace no longer fits in 200 KB
        raise RuntimeError("mounting a tmpfs needs root (CI runs as root)")
    try:
        full_ws = folder / "ws"
        init = _cli("workspace", "init", "--admin", "root", "--password-stdin", "--workspace", str(full_ws),
                    stdin=PASSWORD)
        assert init.returncode == 0, init.stderr
        left = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
        (folder / "filler").write_bytes(b"\0" * max(left - 4096, 0))
        output = tmp_path / "clean.docx"
        result = _cli("redact", str(source), "-o", str(output), "--workspace", str(full_ws))
        assert result.returncode == 1, result.stdout + result.stderr
        assert not output.exists() and _sha(source) == before
        (folder / "filler").unlink()
        _audit_ok(full_ws)
    finally:
        subprocess.run(["umount", str(folder)], check=True)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1

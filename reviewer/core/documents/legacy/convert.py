"""LibreOffice headless as a converter: Word 97/WPS (.doc/.wps), RTF and ODT to docx, once per file.

Each run gets a private, throw-away profile (`-env:UserInstallation`) whose registry turns macro
execution off and blocks links from untrusted documents, a HOME inside it, proxies pointed at a closed
loopback port (a linked picture cannot be fetched), and a timeout after which the whole process group
is killed. The input is copied under a fixed name with the extension of its sniffed format, so
LibreOffice picks the Word filter for a `.wps` (not Microsoft Works).

Conversions are cached per sha256 in a temporary folder for the life of the process: reading a file
for detection and again for export converts it once. The cache is removed at exit.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.errors import DocumentError

SOFFICE_ENV = "REVIEWER_SOFFICE"  # a path to soffice, or "none" to act as if LibreOffice were absent
TIMEOUT_ENV = "REVIEWER_CONVERT_TIMEOUT"
DEFAULT_TIMEOUT = 180  # seconds for one conversion (a 300-page .doc takes well under a minute)
INSTALL_HINT_ZH = "请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install -y libreoffice-writer-nogui）"
INSTALL_HINT_EN = "Install LibreOffice (Debian/Ubuntu: sudo apt-get install -y libreoffice-writer-nogui)"
_SUFFIX = {"doc": ".doc", "rtf": ".rtf", "odt": ".odt"}
_REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse">\
<value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value>\
</prop></item>
</oor:items>
"""


@dataclass(frozen=True, slots=True)
class Converted:
    docx: Path
    sha256: str  # of the docx
    tool: str
    seconds: float


def soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed (or REVIEWER_SOFFICE=none)."""
    configured = os.environ.get(SOFFICE_ENV, "").strip()
    if configured.lower() == "none":
        return None
    if configured:
        return configured if Path(configured).is_file() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


_version: dict[str, str] = {}


def version(executable: str) -> str:
    """'LibreOffice 7.4.7.2' (asked once per executable)."""
    if executable not in _version:
        try:
            out = subprocess.run([executable, "--version"], capture_output=True, text=True, timeout=60,
                                 env=_environment(Path(tempfile.gettempdir()))).stdout
            _version[executable] = " ".join(out.split()[:2]) or "LibreOffice"
        except (OSError, subprocess.TimeoutExpired):
            _version[executable] = "LibreOffice"
    return _version[executable]


_lock = threading.Lock()
_cache: dict[str, Converted] = {}
_folder: Path | None = None


def _cache_folder() -> Path:
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="reviewer-convert-"))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


def cached(sha256: str) -> Converted | None:
    """The conversion of the file with this sha256 made in this process, if its docx is still there."""
    found = _cache.get(sha256)
    return found if found is not None and found.docx.is_file() else None


def to_docx(data: bytes, sha256: str, source_format: str, path: str) -> Converted | None:
    """The docx LibreOffice makes of `data` (cached per sha256); None when LibreOffice is not installed.
    A failed or timed-out conversion is a DocumentError with what to do."""
    executable = soffice()
    if executable is None:
        return None
    with _lock:
        found = cached(sha256)
        if found is not None:
            return found
        import time

        started = time.perf_counter()
        work = Path(tempfile.mkdtemp(prefix="run-", dir=_cache_folder()))
        try:
            docx = _run(executable, data, source_format, work, path)
            target = _cache_folder() / f"{sha256}.docx"
            docx.replace(target)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        converted = Converted(target, hashlib.sha256(target.read_bytes()).hexdigest(), version(executable),
                              time.perf_counter() - started)
        _cache[sha256] = converted
        return converted


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    closed = "http://127.0.0.1:9"  # discard port: nothing listens, a fetch fails at once
    env.update(HOME=str(home), http_proxy=closed, https_proxy=closed, ftp_proxy=closed, no_proxy="",
               HTTP_PROXY=closed, HTTPS_PROXY=closed, SAL_USE_VCLPLUGIN="svp")
    return env


def _run(executable: str, data: bytes, source_format: str, work: Path, path: str) -> Path:
    profile = work / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
    source = work / f"input{_SUFFIX.get(source_format, '.doc')}"
    source.write_bytes(data)
    out = work / "out"
    out.mkdir()
    timeout = int(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT))
    command = [executable, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--norestore",
               "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML",
               "--outdir", str(out), str(source)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            env=_environment(work), cwd=work, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise DocumentError(f"LibreOffice 转换 {path} 超过 {timeout} 秒仍未完成，已中止。文件过大或异常；请用 Word/WPS 另存为 docx "
                            f"后再审查，或调高环境变量 {TIMEOUT_ENV}。",
                            f"LibreOffice did not convert {path} within {timeout} s and was stopped. The file is too "
                            f"large or abnormal; save it as docx in Word/WPS and review that, or raise {TIMEOUT_ENV}.",
                            path=path) from None
    docx = out / "input.docx"
    if proc.returncode != 0 or not docx.is_file() or docx.stat().st_size == 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
        raise DocumentError(f"LibreOffice 无法打开 {path}（{detail[0][:200]}）。文件可能已损坏或加密；请用 Word/WPS 打开后"
                            "另存为 docx 再审查。",
                            f"LibreOffice could not open {path} ({detail[0][:200]}). The file may be damaged or "
                            "encrypted; open it in Word/WPS, save it as docx and review that.", path=path)
    return docx

"""A throw-away PostgreSQL server for the store tests: loopback only, temporary data directory.

Debian's server binaries (package `postgresql`, installed by the Makefile) refuse to run as root,
so when the tests run as root the cluster is owned by and started as the `postgres` user.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


def _bindir() -> Path | None:
    root = Path("/usr/lib/postgresql")
    versions = sorted((p for p in root.glob("*/bin") if (p / "initdb").exists()), reverse=True) if root.exists() else []
    if versions:
        return versions[0]
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(*, durable: bool = False) -> Iterator[str]:
    """Start PostgreSQL on 127.0.0.1 and yield a superuser SQLAlchemy URL; stop and delete it after.

    Tests run with fsync=off (a throw-away cluster); `durable=True` keeps the server's default
    (fsync=on, synchronous_commit=on) for benchmarks that should count the disk."""
    bindir = _bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries not found: install Debian's `postgresql` package "
                           "(make test does this).")
    as_root = os.geteuid() == 0
    user = "postgres" if as_root else pwd.getpwuid(os.geteuid()).pw_name
    base = Path(tempfile.mkdtemp(prefix="reviewer-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if as_root:
        pw = pwd.getpwnam("postgres")
        for p in (base, sock):
            os.chown(p, pw.pw_uid, pw.pw_gid)

    def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
        if as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)

    port = _free_port()
    run([str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", user, "-E", "UTF8", "--no-locale"])
    run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-t", "60", "-o",
         f"-h 127.0.0.1 -p {port} -k {sock} -c fsync={'on' if durable else 'off'} -c max_connections=50",
         "start"])
    try:
        url = f"postgresql+psycopg://{user}@127.0.0.1:{port}/postgres"
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(base, ignore_errors=True)

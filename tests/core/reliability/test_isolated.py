"""The harness behind the corpus run, the fuzzer and the mutation test sees hangs and crashes as such."""

from __future__ import annotations

import os
import signal
import threading

from bench.isolated import IsolatedLoader
from tests.core.documents.conftest import DATA


def test_a_hang_is_over_time_and_the_next_file_still_loads(tmp_path):
    fifo = tmp_path / "never-written.txt"
    os.mkfifo(fifo)  # open() blocks until a writer comes: a real hang inside load_document
    with IsolatedLoader(timeout=2) as loader:
        hung = loader.load(fifo)
        assert hung.outcome == "over_time" and 2 <= hung.elapsed < 10
        after = loader.load(DATA / "planted.docx")
        assert after.outcome == "read" and loader.restarts == 1


def test_a_worker_dying_mid_file_is_a_crash_with_its_exit_status(tmp_path):
    fifo = tmp_path / "blocks.txt"
    os.mkfifo(fifo)
    with IsolatedLoader(timeout=30) as loader:
        assert loader.load(DATA / "truncated.pdf").outcome == "clean_error"
        pid = loader._proc.pid
        # a worker killed while inside a load (as by a native crash or the OOM killer)
        timer = threading.Timer(1.0, os.kill, (pid, signal.SIGKILL))
        timer.start()
        died = loader.load(fifo)
        timer.join()
        assert died.outcome == "crash" and "exit -9" in died.message and died.elapsed < 20
        assert loader.load(DATA / "planted.docx").outcome == "read" and loader.restarts == 1


def test_clean_errors_keep_their_one_line_message():
    with IsolatedLoader(timeout=30) as loader:
        result = loader.load(DATA / "encrypted-user-password.pdf")
    assert result.outcome == "clean_error" and not result.fallback
    assert "password" in result.message and "\n" not in result.message

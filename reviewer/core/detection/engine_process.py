"""The detection engine in a child process, driven from the task runner's NLP lane.

Why a process and not just a thread: spaCy and presidio hold the GIL inside long C calls (importing
and deserialising the pipeline, tokenising a long page). Run in a thread, they froze the event loop
for up to half a second (bench/gui_latency.py measured ~500 ms stalls on a 30-page PDF). In a child
process the GUI thread keeps the GIL; the NLP lane's one thread only waits on a pipe.

Protocol (pickled tuples over a `multiprocessing.connection`, authenticated with a random key passed
in the environment): parent → child `("analyze", document, options)`, `("cancel",)`; child → parent
`("ready",)`, `("progress", done, total)`, `("chunk", findings)`… then `("result", None)`, or `("error", ...)`. The child exits
when the connection closes. This module imports no Qt (the child must not load it).
"""

from __future__ import annotations

import atexit
import importlib
import os
import secrets
import subprocess
import sys
import threading
from typing import Any

from reviewer.core.errors import ReviewerError

AUTH_ENV = "REVIEWER_ENGINE_AUTHKEY"
RESULT_CHUNK = 50  # findings per message: each unpickles in a few milliseconds


class EngineUnavailable(ReviewerError):
    code = "engine_unavailable"


def _crashed(detail: str) -> EngineUnavailable:
    return EngineUnavailable(
        f"检测引擎意外退出（{detail}）。请重试；如反复出现，请联系管理员。",
        f"The detection engine stopped unexpectedly ({detail}). Try again; if it keeps "
        "happening, contact the administrator.",
    )


def _pack_error(exc: BaseException) -> tuple:
    if isinstance(exc, ReviewerError):
        return (
            "error",
            type(exc).__module__,
            type(exc).__qualname__,
            exc.message_zh,
            exc.message_en,
            exc.path,
        )
    return ("error", "", type(exc).__name__, "", repr(exc), None)


def _unpack_error(msg: tuple) -> BaseException:
    _, module, name, zh, en, path = msg
    if module:
        try:
            cls = getattr(importlib.import_module(module), name)
            return cls(zh, en, path=path)
        except Exception:  # noqa: BLE001 - a subclass with another signature: keep the messages
            error = ReviewerError(zh, en, path=path)
            error.code = getattr(cls, "code", "error") if "cls" in locals() else "error"
            return error
    return _crashed(f"{name}: {en}")


class EngineProcess:
    """One engine child per GUI process; `start` and `analyze` are called on the NLP lane only."""

    def __init__(self) -> None:
        self._conn = None
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()
        atexit.register(self.close)

    def start(self) -> None:
        with self._lock:
            if self._proc is not None and self._proc.poll() is None:
                return
            from multiprocessing.connection import Listener

            key = secrets.token_bytes(32)
            with Listener(authkey=key) as listener:
                env = dict(os.environ, **{AUTH_ENV: key.hex()})
                self._proc = subprocess.Popen(
                    [sys.executable, "-m", "reviewer.core.detection.engine_process", str(listener.address)], env=env
                )
                self._conn = listener.accept()
            msg = self._conn.recv()
            if msg[0] != "ready":
                raise _unpack_error(msg)

    def analyze(self, document, *, progress=None, cancelled=None, **options: Any):
        self.start()
        conn = self._conn
        conn.send(("analyze", document, options))
        cancel_sent = False
        findings: list = []
        while True:
            if conn.poll(0.05):
                try:
                    msg = conn.recv()
                except EOFError:
                    raise _crashed("EOF") from None
                if msg[0] == "progress":
                    if progress is not None:
                        progress(msg[1], msg[2])
                elif msg[0] == "chunk":
                    findings.extend(msg[1])
                elif msg[0] == "result":
                    return findings
                else:
                    raise _unpack_error(msg)
            elif self._proc is not None and self._proc.poll() is not None:
                raise _crashed(f"exit code {self._proc.returncode}")
            if not cancel_sent and cancelled is not None and cancelled():
                conn.send(("cancel",))
                cancel_sent = True

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except OSError:
                pass
            self._conn = None
        if self._proc is not None:
            try:
                self._proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self._proc.kill()
            self._proc = None


_ENGINE: EngineProcess | None = None


def shared_engine() -> EngineProcess:
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = EngineProcess()
    return _ENGINE


def _serve(address: str) -> None:  # the child
    from multiprocessing.connection import Client

    if hasattr(os, "nice"):
        os.nice(5)  # batch work: on a busy machine the reviewer's window gets the CPU first

    conn = Client(address, authkey=bytes.fromhex(os.environ.pop(AUTH_ENV)))
    try:
        from reviewer.core import detection
        from reviewer.core.detection.analyze import warm_up
        from reviewer.core.detection.engine import get_engine

        warm_up(get_engine())  # the first document then runs at full speed
        conn.send(("ready",))
    except BaseException as exc:  # noqa: BLE001 - reported to the GUI as an error dialog
        conn.send(_pack_error(exc))
        return
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return  # the GUI closed the connection (or died)
        if msg[0] != "analyze":
            continue
        _, document, options = msg
        state = {"cancelled": False}

        def cancelled(state=state) -> bool:
            while not state["cancelled"] and conn.poll():
                state["cancelled"] = conn.recv()[0] == "cancel"
            return state["cancelled"]

        try:
            findings = detection.analyze(
                document, progress=lambda d, t: conn.send(("progress", d, t)), cancelled=cancelled, **options
            )
            for i in range(0, len(findings), RESULT_CHUNK):  # small messages: the GUI process unpickles
                conn.send(("chunk", findings[i : i + RESULT_CHUNK]))  # each one without holding the GIL long
            conn.send(("result", None))
        except (EOFError, OSError, BrokenPipeError):
            return
        except BaseException as exc:  # noqa: BLE001
            conn.send(_pack_error(exc))


if __name__ == "__main__":
    _serve(sys.argv[1])

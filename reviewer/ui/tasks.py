"""Background work for the GUI: one single-thread lane for the NLP engine, a pool for file I/O.

The core is plain and synchronous; the UI never calls a slow core function on the GUI thread. A task
is a function `fn(progress, cancelled)` where `progress(done, total)` and `cancelled() -> bool` are
plain callables, exactly what the core's long functions accept. spaCy/presidio are used by one thread
at a time, so every NLP call goes through the `NLP` lane (a pool with one thread); readers, writers and
page rendering go through the `IO` pool. Results come back on the GUI thread through queued signals.

Progress is throttled (at most one signal per 50 ms per task) so that a chatty core cannot flood the
event loop, which is what keeps the GUI responsive while detection runs on a 300-page PDF. While a
runner exists, Python's cyclic garbage collection runs on the GUI thread only (see `gui_gc`).
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reviewer.ui.gui_gc import collector

PROGRESS_INTERVAL_S = 0.05


class Lane(StrEnum):
    NLP = "nlp"  # single thread: the detection engine (spaCy is not shared between threads)
    IO = "io"  # a pool: reading, writing, rendering


class Cancelled(Exception):
    """Raised inside a task (by `check_cancelled`) to stop it; reported as a cancellation, not an error."""


@dataclass(frozen=True, slots=True)
class TaskInfo:
    id: int
    label: str
    lane: Lane
    cancellable: bool


class _Signals(QObject):
    progressed = Signal(int, int, int)  # task id, done, total
    succeeded = Signal(int, object)
    failed = Signal(int, object)
    was_cancelled = Signal(int)


class TaskHandle:
    """What `TaskRunner.submit` returns: cancel it, or ask whether it is still running."""

    def __init__(self, info: TaskInfo, *, result_wins: bool = False) -> None:
        self.info = info
        self._cancel = threading.Event()
        self.done = False
        # the task stops by raising when it sees the flag, and a result it returns is a fact (an export
        # that got past verification is written): report it, even if Cancel came too late to stop it
        self.result_wins = result_wins

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class _Runnable(QRunnable):
    def __init__(self, handle: TaskHandle, fn: Callable[..., Any], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._handle = handle
        self._fn = fn
        self._signals = signals
        self._last_progress = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        self._signals.progressed.emit(self._handle.info.id, int(done), int(total))

    def run(self) -> None:  # worker thread
        task_id = self._handle.info.id
        if self._handle.is_cancelled():
            self._signals.was_cancelled.emit(task_id)
            return
        try:
            result = self._fn(self._progress, self._handle.is_cancelled)
        except Cancelled:
            self._signals.was_cancelled.emit(task_id)
        except BaseException as exc:  # noqa: BLE001 - every failure is reported to the GUI thread
            if self._handle.is_cancelled():
                self._signals.was_cancelled.emit(task_id)
            else:
                self._signals.failed.emit(task_id, exc)
        else:
            if self._handle.is_cancelled() and not self._handle.result_wins:
                self._signals.was_cancelled.emit(task_id)
            else:
                self._signals.succeeded.emit(task_id, result)


class TaskRunner(QObject):
    """Runs core functions off the GUI thread and reports back on it.

    Signals (GUI thread): `task_started(TaskInfo)`, `task_progressed(TaskInfo, done, total)`,
    `task_finished(TaskInfo)` (after success, failure or cancellation) and `busy_changed(bool)`.
    """

    task_started = Signal(object)
    task_progressed = Signal(object, int, int)
    task_finished = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, io_threads: int = 2) -> None:
        super().__init__(parent)
        self._pools = {Lane.NLP: QThreadPool(self), Lane.IO: QThreadPool(self)}
        self._pools[Lane.NLP].setMaxThreadCount(1)
        self._pools[Lane.IO].setMaxThreadCount(max(1, io_threads))
        self._signals = _Signals()
        self._signals.progressed.connect(self._on_worker_progressed)
        self._signals.succeeded.connect(self._on_worker_succeeded)
        self._signals.failed.connect(self._on_worker_failed)
        self._signals.was_cancelled.connect(self._on_worker_cancelled)
        self._ids = itertools.count(1)
        self._running: dict[int, tuple[TaskHandle, Callable | None, Callable | None, Callable | None]] = {}
        # Workers run Python beside the GUI thread: cyclic collection must stay on the GUI thread.
        gc_owner = collector()
        if gc_owner is not None:
            gc_owner.hold()
            self.destroyed.connect(gc_owner.release)

    # -- public -------------------------------------------------------------------------------------
    def submit(
        self,
        fn: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
        *,
        lane: Lane = Lane.IO,
        label: str = "",
        cancellable: bool = True,
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        owner: QObject | None = None,
        result_wins: bool = False,
    ) -> TaskHandle:
        """Queue `fn(progress, cancelled)` on `lane`; callbacks run on the GUI thread.

        With an `owner`, the callbacks are dropped (and the task asked to cancel) once the owner is
        destroyed, so a result never reaches a closed window.
        """
        info = TaskInfo(next(self._ids), label, Lane(lane), cancellable)
        handle = TaskHandle(info, result_wins=result_wins)
        was_idle = not self._running
        self._running[info.id] = (handle, on_success, on_error, on_cancel)
        if owner is not None:
            owner.destroyed.connect(lambda *_: self._orphan(info.id))
        self.task_started.emit(info)
        if was_idle:
            self.busy_changed.emit(True)
        self._pools[info.lane].start(_Runnable(handle, fn, self._signals))
        return handle

    def _orphan(self, task_id: int) -> None:
        entry = self._running.get(task_id)
        if entry is not None:
            entry[0].cancel()
            self._running[task_id] = (entry[0], None, None, None)

    def running(self) -> list[TaskInfo]:
        return [h.info for h, *_ in self._running.values()]

    def cancel_all(self) -> None:
        for handle, *_ in self._running.values():
            if handle.info.cancellable:
                handle.cancel()

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Block until both pools are idle (shutdown and tests only: never call from a slot)."""
        return all(pool.waitForDone(msecs) for pool in self._pools.values())

    # -- worker results, on the GUI thread ---------------------------------------------------------
    def _on_worker_progressed(self, task_id: int, done: int, total: int) -> None:
        entry = self._running.get(task_id)
        if entry is not None:
            self.task_progressed.emit(entry[0].info, done, total)

    def _finish(self, task_id: int):
        entry = self._running.pop(task_id, None)
        if entry is None:
            return None
        entry[0].done = True
        self.task_finished.emit(entry[0].info)
        if not self._running:
            self.busy_changed.emit(False)
        return entry

    def _on_worker_succeeded(self, task_id: int, result: object) -> None:
        entry = self._finish(task_id)
        if entry and entry[1]:
            entry[1](result)

    def _on_worker_failed(self, task_id: int, error: object) -> None:
        entry = self._finish(task_id)
        if entry and entry[2]:
            entry[2](error)

    def _on_worker_cancelled(self, task_id: int) -> None:
        entry = self._finish(task_id)
        if entry and entry[3]:
            entry[3]()

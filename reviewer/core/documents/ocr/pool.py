"""OCR in helper processes, one per core, with the cache in front and progress and cancel per image.

Why processes: recognition is onnxruntime between Python steps (cropping, decoding, box geometry), and
one onnxruntime thread per process keeps both cores busy without oversubscribing them (the detection
helper and the PDF page helper are idle while a document is being opened). The helpers are spawned on
first use (nothing of the parent's threads or locks is inherited), load the engine once and are kept for
the process lifetime; they take turns at detection (the memory peak of a page, `set_detection_gate`) while
recognition runs on both. The parent makes each image only when it is about to be sent (a rendered A4 page at
300 dpi is 26 MB), keeps at most one more image in flight than there are helpers, and writes every
result to the cache as it arrives. `REVIEWER_OCR_WORKERS=0` reads in this process instead.
As with every helper of ours, a script that opens scans needs the `if __name__ == "__main__":` guard.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from reviewer.core.documents.errors import check_cancelled
from reviewer.core.documents.ocr import cache
from reviewer.core.documents.ocr.engine import OcrLine, engine_name, get_engine

_POLL = 0.05  # seconds between cancellation checks while waiting for a helper
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


@dataclass(frozen=True, slots=True)
class Job:
    """One image to read: `source` names it for the cache (None: never cached, as for verification);
    `image()` makes the pixels (an RGB or grayscale uint8 array) when the job runs."""

    source: tuple[str | bytes, ...] | None
    image: Callable[[], Any]


def workers() -> int:
    raw = os.environ.get("REVIEWER_OCR_WORKERS", "").strip()
    if raw.isdigit():
        return int(raw)
    return max(1, min(2, os.cpu_count() or 1))


def _start(gate: Any) -> None:
    from reviewer.core.child import watch_parent
    from reviewer.core.documents.ocr.engine import set_detection_gate

    watch_parent()
    os.environ["OMP_NUM_THREADS"] = "1"
    set_detection_gate(gate)
    import numpy

    get_engine().recognise(numpy.full((48, 160, 3), 255, dtype=numpy.uint8))  # models loaded before work


def _read(image: Any) -> list[OcrLine]:
    return get_engine().recognise(image)


def _helpers(count: int) -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is not None and getattr(_pool, "_broken", False):
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None
        if _pool is None:
            context = multiprocessing.get_context("spawn")
            _pool = ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_start,
                                        initargs=(context.Lock(),))
        return _pool


def warm_up() -> None:
    """Start the helpers and wait until their engines are loaded (benchmarks, tests)."""
    count = workers()
    if count:
        pool = _helpers(count)
        for future in [pool.submit(os.getpid) for _ in range(count)]:
            future.result()


def shutdown() -> None:
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


atexit.register(shutdown)


def recognise_jobs(jobs: Sequence[Job], *, progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   use_cache: bool = True) -> list[list[OcrLine]]:
    """The lines of every job, in order: from the cache, else read by the helpers (or here)."""
    name = engine_name()
    keys = [cache.key(name, *job.source) if use_cache and job.source is not None else None for job in jobs]
    out: dict[int, list[OcrLine]] = {}
    for i, entry in enumerate(keys):
        if entry is not None:
            hit = cache.get(entry)
            if hit is not None:
                out[i] = hit
    total = len(jobs)

    def arrived(i: int, lines: list[OcrLine]) -> None:
        out[i] = lines
        if keys[i] is not None:
            cache.put(keys[i], lines)
        if progress is not None:
            progress(len(out), total)

    if progress is not None and out:
        progress(len(out), total)
    todo = [i for i in range(total) if i not in out]
    count = workers()
    if todo and count == 0:
        for i in todo:
            check_cancelled(cancelled)
            arrived(i, get_engine().recognise(jobs[i].image()))
    elif todo:
        _shared(jobs, todo, count, arrived, cancelled)
    return [out[i] for i in range(total)]


def _shared(jobs: Sequence[Job], todo: list[int], count: int, arrived: Callable[[int, list[OcrLine]], None],
            cancelled: Callable[[], bool] | None) -> None:
    from concurrent.futures import FIRST_COMPLETED, wait

    pool: ProcessPoolExecutor | None = _helpers(count)
    waiting = list(todo)
    running: dict[Future, int] = {}
    try:
        while waiting or running:
            check_cancelled(cancelled)
            while pool is not None and waiting and len(running) < count + 1:
                i = waiting[0]
                try:
                    running[pool.submit(_read, jobs[i].image())] = i
                except (BrokenProcessPool, RuntimeError):  # the helpers cannot start: read here
                    shutdown()
                    pool = None
                    break
                waiting.pop(0)
            if pool is None and waiting and not running:
                i = waiting.pop(0)
                arrived(i, get_engine().recognise(jobs[i].image()))
                continue
            finished, _ = wait(list(running), timeout=_POLL, return_when=FIRST_COMPLETED)
            for future in finished:
                i = running.pop(future)
                try:
                    lines = future.result()
                except BrokenProcessPool:  # a helper died (out of memory, killed): this image here
                    shutdown()
                    pool = None
                    lines = get_engine().recognise(jobs[i].image())
                arrived(i, lines)
    finally:
        for future in running:
            future.cancel()  # images a helper has started finish there and are dropped

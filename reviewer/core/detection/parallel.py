"""Helper detection processes for large documents: every core on the NER model.

Why a process: the NER pipeline is Python between its matrix products (tokens, features, decoding,
presidio's recognizers), so threads would serialise on the GIL; and two OpenBLAS threads in one process
only split the products (126k chars/s against 106k for one). Two processes with one BLAS thread each
do twice the work. The helper is started once per process (spawned, so nothing of the parent's threads
or locks is inherited; it loads its own engine in about two seconds, while the parent already works)
and kept for the process lifetime.

Work sharing: one queue, in order (the caller cuts its last chunks smaller); the helper gets at most
two chunks queued, the parent takes the next one whenever it is free, so both finish at about the same
time whatever their speeds; chunks the helper has not started when the parent runs out of work are
taken back and done here (never queued again). Results are (RecognizerResult, start, end)
in document offsets: the parent builds the findings, so each task carries only its blocks. It builds
them as results arrive, and runs its side job (restricted-content rules) while the helper works: any
work the parent does during the shared phase is shared out by the queue, work after it is not.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from presidio_analyzer import RecognizerResult

from reviewer.core.child import watch_parent
from reviewer.core.documents.model import Block

Placed = list[tuple[RecognizerResult, int, int]]
T = TypeVar("T")
QUEUED = 2  # chunks waiting per helper: enough to keep it busy, few to take back

_lock = threading.Lock()
_helpers: dict[str, ProcessPoolExecutor] = {}
_sizes: dict[str, int] = {}  # config path -> helper processes in its pool


def _start(config_path: str) -> None:
    from threadpoolctl import threadpool_limits

    watch_parent()
    threadpool_limits(1)  # two processes, one BLAS thread each
    from reviewer.core.detection.analyze import warm_up
    from reviewer.core.detection.engine import get_engine

    warm_up(get_engine(config_path))


def _run(config_path: str, blocks: Sequence[Block], context: tuple[str, ...], limit: float, ner: bool) -> Placed:
    from reviewer.core.detection.analyze import placed_chunk
    from reviewer.core.detection.engine import get_engine

    return placed_chunk(get_engine(config_path), blocks, limit, None, ner=ner, context=context)


def helper(config_path: str, workers: int = 1) -> ProcessPoolExecutor:
    """The helper processes for this configuration, started on first use."""
    with _lock:
        pool = _helpers.get(config_path)
        if pool is None or _sizes.get(config_path) != workers:
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_start, initargs=(config_path,))
            _helpers[config_path], _sizes[config_path] = pool, workers
        return pool


def warm_up(config_path: str, workers: int = 1) -> None:
    """Start the helpers and wait until their engines are loaded (benchmarks, or an app with time to spare)."""
    pool = helper(config_path, workers)
    for future in [pool.submit(os.getpid) for _ in range(workers)]:
        future.result()


def shutdown() -> None:
    with _lock:
        pools = list(_helpers.values())
        _helpers.clear()
    for pool in pools:
        pool.shutdown(wait=False, cancel_futures=True)


atexit.register(shutdown)


def run_shared(config_path: str, groups: list[tuple[list[Block], tuple[str, ...]]], limit: float, ner: bool,
               local: Callable[[list[Block], tuple[str, ...]], list[T]],
               done: Callable[[int], None], check: Callable[[], None], workers: int = 1,
               convert: Callable[[Placed], list[T]] = lambda placed: placed,  # type: ignore[assignment,return-value]
               side: Callable[[], Any] | None = None) -> list[T]:
    """Every group analysed once, by `local` in this process or by a helper (whose results pass through
    `convert`, so both give the same items); `done(n_blocks)` after each group, `check()` between groups
    (raises to cancel: queued helper work is cancelled); `side()` once here, after the helper has work."""
    pool = helper(config_path, workers)
    work = list(groups)
    queued: list[tuple[Future, list[Block], tuple[str, ...]]] = []
    out: list[T] = []

    def collect(item: tuple[Future, list[Block], tuple[str, ...]]) -> None:
        future, blocks, context = item
        try:
            out.extend(convert(future.result()))
        except BrokenProcessPool:  # the helper died: do its share here
            _forget(config_path, pool)
            out.extend(local(blocks, context))
        done(len(blocks))

    try:
        while work or queued or side is not None:
            check()
            while pool is not None and work and sum(not f.done() for f, _, _ in queued) < QUEUED * workers:
                blocks, context = work.pop(0)
                try:
                    queued.append((pool.submit(_run, config_path, blocks, context, limit, ner), blocks, context))
                except (BrokenProcessPool, RuntimeError):
                    _forget(config_path, pool)
                    pool = None
                    work.insert(0, (blocks, context))
            for item in [q for q in queued if q[0].done()]:
                queued.remove(item)
                collect(item)
            if side is not None:
                side, job = None, side
                job()
            elif work:
                blocks, context = work.pop(0)
                out.extend(local(blocks, context))
                done(len(blocks))
            elif queued:
                # out of work here: do what the helper has not started, else wait for what it has
                taken = [q for q in queued if q[0].cancel()]
                for item in taken:
                    queued.remove(item)
                    out.extend(local(item[1], item[2]))
                    done(len(item[1]))
                if not taken:
                    collect(queued.pop(0))
    finally:
        for future, _, _ in queued:
            future.cancel()
    return out


def _forget(config_path: str, pool: ProcessPoolExecutor | None) -> None:
    with _lock:
        if pool is not None and _helpers.get(config_path) is pool:
            del _helpers[config_path]
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)

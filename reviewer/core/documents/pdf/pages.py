"""A long PDF's pages parsed on both cores: this process and one helper process each read a share.

Why: pdfium is not thread-safe (every call in a process holds PDFIUM_LOCK), and parsing pages is most
of opening a PDF: of 0.5 s for the 300-page benchmark report, 0.15 s loading pages, 0.2 s their text
layers and 0.14 s the per-character boxes (one FFI call each, at the floor of the call). A second
process halves it. The helper is spawned on first use (nothing of the parent's threads or locks is
inherited) and kept; sharing follows the detection helper: this process takes chunks of pages from the
end, the helper from the front, and chunks it has not started when this process runs out are taken
back, so a helper that is still starting (or has died) costs nothing but its share of waiting. The
helper's pages are `page_block`'s own output (tests compare the two readings block for block).
As with the detection helper, a script that reads long PDFs needs the `if __name__ == "__main__":` guard:
spawn re-imports the main module in the helper (main.py and the CLI have it).
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from reviewer.core.documents.model import Block

T = TypeVar("T")

MIN_PAGES = 32  # below this the helper's round trips cost more than the pages
CHUNK = 12  # pages per task: a few milliseconds of IPC against ~20 ms of parsing
QUEUED = 2  # helper tasks in flight: enough to keep it busy, few to take back
MAX_BYTES = 64 * 2**20  # the file goes to the helper once; beyond this, copying costs more than it saves
_POLL = 0.05  # seconds between cancellation and deadline checks while waiting for the helper

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None

# in the helper: the document being read (one at a time; the parent closes it when done)
_open: tuple[str, object] | None = None


def _start() -> None:
    from reviewer.core.child import watch_parent

    watch_parent()
    import reviewer.core.documents.pdf.reader  # noqa: F401 - imported before the first task arrives


def _read(key: str, data: bytes | None, first: int, last: int) -> list[Block]:
    """In the helper: pages first..last-1 of the document `key` (its bytes come with the first task)."""
    global _open
    import pypdfium2 as pdfium

    from reviewer.core.documents.pdf.reader import page_block

    if data is not None:
        _close(None)
        _open = (key, pdfium.PdfDocument(data))
    if _open is None or _open[0] != key:
        raise LookupError("document not open in the helper")
    pdf = _open[1]
    try:
        return [page_block(pdf, index) for index in range(first, last)]  # type: ignore[arg-type]
    except pdfium.PdfiumError:
        # the parent reads this chunk itself and reports the page that fails in its own words
        raise RuntimeError("page could not be parsed") from None


def _close(key: str | None) -> None:
    """In the helper: close the document `key` (any, for None)."""
    global _open
    if _open is not None and (key is None or _open[0] == key):
        _open[1].close()  # type: ignore[attr-defined]
        _open = None


def _helper() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is not None and getattr(_pool, "_broken", False):  # a helper died: start another
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None
        if _pool is None:
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_start)
        return _pool


def submit(fn: Callable, *args: object) -> Future | None:
    """Run one task in the helper (queued before any page chunk submitted later); None when the helper
    cannot take it. `fn` is a module-level function of an importable module."""
    try:
        return _helper().submit(fn, *args)
    except (RuntimeError, BrokenProcessPool):
        return None


def warm_up() -> None:
    """Start the helper and wait until it is ready (benchmarks and tests that need a warm one)."""
    _helper().submit(_close, None).result()


def shutdown(*, kill: bool = False) -> None:
    """Stop the helper; `kill` also ends a page it is parsing (a parse that crawls past the deadline)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is None:
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    if kill:
        for process in processes:
            process.kill()


atexit.register(shutdown)


def read_pages(data: bytes, count: int, local: Callable[[int], Block],
               step: Callable[[list[Block]], None]) -> tuple[list[Block], int]:
    """Blocks of pages 0..count-1 in page order and how many of them the helper read.

    `local(index)` reads one page here (under the caller's PDFIUM_LOCK); `step(blocks)` is called with
    every page or chunk as it arrives and raises to stop (cancel, deadline, size limit): queued helper
    work is then cancelled, and a helper still parsing is stopped.
    """
    if len(data) > MAX_BYTES:
        return share_pages(count, local, None, step)
    key = uuid.uuid4().hex

    def task(first: int, last: int, first_task: bool) -> tuple[Callable, tuple]:
        return _read, (key, data if first_task else None, first, last)

    return share_pages(count, local, task, step, close=(_close, (key,)))


def share_pages(count: int, local: Callable[[int], T],
                task: Callable[[int, int, bool], tuple[Callable, tuple]] | None, step: Callable[[list[T]], None], *,
                close: tuple[Callable, tuple] | None = None, chunk: int = CHUNK) -> tuple[list[T], int]:
    """Results for pages 0..count-1 in page order, shared with the helper, and how many it produced.

    `task(first, last, first_task)` gives the picklable function and arguments that produce pages
    first..last-1 in the helper (a module-level function of an importable module); `close` is sent
    after the last chunk; `task=None` or fewer than MIN_PAGES pages: every page is made here. `chunk`:
    pages per helper task (smaller: smoother progress, a little more IPC).
    """
    if task is None or count < MIN_PAGES:
        made = []
        for index in range(count):
            item = local(index)
            step([item])
            made.append(item)
        return made, 0

    pool: ProcessPoolExecutor | None = _helper()
    chunks = [(first, min(first + chunk, count)) for first in range(0, count, chunk)]
    out: dict[int, T] = {}
    queued: list[tuple[Future, int, int]] = []
    sent = False  # whether a task went to the helper (the first may carry the file)
    helped = 0
    finished = False

    def make_here(first: int, last: int) -> None:
        for index in range(first, last):
            item = local(index)
            step([item])
            out[index] = item

    def collect(future: Future, first: int, last: int) -> None:
        nonlocal helped
        try:
            items = _result(future, step)
        except _Stop as stop:
            raise stop.reason from None
        except BrokenProcessPool:  # the helper died: this chunk here, and a new helper next time
            shutdown()
            make_here(first, last)
            return
        except Exception:  # noqa: BLE001 - it failed on a page: made here, where the error is worded
            make_here(first, last)
            return
        step(items)
        out.update(zip(range(first, last), items))
        helped += len(items)

    try:
        while chunks or queued:
            while pool is not None and chunks and sum(not f.done() for f, _, _ in queued) < QUEUED:
                first, last = chunks.pop(0)
                fn, args = task(first, last, not sent)
                try:
                    future = pool.submit(fn, *args)
                except RuntimeError:  # the helper broke down: every page is made here
                    pool = None
                    chunks.insert(0, (first, last))
                    break
                sent = True
                queued.append((future, first, last))
            for item in [q for q in queued if q[0].done()]:
                queued.remove(item)
                collect(*item)
            if chunks:
                make_here(*chunks.pop())
            elif queued:
                # out of work here: take back what the helper has not started, else wait for it
                taken = [q for q in queued if q[0].cancel()]
                for item in taken:
                    queued.remove(item)
                    make_here(item[1], item[2])
                if not taken:
                    collect(*queued.pop(0))
        finished = True
    finally:
        running = False
        for future, _, _ in queued:
            if not future.cancel() and not future.done():
                running = True
        if running and not finished:
            shutdown(kill=True)  # a page that crawls must not hold the helper for the next file
        elif pool is not None and sent and close is not None:
            try:
                pool.submit(close[0], *close[1])
            except RuntimeError:
                pass
    return [out[index] for index in range(count)], helped


class _Stop(Exception):
    def __init__(self, reason: BaseException) -> None:
        super().__init__(str(reason))
        self.reason = reason


def _result(future: Future, step: Callable[[list], None]) -> list:
    """The helper's blocks; while waiting, `step([])` runs every _POLL seconds so cancel and deadline work."""
    while True:
        try:
            return future.result(timeout=_POLL)
        except FutureTimeout:
            pass
        try:
            step([])
        except BaseException as exc:  # noqa: BLE001 - carried past the caller's fallback, re-raised there
            raise _Stop(exc) from None

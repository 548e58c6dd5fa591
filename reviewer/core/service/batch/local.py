"""A batch on one machine: N worker processes (default: one per core), the workspace as the record.

No job-queue library: the items in the workspace are the queue. The coordinator enumerates the inputs,
registers them (a second run of the same command finds its batch and skips what is final), and a thread
per worker process keeps its process one document ahead (the next one is queued while the previous result
is recorded) and records each outcome in one transaction, which also claims that next document. The
threads take turns at the workspace. Killed at any point, the next run redoes only what was not recorded.
"""

from __future__ import annotations

import os
import queue
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from reviewer.core.deidentify.profiles import load_profile
from reviewer.core.detection.terms.model import TermSet
from reviewer.core.service.batch import jobs, triage
from reviewer.core.service.batch.inputs import inputs, source_paths
from reviewer.core.service.batch.worker_process import DEFAULT_DETECTOR, Outcome, Task, WorkerProcess
from reviewer.core.service.terms import term_list_label, term_set


@dataclass(frozen=True, slots=True)
class WorkerOptions:
    processes: int = 0  # 0: one per core
    timeout: float = 600.0  # seconds per document before its process is stopped
    max_documents: int = 500  # a process is replaced after this many documents
    max_rss_mb: float = 2048.0  # ... or once its resident memory passed this
    detector: str = DEFAULT_DETECTOR
    ocr_cache: str | None = None  # where the processes keep OCR results (None: the per-user cache folder)

    def count(self) -> int:
        return self.processes or os.cpu_count() or 1

    def process(self, name: str) -> WorkerProcess:
        return WorkerProcess(
            name,
            detector=self.detector,
            timeout=self.timeout,
            max_documents=self.max_documents,
            max_rss_mb=self.max_rss_mb,
            ocr_cache=self.ocr_cache,
        )


@dataclass(frozen=True, slots=True)
class RunProgress:
    """Counts of the whole batch (earlier runs included) and the rate of this run."""

    finished: int
    total: int
    failed: int  # refused and failed so far
    rate: float  # documents per second in this run
    eta: float | None  # seconds

    @property
    def remaining(self) -> int:
        return self.total - self.finished


def worker_name(suffix: str) -> str:
    return f"{socket.gethostname()}:{os.getpid()}/{suffix}"


def batch_settings(profile: str, threshold: float | None, terms: TermSet | None = None) -> dict:
    """What a batch runs with (part of its identity: the same command with other settings is another
    batch): the profile's rules, the threshold and which term lists (version and digest, issue 33)."""
    return {
        "profile": triage.profile_rules(load_profile(profile)),
        "threshold": threshold,
        "terms": term_list_label(terms),
    }


def ocr_cache_of(ws) -> str | None:
    """A folder workspace keeps its documents' OCR results in its own folder (as `redact --workspace`)."""
    folder = ws.location.folder
    return None if folder is None else str(folder / "ocr-cache")


def record(ws, outcome: Outcome, key: str, worker: str, *, then_claim: int | None = None):
    """Write one outcome (and claim the next item in the same transaction); returns (written, next claim)."""
    if outcome.kind == "ok":
        d = outcome.document
        document = jobs.ImportedDocument(d["sha256"], key, d["format"], d["text"], d["size"])
        return jobs.record_result(
            ws,
            outcome.item_id,
            document,
            outcome.findings,
            worker=worker,
            seconds=outcome.seconds,
            note=outcome.reason,
            then_claim=then_claim,
        )
    state = jobs.REFUSED if outcome.kind == "refused" else jobs.FAILED
    return jobs.record_failure(
        ws,
        outcome.item_id,
        state,
        outcome.reason,
        worker=worker,
        seconds=outcome.seconds,
        then_claim=then_claim,
    )


def interrupted(attempts: int) -> str:
    return (
        f"处理中断了 {attempts - 1} 次（工作进程被终止），不再重试 / interrupted {attempts - 1} times "
        "(its worker was stopped each time); not retried"
    )


def final_state(outcome: Outcome) -> str:
    return {"ok": jobs.DONE, "refused": jobs.REFUSED}.get(outcome.kind, jobs.FAILED)


def run_local(
    ws,
    sources: Sequence[str],
    *,
    actor: str,
    profile: str = "general",
    threshold: float | None = None,
    options: WorkerOptions = WorkerOptions(),
    progress: Callable[[RunProgress], None] | None = None,
) -> jobs.BatchInfo:
    """Run (or resume) the batch of `sources` with worker processes on this machine."""
    paths = [str(p) for p in source_paths(sources)]
    terms = term_set(ws)  # the workspace's term lists, as the app's detection applies them
    batch, _created = jobs.open_batch(ws, paths, batch_settings(profile, threshold, terms), actor=actor)
    if options.ocr_cache is None:
        options = replace(options, ocr_cache=ocr_cache_of(ws))
    with inputs(paths) as entries:
        jobs.register(ws, batch, entries, reclaim_running=True)
        where = {e.key: e.path for e in entries if e.path is not None}
        todo = jobs.pending_items(ws, batch.id)
        state = jobs.progress(ws, batch.id)
        tasks: queue.Queue[Task] = queue.Queue()
        for it in todo:
            if it.key in where:
                tasks.put(Task(it.id, str(where[it.key]), it.key, threshold, terms or None))
            else:
                jobs.record_failure(
                    ws,
                    it.id,
                    jobs.REFUSED,
                    "文件已不在原处 / the file is no longer there",
                    worker=worker_name("coordinator"),
                    seconds=None,
                )
        _run_pool(
            ws,
            tasks,
            options,
            RunCounter(
                state.finished,
                state.total,
                sum(state.by_state.get(s, 0) for s in (jobs.FAILED, jobs.REFUSED)),
                progress,
            ),
        )
    jobs.finish(ws, batch.id)
    return jobs.get_batch(ws, batch.id)


class RunCounter:
    def __init__(
        self, finished: int, total: int, failed: int, callback: Callable[[RunProgress], None] | None
    ) -> None:
        self.finished, self.total, self.failed, self.callback = finished, total, failed, callback
        self.this_run, self.first = 0, 0.0  # the rate is counted from the first result (engines load before)
        self.lock = threading.Lock()
        self.report()

    def add(self, state: str) -> None:
        with self.lock:
            if state:
                self.finished += 1
                self.this_run += 1
                self.first = self.first or time.monotonic()
                self.failed += state in (jobs.FAILED, jobs.REFUSED)
            self.report()

    def report(self) -> None:
        if self.callback is None:
            return
        elapsed = time.monotonic() - self.first
        rate = (self.this_run - 1) / elapsed if self.this_run > 1 and elapsed > 0 else 0.0
        eta = (self.total - self.finished) / rate if rate > 0 else None
        self.callback(RunProgress(self.finished, self.total, self.failed, rate, eta))


def _run_pool(ws, tasks: queue.Queue[Task], options: WorkerOptions, counter: RunCounter) -> None:
    if tasks.empty():
        return
    processes = [options.process(str(i)) for i in range(min(options.count(), tasks.qsize()))]
    for p in processes:
        p.start()  # all engines load at once
    errors: list[BaseException] = []
    stop = threading.Event()
    # The threads' transactions queue here rather than in the database: SQLite's busy handler sleeps
    # (1, 2, 5, 10… ms) when its write lock is taken, a thread lock hands over at once.
    written_one_at_a_time = threading.Lock()

    def next_task() -> Task | None:
        try:
            return None if stop.is_set() else tasks.get_nowait()
        except queue.Empty:
            return None

    def work(process: WorkerProcess) -> None:
        """Claim, send, record. The process always has the next document queued, so it works while this
        thread records the previous result; recording also claims that next document (one commit each)."""
        name = worker_name(process.name)
        try:
            task = next_task()
            if task is None:
                return
            with written_one_at_a_time:
                jobs.claim(ws, task.item_id, name)
            process.send(task)
            while task is not None:
                following = next_task()
                if following is not None:
                    process.send(following)
                outcome = process.receive()
                then = following.item_id if following is not None else None
                with written_one_at_a_time:
                    written, _claim = record(ws, outcome, task.key, name, then_claim=then)
                counter.add(final_state(outcome) if written else "")  # "": another process recorded it
                task = following
        except BaseException as exc:  # noqa: BLE001 - handed to the coordinator thread
            errors.append(exc)
            stop.set()

    threads = [
        threading.Thread(target=work, args=(p,), name=f"batch-{p.name}", daemon=True) for p in processes
    ]
    for t in threads:
        t.start()
    try:
        for t in threads:
            while t.is_alive():
                t.join(0.2)
    except BaseException:
        # Ctrl+C: leave at once. The processes exit with this one; their documents stay `running` and the
        # next run of the same command takes them up again (stopping them here would record them failed).
        stop.set()
        raise
    for p in processes:
        p.stop(graceful=True)
    if errors:
        raise errors[0]

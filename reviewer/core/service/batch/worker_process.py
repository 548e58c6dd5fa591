"""One batch worker process: loads the engine once, reads and detects documents it is sent, one at a time.

The parent (`WorkerProcess`) is the process's keeper: it sends one document, waits for the reply, the
process's end or the time limit, and turns each into an `Outcome`. A document that crashes the process
(a reader's native library) or runs past the limit is a failed outcome with the reason, the process is
replaced, and the batch goes on. Memory stays bounded: the process ends itself after `max_documents`
documents or once its resident size passed `max_rss_mb`, and is started afresh on the next document.
Processes are spawned (nothing inherited from the parent's threads and locks) and exit with their parent.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import pickle
import signal
import time
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from typing import Any

from reviewer.core.errors import ConfigurationError, ReviewerError

DEFAULT_DETECTOR = "reviewer.core.service.batch.detect"
STARTUP_SECONDS = 600.0  # loading the engine on a loaded machine: generous, it happens once per process


@dataclass(frozen=True, slots=True)
class Task:
    item_id: int
    path: str  # where the bytes are on this machine
    key: str  # the document's name in the workspace and the report
    threshold: float | None = None
    terms: Any = None  # the batch's term lists (a TermSet; the child caches its recognizers by digest)


@dataclass(frozen=True, slots=True)
class Outcome:
    """`ok` (document fields and findings), `refused` (could not be read: the reader's reason) or `failed`
    (the process crashed or timed out, or an internal error: the reason)."""

    kind: str
    item_id: int
    seconds: float
    reason: str = ""
    document: dict[str, Any] = field(default_factory=dict)
    findings: list = field(default_factory=list)


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        try:
            import resource
        except ImportError:
            return 0.0
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # peak, KiB on Linux


def _plain(findings) -> list:  # noqa: ANN001 - findings as the parent can unpickle them
    """Findings with plain-dict locators and attributes: a detector may share one read-only mapping among
    many findings (detection/columns.py: one per column), which pickle refuses. A shared mapping stays
    shared (one dict per mapping: pickle sends it once)."""
    plain: dict[int, dict] = {}

    def as_dict(m):  # noqa: ANN001, ANN202
        if isinstance(m, dict):
            return m
        return plain.setdefault(id(m), dict(m))

    return [
        f if isinstance(f.locator, dict) and isinstance(f.attributes, dict)
        else replace(f, locator=as_dict(f.locator), attributes=as_dict(f.attributes))
        for f in findings
    ]


def child_main(
    conn: Connection, detector: str, max_documents: int, max_rss_mb: float, ocr_cache: str | None = None
) -> None:
    from reviewer.core.child import watch_parent
    from reviewer.core.documents import load_document
    from reviewer.core.documents.ocr import cache

    watch_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    # This process owns one core: scans and pictures are read by OCR here, not by helper processes of its
    # own (they would double the processes and the memory); their OCR results go to the workspace's cache.
    os.environ["REVIEWER_OCR_WORKERS"] = "0"
    if ocr_cache is not None:
        cache.use_folder(ocr_cache)
    try:
        module = importlib.import_module(detector)
        module.setup()
    except ReviewerError as exc:
        conn.send(("setup_failed", str(exc)))
        return
    conn.send(("ready", os.getpid()))
    done = 0
    while True:
        try:
            task: Task | None = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        t0 = time.perf_counter()
        try:
            document = load_document(task.path)
            findings = module.detect(document, task.threshold, terms=task.terms)
            note = ""
            if document.conversion is not None and document.conversion.output is None:
                note = f"仅提取了文字（{document.conversion.tool}） / text only ({document.conversion.tool})"
            reply = Outcome(
                "ok",
                task.item_id,
                time.perf_counter() - t0,
                note,
                {
                    "sha256": document.sha256,
                    "format": str(document.format),
                    "text": document.text,
                    "size": document.size,
                },
                _plain(findings),
            )
        except ReviewerError as exc:
            reply = Outcome(
                "refused", task.item_id, time.perf_counter() - t0, str(exc).replace(task.path, task.key)
            )
        except MemoryError:
            reply = Outcome(
                "failed",
                task.item_id,
                time.perf_counter() - t0,
                "内存不足，未能处理 / out of memory while processing it",
            )
        except Exception as exc:  # noqa: BLE001 - one document's bug must not stop the batch
            reply = Outcome(
                "failed",
                task.item_id,
                time.perf_counter() - t0,
                f"内部错误（{type(exc).__name__}） / internal error ({type(exc).__name__})",
            )
        done += 1
        recycle = done >= max_documents or _rss_mb() > max_rss_mb
        try:
            conn.send(("result", reply, recycle))
        except (TypeError, AttributeError, pickle.PicklingError) as exc:  # pickled before anything is sent
            reason = f"内部错误（{type(exc).__name__}） / internal error ({type(exc).__name__})"
            conn.send(("result", Outcome("failed", task.item_id, reply.seconds, reason), recycle))
        if recycle:
            return


class WorkerProcess:
    """The parent's side of one worker process (not thread-safe: one caller at a time)."""

    def __init__(
        self,
        name: str,
        *,
        detector: str = DEFAULT_DETECTOR,
        timeout: float = 600.0,
        max_documents: int = 500,
        max_rss_mb: float = 2048.0,
        ocr_cache: str | None = None,
    ) -> None:
        self.name, self.detector, self.timeout = name, detector, timeout
        self.max_documents, self.max_rss_mb, self.ocr_cache = max_documents, max_rss_mb, ocr_cache
        self.process: multiprocessing.process.BaseProcess | None = None
        self.conn: Connection | None = None
        self.ready = False
        self.started = 0  # processes started, for the tests and the report
        self.inflight: list[Task] = []  # sent to the process, not answered yet (oldest first)

    def start(self) -> None:
        """Start the process (the engine loads in the background while the caller goes on)."""
        if self.process is not None:
            return
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self.process = context.Process(
            target=child_main,
            name=f"reviewer-batch-{self.name}",
            daemon=True,
            args=(child, self.detector, self.max_documents, self.max_rss_mb, self.ocr_cache),
        )
        self.process.start()
        child.close()
        self.conn, self.ready = parent, False
        self.started += 1

    def _wait_ready(self) -> None:
        self.start()
        if self.ready:
            return
        if not self.conn.poll(STARTUP_SECONDS):
            self.stop()
            raise ConfigurationError(
                "批量审查的工作进程未能在规定时间内启动。请运行 reviewer doctor 检查安装。",
                "A batch worker process did not start in time. Run `reviewer doctor` to "
                "check the installation.",
            )
        try:
            message = self.conn.recv()
        except EOFError:
            code = self.process.exitcode if self.process else None
            self.stop()
            raise ConfigurationError(
                f"批量审查的工作进程启动时退出（{code}）。请运行 reviewer doctor 检查安装。",
                f"A batch worker process exited while starting ({code}). Run `reviewer "
                "doctor` to check the installation.",
            ) from None
        if message[0] != "ready":
            self.stop()
            raise ConfigurationError(*_split(message[1]))
        self.ready = True

    def send(self, task: Task) -> None:
        """Queue a document for the process: it starts as soon as the one before is done, so the process
        does not wait while its caller records the previous result."""
        self._wait_ready()
        self.inflight.append(task)
        try:
            self.conn.send(task)
        except (BrokenPipeError, OSError):
            pass  # the process is gone: `receive` reports it for the document it held

    def receive(self) -> Outcome:
        """The outcome of the oldest document sent; never raises for the document's sake. Documents
        queued behind one that crashed or timed out, or behind the last one of a process that retires
        (recycled), go to a fresh process."""
        task = self.inflight[0]
        t0 = time.perf_counter()
        ready = wait([self.conn, self.process.sentinel], timeout=self.timeout)
        if self.conn in ready:
            try:
                _tag, outcome, recycle = self.conn.recv()
            except (EOFError, OSError):
                return self._replace(self._crash_outcome(task, t0))
            self.inflight.pop(0)
            return self._replace(outcome, graceful=True) if recycle else outcome
        if ready:
            return self._replace(self._crash_outcome(task, t0))
        return self._replace(Outcome(
            "failed",
            task.item_id,
            time.perf_counter() - t0,
            f"处理超过 {self.timeout:g} 秒，已中止 / took longer than {self.timeout:g} s; stopped",
        ))

    def run(self, task: Task) -> Outcome:
        """Process one document (send, then receive)."""
        self.send(task)
        return self.receive()

    def _crash_outcome(self, task: Task, t0: float) -> Outcome:
        process = self.process
        if process is not None:
            process.join(5)
        code = process.exitcode if process is not None else None
        how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        return Outcome(
            "failed",
            task.item_id,
            time.perf_counter() - t0,
            f"处理该文档时工作进程异常退出（{how}） / the worker process ended while processing it ({how})",
        )

    def _replace(self, outcome: Outcome, *, graceful: bool = False) -> Outcome:
        """This process is done (crashed, stopped or retired): documents queued behind go to a new one."""
        waiting = [t for t in self.inflight if t.item_id != outcome.item_id]
        self.inflight = []
        self.stop(graceful=graceful)
        for t in waiting:
            self.send(t)
        return outcome

    def stop(self, *, graceful: bool = False) -> None:
        process, conn = self.process, self.conn
        self.process, self.conn, self.ready = None, None, False
        if process is None:
            return
        if graceful and process.is_alive():
            try:
                conn.send(None)
            except (BrokenPipeError, OSError):
                pass
            process.join(10)
        if process.is_alive():
            process.kill()
            process.join(5)
        if conn is not None:
            conn.close()


def _split(message: str) -> tuple[str, str]:
    zh, sep, en = message.partition(" / ")
    return (zh, en) if sep else (message, message)

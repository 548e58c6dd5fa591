"""A batch on many machines: procrastinate's job queue in the team's PostgreSQL workspace.

Why procrastinate: its jobs, locks and worker heartbeats are tables and functions in the same database
as the workspace, so nothing else has to run (no broker as Celery needs, no cluster as Ray or Dask) and
every machine that can reach the workspace can work. One job per document (`item_id`); the document's
bytes wait in `batch_contents`, so a worker needs no shared folder, only its own working folder.

Exactly once: the job's effect is the item's transaction (jobs.record_result: the document, its findings,
its audit event and the item's result together). procrastinate marks the job done in its own transaction
afterwards; a job run twice (its worker seemed dead and its job was retried) finds the item final and
writes nothing. A worker that dies mid-job stops sending heartbeats; after `stalled_after` seconds any
other worker's watcher retries its jobs through procrastinate's API (`get_stalled_jobs`, `retry_job`).
A document that crashes or stalls the engine kills only that worker's engine process (worker_process.py):
it is recorded failed with the reason and the worker goes on. Imported only by `reviewer worker` and
`reviewer batch --queue`: the single-machine path never loads it.
"""

from __future__ import annotations

import asyncio
import logging
import queue as threads_queue
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import procrastinate
from sqlalchemy.engine import make_url

from reviewer.core.review.term_lists import terms_at
from reviewer.core.service.batch import jobs
from reviewer.core.service.batch.inputs import inputs, source_paths
from reviewer.core.service.batch.local import WorkerOptions, batch_settings, interrupted, record, worker_name
from reviewer.core.service.batch.worker_process import Task, WorkerProcess
from reviewer.core.service.terms import term_set
from reviewer.core.store import dialect
from reviewer.core.store.errors import WorkspaceError

TASK_NAME = "reviewer.batch.document"
QUEUE_NAME = "reviewer-batch"
log = logging.getLogger(__name__)


def require_server(ws) -> str:
    url = ws.location.url
    if not dialect.is_postgresql(url):
        raise WorkspaceError(
            "作业队列需要团队工作区（PostgreSQL 地址）。单机批量审查请去掉 --queue。",
            "The job queue needs a team workspace (a PostgreSQL URL). For a batch on this "
            "machine, leave out --queue.",
        )
    return url


def conninfo(url: str) -> str:
    """The libpq form of a workspace URL (procrastinate's connector takes psycopg's conninfo)."""
    return (
        make_url(dialect.normalize_url(url))
        .set(drivername="postgresql")
        .render_as_string(hide_password=False)
    )


def make_app(url: str, *, pool_size: int = 4) -> procrastinate.App:
    """The queue's connections commit asynchronously (synchronous_commit=off): a job state a server crash
    loses makes a job run again, which writes nothing (the item is final) — our own results commit
    durably on the workspace's connections. That saves a disk flush per job state change."""
    connector = procrastinate.PsycopgConnector(
        conninfo=conninfo(url),
        min_size=1,
        max_size=pool_size,
        kwargs={"options": "-c synchronous_commit=off"},
    )
    return procrastinate.App(connector=connector)


def _register(app: procrastinate.App, handler=None) -> procrastinate.tasks.Task:  # noqa: ANN001
    retry = procrastinate.RetryStrategy(max_attempts=5, exponential_wait=2)  # database hiccups only

    def document(item_id: int) -> str:
        if handler is None:
            raise RuntimeError("this app only defers jobs")
        return handler(item_id)

    return app.task(document, name=TASK_NAME, queue=QUEUE_NAME, retry=retry)


def submit(
    ws, sources: Sequence[str], *, actor: str, profile: str = "general", threshold: float | None = None
) -> tuple[jobs.BatchInfo, int]:
    """Register the batch (or find it again), store the waiting documents' bytes and queue one job per
    document not queued yet; returns the batch and how many jobs were queued now."""
    url = require_server(ws)
    paths = [str(p) for p in source_paths(sources)]
    settings = batch_settings(profile, threshold, term_set(ws))  # the workspace's term lists, as of now
    batch, _created = jobs.open_batch(ws, paths, settings, actor=actor)
    with inputs(paths) as entries:
        jobs.register(ws, batch, entries, reclaim_running=False)
        where = {e.key: e.path for e in entries if e.path is not None}
        live = _live_jobs(ws)
        # never queued, or queued/running with no job left in the queue (lost with a failed job): queue them
        waiting = [
            it for it in jobs.pending_items(ws, batch.id) if it.state == jobs.PENDING or it.id not in live
        ]
        jobs.store_contents(ws, [(it, where[it.key]) for it in waiting if it.key in where])
    task = _register(make_app(url, pool_size=1))
    queued = 0
    for start in range(0, len(waiting), 500):
        with ws.write() as conn:  # the items marked queued and their jobs inserted: one transaction
            ids = jobs.mark_queued(conn, [it.id for it in waiting[start : start + 500]])
            if ids:
                task.configure(connection=conn.connection.driver_connection).batch_defer(
                    *[{"item_id": i} for i in ids]
                )
            queued += len(ids)
    return batch, queued


def _live_jobs(ws) -> set[int]:
    """Items that have a job waiting or in hand in the queue."""
    with ws.read() as conn:
        rows = (
            conn.exec_driver_sql(
                "SELECT (args->>'item_id')::bigint FROM procrastinate_jobs WHERE task_name = %(t)s "
                "AND status IN ('todo', 'doing')",
                {"t": TASK_NAME},
            )
            .scalars()
            .all()
        )
    return set(rows)


def _safe_name(key: str) -> str:
    name = key.rsplit("/", 1)[-1].rsplit("!", 1)[-1] or "document"
    return re.sub(r"[\x00-\x1f/\\:]", "_", name)[-120:]


def process_item(ws, process: WorkerProcess, item_id: int, work_dir: Path, worker: str) -> str:
    """One job: claim the item, fetch its bytes into this machine's working folder, process, record."""
    claim = jobs.claim(ws, item_id, worker)
    if claim is None:
        return "already recorded"
    item = claim.item
    if claim.attempts > jobs.MAX_ATTEMPTS:
        reason = interrupted(claim.attempts)
        jobs.record_failure(ws, item_id, jobs.FAILED, reason, worker=worker, seconds=None)
        return jobs.FAILED
    stored = jobs.content(ws, item.sha256) if item.sha256 else None
    if stored is None:
        jobs.record_failure(
            ws,
            item_id,
            jobs.FAILED,
            "文档内容不在工作区中：请重新运行同一条 batch 命令 / the "
            "document's bytes are not in the workspace: run the same batch command again",
            worker=worker,
            seconds=None,
        )
        return jobs.FAILED
    folder = Path(tempfile.mkdtemp(prefix=f"item-{item_id}-", dir=work_dir))
    try:
        path = folder / _safe_name(item.key)
        path.write_bytes(stored[1])
        settings = jobs.get_batch(ws, item.batch_id).settings
        terms = _terms(ws, (settings.get("terms") or {}).get("version", 0))
        outcome = process.run(Task(item_id, str(path), item.key, settings.get("threshold"), terms or None))
        record(ws, outcome, item.key, worker)
        return outcome.kind
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _terms(ws, version: int):  # noqa: ANN202 - the TermSet a batch runs with (the version it was queued with)
    with ws.read() as conn:
        return terms_at(conn, version) if version else None


async def _retry_stalled(app: procrastinate.App, every: float, after: float) -> None:
    """Jobs of workers whose heartbeat is older than `after` seconds go back to the queue."""
    while True:
        await asyncio.sleep(every)
        try:
            stalled = await app.job_manager.get_stalled_jobs(queue=QUEUE_NAME, seconds_since_heartbeat=after)
        except Exception:  # noqa: BLE001 - a database hiccup: try again next time
            log.warning("stalled-job check failed", exc_info=True)
            continue
        for job in stalled:
            try:
                await app.job_manager.retry_job(job)
                log.info("job %s of a stalled worker queued again", job.id)
            except Exception:  # noqa: BLE001 - another worker's watcher retried it first
                log.debug("job %s: retry refused", job.id, exc_info=True)


def run_worker(
    url: str,
    *,
    options: WorkerOptions = WorkerOptions(),
    work_dir: Path | None = None,
    heartbeat: float = 10.0,
    stalled_after: float = 60.0,
    name: str | None = None,
) -> None:
    """Work on the queue until stopped (SIGINT/SIGTERM: the jobs in hand finish first)."""
    from reviewer.core.service import open_workspace

    ws = open_workspace(url, create=False)
    require_server(ws)
    own_folder = work_dir is None
    folder = Path(tempfile.mkdtemp(prefix="reviewer-worker-")) if own_folder else Path(work_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if options.ocr_cache is None:  # this machine's OCR results, beside the documents it unpacks
        options = replace(options, ocr_cache=str(folder / "ocr-cache"))
    count = options.count()
    idle: threads_queue.Queue[WorkerProcess] = threads_queue.Queue()
    processes = [options.process(f"q{i}") for i in range(count)]
    for p in processes:
        p.start()
        idle.put(p)
    label = name or worker_name("queue")

    def handle(item_id: int) -> str:
        process = idle.get()
        try:
            return process_item(ws, process, item_id, folder, f"{label}/{process.name}")
        finally:
            idle.put(process)

    app = make_app(url, pool_size=count + 3)
    _register(app, handle)

    async def main() -> None:
        async with app.open_async():
            watcher = asyncio.create_task(_retry_stalled(app, heartbeat, stalled_after))
            try:
                await app.run_worker_async(
                    queues=[QUEUE_NAME],
                    concurrency=count,
                    name=label,
                    update_heartbeat_interval=heartbeat,
                    stalled_worker_timeout=stalled_after,
                    delete_jobs="successful",
                )
            finally:
                watcher.cancel()

    try:
        asyncio.run(main())
    finally:
        for p in processes:
            p.stop(graceful=True)
        ws.close()
        if own_folder:
            shutil.rmtree(folder, ignore_errors=True)

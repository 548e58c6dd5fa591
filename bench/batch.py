"""Batch review benchmarks (issue 31), part of `make bench`; `python -m bench.batch` runs them alone.

1. Documents per second on one machine with 1 and 2 worker processes (the real engine, generated text
   documents of a few thousand characters, a folder workspace), counted from the SKIP-th document
   recorded to the last so that loading the engines and the first records are not in the rate; the
   scaling is the ratio of the two, from the same run (best of two interleaved runs each). The load
   average before each run is printed: other people's work on the machine shows. The same pool with a
   detector that only waits (0.1 s a document) shows what the pool, the coordinator and the workspace
   recording do by themselves when cores are free.
2. The job queue's own cost per job (procrastinate on a throw-away PostgreSQL server with fsync on):
   deferring N jobs and a worker running them, against calling the same function N times directly.
"""

from __future__ import annotations

import asyncio
import os
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from bench.generate import SEED, paragraphs
from reviewer.core.service.batch.worker_process import DEFAULT_DETECTOR

# The pool's own scaling, whatever else runs on the machine: a detector that only waits (0.1 s a document)
SLEEPING = "tests.core.service.batch.light_detector"

DOCUMENTS = 400  # a few seconds per run at 2 workers: 120 gave runs of 2 s whose rates varied by a third
SKIP = 5
CHARS = 3000
JOBS = 400


def make_texts(folder: Path, n: int = DOCUMENTS) -> None:
    rng = random.Random(SEED)
    for i in range(n):
        lines, _planted = paragraphs(rng, CHARS)
        (folder / f"notice-{i:04d}.txt").write_text(
            f"关于第{i}号事项的公告\n" + "\n".join(lines) + "\n", encoding="utf-8"
        )


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def docs_per_second(folder: Path, workers: int, detector: str = DEFAULT_DETECTOR) -> dict:
    from reviewer.core.service import open_workspace
    from reviewer.core.service.batch import local

    stamps: list[float] = []
    last = [0]

    def progress(p) -> None:  # noqa: ANN001
        if p.finished > last[0]:
            stamps.extend([time.perf_counter()] * (p.finished - last[0]))
            last[0] = p.finished

    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(Path(tmp) / "ws")
        load = os.getloadavg()[0]
        t0 = time.perf_counter()
        local.run_local(
            ws,
            [str(folder)],
            actor="os:bench",
            progress=progress,
            options=local.WorkerOptions(processes=workers, detector=detector),
        )
        wall = time.perf_counter() - t0
        ws.close()
    # from the SKIP-th document recorded: the first records are slow (cold statement caches) while the
    # processes already have their next document done, which would flatter a short run
    rate = (len(stamps) - SKIP) / (stamps[-1] - stamps[SKIP - 1]) if len(stamps) > SKIP else 0.0
    return {"workers": workers, "docs": len(stamps), "rate": rate, "wall": wall, "load": load}


def _work(i: int) -> int:
    return sum(range(200)) + i


def queue_overhead(n: int = JOBS) -> dict:
    from reviewer.core.service import open_workspace
    from reviewer.core.service.batch.queue import make_app
    from tests.pgserver import running_server

    t0 = time.perf_counter()
    for i in range(n):
        _work(i)
    direct = time.perf_counter() - t0
    with running_server(durable=True) as url:
        ws = open_workspace(url)  # the workspace's migrations install the queue's tables
        app = make_app(url)  # as `reviewer batch --queue` and `reviewer worker` configure it
        task = app.task(_work, name="bench.work", queue="bench")
        t0 = time.perf_counter()
        for start in range(0, n, 500):  # as `submit` queues: batches of jobs in the workspace's transaction
            with ws.write() as conn:
                task.configure(connection=conn.connection.driver_connection).batch_defer(
                    *[{"i": i} for i in range(start, min(n, start + 500))]
                )
        defer = time.perf_counter() - t0
        ws.close()

        async def drain() -> float:
            async with app.open_async():
                nonlocal cpu
                cpu = _cpu(resource.RUSAGE_SELF)
                t1 = time.perf_counter()
                await app.run_worker_async(
                    queues=["bench"],
                    concurrency=1,
                    wait=False,
                    install_signal_handlers=False,
                    delete_jobs="successful",
                )
                elapsed = time.perf_counter() - t1
                cpu = _cpu(resource.RUSAGE_SELF) - cpu
                return elapsed

        cpu = 0.0
        run = asyncio.run(drain())
    return {
        "jobs": n,
        "direct_ms": 1000 * direct / n,
        "defer_ms": 1000 * defer / n,
        "run_ms": 1000 * run / n,
        "overhead_ms": 1000 * (defer + run - direct) / n,
        "worker_cpu_ms": 1000 * cpu / n,
        "load": os.getloadavg()[0],
    }


def lines() -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    runs: dict[int, list[dict]] = {1: [], 2: []}
    try:
        make_texts(folder)
        for workers in (1, 2, 1, 2):  # interleaved, best of two each: others' load comes and goes
            runs[workers].append(docs_per_second(folder, workers))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    one, two = (max(runs[w], key=lambda r: r["rate"]) for w in (1, 2))
    os.environ["REVIEWER_TEST_DETECT_PAUSE"] = "0.1"  # read by the sleeping detector's processes
    folder = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        make_texts(folder, 60)
        idle = {w: docs_per_second(folder, w, SLEEPING) for w in (1, 2)}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        del os.environ["REVIEWER_TEST_DETECT_PAUSE"]
    all_runs = "; ".join(
        f"{r['workers']}w {r['rate']:.2f} (load {r['load']:.1f})" for w in (1, 2) for r in runs[w]
    )
    q = queue_overhead()
    return [
        "",
        "## Batch review (issue 31), same run",
        "",
        f"{DOCUMENTS} generated text documents of about {CHARS:,} characters, the real engine, "
        "a folder workspace; "
        f"documents per second from the {SKIP}th recorded to the last (engine loading excluded), best of two "
        "interleaved runs each. "
        f"{os.cpu_count()} cores; load average before each run shown (others' work on the machine).",
        "",
        "| measure | value | baseline | ratio |",
        "|---|---|---|---|",
        f"| batch, 1 worker process (docs/s) | {one['rate']:.2f} "
        f"(wall {one['wall']:.1f} s, load {one['load']:.1f}) | | |",
        f"| batch, 2 worker processes (docs/s) | {two['rate']:.2f} "
        f"(wall {two['wall']:.1f} s, load {two['load']:.1f}) | 1 worker: {one['rate']:.2f} | "
        f"{two['rate'] / one['rate']:.2f}× measured (target ≥ 1.7× on 2 idle cores) |",
        f"| every run (docs/s) | {all_runs} | | |",
        f"| the pool alone: 60 documents, a detector that waits 0.1 s each (docs/s) | 2 workers: "
        f"{idle[2]['rate']:.2f} | 1 worker: {idle[1]['rate']:.2f} | "
        f"{idle[2]['rate'] / idle[1]['rate']:.2f}× |",
        f"| job queue cost per job (procrastinate, PostgreSQL fsync on, {q['jobs']} jobs; ms) | "
        f"{q['overhead_ms']:.2f} (defer {q['defer_ms']:.2f} + worker {q['run_ms']:.2f}, of which "
        f"{q['worker_cpu_ms']:.2f} CPU in the worker; load {q['load']:.1f}) | "
        f"a direct call: {q['direct_ms']:.4f} | target ≤ 5 ms |",
    ]


if __name__ == "__main__":
    print("\n".join(lines()))

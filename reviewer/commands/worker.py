"""`reviewer worker --workspace postgresql://…`: work on the batch job queue, on any number of machines.

Each worker runs `--processes` engine processes (default: one per core), takes one queued document per
process, records its result in the workspace and takes the next; stop it with Ctrl+C or SIGTERM (the
documents in hand are finished first). A worker that dies has its documents taken over by the others
once its heartbeat is `--stalled-after` seconds old. See `reviewer batch --queue`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workspace",
        metavar="URL",
        required=True,
        help="the team workspace: postgresql://user:password@host/db",
    )
    parser.add_argument(
        "--processes",
        type=int,
        default=0,
        metavar="N",
        help="engine processes on this machine (default: one per core)",
    )
    parser.add_argument(
        "--work-dir",
        default=None,
        metavar="DIR",
        help="where documents are unpacked while processed (default: a private temporary folder)",
    )
    from reviewer.commands.batch import add_process_limits

    add_process_limits(parser, "an engine process")
    parser.add_argument(
        "--heartbeat",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="how often this worker tells the queue it is alive (default 10)",
    )
    parser.add_argument(
        "--stalled-after",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="take over the jobs of a worker silent this long (default 60)",
    )
    parser.add_argument("--name", default=None, help="this worker's name in the workspace (default host:pid)")


def run(args: argparse.Namespace) -> int:
    from reviewer.core.service.batch.local import WorkerOptions
    from reviewer.core.service.batch.queue import run_worker

    if args.processes < 0 or args.stalled_after <= 2 * args.heartbeat:
        print(
            "--stalled-after 须大于 --heartbeat 的两倍 / --stalled-after must be more than twice --heartbeat",
            file=sys.stderr,
        )
        return 2
    options = WorkerOptions(
        processes=args.processes,
        timeout=args.timeout,
        max_documents=args.max_documents,
        max_rss_mb=args.max_memory_mb,
    )
    print("工作进程已启动，按 Ctrl+C 停止 / worker started; Ctrl+C stops it", file=sys.stderr, flush=True)
    run_worker(
        args.workspace,
        options=options,
        work_dir=Path(args.work_dir) if args.work_dir else None,
        heartbeat=args.heartbeat,
        stalled_after=args.stalled_after,
        name=args.name,
    )
    return 0

"""`reviewer batch ARCHIVE_OR_FOLDER... --workspace W [--workers N] [--profile P]`: sweep an archive.

Imports every document (folders recursively, zip/7z archives; the same bytes once), detects with the same
engine as `scan`, records each document in the workspace and writes the triage report (batch-<id>.html and
.csv). Run the same command again after a kill or a crash: what was recorded is not redone.
With `--queue` (a PostgreSQL workspace) the documents are queued for `reviewer worker` on any number of
machines; the command shows the progress and writes the report when the last one is done.
Exit codes: 0 every document processed; 1 some could not be read or failed (listed in the report);
2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from reviewer.commands.workspace import add_workspace_argument, open_from_args


def add_process_limits(parser: argparse.ArgumentParser, process: str) -> None:
    """The limits that keep one document from stalling or bloating a sweep (`batch` and `worker` alike)."""
    parser.add_argument("--timeout", type=float, default=600.0, metavar="SECONDS",
                        help="a document taking longer is stopped and recorded as failed (default 600)")
    parser.add_argument("--max-documents", type=int, default=500, metavar="N",
                        help=f"{process} is replaced after N documents (bounds its memory; default 500)")
    parser.add_argument("--max-memory-mb", type=float, default=2048.0, metavar="MB",
                        help="... or once its resident memory passed MB (default 2048)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources", nargs="+", metavar="ARCHIVE_OR_FOLDER", help="folders, zip/7z archives, files"
    )
    add_workspace_argument(parser)
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="worker processes on this machine (default: one per core)",
    )
    parser.add_argument(
        "--profile",
        default="general",
        help="general | punitive-notice | mandatory-disclosure | a YAML profile: what counts as "
        "something to act on",
    )
    parser.add_argument("--threshold", type=float, default=None, help="minimum detection score")
    parser.add_argument(
        "-o",
        "--report-dir",
        default=".",
        metavar="DIR",
        help="where batch-<id>.html and batch-<id>.csv go (default: the current folder)",
    )
    add_process_limits(parser, "a worker process")
    parser.add_argument(
        "--queue",
        action="store_true",
        help="queue the documents for `reviewer worker` on many machines (PostgreSQL workspace)",
    )
    parser.add_argument("--no-wait", action="store_true", help="with --queue: queue and return at once")


class ProgressLine:
    """A bar redrawn on stderr on a terminal; plain lines every few seconds otherwise (logs, CI)."""

    def __init__(self, stream=None, every: float = 5.0) -> None:  # noqa: ANN001
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.every, self.last, self.shown = every, 0.0, False

    def __call__(self, p) -> None:  # noqa: ANN001 - a RunProgress or jobs.Progress
        now = time.monotonic()
        done = p.finished
        final = done >= p.total
        if not final and now - self.last < (0.1 if self.tty else self.every):
            return
        self.last = now
        eta = "--:--" if p.eta is None else f"{int(p.eta) // 60:d}:{int(p.eta) % 60:02d}"
        failed = getattr(p, "failed", None)
        if failed is None:
            failed = p.by_state.get("failed", 0) + p.by_state.get("refused", 0)
        text = (
            f"{done}/{p.total} {100 * done / max(1, p.total):3.0f}%  {p.rate:.2f} 份/秒 docs/s  "
            f"剩余 ETA {eta}  失败 failed {failed}"
        )
        if self.tty:
            filled = int(30 * done / max(1, p.total))
            self.stream.write("\r[" + "#" * filled + "." * (30 - filled) + "] " + text + "\x1b[K")
            if final:
                self.stream.write("\n")
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
        self.shown = True


def run(args: argparse.Namespace) -> int:
    from reviewer.core.audit.chain import utc_now
    from reviewer.core.reports.triage import ranked_rows, write_reports
    from reviewer.core.service.batch import jobs, local
    from reviewer.core.types import EntityType

    if args.workers < 0 or args.max_documents < 1 or args.timeout <= 0:
        print(
            "--workers、--max-documents、--timeout 须为正数 / "
            "--workers, --max-documents and --timeout must be positive",
            file=sys.stderr,
        )
        return 2
    ws = open_from_args(args)
    actor = ws.cli_actor()
    bar = ProgressLine()
    try:
        if args.queue:
            from reviewer.core.service.batch import queue

            batch, queued = queue.submit(
                ws, args.sources, actor=actor, profile=args.profile, threshold=args.threshold
            )
            print(
                f"批次 {batch.id}：新排队 {queued} 份 / batch {batch.id}: {queued} documents queued; start "
                "`reviewer worker --workspace …` on each machine",
                file=sys.stderr,
                flush=True,
            )
            if args.no_wait:
                return 0
            while True:
                state = jobs.progress(ws, batch.id)
                bar(state)
                if state.remaining == 0 and jobs.finish(ws, batch.id):
                    break
                time.sleep(1.0)
        else:
            options = local.WorkerOptions(
                processes=args.workers,
                timeout=args.timeout,
                max_documents=args.max_documents,
                max_rss_mb=args.max_memory_mb,
            )
            batch = local.run_local(
                ws,
                args.sources,
                actor=actor,
                profile=args.profile,
                threshold=args.threshold,
                options=options,
                progress=bar,
            )
        html_path, csv_path = write_reports(ws, batch.id, Path(args.report_dir), generated_at=utc_now())
        rows = ranked_rows(jobs.items(ws, batch.id))
    finally:
        ws.close()
    steps = {s: sum(1 for r in rows if r.next_step == s) for s in ("open", "publish", "refused")}
    live = (str(EntityType.CLASSIFIED_MARKING), str(EntityType.STATE_SECRET_STATEMENT))
    marked = sum(1 for r in rows if r.tier == 0 and any(r.result["counts"].get(t) for t in live))
    blocked = sum(1 for r in rows if r.tier == 0) - marked  # only a term on the office's block list
    print(
        f"批次 {batch.id}：{len(rows)} 份；密级标志或保密声明 {marked} 份；单位阻断词 {blocked} 份；"
        f"需在应用中审查 {steps['open']} 份；"
        f"未检出需处理内容 {steps['publish']} 份；无法处理 {steps['refused']} 份"
    )
    print(
        f"batch {batch.id}: {len(rows)} documents; {marked} with a live 密级 marking or secrecy statement; "
        f"{blocked} with a term on the office's block list; "
        f"{steps['open']} to open in the app; {steps['publish']} with nothing detected to act on; "
        f"{steps['refused']} refused"
    )
    print(f"report: {html_path}\nreport: {csv_path}")
    return 1 if steps["refused"] else 0

"""`python -m tests.core.service.batch.worker_main URL WORK_DIR NAME`: a queue worker standing for one
machine (its own working folder), running the real worker loop with the lightweight detector."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from reviewer.core.service.batch.local import WorkerOptions
from reviewer.core.service.batch.queue import run_worker

if __name__ == "__main__":
    url, work_dir, name = sys.argv[1:4]
    logging.basicConfig(level=logging.WARNING)
    options = WorkerOptions(processes=1, timeout=60, detector="tests.core.service.batch.light_detector")
    run_worker(url, options=options, work_dir=Path(work_dir), heartbeat=0.5, stalled_after=3.0, name=name)

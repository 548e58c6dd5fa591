"""`python -m tests.core.service.batch.local_main WORKSPACE PROCESSES SOURCE...`: the one-machine batch with
the lightweight detector, as a process a test can kill."""

from __future__ import annotations

import sys

from reviewer.core.service import open_workspace
from reviewer.core.service.batch.local import WorkerOptions, run_local

if __name__ == "__main__":
    where, processes, *sources = sys.argv[1:]
    ws = open_workspace(where)
    run_local(
        ws,
        sources,
        actor="os:tester",
        options=WorkerOptions(processes=int(processes), detector="tests.core.service.batch.light_detector"),
    )
    ws.close()

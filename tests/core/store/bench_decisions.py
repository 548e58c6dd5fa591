"""Measure decisions per second and verify speed, on SQLite and on PostgreSQL.

Run: .venv/bin/python -m tests.core.store.bench_decisions [N] [sqlite|postgresql|postgresql-durable]
Each decision is one committed transaction, as in use: SQLite in WAL mode with synchronous=FULL (one
fsync per decision); PostgreSQL on a throw-away loopback server (tests/pgserver.py), with fsync=off
(the store's round trips and locking only) or, "postgresql-durable", the server's default fsync=on.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
import time

from reviewer.core.documents import load_document
from reviewer.core.service import open_workspace
from tests.core.store.workspace_fixtures import DATA, penalty_findings
from tests.pgserver import running_server


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    backend = sys.argv[2] if len(sys.argv) > 2 else "sqlite"
    with tempfile.TemporaryDirectory() as folder, contextlib.ExitStack() as stack:
        where = folder if backend == "sqlite" else stack.enter_context(
            running_server(durable=backend.endswith("durable")))
        ws = open_workspace(where)
        admin = ws.create_first_admin("admin", "admin-pass-1")
        alice = ws.create_user(admin, "alice", "reviewer", "alice-pass-1", admin_password="admin-pass-1")
        document = load_document(DATA / "penalty-notice.txt")
        info = ws.import_document(document, penalty_findings(document), ws.cli_actor())
        session = ws.session(info.id, alice)
        ids = [f.id for f in session.findings()]
        start = time.perf_counter()
        for i in range(n):
            if i % 2:
                session.accept(ids[i % len(ids)], "mask")
            else:
                session.reject(ids[i % len(ids)], f"reason {i}")
        elapsed = time.perf_counter() - start
        start = time.perf_counter()
        report = ws.verify()
        verify_time = time.perf_counter() - start
        ws.close()
    setting = {"sqlite": "SQLite, WAL, synchronous=FULL", "postgresql": "PostgreSQL 15 on loopback, fsync=off",
               "postgresql-durable": "PostgreSQL 15 on loopback, fsync=on"}[backend]
    print(f"{n} decisions in {elapsed:.2f} s: {n / elapsed:.0f} decisions/s ({setting})")
    print(f"verify: {report.count} events in {verify_time:.2f} s ({report.count / verify_time:.0f} events/s), "
          f"ok={report.ok}")


if __name__ == "__main__":
    main()

"""Several processes writing to one workspace: nothing lost or duplicated, one linear chain."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from reviewer.core.store import open_workspace, schema

ROOT = Path(__file__).resolve().parents[3]


def test_concurrent_writers_keep_one_linear_chain(ws, penalty):
    folder = ws.location.folder
    before = ws.head().count
    ws.close()
    writers = [subprocess.Popen([sys.executable, "-m", "tests.core.store.concurrent_writer", str(folder), str(k), "25"],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for k in range(3)]
    acknowledged = []
    for writer in writers:
        out, err = writer.communicate(timeout=240)
        assert writer.returncode == 0, err
        acknowledged += [int(line) for line in out.split()]
    assert len(acknowledged) == len(set(acknowledged)) == 75
    reopened = open_workspace(folder)
    try:
        with reopened.read() as conn:
            rows = set(conn.execute(select(schema.decisions.c.id)).scalars())
            events = conn.execute(select(func.count()).select_from(schema.audit_events)
                                  .where(schema.audit_events.c.action == "decision.recorded")).scalar()
        assert rows == set(acknowledged) and events == 75
        report = reopened.verify()
        assert report.ok and report.count >= before + 75
    finally:
        reopened.close()

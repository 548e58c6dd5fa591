"""Crash safety: a process recording decisions is SIGKILLed at random moments, 20 times.

After each kill the workspace is reopened: every decision, undo and manual finding the child had
acknowledged (printed only after its commit returned) must be there, and the chain must verify.
SIGKILL tests process crashes (the transaction is atomic and committed before the acknowledgement);
power loss is covered by synchronous=FULL, which this test cannot simulate.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewer.core.service import open_workspace
from reviewer.core.store import schema
from tests.core.audit.test_tamper import verify_cli

ROOT = Path(__file__).resolve().parents[3]
ROUNDS = 20


@pytest.mark.slow
def test_sigkill_never_loses_an_acknowledged_decision(ws, penalty):
    folder = ws.location.folder
    ws.close()
    rng = random.Random(20261128)
    acknowledged: dict[int, tuple[int, str]] = {}
    undone: set[int] = set()
    manual: set[int] = set()
    total_lines = 0
    for round_no in range(ROUNDS):
        child = subprocess.Popen([sys.executable, "-m", "tests.core.audit.crash_child", str(folder), str(round_no)],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "READY", child.stderr.read()
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, _err[-2000:]
        for line in out.splitlines():
            parts = line.split()
            if parts[0] == "ACK":
                acknowledged[int(parts[1])] = (int(parts[2]), parts[3])
                undone.discard(int(parts[1]))
            elif parts[0] == "UNDO":
                undone.add(int(parts[1]))
            elif parts[0] == "MANUAL":
                manual.add(int(parts[1]))
            total_lines += 1

        reopened = open_workspace(folder)
        try:
            with reopened.read() as conn:
                rows = {r.id: r for r in conn.execute(select(schema.decisions))}
                finding_ids = {r.id for r in conn.execute(select(schema.findings.c.id))}
            for decision_id, (finding_id, detail) in acknowledged.items():
                row = rows.get(decision_id)
                assert row is not None, f"round {round_no}: acknowledged decision {decision_id} lost"
                assert row.finding_id == finding_id and detail in (row.operator, row.reason)
            for decision_id in undone:
                assert rows[decision_id].undone, f"round {round_no}: acknowledged undo of {decision_id} lost"
            assert manual <= finding_ids
            report = reopened.verify()
            assert report.ok, f"round {round_no}: {[str(p) for p in report.problems]}"
        finally:
            reopened.engine.dispose()
    assert len(acknowledged) > ROUNDS  # the children really were interrupted mid-work
    assert verify_cli(folder).returncode == 0
    print(f"\n{ROUNDS} kills, {len(acknowledged)} acknowledged decisions, {len(undone)} undos, "
          f"{len(manual)} manual findings, {total_lines} acknowledgements checked")

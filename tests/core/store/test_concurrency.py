"""Several processes deciding on one shared workspace (issue 11), on SQLite and PostgreSQL:
0 lost or duplicated decisions, every stale write refused, one linear chain that verifies.

Sized for `make test` on a small machine (8 processes × 40 decisions on 50 documents); the
acceptance size (8 × 500) runs with `python -m tests.core.store.concurrency 8 500 50`.
"""

from __future__ import annotations

import pytest

from tests.core.store.concurrency import check, import_documents, run_writers

PROCESSES, DECISIONS, DOCUMENTS = 8, 40, 50


@pytest.mark.slow
def test_concurrent_writers_lose_nothing_and_keep_one_linear_chain(ws, ws_where, tmp_path):
    import_documents(ws, tmp_path, DOCUMENTS)
    live = []  # `audit verify` while the writers append: each run must see one consistent chain
    lines, outcome = run_writers(ws_where, PROCESSES, DECISIONS, while_running=lambda: live.append(ws.verify()))
    assert outcome.decisions == PROCESSES * DECISIONS
    check(ws, lines, PROCESSES * DECISIONS)
    assert live and all(report.ok for report in live), [str(p) for r in live for p in r.problems][:3]

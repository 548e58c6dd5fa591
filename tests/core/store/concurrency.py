"""The concurrency check of issue 11, shared by the test and the full-size run.

Full size (8 processes × 500 decisions on 50 documents), against a throw-away PostgreSQL server:
  .venv/bin/python -m tests.core.store.concurrency 8 500 50 [sqlite]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from reviewer.core.documents import load_document
from reviewer.core.service import open_workspace
from reviewer.core.store import schema
from tests.core.store.workspace_fixtures import DATA, penalty_findings

ROOT = Path(__file__).resolve().parents[3]
WRITERS = ("alice", "erin")  # reviewers; each process signs in as one of them


@dataclass(frozen=True)
class Outcome:
    decisions: int
    stale_refused: int
    seconds: float  # from the first worker's first decision to the last worker's last

    @property
    def per_second(self) -> float:
        return self.decisions / self.seconds


def import_documents(ws, folder: Path, count: int) -> list[int]:
    """`count` distinct real documents: the penalty notice, each copy numbered on a last line."""
    original = load_document(DATA / "penalty-notice.txt")
    findings = penalty_findings(original)  # the appended line moves no offset
    raw = (DATA / "penalty-notice.txt").read_text(encoding="utf-8")
    ids = []
    for k in range(count):
        path = folder / f"notice-{k + 1:02d}.txt"
        path.write_text(raw.rstrip("\n") + f"\n（本件为第 {k + 1} 份）\n", encoding="utf-8")
        ids.append(ws.import_document(load_document(path), findings, ws.cli_actor()).id)
    return ids


def run_writers(where: str, processes: int, decisions: int, *, seed: int = 11,
                while_running=None) -> tuple[list[str], Outcome]:
    """Start the workers; call `while_running()` repeatedly until they finish; collect their lines."""
    workers = [subprocess.Popen([sys.executable, "-m", "tests.core.store.concurrent_writer", where,
                                 WRITERS[k % len(WRITERS)], str(decisions), str(seed * 100 + k)],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for k in range(processes)]
    outputs: dict[int, tuple[str, str]] = {}
    collectors = [threading.Thread(target=lambda k=k, w=w: outputs.__setitem__(k, w.communicate(timeout=1200)))
                  for k, w in enumerate(workers)]
    for thread in collectors:
        thread.start()
    while while_running is not None and any(t.is_alive() for t in collectors):
        while_running()
        time.sleep(0.5)  # a reader now and then, not a reader hogging the two cores
    for thread in collectors:
        thread.join()
    lines, starts, ends = [], [], []
    for k, worker in enumerate(workers):
        out, err = outputs[k]
        assert worker.returncode == 0, err
        *body, times = out.split("\n")[:-1] if out.endswith("\n") else out.split("\n")
        _, start, end = times.split()
        starts.append(float(start))
        ends.append(float(end))
        lines += body
    acknowledged = sum(line.startswith("ok ") for line in lines)
    stale = sum(line.startswith("stale ") for line in lines)
    return lines, Outcome(acknowledged, stale, max(ends) - min(starts))


def check(ws, lines: list[str], expected: int) -> None:
    """0 lost or duplicated decisions, no stale write accepted, every refused one really stale, and
    one linear chain that verifies."""
    acked: list[int] = []
    accepted: dict[int, list[int]] = defaultdict(list)
    refused: list[tuple[int, int]] = []
    for line in lines:
        kind, *fields = line.split()
        if kind == "ok":
            finding, version, decision = map(int, fields)
            acked.append(decision)
            accepted[finding].append(version)
        else:
            refused.append((int(fields[0]), int(fields[1])))
    assert len(acked) == len(set(acked)) == expected  # nothing acknowledged twice
    with ws.read() as conn:
        rows = set(conn.execute(select(schema.decisions.c.id)).scalars())
        events = conn.execute(select(func.count()).select_from(schema.audit_events)
                              .where(schema.audit_events.c.action == "decision.recorded")).scalar()
        versions = dict(conn.execute(select(schema.findings.c.id, schema.findings.c.version)).all())
    assert rows == set(acked) and events == expected  # nothing lost, nothing extra
    for finding, seen in accepted.items():
        # each version was written exactly once: no two writers both won on the same version
        assert sorted(seen) == list(range(1, len(seen) + 1)), (finding, sorted(seen))
        assert versions[finding] == len(seen) + 1
    assert all(versions[f] == 1 for f in versions if f not in accepted)
    for finding, version in refused:
        assert version in accepted[finding]  # refused only because someone else wrote that version first
    assert refused, "the run produced no stale write to refuse"
    report = ws.verify()
    assert report.ok, [str(p) for p in report.problems]


def main() -> None:
    processes, decisions, documents = (int(a) for a in sys.argv[1:4])
    backend = sys.argv[4] if len(sys.argv) > 4 else "postgresql"
    from tests.core.store.workspace_fixtures import PASSWORDS, ROLES
    from tests.pgserver import running_server
    with tempfile.TemporaryDirectory() as tmp, running_server() as server:
        where = str(Path(tmp) / "ws") if backend == "sqlite" else server
        ws = open_workspace(where)
        admin = ws.create_first_admin("admin", PASSWORDS["admin"])
        for name in WRITERS:
            ws.create_user(admin, name, ROLES[name], PASSWORDS[name], admin_password=PASSWORDS["admin"])
        import_documents(ws, Path(tmp), documents)
        verifications = []
        lines, outcome = run_writers(where, processes, decisions,
                                     while_running=lambda: verifications.append(ws.verify()))
        check(ws, lines, processes * decisions)
        assert all(r.ok for r in verifications), [str(p) for r in verifications for p in r.problems][:3]
        head = ws.head()
        ws.close()
    print(f"{backend}: {processes} processes × {decisions} decisions on {documents} documents: "
          f"{outcome.decisions} acknowledged, 0 lost, 0 duplicated, {outcome.stale_refused} stale writes refused; "
          f"{outcome.seconds:.1f} s, {outcome.per_second:.0f} decisions/s; audit verify OK ({head.count} events; "
          f"also {len(verifications)} times while the writers ran)")


if __name__ == "__main__":
    main()

"""Issue 31 acceptance: three workers (three machines: separate processes and working folders) on the real
PostgreSQL server sweep a 300-document archive through procrastinate; one is killed (SIGKILL) mid-run and
its jobs are finished by the others; every document is recorded exactly once, and the results are the
same as a single-process run on one machine."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewer.core.detection.terms.model import TermEntry, TermKind
from reviewer.core.service import open_workspace
from reviewer.core.service.batch import jobs, local, queue
from reviewer.core.service.terms import save_term_lists
from reviewer.core.store import schema
from tests.core.service.batch.corpus import make_archive
from tests.core.store.workspace_fixtures import PASSWORDS

ROOT = Path(__file__).resolve().parents[4]
LIGHT = "tests.core.service.batch.light_detector"
TERM = "天河二号扩容工程"  # an office's project code name on its block list


def _comparable(ws, batch_id: int) -> dict[str, tuple]:
    """Per member: state, result, error, and the findings recorded for its document."""
    out = {}
    for it in jobs.items(ws, batch_id):
        findings = ()
        if it.document_id is not None:
            findings = tuple(
                (f.finding.entity_type, f.finding.start, f.finding.end, f.finding.text)
                for f in ws.findings(it.document_id)
            )
        member = it.key.split("!/", 1)[1]
        out[member] = (it.state, json.dumps(it.result, sort_keys=True), it.error, findings)
    return out


def _imports(ws) -> Counter:
    with ws.read() as conn:
        return Counter(
            r.document_sha256
            for r in conn.execute(
                select(schema.audit_events).where(schema.audit_events.c.action == "document.imported")
            )
        )


def test_three_workers_one_killed_finish_every_document_exactly_once(tmp_path, pg_cluster, pg_database):
    archive, made = make_archive(tmp_path, 300)
    url = pg_cluster.url(pg_database, app=True)  # the least-privileged application role, as a team runs it
    ws = open_workspace(url, create=False)
    batch, queued = queue.submit(ws, [str(archive)], actor="os:tester")
    items = jobs.items(ws, batch.id)
    assert len(items) == 300 and queued == sum(it.state == jobs.QUEUED for it in items) == 298
    assert queue.submit(ws, [str(archive)], actor="os:tester") == (jobs.get_batch(ws, batch.id), 0)  # resumed
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REVIEWER_TEST_DETECT_PAUSE": "0.05"}
    workers = {}
    for n in (1, 2, 3):
        folder = tmp_path / f"machine-{n}"
        folder.mkdir()
        workers[n] = subprocess.Popen(
            [sys.executable, "-m", "tests.core.service.batch.worker_main", url, str(folder), f"machine-{n}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(tmp_path / f"machine-{n}.log", "w"),
        )
    victim_item = None
    try:
        deadline = time.monotonic() + 300
        while victim_item is None:  # kill machine 1 while it holds a document, after some work is done
            assert time.monotonic() < deadline, "the workers never got going"
            state = jobs.progress(ws, batch.id)
            held = [
                it
                for it in jobs.pending_items(ws, batch.id)
                if it.state == jobs.RUNNING and (it.worker or "").startswith("machine-1/")
            ]
            if state.by_state.get(jobs.DONE, 0) >= 60 and held:
                workers[1].send_signal(signal.SIGKILL)
                workers[1].wait(10)
                victim_item = held[0]
            time.sleep(0.05)
        while jobs.progress(ws, batch.id).remaining:
            assert time.monotonic() < deadline, f"not finished: {jobs.progress(ws, batch.id)}"
            assert workers[2].poll() is None and workers[3].poll() is None
            time.sleep(0.5)
    finally:
        for p in workers.values():
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in workers.values():
            p.wait(60)
    for n in (2, 3):
        assert workers[n].returncode == 0, (tmp_path / f"machine-{n}.log").read_text()
    assert jobs.finish(ws, batch.id)

    final = {it.id: it for it in jobs.items(ws, batch.id)}
    taken_over = final[victim_item.id]
    assert taken_over.state == jobs.DONE and taken_over.attempts == 2
    assert not taken_over.worker.startswith("machine-1/")  # finished by another machine
    by_worker = Counter(
        it.worker.split("/")[0] for it in final.values() if it.state == jobs.DONE and it.seconds
    )
    assert by_worker["machine-2"] and by_worker["machine-3"]
    # exactly once: one import event per distinct document, every member final, the chain intact
    states = Counter(it.state for it in final.values())
    assert states == {jobs.DONE: 295, jobs.REFUSED: 3, jobs.DUPLICATE: 2}, states
    done_shas = [it.sha256 for it in final.values() if it.state == jobs.DONE]
    assert len(done_shas) == len(set(done_shas))
    assert _imports(ws) == Counter(done_shas)
    assert ws.verify().ok
    with ws.read() as conn:  # the waiting bytes are gone once recorded
        assert conn.execute(select(jobs.batch_contents)).first() is None
    queued_results = _comparable(ws, batch.id)
    ws.close()

    # the same archive, one process on one machine, a folder workspace
    alone = open_workspace(tmp_path / "alone")
    single = local.run_local(
        alone, [str(archive)], actor="os:tester", options=local.WorkerOptions(processes=1, detector=LIGHT)
    )
    assert _comparable(alone, single.id) == queued_results
    marked = {m for m in made["marked"]}
    assert marked and all(
        queued_results[m][1] and json.loads(queued_results[m][1])["block"] == 1 for m in marked
    )
    alone.close()


def test_queue_needs_a_server(tmp_path):
    ws = open_workspace(tmp_path / "ws")
    with pytest.raises(Exception) as caught:
        queue.submit(ws, [str(tmp_path)], actor="os:tester")
    assert "PostgreSQL" in str(caught.value)
    ws.close()


def test_the_queue_from_the_command_line_with_the_real_engine(tmp_path, pg_cluster, pg_database):
    """`reviewer batch --queue --no-wait` queues, `reviewer worker` (the real engine, with the workspace's
    term lists as of the queueing) works, and the same batch command run again finds everything done and
    writes the report: the live marking first, then the term on the office's block list."""
    folder = tmp_path / "in"
    folder.mkdir()
    secret = "机密★10年\n关于某专项工作的通知\n各区县人民政府：\n"
    (folder / "secret.txt").write_text(secret, encoding="utf-8")
    roster = f"报名名单（{TERM}）\n张建国，身份证号码110101199003071237。\n"
    (folder / "roster.txt").write_text(roster, encoding="utf-8")
    url = pg_cluster.url(pg_database, app=True)
    ws = open_workspace(url, create=False)
    admin = ws.login("admin", PASSWORDS["admin"])
    terms, _change = save_term_lists(ws, admin, [TermEntry(TermKind.BLOCK, TERM)])
    ws.close()
    batch_cmd = [sys.executable, "-m", "reviewer", "batch", str(folder), "--workspace", url, "--queue",
                 "-o", str(tmp_path)]
    queued = subprocess.run([*batch_cmd, "--no-wait"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert queued.returncode == 0 and "2 documents queued" in queued.stderr, queued.stderr
    worker = subprocess.Popen(
        [sys.executable, "-m", "reviewer", "worker", "--workspace", url, "--processes", "1",
         "--heartbeat", "1", "--stalled-after", "5", "--work-dir", str(tmp_path / "work")],
        cwd=ROOT, stderr=subprocess.PIPE, text=True,
    )
    ws = open_workspace(url, create=False)
    try:
        [batch] = jobs.list_batches(ws)
        deadline = time.monotonic() + 300
        while jobs.progress(ws, batch.id).remaining:
            assert worker.poll() is None and time.monotonic() < deadline, worker.stderr.read()
            time.sleep(0.5)
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(60)
    assert worker.returncode == 0
    again = subprocess.run(batch_cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "1 with a live 密级 marking" in again.stdout, again.stdout + again.stderr
    assert "1 with a term on the office's block list" in again.stdout
    report = (tmp_path / f"batch-{batch.id}.csv").read_text(encoding="utf-8-sig").splitlines()
    assert report[1].split(",")[1].endswith("secret.txt") and "机密★10年" in report[1]
    assert report[2].split(",")[1].endswith("roster.txt")
    items = jobs.items(ws, batch.id)
    assert [it.state for it in items] == [jobs.DONE, jobs.DONE]
    assert batch.settings["terms"]["digest"] == terms.digest
    roster_doc = next(it.document_id for it in items if it.key.endswith("roster.txt"))
    found = {(str(f.finding.entity_type), f.finding.text) for f in ws.findings(roster_doc)}
    assert ("TERM_BLOCK", TERM) in found
    ws.close()

"""The one-machine batch: resumable after kill -9, exactly once, duplicates once, a crashing or hanging
document recorded as failed without stopping the batch, worker processes recycled (bounded memory), and
no job-queue library loaded on this path."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from reviewer.core.service import open_workspace
from reviewer.core.service.batch import jobs, local
from reviewer.core.service.batch.worker_process import Task, WorkerProcess
from reviewer.core.store import schema
from tests.core.service.batch.corpus import docx_bytes, make_archive

ROOT = Path(__file__).resolve().parents[4]
LIGHT = "tests.core.service.batch.light_detector"


def _imports(ws) -> Counter:
    with ws.read() as conn:
        return Counter(
            r.document_sha256
            for r in conn.execute(
                select(schema.audit_events).where(schema.audit_events.c.action == "document.imported")
            )
        )


def test_kill_9_and_run_again_redoes_nothing_and_loses_nothing(tmp_path):
    archive, _made = make_archive(tmp_path, 80)
    where = tmp_path / "ws"
    cmd = [sys.executable, "-m", "tests.core.service.batch.local_main", str(where), "2", str(archive)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REVIEWER_TEST_DETECT_PAUSE": "0.1"}
    first = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    done_before: dict[int, tuple] = {}
    while True:  # kill -9 once some documents are recorded and others are in hand
        assert first.poll() is None, first.stderr.read().decode()
        assert time.monotonic() < deadline
        if (where / "workspace.sqlite3").exists():
            ws = open_workspace(where)
            batches = jobs.list_batches(ws)
            if batches:
                items = jobs.items(ws, batches[0].id)
                done = {it.id: (it.finished_at, it.document_id) for it in items if it.state == jobs.DONE}
                if len(done) >= 20 and any(it.state == jobs.RUNNING for it in items):
                    first.send_signal(signal.SIGKILL)
                    first.wait(10)
                    ws.close()
                    break
            ws.close()
        time.sleep(0.1)
    ws = open_workspace(where)
    batch = jobs.list_batches(ws)[0]
    killed_state = jobs.items(ws, batch.id)
    done_before = {it.id: (it.finished_at, it.document_id) for it in killed_state if it.state == jobs.DONE}
    assert jobs.progress(ws, batch.id).remaining > 0
    ws.close()

    again = subprocess.run(
        cmd, cwd=ROOT, env={**env, "REVIEWER_TEST_DETECT_PAUSE": "0"}, capture_output=True, timeout=600
    )
    assert again.returncode == 0, again.stderr.decode()
    ws = open_workspace(where)
    assert [b.id for b in jobs.list_batches(ws)] == [batch.id]  # the same batch, resumed
    final = {it.id: it for it in jobs.items(ws, batch.id)}
    assert all(it.state in jobs.FINAL for it in final.values())
    for item_id, (finished_at, document_id) in done_before.items():  # recorded before the kill: not redone
        assert (final[item_id].finished_at, final[item_id].document_id) == (finished_at, document_id)
    done_shas = [it.sha256 for it in final.values() if it.state == jobs.DONE]
    assert len(done_shas) == len(set(done_shas)) and _imports(ws) == Counter(done_shas)  # none twice
    assert Counter(it.state for it in final.values()) == {jobs.DONE: 75, jobs.REFUSED: 3, jobs.DUPLICATE: 2}
    assert ws.verify().ok
    ws.close()


def test_a_crashing_or_hanging_document_is_recorded_as_failed_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"ok-{i}.txt").write_text(f"关于第{i}号事项的通知\n联系人张建国。\n", encoding="utf-8")
    (folder / "crash.docx").write_bytes(docx_bytes(["这份文件让读取进程崩溃 CRASH-ME"]))
    (folder / "hang.txt").write_text("这份文件让检测卡住 HANG-ME\n", encoding="utf-8")
    ws = open_workspace(tmp_path / "ws")
    seen = []
    batch = local.run_local(
        ws,
        [str(folder)],
        actor="os:tester",
        progress=seen.append,
        options=local.WorkerOptions(processes=2, timeout=4, detector=LIGHT),
    )
    by_name = {Path(it.key).name: it for it in jobs.items(ws, batch.id)}
    assert by_name["crash.docx"].state == jobs.FAILED and "signal 9" in by_name["crash.docx"].error
    assert by_name["hang.txt"].state == jobs.FAILED and "4 s" in by_name["hang.txt"].error
    assert all(by_name[f"ok-{i}.txt"].state == jobs.DONE for i in range(6))
    assert batch.status == "finished"
    assert seen[-1].finished == seen[-1].total == 8 and seen[-1].failed == 2
    ws.close()


def test_worker_processes_are_recycled_after_n_documents_or_past_a_memory_limit(tmp_path):
    paths = []
    for i in range(5):
        p = tmp_path / f"d{i}.txt"
        p.write_text(f"第{i}份，李秀英。\n", encoding="utf-8")
        paths.append(p)
    by_count = WorkerProcess("t", detector=LIGHT, max_documents=2)
    outcomes = [by_count.run(Task(i, str(p), p.name)) for i, p in enumerate(paths)]
    assert [o.kind for o in outcomes] == ["ok"] * 5 and by_count.started == 3  # 2 + 2 + 1
    by_memory = WorkerProcess("m", detector=LIGHT, max_rss_mb=1)  # any process is over 1 MB: one per document
    assert all(by_memory.run(Task(i, str(p), p.name)).kind == "ok" for i, p in enumerate(paths[:3]))
    assert by_memory.started == 3
    by_count.stop()
    by_memory.stop()


def test_duplicates_are_processed_once_and_a_second_batch_reuses_the_workspace(tmp_path):
    folder = tmp_path / "in"
    (folder / "a").mkdir(parents=True)
    text = "关于某事项的通知\n当事人王小明。\n"
    for name in ("a/one.txt", "two.txt", "a/three.txt"):
        (folder / name).write_text(text, encoding="utf-8")
    ws = open_workspace(tmp_path / "ws")
    first = local.run_local(
        ws, [str(folder)], actor="os:tester", options=local.WorkerOptions(1, detector=LIGHT)
    )
    states = Counter(it.state for it in jobs.items(ws, first.id))
    assert states == {jobs.DONE: 1, jobs.DUPLICATE: 2}
    (tmp_path / "copy.txt").write_text(text, encoding="utf-8")
    second = local.run_local(
        ws, [str(tmp_path / "copy.txt")], actor="os:tester", options=local.WorkerOptions(1, detector=LIGHT)
    )
    [item] = jobs.items(ws, second.id)
    assert (
        item.state == jobs.DONE and item.worker is None and "already in the workspace" in item.result["note"]
    )
    assert len(_imports(ws)) == 1
    ws.close()


def test_the_single_machine_path_never_loads_the_queue_library(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("通知\n", encoding="utf-8")
    code = (
        "import sys\nfrom reviewer.cli import main\n"
        f"rc = main(['batch', {str(tmp_path / 'in')!r}, '--workspace', {str(tmp_path / 'ws')!r}, "
        f"'--workers', '1', '-o', {str(tmp_path)!r}])\n"
        "assert 'procrastinate' not in sys.modules, 'the queue library was loaded'\nsys.exit(rc)"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr


def test_documents_queued_behind_a_crash_or_a_retiring_process_go_to_its_replacement(tmp_path):
    crash = tmp_path / "crash.txt"
    crash.write_text("CRASH-ME\n", encoding="utf-8")
    fine = [tmp_path / f"ok{i}.txt" for i in range(3)]
    for p in fine:
        p.write_text("王小明\n", encoding="utf-8")
    process = WorkerProcess("c", detector=LIGHT)
    process.send(Task(1, str(crash), "crash.txt"))
    process.send(Task(2, str(fine[0]), "ok0.txt"))  # queued behind the document that kills the process
    first, second = process.receive(), process.receive()
    assert (first.item_id, first.kind) == (1, "failed") and "signal 9" in first.reason
    assert (second.item_id, second.kind) == (2, "ok") and process.started == 2
    process.stop()
    retiring = WorkerProcess("r", detector=LIGHT, max_documents=1)
    for i, p in enumerate(fine):
        retiring.send(Task(10 + i, str(p), p.name))
    assert [retiring.receive().item_id for _ in fine] == [10, 11, 12] and retiring.started == 3
    retiring.stop()


def test_stored_bytes_stay_while_another_open_item_waits_for_them(tmp_path):
    """Queue mode keeps a document's bytes in the workspace; recording one item drops them only when no
    other open item (here: of a second batch over the same file) still needs them."""
    from reviewer.core.service.batch.inputs import inputs

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("公告：张三，电话 13800138000。\n", encoding="utf-8")
    ws = open_workspace(tmp_path / "ws")
    items = []
    for threshold in (None, 0.9):  # other settings: another batch over the same bytes
        batch, _ = jobs.open_batch(ws, [str(folder)], local.batch_settings("general", threshold), actor="os:t")
        with inputs([str(folder)]) as entries:
            jobs.register(ws, batch, entries, reclaim_running=True)
            (item,) = jobs.pending_items(ws, batch.id)
            jobs.store_contents(ws, [(item, folder / "a.txt")])
        items.append(item)
    assert items[0].sha256 == items[1].sha256
    assert jobs.record_failure(ws, items[0].id, jobs.FAILED, "x", worker="w", seconds=None)[0]
    assert jobs.content(ws, items[0].sha256) is not None  # the second batch's item still waits
    assert jobs.record_failure(ws, items[1].id, jobs.FAILED, "x", worker="w", seconds=None)[0]
    assert jobs.content(ws, items[0].sha256) is None
    ws.close()

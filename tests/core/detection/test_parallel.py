"""The detection helper process (reviewer/core/detection/parallel.py): a large document gives exactly
the findings of one process, cancellation stops both, and a helper that dies is replaced by local work."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest

from bench.generate import make_txt
from reviewer.core.detection import analyze, parallel
from reviewer.core.detection.analyze import PARALLEL_MIN_CHARS, DetectionCancelled
from reviewer.core.detection.engine import get_engine
from reviewer.core.documents import load_document


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real txt file of government records with planted identifiers, well over the parallel limit,
    marked 机密★5年 on its first line (restricted content: found by the parent while the helper works)."""
    path = tmp_path_factory.mktemp("parallel") / "records.txt"
    make_txt(path, size_bytes=450_000)
    path.write_text("机密★5年\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _single(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = get_engine()
    monkeypatch.setattr(engine, "config", dataclasses.replace(engine.config, processes=1))


def test_same_findings_with_and_without_the_helper(records: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = load_document(records)
    assert len(document.text) > 2 * PARALLEL_MIN_CHARS
    assert get_engine().config.processes == 2
    calls: list[tuple[int, int]] = []
    shared = analyze(document, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (len(document.blocks), len(document.blocks))
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert parallel._helpers, "the helper process was not used"
    _single(monkeypatch)
    alone = analyze(document)
    assert shared == alone
    assert sum(f.entity_type == "PERSON" for f in alone) > 50
    assert any(f.text == "机密★5年" for f in alone)


def test_graded_chunks_keep_every_block_in_order_and_end_small(records: Path) -> None:
    from reviewer.core.detection.analyze import SMALLEST_CHUNK, _chunks, _graded

    document = load_document(records)
    size = get_engine().config.chunk_chars
    groups = [(chunk, ()) for chunk in _chunks(list(document.blocks), size)]
    graded = _graded(groups, size, 2)
    assert [b for chunk, _ in graded for b in chunk] == list(document.blocks)
    lengths = [sum(len(b.text) + 1 for b in chunk) for chunk, _ in graded]
    assert len(groups) < len(graded) <= 3 * len(groups)  # the tail was cut finer, not into crumbs
    assert lengths[0] >= size * 0.9 and max(lengths[-4:]) < size // 2
    assert all(n >= SMALLEST_CHUNK for n in lengths[:-1])
    longest = max(len(b.text) + 1 for b in document.blocks)
    assert all(b <= a + longest for a, b in itertools.pairwise(lengths[:-1]))  # smaller towards the end


def test_graded_chunks_keep_each_groups_context() -> None:
    from reviewer.core.detection.analyze import _graded
    from reviewer.core.documents.model import Block, BlockKind

    def group(n: int, context: tuple[str, ...]) -> tuple[list[Block], tuple[str, ...]]:
        return [Block(kind=BlockKind.TABLE_CELL, part="body", path=f"c{i}", text="张" * 900) for i in range(n)], context

    groups = [group(30, ("姓名",)), group(10, ("住址",))]
    graded = _graded(groups, 20_000, 2)
    assert [c for _, c in graded if c == ("姓名",)] and [c for _, c in graded if c == ("住址",)]
    assert sum(len(chunk) for chunk, c in graded if c == ("姓名",)) == 30
    assert sum(len(chunk) for chunk, c in graded if c == ("住址",)) == 10


def test_cancel_during_shared_work_and_the_helper_stays_usable(records: Path) -> None:
    document = load_document(records)
    seen: list[int] = []

    def cancelled() -> bool:
        return len(seen) >= 2

    with pytest.raises(DetectionCancelled):
        analyze(document, progress=lambda done, total: seen.append(done), cancelled=cancelled)
    assert seen[-1] < len(document.blocks)
    assert analyze(document) == analyze(document)


def test_a_killed_helper_is_replaced_by_local_work(records: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = load_document(records)
    expected = analyze(document)
    pool = parallel.helper(str(get_engine().config.path))
    parallel.warm_up(str(get_engine().config.path))
    for process in list(pool._processes.values()):
        process.kill()
        process.join()
    assert analyze(document) == expected


def test_processes_must_be_between_1_and_8(tmp_path: Path) -> None:
    from reviewer.core.detection.config import DEFAULT_CONFIG, load_config
    from reviewer.core.errors import ConfigurationError

    bad = tmp_path / "analyzer.yaml"
    bad.write_text(DEFAULT_CONFIG.read_text(encoding="utf-8").replace("processes: 2", "processes: 0"),
                   encoding="utf-8")
    with pytest.raises(ConfigurationError, match="processes"):
        load_config(bad)


def test_slow_helper_every_group_once_and_few_submissions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A helper much slower than this process: every group is analysed exactly once, work the helper
    has not started is taken back, and nothing is submitted again and again (that once filled the
    call queue with pickled PDF pages until the machine ran out of memory)."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    submitted: list[int] = []
    seen: list[int] = []
    lock = threading.Lock()

    class SlowPool(ThreadPoolExecutor):
        def submit(self, fn, *args, **kwargs):
            with lock:
                submitted.append(args[1][0])
            return super().submit(fn, *args, **kwargs)

    def slow_run(config_path, blocks, context, limit, ner):
        time.sleep(0.3)
        with lock:
            seen.append(blocks[0])
        return []

    def local(blocks, context):
        with lock:
            seen.append(blocks[0])
        time.sleep(0.01)
        return []

    pool = SlowPool(max_workers=1)
    monkeypatch.setattr(parallel, "helper", lambda config_path, workers=1: pool)
    monkeypatch.setattr(parallel, "_run", slow_run)
    groups = [([i], ()) for i in range(40)]
    finished: list[int] = []
    parallel.run_shared("cfg", groups, 0.5, True, local, finished.append, lambda: None)
    pool.shutdown(wait=True)
    assert sorted(seen) == list(range(40))
    assert sum(finished) == 40
    assert len(submitted) <= 6


def test_side_job_runs_once_while_the_helper_has_work(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    from concurrent.futures import ThreadPoolExecutor

    release = threading.Event()
    submitted: list[int] = []
    seen_at_side: list[int] = []

    class Pool(ThreadPoolExecutor):
        def submit(self, fn, *args, **kwargs):
            submitted.append(args[1][0])
            return super().submit(fn, *args, **kwargs)

    def run(config_path, blocks, context, limit, ner):
        release.wait(10)
        return [("helper", blocks[0])]

    def side() -> None:
        seen_at_side.append(len(submitted))
        release.set()

    pool = Pool(max_workers=1)
    monkeypatch.setattr(parallel, "helper", lambda config_path, workers=1: pool)
    monkeypatch.setattr(parallel, "_run", run)
    groups = [([i], ()) for i in range(10)]
    out = parallel.run_shared("cfg", groups, 0.5, True, lambda blocks, context: [("local", blocks[0])],
                              lambda n: None, lambda: None, side=side,
                              convert=lambda placed: [(who.upper(), i) for who, i in placed])
    pool.shutdown(wait=True)
    assert seen_at_side == [2]  # once, after the helper's first two chunks were queued
    assert sorted(i for _, i in out) == list(range(10))
    assert {who for who, _ in out} == {"local", "HELPER"}  # helper results pass through convert


def test_helper_exits_when_its_parent_is_killed(tmp_path: Path) -> None:
    """kill -9 of the process that started the helper (a crashed engine process) leaves no helper behind."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "parent.py"
    script.write_text(
        "import time\n"
        "from reviewer.core.detection import parallel\n"
        "from reviewer.core.detection.config import DEFAULT_CONFIG\n"
        "if __name__ == '__main__':\n"
        "    parallel.warm_up(str(DEFAULT_CONFIG))\n"
        "    print(*parallel.helper(str(DEFAULT_CONFIG))._processes, flush=True)\n"
        "    time.sleep(120)\n", encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        helper_pid = int(parent.stdout.readline())
        os.kill(helper_pid, 0)  # alive
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(helper_pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.kill(helper_pid, signal.SIGKILL)
    pytest.fail("the helper outlived its killed parent")

"""TaskRunner: the NLP lane is one thread in submission order; results, errors, progress and
cancellation come back on the GUI thread."""

from __future__ import annotations

import threading

import pytest

from reviewer.ui.tasks import Cancelled, Lane


def test_nlp_lane_runs_one_task_at_a_time_in_order(qtbot, runner):
    started = threading.Event()
    release = threading.Event()
    seen: list[tuple[str, int]] = []

    def first(_p, _c):
        started.set()
        release.wait(10)
        seen.append(("first", threading.get_ident()))

    def second(_p, _c):
        seen.append(("second", threading.get_ident()))
        return "done"

    runner.submit(first, lane=Lane.NLP)
    assert started.wait(10)
    results = []
    runner.submit(second, lane=Lane.NLP, on_success=results.append)
    assert seen == []  # second waits behind first on the single NLP thread
    with qtbot.waitSignal(runner.busy_changed, timeout=10000, check_params_cb=lambda busy: not busy):
        release.set()
    assert [name for name, _ in seen] == ["first", "second"]
    assert seen[0][1] == seen[1][1] != threading.get_ident()
    assert results == ["done"]


def test_progress_reaches_the_gui_thread_and_success_callback_runs_there(qtbot, runner):
    progress, where = [], []

    def work(report, _cancelled):
        for i in range(1, 4):
            report(i, 3)
        return 42

    with qtbot.waitSignal(runner.task_finished, timeout=10000):
        runner.task_progressed.connect(lambda info, done, total: progress.append((done, total)))
        runner.submit(work, on_success=lambda v: where.append((v, threading.get_ident())))
    assert where == [(42, threading.get_ident())]
    assert progress[-1] == (3, 3)  # the final report is never throttled away


def test_cancel_stops_a_task_that_polls_cancelled(qtbot, runner):
    outcome = []
    running = threading.Event()

    def work(_report, cancelled):
        running.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise Cancelled

    handle = runner.submit(
        work, on_success=lambda _v: outcome.append("success"), on_cancel=lambda: outcome.append("cancelled")
    )
    assert running.wait(10)
    with qtbot.waitSignal(runner.task_finished, timeout=10000):
        handle.cancel()
    assert outcome == ["cancelled"]


def test_errors_are_reported_not_raised(qtbot, runner):
    errors = []

    def work(_p, _c):
        raise ValueError("boom")

    with qtbot.waitSignal(runner.task_finished, timeout=10000):
        runner.submit(work, on_error=errors.append)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "boom"
    assert runner.running() == []


@pytest.mark.parametrize("lane", list(Lane))
def test_result_of_a_finished_task_is_delivered_once(qtbot, runner, lane):
    results = []
    with qtbot.waitSignal(runner.task_finished, timeout=10000):
        runner.submit(lambda _p, _c: "x", lane=lane, on_success=results.append)
    assert results == ["x"]


class _Cycle:
    """Cyclic garbage that records the thread that finalises it."""

    finalised_in: list[int] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.finalised_in.append(threading.get_ident())


def test_cyclic_garbage_made_in_a_worker_is_collected_on_the_gui_thread(qtbot, runner):
    """A collection started by a worker's allocations could traverse Qt wrappers the GUI thread is
    destroying (a segfault seen in the whole-flow test); cycles must die on the GUI thread instead."""
    import gc

    _Cycle.finalised_in.clear()
    gui = threading.get_ident()

    def work(_report, _cancelled):
        for _ in range(50):
            _Cycle()
        # Far past every generation's threshold: automatic collection would run here, in the worker.
        junk = [[i] for i in range(200_000)]
        return threading.get_ident(), junk  # junk stays alive: the next GUI tick finds gen 0 due

    done = []
    assert not gc.isenabled()  # the runner holds automatic collection off
    with qtbot.waitSignal(runner.task_finished, timeout=10000):
        runner.submit(work, on_success=done.append)
    worker = done[0][0]
    assert worker != gui
    # the GUI thread's timer may collect while the worker still runs, or after: on the GUI thread either way
    qtbot.waitUntil(lambda: len(_Cycle.finalised_in) == 50, timeout=5000)
    assert set(_Cycle.finalised_in) == {gui}


def test_automatic_collection_is_off_while_a_runner_exists_and_back_after(qapp, runner):
    import gc

    from reviewer.ui.gui_gc import GuiGarbageCollector, collector
    from reviewer.ui.tasks import TaskRunner

    shared = collector()
    before = shared._holders
    extra = TaskRunner()
    assert shared._holders == before + 1 and not gc.isenabled()
    del extra  # destroyed → released; the fixture's runner still holds
    assert shared._holders == before and not gc.isenabled()

    own = GuiGarbageCollector(qapp)  # the last release restores what it found
    gc.enable()
    try:
        own.hold()
        own.hold()
        assert not gc.isenabled()
        own.release()
        assert not gc.isenabled()
        own.release()
        assert gc.isenabled()
    finally:
        gc.disable()  # the shared collector still holds for the fixture's runner
        own.deleteLater()


def test_the_gui_thread_collects_the_generation_that_is_due(qapp, runner):
    import gc

    from reviewer.ui.gui_gc import collector

    gc.collect()
    assert collector().collect_due() == -1  # nothing due right after a collection
    keep = [[i] for i in range(gc.get_threshold()[0] + 10)]
    assert collector().collect_due() == 0
    assert gc.get_count()[0] < gc.get_threshold()[0]
    del keep

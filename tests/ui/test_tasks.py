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

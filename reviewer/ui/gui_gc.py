"""Python's cyclic garbage collector, run on the GUI thread only while background tasks may run.

Automatic collection starts in whichever thread happens to allocate past a threshold. In a pool thread
that is unsafe with PySide6: shiboken releases the GIL half-way through destroying a widget (a dialog
removed by `deleteLater`), and a collection that starts in a worker meanwhile traverses the
half-destroyed wrappers. Seen here as a segfault one run in five of the whole-flow GUI test: the IO lane
collected (in `subtract_refs`, inside shiboken's traverse of a QHBoxLayout) while the GUI thread sat in
`~QFormLayout` → `Shiboken::Object::destroy`, waiting for the GIL; and as exports that never finished.

So while any `TaskRunner` exists, automatic collection is off and a timer on the GUI thread collects
the generations that are due under the same thresholds Python would use. A collection on the GUI
thread cannot interleave with a destruction on the GUI thread. Cycles still die within one tick;
everything else is freed by reference counting as always.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

TICK_MS = 100
# A full collection walks every tracked object; Python itself defers it while few objects are new
# (its long-lived ratio, not visible from Python), this bounds it in time instead.
FULL_EVERY_S = 5.0


class GuiGarbageCollector(QObject):
    """Owned by the application; `hold()`/`release()` counted by the task runners."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._holders = 0
        self._was_enabled = True
        self._last_full = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.collect_due)

    def hold(self) -> None:
        if self._holders == 0:
            self._was_enabled = gc.isenabled()
            gc.disable()
            self._timer.start()
        self._holders += 1

    def release(self) -> None:
        self._holders = max(0, self._holders - 1)
        if self._holders == 0:
            self._timer.stop()
            if self._was_enabled:
                gc.enable()

    @property
    def holding(self) -> bool:
        return self._holders > 0

    def collect_due(self) -> int:
        """The oldest generation whose count passed its threshold, like CPython's own choice; −1 if none."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = -1
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                due = generation
                break
        if due == 2 and time.monotonic() - self._last_full < FULL_EVERY_S:
            due = 1
        if due >= 0:
            gc.collect(due)
            if due == 2:
                self._last_full = time.monotonic()
        return due


def freeze_long_lived() -> None:
    """Leave the objects alive now out of every later collection. Called when a document and its rows
    have been loaded: they live as long as the document is open, and a full collection walking them
    again (170,000 objects for a 300-page PDF with 3,000 findings) took 0.2–0.5 s of the GUI thread.
    Frozen objects are still freed by reference counting; only cycles that are garbage at this very
    moment stay (a few dialogs' worth at most)."""
    gc.freeze()


_collector: GuiGarbageCollector | None = None


def collector() -> GuiGarbageCollector | None:
    """The application's collector, created on first use from the GUI thread (None without an app)."""
    global _collector
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return None
    if _collector is None or _collector.parent() is not app:
        _collector = GuiGarbageCollector(app)
    return _collector

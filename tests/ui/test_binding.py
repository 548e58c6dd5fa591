"""Guard against the PySide6 6.12.0 binding bug that drops a reference to None on every void call
(on Python 3.11 the GUI aborts with `none_dealloc` after a few thousand calls)."""

import sys

from PySide6.QtCore import QTimer


def test_void_calls_keep_the_reference_count_of_none(qapp):
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(2000):
        timer.setInterval(5)
    assert sys.getrefcount(None) - before > -100

"""No text cut off, in Chinese and in English, at 1360×768 and 1920×1080: the main window during a review
and every dialog (the gallery's states: the same ones the committed screenshots show). The window fits
a 1366×768 screen with its frame, and the action tooltips speak the UI language."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from reviewer.ui import gallery
from tests.ui.layout_check import clipped

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_text_is_cut_off_in_the_window_or_any_dialog(qapp, tmp_path, language):
    window, runner = gallery.build(qapp, tmp_path, language, (1360, 768))
    try:
        assert window.minimumSizeHint().height() <= 768 - 60 and window.minimumSizeHint().width() <= 1360
        for size in ((1360, 768), (1920, 1080)):
            window.setWindowState(Qt.WindowState.WindowNoState)
            window.resize(*size)
            gallery.settle(300)
            assert (window.width(), window.height()) == size
            for dock in (
                window.workflow.workspace_dock,
                window.workflow.audit_dock,
                window.workflow.attribute_dock,
                window.bulk_dock,
            ):  # each tab in front in turn
                dock.raise_()
                gallery.settle(100)
                assert clipped(window) == [], (size, dock.objectName(), clipped(window))
            detected = []  # a task in the status bar: its label and percentage fit
            window.detection_finished.connect(detected.append)
            window.detect()
            assert window.task_progress.bar.isVisible() and clipped(window.statusBar()) == []
            gallery.wait_until(lambda: detected)
            window.detection_finished.disconnect(detected.append)
            seen = []
            for name, dialog in gallery.gallery_states(window):
                seen.append(name)
                assert clipped(dialog) == [], (size, name, clipped(dialog))
            assert len(seen) >= 17 and "term-lists" in seen, seen
        if language == "zh_CN":  # tooltips in the UI language: the action's name and its key
            for action in window.actions_by_name.values():
                tip = re.sub(r"\s*\([^)]*\)$", "", action.toolTip())
                assert tip and not re.search(r"[A-Za-z]{3,}", tip), tip
    finally:
        window.translations.install("en")  # this window's translators (and Qt's own) out again
        window.close()
        runner.cancel_all()
        runner.wait_for_done(30000)


def test_the_check_sees_cut_text(qtbot):
    """The check itself: a label, a button and a placeholder too wide for their widgets are reported."""
    from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    row = QHBoxLayout(root)
    label, button, edit = QLabel("公开属性认定与审核签发"), QPushButton("Return for rework"), QLineEdit()
    wrapped, combo = (
        QLabel("The rationale of the attribute, long enough to need three lines here"),
        QComboBox(),
    )
    wrapped.setWordWrap(True)
    wrapped.setObjectName("wrapped")
    combo.addItem("All categories")
    edit.setPlaceholderText("Search findings by text")
    for widget in (label, button, edit, wrapped, combo):
        widget.setFixedWidth(40 if widget is not wrapped else 120)
        row.addWidget(widget)
    wrapped.setFixedHeight(20)
    root.show()
    qtbot.waitExposed(root)
    assert {name for name, *_ in clipped(root)} == {
        "QLabel",
        "QPushButton",
        "QLineEdit",
        "wrapped",
        "QComboBox",
    }
    for widget in (label, button, edit, wrapped, combo):
        widget.setFixedWidth(600)
    qtbot.wait(10)
    assert clipped(root) == []

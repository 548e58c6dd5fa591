"""The PDF viewer driven with real mouse and key events: zoom (Ctrl+wheel about the pointer, Ctrl++ and
Ctrl+-, fit width, fit page, 100 %), text selection by dragging along a line, Ctrl+click and Ctrl+drag
selection of highlights, the context menu of a highlight, box styles per review state, the view
following J/K at any zoom, and only the pages near the viewport rendered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from reviewer.ui.labels import ReviewState
from tests.ui.conftest import SAMPLES
from tests.ui.test_bulk import click_menu, right_click


def _open_and_detect(qtbot, window, path):
    with qtbot.waitSignal(window.document_opened, timeout=30000):
        window.open_path(path)
    with qtbot.waitSignal(window.detection_finished, timeout=60000):
        window.detect()
    window.findings.table.setFocus()


@pytest.fixture
def pdf_window(qtbot, make_window, workspace):
    ws, users = workspace
    window = make_window(ws, size=(1360, 768))
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, SAMPLES / "penalty-decision.pdf")
    view = window.view.pdf_view
    qtbot.waitUntil(lambda: 0 in view.rendered_pages(), timeout=10000)
    return window


def _viewport_pos(view, scene: QPointF) -> QPoint:
    return view.mapFromScene(scene)


def _wheel(view, pos: QPoint, steps: int, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    event = QWheelEvent(
        QPointF(pos),
        QPointF(view.viewport().mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_zoom_keys_wheel_fit_and_actual_size(qtbot, pdf_window):
    window = pdf_window
    view = window.view.pdf_view
    table = window.findings.table
    fit = view.zoom
    assert view.mode == "width"
    qtbot.keyClick(table, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom > fit and view.mode == "fixed"
    qtbot.keyClick(table, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom < fit
    qtbot.keyClick(table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # 100 %: the printed size
    assert view.zoom == 1.0 and abs(view.transform().m11() - view.logicalDpiX() / 72) < 1e-6
    assert "100 %" in window.original.title.text()
    qtbot.keyClick(table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # fit page: a whole page in view
    page = view._paper[view.page_at(view.visible_scene_rect().center().y())]
    assert view.visible_scene_rect().contains(page)
    qtbot.keyClick(table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # fit width again
    assert view.mode == "width" and abs(view.zoom - fit) < 1e-6
    # Ctrl+wheel zooms about the pointer: the point under it stays under it
    pos = QPoint(view.viewport().width() // 3, view.viewport().height() // 3)
    under = view.mapToScene(pos)
    _wheel(view, pos, 2)
    assert view.zoom > fit * 1.2
    assert (view.mapToScene(pos) - under).manhattanLength() * view.transform().m11() < 3
    # the page under the viewport is rendered again at the new resolution
    index = view.page_at(view.visible_scene_rect().center().y())
    qtbot.waitUntil(lambda: (view.render_scale(index) or 0) >= view.transform().m11(), timeout=10000)
    # a plain wheel scrolls
    value = view.verticalScrollBar().value()
    zoom = view.zoom
    _wheel(view, pos, -2, Qt.KeyboardModifier.NoModifier)
    assert view.zoom == zoom and view.verticalScrollBar().value() > value


def test_the_view_follows_j_and_k_at_any_zoom(qtbot, pdf_window):
    window = pdf_window
    view = window.view.pdf_view
    table = window.findings.table
    for _ in range(10):
        qtbot.keyClick(table, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom >= 2.0
    for key in [Qt.Key.Key_J] * 6 + [Qt.Key.Key_K] * 3:
        qtbot.keyClick(table, key)
        rect = view.box_rect(window.findings.current_id())
        visible = view.visible_scene_rect()
        assert rect is not None and visible.contains(rect.center()), key
        # all of it, or as much as the pane's width can show
        shown = visible.intersected(rect)
        assert (
            shown.height() >= rect.height() - 0.5 and shown.width() >= min(rect.width(), visible.width()) - 1
        )


def test_drag_along_a_line_selects_its_text_and_m_marks_it(qtbot, pdf_window):
    window = pdf_window
    view = window.view.pdf_view
    text = window.document.text
    start = text.index("天星桥正街42号")
    end = start + len("天星桥正街42号")
    block = window.document.block_at(start)
    first, last = block.boxes[start - block.start], block.boxes[end - 1 - block.start]
    origin = view.page_origin(block.page)
    a = _viewport_pos(view, origin + QPointF(first[0] + 0.5, (first[1] + first[3]) / 2))
    b = _viewport_pos(view, origin + QPointF(last[2] - 0.5, (last[1] + last[3]) / 2))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), pos=QPoint((a.x() + b.x()) // 2, a.y()))
    qtbot.mouseMove(view.viewport(), pos=b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)
    assert view.selected_span() == (start, end)
    assert len(view.selection_rects()) == 1  # one line, drawn as one band
    dialogs = []
    window.review.dialog_opened.connect(dialogs.append)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_M)
    dialog = dialogs[-1]
    assert dialog.span() == (start, end)
    count = window.model.rowCount()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert window.model.rowCount() == count + 1
    assert view.selected_span() is None and view.selection_rects() == []  # nothing stays drawn
    # a plain click elsewhere clears a selection too
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), pos=b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)
    assert view.selection_rects()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    assert view.selection_rects() == []
    # and so does Esc
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), pos=b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)
    assert view.selection_rects() and view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.selection_rects() == [] and view.selected_span() is None


def test_ctrl_click_and_ctrl_drag_select_highlights_and_the_menu_decides_them(qtbot, pdf_window):
    window = pdf_window
    view = window.view.pdf_view
    rows = [r for r in window.model.rows() if (r.finding.locator or {}).get("page") == 1][:4]
    centres = [_viewport_pos(view, view.box_rect(r.id).center()) for r in rows]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centres[0])
    assert window.findings.current_id() == rows[0].id
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, pos=centres[2]
    )
    assert window.findings.selected_ids() == [rows[0].id, rows[2].id]
    assert view._boxes[rows[2].id][0].pen().color().name() == "#1f6feb"  # drawn as selected
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, pos=centres[2]
    )
    assert window.findings.selected_ids() == [rows[0].id]
    # Ctrl+drag: a rectangle around the first three
    top_left = view.box_rect(rows[0].id).topLeft() - QPointF(30, 4)
    bottom = max(view.box_rect(r.id).bottom() for r in rows[:3]) + 2
    corner = _viewport_pos(view, QPointF(view.box_rect(rows[0].id).right() + 400, bottom))
    start = _viewport_pos(view, top_left)
    qtbot.mousePress(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, pos=start
    )
    qtbot.mouseMove(view.viewport(), pos=(start + corner) / 2)
    qtbot.mouseMove(view.viewport(), pos=corner)
    qtbot.mouseRelease(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, pos=corner
    )
    chosen = window.findings.selected_ids()
    assert {r.id for r in rows[:3]} <= set(chosen)
    assert view.rubberBandRect().isNull()  # the band is gone after use
    right_click(qtbot, view.viewport(), _viewport_pos(view, view.box_rect(rows[1].id).center()))
    with qtbot.waitSignal(window.review.bulk_decided, timeout=10000):
        click_menu(qtbot, window.bulk.last_menu, "menuAccept")
    assert {window.review.row(i).state for i in chosen} == {ReviewState.ACCEPTED}


def test_box_styles_differ_per_review_state(qtbot, pdf_window, tmp_path):
    from reviewer.ui.finding_style import KINDS, box_style

    styles = {k: box_style("personal", k) for k in KINDS}
    keys = {
        k: (p.style(), round(p.widthF(), 1), p.color().name(), b.style(), b.color().alpha())
        for k, (p, b) in styles.items()
    }
    assert len(set(keys.values())) == len(KINDS)  # five distinct drawings
    window = pdf_window
    view = window.view.pdf_view
    first = window.findings.current_id()
    qtbot.keyClick(window.findings.table, Qt.Key.Key_A)  # accepted, and the next becomes current
    pen = view._boxes[first][0].pen()
    assert (pen.style(), round(pen.widthF(), 1)) == (keys["accepted"][0], keys["accepted"][1])


def test_only_pages_near_the_viewport_are_rendered(qtbot, make_window, tmp_path):
    from bench.generate import make_pdf

    path = tmp_path / "long.pdf"
    make_pdf(path, pages=40)
    window = make_window(None, size=(1360, 768))
    with qtbot.waitSignal(window.document_opened, timeout=30000):
        window.open_path(path)
    view = window.view.pdf_view
    qtbot.waitUntil(lambda: 0 in view.rendered_pages(), timeout=10000)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: 39 in view.rendered_pages(), timeout=10000)
    rendered = view.rendered_pages()
    assert 0 not in rendered and len(rendered) <= len(view.visible_pages()) + 2 + 2 * 6

"""The keyboard flow on a real workspace (fake detector): J/K move and scroll, A accepts, R asks a
reason, E edits the span, M adds a manual finding from the selection, Ctrl+Z / Ctrl+Shift+Z."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reviewer.ui.dialogs.review_dialogs import RejectDialog, SpanDialog
from reviewer.ui.labels import ReviewState
from tests.ui.conftest import DATA, SAMPLES


def _open_and_detect(qtbot, window, path):
    with qtbot.waitSignal(window.document_opened, timeout=20000):
        window.open_path(path)
    with qtbot.waitSignal(window.detection_finished, timeout=20000):
        window.detect()


def _key(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.findings.table, key, modifier)


def _state(window, row_id):
    return window.model.row_at(window.model.row_of(row_id)).state


@pytest.fixture
def reviewing(qtbot, make_window, workspace):
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, SAMPLES / "penalty-decision.txt")
    window.findings.table.setFocus()
    return window


def test_j_k_move_through_findings_and_scroll_the_view(qtbot, reviewing):
    window = reviewing
    rows = window.model.rows()
    assert window.findings.current_id() == rows[0].id  # detection puts the reviewer on the first finding
    _key(qtbot, window, Qt.Key.Key_J)
    _key(qtbot, window, Qt.Key.Key_J)
    assert window.findings.current_id() == rows[2].id
    cursor = window.view.text_view.textCursor()
    assert cursor.position() == rows[2].finding.start  # the view moved to it
    assert window.view.text_view.cursorRect().intersects(window.view.text_view.viewport().rect())
    _key(qtbot, window, Qt.Key.Key_K)
    assert window.findings.current_id() == rows[1].id


def test_accept_reject_undo_redo_by_keyboard(qtbot, reviewing):
    window = reviewing
    first = window.findings.current_id()
    with qtbot.waitSignal(window.preview_refreshed, timeout=5000):
        _key(qtbot, window, Qt.Key.Key_A)
    assert _state(window, first) == ReviewState.ACCEPTED
    assert window.model.row_at(window.model.row_of(first)).operator == "pseudonym"  # 王建国, general profile
    assert "王某" in window.preview.text.toPlainText() and "王建国" not in window.preview.text.toPlainText()
    second = window.findings.current_id()
    assert second != first  # moved on to the next undecided finding
    dialogs = []
    window.review.dialog_opened.connect(dialogs.append)
    _key(qtbot, window, Qt.Key.Key_R)
    dialog = dialogs[-1]
    assert (
        isinstance(dialog, RejectDialog)
        and not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    )
    dialog.reason.setEditText("已经公开")
    with qtbot.waitSignal(window.preview_refreshed, timeout=5000):
        dialog.accept()
    row = window.model.row_at(window.model.row_of(second))
    assert row.state == ReviewState.REJECTED and row.note == "已经公开"
    assert row.finding.text in window.preview.text.toPlainText()  # a rejected finding stays as printed
    with qtbot.waitSignal(window.preview_refreshed, timeout=5000):
        _key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _state(window, second) == ReviewState.PENDING
    assert row.finding.text not in window.preview.text.toPlainText()  # undecided: removed under the profile
    _key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _state(window, first) == ReviewState.PENDING
    _key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _state(window, first) == ReviewState.ACCEPTED
    events = [e.action for e in window.services.workspace.events(window.review.session.document_id)]
    assert (
        events.count("decision.recorded") == 2 and "decision.undone" in events and "decision.redone" in events
    )


def test_edit_span_and_manual_finding_from_a_selection(qtbot, reviewing):
    window = reviewing
    text = window.document.text
    dialogs = []
    window.review.dialog_opened.connect(dialogs.append)
    id_row = next(r for r in window.model.rows() if r.finding.entity_type == "CN_ID_CARD")
    window.findings.select_id(id_row.id)
    _key(qtbot, window, Qt.Key.Key_E)
    dialog = dialogs[-1]
    assert isinstance(dialog, SpanDialog) and dialog.span() == (id_row.finding.start, id_row.finding.end)
    dialog.set_span(id_row.finding.start, id_row.finding.end - 4)
    dialog.accept()
    edited = window.model.row_at(window.model.row_of(id_row.id))
    assert edited.state == ReviewState.ACCEPTED and edited.finding.text == id_row.finding.text[:-4]
    # M: select 沙坪坝区 in the document, add it as a manual address finding
    start = text.index("小龙坎街道")
    window.view.text_view.select_span(start, start + 5)
    _key(qtbot, window, Qt.Key.Key_M)
    dialog = dialogs[-1]
    assert dialog.span() == (start, start + 5)
    dialog.entity_type.setCurrentIndex(dialog.entity_type.findData("CN_ADDRESS"))
    dialog.note.setText("街道名称")
    count = window.model.rowCount()
    dialog.accept()
    assert window.model.rowCount() == count + 1
    manual = window.model.row_at(window.model.row_of(window.findings.current_id()))
    assert (manual.finding.text, manual.finding.entity_type) == ("小龙坎街道", "CN_ADDRESS")
    assert window.view.text_view.extraSelections()  # highlighted in the document too
    _key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.rowCount() == count  # undoing the manual finding removes it


def test_m_without_selection_explains_what_to_do(qtbot, reviewing):
    window = reviewing
    window.view.text_view.moveCursor(window.view.text_view.textCursor().MoveOperation.Start)
    with qtbot.waitSignal(window.error_shown, timeout=2000) as blocker:
        _key(qtbot, window, Qt.Key.Key_M)
    assert "Select the text" in blocker.args[0].text()
    blocker.args[0].close()


def test_shortcut_help_lists_every_review_key(qtbot, make_window):
    window = make_window()
    dialog = window.show_shortcuts()
    keys = {dialog.table.item(i, 1).text() for i in range(dialog.table.rowCount())}
    assert {"J", "K", "A", "R", "E", "M", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+E", "F1"} <= keys
    dialog.close()


def test_without_login_findings_show_but_decisions_are_refused(qtbot, make_window, workspace):
    window = make_window(workspace[0])
    _open_and_detect(qtbot, window, DATA / "roster.docx")
    assert window.model.rowCount() == 5
    with qtbot.waitSignal(window.error_shown, timeout=2000) as blocker:
        _key(qtbot, window, Qt.Key.Key_A)
    assert "Log in first" in blocker.args[0].text()
    blocker.args[0].close()


def test_supervisor_returns_a_review_with_a_comment(qtbot, make_window, workspace):
    from tests.ui.conftest import PASSWORDS  # a return is signed: the supervisor's password

    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, SAMPLES / "penalty-decision.txt")
    session = window.review.session
    session.review.submit()
    window.services.workspace.set_user(users["zhang"])
    opened = []
    window.workflow.dialog_opened.connect(opened.append)
    window.workflow.sign_off()
    dialog = opened[-1]
    assert not dialog.approve_button.isEnabled()  # undecided findings, no attribute, no export
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert texts and all(t.strip() for t in texts)
    dialog.comment.setPlainText("请补充公开属性认定")
    dialog.password.setText(PASSWORDS["zhang"])
    with qtbot.waitSignal(window.workflow.signed_off, timeout=10000):
        dialog.return_button.click()
    with qtbot.waitSignal(window.workflow.refreshed, timeout=10000):
        pass
    assert "Returned" in window.workflow.attribute_panel.status.text()
    assert "review.returned" in [e.action for e in ws.events(session.document_id)]

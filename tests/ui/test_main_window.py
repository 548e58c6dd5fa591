"""Main window behaviour: drag and drop, recent files, window state in QSettings, errors as dialogs
with the core's message in the UI language, progress with cancel."""

from __future__ import annotations

import threading
from dataclasses import replace

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from reviewer.ui.settings import AppSettings
from tests.ui.conftest import DATA, SAMPLES


def test_dropping_a_file_opens_it_and_it_becomes_recent(qtbot, make_window, settings):
    window = make_window()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(DATA / "roster.docx"))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.document_opened, timeout=20000):
        window.dropEvent(event)
    assert window.path == DATA / "roster.docx" and window.view.text_view.toPlainText() == window.document.text
    assert settings.recent_files() == [str((DATA / "roster.docx").resolve())]
    window._fill_recent_menu()
    assert [a.text() for a in window.recent_menu.actions()] == ["roster.docx"]
    assert window.welcome.recent.count() == 1


def test_window_state_is_kept_in_settings(qtbot, make_window, settings):
    window = make_window()
    window.resize(1234, 777)
    window.findings_dock.hide()
    window.close()
    again = AppSettings(settings.qsettings.fileName())
    geometry, state = again.window_state()
    assert geometry is not None and state is not None
    second = make_window(size=None)
    assert not second.findings_dock.isVisible()  # dock layout restored (the size is clamped to the screen)
    assert second.restoreGeometry(geometry)


def test_unreadable_file_shows_the_core_message_in_the_ui_language(
    qtbot, make_window, tmp_path, translations
):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    window = make_window()
    with qtbot.waitSignal(window.error_shown, timeout=20000) as blocker:
        window.open_path(bad)
    box = blocker.args[0]
    assert "broken.pdf" in box.text() and "Traceback" not in box.text()
    assert box.text()[0].isascii() and box.text()[0].isalpha()  # English UI: the core's English sentence
    box.close()
    translations.install("zh_CN")
    with qtbot.waitSignal(window.error_shown, timeout=20000) as blocker:
        window.open_path(bad)
    assert "\u4e00" <= blocker.args[0].text()[0] <= "\u9fff"  # Chinese UI: the core's Chinese sentence
    blocker.args[0].close()
    assert window.document is None  # nothing half-opened


def test_detection_shows_progress_and_can_be_cancelled(qtbot, make_window):
    started, release = threading.Event(), threading.Event()

    def slow_analyze(document, *, progress, cancelled, **_options):
        started.set()
        for i in range(1000):
            progress(i, 1000)
            if cancelled():
                from reviewer.ui.tasks import Cancelled

                raise Cancelled
            release.wait(0.01)
        return []

    window = make_window()
    window.services = replace(window.services, analyze=slow_analyze)
    with qtbot.waitSignal(window.document_opened, timeout=20000):
        window.open_path(SAMPLES / "penalty-decision.txt")
    window.detect()
    assert started.wait(10)
    qtbot.waitUntil(lambda: window.progress.isVisible() and window.progress.maximum() == 1000, timeout=5000)
    assert window.cancel_button.isVisible() and window.actions_by_name["cancel"].isEnabled()
    window.actions_by_name["cancel"].trigger()
    qtbot.waitUntil(lambda: not window.progress.isVisible(), timeout=10000)
    assert window.model.rowCount() == 0
    assert window.status_label.text() == "Cancelled"


def test_first_run_creates_the_administrator_who_adds_a_reviewer(qtbot, make_window, tmp_path):
    from reviewer.core.service import open_workspace

    ws = open_workspace(tmp_path / "fresh")
    window = make_window(ws)
    opened = []
    window.workflow.dialog_opened.connect(opened.append)
    window.workflow.login()
    first = opened[-1]
    assert first.first_run
    first.username.setText("admin")
    first.password.setText("admin-pass-1")
    first.repeat.setText("admin-pass-1")
    first.also_reviewer.setChecked(False)
    first.try_accept()
    assert window.services.workspace.user.role == "admin"
    opened[-1].reject()  # the welcome message: "later"
    qtbot.waitUntil(lambda: window.actions_by_name["users"].isEnabled(), timeout=5000)
    window.actions_by_name["users"].trigger()
    users = opened[-1]
    users.password.setText("admin-pass-1")
    users.add_user()
    dialog = opened[-1]
    dialog.username.setText("wang")
    dialog.password.setText("wang-pass-123")
    dialog.repeat.setText("wang-pass-12")
    dialog.try_accept()
    assert dialog.error.text() and dialog.user is None  # passwords differ
    dialog.repeat.setText("wang-pass-123")
    dialog.try_accept()
    qtbot.waitUntil(lambda: "wang added" in users.status.text(), timeout=15000)
    assert ws.login("wang", "wang-pass-123").role == "reviewer"
    ws.close()


def test_verify_chain_reports_an_intact_workspace(qtbot, make_window, workspace):
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    window.workflow.audit_panel.verify_button.click()
    text = window.workflow.audit_panel.verify_result.text()
    assert text.startswith("Chain intact") and f"{ws.head().count} events" in text

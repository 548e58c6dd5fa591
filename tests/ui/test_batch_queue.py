"""Issue 31 in the app: File → Batch queue (Ctrl+Shift+B) lists a batch's documents most urgent first;
J/K move, Enter opens the document with the findings the batch recorded, Ctrl+Shift+J in the window
opens the next one (an archive member is extracted again and checked against its recorded hash); a
running batch shows its count and what is left. Real key events, a real workspace and files."""

from __future__ import annotations

import zipfile

from PySide6.QtCore import Qt

from reviewer.core.service.batch import inputs, jobs, local
from tests.ui.conftest import SAMPLES

LIGHT = "tests.core.service.batch.light_detector"


def _batch(ws, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-plain.txt").write_text("关于召开会议的通知\n定于下周一召开。\n", encoding="utf-8")
    (folder / "b-secret.txt").write_text("机密★10年\n关于某事项的通知\n联系人张建国。\n", encoding="utf-8")
    (folder / "c-broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj")
    (folder / "penalty-decision.txt").write_bytes((SAMPLES / "penalty-decision.txt").read_bytes())
    with zipfile.ZipFile(tmp_path / "received.zip", "w") as z:
        z.writestr("附件/roster.txt", "名单\n李秀英，110101199003071237。\n")
    return local.run_local(
        ws,
        [str(folder), str(tmp_path / "received.zip")],
        actor="os:tester",
        options=local.WorkerOptions(processes=1, detector=LIGHT),
    )


def test_the_queue_is_worked_down_with_the_keyboard(qtbot, make_window, workspace, tmp_path):
    ws, users = workspace
    batch = _batch(ws, tmp_path)
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(
        window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = window.workflow.batch_queue.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 5, timeout=10000)
    keys = [dialog.table.item(i, 1).text() for i in range(5)]
    assert keys[0].endswith("b-secret.txt")
    assert dialog.table.item(0, 3).text().startswith("Blocks release: 密级")
    assert keys[1].endswith("附件/roster.txt") and keys[-1].endswith("c-broken.pdf")
    assert "All 5 documents done" in dialog.progress_label.text()

    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_J)
    assert dialog.table.currentRow() == 1
    qtbot.keyClick(dialog.table, Qt.Key.Key_K)
    assert dialog.table.currentRow() == 0
    with qtbot.waitSignal(window.document_opened, timeout=20000):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert window.path.name == "b-secret.txt"
    qtbot.waitUntil(lambda: len(window.model.rows()) == 2, timeout=10000)  # the batch's findings, as recorded
    assert {r.finding.entity_type for r in window.model.rows()} == {"CLASSIFIED_MARKING", "PERSON"}

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    with qtbot.waitSignal(window.document_opened, timeout=20000):  # the next one: an archive member
        qtbot.keyClick(
            window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
    item = next(it for it in jobs.items(ws, batch.id) if it.key.endswith("附件/roster.txt"))
    assert window.path.name == "roster.txt" and window.document.sha256 == item.sha256
    assert dialog.table.currentRow() == 1

    dialog.table.selectRow(4)  # the refused file has nothing to open
    dialog.open_selected()
    assert "no result to review" in dialog.status.text()


def test_a_running_batch_shows_its_progress(qtbot, make_window, workspace, tmp_path):
    ws, _users = workspace
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"d{i}.txt").write_text(f"第{i}份\n", encoding="utf-8")
    batch, _ = jobs.open_batch(ws, [str(folder)], local.batch_settings("general", None), actor="os:tester")
    with inputs.inputs([str(folder)]) as entries:  # registered, not run yet: as seen while workers are at it
        jobs.register(ws, batch, entries, reclaim_running=False)
    window = make_window(ws)
    launcher = window.workflow.batch_queue
    dialog = launcher.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=10000)
    assert "0 of 3 done" in dialog.progress_label.text() and dialog.timer.isActive()
    assert dialog.progress_bar.maximum() == 3 and dialog.progress_bar.value() == 0
    dialog.close()

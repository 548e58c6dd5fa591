"""Issue 28 in the window: Review → Roster re-identification check on an open roster shows the panel
over the document's tables as the current decisions publish them (not the raw file), with rows below k
highlighted; the one-click step re-runs the check; a document without a roster says so."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt

from reviewer.core.deidentify.reidentification import can_step
from reviewer.ui.reid_dialog import ReidDialog
from reviewer.ui.reid_panel import FLAG_ROLE
from tests.ui.conftest import SAMPLES
from tests.ui.test_service_floor import _dialogs
from tests.ui.test_whole_flow import _Outcome


def _open_and_detect(qtbot, window, path) -> None:
    with qtbot.waitSignal(window.document_opened, timeout=30000):
        window.open_path(path)
    with _Outcome(qtbot, window, window.detection_finished, 60000):
        qtbot.keyClick(window.findings.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)


def _reid(qtbot, window):
    dialogs = _dialogs(window.workflow)
    action = next(a for a in window.menus["review"].actions() if a.objectName() == "action_reid")
    qtbot.waitUntil(action.isEnabled, timeout=10000)  # the panels refresh after the document opens
    qtbot.keyClick(window.findings.table, Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=60000)
    return dialogs[-1]


def test_the_check_shows_the_roster_as_the_decisions_publish_it(qtbot, make_window, workspace, roster):
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, roster.docx)
    dialog = _reid(qtbot, window)
    assert isinstance(dialog, ReidDialog) and dialog.isVisible()
    panel = dialog.panel
    check = panel.model.check()
    headers = [c.header for c in check.table.columns]
    id_col = next(i for i, h in enumerate(headers) if "身份证" in h)
    # the ID column as the copy would publish it (the profile the document's kind selects removes or masks the
    # numbers): no full ID number of the file is shown
    published = {panel.model.value(r, id_col) for r in range(panel.model.rowCount())}
    raw = {row["id"] for row in roster.rows}
    assert not published & raw
    # rows below k are those whose quasi-identifier keys occur fewer than k times (a brute-force count)
    k = panel.result().k
    keys = Counter(check.keys)
    below = {r for r in range(len(check.keys)) if keys[check.keys[r]] < k}
    flagged = {r for r in range(panel.model.rowCount())
               if panel.model.data(panel.model.index(r, 0), FLAG_ROLE) == "k"}
    assert flagged == below and below
    # one more generalisation step on a column that can take one: the check re-runs and the column tells less
    column = next(c for c in check.quasi if can_step(check.table, c, check.levels[c]))
    panel.view.setCurrentIndex(panel.model.index(0, column))
    assert panel.generalise.isEnabled()
    before = [panel.model.value(r, column) for r in range(panel.model.rowCount())]
    qtbot.mouseClick(panel.generalise, Qt.MouseButton.LeftButton)
    after = [panel.model.value(r, column) for r in range(panel.model.rowCount())]
    assert after != before and len(set(after)) <= len(set(before))
    dialog.close()


def test_a_document_without_a_roster_says_so(qtbot, make_window, workspace):
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, SAMPLES / "penalty-decision.txt")
    box = _reid(qtbot, window)
    assert box.objectName() == "reidNone" and ("roster" in box.text().lower() or "名册" in box.text())
    box.close()

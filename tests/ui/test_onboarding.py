"""Issue 30's first run and issue 24's user model, driven with real key and mouse events: the first
account administers and reviews, the users list adds, changes and disables accounts with confirmations,
refusals name roles in the UI language and say what to do next, an administrator with a document open
is not shown a dialog at each log-in, a stale decision shows the other reviewer's change and asks, and a
return is signed with the password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from reviewer.core.documents import load_document
from reviewer.core.service import open_workspace
from reviewer.ui.labels import ReviewState
from tests.ui.conftest import PASSWORDS, SAMPLES


def _dialogs(controller):
    opened = []
    controller.dialog_opened.connect(opened.append)
    return opened


def _activate(qtbot, dialog) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)


def _type_into(qtbot, widget, text: str) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def _ok(dialog) -> QPushButton:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def _open_and_detect(qtbot, window, path=SAMPLES / "penalty-decision.txt"):
    with qtbot.waitSignal(window.document_opened, timeout=20000):
        window.open_path(path)
    with qtbot.waitSignal(window.detection_finished, timeout=20000):
        window.detect()
    window.findings.table.setFocus()


def _first_run(qtbot, window, *, also_reviewer=True):
    dialogs = _dialogs(window.workflow)
    window.workflow.login()
    dialog = dialogs[-1]
    assert dialog.first_run and dialog.also_reviewer.isChecked() and dialog.signoff_note.isVisible()
    _activate(qtbot, dialog)
    _type_into(qtbot, dialog.username, "root")
    _type_into(qtbot, dialog.password, "root-pass-123")
    _type_into(qtbot, dialog.repeat, "root-pass-124")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert "differ" in dialog.error.text() and dialog.isVisible()
    _type_into(qtbot, dialog.repeat, "root-pass-123")
    if not also_reviewer:
        qtbot.mouseClick(dialog.also_reviewer, Qt.MouseButton.LeftButton, pos=_box_point(dialog.also_reviewer))
        assert not dialog.also_reviewer.isChecked()
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.services.workspace.user is not None, timeout=10000)
    welcome = dialogs[-1]  # the first run leads on: add the supervisor now, or later
    assert welcome.objectName() == "welcome" and "Add a supervisor for sign-off under File → Users" in welcome.text()
    return window.services.workspace.user, welcome


def _click_button(qtbot, box, text: str) -> None:
    button = next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _box_point(box):
    from PySide6.QtCore import QPoint

    return QPoint(8, box.height() // 2)  # the check mark, at the left


def test_first_run_makes_an_administrator_who_also_reviews(qtbot, make_window, tmp_path, translations):
    ws = open_workspace(tmp_path / "fresh")
    window = make_window(ws)
    user, welcome = _first_run(qtbot, window)
    _click_button(qtbot, welcome, "Later")
    assert {str(r) for r in user.roles} == {"admin", "reviewer"}
    assert "Add a supervisor for sign-off under File → Users" in window.status_label.text()
    assert "Reviewer, Administrator" in window.user_label.text()
    _open_and_detect(qtbot, window)
    table = window.findings.table
    qtbot.keyClick(table, Qt.Key.Key_A)  # the one-person workspace reviews with the same account
    assert any(r.state == ReviewState.ACCEPTED for r in window.model.rows())
    assert ws.verify().ok
    ws.close()


def test_users_list_adds_changes_and_disables_with_confirmations(qtbot, make_window, tmp_path, translations):
    ws = open_workspace(tmp_path / "fresh")
    window = make_window(ws)
    _user, welcome = _first_run(qtbot, window)
    dialogs = _dialogs(window.workflow)
    _click_button(qtbot, welcome, "Add users now…")  # leads straight to the users list
    qtbot.waitUntil(lambda: bool(dialogs) and dialogs[-1].objectName() != "welcome", timeout=5000)
    users = dialogs[-1]
    assert window.actions_by_name["users"].isEnabled()
    assert users.table.rowCount() == 1 and users.table.item(0, 2).text() == "Reviewer, Administrator"
    _activate(qtbot, users)
    qtbot.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
    assert "Enter your own password first" in users.status.text()  # each change is signed
    _type_into(qtbot, users.password, "root-pass-123")
    qtbot.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
    add = dialogs[-1]
    _activate(qtbot, add)
    _type_into(qtbot, add.username, "zhang")
    _type_into(qtbot, add.display_name, "Zhang")
    qtbot.mouseClick(add.roles.boxes["reviewer"], Qt.MouseButton.LeftButton, pos=_box_point(add.roles.boxes["reviewer"]))
    qtbot.mouseClick(add.roles.boxes["supervisor"], Qt.MouseButton.LeftButton,
                     pos=_box_point(add.roles.boxes["supervisor"]))
    assert add.roles.roles() == ["supervisor"]
    _type_into(qtbot, add.password, "zhang-pass-1")
    _type_into(qtbot, add.repeat, "zhang-pass-1")
    qtbot.mouseClick(_ok(add), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: users.status.text() == "zhang added as Supervisor. They can log in now.", timeout=15000)
    assert [users.table.item(r, 0).text() for r in range(users.table.rowCount())] == ["root", "zhang"]
    assert ws.login("zhang", "zhang-pass-1").roles == {"supervisor"}
    # a look-alike name is refused in the form, which stays open with the core's message
    qtbot.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
    again = dialogs[-1]
    _type_into(qtbot, again.username, "ZHANG")
    _type_into(qtbot, again.password, "other-pass-1")
    _type_into(qtbot, again.repeat, "other-pass-1")
    qtbot.mouseClick(_ok(again), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "looks almost the same as the existing user zhang" in again.error.text(), timeout=15000)
    assert again.isVisible()
    again.reject()
    # disable zhang: select the row with the mouse, click Disable
    rect = users.table.visualItemRect(users.table.item(1, 0))
    qtbot.mouseClick(users.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert users.toggle_button.text().replace("&", "") == "Disable"
    qtbot.mouseClick(users.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "disabled" in users.status.text(), timeout=15000)
    assert users.table.item(1, 3).text() == "Disabled" and users.toggle_button.text().replace("&", "") == "Enable"
    assert not ws.get_user("zhang").active
    # the administrator's own roles: drop the reviewer role
    rect = users.table.visualItemRect(users.table.item(0, 0))
    qtbot.mouseClick(users.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(users.roles_button, Qt.MouseButton.LeftButton)
    roles = dialogs[-1]
    qtbot.mouseClick(roles.roles.boxes["reviewer"], Qt.MouseButton.LeftButton, pos=_box_point(roles.roles.boxes["reviewer"]))
    qtbot.mouseClick(_ok(roles), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: users.status.text() == "Roles of root: Administrator.", timeout=15000)
    assert ws.verify().ok
    ws.close()


def test_an_admin_with_a_document_open_sees_no_dialog_at_log_in_and_a_refusal_that_says_what_to_do(
        qtbot, make_window, tmp_path, translations):
    ws = open_workspace(tmp_path / "fresh")
    admin = ws.create_first_admin("root", "root-pass-123")  # administrator only
    window = make_window(ws)
    errors = []
    window.error_shown.connect(errors.append)
    window.services.workspace.set_user(admin)
    _open_and_detect(qtbot, window)
    for _ in range(2):  # log in again, twice, with the document open
        dialogs = _dialogs(window.workflow)
        window.workflow.login()
        login = dialogs[-1]
        _type_into(qtbot, login.username, "root")
        _type_into(qtbot, login.password, "root-pass-123")
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not login.isVisible(), timeout=10000)
        qtbot.wait(200)
    assert errors == []
    assert "reviewing needs the reviewer role" in window.status_label.text()
    qtbot.keyClick(window.findings.table, Qt.Key.Key_A)
    assert len(errors) == 1
    text = errors[0].text()
    assert "root (administrator) may not review documents" in text and "File → Users" in text
    errors[0].close()
    ws.close()


def test_the_refusal_names_roles_in_chinese(qtbot, make_window, tmp_path, translations):
    """The same refusal in the Chinese UI: role names in Chinese, and what to do."""
    translations.install("zh_CN")
    ws = open_workspace(tmp_path / "fresh")
    admin = ws.create_first_admin("root", "root-pass-123")
    window = make_window(ws)
    errors = []
    window.error_shown.connect(errors.append)
    window.services.workspace.set_user(admin)
    _open_and_detect(qtbot, window)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_A)
    text = errors[-1].text()
    assert "root（管理员）无权审查文档" in text and "“审查人”或“审核人”" in text and "用户" in text
    assert "reviewer" not in text and "admin)" not in text
    errors[-1].close()
    ws.close()


def test_a_stale_decision_shows_the_other_reviewers_change_and_asks(qtbot, make_window, workspace, translations):
    ws, users = workspace
    wu = ws.create_user(users["admin"], "wu", "reviewer", "wu-pass-1234", "吴审查", admin_password=PASSWORDS["admin"])
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window)
    row_id = window.findings.current_id()
    # wu decides the same finding from another workstation after li's table was loaded
    other = ws.review(load_document(SAMPLES / "penalty-decision.txt"), wu)
    other.rows()
    other.decide([row_id], "reject", reason="不是个人信息")
    opened = _dialogs(window.review)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_A)
    question = opened[-1]
    assert question.objectName() == "staleQuestion"
    assert "wu changed this finding after you loaded it: reject (不是个人信息)" in question.text()
    shown = window.model.row_at(window.model.row_of(row_id))
    assert shown.state == ReviewState.REJECTED  # the table shows their decision while asking
    qtbot.mouseClick(question.findChild(QPushButton, "staleApplyMine"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.row_at(window.model.row_of(row_id)).state == ReviewState.ACCEPTED,
                    timeout=5000)
    [stored] = [f for f in ws.findings(1) if str(f.id) == row_id]
    assert stored.decision.kind == "accept" and stored.decision.actor == "li"
    assert ws.verify().ok


def test_a_return_is_signed_with_the_password(qtbot, make_window, workspace, tmp_path, translations):
    """Returning a review needs the password (it is signed, like an approval); without it the dialog
    stays open with the reason kept."""
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window)
    window.findings.table.setFocus()
    for _ in range(window.model.rowCount()):
        qtbot.keyClick(window.findings.table, Qt.Key.Key_A)
    window.review.session.review.submit()
    window.services.workspace.set_user(users["zhang"])
    dialogs = _dialogs(window.workflow)
    window.workflow.sign_off()
    dialog = dialogs[-1]
    _activate(qtbot, dialog)
    qtbot.mouseClick(dialog.comment, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.comment, "please re-check the address")
    qtbot.mouseClick(dialog.return_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.password.hasFocus()
    assert dialog.comment.toPlainText() == "please re-check the address"
    qtbot.keyClicks(dialog.password, PASSWORDS["zhang"])
    with qtbot.waitSignal(window.workflow.signed_off, timeout=15000):
        qtbot.mouseClick(dialog.return_button, Qt.MouseButton.LeftButton)
    event = [e for e in ws.events(1) if e.action == "review.returned"][-1]
    assert event.signature and event.details["reason"] == "please re-check the address"
    assert ws.verify().ok

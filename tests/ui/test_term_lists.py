"""Issue 33 in the window: a supervisor edits the office's term lists from the menu, detects again with the real
engine (in its child process: the lists travel with the call) and sees the new findings; the audit log holds
the change. A reviewer may read the lists but not change them. The attribute dialog suggests the three
judgments and warns about a channel wider than the document's audience."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from reviewer.core.detection.terms import TermEntry, TermKind
from reviewer.core.service.terms import save_term_lists
from reviewer.ui.dialogs.term_lists_dialog import TermListsDialog
from tests.official_docs import write_docx
from tests.ui.conftest import SAMPLES
from tests.ui.test_service_floor import _activate, _dialogs, _type
from tests.ui.test_whole_flow import _Outcome


def _menu_action(window, name):
    """The action as the user reaches it: an entry of the Review menu."""
    action = next(a for a in window.menus["review"].actions() if a.objectName() == f"action_{name}")
    assert action.isEnabled()
    return action


def _tab(qtbot, dialog, kind: TermKind) -> None:
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(list(TermKind).index(kind)).center())
    assert dialog.current_kind() is kind


def test_a_supervisor_edits_the_lists_detects_again_and_sees_the_new_findings(qtbot, make_window, workspace):
    ws, users = workspace
    window = make_window(ws, fake_detector=False)
    window.start_engine()
    window.services.workspace.set_user(users["zhang"])
    with qtbot.waitSignal(window.document_opened, timeout=30000):
        window.open_path(SAMPLES / "penalty-decision.docx")
    with _Outcome(qtbot, window, window.detection_finished, 180000):
        qtbot.keyClick(window.findings.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    before = {(str(r.finding.entity_type), r.finding.text) for r in window.model.rows()}
    assert ("PERSON", "李晓梅") in before and not any(t.startswith("TERM_") for t, _ in before)

    dialogs = _dialogs(window.workflow)
    _menu_action(window, "terms").trigger()
    dialog = dialogs[-1]
    assert isinstance(dialog, TermListsDialog) and "No term list" in dialog.version.text()
    _activate(qtbot, dialog)
    _tab(qtbot, dialog, TermKind.BLOCK)
    _type(qtbot, dialog.term, "过期食品")
    _type(qtbot, dialog.note, "专案代号（测试）")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    _tab(qtbot, dialog, TermKind.DENY)
    _type(qtbot, dialog.term, "王建国")
    qtbot.keyClick(dialog.term, Qt.Key.Key_Return)  # Enter adds the term, it does not close the dialog
    assert dialog.isVisible()
    _tab(qtbot, dialog, TermKind.ALLOW)
    _type(qtbot, dialog.term, "李晓梅")
    _type(qtbot, dialog.note, "本局承办人，公开职务")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert [(e.kind, e.term) for e in dialog.entries()] == [
        (TermKind.BLOCK, "过期食品"), (TermKind.DENY, "王建国"), (TermKind.ALLOW, "李晓梅")]
    with qtbot.waitSignal(window.workflow.refreshed, timeout=10000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "version 1" in window.status_label.text()

    with _Outcome(qtbot, window, window.detection_finished, 180000):
        qtbot.keyClick(window.findings.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    after = {(str(r.finding.entity_type), r.finding.text): r for r in window.model.rows()}
    block = after[("TERM_BLOCK", "过期食品")]
    assert block.finding.severity == "block" and "单位敏感词库第 1 版" in block.finding.explanation
    assert ("TERM_DENY", "王建国") in after
    assert ("PERSON", "李晓梅") not in after  # now on the allow list
    changed = [e for e in ws.events() if e.action == "terms.changed"]
    assert len(changed) == 1 and changed[0].actor == "zhang" and changed[0].ts
    assert changed[0].details["added"] == [["block", "过期食品", "专案代号（测试）"], ["deny", "王建国", ""],
                                           ["allow", "李晓梅", "本局承办人，公开职务"]]
    runs = [e for e in ws.events(window.review.session.document_id) if e.action == "findings.detected"]
    assert [e.details["term_list"]["version"] for e in runs] == [0, 1]
    assert ws.verify().ok


def test_a_reviewer_reads_the_lists_but_cannot_change_them(qtbot, make_window, workspace):
    ws, users = workspace
    save_term_lists(ws, users["zhang"], [TermEntry(TermKind.DENY, "王建国", "测试")])
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    dialogs = _dialogs(window.workflow)
    _menu_action(window, "terms").trigger()
    dialog = dialogs[-1]
    assert dialog.tables[TermKind.DENY].item(0, 0).text() == "王建国"
    assert "zhang" in dialog.tables[TermKind.DENY].item(0, 2).text()
    assert not dialog.add_button.isEnabled()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "supervisors and administrators" in dialog.error.text()
    dialog.reject()


def test_the_attribute_dialog_suggests_the_judgments_and_warns_about_a_wider_channel(qtbot, make_window, workspace,
                                                                                    tmp_path):
    ws, users = workspace
    path = write_docx(tmp_path / "compensation.docx", [
        "某区住房和城乡建设委员会", "某区国有土地上房屋征收分户补偿情况公示",
        "根据《国有土地上房屋征收与补偿条例》第二十九条，现将分户补偿情况公示如下。",
        "某区住房和城乡建设委员会", "2026年12月1日"])
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    with qtbot.waitSignal(window.document_opened, timeout=30000):
        window.open_path(path)
    with qtbot.waitSignal(window.detection_finished, timeout=20000):
        window.detect()
    qtbot.waitUntil(window.actions_by_name["attribute"].isEnabled, timeout=10000)  # the document is stored
    dialogs = _dialogs(window.workflow)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = dialogs[-1]
    hints = dialog.judgment_hints.text()
    assert "房屋征收范围内" in hints and "2026-12-01" in hints and "第二十九条" in hints
    _activate(qtbot, dialog)
    _type(qtbot, dialog.channel.lineEdit(), "政府网站")
    assert "超出征收分户补偿规定的公开范围" in dialog.channel_warning.text()
    dialog.channel.setCurrentText("")
    assert dialog.channel_warning.text() == ""
    qtbot.mouseClick(dialog.findChild(QPushButton, "useSuggestion"), Qt.MouseButton.LeftButton)
    assert "2026-12-01" in dialog.timing.text() and "房屋征收范围内" in dialog.channel.currentText()
    assert dialog.channel_warning.text() == ""
    dialog.reject()

"""Issue 26 in the window, with real key events: the document kind shown in the attribute panel and changed with
the keyboard (the profile and the rows follow), a preset reject reason stored as its code, A on the printed 附注
confirming it (it stays in the copy), and the 部分公开 statement written from the review's decisions."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from reviewer.core.types import Category, EntityType, Finding, Severity
from reviewer.ui.dialogs.review_dialogs import RejectDialog
from reviewer.ui.labels import ReviewState
from tests.ui.conftest import SAMPLES, fake_findings


def _with_note(document) -> list[Finding]:
    """The fake detector's findings and the printed 附注, as the real detector reports it."""
    start = document.text.index("此件公开发布")
    note = Finding(EntityType.DISCLOSURE_NOTE, start, start + 6, "此件公开发布", 0.95, "fake", "印制的公开属性为主动公开",
                   Category.RESTRICTED, document.locate(start, start + 6), severity=Severity.INFO,
                   attributes={"attribute": "主动公开"})
    from reviewer.core.detection.roles import assign_roles

    return assign_roles(document, sorted([*fake_findings(document), note], key=lambda f: f.start))


@pytest.fixture
def window(qtbot, settings, translations, runner, workspace, tmp_path):
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.services import core_services
    from reviewer.ui.workspace_facade import WorkspaceFacade

    ws, users = workspace
    settings.export_folder = str(tmp_path / "exports")
    facade = WorkspaceFacade(ws, profile=lambda: settings.profile)
    services = replace(core_services(facade.open_session, facade), warm_up=lambda: None,
                       analyze=lambda d, **_kw: _with_note(d))
    w = MainWindow(services, runner, settings, translations)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    facade.set_user(users["li"])
    with qtbot.waitSignal(w.document_opened, timeout=20000):
        w.open_path(SAMPLES / "penalty-decision.txt")
    with qtbot.waitSignal(w.workflow.refreshed, timeout=20000):
        with qtbot.waitSignal(w.detection_finished, timeout=20000):
            w.detect()
    panel = w.workflow.policy.panel
    qtbot.waitUntil(lambda: panel.combo.isEnabled() and panel.combo.count() > 1, timeout=10000)
    w.findings.table.setFocus()
    return w


def _row(window, text):
    return next(r for r in window.model.rows() if r.finding.text == text)


def test_the_kind_is_shown_and_changed_with_the_keyboard_and_the_profile_follows(qtbot, window):
    panel = window.workflow.policy.panel
    assert panel.combo.currentData() == "penalty_decision"
    assert panel.combo.currentText() == "Administrative penalty decision"
    assert "行政处罚决定书" in panel.evidence.text() and "punitive-notice" in panel.profile.text()
    assert _row(window, "王建国").replacement is None  # the punished party stays
    ws = window.services.workspace.workspace
    doc_id = window.review.session.document_id
    panel.combo.setFocus()
    for kind in ("dishonest_list", "disclosure_reply"):  # 失信惩戒名单, then 政府信息公开申请答复书 (general)
        with qtbot.waitSignal(window.workflow.refreshed, timeout=10000):
            qtbot.keyClick(panel.combo, Qt.Key.Key_Down)
            qtbot.waitUntil(lambda kind=kind: ws.document(doc_id).kind == kind, timeout=10000)
        qtbot.waitUntil(lambda kind=kind: panel.combo.currentData() == kind, timeout=10000)
    qtbot.waitUntil(lambda: "general" in panel.profile.text(), timeout=10000)
    qtbot.waitUntil(lambda: _row(window, "王建国").replacement is not None, timeout=10000)
    assert _row(window, "王建国").replacement == "王某"  # general: a private person's name goes
    assert [e.details["kind"] for e in ws.events(doc_id) if e.action == "document.kind_set"] == [
        "dishonest_list", "disclosure_reply"]
    table = window.workflow.audit_panel.table
    qtbot.waitUntil(lambda: any(table.item(i, 2).text() == "Document kind changed" for i in range(table.rowCount())),
                    timeout=10000)
    last = next(i for i in reversed(range(table.rowCount())) if table.item(i, 2).text() == "Document kind changed")
    assert table.item(last, 3).text() == "Reply to a request for government information"  # the kind by its name


def test_a_preset_reason_is_stored_as_its_code_and_shown_in_the_interface_language(qtbot, window):
    row = _row(window, "13896001234")
    window.findings.select_id(row.id)
    opened = []
    window.review.dialog_opened.connect(opened.append)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_R)
    dialog = opened[-1]
    assert isinstance(dialog, RejectDialog) and dialog.reason.itemText(0) == "Not personal information"
    dialog.reason.setFocus()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)
    assert dialog.reason.currentText() == "Not personal information"
    with qtbot.waitSignal(window.review.rows_refreshed, timeout=10000):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    stored = {s.finding.text: s.decision for s in window.review.session.review.stored()}
    assert stored["13896001234"].reason == "not_personal"
    assert _row(window, "13896001234").note == "Not personal information"  # the table: the English label


def test_a_on_the_printed_note_confirms_it_and_it_stays_in_the_copy(qtbot, window):
    note = _row(window, "此件公开发布")
    window.findings.select_id(note.id)
    with qtbot.waitSignal(window.review.rows_refreshed, timeout=10000):
        qtbot.keyClick(window.findings.table, Qt.Key.Key_A)
    row = _row(window, "此件公开发布")
    assert row.state == ReviewState.ACCEPTED and row.operator == "keep" and row.replacement is None
    assert "此件公开发布" in window.review.session.preview().blocks[-1].text  # the copy keeps the note


def test_the_statement_action_writes_what_was_withheld_and_why(qtbot, window, tmp_path):
    session = window.review.session
    keys = [r.id for r in window.model.rows() if r.origin != "propagated"]
    session.decide(keys, "accept")
    opened = []
    window.workflow.dialog_opened.connect(opened.append)
    with qtbot.waitSignal(window.workflow.policy.statement_written, timeout=20000) as blocker:
        window.actions_by_name["statement"].trigger()
    statement = blocker.args[0]
    box = opened[-1]
    assert box.objectName() == "statementResult" and str(statement.places) in box.text()
    written = sorted(p.name for p in (tmp_path / "exports").iterdir())
    assert written == ["penalty-decision.部分公开说明.docx", "penalty-decision.部分公开说明.txt"]
    text = (tmp_path / "exports" / "penalty-decision.部分公开说明.txt").read_text(encoding="utf-8")
    assert "第三十七条" in text and "13896001234" not in text

"""Issue 23 as a user met it, driven with real key events on real files: what the table says is what the
preview shows and what the exported file holds; dialogs never drop input; the export gate."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from reviewer.core.documents import load_document
from reviewer.ui.dialogs.review_dialogs import SpanDialog
from reviewer.ui.labels import ReviewState
from tests.ui.conftest import PASSWORDS, SAMPLES


def _open_and_detect(qtbot, window, path):
    with qtbot.waitSignal(window.document_opened, timeout=20000):
        window.open_path(path)
    with qtbot.waitSignal(window.detection_finished, timeout=20000):
        window.detect()
    window.findings.table.setFocus()


def _row(window, predicate):
    return next(r for r in window.model.rows() if predicate(r))


def _focused():
    return QApplication.focusWidget()


def _type(qtbot, widget, text: str) -> None:
    """Type as a Chinese user does: through the input method, which commits the composed characters
    (QTest's key clicks cannot produce CJK characters and abort on them)."""
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
    qtbot.wait(1)


def _activate(qtbot, dialog) -> None:
    """The dialog is the active window, as it is for a user (focus moves inside it with Tab)."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)


def _dialogs(controller):
    opened = []
    controller.dialog_opened.connect(opened.append)
    return opened


@pytest.fixture
def reviewing_pdf(qtbot, make_window, workspace):
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, SAMPLES / "penalty-decision.pdf")
    return window


def _export(qtbot, window, folder, *, answer: str | None = "undecidedAccept"):
    """Ctrl+E with the dialog's OK, answering the undecided question by its button's object name."""
    dialogs = _dialogs(window.workflow)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = dialogs[-1]
    dialog.folder.setText(str(folder))
    for box in dialog.logs.values():
        box.setChecked(False)
    with qtbot.waitSignal(window.workflow.exported, timeout=60000) as blocker:
        dialog.accept()
        if answer is not None and dialogs[-1] is not dialog:
            question = dialogs[-1]
            question.findChild(type(question.button(question.StandardButton.Cancel)), answer).click()
    result = dialogs[-1]  # the result message: what was checked and what was not
    assert result.objectName() == "exportResult"
    text = result.text()
    result.close()
    return blocker.args[0]["copy"], text


def test_edit_span_survives_tab_shift_tab_and_enter(qtbot, reviewing_pdf, tmp_path):
    """The report: E on the e-mail, Tab to the note, type, Shift+Tab back to the text, Enter. The span
    was read from the text field's selection, which Shift+Tab turned into the whole context; the row said
    accepted, the preview showed the address, and the "verified" PDF held it. Now the span lives in its
    own fields, the note is stored, and the copy holds no e-mail address."""
    window = reviewing_pdf
    email = _row(window, lambda r: r.finding.entity_type == "EMAIL_ADDRESS")
    window.findings.select_id(email.id)
    dialogs = _dialogs(window.review)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_E)
    dialog = dialogs[-1]
    assert isinstance(dialog, SpanDialog)
    _activate(qtbot, dialog)
    dialog.context.setFocus()
    # keyboard selection inside the context: the first 9 characters of the address
    cursor = dialog.context.textCursor()
    cursor.setPosition(email.finding.start - dialog.start.minimum())
    dialog.context.setTextCursor(cursor)
    for _ in range(9):
        qtbot.keyClick(dialog.context, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.span() == (email.finding.start, email.finding.start + 9)
    qtbot.keyClick(dialog.context, Qt.Key.Key_Tab)
    assert _focused() is dialog.note
    _type(qtbot, dialog.note, "只删用户名")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert _focused() is dialog.context
    assert dialog.span() == (email.finding.start, email.finding.start + 9)  # focus changes lose nothing
    with qtbot.waitSignal(window.review.rows_refreshed, timeout=10000):
        qtbot.keyClick(dialog.context, Qt.Key.Key_Return)
    assert not isValid(dialog) or not dialog.isVisible()  # Enter accepted it (and it was deleted)
    row = window.model.row_at(window.model.row_of(email.id))
    assert row.state == ReviewState.ACCEPTED and row.finding.text == email.finding.text[:9] == "lixiaomei"
    assert row.note == "只删用户名" and row.replacement and "lixiaomei" not in row.replacement
    ws = window.services.workspace.workspace
    events = [e for e in ws.events(window.review.session.document_id) if e.action == "decision.recorded"]
    assert events[-1].details["note"] == "只删用户名" and events[-1].details["kind"] == "edit"
    copy, _ = _export(qtbot, window, tmp_path)
    exported = load_document(copy.output).text
    assert "lixiaomei" not in exported and "@example.gov.cn" in exported  # what the reviewer chose


def test_ok_is_disabled_with_the_reason_until_the_span_is_valid(qtbot, reviewing_pdf):
    window = reviewing_pdf
    email = _row(window, lambda r: r.finding.entity_type == "EMAIL_ADDRESS")
    window.findings.select_id(email.id)
    dialogs = _dialogs(window.review)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_E)
    dialog = dialogs[-1]
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.problem.isVisibleTo(dialog) and "unchanged" in dialog.problem.text()
    dialog.end.setValue(dialog.start.value())
    assert not ok.isEnabled() and "end must come after" in dialog.problem.text()
    qtbot.keyClick(dialog.context, Qt.Key.Key_Return)  # Enter with an invalid span keeps the dialog open
    assert dialog.isVisible()
    dialog.set_span(email.finding.start, email.finding.end)
    _type(qtbot, dialog.note, "已核对")
    assert ok.isEnabled() and not dialog.problem.isVisibleTo(dialog)  # unchanged span + note: an accept with it
    dialog.reject()


def test_manual_finding_keeps_its_span_when_the_type_changes(qtbot, make_window, workspace):
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, SAMPLES / "penalty-decision.txt")
    text = window.document.text
    start = text.index("天星桥正街42号")
    window.view.active.select_span(start, start + 8)
    span = window.view.selected_span()
    assert span is not None and span[1] > span[0]
    dialogs = _dialogs(window.review)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_M)
    dialog = dialogs[-1]
    chosen = dialog.span()
    dialog.entity_type.setFocus()
    qtbot.keyClick(dialog.entity_type, Qt.Key.Key_Down)  # another type, by keyboard
    dialog.entity_type.setCurrentIndex(dialog.entity_type.findData("CN_ADDRESS"))
    _type(qtbot, dialog.note, "门牌号")
    assert dialog.span() == chosen  # changing the type clears nothing
    count = window.model.rowCount()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert window.model.rowCount() == count + 1
    manual = window.model.row_at(window.model.row_of(window.findings.current_id()))
    assert (manual.finding.start, manual.finding.end, manual.finding.entity_type) == (*chosen, "CN_ADDRESS")
    ws = window.services.workspace.workspace
    added = [e for e in ws.events(window.review.session.document_id) if e.action == "finding.manual_added"][-1]
    assert added.details["note"] == "门牌号"


def test_a_manual_name_changes_every_occurrence_and_the_table_shows_each(qtbot, make_window, workspace, tmp_path):
    """A manual finding on one occurrence: the writers replace the value everywhere, so every occurrence
    is a row with the replacement the export writes (it showed 化名（某） while the file had ███)."""
    ws, users = workspace
    src = tmp_path / "letter.txt"
    src.write_text("来信人周海涛反映情况。\n经核实，周海涛所述属实。\n请周海涛于十日内补正材料。\n", encoding="utf-8")
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, src)
    start = window.document.text.index("周海涛")
    window.view.active.select_span(start, start + 3)
    dialogs = _dialogs(window.review)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_M)
    dialog = dialogs[-1]
    dialog.entity_type.setCurrentIndex(dialog.entity_type.findData("PERSON"))
    with qtbot.waitSignal(window.review.rows_refreshed, timeout=10000):
        dialog.accept()
    with qtbot.waitSignal(window.review.rows_refreshed, timeout=10000):
        qtbot.keyClick(window.findings.table, Qt.Key.Key_A)  # accept the manual finding
    rows = [r for r in window.model.rows() if r.finding.text == "周海涛"]
    assert len(rows) == 3 and {r.replacement for r in rows} == {"周某"}
    assert [r.origin for r in rows] == ["manual", "propagated", "propagated"]
    assert window.model.data(window.model.index(window.model.row_of(rows[1].id), window.model.OPERATOR)) == "→ 周某"
    copy, _ = _export(qtbot, window, tmp_path / "out")
    assert src.read_text(encoding="utf-8").replace("周海涛", "周某") == open(copy.output, encoding="utf-8").read()
    with qtbot.waitSignal(window.preview_refreshed, timeout=10000):
        window._refresh_preview()
    assert window.preview.text.toPlainText() == open(copy.output, encoding="utf-8").read().rstrip("\n")


def test_the_pdf_preview_pane_shows_the_page_as_exported(qtbot, reviewing_pdf, tmp_path):
    import pypdfium2
    from PIL import Image, ImageChops

    from reviewer.core.documents.pdf.pdfium_lock import PDFIUM_LOCK

    window = reviewing_pdf
    for _ in range(window.model.rowCount()):
        qtbot.keyClick(window.findings.table, Qt.Key.Key_A)
    window.findings.select_id(window.model.rows()[0].id)
    with qtbot.waitSignal(window.preview_refreshed, timeout=20000):
        window._refresh_preview()
    shown = window.preview.page_image()
    assert shown is not None and window.preview.page_number == 1
    copy, _ = _export(qtbot, window, tmp_path)
    # under the application's pdfium lock: pdfium is not thread-safe, and a preview may still be written in the
    # I/O pool (it follows the last decision)
    with PDFIUM_LOCK:
        pdf = pypdfium2.PdfDocument(copy.output)
        try:
            page = pdf[0]
            bitmap = page.render(scale=window.preview.page_scale)
            exported = bitmap.to_pil().convert("RGB")
            bitmap.close()
            page.close()
        finally:
            pdf.close()
    preview = Image.frombytes("RGB", (shown.width(), shown.height()), _rows(shown.convertToFormat(shown.Format.Format_RGB888)))
    assert preview.size == exported.size
    scale = window.preview.page_scale
    boxes = [b for r in window.model.rows() if r.replacement for b in (r.finding.locator or {}).get("boxes", [])
             if (r.finding.locator or {}).get("page") == 1]
    assert boxes
    for x0, top, x1, bottom in boxes:
        area = tuple(round(v * scale) for v in (x0, top, x1, bottom))
        assert ImageChops.difference(preview.crop(area), exported.crop(area)).getbbox() is None, area
        assert preview.crop(area).getextrema()[0][0] < 40  # a box is drawn there


def _rows(image) -> bytes:
    width, line = image.width() * 3, image.bytesPerLine()
    data = bytes(image.constBits())
    return b"".join(data[y * line: y * line + width] for y in range(image.height()))


def test_notes_and_the_approval_comment_are_in_the_audit_log(qtbot, make_window, workspace, tmp_path):
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, SAMPLES / "penalty-decision.txt")
    session = window.review.session
    for row in list(window.model.rows()):
        if row.origin != "propagated":
            session.accept(row.id, note="按通用策略")
    from tests.core.store.workspace_fixtures import proactive_record

    session.review.record_attribute(proactive_record())
    _export(qtbot, window, tmp_path)
    session.review.submit()
    window.services.workspace.set_user(users["zhang"])
    dialogs = _dialogs(window.workflow)
    window.workflow.sign_off()
    dialog = dialogs[-1]
    assert dialog.approve_button.isEnabled(), [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    qtbot.keyClicks(dialog.password, PASSWORDS["zhang"])
    _type(qtbot, dialog.comment, "同意公开")
    with qtbot.waitSignal(window.workflow.signed_off, timeout=30000):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    events = ws.events(session.document_id)
    approved = [e for e in events if e.action == "review.approved"][-1]
    assert approved.details["comment"] == "同意公开" and approved.signature
    notes = [e.details.get("note") for e in events if e.action == "decision.recorded"]
    assert notes and set(notes) == {"按通用策略"}
    assert ws.verify().ok


def test_export_gate_refuses_a_classified_document_and_records_an_override(qtbot, make_window, workspace, tmp_path):
    ws, users = workspace
    src = tmp_path / "minutes.txt"
    src.write_text("机密★10年\n会议纪要\n当事人：王建国参加会议。\n", encoding="utf-8")
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, src)
    assert any(r.finding.severity == "block" for r in window.model.rows())
    dialogs = _dialogs(window.workflow)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    export = dialogs[-1]
    export.folder.setText(str(tmp_path / "out"))
    export.accept()
    gate = dialogs[-1]
    assert gate.objectName() == "overrideDialog" and "机密★10年" in gate.findChild(type(gate.hint), "overrideMessage").text()
    assert not gate.override.isEnabled()
    gate.reject()
    assert not (tmp_path / "out").exists()  # refused: nothing written
    qtbot.keyClick(window.findings.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    export = dialogs[-1]
    export.folder.setText(str(tmp_path / "out"))
    for box in export.logs.values():
        box.setChecked(False)
    export.accept()
    gate = dialogs[-1]
    _type(qtbot, gate.reason_edit, "报送保密行政管理部门")
    assert gate.override.isEnabled()
    with qtbot.waitSignal(window.workflow.exported, timeout=60000):
        gate.override.click()
        dialogs[-1].findChild(type(gate.override), "undecidedAccept").click()
    record = [e for e in ws.events(window.review.session.document_id) if e.action == "export.recorded"][-1]
    assert record.details["override"]["reason"] == "报送保密行政管理部门"
    assert record.details["override"]["markings"] == ["机密★10年"]


def test_export_as_decided_leaves_undecided_findings_and_says_so(qtbot, make_window, workspace, tmp_path):
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, SAMPLES / "penalty-decision.txt")
    person = _row(window, lambda r: r.finding.entity_type == "PERSON")
    window.findings.select_id(person.id)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_A)
    phone = _row(window, lambda r: r.finding.entity_type == "CN_MOBILE_PHONE")
    assert phone.state == ReviewState.PENDING
    copy, message = _export(qtbot, window, tmp_path, answer="undecidedKeep")
    text = open(copy.output, encoding="utf-8").read()
    assert phone.finding.text in text and person.finding.text not in text
    record = [e for e in ws.events(window.review.session.document_id) if e.action == "export.recorded"][-1]
    assert record.details["undecided_mode"] == "keep" and record.details["undecided"] >= 1
    assert "not decided" in message and "left as they are" in message and "detection missed" in message


def test_a_preview_asked_for_while_a_decision_is_recorded_follows_the_decision(qtbot, reviewing_pdf):
    """The copy is written for the preview once the decision is recorded, not beside it: a preview of
    the state before the decision would be out of date when shown, and both would run slower."""
    window = reviewing_pdf
    submitted: list[str] = []
    submit = window.runner.submit

    def counting(fn, **kw):  # noqa: ANN001, ANN202
        submitted.append(kw.get("label", ""))
        return submit(fn, **kw)

    window.runner.submit = counting
    window.review._set_busy(True)  # as while a bulk decision is being recorded
    window._refresh_preview()
    qtbot.wait(300)
    assert "preview" not in submitted
    with qtbot.waitSignal(window.preview_refreshed, timeout=20000):
        window.review._set_busy(False)
    assert submitted.count("preview") == 1

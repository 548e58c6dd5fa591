"""The whole review on real sample documents through the real core (detection, workspace, export):
open → detect → decide → attribute → export (verified copy) → submit → sign off as another user →
export the review log → read the exported files back. Screenshots of the main states go to artifacts/.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from reviewer.core.documents import load_document
from reviewer.ui.dialogs.login_dialog import LoginDialog
from reviewer.ui.labels import ReviewState
from tests.ui.conftest import DATA, PASSWORDS, SAMPLES

pytestmark = pytest.mark.slow


class _Outcome:
    """Wait for `signal`, but fail at once with its text when the window shows an error instead (a
    failed background task reports through the error dialog; a plain waitSignal would time out)."""

    def __init__(self, qtbot, window, signal, timeout: int) -> None:
        self._qtbot, self._window, self._signal, self._timeout = qtbot, window, signal, timeout
        self.args: list | None = None
        self.errors: list[str] = []

    def _got(self, *args) -> None:
        self.args = list(args)

    def _error(self, box) -> None:
        self.errors.append(box.text())

    def __enter__(self):
        self._signal.connect(self._got)
        self._window.error_shown.connect(self._error)
        return self

    def __exit__(self, exc_type, *_):
        try:
            if exc_type is None:
                self._qtbot.waitUntil(lambda: self.args is not None or bool(self.errors), timeout=self._timeout)
                assert not self.errors, self.errors
        finally:
            self._signal.disconnect(self._got)
            self._window.error_shown.disconnect(self._error)
        return False


def _dialog(window, action):
    opened = []
    window.workflow.dialog_opened.connect(opened.append)
    try:
        action()
    finally:
        window.workflow.dialog_opened.disconnect(opened.append)
    return opened[-1]


def _login(window, username):
    dialog = _dialog(window, window.workflow.login)
    assert isinstance(dialog, LoginDialog)
    dialog.username.setText(username)
    dialog.password.setText(PASSWORDS[username])
    dialog.try_accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    assert window.services.workspace.user.username == username


def _review_everything(qtbot, window):
    """The printed note is confirmed (A: a check, never removed); organisations stay (R with a reason);
    everything else is accepted."""
    table = window.findings.table
    for _ in range(window.model.rowCount() + 2):
        row_id = window.findings.current_id()
        row = window.model.row_at(window.model.row_of(row_id))
        if row.state != ReviewState.PENDING:
            if all(r.state != ReviewState.PENDING for r in window.model.rows()):
                return
            qtbot.keyClick(table, Qt.Key.Key_J)
            continue
        if row.finding.category == "other":
            opened = []
            window.review.dialog_opened.connect(opened.append)
            qtbot.keyClick(table, Qt.Key.Key_R)
            window.review.dialog_opened.disconnect(opened.append)
            opened[-1].reason.setEditText("附注应保留 / the printed note stays")
            opened[-1].accept()
        else:
            qtbot.keyClick(table, Qt.Key.Key_A)
    assert all(r.state != ReviewState.PENDING for r in window.model.rows())


@pytest.mark.parametrize(
    "sample",
    [SAMPLES / "penalty-decision.txt", DATA / "roster.docx", DATA / "notice.pdf"],
    ids=["txt", "docx", "pdf"],
)
def test_whole_review_flow(qtbot, make_window, workspace, tmp_path, artifacts, translations, sample):
    ws, _users = workspace
    window = make_window(ws, fake_detector=False)
    started, progressed = [], []
    window.runner.task_started.connect(started.append)
    window.runner.task_progressed.connect(lambda info, done, total: progressed.append((info.label, done, total)))
    window.start_engine()  # the real presidio engine, in the background
    tag = sample.suffix[1:]
    _login(window, "li")
    with qtbot.waitSignal(window.document_opened, timeout=30000):
        window.open_path(sample)
    with _Outcome(qtbot, window, window.detection_finished, 180000):
        window.detect()
    findings = window.model.rows()
    assert findings, "the real detector found nothing"
    original = load_document(sample).text
    ids = re.findall(r"(?<!\d)\d{17}[\dX](?!\d)", original)
    assert ids and all(any(r.finding.text == i for r in findings) for i in ids)
    window.findings.table.setFocus()
    _review_everything(qtbot, window)
    window.grab().save(str(artifacts / f"flow-{tag}-reviewed.png"))

    # disclosure attribute: start from the core's suggestion, fill in who determined it
    dialog = _dialog(window, window.workflow.edit_attribute)
    dialog.apply_suggestion()
    # the core's suggestion follows the printed （此件公开发布）, the drafter's determination, where nothing rules it
    # out (names and IDs are still removed); the roster's 内部资料 header → 不予公开
    assert (
        dialog.attribute.currentData() == {"txt": "主动公开", "docx": "不予公开", "pdf": "主动公开"}[tag]
    )
    suggested = dialog.attribute.currentData()
    dialog.unit.setText("区市场监督管理局办公室")
    dialog.person.setText("李审查")
    dialog.wording.setText("表述准确")
    dialog.timing.setText("决定作出之日起20个工作日内")
    dialog.channel.setCurrentText("政府网站")
    with qtbot.waitSignal(window.workflow.refreshed, timeout=10000):
        dialog.try_accept()
        assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    assert suggested in window.workflow.attribute_panel.attribute.text()

    # verified de-identified copy, recorded in the workspace (approval needs one)
    export_dir = tmp_path / "exports"
    dialog = _dialog(window, window.export)
    dialog.folder.setText(str(export_dir))
    for box in dialog.logs.values():
        box.setChecked(False)
    with _Outcome(qtbot, window, window.workflow.exported, 60000) as blocker:
        dialog.accept()
    copy = blocker.args[0]["copy"]
    # saving findings commits as it goes: no Cancel; the export stops cleanly until verification passes
    cancellable = {info.label: info.cancellable for info in started}
    assert cancellable["Exporting"] is True and cancellable["Saving findings"] is False
    exporting = [(d, t) for label, d, t in progressed if label == "Exporting"]
    assert any(0 < d < t for d, t in exporting) and exporting[-1][0] == exporting[-1][1]  # written, then verified
    assert any("detecting" in label.lower() and c for label, c in cancellable.items())  # detection polls it
    clean = load_document(copy.output).text
    for value in ids:
        assert value not in clean
    if tag == "docx":  # a 救助 roster: the kind selects the assistance profile, which removes ID numbers whole
        assert copy.plan.profile == "assistance-notice"
        assert all(set(copy.plan.values[i]) == {"█"} for i in ids)
    else:  # a penalty decision: the punitive profile masks the ID numbers
        assert copy.plan.profile == "punitive-notice"
        assert any(v.startswith(i[:6]) and "*" in v for i in ids for v in copy.plan.values.values())

    box = _dialog(window, window.workflow.submit)
    with qtbot.waitSignal(window.workflow.refreshed, timeout=10000):
        box.button(box.StandardButton.Ok).click()
    assert "Submitted" in window.workflow.attribute_panel.status.text()

    # the reviewer cannot approve their own review: the core says why, the dialog will not approve
    dialog = _dialog(window, window.workflow.sign_off)
    assert not dialog.approve_button.isEnabled() and dialog.problems.count() >= 1
    dialog.reject()
    # the supervisor signs off
    _login(window, "zhang")
    dialog = _dialog(window, window.workflow.sign_off)
    assert dialog.approve_button.isEnabled(), [
        dialog.problems.item(i).text() for i in range(dialog.problems.count())
    ]
    dialog.password.setText(PASSWORDS["zhang"])
    with qtbot.waitSignal(window.workflow.signed_off, timeout=30000):
        dialog.approve_button.click()
    with qtbot.waitSignal(window.workflow.refreshed, timeout=10000):
        pass  # the panels re-read the store after the sign-off
    assert "Approved" in window.workflow.attribute_panel.status.text()
    actions = [e.action for e in ws.events(window.review.session.document_id)]
    assert "review.approved" in actions and ws.verify().ok
    window.grab().save(str(artifacts / f"flow-{tag}-approved.png"))

    # the review log, read back: the DOCX with python-docx, the PDF with pdfplumber, the JSON
    dialog = _dialog(window, window.export)
    # the dialog remembers the folder and the choices of the last export
    assert dialog.folder.text() == str(export_dir) and dialog.copy.isChecked()
    assert not any(box.isChecked() for box in dialog.logs.values())
    dialog.copy.setChecked(False)
    for fmt in ("docx", "pdf", "json"):
        dialog.logs[fmt].setChecked(True)
    with _Outcome(qtbot, window, window.workflow.exported, 60000) as blocker:
        dialog.accept()
    logs = blocker.args[0]["logs"]
    import docx
    import pdfplumber

    docx_text = "\n".join(p.text for p in docx.Document(str(logs["docx"])).paragraphs)
    docx_text += "\n".join(
        c.text for t in docx.Document(str(logs["docx"])).tables for r in t.rows for c in r.cells
    )
    with pdfplumber.open(str(logs["pdf"])) as pdf:
        pdf_text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    for text in (docx_text, pdf_text):
        assert suggested in text and "zhang" in text and "li" in text
    assert "review.approved" in logs["json"].read_text(encoding="utf-8")

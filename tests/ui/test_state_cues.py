"""State cues that must not lie, checked in rendered pixels and with real keys and clicks: disabled
buttons look disabled, combo popups draw their items, spin boxes have working arrows, the toolbar fits at
1360 px, decisions are greyed out once the review is submitted, a wrong password keeps the sign-off
dialog (and its comment), mnemonics are unique, the status line follows the language and the counts,
and the smaller cues: a PDF without pages, the document list, the return reason, the export notes."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QStyle, QStyleOptionSpinBox

from reviewer.ui.dialogs.review_dialogs import RejectDialog
from reviewer.ui.dialogs.settings_dialog import SettingsDialog
from tests.ui.conftest import DATA, PASSWORDS, SAMPLES

REGRESSIONS = DATA.parent / "regressions"


@pytest.fixture
def styled(qapp):
    from reviewer.ui.style import apply_style

    apply_style(qapp)
    return qapp


def _open_and_detect(qtbot, window, path):
    with qtbot.waitSignal(window.document_opened, timeout=30000):
        window.open_path(path)
    with qtbot.waitSignal(window.detection_finished, timeout=60000):
        window.detect()
    window.findings.table.setFocus()


def _centre_colour(widget):
    image = widget.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() - 6)


def _distance(a, b) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_a_disabled_default_button_looks_disabled(qtbot, styled):
    dialog = RejectDialog("王建国")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isDefault() and not ok.isEnabled()  # no reason yet
    disabled = ok.grab().toImage()
    qtbot.keyClick(dialog.reason.lineEdit(), Qt.Key.Key_Down)
    assert ok.isEnabled()
    enabled = ok.grab().toImage()
    y = enabled.height() - 6  # below the text: the button's face
    face_enabled, face_disabled = enabled.pixelColor(8, y), disabled.pixelColor(8, y)
    assert _distance(face_enabled, face_disabled) > 150, (face_enabled.name(), face_disabled.name())
    assert face_disabled.saturation() < 60  # grey, not the blue of an available default button


def test_combo_popups_draw_every_item_including_the_current_one(qtbot, styled):
    dialog = SettingsDialog(
        profiles=["general", "punitive-notice", "mandatory-disclosure"],
        profile="general",
        threshold=None,
        language="en",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    combo = dialog.profile
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # opens the popup
    view = combo.view()
    qtbot.waitUntil(lambda: view.isVisible(), timeout=3000)
    image = view.grab().toImage()
    for row in range(combo.count()):
        rect = view.visualRect(combo.model().index(row, 0))
        colours = {
            image.pixelColor(x, y).name()
            for x in range(rect.left() + 2, min(rect.right(), 200), 2)
            for y in range(rect.top() + 2, rect.bottom() - 1)
        }
        assert len(colours) > 4, (row, colours)  # text drawn, not an empty box
    qtbot.keyClick(view, Qt.Key.Key_Escape)


def test_the_settings_spin_box_has_arrows_that_work(qtbot, styled):
    dialog = SettingsDialog(profiles=["general"], profile="general", threshold=0.5, language="en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.threshold
    option = QStyleOptionSpinBox()
    box.initStyleOption(option)
    up = box.style().subControlRect(
        QStyle.ComplexControl.CC_SpinBox, option, QStyle.SubControl.SC_SpinBoxUp, box
    )
    assert up.width() >= 10
    image = box.grab().toImage()
    dark = sum(
        image.pixelColor(x, y).lightness() < 140
        for x in range(up.left(), up.right())
        for y in range(up.top(), up.bottom())
    )
    assert dark >= 3  # an arrow is drawn
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=up.center())
    assert box.value() == pytest.approx(0.55)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_toolbar_fits_at_1360_pixels(qtbot, make_window, workspace, translations, styled, language):
    translations.install(language)
    ws, users = workspace
    window = make_window(ws, size=(1360, 768))
    window.services.workspace.set_user(users["li"])
    toolbar = window.toolbar
    for action in toolbar.actions():
        if action.isSeparator():
            continue
        button = toolbar.widgetForAction(action)
        assert button is not None and button.isVisible(), action.text()
        assert toolbar.rect().contains(button.geometry()), action.text()
        assert "&" not in button.text() and "(" not in button.text(), button.text()  # no mnemonic on buttons
    assert window.actions_by_name["signoff"] in toolbar.actions()


def _review_and_submit(qtbot, window, tmp_path):
    from tests.core.store.workspace_fixtures import proactive_record
    from tests.ui.test_service_floor import _export

    session = window.review.session
    with qtbot.waitSignal(window.review.bulk_decided, timeout=10000):
        window.review.decide([r.id for r in window.model.rows() if r.origin != "propagated"], "accept")
    session.review.record_attribute(proactive_record())
    _export(qtbot, window, tmp_path)
    opened = []
    window.workflow.dialog_opened.connect(opened.append)
    window.activateWindow()  # the export's result box was the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    with qtbot.waitSignal(window.workflow.refreshed, timeout=10000):
        qtbot.keyClick(window.findings.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        box = opened[-1]
        qtbot.mouseClick(box.button(box.StandardButton.Ok), Qt.MouseButton.LeftButton)
    return opened


def test_decisions_are_greyed_out_once_submitted_and_a_wrong_password_keeps_the_dialog(
    qtbot, make_window, workspace, tmp_path
):
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, SAMPLES / "penalty-decision.txt")
    assert window.actions_by_name["accept"].isEnabled() and not window.actions_by_name["signoff"].isEnabled()
    _review_and_submit(qtbot, window, tmp_path)
    for name in ("accept", "reject", "edit", "manual", "accept_value", "undo", "submit", "attribute"):
        assert not window.actions_by_name[name].isEnabled(), name
    assert not window.workflow.attribute_panel.submit_button.isEnabled()
    dialogs = []
    window.review.dialog_opened.connect(dialogs.append)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_R)
    assert dialogs == []  # nothing opens to fail afterwards
    # the supervisor: a wrong password is said in the dialog, which keeps the comment
    with qtbot.waitSignal(window.workflow.refreshed, timeout=10000):
        window.services.workspace.set_user(users["zhang"])
    assert window.actions_by_name["signoff"].isEnabled()
    opened = []
    window.workflow.dialog_opened.connect(opened.append)
    qtbot.keyClick(
        window.findings.table,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = opened[-1]
    assert dialog.approve_button.isEnabled()
    from tests.ui.test_service_floor import _type

    _type(qtbot, dialog.comment, "同意公开")
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30000)
    assert dialog.isVisible() and dialog.comment.toPlainText() == "同意公开" and dialog.error.text()
    assert ws.document(window.review.session.document_id).status == "submitted"
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORDS["zhang"])
    with qtbot.waitSignal(window.workflow.signed_off, timeout=30000):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    approved = [e for e in ws.events(window.review.session.document_id) if e.action == "review.approved"]
    assert approved and approved[-1].details["comment"] == "同意公开"


def test_the_return_reason_is_shown_with_the_status(qtbot, make_window, workspace, tmp_path):
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, SAMPLES / "penalty-decision.txt")
    _review_and_submit(qtbot, window, tmp_path)
    ws.return_for_rework(window.review.session.document_id, users["zhang"], "第三段的证人姓名未处理",
                         password=PASSWORDS["zhang"])
    with qtbot.waitSignal(window.workflow.refreshed, timeout=10000):
        window.workflow.refresh()
    panel = window.workflow.attribute_panel
    assert panel.returned.isVisibleTo(panel) and "第三段的证人姓名未处理" in panel.returned.text()
    assert window.actions_by_name["accept"].isEnabled()  # returned: the review may change again


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_mnemonics_are_unique_in_the_menu_bar_and_in_each_menu(
    qtbot, make_window, workspace, translations, language
):
    import re

    translations.install(language)
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["admin"])

    def key(text: str) -> str | None:
        m = re.search(r"&(\w)", text)
        return m.group(1).lower() if m else None

    titles = [key(a.text()) for a in window.menuBar().actions()]
    assert None not in titles and len(set(titles)) == len(titles), titles
    for menu_action in window.menuBar().actions():
        keys = [key(a.text()) for a in menu_action.menu().actions() if not a.isSeparator()]
        keys = [k for k in keys if k]
        assert len(set(keys)) == len(keys), (menu_action.text(), keys)


def test_the_status_line_follows_the_language_and_the_count(qtbot, make_window, workspace, translations):
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, SAMPLES / "penalty-decision.txt")
    count = window.model.rowCount()
    assert window.status_label.text() == f"Detection done: {count} findings"
    translations.install("zh_CN")
    qtbot.waitUntil(lambda: window.status_label.text() == f"检测完成：{count} 条发现", timeout=3000)
    text = window.document.text
    start = text.index("天星桥正街42号")
    window.view.active.select_span(start, start + 8)
    opened = []
    window.review.dialog_opened.connect(opened.append)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_M)
    qtbot.keyClick(opened[-1].note, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.status_label.text() == f"检测完成：{count + 1} 条发现", timeout=3000
    )  # not stale
    # a bulk decision's line follows a language switch too
    table = window.findings.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(window.review.bulk_decided, timeout=10000):
        qtbot.keyClick(table, Qt.Key.Key_A)
    assert window.status_label.text() == "已一次采纳 2 条发现（Ctrl+Z 可撤销）"
    translations.install("en")
    english = "Accepted 2 findings in one step (Ctrl+Z undoes it)"
    qtbot.waitUntil(lambda: window.status_label.text() == english, timeout=3000)


def test_a_pdf_without_pages_opens_as_text(qtbot, make_window):
    window = make_window(None)
    errors = []
    window.error_shown.connect(lambda box: errors.append(box.text()))
    with qtbot.waitSignal(window.document_opened, timeout=30000):
        window.open_path(REGRESSIONS / "zero-pages.pdf")
    assert errors == [] and window.view.active is window.view.text_view


def test_documents_of_one_name_are_told_apart_in_the_list(qtbot, make_window, workspace):
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    for path in (SAMPLES / "penalty-decision.docx", SAMPLES / "penalty-decision.pdf"):
        _open_and_detect(qtbot, window, path)
    with qtbot.waitSignal(window.workflow.refreshed, timeout=10000):
        window.workflow.refresh()
    model = window.workflow.workspace_panel.model
    names = [model.data(model.index(i, 0)) for i in range(model.rowCount())]
    # the list names documents by the title their text gives (issue 26) with the file's extension
    assert len(names) == 2 and len(set(names)) == 2, names
    assert sorted(n.rsplit(".", 1)[-1] for n in names) == ["docx", "pdf"]


def test_export_notes_are_said_in_the_ui_language(qtbot, translations):
    from reviewer.ui.export_notes import note_text

    notes = [
        "tracked changes accepted: 2 insertions kept, 1 deletions dropped",
        "3 comment markers removed",
        "metadata (EXIF/GPS, XMP, comments, text) removed from 2 pictures",
        "pages [3, 4] re-rendered as images (text layer lost)",
        "1 electronic signatures and seals removed: a de-identified copy no "
        "longer matches what was signed, so they are invalid; sign the published copy again if it needs a "
        "seal （已移除 1 个电子签章：…）",
        "not checked: embedded font",
    ]
    english = [note_text(n) for n in notes]
    assert english[0] == "Tracked changes accepted: 2 insertions kept, 1 deletions dropped."
    translations.install("zh_CN")
    chinese = [note_text(n) for n in notes]
    assert chinese[1] == "已删除 3 条批注。" and chinese[3].startswith("第 3, 4 页")
    assert all(not any(w in c for w in ("removed", "pages", "tracked")) for c in chinese), chinese
    assert note_text("a note nobody knows") == "a note nobody knows"  # shown as written, never dropped


def test_spreadsheet_and_ocr_export_notes_are_said_in_the_ui_language(qtbot, translations):
    """The notes of the spreadsheet writers (issue 28) and of OCR (issue 27), as those writers word them."""
    from reviewer.core.deidentify.verify_ocr import OcrCheck
    from reviewer.core.deidentify.writers.xls import NOT_CARRIED
    from reviewer.core.deidentify.writers.xlsx import XlsxWriteReport
    from reviewer.ui.export_notes import note_text

    report = XlsxWriteReport(cells=12, strings=3, replaced=1, formulas=2, comments=1, pivot_caches=1,
                             pivot_items=4, external=1, sheets_removed=["隐藏"], sheets_cleaned=["名单"],
                             macros=True)
    ocr = OcrCheck(read=["page 2 (0.97)"], unread=["word/media/image3.png"])
    notes = [*report.notes, NOT_CARRIED, "7 cell values de-identified", *ocr.notes(),
             "pictures read by OCR (mean confidence): word/media/image1.png (0.98)",
             "1 pictures painted over where removed values were read, encoded anew without metadata: "
             "word/media/image1.png",
             "pages [2] rendered as images with 11 removed characters painted over (the original pictures "
             "and content left those pages); an invisible text layer keeps their other text searchable"]
    english = [note_text(n) for n in notes]
    assert all(e != n for e, n in zip(english, notes, strict=True))  # every one known
    translations.install("zh_CN")
    chinese = [note_text(n) for n in notes]
    assert chinese[0] == "已去标识化 12 个单元格和 3 个共享字符串，另有 1 处替换。"
    assert "第 2 页已转为图像" in chinese[-1] and "隐藏" in " ".join(chinese)
    words = re.compile(r"\b(removed|cells|sheets|pictures|pages|read|OCR could)\b")
    assert not any(words.search(c) for c in chinese), chinese


def test_the_export_result_lists_the_notes(qtbot, make_window, workspace, tmp_path):
    from tests.ui.test_service_floor import _dialogs

    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, DATA.parent / "export" / "leak.docx")  # comments, tracked changes …
    dialogs = _dialogs(window.workflow)
    qtbot.keyClick(window.findings.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = dialogs[-1]
    dialog.folder.setText(str(tmp_path))
    for box in dialog.logs.values():
        box.setChecked(False)
    with qtbot.waitSignal(window.workflow.exported, timeout=60000) as blocker:
        dialog.accept()
        if dialogs[-1] is not dialog:
            question = dialogs[-1]
            question.findChild(
                type(question.button(question.StandardButton.Cancel)), "undecidedAccept"
            ).click()
    copy = blocker.args[0]["copy"]
    result = dialogs[-1]
    assert result.objectName() == "exportResult"
    from reviewer.ui.export_notes import note_text

    assert copy.result.notes  # the file has comments: the copy loses them, and says so
    shown = result.informativeText()
    assert shown.startswith("Also changed in the copy:")
    assert all(f"• {note_text(n)}" in shown and note_text(n) != n for n in copy.result.notes), shown
    result.close()


def test_disabled_menu_entries_are_greyed(qtbot, styled):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    qtbot.addWidget(menu)
    on, off = QAction("Accept selected", menu), QAction("Edit span…", menu)
    off.setEnabled(False)
    menu.addActions([on, off])
    menu.popup(QPoint(0, 0))
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    image = menu.grab().toImage()

    def darkest(action) -> int:
        rect = menu.actionGeometry(action)
        return min(
            image.pixelColor(x, y).lightness()
            for x in range(rect.left() + 4, rect.right() - 4)
            for y in range(rect.top() + 2, rect.bottom() - 2)
        )

    assert darkest(on) < 80 and darkest(off) > 120  # black text, grey text
    menu.close()

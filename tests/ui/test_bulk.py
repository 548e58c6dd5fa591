"""Bulk work with real keys and clicks on a real workspace: several rows selected and decided with one
key, the context menu of a row and of a page highlight, the "Decide in bulk" panel; each bulk action
is one undo step and one audit event that lists every finding it decided."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from reviewer.ui.bulk import UNDECIDED
from reviewer.ui.dialogs.review_dialogs import RejectDialog
from reviewer.ui.labels import ReviewState
from tests.ui.conftest import SAMPLES


def _open_and_detect(qtbot, window, path):
    with qtbot.waitSignal(window.document_opened, timeout=30000):
        window.open_path(path)
    with qtbot.waitSignal(window.detection_finished, timeout=180000):
        window.detect()
    window.findings.table.setFocus()


def _events(window, action="decision.recorded"):
    ws = window.services.workspace.workspace
    return [e for e in ws.events(window.review.session.document_id) if e.action == action]


def _states(window, ids):
    return {window.review.row(i).state for i in ids}


def right_click(qtbot, widget, pos: QPoint) -> None:
    """A right click as a user makes it: the press selects, then Qt delivers the context-menu event
    (QTest's synthetic clicks do not produce that event, so it is sent as the platform would)."""
    qtbot.mousePress(widget, Qt.MouseButton.RightButton, pos=pos)
    qtbot.mouseRelease(widget, Qt.MouseButton.RightButton, pos=pos)
    QApplication.sendEvent(
        widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    )


def click_menu(qtbot, menu: QMenu, *names: str) -> None:
    """Click through a menu by its entries' object names (a submenu opens when its entry is clicked)."""
    for i, name in enumerate(names):
        qtbot.waitUntil(menu.isVisible, timeout=3000)
        action = next(
            a
            for a in menu.actions()
            if a.objectName() == name or (a.menu() is not None and a.menu().objectName() == name)
        )
        assert action.isEnabled(), name
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        if i < len(names) - 1:
            menu = action.menu()


def _row_pos(window, row_id) -> QPoint:
    table = window.findings.table
    index = window.findings.proxy.index(window.findings.proxy.proxy_row_of(row_id), 1)
    table.scrollTo(index)
    return table.visualRect(index).center()


@pytest.fixture
def reviewing(qtbot, make_window, workspace):
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, SAMPLES / "penalty-decision.txt")
    return window


def test_shift_arrows_select_rows_and_a_accepts_them_in_one_step_and_one_event(qtbot, reviewing):
    window = reviewing
    table = window.findings.table
    first = window.findings.current_id()
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = window.findings.selected_ids()
    assert len(chosen) == 4 and chosen[0] == first
    assert "4" in window.findings.summary.text()
    before = len(_events(window))
    with qtbot.waitSignal(window.review.rows_refreshed, timeout=10000):
        qtbot.keyClick(table, Qt.Key.Key_A)
    assert _states(window, chosen) == {ReviewState.ACCEPTED}
    events = _events(window)
    assert len(events) == before + 1  # one audit event …
    assert sorted(str(i["finding_id"]) for i in events[-1].details["items"]) == sorted(
        chosen
    )  # … listing each
    assert "4" in window.status_label.text()
    with qtbot.waitSignal(window.review.rows_refreshed, timeout=10000):
        qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _states(window, chosen) == {ReviewState.PENDING}  # one undo step undoes all four
    assert len(_events(window, "decision.undone")) == 1


def test_r_with_several_rows_asks_one_reason_for_all(qtbot, reviewing):
    window = reviewing
    table = window.findings.table
    ids = [r.id for r in window.model.rows()[:3]]
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_pos(window, ids[0]))
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        pos=_row_pos(window, ids[2]),
    )
    assert window.findings.selected_ids() == ids
    dialogs = []
    window.review.dialog_opened.connect(dialogs.append)
    qtbot.keyClick(table, Qt.Key.Key_R)
    dialog = dialogs[-1]
    assert isinstance(dialog, RejectDialog)
    assert dialog.findChild(QLabel, "rejectFinding").text().startswith("<b>3 ")  # "3 findings: …"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    qtbot.keyClick(dialog.reason.lineEdit(), Qt.Key.Key_Down)  # the first preset reason
    with qtbot.waitSignal(window.review.rows_refreshed, timeout=10000):
        qtbot.keyClick(dialog.reason.lineEdit(), Qt.Key.Key_Return)
    assert _states(window, ids) == {ReviewState.REJECTED}
    items = _events(window)[-1].details["items"]
    assert (
        len(items) == 3
        and {i["kind"] for i in items} == {"reject"}
        and len({i["reason"] for i in items}) == 1
    )


def test_context_menu_decides_every_occurrence_of_a_value(qtbot, make_window, workspace, tmp_path):
    ws, users = workspace
    src = tmp_path / "notice.txt"
    src.write_text(
        "当事人：王建国，电话13896001234。\n经查，王建国电话13896001234属实。\n"
        "联系人：李晓梅，电话13512345678。\n",
        encoding="utf-8",
    )
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, src)
    phones = [r for r in window.model.rows() if r.finding.text == "13896001234"]
    assert len(phones) == 2
    right_click(qtbot, window.findings.table.viewport(), _row_pos(window, phones[1].id))
    menu = window.bulk.last_menu
    assert window.findings.current_id() == phones[1].id  # the right click acted on that row
    with qtbot.waitSignal(window.review.bulk_decided, timeout=10000):
        click_menu(qtbot, menu, "menuValue", "menuValueAccept")
    assert _states(window, [p.id for p in phones]) == {ReviewState.ACCEPTED}
    other = next(r for r in window.model.rows() if r.finding.text == "13512345678")
    assert window.review.row(other.id).state == ReviewState.PENDING
    assert len(_events(window)[-1].details["items"]) == 2


def test_context_menu_operator_for_the_selection(qtbot, reviewing):
    window = reviewing
    ids_ = [r.id for r in window.model.rows() if r.finding.entity_type in ("CN_ID_CARD", "CN_MOBILE_PHONE")]
    window.findings.select_ids(ids_)
    right_click(qtbot, window.findings.table.viewport(), _row_pos(window, ids_[0]))
    with qtbot.waitSignal(window.review.rows_refreshed, timeout=10000):
        click_menu(qtbot, window.bulk.last_menu, "menuOperator", "menuOperator_redact")
    rows = [window.review.row(i) for i in ids_]
    assert {r.operator for r in rows} == {"redact"} and all(set(r.replacement) == {"█"} for r in rows)


@pytest.mark.slow
def test_bulk_panel_ids_phones_and_organisations_in_four_clicks(qtbot, make_window, workspace):
    """The acceptance scenario on a real document with real detection: accept all ID numbers and all
    phones, reject all organisations. Clicks: Accept all (ID), Accept all (phone), Reject all (org),
    Enter in the reason dialog (the profile keeps organisations: that reason is offered)."""
    ws, users = workspace
    window = make_window(ws, fake_detector=False)
    window.start_engine()
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, SAMPLES / "penalty-decision.pdf")
    panel = window.bulk_panel
    qtbot.waitUntil(lambda: ("ORGANIZATION", "reject") in panel.buttons, timeout=5000)
    by_type = {
        t: [r.id for r in window.model.rows() if r.finding.entity_type == t]
        for t in ("CN_ID_CARD", "CN_MOBILE_PHONE", "ORGANIZATION")
    }
    assert all(by_type.values()), by_type
    org_reject = panel.buttons[("ORGANIZATION", "reject")]
    inputs = 0
    for kind in ("CN_ID_CARD", "CN_MOBILE_PHONE"):
        with qtbot.waitSignal(window.review.bulk_decided, timeout=10000):
            qtbot.mouseClick(panel.buttons[(kind, "accept")], Qt.MouseButton.LeftButton)
            inputs += 1
        qtbot.waitUntil(
            lambda k=kind: (k, "accept") not in panel.buttons or panel.buttons[(k, "accept")].isEnabled(),
            timeout=5000,
        )
    # the decided types leave the panel ("undecided only"); the other rows keep their widgets and show
    # their new counts (rebuilding every button on each decision stalled the window)
    qtbot.waitUntil(lambda: ("CN_ID_CARD", "accept") not in panel.buttons, timeout=5000)
    assert ("CN_MOBILE_PHONE", "accept") not in panel.buttons
    assert panel.buttons[("ORGANIZATION", "reject")] is org_reject
    shown = {panel.table.item(i, 0).data(Qt.ItemDataRole.UserRole): int(panel.table.item(i, 1).text())
             for i in range(panel.table.rowCount())}
    undecided = Counter(str(r.finding.entity_type) for r in window.model.rows()
                        if str(r.state) in UNDECIDED)
    assert shown == dict(undecided)
    dialogs = []
    window.review.dialog_opened.connect(dialogs.append)
    qtbot.mouseClick(panel.buttons[("ORGANIZATION", "reject")], Qt.MouseButton.LeftButton)
    inputs += 1
    dialog = dialogs[-1]
    assert dialog.text()  # the profile's reason is offered
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    with qtbot.waitSignal(window.review.bulk_decided, timeout=10000):
        qtbot.keyClick(dialog.reason.lineEdit(), Qt.Key.Key_Return)
        inputs += 1
    qtbot.waitUntil(lambda: not any(window.review.row(i).stale for i in by_type["CN_ID_CARD"]), timeout=10000)
    assert inputs <= 5
    assert _states(window, by_type["CN_ID_CARD"] + by_type["CN_MOBILE_PHONE"]) == {ReviewState.ACCEPTED}
    assert _states(window, by_type["ORGANIZATION"]) == {ReviewState.REJECTED}
    events = _events(window)
    assert len(events) == 3 and [len(e.details["items"]) for e in events] == [
        len(v) for v in by_type.values()
    ]
    assert all(window.review.row(i).replacement for i in by_type["CN_ID_CARD"])  # the copy changes them


PAGES = (
    ("当事人：王建国，身份证号110101199003078515，电话13896001234。", "邮箱wang@example.com。"),
    ("当事人：李晓梅，身份证号110101198507126020，电话13512345678。", "邮箱li@example.com。",
     "当事人：赵子龙，身份证号110101197711113317，电话13611112222。"),
    ("当事人：孙立新，身份证号110101196602024411，电话13896001234。", "当事人：周明，电话13733334444。"),
)


@pytest.fixture
def pages_window(qtbot, make_window, workspace, tmp_path, monkeypatch):
    """A three-page PDF (drawn here) with the fixed-regex detector; phone numbers get a lower score than
    the rest, so a score band tells them apart."""
    from dataclasses import replace

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from tests.ui import conftest

    real = conftest.fake_findings
    monkeypatch.setattr(
        conftest,
        "fake_findings",
        lambda d: [replace(f, score=0.55 if f.entity_type == "CN_MOBILE_PHONE" else 0.9) for f in real(d)],
    )
    path = tmp_path / "three-pages.pdf"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    for lines in PAGES:
        c.setFont("STSong-Light", 14)
        for i, line in enumerate(lines):
            c.drawString(40, 800 - 24 * i, line)
        c.showPage()
    c.save()
    ws, users = workspace
    window = make_window(ws)
    window.services.workspace.set_user(users["li"])
    _open_and_detect(qtbot, window, path)
    assert {page_of_row(r) for r in window.model.rows()} == {1, 2, 3}
    return window


def page_of_row(row):
    return (row.finding.locator or {}).get("page")


def test_bulk_panel_by_page_and_score_band(qtbot, pages_window):
    window = pages_window
    panel = window.bulk_panel
    table = window.findings.table
    on_two = [r for r in window.model.rows() if page_of_row(r) == 2]
    phones = {r.id for r in on_two if r.finding.entity_type == "CN_MOBILE_PHONE"}
    assert phones and {r.id for r in on_two} - phones
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_pos(window, on_two[0].id))
    assert window.findings.current_id() == on_two[0].id
    # scope: the page of the current finding, chosen with the keyboard in the combo box
    panel.scope.setFocus()
    while panel.scope_key() != "page":
        qtbot.keyClick(panel.scope, Qt.Key.Key_Down)
    # score band: at least 0.80, typed into the spin box
    qtbot.mouseDClick(panel.low.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(panel.low.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.low.lineEdit(), "0.80")
    qtbot.keyClick(panel.low.lineEdit(), Qt.Key.Key_Return)
    assert abs(panel.low.value() - 0.8) < 1e-9
    in_scope = {r.id for r in on_two} - phones  # the phones' 0.55 is below the band
    kinds = {r.finding.entity_type for r in on_two if r.id in in_scope}
    qtbot.waitUntil(lambda: {k for k, d in panel.buttons if d == "accept"} == kinds, timeout=3000)
    assert {r.id for r in panel.rows_in_scope()} == in_scope
    assert panel.hint.text().startswith(f"{len(in_scope)} ")
    kind = sorted(kinds)[0]
    chosen = {r.id for r in on_two if r.finding.entity_type == kind and r.id not in phones}
    with qtbot.waitSignal(window.review.bulk_decided, timeout=10000):
        qtbot.mouseClick(panel.buttons[(kind, "accept")], Qt.MouseButton.LeftButton)
    assert _states(window, chosen) == {ReviewState.ACCEPTED}
    others = [r.id for r in window.model.rows() if r.id not in chosen]
    assert _states(window, others) == {ReviewState.PENDING}  # other pages, phones on page 2: untouched
    assert sorted(str(i["finding_id"]) for i in _events(window)[-1].details["items"]) == sorted(chosen)


def test_context_menu_decides_the_undecided_on_a_page_and_shift_a_every_occurrence(qtbot, pages_window):
    window = pages_window
    rows = window.model.rows()
    on_three = [r for r in rows if page_of_row(r) == 3]
    first_three = on_three[0]
    with qtbot.waitSignal(window.review.rows_refreshed, timeout=10000):
        window.findings.select_id(first_three.id)
        qtbot.keyClick(window.findings.table, Qt.Key.Key_A)  # decided by hand: the page action leaves it
    right_click(qtbot, window.findings.table.viewport(), _row_pos(window, on_three[1].id))
    with qtbot.waitSignal(window.review.bulk_decided, timeout=10000):
        click_menu(qtbot, window.bulk.last_menu, "menuPage", "menuPageAccept")
    assert _states(window, [r.id for r in on_three]) == {ReviewState.ACCEPTED}
    assert len(_events(window)[-1].details["items"]) == len(on_three) - 1
    assert _states(window, [r.id for r in rows if page_of_row(r) != 3]) == {ReviewState.PENDING}
    # Shift+A: the same decision for every occurrence of the current value, on any page
    phone = next(r for r in rows if page_of_row(r) == 1 and r.finding.entity_type == "CN_MOBILE_PHONE")
    window.findings.select_id(phone.id)
    window.findings.table.setFocus()
    same = [r.id for r in rows if r.finding.text == phone.finding.text]
    with qtbot.waitSignal(window.review.bulk_decided, timeout=10000):
        qtbot.keyClick(window.findings.table, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert _states(window, same) == {ReviewState.ACCEPTED}

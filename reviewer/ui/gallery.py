"""The main window and every dialog in a real review, for screenshots and the layout test.

`python -m reviewer.ui.gallery [--out resources/screenshots] [--size 1360x768]` builds the real window
(real workspace in a temporary folder, real detection) on the sample PDF in Chinese and in English,
reviews a few findings, then opens each dialog in turn and saves a PNG of the window and of each dialog.
The layout test walks the same states (`gallery_states`) and checks that no text is cut off.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from reviewer.core.resources import PROJECT_ROOT, resource

PASSWORDS = {"admin": "gallery-admin-1", "li": "gallery-review-1", "zhang": "gallery-super-1"}
SAMPLE = resource("samples", "penalty-decision.pdf")


def wait_until(condition: Callable[[], bool], timeout_ms: int = 60000) -> None:
    """Run the event loop until `condition()` holds (raises TimeoutError after `timeout_ms`)."""
    clock = QElapsedTimer()
    clock.start()
    loop = QEventLoop()
    while not condition():
        if clock.elapsed() > timeout_ms:
            raise TimeoutError("the window did not reach the expected state")
        QTimer.singleShot(10, loop.quit)
        loop.exec()


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def build(app: QApplication, folder: Path, language: str, size: tuple[int, int]):  # noqa: ANN201 - MainWindow
    """The real window on a fresh workspace with a reviewer and a supervisor; the sample reviewed a bit."""
    from reviewer.app import build_window, parse_args
    from reviewer.core.service import open_workspace

    ws_dir = folder / f"ws-{language}"
    ws = open_workspace(ws_dir)
    admin = ws.create_first_admin("admin", PASSWORDS["admin"])
    users = {
        "admin": admin,
        "li": ws.create_user(admin, "li", "reviewer", PASSWORDS["li"], "李审查",
                             admin_password=PASSWORDS["admin"]),
        "zhang": ws.create_user(admin, "zhang", "supervisor", PASSWORDS["zhang"], "张主任",
                                admin_password=PASSWORDS["admin"]),
    }
    ws.close()
    args = parse_args(["--workspace", str(ws_dir), "--lang", language])
    args.settings = str(folder / f"settings-{language}.ini")
    window, runner = build_window(args, app)
    window.resize(*size)
    window.show()
    window.start_engine()
    window.services.workspace.set_user(window.services.workspace.authenticate("li", PASSWORDS["li"]))
    window.gallery_users = users
    opened = []
    window.document_opened.connect(opened.append)
    window.open_path(SAMPLE)
    wait_until(lambda: opened)
    done = []
    window.detection_finished.connect(done.append)
    window.detect()
    wait_until(lambda: done, 240000)
    review = window.review
    review.accept()
    wait_until(lambda: not review.busy)
    review.accept()
    rows = window.model.rows()
    row = next(r for r in rows if r.finding.entity_type == "ORGANIZATION")
    review.apply(review.session.reject(row.id, "机构名称依法公开"))
    window.findings.select_id(rows[3].id)
    settle(800)
    return window, runner


def _dialog_of(controller, action: Callable[[], object]) -> QWidget:
    opened: list = []
    controller.dialog_opened.connect(opened.append)
    try:
        result = action()
    finally:
        controller.dialog_opened.disconnect(opened.append)
    return opened[-1] if opened else result


def gallery_states(window) -> Iterator[tuple[str, QWidget]]:  # noqa: ANN001 - MainWindow
    """Each dialog, open; it is closed when the caller asks for the next one."""
    from reviewer.core.errors import ReviewerError
    from reviewer.ui.dialogs.export_dialog import OverrideDialog

    review, workflow = window.review, window.workflow
    text = window.document.text
    states: list[tuple[str, Callable[[], QWidget]]] = [
        ("reject", lambda: _dialog_of(review, review.reject)),
        (
            "reject-many",
            lambda: _dialog_of(review, lambda: review.reject_rows([r.id for r in window.model.rows()[4:9]])),
        ),
        ("edit-span", lambda: _dialog_of(review, review.edit_span)),
        (
            "manual",
            lambda: (
                window.view.active.select_span(text.index("天星桥"), text.index("天星桥") + 5),
                _dialog_of(review, review.add_manual),
            )[1],
        ),
        ("bulk-menu", lambda: window.bulk.menu(window)),
        ("settings", lambda: _dialog_of(workflow, workflow.settings)),
        ("export", lambda: _dialog_of(workflow, workflow.export)),
        (
            "export-refused",
            lambda: OverrideDialog(
                "导出被拒绝：文档带有密级标志“机密★10年”。 / "
                "Export refused: the document carries the marking 机密★10年.",
                parent=window,
            ),
        ),
        ("undecided", lambda: _export_question(window)),
        ("export-result", lambda: _export_result(window)),
        ("attribute", lambda: _dialog_of(workflow, workflow.edit_attribute)),
        ("submit", lambda: _dialog_of(workflow, workflow.submit)),
        ("shortcuts", window.show_shortcuts),
        ("login", lambda: _dialog_of(workflow, workflow.login)),
        (
            "error",
            lambda: (
                window.show_error(
                    ReviewerError(
                        "示例：文件已损坏，无法读取。", "Example: the file is damaged and cannot be read."
                    )
                ),
                window.findChildren(QMessageBox, "errorDialog")[-1],
            )[1],
        ),
        ("signoff", lambda: _as(window, "zhang", lambda: _dialog_of(workflow, workflow.sign_off))),
        ("term-lists", lambda: _as(window, "zhang", lambda: _dialog_of(workflow, workflow.edit_terms))),
        ("add-user", lambda: _as(window, "admin", lambda: _dialog_of(workflow, workflow.add_user))),
    ]
    for name, open_it in states:
        widget = open_it()
        if widget is None:
            continue
        if not widget.isVisible():
            widget.show() if not isinstance(widget, QDialog) else widget.open()
        settle(250)
        yield name, widget
        widget.close()
        if isinstance(widget, QDialog):
            widget.reject()
        settle(50)
    _as(window, "li", lambda: None)


def _export_question(window) -> QWidget:  # noqa: ANN001
    """Ctrl+E, OK: the question about the findings nobody decided."""
    workflow = window.workflow
    dialog = _dialog_of(workflow, workflow.export)
    dialog.folder.setText(tempfile.mkdtemp(prefix="gallery-export-"))
    for box in dialog.logs.values():
        box.setChecked(False)
    return _dialog_of(workflow, dialog.accept)


def _export_result(window) -> QWidget:  # noqa: ANN001
    """The verified export's result: what was checked, what was not, what else the copy lost."""
    question = _export_question(window)
    exported: list = []
    window.workflow.exported.connect(exported.append)
    opened: list = []
    window.workflow.dialog_opened.connect(opened.append)
    question.findChild(type(question.button(QMessageBox.StandardButton.Cancel)), "undecidedAccept").click()
    wait_until(lambda: exported, 120000)
    window.workflow.dialog_opened.disconnect(opened.append)
    window.workflow.exported.disconnect(exported.append)
    return opened[-1]


def _as(window, username: str, then: Callable[[], object]):  # noqa: ANN001, ANN202
    facade = window.services.workspace
    user = window.gallery_users[username]
    if facade.user is None or facade.user.username != username:
        facade.set_user(user)
        settle(300)
    return then()


def save_all(out: Path, size: tuple[int, int]) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for language in ("zh_CN", "en"):
            window, runner = build(app, Path(tmp), language, size)
            path = out / f"main-{language}.png"
            window.grab().save(str(path))
            written.append(path)
            for name, widget in gallery_states(window):
                path = out / f"{name}-{language}.png"
                widget.grab().save(str(path))
                written.append(path)
            window.translations.install("en")  # takes this language's translators (and Qt's) out again
            window.close()
            runner.cancel_all()
            runner.wait_for_done(30000)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(PROJECT_ROOT / "resources" / "screenshots"))
    parser.add_argument("--size", default="1360x768")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    for path in save_all(Path(args.out), (width, height)):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

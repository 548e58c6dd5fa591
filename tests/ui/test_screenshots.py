"""Screenshots of the main states in Chinese and English (artifacts/, git-ignored): the README shows one.

Also checks what a reviewer sees first: the review screen shows the document, the preview and the
findings, with Chinese characters rendered (not empty boxes: the CJK font is in use).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase, QFontInfo

from tests.ui.conftest import DATA, SAMPLES

pytestmark = pytest.mark.slow


def _review_state(qtbot, window, path):
    with qtbot.waitSignal(window.document_opened, timeout=30000):
        window.open_path(path)
    with qtbot.waitSignal(window.detection_finished, timeout=180000):
        window.detect()
    rows = window.model.rows()
    window.findings.table.setFocus()
    window.review.accept()
    window.review.accept()
    second = window.findings.current_id()
    window.review.apply(window.review.session.reject(second, "已经公开"))
    window.findings.select_id(rows[3].id)
    with qtbot.waitSignals([window.preview_refreshed, window.workflow.refreshed], timeout=10000):
        pass


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_review_screen(qtbot, make_window, workspace, translations, artifacts, language):
    from reviewer.ui.style import CJK_FAMILIES, apply_style

    apply_style(qtbot_app := __import__("PySide6.QtWidgets").QtWidgets.QApplication.instance())
    translations.install(language)
    ws, users = workspace
    window = make_window(ws, fake_detector=False)
    window.resize(1600, 1000)
    window.start_engine()
    window.services.workspace.set_user(users["li"])
    window.grab().save(str(artifacts / f"welcome-{language}.png"))
    _review_state(qtbot, window, SAMPLES / "penalty-decision.txt")
    family = QFontInfo(window.view.text_view.font()).family()
    assert family in CJK_FAMILIES and family in QFontDatabase.families()
    image = window.grab()
    assert image.save(str(artifacts / f"review-{language}.png"))
    assert image.width() >= 1600
    dialog = window.workflow.edit_attribute()
    dialog.apply_suggestion()
    dialog.grab().save(str(artifacts / f"attribute-dialog-{language}.png"))
    dialog.reject()
    with qtbot.waitSignal(window.document_opened, timeout=30000):
        window.open_path(DATA / "notice.pdf")
    with qtbot.waitSignal(window.detection_finished, timeout=180000):
        window.detect()
    window.review.next()
    qtbot.waitUntil(lambda: 0 in window.view.pdf_view.rendered_pages(), timeout=10000)
    window.grab().save(str(artifacts / f"review-pdf-{language}.png"))
    qtbot_app.setStyleSheet(qtbot_app.styleSheet())

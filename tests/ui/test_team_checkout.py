"""Team mode in the window (issue 24, attack 6), on the real PostgreSQL test server as the application
role: the reviewer's first decision checks the document out, another reviewer's write is refused while
the checkout is held, and moving on to another document gives it back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reviewer.core.documents import load_document
from reviewer.core.service import open_workspace
from reviewer.core.store.errors import DocumentCheckedOut
from tests.core.store.pg_fixtures import pg_cluster, pg_database, pg_template  # noqa: F401 - fixtures
from tests.ui.conftest import DATA, SAMPLES


@pytest.fixture
def team(pg_cluster, pg_database):  # noqa: F811
    ws = open_workspace(pg_cluster.url(pg_database, app=True))
    yield ws
    ws.close()


def test_the_window_checks_out_on_the_first_change_and_gives_it_back(qtbot, make_window, team, translations):
    window = make_window(team)
    window.services.workspace.set_user(team.get_user("alice"))
    with qtbot.waitSignal(window.document_opened, timeout=20000):
        window.open_path(SAMPLES / "penalty-decision.txt")
    with qtbot.waitSignal(window.detection_finished, timeout=20000):
        window.detect()
    document_id = window.review.session.document_id
    assert team.lease(document_id) is None  # reading takes no checkout
    window.findings.table.setFocus()
    qtbot.keyClick(window.findings.table, Qt.Key.Key_A)
    assert team.lease(document_id).holder == "alice"
    erin = team.review(load_document(SAMPLES / "penalty-decision.txt"), team.get_user("erin"))
    key = next(r.key for r in erin.rows() if r.key.isdigit())
    with pytest.raises(DocumentCheckedOut):
        erin.decide([key], "reject", reason="误报")
    with qtbot.waitSignal(window.document_opened, timeout=20000):
        window.open_path(DATA / "roster.docx")  # alice moves on
    assert team.lease(document_id) is None
    erin.decide([key], "reject", reason="误报", expected_versions={key: erin.current(key).version})
    assert team.verify().ok

"""Fixtures for the GUI tests: settings in tmp_path, English or Chinese translations, a task runner
that is drained on teardown, and real documents from tests/data/ui/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewer.core.types import EntityType, Finding, Severity, category_of

DATA = Path(__file__).resolve().parents[1] / "data" / "ui"
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"

_FAKE_PATTERNS = {
    EntityType.CN_ID_CARD: re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"),
    EntityType.CN_MOBILE_PHONE: re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"),
    EntityType.PERSON: re.compile(r"(?<=当事人：)[\u4e00-\u9fff]{2,3}|李晓梅|赵子龙"),
    EntityType.EMAIL_ADDRESS: re.compile(r"[a-z0-9.]+@[a-z0-9.]+\.[a-z]{2,}"),
    EntityType.CLASSIFIED_MARKING: re.compile(r"^(?:绝密|机密|秘密)★\d+年", re.M),
}


def fake_findings(document) -> list[Finding]:
    """A fake detector for pure UI tests: fixed regexes, real locators from the document."""
    out = []
    for entity_type, pattern in _FAKE_PATTERNS.items():
        for m in pattern.finditer(document.text):
            out.append(
                Finding(
                    str(entity_type),
                    m.start(),
                    m.end(),
                    m.group(),
                    0.9,
                    "fake",
                    f"fake detector: {entity_type}",
                    category_of(entity_type),
                    document.locate(m.start(), m.end()),
                    severity=Severity.BLOCK if entity_type == EntityType.CLASSIFIED_MARKING else None,
                )
            )
    return sorted(out, key=lambda f: f.start)


@pytest.fixture
def settings(tmp_path):
    from reviewer.ui.settings import AppSettings

    return AppSettings(tmp_path / "settings.ini")


@pytest.fixture
def translations(qapp):
    from reviewer.ui.i18n import Translations

    t = Translations(qapp)
    t.install("en")
    yield t
    t.install("en")


@pytest.fixture
def runner(qapp):
    from reviewer.ui.tasks import TaskRunner

    r = TaskRunner()
    yield r
    r.cancel_all()
    assert r.wait_for_done(30000)


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


PASSWORDS = {"admin": "admin-pass-1", "li": "reviewer-pass-1", "zhang": "supervisor-pass-1"}


@pytest.fixture
def workspace(tmp_path):
    """A real workspace (SQLite in tmp_path) with a reviewer and a supervisor."""
    from reviewer.core.service import open_workspace

    ws = open_workspace(tmp_path / "ws")
    admin = ws.create_first_admin("admin", PASSWORDS["admin"])
    users = {
        "admin": admin,
        "li": ws.create_user(admin, "li", "reviewer", PASSWORDS["li"], "李审查", admin_password=PASSWORDS["admin"]),
        "zhang": ws.create_user(admin, "zhang", "supervisor", PASSWORDS["zhang"], "张主任",
                                 admin_password=PASSWORDS["admin"]),
    }
    yield ws, users
    ws.close()


@pytest.fixture
def make_window(qtbot, settings, translations, runner):
    """Build the real window; `fake_detector=True` swaps only detection for the fixed regexes above."""
    from dataclasses import replace

    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.services import core_services
    from reviewer.ui.workspace_facade import WorkspaceFacade
    from reviewer.ui.workspace_session import DetectionOnlySession

    def make(workspace=None, *, fake_detector: bool = True, size=(1400, 900)):
        facade = WorkspaceFacade(workspace, profile=lambda: settings.profile) if workspace else None
        services = core_services(facade.open_session if facade else DetectionOnlySession, facade)
        if fake_detector:
            services = replace(services, warm_up=lambda: None, analyze=lambda d, **_kw: fake_findings(d))
        window = MainWindow(services, runner, settings, translations)
        qtbot.addWidget(window)
        if size:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make

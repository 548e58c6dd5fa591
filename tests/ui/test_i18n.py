"""Every string of the UI is translated (zh_CN default, English shipped), the shipped .qm files match
their .ts sources, and the language switches at run time from the settings dialog."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reviewer.ui.i18n import I18N_DIR, LANGUAGES, UI_SOURCES

BIN = Path(sys.executable).parent


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out[(name, message.findtext("source"))] = message.find("translation")
    return out


def test_every_ui_string_has_a_finished_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in UI_SOURCES.rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    wanted = set(_messages(fresh))
    assert len(wanted) > 150
    for language in LANGUAGES:
        shipped = _messages(I18N_DIR / f"reviewer_{language}.ts")
        missing = sorted(k for k in wanted if k not in shipped)
        unfinished = sorted(
            k
            for k in wanted
            if k in shipped
            and (shipped[k].get("type") == "unfinished" or not (shipped[k].text or "").strip())
        )
        assert missing == [] and unfinished == [], (language, missing[:5], unfinished[:5])


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_shipped_qm_is_compiled_from_its_ts(tmp_path, language):
    qm = tmp_path / "out.qm"
    ts = I18N_DIR / f"reviewer_{language}.ts"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == (I18N_DIR / f"reviewer_{language}.qm").read_bytes()


def test_language_switches_at_run_time_from_settings(qtbot, make_window):
    window = make_window()
    assert window.actions_by_name["accept"].text() == "&Accept"
    dialog = window.show_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.threshold.setValue(0.65)
    dialog.accept()
    assert window.settings.language == "zh_CN" and window.settings.threshold == pytest.approx(0.65)
    qtbot.waitUntil(lambda: window.actions_by_name["accept"].text() == "采纳(&A)", timeout=3000)
    assert window.findings_dock.windowTitle() == "审查发现"
    assert window.workflow.audit_dock.windowTitle() == "审计记录"
    assert window.findings.category.itemText(0) == "全部类别"
    assert window.windowTitle() == "保密审查工作台"
    window.translations.install("en")
    qtbot.waitUntil(lambda: window.actions_by_name["accept"].text() == "&Accept", timeout=3000)

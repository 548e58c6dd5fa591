"""The details pane under the findings table, walked with J on real detection results: the type, the
text in its context, why it was found (no class names, one language), the decision, the operator that
applies and what the copy holds; the role when detection records one; the colour legend."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from reviewer.core.types import Finding
from reviewer.ui.details_pane import DetailsPane
from reviewer.ui.findings_table_model import FindingRow
from reviewer.ui.labels import entity_type_name
from tests.ui.conftest import SAMPLES

CJK = re.compile(r"[\u3400-\u9fff]")
QUOTED = re.compile(r"“[^”]*”|'[^']*'|‘[^’]*’")
CLASS_NAME = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+Recognizer|Recognizer")


def _visible(pane: DetailsPane) -> dict[str, str]:
    return {
        name: re.sub(r"<[^>]+>", "", label.text())
        for name, label in pane.values.items()
        if label.isVisibleTo(pane)
    }


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_finding_explained_in_one_language_without_class_names(
    qtbot, make_window, workspace, translations, language
):
    translations.install(language)
    ws, users = workspace
    window = make_window(ws, fake_detector=False)
    window.start_engine()
    window.services.workspace.set_user(users["li"])
    with qtbot.waitSignal(window.document_opened, timeout=30000):
        window.open_path(SAMPLES / "penalty-decision.txt")
    with qtbot.waitSignal(window.detection_finished, timeout=180000):
        window.detect()
    table = window.findings.table
    table.setFocus()
    pane = window.details
    seen = set()
    for i in range(window.model.rowCount()):
        if i:
            qtbot.keyClick(table, Qt.Key.Key_J)
        row = window.review.row(window.findings.current_id())
        shown = _visible(pane)
        assert entity_type_name(row.finding.entity_type) in pane.heading.text()
        assert row.finding.text in shown["text"]
        text = window.document.text
        line = text[text.rfind("\n", 0, row.finding.start) + 1 :].split("\n", 1)[0]
        assert len(shown["text"]) > len(row.finding.text) or line == row.finding.text  # with its context
        for name in ("found", "checked", "context"):
            text = shown.get(name, "")
            assert not CLASS_NAME.search(text), text
            if language == "en":
                assert not CJK.search(QUOTED.sub("", text)), text  # only quoted document words are Chinese
            else:
                assert not re.search(r"\b(found|model|NER|right after|Matched)\b", text), text
        assert shown["decision"] and shown["copy"]
        seen.add(str(row.finding.entity_type))
    assert {"PERSON", "CN_ID_CARD", "CN_MOBILE_PHONE"} <= seen
    # the decision, the operator and what the copy holds follow an accept
    window.findings.select_id(next(r.id for r in window.model.rows() if r.finding.entity_type == "PERSON"))
    row_id = window.findings.current_id()
    assert ("pseudonym" in pane.values["applies"].text().lower()) == (language == "en")
    with qtbot.waitSignal(window.review.rows_refreshed, timeout=10000):
        qtbot.keyClick(table, Qt.Key.Key_A)
    window.findings.select_id(row_id)
    shown = _visible(pane)
    assert "某" in shown["copy"] and shown["copy"].startswith("→")
    assert shown["decision"].startswith("Accepted" if language == "en" else "已采纳")


def test_role_and_owner_are_shown_when_detection_records_them(qtbot):
    pane = DetailsPane(lambda _t: "pseudonym", lambda: False)
    qtbot.addWidget(pane)
    pane.show()
    text = "证人：刘芳，电话13512345678。"
    finding = Finding(
        "PERSON",
        3,
        5,
        "刘芳",
        0.95,
        "ChinesePersonRecognizer",
        "姓名：ChinesePersonRecognizer 识别；依据：模型 zh_reviewer_ner 识别为人名，且位于“证人”之后 / "
        "NER model zh_reviewer_ner found a name, right after the role word '证人'；分数 0.95。",
        attributes={"role": "subject", "owner": "person"},
    )
    pane.set_document_text(text)
    pane.set_row(FindingRow(finding, legal_basis=("第十五条",)))
    shown = _visible(pane)
    # the role's and the owner's names in the UI language, never the stored codes (seen on screen: "subject")
    assert "the person a notice is about" in shown["role"] and "person" in shown["role"]
    assert "subject" not in shown["role"]
    zh_pane = DetailsPane(lambda _t: "pseudonym", lambda: True)
    qtbot.addWidget(zh_pane)
    zh_pane.show()
    zh_pane.set_document_text(text)
    zh_pane.set_row(FindingRow(finding, legal_basis=("第十五条",)))
    assert "公示对象" in _visible(zh_pane)["role"] and "个人" in _visible(zh_pane)["role"]
    assert shown["found"].startswith("Found by the language model (zh_reviewer_ner)")
    assert shown["checked"] == "NER model zh_reviewer_ner found a name, right after the role word '证人'."
    assert "第十五条" in shown["applies"] and "Pseudonym" in shown["applies"]
    pane.set_row(FindingRow(Finding("PERSON", 3, 5, "刘芳", 0.95, "x", "")))
    assert "role" not in _visible(pane)  # no role recorded: no empty line


def test_the_legend_draws_each_state_and_names_it(qtbot, translations):
    from reviewer.ui.legend import Legend

    legend = Legend()
    qtbot.addWidget(legend)
    legend.show()
    texts = [label.text() for label in legend._labels.values()]
    assert "Undecided" in texts and "Accepted: removed" in texts and "Personal information" in texts
    translations.install("zh_CN")
    qtbot.waitUntil(lambda: "待定" in [label.text() for label in legend._labels.values()], timeout=3000)
    assert "个人信息" in [label.text() for label in legend._labels.values()]
    image = legend.grab().toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(image.height())
    }
    assert len(colours) > 8  # swatches drawn, not blank

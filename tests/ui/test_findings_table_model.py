"""FindingsTableModel without a window, then the FindingsPanel view over it (napari/Vorta habit)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from reviewer.core.documents import load_document
from reviewer.core.types import Category, EntityType
from reviewer.ui.findings_table_model import FindingRow, FindingsFilterModel, FindingsTableModel
from reviewer.ui.labels import ReviewState
from tests.ui.conftest import DATA, SAMPLES, fake_findings

D = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def rows():
    document = load_document(SAMPLES / "penalty-decision.txt")
    return [FindingRow(f) for f in fake_findings(document)]


def test_model_shows_one_row_per_finding_in_document_order(qapp, translations, rows):
    model = FindingsTableModel()
    model.set_rows(list(reversed(rows)))
    assert model.rowCount() == len(rows) >= 4
    texts = [model.data(model.index(i, FindingsTableModel.TEXT), D) for i in range(model.rowCount())]
    assert texts == [r.finding.text for r in sorted(rows, key=lambda r: r.finding.start)]
    first = model.index(0, FindingsTableModel.TYPE)
    assert model.data(first, D) == "Personal name"  # 王建国 comes first in the sample
    assert model.data(model.index(0, FindingsTableModel.WHERE), D) == "l. 5"
    assert model.data(model.index(0, FindingsTableModel.STATE), D) == "Pending"
    assert "fake detector" in model.data(first, Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(FindingsTableModel.SCORE, Qt.Orientation.Horizontal, D) == "Score"


def test_update_rows_changes_state_in_place_and_emits_data_changed(qtbot, translations, rows):
    model = FindingsTableModel()
    model.set_rows(rows)
    target = model.row_at(1)
    with qtbot.waitSignal(model.dataChanged, timeout=1000) as blocker:
        model.update_rows([replace(target, state=ReviewState.REJECTED, note="already public")])
    assert blocker.args[0].row() == 1
    assert model.rowCount() == len(rows)
    assert model.data(model.index(1, FindingsTableModel.STATE), D) == "Rejected"
    assert "already public" in model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    model.remove_ids({target.id})
    assert model.row_of(target.id) == -1 and model.rowCount() == len(rows) - 1


def test_filter_by_category_type_state_and_text_then_sort_by_score(qapp, translations, rows):
    model = FindingsTableModel()
    rows = [
        replace(r, finding=replace(r.finding, score=s)) for r, s in zip(rows, (0.3, 0.9, 0.6, 0.8, 0.5, 0.7))
    ]
    model.set_rows(rows)
    proxy = FindingsFilterModel()
    proxy.setSourceModel(model)
    proxy.set_filters(entity_type=str(EntityType.CN_MOBILE_PHONE))
    assert {proxy.row_at(i).finding.entity_type for i in range(proxy.rowCount())} == {"CN_MOBILE_PHONE"}
    proxy.set_filters(category=str(Category.RESTRICTED))
    assert proxy.rowCount() == 0
    proxy.set_filters(text="王建国")
    assert proxy.rowCount() == 1
    model.set_state(model.row_at(0).id, ReviewState.ACCEPTED, operator="pseudonym")
    proxy.set_filters(state=str(ReviewState.ACCEPTED))
    assert proxy.rowCount() == 1 and proxy.row_at(0).operator == "pseudonym"
    proxy.set_filters()
    proxy.sort(FindingsTableModel.SCORE, Qt.SortOrder.DescendingOrder)
    scores = [proxy.row_at(i).finding.score for i in range(proxy.rowCount())]
    assert scores == sorted(scores, reverse=True) and proxy.rowCount() == len(rows)


def test_panel_steps_through_visible_rows_and_reports_the_current_one(qtbot, translations, rows):
    from reviewer.ui.findings_panel import FindingsPanel

    model = FindingsTableModel()
    panel = FindingsPanel(model)
    qtbot.addWidget(panel)
    model.set_rows(rows)
    ids = [model.row_at(i).id for i in range(model.rowCount())]
    with qtbot.waitSignal(panel.current_changed, timeout=1000) as blocker:
        assert panel.step(+1) == ids[0]
    assert blocker.args == [ids[0]]
    assert panel.step(+1) == ids[1]
    assert panel.step(-1) == ids[0]
    assert panel.step(-1) == ids[0]  # stays on the first row
    assert f"{len(rows)} findings" in panel.summary.text()
    panel.entity_type.setCurrentIndex(panel.entity_type.findData(str(EntityType.PERSON)))
    names = [r.id for r in model.rows() if r.finding.entity_type == "PERSON"]
    assert panel.proxy.rowCount() == len(names) == 2  # 王建国, 李晓梅
    panel.table.setCurrentIndex(panel.proxy.index(-1, 0))
    assert panel.step(+1) == names[0] and panel.step(+1) == names[1] and panel.step(+1) == names[1]


def test_counts_per_category_for_a_real_docx(qapp, translations):
    document = load_document(DATA / "roster.docx")
    model = FindingsTableModel()
    model.set_rows([FindingRow(f) for f in fake_findings(document)])
    assert model.counts() == {"personal": 5}  # 2 IDs, 2 phones, 1 name split over three runs


def test_where_names_every_place_a_finding_can_come_from(qapp, translations, tmp_path):
    """A name found in a chart, an embedded workbook or a document variable says so in the 位置 column:
    it was blank for them, so the reviewer could not tell a body name from one in hidden data."""
    from reviewer.core.types import Finding
    from reviewer.ui.findings_table_model import where

    translations.install("zh_CN")
    expected = {"chart": "图表", "diagram": "SmartArt 图形", "attachment": "嵌入文件", "property": "文档属性",
                "textbox": "文本框", "endnote": "尾注", "hyperlink": "链接", "alt_text": "替代文字", "outline": "书签",
                "annotation": "注释"}
    for kind, label in expected.items():
        finding = Finding(str(EntityType.PERSON), 0, 3, "王建国", 0.9, "t", "", Category.PERSONAL, {"kind": kind})
        assert where(finding) == label, kind
    translations.install("en")
    assert where(Finding(str(EntityType.PERSON), 0, 3, "王建国", 0.9, "t", "", Category.PERSONAL,
                         {"kind": "chart"})) == "chart"


def test_a_possible_name_is_marked_in_the_table_and_the_details_pane(qtbot, translations):
    """A tier-2 candidate from the real pipeline (tests/data/detection/possible_names.docx) shows its marker in the
    type column, in amber italics, with the reason on hover; in Chinese too."""
    from reviewer.core.detection import analyze
    from reviewer.core.types import is_possible
    from reviewer.ui.details_pane import DetailsPane
    from reviewer.ui.findings_panel import FindingsPanel

    document = load_document(DATA.parent / "detection" / "possible_names.docx")
    rows = [FindingRow(f) for f in analyze(document)]
    model = FindingsTableModel()
    panel = FindingsPanel(model)
    qtbot.addWidget(panel)
    panel.show()
    model.set_rows(rows)
    i = next(k for k in range(model.rowCount()) if model.row_at(k).finding.text == "黄河")
    j = next(k for k in range(model.rowCount()) if model.row_at(k).finding.text == "王建国")
    assert is_possible(model.row_at(i).finding) and not is_possible(model.row_at(j).finding)
    cell = model.index(i, FindingsTableModel.TYPE)
    assert model.data(cell, D) == "Personal name (possible)"
    assert model.data(model.index(j, FindingsTableModel.TYPE), D) == "Personal name"
    assert model.data(cell, Qt.ItemDataRole.FontRole).italic()
    assert "Possible name" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    # what the view paints: the proxy's visible row carries the marker
    proxy_row = panel.proxy.mapFromSource(cell).row()
    assert panel.proxy.data(panel.proxy.index(proxy_row, FindingsTableModel.TYPE), D) == "Personal name (possible)"
    assert panel.table.visualRect(panel.proxy.index(proxy_row, FindingsTableModel.TYPE)).isValid()
    pane = DetailsPane(lambda _t: None, lambda: False)
    qtbot.addWidget(pane)
    pane.set_document_text(document.text)
    pane.set_row(model.row_at(i))
    assert "possible name" in pane.heading.text()
    assert "Possible name" in pane.values["found"].text()
    translations.install("zh_CN")
    assert model.data(cell, D) == "姓名（可能）"
    pane.retranslate()
    assert "可能的姓名" in pane.heading.text()

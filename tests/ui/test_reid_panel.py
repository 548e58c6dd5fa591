"""The re-identification panel: its model without a window, then the widget driven with real clicks."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from reviewer.core.deidentify.reidentification import RosterColumn, RosterRow, RosterTable, check
from reviewer.ui.reid_panel import BELOW_K, FLAG_ROLE, NOT_DIVERSE, ReidPanel, ReidRowsModel

D = Qt.ItemDataRole.DisplayRole


def _result(k: int = 2):
    columns = (
        RosterColumn("身份证号", "id_card", quasi=True),
        RosterColumn("村", "village", quasi=True),
        RosterColumn("致贫原因", "sensitive", sensitive=True),
    )
    rows = [
        ("500238********4519", "双溪村", "因病"),
        ("500238********4528", "双溪村", "因学"),
        ("500238********7130", "双溪村", "因病"),
        ("500238********7131", "大河村", "因残"),
        ("500238********7132", "大河村", "因残"),
    ]
    table = RosterTable(
        "/tmp/名册.xlsx", "名册", columns, tuple(RosterRow(f"名册!{i + 2}", r) for i, r in enumerate(rows))
    )
    other = RosterTable(
        "/tmp/公示.xlsx",
        "公示",
        columns[:2],
        (
            RosterRow("公示!2", ("5002381985********", "双溪村")),
            RosterRow("公示!3", ("5002381985********", "双溪村")),
        ),
    )
    return check([table, other], k=k, l=2)


def test_model_rows_values_and_highlights(qapp, translations):
    result = _result()
    model = ReidRowsModel()
    model.set_check(result.tables[0], result.k, result.l)
    assert (model.rowCount(), model.columnCount()) == (5, 5)
    assert model.headerData(0, Qt.Orientation.Horizontal, D) == "身份证号"
    assert model.headerData(3, Qt.Orientation.Horizontal, D) == "k (rows alike)"
    assert model.headerData(1, Qt.Orientation.Vertical, D) == "名册!3"
    assert model.data(model.index(0, 0), D) == "500238********4519"
    assert [model.data(model.index(r, 3), D) for r in range(5)] == ["1"] * 5  # every masked ID is unique
    assert model.data(model.index(0, 0), FLAG_ROLE) == "k"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole).color() == BELOW_K
    assert "Only 1 row(s)" in model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    stepped = result.with_step(0, 0).with_step(0, 0).with_step(0, 0).with_step(0, 0)
    model.set_check(stepped.tables[0], stepped.k, stepped.l)
    assert model.data(model.index(0, 0), D) == "500238************"
    assert [model.data(model.index(r, 3), D) for r in range(5)] == ["3", "3", "3", "2", "2"]
    # 大河村's two rows share 因残: the group discloses it
    assert model.data(model.index(3, 0), FLAG_ROLE) == "l"
    assert model.data(model.index(3, 0), Qt.ItemDataRole.BackgroundRole).color() == NOT_DIVERSE
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None


def _click_cell(qtbot, view, row: int, column: int) -> None:
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))


def test_one_click_generalisation_reruns_the_check(qtbot, translations):
    panel = ReidPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    qtbot.waitExposed(panel)
    result = _result()
    panel.set_result(result)
    assert panel.tables.count() == 2
    assert "unique: 100.0%" in panel.summary.text()
    assert "Suggested:" in panel.suggestion.text() and "mask" in panel.suggestion.text()
    assert "together they show 18 characters" not in panel.inconsistencies.text()  # different people here
    assert not panel.generalise.isEnabled()
    _click_cell(qtbot, panel.view, 0, 0)
    assert panel.generalise.isEnabled() and panel.generalise.text() == "Mask one more digit"
    with qtbot.waitSignal(panel.result_changed, timeout=2000) as changed:
        qtbot.mouseClick(panel.generalise, Qt.MouseButton.LeftButton)
    assert changed.args[0] is panel.result() and panel.result() is not result
    assert panel.model.data(panel.model.index(0, 0), D) == "500238*********519"
    for _ in range(3):
        qtbot.mouseClick(panel.generalise, Qt.MouseButton.LeftButton)
    assert panel.model.data(panel.model.index(0, 0), D) == "500238************"
    assert "below k = 2: 0.0%" in panel.summary.text()
    _click_cell(qtbot, panel.view, 0, 1)
    assert panel.generalise.text() == "Generalise this column"
    _click_cell(qtbot, panel.view, 0, 2)  # the sensitive column is not a quasi-identifier: nothing to do
    assert not panel.generalise.isEnabled()
    panel.tables.setCurrentIndex(1)
    assert (
        panel.model.rowCount() == 2 and panel.model.data(panel.model.index(0, 0), D) == "5002381985********"
    )


def test_panel_speaks_chinese(qtbot, translations):
    translations.install("zh_CN")
    panel = ReidPanel()
    qtbot.addWidget(panel)
    panel.set_result(_result())
    assert (
        "唯一" in panel.summary.text()
        and "建议" in panel.suggestion.text()
        and "再遮盖" in panel.suggestion.text()
    )

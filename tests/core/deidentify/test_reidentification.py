"""The roster re-identification check against brute force, on the roster redacted through the real pipeline."""

from __future__ import annotations

import re

import pytest

from reviewer.core.deidentify.export import write_verified
from reviewer.core.deidentify.plan import plan_redactions
from reviewer.core.deidentify.profiles import load_profile
from reviewer.core.deidentify.reidentification import (
    RosterColumn,
    RosterRow,
    RosterTable,
    check,
    check_table,
    generalise,
    summarise,
)
from reviewer.core.detection import analyze
from reviewer.core.documents import load_document
from reviewer.core.errors import ConfigurationError
from reviewer.core.service.reidentify import check_files

MASKS = set("*█")


@pytest.fixture(scope="module")
def notice_copy(roster, tmp_path_factory):
    """The roster as the 低保 notice profile publishes it (the real redact pipeline)."""
    document = load_document(roster.xlsx)
    plan = plan_redactions(analyze(document), load_profile("assistance-notice"))
    out = tmp_path_factory.mktemp("reid") / "公示.xlsx"
    write_verified(document, plan, out)
    return out


def published_rows(path) -> list[list[str]]:
    """The 名册 sheet's data rows read straight from the file with calamine (not through our reader)."""
    import python_calamine

    sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("名册")
    rows = sheet.to_python()
    out = []
    for row in rows[2:]:
        cells = [
            "" if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
            for v in row
        ]
        if any(c.startswith("合计") for c in cells):
            continue
        out.append(cells)
    return out


def brute_k(keys: list[tuple]) -> list[int]:
    """For each row, how many rows have exactly its key: n² comparisons, no grouping."""
    return [sum(1 for other in keys if other == key) for key in keys]


def _value(text: str):
    text = re.sub(r"\s", "", text)
    return None if not text or set(text) <= MASKS else text


def test_k_per_row_agrees_with_brute_force_before_and_after_the_suggestion(notice_copy):
    rows = published_rows(notice_copy)
    # the published columns: 村（社区）, 户主姓名 (kept in full by this rule), 家庭人口, 保障金额; ID, phone,
    # account and 致贫原因 are suppressed (█) and tell nothing
    keys = [(_value(r[1]), _value(r[2]), _value(r[6]), _value(r[7])) for r in rows]
    expected = brute_k(keys)
    result = check_files([notice_copy], load_profile("assistance-notice"), findings_of=lambda d: [])
    table = next(t for t in result.tables if t.table.name == "名册")
    assert [table.table.columns[j].header for j in table.quasi] == [
        "村（社区）",
        "户主姓名",
        "家庭人口",
        "保障金额（元）",
    ]
    assert list(table.k) == expected
    assert table.unique_share() == sum(1 for k in expected if k == 1) / len(expected) == 1.0
    assert table.below(5) == tuple(range(len(rows)))
    # after: the suggestion's levels applied by this test's own generaliser, then brute force again
    levels = {table.table.columns[s.column].kind: s.level for s in summarise(table.suggestion)}
    assert set(levels) <= {"name", "amount", "household_size", "village"}
    after = [
        (
            _own("village", k[0], levels.get("village", 0)),
            _own("name", k[1], levels.get("name", 0)),
            _own("household_size", k[2], levels.get("household_size", 0)),
            _own("amount", k[3], levels.get("amount", 0)),
        )
        for k in keys
    ]
    counted = brute_k(after)
    assert list(table.after.k) == counted
    assert table.after.unique_share() == sum(1 for k in counted if k == 1) / len(counted)
    assert table.after.below_share(5) < table.below_share(5)


def _own(kind: str, value: str | None, level: int) -> str | None:
    """The documented levels, written again: name → surname → nothing; amounts in bands of 50, 100, 200, 500,
    1000, 5000, then nothing; household size 1/2/3/4-5/6+, then 1-2/3-4/5+, then nothing; village → township
    (nothing here: the values hold no township)."""
    if value is None or level == 0:
        return value
    if kind == "name":
        return value[:1] if level == 1 else None
    if kind == "amount":
        widths = (50, 100, 200, 500, 1000, 5000)
        if level > len(widths):
            return None
        low = int(float(value) // widths[level - 1] * widths[level - 1])
        return f"{low}–{low + widths[level - 1] - 1}"
    if kind == "household_size":
        bands = ([(1, 1), (2, 2), (3, 3), (4, 5), (6, 99)], [(1, 2), (3, 4), (5, 99)])
        if level > len(bands):
            return None
        n = int(value)
        return next(f"{a}" if a == b else f"{a}–{b}" for a, b in bands[level - 1] if a <= n <= b)
    return None


def test_checking_the_file_with_the_profile_sees_what_redact_publishes(roster, notice_copy):
    via_profile = check_files([roster.xlsx], load_profile("assistance-notice"))
    as_published = check_files([notice_copy], None, k=5)
    a = next(t for t in via_profile.tables if t.table.name == "名册")
    b = next(t for t in as_published.tables if t.table.name == "名册")
    assert a.keys == b.keys and a.k == b.k
    assert [t.table.name for t in via_profile.tables] == [
        "名册"
    ]  # the hidden sheet is removed by this profile


def test_cross_document_masks_that_rebuild_an_id_are_flagged(roster):
    result = check_files([roster.xlsx, roster.second], load_profile("general"))
    rebuilt = [i for i in result.inconsistencies if i.kind == "id_card"]
    by_id = {r["id"]: r for r in roster.rows}
    assert rebuilt and result.flagged
    for item in rebuilt:
        assert (
            item.combined in by_id and item.revealed == 18
        )  # 500238********4519 + 50023819850312**** = all 18
        assert {p[0] for p in item.places} == {str(roster.xlsx), str(roster.second)}
    # consistent masks across the same two files are not flagged
    consistent = check_files([roster.xlsx, roster.xlsx], load_profile("general"))
    assert consistent.inconsistencies == ()


def _table(rows, headers, kinds):
    columns = tuple(
        RosterColumn(h, k, quasi=k not in ("sensitive", None), sensitive=k == "sensitive")
        for h, k in zip(headers, kinds, strict=True)
    )
    return RosterTable(
        "t.xlsx", "表", columns, tuple(RosterRow(f"表!{i + 2}", tuple(r)) for i, r in enumerate(rows))
    )


def test_a_sensitive_column_attached_to_a_group_of_one_is_flagged():
    rows = [
        ["双溪村", "王某", "3", "因病"],
        ["双溪村", "王某", "3", "因学"],
        ["大河村", "李某", "2", "因残"],
        ["大河村", "张某", "2", "因病"],
        ["大河村", "张某", "2", "因病"],
    ]
    table = _table(
        rows, ["村", "姓名", "人口", "致贫原因"], ["village", "name", "household_size", "sensitive"]
    )
    result = check([table], k=2, l=2)
    t = result.tables[0]
    assert t.k == (2, 2, 1, 2, 2)
    assert t.l == (2, 2, 1, 1, 1)
    assert t.not_diverse(2) == (2, 3, 4)  # 李某 alone; the two 张某 share 因病: the group discloses it
    assert t.below(2) == (2,)


def test_one_click_step_reruns_the_check():
    rows = [["500238********4519", "1,260"], ["500238********4528", "1,260"], ["500238********7130", "1,260"]]
    table = _table(rows, ["身份证号", "金额"], ["id_card", "amount"])
    result = check([table], k=2)
    assert result.tables[0].unique_share() == 1.0
    masked = result.with_step(0, 0)
    assert masked.tables[0].keys[0][0] == "500238*********519"
    banded = masked.with_step(0, 0).with_step(0, 0).with_step(0, 0)
    assert banded.tables[0].keys[0][0] == "500238************"
    assert banded.tables[0].k == (3, 3, 3) and not banded.flagged


@pytest.mark.parametrize(
    ("kind", "value", "level", "expected"),
    [
        ("id_card", "500238198503124519", 1, "500238********4519"),  # the general profile's mask first
        ("id_card", "500238********4519", 2, "500238**********19"),
        ("phone", "138****5678", 4, "138********"),
        ("phone", "138****5678", 7, None),
        ("name", "王建国", 1, "王"),
        ("name", "王某甲", 0, "王"),
        ("name", "欧阳某", 0, "欧阳"),
        ("amount", "1,260", 2, "1200–1299"),
        ("household_size", "5", 1, "4–5"),
        ("age", "67", 2, "60–69"),
        ("address", "巫溪县宁厂镇双溪村3组12号", 1, "巫溪县宁厂镇双溪村"),
        ("address", "巫溪县宁厂镇双溪村3组12号", 2, "巫溪县宁厂镇"),
        ("village", "宁厂镇双溪村", 1, "宁厂镇"),
        ("village", "双溪村", 1, None),
        ("birth_date", "1985-03-12", 2, "1985"),
    ],
)
def test_generalisation_levels(kind, value, level, expected):
    assert generalise(kind, value, level) == expected


def test_suggestion_wording():
    rows = [[f"500238********45{i:02d}", f"{1000 + 10 * i}"] for i in range(6)]
    t = check_table(_table(rows, ["身份证号", "金额"], ["id_card", "amount"]), k=3, l=2)
    labels = [
        s.label(t.table.columns[s.column].header, t.levels[s.column])[0] for s in summarise(t.suggestion)
    ]
    assert labels and all(
        re.match(r"“(身份证号|金额)”(再遮盖\d+位|按每\d+元一档公布)", label) for label in labels
    )


def test_roster_section_of_a_profile_is_strict(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nextends: general\nroster: {k: 3, hiden_sheets: remove}\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="hiden_sheets"):
        load_profile(bad)
    bad.write_text("name: x\nroster: {publish: [name, phone_number]}\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="phone_number"):
        load_profile(bad)
    good = tmp_path / "good.yaml"
    good.write_text("name: y\nextends: assistance-notice\nroster: {k: 3}\n", encoding="utf-8")
    profile = load_profile(good)
    assert (profile.roster.k, profile.roster.hidden_sheets) == (3, "remove")
    assert load_profile("general").roster.hidden_sheets == "clean"

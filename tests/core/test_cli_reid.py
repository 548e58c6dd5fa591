"""`reviewer reid`: the check from the command line, JSON and text, exit codes."""

from __future__ import annotations

import json

from reviewer.cli import main


def test_reid_reports_shares_before_and_after_and_the_cross_document_inconsistency(roster, capsys):
    code = main(["reid", str(roster.xlsx), str(roster.second), "--profile", "general", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 6 and data["flagged"] and data["k"] == 5
    roster_table = next(t for t in data["tables"] if t["table"] == "名册")
    assert roster_table["rows"] == len(roster.rows) and roster_table["unique_share"] == 1.0
    assert roster_table["after"]["unique_share"] < roster_table["unique_share"]
    assert roster_table["suggestion"] and all(s["zh"] and s["en"] for s in roster_table["suggestion"])
    assert {i["combined"] for i in data["inconsistencies"] if i["kind"] == "id_card"} <= set(roster.ids)
    assert data["inconsistencies"]


def test_reid_text_and_usage_errors(roster, capsys):
    assert main(["reid", str(roster.second), "--k", "2"]) == 6
    out = capsys.readouterr().out
    assert "唯一行 / unique rows: 100.0%" in out and "建议 / suggestion" in out
    assert main(["reid", str(roster.second), "--k", "0"]) == 2
    assert main(["reid", str(roster.second), "--profile", "nope"]) == 2
    assert main(["reid", str(roster.xlsx) + ".missing"]) == 1

"""Table cells take their column header as context: a roster through the real docx reader."""

from __future__ import annotations

from reviewer.core.detection import analyze
from reviewer.core.detection.config import PROJECT_ROOT
from reviewer.core.documents import load_document

ROSTER = PROJECT_ROOT / "tests" / "data" / "detection" / "roster.docx"


def test_roster_columns_use_their_header_as_context():
    document = load_document(ROSTER)
    findings = [f for f in analyze(document) if f.entity_type not in {"PERSON", "CN_ADDRESS", "ORGANIZATION"}]
    found = {(f.entity_type, f.text, f.locator["path"]) for f in findings}
    assert found == {
        ("CN_ID_CARD", "500113195603214517", "body/tbl[0]/tr[1]/tc[2]/p[0]"),
        ("CN_ID_CARD", "500113194808093021", "body/tbl[0]/tr[2]/tc[2]/p[0]"),
        ("CN_BANK_CARD", "31000210092001234561", "body/tbl[0]/tr[1]/tc[3]/p[0]"),
        ("CN_BANK_CARD", "31000210092001234578", "body/tbl[0]/tr[2]/tc[3]/p[0]"),
        ("CN_QQ", "853216794", "body/tbl[0]/tr[1]/tc[4]/p[0]"),
        ("CN_QQ", "1062547893", "body/tbl[0]/tr[2]/tc[4]/p[0]"),
        ("CN_BIRTH_DATE", "1956-03-21", "body/tbl[0]/tr[1]/tc[5]/p[0]"),
        ("CN_BIRTH_DATE", "1948-08-09", "body/tbl[0]/tr[2]/tc[5]/p[0]"),
    }  # the same values under the neutral headers of tbl[1] are not reported
    account = next(f for f in findings if f.text == "31000210092001234561")
    # the docx reader gives cells their header (issue 25): the column pass answers with the column's name
    assert "列“银行账号”" in account.explanation and account.locator["header"] == "银行账号"
    qq = next(f for f in findings if f.text == "853216794")
    assert "上下文“QQ”" in qq.explanation  # a column kind we do not model still passes its header as context
    for f in findings:
        assert document.text[f.start:f.end] == f.text

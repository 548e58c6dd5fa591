"""Write roster.docx: a subsidy roster whose labels sit only in the table's header row.

Run: .venv/bin/python tests/data/detection/make_roster.py (the small output is committed).
"""

from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent


def with_check(body17: str) -> str:
    """GB 11643 check character (ISO 7064 MOD 11-2)."""
    return body17 + "10X98765432"[sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(body17)) % 11]


HEADER = ["序号", "姓名", "身份证号", "银行账号", "QQ号", "出生日期", "备注"]
ROWS = [
    ["1", "刘永福", with_check("50011319560321451"), "31000210092001234561", "853216794", "1956-03-21", "巴南区"],
    ["2", "陈秀英", with_check("50011319480809302"), "31000210092001234578", "1062547893", "1948-08-09", "龙洲湾街道"],
]
# The same kinds of values under neutral headers: nothing context-only may be reported there.
NEUTRAL_HEADER = ["序号", "编号", "批次", "日期"]
NEUTRAL_ROWS = [["1", "31000210092001234561", "853216794", "2023-03-21"]]


def build(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("2023年第三季度城乡低保新增对象公示名单")
    for header, rows in ((HEADER, ROWS), (NEUTRAL_HEADER, NEUTRAL_ROWS)):
        table = document.add_table(rows=1 + len(rows), cols=len(header))
        for j, text in enumerate(header):
            table.cell(0, j).text = text
        for i, row in enumerate(rows, 1):
            for j, text in enumerate(row):
                table.cell(i, j).text = text
        document.add_paragraph("公示期7天，如有异议请拨打12345。")
    document.core_properties.author = "民政局"
    document.save(path)


if __name__ == "__main__":
    build(HERE / "roster.docx")

"""Generate the workspace test documents (run: python tests/data/workspace/make_samples.py).

Two small official documents of the kinds the workspace must handle: a punitive notice published
proactively (personal identifiers to de-identify) and an internal report with a live classification
marking, restriction phrases and a 附注 saying it is withheld.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent

PENALTY = """重庆市渝中区市场监督管理局
行政处罚决定书
渝中市监处罚〔2026〕18号

当事人：张伟，男，公民身份号码：500106198703154519，住所：重庆市渝中区解放碑街道民族路88号，联系电话：13812345678。
经查，当事人于2026年3月在其经营场所销售过期食品，违反了《中华人民共和国食品安全法》第三十四条的规定。
依据《中华人民共和国食品安全法》第一百二十四条，决定对当事人处以罚款人民币伍万元。
如不服本决定，可在收到本决定书之日起六十日内申请行政复议。

重庆市渝中区市场监督管理局
2026年4月2日
（此件公开发布）
"""

INTERNAL = """000123
机密★5年
特急

关于2026年度重点项目资金安排的请示

区政府：
现将我局2026年度重点项目资金安排情况报告如下，项目负责人李娜（电话13987654321）负责具体落实。
本文件为内部资料，注意保存，不得外传。

重庆市渝中区财政局
2026年5月6日
（此件不予公开）
"""


def main() -> None:
    (HERE / "penalty-notice.txt").write_text(PENALTY, encoding="utf-8")
    (HERE / "internal-request.txt").write_text(INTERNAL, encoding="utf-8")


if __name__ == "__main__":
    main()

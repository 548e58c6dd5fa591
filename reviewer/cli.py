"""`python -m reviewer <command>`: the CLI on the same core as the GUI.

Each command lives in `reviewer/commands/<name>.py` with `add_arguments(parser)` and `run(args) -> int`.
Exit codes: 0 ok, 1 unreadable input, 2 usage error, 3 export verification failed, 4 audit chain broken,
5 export refused: unresolved classification marking (override: redact --allow-restricted --reason),
6 the re-identification check flagged rows (`reid`).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from reviewer.core.errors import ConfigurationError, ReviewerError

COMMANDS = {
    "scan": "找出文档中的个人信息和涉密/限制内容 / detect personal information and restricted content",
    "redact": "去标识化并导出经校验的干净副本 / de-identify and export a verified clean copy",
    "reid": "名单重识别风险检查（k-匿名、l-多样性）/ roster re-identification check (k-anonymity, l-diversity)",
    "workspace": "工作区与用户 / workspace and accounts",
    "audit": "核验审计链 / verify the audit chain",
    "log": "导出保密审查记录、生成部分公开说明 / export the review log, the partial-disclosure statement",
    "terms": "单位敏感词库 / the office's term lists",
    "doctor": "检查安装是否完整 / check the installation",
    "batch": "批量审查文件夹或压缩包并生成分诊报告 / sweep folders and archives, write a triage report",
    "worker": "处理团队工作区的批量作业队列 / work on the team workspace's batch job queue",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reviewer", description="政府信息公开保密审查 / disclosure review")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in COMMANDS.items():
        module = importlib.import_module(f"reviewer.commands.{name}")
        p = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        return int(args._module.run(args))
    except KeyboardInterrupt:
        print("已取消 / cancelled", file=sys.stderr)
        return 130
    except ReviewerError as exc:  # configuration or usage problems the command did not handle itself
        print(str(exc), file=sys.stderr)
        return 2 if isinstance(exc, ConfigurationError) or exc.code == "invalid_threshold" else 1

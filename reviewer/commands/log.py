"""`reviewer log export --format csv|json|docx|pdf -o FILE [--document ID] [--language zh|en]`: the review log;
`reviewer log statement --document ID [--format docx|txt] -o FILE`: the "部分公开" statement of a reply
(条例第三十七条: what was withheld and why), from the document's decisions.

Exit 0 when written; 4 when the log was written but the audit chain does not verify (the log says BROKEN); 1 when
the statement cannot be made yet (findings undecided) or the workspace cannot be read.
"""

from __future__ import annotations

import argparse
import sys

from reviewer.commands.workspace import add_workspace_argument, open_from_args
from reviewer.core.errors import ReviewerError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    export = sub.add_parser("export", help="导出保密审查记录 / export the review log")
    add_workspace_argument(export)
    export.add_argument("--format", required=True, choices=["csv", "json", "docx", "pdf"])
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    export.add_argument("--document", type=int, default=None, metavar="ID", help="只导出该文档 / one document only")
    statement = sub.add_parser("statement", help="部分公开说明（条例第三十七条）/ the partial-disclosure statement")
    add_workspace_argument(statement)
    statement.add_argument("--document", type=int, required=True, metavar="ID", help="文档编号 / the document")
    statement.add_argument("--format", choices=["txt", "docx"], default="docx")
    statement.add_argument("-o", "--output", required=True, metavar="FILE")
    export.add_argument("--language", choices=["zh", "en"], default="zh",
                        help="记录的语言（默认中文，供归档）/ the record's language (Chinese by default, for filing)")


def run(args: argparse.Namespace) -> int:
    if args.action == "statement":
        return _statement(args)
    from reviewer.core.reports.log_export import export_review_log

    try:
        ws = open_from_args(args, must_exist=True)
        try:
            catalog = ws.catalog  # strict: a missing catalog is an error, not codes without gists
            log = export_review_log(ws, args.format, args.output, document_id=args.document, catalog=catalog,
                                    language=args.language)
        finally:
            ws.engine.dispose()
    except ReviewerError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"{args.output} (chain head {log.head.count}:{log.head.hash})")
    if not log.chain_ok:
        print("警告：审计链核验失败，记录已导出但不可作为完整记录；请运行 reviewer audit verify。 / "
              "Warning: the audit chain does not verify; the log was written but is not a trustworthy record. "
              "Run `reviewer audit verify`.", file=sys.stderr)
        return 4
    return 0


def _statement(args: argparse.Namespace) -> int:
    """`reviewer log statement --document ID -o FILE`: what was withheld and why (条例第三十七条)."""
    from reviewer.core.reports.statement import export_statement

    try:
        ws = open_from_args(args, must_exist=True)
        try:
            statement = export_statement(ws, args.document, args.format, args.output, catalog=ws.catalog)
        finally:
            ws.engine.dispose()
    except ReviewerError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"{args.output}: 不予公开 {statement.places} 处，{len(statement.parts)} 项理由 / "
          f"{statement.places} place(s) withheld, {len(statement.parts)} reason(s)")
    return 0

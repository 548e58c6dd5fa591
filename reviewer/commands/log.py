"""`reviewer log export --format csv|json|docx|pdf -o FILE [--document ID]`: the review log.

Exit 0 when written; 4 when written but the audit chain does not verify (the log says BROKEN).
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


def run(args: argparse.Namespace) -> int:
    from reviewer.core.reports.log_export import export_review_log

    try:
        ws = open_from_args(args, must_exist=True)
        try:
            catalog = ws.catalog  # strict: a missing catalog is an error, not codes without gists
            log = export_review_log(ws, args.format, args.output, document_id=args.document, catalog=catalog)
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


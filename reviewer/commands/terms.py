"""`reviewer terms list|history|export|import`: the office's term lists (单位敏感词库) of a workspace.

Changing the lists (`import`) needs a supervisor or administrator who signs in (`--as NAME`, the password
from a prompt or `--password-stdin`); every change is one audit event. `scan --workspace` and
`redact --workspace` apply the lists; `scan --terms FILE` applies a list file without a workspace.
"""

from __future__ import annotations

import argparse
import sys

from reviewer.commands.workspace import add_workspace_argument, open_from_args, read_password
from reviewer.core.errors import ReviewerError

KINDS = ["block", "review", "deny", "allow"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("list", help="列出当前词库 / print the current lists")
    sub.add_parser("history", help="各版本 / the versions")
    export = sub.add_parser("export", help="导出为 txt 或 xlsx / export as txt or xlsx")
    export.add_argument("-o", "--output", required=True, metavar="FILE.txt|FILE.xlsx")
    imp = sub.add_parser("import", help="从 txt 或 xlsx 导入 / import from txt or xlsx")
    imp.add_argument("file", metavar="FILE.txt|FILE.xlsx")
    imp.add_argument("--kind", choices=KINDS, default=None,
                     help="无分节的词表归入此类 / the list for a plain word list without sections")
    imp.add_argument("--replace", action="store_true", help="以文件替换全部词库 / the file becomes the lists")
    imp.add_argument("--as", dest="user", required=True, metavar="NAME",
                     help="主管或管理员 / a supervisor or administrator")
    imp.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码 / read the password from stdin")
    for p in sub.choices.values():
        add_workspace_argument(p)


def run(args: argparse.Namespace) -> int:
    from reviewer.core.detection.terms.model import KIND_ZH, TermKind
    from reviewer.core.service import terms

    try:
        ws = open_from_args(args, must_exist=True)
    except ReviewerError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        if args.action == "list":
            current = terms.term_set(ws)
            print(f"# {current.label_zh()}")
            for kind in TermKind:
                print(f"[{KIND_ZH[kind]}]")
                for e in current.of(kind):
                    print(f"{e.term}\t{e.note}" if e.note else e.term)
        elif args.action == "history":
            for v in terms.term_history(ws):
                print(f"{v.version}\t{v.created_at}\t{v.actor}\t{v.count}\t{v.digest}")
        elif args.action == "export":
            print(terms.export_term_file(ws, args.output))
        else:
            user = ws.login(args.user, read_password(args, f"{args.user} 的密码 / password: "))
            kind = TermKind(args.kind) if args.kind else None
            saved, change = terms.import_term_file(ws, user, args.file, kind=kind, replace=args.replace)
            if not change:
                print(f"词库未变 / unchanged: {saved.label_zh()}")
            else:
                print(f"{saved.label_zh()}: +{len(change.added)} -{len(change.removed)} ~{len(change.renoted)}")
        return 0
    except ReviewerError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        ws.close()

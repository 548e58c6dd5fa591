"""`reviewer workspace init|add-user|status`: create a workspace and its accounts from the CLI.

Also the shared `--workspace DIR|URL` option: `add_workspace_argument(parser)` and `open_from_args(args)`
are what scan/redact use to record their events.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections import Counter

from reviewer.core.errors import ReviewerError


def add_workspace_argument(parser: argparse.ArgumentParser, *, help_suffix: str = "") -> None:
    parser.add_argument("--workspace", metavar="DIR|URL", default=None,
                        help="工作区文件夹或数据库地址（默认：用户数据文件夹）/ workspace folder or database URL "
                             "(default: the per-user data folder)" + help_suffix)


def open_from_args(args: argparse.Namespace, *, must_exist: bool = False):
    """Open the workspace named by `--workspace`; with must_exist, refuse to create a new one."""
    from reviewer.core.store import location, open_workspace
    from reviewer.core.store.errors import WorkspaceError

    where = location.resolve(args.workspace)
    if must_exist and where.folder is not None and not (where.folder / location.DB_FILENAME).exists():
        raise WorkspaceError(f"{where.folder} 中没有工作区，请检查 --workspace 路径。",
                             f"There is no workspace in {where.folder}; check the --workspace path.")
    return open_workspace(args.workspace)


def read_password(args: argparse.Namespace, prompt: str) -> str:
    """One password: a line of stdin with --password-stdin (scripts), else an interactive prompt."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    return getpass.getpass(prompt)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    init = sub.add_parser("init", help="创建工作区和第一个管理员 / create the workspace and its first admin")
    init.add_argument("--admin", required=True, metavar="NAME")
    add = sub.add_parser("add-user", help="添加用户 / add a user (an admin signs in)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=["reviewer", "supervisor", "auditor", "admin"])
    add.add_argument("--display-name", default=None)
    add.add_argument("--as", dest="admin", required=True, metavar="ADMIN")
    status = sub.add_parser("status", help="工作区概况 / workspace summary")
    for p in (init, add, status):
        add_workspace_argument(p)
    for p in (init, add):
        p.add_argument("--password-stdin", action="store_true",
                       help="从标准输入逐行读取密码 / read passwords from stdin, one per line")


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except ReviewerError as exc:
        print(str(exc), file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    ws = open_from_args(args, must_exist=args.action != "init")
    try:
        if args.action == "init":
            if not ws.needs_admin():
                print("工作区已初始化 / the workspace is already initialised", file=sys.stderr)
                return 1
            password = read_password(args, "新管理员密码 / new admin password: ")
            user = ws.create_first_admin(args.admin, password)
            print(f"{ws.location.display()}: admin {user.username} created")
        elif args.action == "add-user":
            admin = ws.login(args.admin, read_password(args, f"{args.admin} 的密码 / password: "))
            password = read_password(args, f"{args.username} 的新密码 / new password: ")
            user = ws.create_user(admin, args.username, args.role, password, args.display_name)
            print(f"{user.username} ({user.role}) key {user.key_fingerprint}")
        else:
            head = ws.head()
            counts = Counter(str(d.status) for d in ws.documents())
            print(f"workspace: {ws.location.display()}")
            print(f"documents: {dict(sorted(counts.items()))}")
            print(f"audit head: {head.count}:{head.hash}")
        return 0
    finally:
        ws.close()

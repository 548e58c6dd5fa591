"""`reviewer workspace init|add-user|users|set-roles|disable|enable|passwd|reset-password|status|provision|migrate`.

Accounts: every change an administrator makes is signed with their key, so it asks for their password
(`--as ADMIN`). Roles are one of reviewer, supervisor, auditor, admin, or several joined by "+"
("admin+reviewer": one person who administers and reviews; sign-off still needs another supervisor).
`provision` (run by a server database's owner) creates the application's least-privileged role;
`migrate --from DIR --to URL` copies a personal workspace into a team server with its audit chain.

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
    from reviewer.core.service import open_workspace
    from reviewer.core.store import location
    from reviewer.core.store.errors import WorkspaceError

    where = location.resolve(args.workspace)
    if must_exist and where.folder is not None and not (where.folder / location.DB_FILENAME).exists():
        raise WorkspaceError(f"{where.folder} 中没有工作区，请检查 --workspace 路径。",
                             f"There is no workspace in {where.folder}; check the --workspace path.")
    return open_workspace(args.workspace, create=not must_exist)


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
    init.add_argument("--also-reviewer", action="store_true",
                      help="第一个管理员兼任审查人（单人工作区）/ the first admin also reviews (a one-person workspace)")
    add = sub.add_parser("add-user", help="添加用户 / add a user (an admin signs in)")
    add.add_argument("username")
    add.add_argument("--role", required=True, metavar="ROLES",
                     help="reviewer | supervisor | auditor | admin, or several joined by + (admin+reviewer)")
    add.add_argument("--display-name", default=None)
    add.add_argument("--as", dest="admin", required=True, metavar="ADMIN")
    listing = sub.add_parser("users", help="列出用户 / list the users, their roles and state")
    roles = sub.add_parser("set-roles", help="修改角色 / change a user's roles (an admin signs)")
    roles.add_argument("username")
    roles.add_argument("roles", metavar="ROLES")
    roles.add_argument("--as", dest="admin", required=True, metavar="ADMIN")
    disable = sub.add_parser("disable", help="停用用户 / disable a user (an admin signs)")
    enable = sub.add_parser("enable", help="启用用户 / enable a user again (an admin signs)")
    reset = sub.add_parser("reset-password", help="重置密码（新签名密钥）/ reset a password (a new signing key)")
    for p in (disable, enable, reset):
        p.add_argument("username")
        p.add_argument("--as", dest="admin", required=True, metavar="ADMIN")
    passwd = sub.add_parser("passwd", help="修改自己的密码（新签名密钥）/ change your password (a new signing key)")
    passwd.add_argument("username")
    status = sub.add_parser("status", help="工作区概况 / workspace summary")
    provision = sub.add_parser("provision", help="创建应用数据库角色（数据库所有者运行）/ create the application's "
                                                 "database role (run by the database owner)")
    provision.add_argument("--app-role", default="reviewer_app", metavar="ROLE")
    migrate = sub.add_parser("migrate", help="把个人工作区复制到团队服务器 / copy a personal workspace into a "
                                             "team server, audit chain intact")
    migrate.add_argument("--from", dest="source", required=True, metavar="DIR")
    migrate.add_argument("--to", dest="target", required=True, metavar="URL")
    for p in (init, add, listing, roles, disable, enable, reset, passwd, status, provision):
        add_workspace_argument(p)
    for p in (init, add, roles, disable, enable, reset, passwd, provision):
        p.add_argument("--password-stdin", action="store_true",
                       help="从标准输入逐行读取密码 / read passwords from stdin, one per line")


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except ReviewerError as exc:
        print(str(exc), file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.action == "migrate":
        return _migrate(args)
    ws = open_from_args(args, must_exist=args.action != "init")
    try:
        if args.action == "init":
            if not ws.needs_admin():
                print("工作区已初始化 / the workspace is already initialised", file=sys.stderr)
                return 1
            password = read_password(args, "新管理员密码 / new admin password: ")
            user = ws.create_first_admin(args.admin, password, also_reviewer=args.also_reviewer)
            print(f"{ws.location.display()}: {user.role} {user.username} created, key {user.key_fingerprint}")
        elif args.action == "users":
            for user in ws.users():
                state = "active" if user.active else "DISABLED"
                print(f"{user.username}\t{user.role}\t{state}\tkey {user.key_fingerprint}\t{user.display_name}")
        elif args.action == "passwd":
            user = ws.get_user(args.username)
            old = read_password(args, f"{args.username} 的当前密码 / current password: ")
            ws.change_password(user, old, read_password(args, "新密码 / new password: "))
            print(f"{args.username}: password changed, new key {ws.get_user(args.username).key_fingerprint}")
        elif args.action in ("add-user", "set-roles", "disable", "enable", "reset-password"):
            return _admin_change(ws, args)
        elif args.action == "provision":
            if ws.location.folder is not None:
                print("provision 只用于数据库服务器 / provision is for a database server URL", file=sys.stderr)
                return 1
            password = read_password(args, f"{args.app_role} 的密码 / password: ")
            created = ws.provision(args.app_role, password or None)
            print(f"{args.app_role}: {'created' if created else 'updated'}; INSERT-only on audit_events")
        else:
            head = ws.head()
            counts = Counter(str(d.status) for d in ws.documents())
            print(f"workspace: {ws.location.display()}")
            print(f"documents: {dict(sorted(counts.items()))}")
            print(f"audit head: {head.count}:{head.hash}")
            print(f"waiting for sign-off / 待签批: {len(ws.submission_queue())}")
            for warning in ws.warnings:
                print(f"WARNING: {warning}", file=sys.stderr)
        return 0
    finally:
        ws.close()


def _admin_change(ws, args: argparse.Namespace) -> int:  # noqa: ANN001 - a Workspace
    """A change an administrator signs: their password first (it opens their signing key)."""
    secret = read_password(args, f"{args.admin} 的密码 / password: ")
    admin = ws.login(args.admin, secret)
    if args.action == "add-user":
        password = read_password(args, f"{args.username} 的新密码 / new password: ")
        user = ws.create_user(admin, args.username, args.role, password, args.display_name, admin_password=secret)
        print(f"{user.username} ({user.role}) key {user.key_fingerprint}")
    elif args.action == "set-roles":
        user = ws.set_roles(admin, args.username, args.roles, admin_password=secret)
        print(f"{user.username}: {user.role}")
    elif args.action == "reset-password":
        ws.reset_password(admin, args.username, read_password(args, f"{args.username} 的新密码 / new password: "),
                          admin_password=secret)
        print(f"{args.username}: password reset, new key {ws.get_user(args.username).key_fingerprint}")
    else:
        user = ws.set_active(admin, args.username, args.action == "enable", admin_password=secret)
        print(f"{user.username}: {'active' if user.active else 'disabled'}")
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from reviewer.core.service import open_workspace
    from reviewer.core.service.transfer import copy_workspace
    from reviewer.core.service.workspace import Workspace

    source = open_from_args(argparse.Namespace(workspace=args.source), must_exist=True)
    try:
        target = open_workspace(args.target)
        try:
            report = copy_workspace(source, target, actor=Workspace.cli_actor())
            verified = target.verify()
        finally:
            target.close()
    finally:
        source.close()
    copied = ", ".join(f"{name} {n}" for name, n in report.rows.items() if n)
    print(f"copied / 已复制: {copied}")
    print(f"source head: {report.source_head.count}:{report.source_head.hash}")
    print(f"target head: {report.target_head.count}:{report.target_head.hash} "
          f"(+1 workspace.migrated event); audit verify: {'OK' if verified.ok else 'FAILED'}")
    return 0 if verified.ok else 4

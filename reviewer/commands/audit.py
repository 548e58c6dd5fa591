"""`reviewer audit verify|keys`: check the audit chain; export public keys for independent checks.

`verify` exits 0 when the chain is intact and means what the program wrote, and 4 when any event was
altered, removed, inserted or reordered, the chain was truncated, an action is unknown or was not
allowed to its actor then, a status change breaks the state machine, a signature (user changes,
approval, return, release) does not verify, or a state row disagrees with the chain; it names the
first bad event. `--keys FILE` roots the signatures in public keys kept outside the database (written
earlier by `audit keys -o FILE`); `--expect-head SEQ:HASH` checks that the chain still contains the head
printed on a review log. Only these outside pins catch a chain rewritten whole by someone who can
rewrite every row and file. `witness --expect-head SEQ:HASH` writes a missing head witness again once
the chain verifies against that head.
"""

from __future__ import annotations

import argparse
import json
import sys

from reviewer.commands.workspace import add_workspace_argument, open_from_args
from reviewer.core.errors import ReviewerError

EXIT_CHAIN_BROKEN = 4


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    verify = sub.add_parser("verify", help="核验审计链 / verify the audit chain")
    add_workspace_argument(verify)
    verify.add_argument("--keys", metavar="FILE", help="可信公钥 JSON（audit keys 导出）/ trusted public keys JSON")
    verify.add_argument("--expect-head", metavar="SEQ:HASH", help="打印记录上的链头 / head printed on a review log")
    keys = sub.add_parser("keys", help="导出用户签名公钥 / export users' signing public keys")
    add_workspace_argument(keys)
    keys.add_argument("-o", "--output", metavar="FILE")
    witness = sub.add_parser("witness", help="核对后重建链头见证文件 / re-pin a missing head witness after a check")
    add_workspace_argument(witness)
    witness.add_argument("--expect-head", required=True, metavar="SEQ:HASH")


def run(args: argparse.Namespace) -> int:
    try:
        expect = _parse_head(args.expect_head) if getattr(args, "expect_head", None) else None
        trusted = _load_keys(args.keys) if args.action == "verify" and args.keys else None
        ws = open_from_args(args, must_exist=True)
    except ReviewerError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"参数错误 / bad argument: {exc}", file=sys.stderr)
        return 2
    try:
        if args.action == "keys":
            data = json.dumps(ws.key_history(), indent=2, ensure_ascii=False) + "\n"
            if args.output:
                from reviewer.core.atomic import write_bytes_atomic
                write_bytes_atomic(args.output, data.encode("utf-8"))
            else:
                sys.stdout.write(data)
            return 0
        report = ws.rewitness(expect) if args.action == "witness" else ws.verify(keys=trusted, expect=expect)
    finally:
        ws.engine.dispose()  # verify must not move the witness: no close()
    if report.ok:
        print(f"OK: {report.count} 条事件完整且符合规则，{report.signatures_checked} 个签名有效 / "
              f"{report.count} events intact and consistent, {report.signatures_checked} signatures valid; "
              f"head {report.count}:{report.head_hash}")
        return 0
    for problem in report.problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    if report.first_bad_seq is not None:
        print(f"first bad event: {report.first_bad_seq}", file=sys.stderr)
    else:
        print("事件链本身完整，但工作区记录被改动 / the event chain is intact but workspace records were altered",
              file=sys.stderr)
    return EXIT_CHAIN_BROKEN


def _parse_head(text: str) -> tuple[int, str]:
    seq, _, digest = text.partition(":")
    if not seq.isdigit() or len(digest) != 64:
        raise ValueError("--expect-head takes SEQ:HASH (e.g. 42:3fa9…, 64 hex digits)")
    return int(seq), digest.lower()


def _load_keys(path: str) -> dict[str, list[str]]:
    """{user: [public key hex, …]} (older files hold one key per user)."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object of user name → public keys (hex)")
    out = {}
    for user, keys in data.items():
        keys = [keys] if isinstance(keys, str) else keys
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise ValueError(f"{path}: expected a JSON object of user name → public keys (hex)")
        out[user] = keys
    return out

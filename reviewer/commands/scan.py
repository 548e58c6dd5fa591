"""`reviewer scan [--format jsonl|json|text] PATH...`: the fixed JSON Lines output contract.

A zip or 7z archive is scanned like a folder: each member is extracted to a private temporary folder
(documents/archive.py) and scanned; its findings carry `ARCHIVE!/member/path` as their path.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

SUPPORTED_SUFFIXES = {".docx", ".pdf", ".txt", ".ofd", ".doc", ".wps", ".rtf", ".odt", ".html", ".htm", ".mht",
                      ".mhtml", ".png", ".jpg", ".jpeg", ".tif", ".tiff",  # pictures: by OCR
                      ".xlsx", ".xlsm", ".xltx", ".xls", ".et", ".ett"}
ARCHIVE_SUFFIXES = {".zip", ".7z"}
# Office files found in a folder that we cannot read are still inputs: each gets its "save as docx"
# line and exit 1, so an unreviewed file is never skipped silently.
# (.docm/.dotx load as docx, .csv as text, workbooks are read; .xlsb is refused with its own message.)
OFFICE_SUFFIXES = {".docm", ".dotx", ".dot", ".xlsb", ".ods", ".ppt", ".pptx", ".dps", ".csv"}
MAX_ARCHIVE_DEPTH = 3  # an archive inside an archive inside an archive


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (recursive)")
    parser.add_argument("--format", choices=["jsonl", "json", "text"], default="jsonl")
    parser.add_argument("--threshold", type=float, default=None, help="minimum score (default from config)")
    parser.add_argument("--terms", metavar="FILE", default=None,
                        help="单位敏感词库文件（txt/xlsx）/ apply an office term list file (txt/xlsx)")
    parser.add_argument("--workspace", metavar="DIR|URL", default=None,
                        help="应用该工作区的单位敏感词库 / apply this workspace's term lists")
    parser.add_argument("--release-date", metavar="YYYY-MM-DD", default=None,
                        help="计划发布日期（时机检查，默认今天）/ planned release date for the timing checks "
                             "(default: today)")


def iter_inputs(paths: list[str]) -> Iterator[Path]:
    """Files as given; folders walked recursively for document suffixes, in a stable order.

    The suffix only chooses which files of a folder are inputs; the format comes from the content.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in
                              SUPPORTED_SUFFIXES | OFFICE_SUFFIXES | ARCHIVE_SUFFIXES)
        else:
            yield p


def run(args: argparse.Namespace) -> int:
    from reviewer.core.documents import load_document
    from reviewer.core.documents.archive import archive_kind, extracted
    from reviewer.core.errors import ReviewerError

    analyze = None  # imported on the first readable document: a run over unreadable files stays fast
    failed = 0
    try:
        options = _options(args)  # issue 33: term lists and the planned release date
    except ReviewerError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    collected: list[dict] = []
    out = sys.stdout

    def scan_file(path: Path, shown: str, depth: int = 0) -> None:
        nonlocal analyze, failed
        if depth < MAX_ARCHIVE_DEPTH and archive_kind(path) is not None:
            try:
                with extracted(path) as members:
                    for member in members:
                        where = f"{shown}!/{member.name}"
                        if member.path is None:
                            print(f"{where}: {member.refused}", file=sys.stderr, flush=True)
                            failed += 1
                        elif member.path.suffix.lower() in SUPPORTED_SUFFIXES | OFFICE_SUFFIXES | ARCHIVE_SUFFIXES:
                            scan_file(member.path, where, depth + 1)
            except ReviewerError as exc:
                print(f"{shown}: {exc}", file=sys.stderr, flush=True)
                failed += 1
            return
        try:
            document = load_document(path)
        except ReviewerError as exc:
            print(f"{shown}: {exc}", file=sys.stderr, flush=True)
            failed += 1
            return
        if analyze is None:
            from reviewer.core.detection import analyze
        kwargs = ({} if args.threshold is None else {"threshold": args.threshold}) | options
        if document.conversion is not None and document.conversion.output is None:
            print(f"{shown}: 仅提取了文字（{document.conversion.tool}） / text only ({document.conversion.tool})",
                  file=sys.stderr, flush=True)
        for finding in analyze(document, **kwargs):
            emit(finding.to_json(shown), shown)

    def emit(record: dict, shown: str) -> None:
        if args.format == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif args.format == "json":
            collected.append(record)
        else:
            out.write(_text_line(shown, record))

    for path in iter_inputs(args.paths):
        scan_file(path, str(path))
    if args.format == "json":
        json.dump(collected, out, ensure_ascii=False, indent=2)
        out.write("\n")
    out.flush()
    return 1 if failed else 0


def _options(args: argparse.Namespace) -> dict:
    """analyze() options from --terms, --workspace and --release-date."""
    import datetime

    from reviewer.core.detection.judgments import JudgmentContext
    from reviewer.core.detection.terms.model import TermSet, validate_entries
    from reviewer.core.errors import ConfigurationError

    options: dict = {}
    if args.release_date:
        try:
            release = datetime.date.fromisoformat(args.release_date)
        except ValueError:
            raise ConfigurationError(f"--release-date {args.release_date} 不是日期，请写成 YYYY-MM-DD。",
                                     f"--release-date {args.release_date} is not a date; write YYYY-MM-DD.") from None
        options["judgments"] = JudgmentContext(release=release)
    if args.workspace:
        from reviewer.commands.workspace import open_from_args
        from reviewer.core.service.terms import term_set

        workspace = open_from_args(args, must_exist=True)
        try:
            options["terms"] = term_set(workspace)
        finally:
            workspace.close()
    if args.terms:
        from reviewer.core.detection.terms.files import read_terms

        kept = options["terms"].entries if "terms" in options else ()
        listed = validate_entries([*kept, *read_terms(args.terms)])
        options["terms"] = TermSet(listed, version=options["terms"].version if "terms" in options else 0)
    return options


def _text_line(path: Path | str, record: dict) -> str:
    """`path  part path [p.N|L.N]  TYPE  text  score`: tab-separated, one finding per line."""
    loc = record["locator"]
    where = " ".join(str(loc[k]) for k in ("part", "path") if loc.get(k))
    if "page" in loc:
        where += f" p.{loc['page']}"
    if "line" in loc:
        where += f" L{loc['line']}:{loc.get('column', 1)}"
    text = record["text"].replace("\t", " ").replace("\n", " ")
    return f"{path}\t{where}\t{record['entity_type']}\t{text}\t{record['score']:.2f}\n"

"""`reviewer redact INPUT -o OUTPUT [--profile NAME] [--workspace DIR]`: detect, de-identify, write, verify.

A thin adapter over the core service (`reviewer.core.service.exporting.export_copy`, or a workspace's
`DocumentReview.export_copy` with `--workspace`): the same gate, plan, writer and verification as the GUI.
Exit codes: 0 written and verified clean; 1 input unreadable (or the export refused, e.g. output would
overwrite the input); 2 usage error (incl. an unknown or invalid profile); 3 verification failed — nothing
was written, stderr lists what survived and where; 5 the document carries an unresolved classification
marking or other blocking finding — nothing was written (`--allow-restricted --reason TEXT` overrides,
recorded in the workspace's audit log).
`--person NAME` / `--manual TEXT` add findings at every occurrence of a text, as a reviewer adds
findings by hand (names the NER model missed, anything else to remove). Findings nobody decided follow
the profile, and the summary says how many there were.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from collections.abc import Iterator

from reviewer.core.types import Category, EntityType, Finding

EXIT_BLOCKED = 5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="INPUT",
                        help="docx, pdf, txt, xlsx/xls, ofd, html/mht, doc/wps/rtf/odt, or a picture (png/jpg/tif)")
    parser.add_argument("-o", "--output", required=True, metavar="OUTPUT",
                        help="the de-identified copy: the same format, except doc/wps/rtf/odt (written as docx) and "
                             "xls (written as xlsx); the original is never changed")
    parser.add_argument("--profile", default="general",
                        help="general | punitive-notice | mandatory-disclosure | assistance-notice | path to a custom "
                             "YAML profile")
    parser.add_argument("--workspace", metavar="DIR|URL", default=None,
                        help="record the import and the verified export in this workspace, apply its review "
                             "decisions, and use its key for the keyed-hash operator")
    parser.add_argument("--person", action="append", default=[], metavar="NAME",
                        help="treat every occurrence of NAME as a person's name (repeatable)")
    parser.add_argument("--manual", action="append", default=[], metavar="TEXT",
                        help="remove every occurrence of TEXT (repeatable)")
    parser.add_argument("--threshold", type=float, default=None, help="minimum detection score")
    parser.add_argument("--pdf-rasterize", action="store_true",
                        help="PDF: re-render every page with a redaction as an image (no text layer on those "
                             "pages) instead of removing characters from its content stream")
    parser.add_argument("--allow-restricted", action="store_true",
                        help="export although the document carries classification markings (needs --reason and "
                             "--workspace: the override is recorded in the audit log)")
    parser.add_argument("--reason", default=None, metavar="TEXT", help="why the override is needed")
    parser.add_argument("--json", action="store_true", help="print a JSON summary on stdout")


def manual_findings(document, texts: list[str], entity_type: str) -> list[Finding]:  # noqa: ANN001
    """One finding per occurrence of each text in the detection text (as if selected by the reviewer)."""
    found: list[Finding] = []
    for text in texts:
        if not text.strip():
            continue
        for m in re.finditer(re.escape(text), document.text):
            found.append(Finding(entity_type=entity_type, start=m.start(), end=m.end(), text=text, score=1.0,
                                 recognizer="reviewer", explanation="added by the reviewer",
                                 category=Category.PERSONAL, locator=document.locate(m.start(), m.end())))
    return found


def _usage(message_zh: str, message_en: str) -> int:
    print(f"{message_zh} / {message_en}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from reviewer.core.deidentify.errors import VerificationFailed
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.detection import analyze
    from reviewer.core.documents import load_document
    from reviewer.core.errors import ReviewerError
    from reviewer.core.service.exporting import ExportBlocked, export_copy

    override = None
    if args.allow_restricted:
        if not (args.reason or "").strip():
            return _usage("--allow-restricted 需要用 --reason 写明理由。", "--allow-restricted needs --reason TEXT.")
        if not args.workspace:
            return _usage("--allow-restricted 需要 --workspace：强制导出必须记入审计日志。",
                          "--allow-restricted needs --workspace: the override must be recorded in the audit log.")
        override = args.reason.strip()
    elif args.reason:
        return _usage("--reason 只与 --allow-restricted 一起使用。", "--reason goes with --allow-restricted.")
    try:
        profile = load_profile(args.profile)
    except ReviewerError as exc:  # a wrong profile name or a broken custom profile is a usage error
        print(f"--profile {args.profile}: {exc}", file=sys.stderr)
        return 2
    workspace = review = None
    try:
        with _ocr_cache_in_workspace(args.workspace):
            document = load_document(args.input)
        kwargs = {} if args.threshold is None else {"threshold": args.threshold}
        if args.workspace:  # its term lists apply (a deny-listed name is removed whatever the profile)
            from reviewer.commands.workspace import open_from_args
            from reviewer.core.service.terms import detection_options

            workspace = open_from_args(args)
            known = workspace.find_document(document.sha256)
            kwargs |= detection_options(workspace, known.id if known else None)
        findings = list(analyze(document, **kwargs))
        extra = manual_findings(document, args.person, EntityType.PERSON) + manual_findings(
            document, args.manual, EntityType.MANUAL)
        if args.workspace:
            review = workspace.review(document, workspace.cli_actor(), profile=profile)
            review.import_findings(findings, terms=kwargs.get("terms"), judgments=kwargs.get("judgments"))
            outcome = review.export_copy(args.output, override_reason=override, pdf_rasterize=args.pdf_rasterize,
                                         extra=extra, rename=False)
        else:
            outcome = export_copy(document, [(f, None) for f in findings + extra], profile, args.output,
                                  pdf_rasterize=args.pdf_rasterize, rename=False)
    except ExportBlocked as exc:
        print(f"{args.input}: {exc}", file=sys.stderr)
        for marking in exc.markings:
            print(f"  blocking: {marking}", file=sys.stderr)
        _close(workspace, quiet=True)
        return EXIT_BLOCKED
    except VerificationFailed as exc:
        print(f"{args.input}: {exc}", file=sys.stderr)
        for s in exc.report.survivors:
            print(f"  survivor: {s.value!r} @ {s.where}", file=sys.stderr)
        for r in exc.report.residues:
            print(f"  residue: {r}", file=sys.stderr)
        if review is not None and review.document_id is not None:
            workspace.record_export(review.document_id, "", False, actor=workspace.cli_actor(),
                                    output_path=args.output,
                                    details={"profile": profile.name, "survivors": len(exc.report.survivors),
                                             "residues": len(exc.report.residues)})
        _close(workspace, quiet=True)
        return 3
    except ReviewerError as exc:
        print(f"{args.input}: {exc}", file=sys.stderr)
        _close(workspace, quiet=True)
        return 1
    _close(workspace)
    details = outcome.details()
    summary = {"input": args.input, "output": outcome.output, "sha256": outcome.result.sha256, **details,
               "values": details["checked_values"], "kept": details["kept_by_profile"],
               "checked": outcome.checked_en(), "residual": outcome.residual_en()}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        result = outcome.result
        converted = f"（{document.format} 已导出为 {result.format} / {document.format} exported as {result.format}）" \
            if result.format != str(document.format) else ""
        print(f"{outcome.output}{converted}: {outcome.checked_zh()} / {outcome.checked_en()}")
        for zh, en in zip(outcome.residual_zh(), outcome.residual_en(), strict=True):
            print(f"  {zh} / {en}")
        print("  " + "; ".join(result.notes))
    return 0


def _close(workspace, *, quiet: bool = False) -> None:  # noqa: ANN001
    """Close the workspace; after a failure already reported (a full disk), a second error about the
    head witness would only repeat it."""
    if workspace is None:
        return
    from reviewer.core.errors import ReviewerError

    try:
        workspace.close()
    except ReviewerError:
        if not quiet:
            raise


@contextlib.contextmanager
def _ocr_cache_in_workspace(workspace: str | None) -> Iterator[None]:
    """While the document is read, a workspace folder keeps its OCR results (issue 27)."""
    from reviewer.core.documents.ocr import cache
    from reviewer.core.store import location

    folder = location.resolve(workspace).folder if workspace else None
    if folder is None:
        yield
        return
    cache.use_folder(folder / "ocr-cache")
    try:
        yield
    finally:
        cache.use_folder(None)

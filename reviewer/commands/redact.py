"""`reviewer redact INPUT -o OUTPUT [--profile NAME] [--workspace DIR]`: detect, de-identify, write, verify.

Exit codes: 0 written and verified clean; 1 input unreadable (or the export refused, e.g. output
would overwrite the input); 2 usage error (incl. an unknown or invalid profile); 3 verification failed — nothing was written, stderr lists what survived and where.
`--person NAME` / `--manual TEXT` add findings at every occurrence of a text, as a reviewer adds
findings by hand (names the NER model missed, anything else to remove).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from reviewer.core.types import Category, EntityType, Finding


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="INPUT", help="docx, pdf, txt, xlsx or xls")
    parser.add_argument("-o", "--output", required=True, metavar="OUTPUT",
                        help="the de-identified copy (same format; an .xls is written as .xlsx)")
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


def run(args: argparse.Namespace) -> int:
    from reviewer.core.deidentify.errors import VerificationFailed
    from reviewer.core.deidentify.export import write_verified
    from reviewer.core.deidentify.plan import plan_from_decisions
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.detection import analyze
    from reviewer.core.documents import load_document
    from reviewer.core.errors import ReviewerError

    workspace = None
    try:
        profile = load_profile(args.profile)
    except ReviewerError as exc:  # a wrong profile name or a broken custom profile is a usage error
        print(f"--profile {args.profile}: {exc}", file=sys.stderr)
        return 2
    try:
        document = load_document(args.input)
        kwargs = {} if args.threshold is None else {"threshold": args.threshold}
        findings = list(analyze(document, **kwargs))
        extra = manual_findings(document, args.person, EntityType.PERSON) + manual_findings(
            document, args.manual, EntityType.MANUAL)
        key = None
        if args.workspace:
            workspace, document_id, pairs, key = _open_workspace(args, document, findings)
            pairs += [(f, None) for f in extra]
        else:
            pairs = [(f, None) for f in findings + extra]
        plan = plan_from_decisions(pairs, profile, key=key)
    except ReviewerError as exc:
        print(f"{args.input}: {exc}", file=sys.stderr)
        _close(workspace)
        return 1
    try:
        result = write_verified(document, plan, args.output, pdf_rasterize=args.pdf_rasterize)
    except VerificationFailed as exc:
        print(f"{args.input}: {exc}", file=sys.stderr)
        for s in exc.report.survivors:
            print(f"  survivor: {s.value!r} @ {s.where}", file=sys.stderr)
        for r in exc.report.residues:
            print(f"  residue: {r}", file=sys.stderr)
        if workspace is not None:
            workspace.record_export(document_id, "", False, actor=workspace.cli_actor(), output_path=args.output,
                                    details={"profile": profile.name, "survivors": len(exc.report.survivors),
                                             "residues": len(exc.report.residues)})
        _close(workspace)
        return 3
    except ReviewerError as exc:
        print(f"{args.input}: {exc}", file=sys.stderr)
        _close(workspace)
        return 1
    details = {"profile": profile.name, "values": len(plan.values), "kept": len(plan.kept),
               "verified_places": result.report.places, "notes": list(result.notes)}
    if workspace is not None:
        workspace.record_export(document_id, result.sha256, True, actor=workspace.cli_actor(),
                                output_path=str(Path(result.output).resolve()), details=details)
        _close(workspace)
    summary = {"input": args.input, "output": result.output, "sha256": result.sha256, **details}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(f"{result.output}: 已通过校验 / verified clean — {len(plan.values)} values de-identified "
              f"({profile.name}); " + "; ".join(result.notes))
    return 0


def _open_workspace(args: argparse.Namespace, document, findings):  # noqa: ANN001, ANN202
    """Import the document (once per sha256) and return its stored findings with their decisions."""
    from reviewer.commands.workspace import open_from_args
    from reviewer.core.deidentify.workspace_key import workspace_key

    workspace = open_from_args(args)
    info = workspace.import_document(document, findings, workspace.cli_actor())
    pairs = [(sf.finding, sf.decision) for sf in workspace.findings(info.id)]
    folder = workspace.location.folder
    key = workspace_key(folder) if folder is not None else None
    return workspace, info.id, pairs, key


def _close(workspace) -> None:  # noqa: ANN001
    if workspace is not None:
        workspace.close()

"""`reviewer redact INPUT -o OUTPUT [--profile NAME] [--workspace DIR]`: detect, de-identify, write, verify.

Exit codes: 0 written and verified clean; 1 input unreadable (or profile/configuration error);
2 usage error; 3 verification failed — nothing was written, stderr lists what survived and where.
`--person NAME` / `--manual TEXT` add findings at every occurrence of a text, as a reviewer adds
findings by hand (names the NER model missed, anything else to remove).
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from reviewer.core.types import Category, EntityType, Finding


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="INPUT", help="docx, pdf or txt")
    parser.add_argument("-o", "--output", required=True, metavar="OUTPUT", help="the de-identified copy (same format)")
    parser.add_argument("--profile", default="general",
                        help="general | punitive-notice | mandatory-disclosure | path to a custom YAML profile")
    parser.add_argument("--workspace", metavar="DIR", default=None,
                        help="workspace folder: its key is used for the keyed-hash operator")
    parser.add_argument("--person", action="append", default=[], metavar="NAME",
                        help="treat every occurrence of NAME as a person's name (repeatable)")
    parser.add_argument("--manual", action="append", default=[], metavar="TEXT",
                        help="remove every occurrence of TEXT (repeatable)")
    parser.add_argument("--threshold", type=float, default=None, help="minimum detection score")
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
    from reviewer.core.deidentify.export import export_redacted
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.deidentify.workspace_key import workspace_key
    from reviewer.core.detection import analyze
    from reviewer.core.documents import load_document
    from reviewer.core.errors import ReviewerError

    try:
        profile = load_profile(args.profile)
        document = load_document(args.input)
        key = workspace_key(args.workspace) if args.workspace else None
        kwargs = {} if args.threshold is None else {"threshold": args.threshold}
        findings = list(analyze(document, **kwargs))
    except ReviewerError as exc:
        print(f"{args.input}: {exc}", file=sys.stderr)
        return 1
    findings += manual_findings(document, args.person, EntityType.PERSON)
    findings += manual_findings(document, args.manual, EntityType.MANUAL)
    try:
        result = export_redacted(document, findings, profile, args.output, key=key)
    except VerificationFailed as exc:
        print(f"{args.input}: {exc}", file=sys.stderr)
        for s in exc.report.survivors:
            print(f"  survivor: {s.value!r} @ {s.where}", file=sys.stderr)
        for r in exc.report.residues:
            print(f"  residue: {r}", file=sys.stderr)
        return 3
    except ReviewerError as exc:
        print(f"{args.input}: {exc}", file=sys.stderr)
        return 1
    summary = {"input": args.input, "output": result.output, "profile": profile.name, "sha256": result.sha256,
               "replaced_values": len(result.plan.values), "kept": len(result.plan.kept),
               "verified_places": result.report.places, "notes": list(result.notes)}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(f"{result.output}: 已通过校验 / verified clean — {len(result.plan.values)} values de-identified "
              f"({profile.name}); " + "; ".join(result.notes))
    return 0

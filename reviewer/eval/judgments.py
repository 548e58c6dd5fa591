"""`python -m reviewer.eval judgments`: precision and recall of the wording and timing checks (issue 33) on the
hand-written labelled set in `resources/eval/judgments/cases.yaml`.

Each case's lines are placed in a plain county notice (GB/T 9704 order), written as a docx (python-docx) and
as a PDF (reportlab, CID font STSong-Light, 28 characters a line, so phrases cross lines as on a printed
page), read back with `load_document` and checked with `judgments.check_document` on a fixed day
(2026-12-07). A finding counts as found when its type is expected and its text (line breaks removed) holds the
expected text or is held by it (where a phrase ends is not what a check is about); every other wording or
timing finding is a false alarm.
"""

from __future__ import annotations

import argparse
import datetime
import json
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from reviewer.core.detection.judgments import JudgmentContext, check_document
from reviewer.core.documents import load_document
from reviewer.core.errors import ConfigurationError
from reviewer.core.resources import resource
from reviewer.core.types import JUDGMENT_TYPES

CASES_PATH = resource("eval", "judgments", "cases.yaml")
HOLDOUT_PATH = resource("eval", "judgments", "holdout.yaml")  # never used to tune the rules
TODAY = datetime.date(2026, 12, 7)
FORMATS = ("docx", "pdf")
MIN_PRECISION = 0.95
MIN_RECALL = 0.9
_KEYS = {"id", "lines", "expect", "title", "number", "signed", "note", "release", "attribute"}


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    paragraphs: tuple[str, ...]
    expect: tuple[tuple[str, str], ...]
    release: datetime.date | None = None
    attribute: str | None = None


def _lines(value) -> list[str]:  # noqa: ANN001
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def load_cases(path: Path = CASES_PATH) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ConfigurationError(f"评测集 {path} 应为列表。", f"Evaluation set {path} must be a list.")
    cases, seen = [], set()
    for i, raw in enumerate(data):
        if not isinstance(raw, dict) or set(raw) - _KEYS or not {"id", "lines", "expect"} <= set(raw) \
                or raw["id"] in seen:
            raise ConfigurationError(f"评测集第 {i + 1} 项的键有误或编号重复：{raw!r}。",
                                     f"Evaluation case {i + 1} has wrong keys or a duplicate id: {raw!r}.")
        seen.add(raw["id"])
        expect = []
        for item in raw["expect"] or []:
            kind, _, text = str(item).partition("=")
            if kind not in JUDGMENT_TYPES or not text:
                raise ConfigurationError(f"评测集 {raw['id']} 的期望有误：{item}。",
                                         f"Evaluation case {raw['id']}: bad expectation {item}.")
            expect.append((kind, text))
        paragraphs = ["某县人民政府办公室", str(raw.get("number", "某府办发〔2026〕12号")),
                      *_lines(raw.get("title", "关于做好有关工作的通知")), "各乡镇人民政府，县政府各部门：",
                      *_lines(raw["lines"]), "某县人民政府办公室", str(raw.get("signed", "2026年11月20日"))]
        if raw.get("note"):
            paragraphs.append(str(raw["note"]))
        release = raw.get("release")
        cases.append(Case(str(raw["id"]), tuple(paragraphs), tuple(expect),
                          release if isinstance(release, datetime.date) or release is None
                          else datetime.date.fromisoformat(str(release)), raw.get("attribute")))
    return cases


@dataclass
class Counts:
    found: int = 0
    expected: int = 0
    reported: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.found / self.reported if self.reported else 1.0


@dataclass
class Report:
    cases: int
    files: int
    total: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return self.total.precision >= MIN_PRECISION and self.total.recall >= MIN_RECALL


def _same(found: tuple[str, str], expected: tuple[str, str]) -> bool:
    """Same type, and one text holds the other: where a phrase ends (…前完成 or …前完成摸底登记) is not what the
    check is about; its date and what it governs are."""
    return found[0] == expected[0] and (expected[1] in found[1] or found[1] in expected[1])


def evaluate(cases: Sequence[Case], formats: Sequence[str] = FORMATS) -> Report:
    started = time.perf_counter()
    report = Report(len(cases), len(cases) * len(formats))
    per_type: dict[str, Counts] = {}
    with tempfile.TemporaryDirectory(prefix="judgments-eval-") as tmp:
        for case in cases:
            for fmt in formats:
                document = load_document(_write(fmt, case.paragraphs, Path(tmp) / f"{case.id}.{fmt}"))
                context = JudgmentContext(today=TODAY, release=case.release, attribute=case.attribute)
                found = [(str(f.entity_type), f.text.replace("\n", "")) for f in check_document(document, context)]
                unmatched = list(found)
                for kind, text in case.expect:
                    counts = per_type.setdefault(kind, Counts())
                    counts.expected += 1
                    hit = next((g for g in unmatched if _same(g, (kind, text))), None)
                    if hit is None:
                        report.misses.append(f"{case.id} [{fmt}] {kind}“{text}”")
                    else:
                        unmatched.remove(hit)
                        counts.found += 1
                for kind, text in found:
                    per_type.setdefault(kind, Counts()).reported += 1
                report.false_alarms += [f"{case.id} [{fmt}] {kind}“{text}”" for kind, text in unmatched]
    report.per_type = dict(sorted(per_type.items()))
    for c in per_type.values():
        report.total.found += c.found
        report.total.expected += c.expected
        report.total.reported += c.reported
    report.seconds = time.perf_counter() - started
    return report


def format_report(report: Report) -> str:
    t = report.total
    lines = [f"wording and timing checks: {report.cases} labelled cases, {report.files} files (docx and PDF) on "
             f"{TODAY.isoformat()}",
             f"precision  {t.precision:7.2%}  ({t.found}/{t.reported}; target >= {MIN_PRECISION:.0%})",
             f"recall     {t.recall:7.2%}  ({t.found}/{t.expected}; target >= {MIN_RECALL:.0%})"]
    lines += [f"  {kind:24} precision {c.precision:7.2%}  recall {c.recall:7.2%}  ({c.found} found, {c.expected} "
              f"expected, {c.reported} reported)" for kind, c in report.per_type.items()]
    lines += [f"MISS  {m}" for m in report.misses] + [f"FALSE {a}" for a in report.false_alarms]
    lines.append(f"{'PASS' if report.passed else 'FAIL'}  ({report.seconds:.1f} s)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reviewer.eval judgments", description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES_PATH)
    parser.add_argument("--holdout", type=Path, default=HOLDOUT_PATH,
                        help="held-out cases, reported apart (never used to tune the rules)")
    parser.add_argument("--format", choices=FORMATS, action="append", help="only this file format (repeatable)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(list(argv) if argv is not None else None)
    formats = tuple(args.format or FORMATS)
    report = evaluate(load_cases(args.cases), formats)
    holdout = evaluate(load_cases(args.holdout), formats)
    if args.json:
        def numbers(r: Report) -> dict:
            return {"precision": r.total.precision, "recall": r.total.recall,
                    "per_type": {k: {"precision": c.precision, "recall": c.recall, "found": c.found,
                                     "expected": c.expected, "reported": c.reported} for k, c in r.per_type.items()},
                    "misses": r.misses, "false_alarms": r.false_alarms}

        print(json.dumps({"labelled": numbers(report), "holdout": numbers(holdout)}, ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
        print("\nheld out (written after the rules, not used to tune them):")
        print(format_report(holdout).rsplit("\n", 1)[0])
    return 0 if report.passed else 1


def _write(fmt: str, paragraphs: Sequence[str], path: Path) -> Path:
    if fmt == "docx":
        import docx

        document = docx.Document()
        for text in paragraphs:
            document.add_paragraph(text)
        document.save(str(path))
        return path
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    y = height - 72.0
    for text in paragraphs:
        pdf.setFont("STSong-Light", 15)
        for chunk in [text[i:i + 28] for i in range(0, len(text), 28)]:
            pdf.drawString(79.0, y, chunk)
            y -= 26
    pdf.save()
    return path


if __name__ == "__main__":
    raise SystemExit(main())

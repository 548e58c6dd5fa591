"""`python -m reviewer.eval restricted`: recall and false alarms of the restricted-content detector on the
labelled set in `resources/eval/restricted/cases.yaml`.

Every labelled line is placed where it would sit in a real document (a docx header or footer, the 版头
of a docx, txt or PDF first page — 2012 top-left or 1999 top-right —, a body paragraph, a table cell,
the 附注 after the date), written as a real file with python-docx / reportlab (CID font STSong-Light),
read back with `load_document` and run through `detect` at the default threshold. The surrounding
template text is plain official prose and must itself give no finding.

Recall = expected findings found / expected findings. False alarms = lines that must not fire but did,
over those lines (and, separately, lines with any unexpected finding over all lines).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from reviewer.core.detection.classified import detect, load_rules
from reviewer.core.documents import load_document
from reviewer.core.errors import ConfigurationError
from reviewer.core.resources import resource
from reviewer.core.types import RESTRICTED_TYPES, Finding

CASES_PATH = resource("eval", "restricted", "cases.yaml")
PLACES = ("docx-header", "docx-footer", "docx-head", "docx-title", "docx-body", "docx-cell", "docx-end",
          "txt-head", "txt-title", "txt-body", "txt-end", "pdf-2012", "pdf-1999", "pdf-body", "pdf-end",
          "pdf-page2")
RECALL_TARGET = 0.98
FALSE_ALARM_LIMIT = 0.01

# a plain official document (GB/T 9704 order) around the labelled line; it must give no finding
AUTHORITY = "重庆市某某区人民政府办公室"
NUMBER = "某府办发〔2024〕12号"
TITLE = "关于做好2024年政务公开重点工作的通知"
ADDRESSEE = "各街道办事处、镇人民政府，区政府各部门，有关单位："
BODY = ("为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步提升政务公开质量，现将有关事项通知如下。",
        "一、各单位要坚持以公开为常态、不公开为例外，及时准确发布政府信息，回应社会关切。",
        "二、各单位要建立健全工作机制，明确责任分工，确保各项任务按时完成。")
SIGNATURE = "重庆市某某区人民政府办公室"
DATE = "2024年3月1日"


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    place: str
    lines: tuple[str, ...]  # one labelled line, or several (a whole 版头: 份号 / 密级 / 紧急程度)
    expect: tuple[tuple[str, str | None], ...]  # (entity type, exact text or None)
    copy: str | None = None  # pdf-1999: a 份号 printed top-left on the same baseline


def load_cases(path: Path = CASES_PATH) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ConfigurationError(f"评测集 {path} 应为列表。", f"Evaluation set {path} must be a list.")
    cases, seen = [], set()
    for i, raw in enumerate(data):
        if not isinstance(raw, dict) or set(raw) - {"id", "where", "line", "expect", "copy"} or \
                not {"id", "where", "line", "expect"} <= set(raw):
            raise ConfigurationError(f"评测集第 {i + 1} 项的键有误：{raw!r}。",
                                     f"Evaluation case {i + 1} has wrong keys: {raw!r}.")
        if raw["where"] not in PLACES or raw["id"] in seen:
            raise ConfigurationError(f"评测集第 {i + 1} 项位置未知或编号重复：{raw['id']}。",
                                     f"Evaluation case {i + 1}: unknown place or duplicate id {raw['id']}.")
        seen.add(raw["id"])
        expect = []
        for item in raw["expect"] or []:
            kind, _, text = str(item).partition("=")
            if kind not in RESTRICTED_TYPES:
                raise ConfigurationError(f"评测集 {raw['id']} 的类型未知：{kind}。",
                                         f"Evaluation case {raw['id']}: unknown type {kind}.")
            expect.append((kind, text or None))
        cases.append(Case(str(raw["id"]), raw["where"], tuple(str(raw["line"]).split("\n")), tuple(expect),
                          raw.get("copy")))
    return cases


def _paragraphs(case: Case) -> tuple[list[str], str | None, str | None]:
    """Body paragraphs of the template with the case's lines placed, and header/footer text."""
    kind = case.place.split("-", 1)[1]
    head = list(case.lines) if kind == "head" else []
    title = " ".join(case.lines) if kind == "title" else TITLE
    body = list(BODY)
    if kind == "body":
        body[1:1] = case.lines
    end = list(case.lines) if kind == "end" else []
    paragraphs = [*head, AUTHORITY, NUMBER, title, ADDRESSEE, *body, SIGNATURE, DATE, *end]
    header = "\n".join(case.lines) if kind == "header" else None
    footer = "\n".join(case.lines) if kind == "footer" else None
    return paragraphs, header, footer


def write_docx(case: Case, path: Path) -> None:
    import docx

    document = docx.Document()
    paragraphs, header, footer = _paragraphs(case)
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    for text in paragraphs:
        document.add_paragraph(text)
        if case.place == "docx-cell" and text == BODY[0]:
            cells = [c.strip() for c in case.lines[0].split("|")]
            table = document.add_table(rows=1, cols=len(cells))
            for cell, value in zip(table.rows[0].cells, cells, strict=True):
                cell.text = value
    document.save(str(path))


def write_txt(case: Case, path: Path) -> None:
    paragraphs, _, _ = _paragraphs(case)
    path.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")


def write_pdf(case: Case, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    left, right = 79.0, width - 74.0  # GB/T 9704 margins: 28 mm left, 26 mm right
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=True)  # reproducible bytes
    y = height - 72.0
    kind = case.place.split("-", 1)[1]
    if kind in ("2012", "1999"):
        for k, text in enumerate(case.lines):
            pdf.setFont("STSong-Light", 16)
            if kind == "2012":
                pdf.drawString(left, y, text)
            else:
                pdf.drawRightString(right, y, text)
                if k == 0 and case.copy:
                    pdf.drawString(left, y, case.copy)
            y -= 28
        y -= 20
    body_case = Case(case.id, "pdf-body" if kind == "body" else "pdf-end" if kind == "end" else "pdf-x",
                     case.lines, case.expect)
    paragraphs, _, _ = _paragraphs(body_case)
    for text in paragraphs:
        centred = text in (AUTHORITY, NUMBER, TITLE)
        pdf.setFont("STSong-Light", 22 if text == AUTHORITY else 16)
        for chunk in [text[i:i + 28] for i in range(0, len(text), 28)]:
            (pdf.drawCentredString(width / 2, y, chunk) if centred else pdf.drawString(left + 32, y, chunk))
            y -= 28
    if kind == "page2":
        pdf.showPage()
        pdf.setFont("STSong-Light", 12)
        pdf.drawRightString(right, height - 50, case.lines[0])
        pdf.setFont("STSong-Light", 16)
        pdf.drawString(left + 32, height - 100, BODY[2])
    pdf.save()


def write_case(case: Case, folder: Path) -> Path:
    fmt = case.place.split("-", 1)[0]
    path = folder / f"{case.id}.{fmt}"
    {"docx": write_docx, "txt": write_txt, "pdf": write_pdf}[fmt](case, path)
    return path


@dataclass(frozen=True, slots=True)
class Report:
    cases: int
    must_not_fire: int
    expected: int
    found: int
    false_alarm_lines: int  # must-not-fire lines that fired
    unexpected_lines: int  # lines of any kind with a finding nobody expected
    misses: tuple[str, ...]
    false_alarms: tuple[str, ...]
    per_type: dict[str, tuple[int, int]]  # type -> (found, expected)
    seconds: float

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarm_lines / self.must_not_fire if self.must_not_fire else 0.0

    @property
    def unexpected_rate(self) -> float:
        return self.unexpected_lines / self.cases if self.cases else 0.0

    @property
    def passed(self) -> bool:
        return (self.recall >= RECALL_TARGET and self.false_alarm_rate <= FALSE_ALARM_LIMIT
                and self.unexpected_rate <= FALSE_ALARM_LIMIT)


def _matches(finding: Finding, kind: str, text: str | None) -> bool:
    return str(finding.entity_type) == kind and (text is None or finding.text == text)


def evaluate(cases: Sequence[Case], *, threshold: float | None = None) -> Report:
    """`threshold` None: the rules file's default_threshold, as the application uses it."""
    started = time.perf_counter()
    expected = found = false_alarm_lines = unexpected_lines = must_not_fire = 0
    misses, alarms = [], []
    per_type: Counter[str] = Counter()
    per_type_found: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="restricted-eval-") as tmp:
        for case in cases:
            findings = detect(load_document(write_case(case, Path(tmp))), threshold=threshold)
            used: set[int] = set()
            for kind, text in case.expect:
                expected += 1
                per_type[kind] += 1
                hit = next((i for i, f in enumerate(findings) if i not in used and _matches(f, kind, text)), None)
                if hit is None:
                    misses.append(f"{case.id} [{case.place}] {' / '.join(case.lines)}: {kind}")
                else:
                    used.add(hit)
                    found += 1
                    per_type_found[kind] += 1
            extra = [f for i, f in enumerate(findings) if i not in used]
            if not case.expect:
                must_not_fire += 1
                false_alarm_lines += bool(extra)
            if extra:
                unexpected_lines += 1
                alarms.append(f"{case.id} [{case.place}] {' / '.join(case.lines)}: "
                              + ", ".join(f"{f.entity_type}“{f.text}”" for f in extra))
    return Report(len(cases), must_not_fire, expected, found, false_alarm_lines, unexpected_lines,
                  tuple(misses), tuple(alarms),
                  {k: (per_type_found[k], per_type[k]) for k in sorted(per_type)},
                  time.perf_counter() - started)


def format_report(report: Report, threshold: float) -> str:
    lines = [f"restricted-content evaluation at threshold {threshold}: {report.cases} labelled lines "
             f"({report.cases - report.must_not_fire} with marks, {report.must_not_fire} that must not fire)",
             f"recall            {report.recall:7.2%}  ({report.found}/{report.expected}; target >= {RECALL_TARGET:.0%})",
             f"false alarms      {report.false_alarm_rate:7.2%}  ({report.false_alarm_lines}/{report.must_not_fire} "
             f"must-not-fire lines fired; limit <= {FALSE_ALARM_LIMIT:.0%})",
             f"unexpected        {report.unexpected_rate:7.2%}  ({report.unexpected_lines}/{report.cases} lines "
             "with a finding nobody expected)"]
    lines += [f"  {kind:24} {f}/{e}" for kind, (f, e) in report.per_type.items()]
    lines += [f"MISS  {m}" for m in report.misses] + [f"FALSE {a}" for a in report.false_alarms]
    lines.append(f"{'PASS' if report.passed else 'FAIL'}  ({report.seconds:.1f} s, files written and read back)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reviewer.eval restricted", description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES_PATH)
    parser.add_argument("--threshold", type=float, default=None,
                        help="minimum score (default: default_threshold of resources/classified.yaml)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(list(argv) if argv is not None else None)
    threshold = load_rules().default_threshold if args.threshold is None else args.threshold
    report = evaluate(load_cases(args.cases), threshold=threshold)
    if args.json:
        print(json.dumps({"threshold": threshold, "recall": report.recall, "false_alarm_rate": report.false_alarm_rate,
                          "unexpected_rate": report.unexpected_rate, "cases": report.cases,
                          "must_not_fire": report.must_not_fire, "misses": report.misses,
                          "false_alarms": report.false_alarms}, ensure_ascii=False, indent=2))
    else:
        print(format_report(report, threshold))
    return 0 if report.passed else 1


if __name__ == "__main__":
    raise SystemExit(main())


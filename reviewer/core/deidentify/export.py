"""Clean export: plan → write to a temporary file → verify independently → rename into place.

`export_redacted` is the one entry point for the CLI and the UI. The input file is only ever read;
the output appears only when `verify_output` found no surviving value and no residue, otherwise
the temporary file is removed and `VerificationFailed` lists what survived and where.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.atomic import atomic_path
from reviewer.core.deidentify.errors import ExportCancelled, ExportRefused
from reviewer.core.deidentify.plan import RedactionPlan, plan_redactions
from reviewer.core.deidentify.profiles import Profile
from reviewer.core.deidentify.verify import VerificationReport, normalise, verify_output
from reviewer.core.deidentify.writers import output_format
from reviewer.core.documents.model import Document, DocumentFormat
from reviewer.core.errors import ReviewerError
from reviewer.core.types import Finding

# Output names a format accepts besides .<format> (a web page saved as .htm or as a web archive).
SUFFIXES = {DocumentFormat.HTML: (".html", ".htm", ".xhtml", ".mht", ".mhtml")}
_SUFFIXES = {"PNG": (".png",), "JPEG": (".jpg", ".jpeg"), "TIFF": (".tif", ".tiff")}  # a picture keeps its kind
PROGRESS_TOTAL = 1000  # write_verified's progress scale: writing 0-500, verifying 500-1000


@dataclass(frozen=True, slots=True)
class ExportResult:
    output: str
    format: str
    sha256: str  # of the verified output
    source_sha256: str
    plan: RedactionPlan
    report: VerificationReport
    notes: tuple[str, ...]  # what the writer changed besides values: comments removed, changes accepted …


def export_redacted(document: Document, findings: Iterable[Finding], profile: Profile, output: str | Path, *,
                    key: bytes | None = None, pdf_rasterize: bool = False) -> ExportResult:
    """De-identify `document` under `profile` into `output` (same format), verified before it appears."""
    plan = plan_redactions(findings, profile, key=key)
    return write_verified(document, plan, output, pdf_rasterize=pdf_rasterize)


def write_verified(document: Document, plan: RedactionPlan, output: str | Path, *,
                   pdf_rasterize: bool = False, progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Write `plan` applied to `document` into `output`; the file appears only once verified clean.

    `progress(done, PROGRESS_TOTAL)`: writing is the first half, verifying the second (each reports its
    steps as they go: no long silent stretch). `cancelled()` is polled by the writer and the verifier
    (between pages, parts and checks); when it returns True the export stops with ExportCancelled and
    nothing is left on disk."""
    half = PROGRESS_TOTAL // 2

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled()

    def phase(offset: int) -> Callable[[int, int], None] | None:
        if progress is None and cancelled is None:
            return None

        def report(done: int, total: int) -> None:
            check()
            if progress is not None:
                progress(offset + half * min(done, total) // max(total, 1), PROGRESS_TOTAL)
        return report
    source = Path(document.path)
    target = Path(output)
    _check_paths(document, source, target)
    _check_name(plan, target)
    fmt = DocumentFormat(document.format)
    out = output_format(fmt)  # a .doc/.wps/.rtf/.odt is exported as docx
    kind = str(document.properties.get("image.format", "")) if fmt is DocumentFormat.IMAGE else ""
    suffixes = _SUFFIXES.get(kind) or SUFFIXES.get(out, (f".{out}",))  # a picture keeps its kind
    if target.suffix.lower() not in suffixes:
        raise ExportRefused(f"输入文件实际是 {fmt} 格式，导出副本为 {suffixes[0][1:]} 格式，输出文件名必须以 {suffixes[0]} 结尾"
                            f"（现为 {target.name}）。请更改输出文件名。",
                            f"The input is really a {fmt} file and its copy is written as {suffixes[0][1:]}, so the "
                            f"output name must end in {suffixes[0]} (got {target.name}). Change the output name.",
                            path=str(target))
    check()
    with atomic_path(target, suffix=f"{target.suffix.lower()}.part") as tmp:
        try:
            notes = _write(fmt, document, plan, tmp, pdf_rasterize, phase(0), cancelled)
        except (ReviewerError, OSError):  # OSError: atomic_path turns disk full/permissions into WriteFailed
            raise
        except Exception as exc:  # a library failing on an odd file: a clear refusal, never a traceback
            raise ExportRefused(f"无法写出 {source.name} 的去标识化副本（{type(exc).__name__}: {exc}）。未生成任何文件；"
                                "请在原编辑软件中另存为后重试，或使用 --pdf-rasterize。",
                                f"Could not write a de-identified copy of {source.name} ({type(exc).__name__}: "
                                f"{exc}). Nothing was written; re-save the file in its editor and retry, or use "
                                "--pdf-rasterize.", path=str(target)) from exc
        check()
        if progress is not None:
            progress(half, PROGRESS_TOTAL)
        _check_cancelled(cancelled)
        report = verify_output(tmp, plan.values.keys(), format=str(out), kept=plan.verification_kept(),
                               progress=phase(half), cancelled=cancelled)
        report.raise_if_failed()  # inside the context: the temporary file is removed, nothing appears
        _check_cancelled(cancelled)  # a cancel pressed during the last check: still nothing appears
        digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
        if progress is not None:
            progress(PROGRESS_TOTAL, PROGRESS_TOTAL)
    report = VerificationReport(path=str(target), checked_values=report.checked_values, survivors=(),
                                residues=(), places=report.places, warnings=report.warnings, ocr=report.ocr)
    return ExportResult(output=str(target), format=str(out), sha256=digest, source_sha256=document.sha256,
                        plan=plan, report=report, notes=notes + report.ocr
                        + tuple(f"not checked: {w}" for w in report.warnings))


def _write(fmt: DocumentFormat, document: Document, plan: RedactionPlan, tmp: Path, pdf_rasterize: bool,
           progress: Callable[[int, int], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> tuple[str, ...]:
    from reviewer.core.deidentify.writers import WriteOptions, write_copy

    _check_cancelled(cancelled)
    options = WriteOptions(pdf_rasterize=pdf_rasterize, cancelled=cancelled)
    return write_copy(document, plan, tmp, options=options, progress=progress)


def _check_cancelled(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled()


def deidentified_name(plan: RedactionPlan, name: str) -> str:
    """A file name with the plan applied (王建国的申请.docx → 王某的申请.docx): the name travels with the
    published copy as surely as its text does."""
    stem, dot, suffix = name.rpartition(".")
    new = f"{plan.apply_text(stem)}.{suffix}" if dot else plan.apply_text(name)
    # masks (138****5678) and pseudonyms must still make a file name Windows accepts
    return new.translate(_NAME_UNSAFE)


_NAME_UNSAFE = str.maketrans({"*": "＊", "?": "？", ":": "：", "<": "＜", ">": "＞", "|": "｜", '"': "＂", "/": "_",
                              "\\": "_"})


def _check_name(plan: RedactionPlan, target: Path) -> None:
    name = normalise(target.name)
    left = sorted(v for v in plan.values if len(normalise(v)) >= 2 and normalise(v) in name)
    if left:
        suggestion = deidentified_name(plan, target.name)
        raise ExportRefused(
            f"输出文件名 {target.name} 含有已去除的内容（{'、'.join(left)}），文件名会随文件一起公开。请改用 {suggestion}。",
            f"The output name {target.name} contains removed values ({', '.join(left)}); a file name is "
            f"published with the file. Use {suggestion} instead.", path=str(target))


def _check_paths(document: Document, source: Path, target: Path) -> None:
    if target.exists() and target.resolve() == source.resolve():
        raise ExportRefused("输出文件不能覆盖原文件。请另选输出路径。",
                            "The output must not overwrite the input file. Choose another output path.",
                            path=str(target))
    try:
        current = hashlib.sha256(source.read_bytes()).hexdigest()
    except OSError as exc:
        raise ExportRefused(f"无法重新读取原文件 {source.name}：{exc.strerror}。", f"Cannot re-read {source.name}: "
                            f"{exc.strerror}.", path=str(source)) from exc
    if current != document.sha256:
        raise ExportRefused(f"原文件 {source.name} 在审查后已被修改，审查结果不再适用。请重新打开并审查。",
                            f"{source.name} changed after it was reviewed; the findings no longer apply. "
                            "Open and review it again.", path=str(source))

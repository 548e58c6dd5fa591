"""`export_copy`: the one way a de-identified copy is made — gate → plan → write → verify — and what it proves.

Used by the GUI and the CLI alike (with or without a workspace). The gate refuses a release copy of a
document that carries a live state-secret marking or other `block` finding nobody resolved: redaction
does not declassify (保密法; DOMAIN.md §2), so only an explicit, recorded override lets it through. The
result says exactly what was checked — the removed values, in every part of the file — and, apart from
that, what was not: findings nobody decided, candidates below the threshold, and what detection may miss.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.deidentify.export import ExportResult, deidentified_name, write_verified
from reviewer.core.deidentify.plan import RedactionPlan, plan_from_decisions
from reviewer.core.deidentify.profiles import Profile
from reviewer.core.documents.model import Document
from reviewer.core.errors import ReviewerError
from reviewer.core.types import Finding, Severity, is_possible

UNDECIDED_PROFILE = "profile"  # undecided findings get the profile's rule (the CLI default)
UNDECIDED_KEEP = "keep"  # undecided findings stay as they are (the reviewer chose "export as decided")


class ExportBlocked(ReviewerError):
    """A release copy of a document with an unresolved `block` finding (CLI exit 5)."""

    code = "export_blocked"

    def __init__(self, markings: list[str]) -> None:
        self.markings = markings
        shown = "、".join(f"“{m}”" for m in markings[:5]) + ("等" if len(markings) > 5 else "")
        shown_en = ", ".join(f"'{m}'" for m in markings[:5]) + (" …" if len(markings) > 5 else "")
        super().__init__(
            f"文档含未解决的密级标志或涉密内容（{shown}），去标识化不能解密，不能导出公开副本。"
            "如确属误报，请驳回该发现项并说明理由；如确需导出（例如报送保密行政管理部门），"
            "请使用“强制导出”并填写理由（命令行：--allow-restricted --reason 理由），理由将记入审计日志。",
            f"The document carries unresolved classification markings or secret content ({shown_en}); redaction "
            "does not declassify, so no release copy is made. If a finding is a false positive, reject it with "
            "a reason; if the copy is really needed (e.g. for the secrecy administration), override with a "
            "reason (CLI: --allow-restricted --reason TEXT); the reason is recorded in the audit log.")


class ConflictingDecisions(ReviewerError):
    """A rejected occurrence the copy cannot keep apart from occurrences of the same value that go."""

    code = "conflicting_decisions"

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        f = findings[0]
        super().__init__(
            f"有 {len(findings)} 处已驳回的内容（如“{f.text}”）与其他将被去除的相同内容无法区分（例如整个单元格只有该值），"
            "导出件会与决定不符。请将该值的各处作出相同决定，或修改范围后再导出。",
            f"{len(findings)} rejected occurrence(s) (e.g. '{f.text}') cannot be told apart from occurrences of "
            "the same value that go (e.g. a table cell holding only the value); the copy would contradict the "
            "decision. Decide every occurrence of the value alike, or edit the span, then export again.")


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    result: ExportResult
    plan: RedactionPlan
    undecided: int  # findings nobody decided
    undecided_mode: str
    below_threshold: int  # candidates the profile did not act on (score under its threshold)
    kept_by_profile: int  # findings the profile keeps (e.g. the punished party's name)
    kept_places: int  # occurrences of removed values a reviewer kept on purpose
    override_reason: str | None
    blocked_markings: tuple[str, ...]
    possible_names: int = 0  # possible names (tier-2 candidates) nobody decided: left as they are

    @property
    def other_below(self) -> int:
        """Findings below the profile's threshold other than the possible names (reported on their own)."""
        return sum(1 for f in self.plan.below_threshold if not is_possible(f))

    @property
    def possible_note(self) -> str | None:
        """The export note on undecided possible names (English, as the writers' notes are recorded; the review
        log shows it in Chinese, reports/labels.py)."""
        return f"{self.possible_names} possible names left undecided, unchanged" if self.possible_names else None

    @property
    def output(self) -> str:
        return self.result.output

    def checked_zh(self) -> str:
        kept = f"（另有 {self.kept_places} 处按审查决定保留）" if self.kept_places else ""
        return (f"已去除 {len(self.plan.values)} 个值，经独立复核，输出文件的任何部分均未再出现这些值{kept}。"
                if self.plan.values else "没有需要去除的值；已复核输出文件不含批注、修订作者等残留。")

    def checked_en(self) -> str:
        kept = f" ({self.kept_places} place(s) kept by decision)" if self.kept_places else ""
        return (f"{len(self.plan.values)} value(s) removed; an independent re-read finds none of them in any part "
                f"of the output{kept}." if self.plan.values else
                "No values to remove; the output was re-read for leftovers (comments, authors).")

    def residual_zh(self) -> list[str]:
        out = []
        if self.undecided:
            how = "已按策略处理" if self.undecided_mode == UNDECIDED_PROFILE else "保留原样未处理"
            out.append(f"{self.undecided} 个发现项未经审查决定（{how}）。")
        if self.possible_names:
            out.append(f"{self.possible_names} 个可能的姓名（低分候选）未经审查决定，导出件未作处理，请核对。")
        if self.other_below:
            out.append(f"{self.other_below} 个低分候选未处理（低于策略阈值）。")
        if self.override_reason:
            out.append(f"含密级标志仍强制导出，理由：{self.override_reason}。")
        out.append("“已校验”只针对上述被去除的值；检测未识别的内容不在校验范围内，请人工通读。")
        return out

    def residual_en(self) -> list[str]:
        out = []
        if self.undecided:
            how = "the profile was applied" if self.undecided_mode == UNDECIDED_PROFILE else "left as they are"
            out.append(f"{self.undecided} finding(s) were not decided by a reviewer ({how}).")
        if self.possible_names:
            out.append(f"{self.possible_names} possible name(s) (low-score candidates) were not decided by a reviewer "
                       "and were left unchanged: check them.")
        if self.other_below:
            out.append(f"{self.other_below} low-score candidate(s) were not acted on (below the threshold).")
        if self.override_reason:
            out.append(f"Exported despite classification markings; reason: {self.override_reason}.")
        out.append("'Verified' covers the removed values only; what detection missed is not covered: read it.")
        return out

    def details(self) -> dict[str, Any]:
        """What the audit event records about the export."""
        out: dict[str, Any] = {
            "profile": self.plan.profile, "checked_values": len(self.plan.values), "kept_places": self.kept_places,
            "undecided": self.undecided, "undecided_mode": self.undecided_mode,
            "below_threshold": self.below_threshold, "kept_by_profile": self.kept_by_profile,
            "notes": list(self.result.notes) + ([self.possible_note] if self.possible_note else []),
            "verified_places": self.result.report.places, "possible_names_undecided": self.possible_names,
        }
        if self.override_reason is not None:
            out["override"] = {"reason": self.override_reason, "markings": list(self.blocked_markings)}
        return out


def blocking_findings(pairs: Iterable[tuple[Finding, Any]]) -> list[Finding]:
    """`block` findings not resolved as false positives (a rejection with a reason)."""
    return [f for f, d in pairs if f.severity == Severity.BLOCK and str(getattr(d, "kind", "")) != "reject"]


def export_copy(document: Document, pairs: list[tuple[Finding, Any]], profile: Profile, output: str | Path, *,
                key: bytes | None = None, undecided: str = UNDECIDED_PROFILE, override_reason: str | None = None,
                rename: bool = True, pdf_rasterize: bool = False,
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> ExportOutcome:
    """Gate, plan, write, verify. Nothing is written unless every check passes.

    `pairs` are (finding, decision or None). `rename`: the output name gets the plan applied too
    (王建国的申请.docx → 王某的申请.docx; a file name is published with the file)."""
    blocking = blocking_findings(pairs)
    reason = (override_reason or "").strip() or None
    if blocking and reason is None:
        raise ExportBlocked([f.text for f in blocking])
    plan = plan_from_decisions(pairs, profile, key=key, undecided=undecided, text=document.text)
    if plan.conflicts:
        raise ConflictingDecisions(list(plan.conflicts))
    target = Path(output)
    if rename:
        target = target.with_name(deidentified_name(plan, target.name))
    result = write_verified(document, plan, target, pdf_rasterize=pdf_rasterize, progress=progress,
                            cancelled=cancelled)
    kept_places = _kept_places(document.text, plan)
    # possible names nobody decided: below the threshold under the profile, or kept as they are ("keep")
    possible = sum(1 for f in plan.undecided if is_possible(f))
    return ExportOutcome(result, plan, len(plan.undecided), undecided, len(plan.below_threshold), len(plan.kept),
                         kept_places, reason if blocking else None, tuple(f.text for f in blocking), possible)


def _kept_places(text: str, plan: RedactionPlan) -> int:
    matcher = plan.flexible_pattern()
    if matcher is None or not plan.kept_contexts:
        return 0
    from reviewer.core.deidentify.flexible import match_key

    keys = {match_key(c) for c in plan.kept_contexts}
    return sum(1 for m in matcher.finditer(text) if match_key(m.group()) in keys)

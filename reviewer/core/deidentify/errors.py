"""Errors of the clean export: verification failures list what survived and where."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.core.errors import ReviewerError

if TYPE_CHECKING:
    from reviewer.core.deidentify.verify import VerificationReport


class VerificationFailed(ReviewerError):
    """The written file still contains a de-identified value (or a comment, author, XMP …): no output."""

    code = "verification_failed"

    def __init__(self, report: VerificationReport) -> None:
        self.report = report
        items = [f"“{s.value}” @ {s.where}" for s in report.survivors] + list(report.residues)
        shown = "; ".join(items[:20]) + (f"; … (+{len(items) - 20})" if len(items) > 20 else "")
        super().__init__(
            f"导出校验未通过，未生成输出文件。仍残留 {len(items)} 处：{shown}。请检查这些位置后重新导出，或改为人工处理。",
            f"Export verification failed; no output was written. {len(items)} item(s) survived: {shown}. "
            "Check these places and export again, or handle the document by hand.",
            path=report.path,
        )


class ExportRefused(ReviewerError):
    """The export cannot be made safely (e.g. output would overwrite the input)."""

    code = "export_refused"


class ExportCancelled(ReviewerError):
    """The user cancelled the export: the temporary file is removed, nothing appears at the output path."""

    code = "cancelled"

    def __init__(self) -> None:
        super().__init__("已取消导出，未生成任何文件。", "The export was cancelled; nothing was written.")

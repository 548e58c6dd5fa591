"""ReviewSession implementations over the core.

`DetectionOnlySession` is used when no workspace is open: findings are shown, but decisions need the
workspace (the core records them), so every decision is refused with a clear message.
"""

from __future__ import annotations

from reviewer.core.documents.model import Document
from reviewer.core.errors import ReviewerError
from reviewer.core.types import Finding
from reviewer.ui.findings_table_model import FindingRow
from reviewer.ui.session import Changes


class WorkspaceUnavailable(ReviewerError):
    code = "workspace_unavailable"


def _unavailable() -> WorkspaceUnavailable:
    return WorkspaceUnavailable("没有打开审查工作区，无法记录审查决定。请先登录工作区。",
                                "No review workspace is open, so decisions cannot be recorded. Log in first.")


class DetectionOnlySession:
    def __init__(self, document: Document) -> None:
        self.document = document
        self._rows: list[FindingRow] = []

    def rows(self) -> list[FindingRow]:
        return list(self._rows)

    def record_findings(self, findings: list[Finding]) -> Changes:
        self._rows = [FindingRow(f) for f in findings]
        return Changes(reset=True)

    def accept(self, row_id: str, operator: str | None = None) -> Changes:
        raise _unavailable()

    def reject(self, row_id: str, reason: str) -> Changes:
        raise _unavailable()

    def edit_span(self, row_id: str, start: int, end: int) -> Changes:
        raise _unavailable()

    def add_manual(self, start: int, end: int, entity_type: str, note: str = "") -> Changes:
        raise _unavailable()

    def undo(self) -> Changes:
        raise _unavailable()

    def redo(self) -> Changes:
        raise _unavailable()

    def can_undo(self) -> bool:
        return False

    def can_redo(self) -> bool:
        return False

    def preview_text(self) -> str:
        raise _unavailable()

"""What the window needs from the core for one open document, as a small protocol.

The main window talks to a `ReviewSession` and never to the store directly: the composition root
(`reviewer.app`) builds the real one over the core workspace (`reviewer.ui.workspace_session`); pure UI
tests may pass a test double. Every mutating call returns a `Changes` record so that views refresh only
what changed (the Anki "OpChanges" habit).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from reviewer.core.documents.model import Document
from reviewer.core.types import Finding
from reviewer.ui.findings_table_model import FindingRow


@dataclass(frozen=True, slots=True)
class Changes:
    rows: tuple[FindingRow, ...] = ()  # rows inserted or updated
    removed: tuple[str, ...] = ()  # row ids removed (an edited span replaces its row)
    reset: bool = False  # every row may have changed (undo of a detection run, …)
    status: bool = False  # document status / attribute / sign-off changed
    focus: str | None = None  # the row the reviewer should look at next
    refresh: bool = False  # other rows may change too (replacements, propagated rows): re-read them all


class ReviewSession(Protocol):
    document: Document

    def rows(self) -> list[FindingRow]: ...

    def refresh_rows(self) -> Changes: ...

    def record_findings(self, findings: list[Finding], **options) -> Changes: ...

    def decide(self, row_ids: list[str], kind: str, **options) -> Changes: ...

    def accept(self, row_id: str, operator: str | None = None, note: str | None = None) -> Changes: ...

    def reject(self, row_id: str, reason: str) -> Changes: ...

    def edit_span(self, row_id: str, start: int, end: int, note: str | None = None) -> Changes: ...

    def add_manual(self, start: int, end: int, entity_type: str, note: str = "") -> Changes: ...

    def undo(self) -> Changes: ...

    def redo(self) -> Changes: ...

    def can_undo(self) -> bool: ...

    def can_redo(self) -> bool: ...

    def preview(self, page: int | None = None): ...  # core TextPreview or PagePreview

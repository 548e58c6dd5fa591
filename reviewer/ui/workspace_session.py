"""ReviewSession implementations over the core.

`WorkspaceReviewSession` adapts the core's `reviewer.core.review.session.ReviewSession` (decisions,
manual findings, undo/redo, all recorded in the workspace and its audit chain) to the rows the window
shows. A document enters the workspace when it is first detected (the core imports a document together
with its findings); reopening a reviewed document shows its stored findings and decisions.

`DetectionOnlySession` is used when no workspace is open: findings are shown, but decisions need the
workspace, so every decision is refused with a clear message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from reviewer.core.documents.model import Document
from reviewer.core.errors import ReviewerError
from reviewer.core.types import Finding
from reviewer.ui.findings_table_model import FindingRow
from reviewer.ui.labels import ReviewState
from reviewer.ui.session import Changes


class WorkspaceUnavailable(ReviewerError):
    code = "workspace_unavailable"


def _unavailable() -> WorkspaceUnavailable:
    return WorkspaceUnavailable(
        "没有打开审查工作区或尚未登录，无法记录审查决定。请先登录。",
        "No review workspace is open or nobody is logged in, so decisions cannot be recorded. Log in first.",
    )


def _not_detected() -> WorkspaceUnavailable:
    return WorkspaceUnavailable(
        "请先运行检测（Ctrl+D），文档检测后才会登记到工作区。",
        "Run detection first (Ctrl+D): a document enters the workspace when it is detected.",
    )


def _load_some(workspace, document_id: int | None, ids: set[int]) -> list:
    """Stored findings `ids` with their current decision (inactive ones too: they leave the table)."""
    if not ids or document_id is None:
        return []
    return workspace.findings(document_id, ids=ids)


def row_of(stored, document: Document) -> FindingRow:
    """A stored finding (core `StoredFinding`) as a table row; an edited span shows its new extent."""
    finding, decision = stored.finding, stored.decision
    state, operator, note = ReviewState.PENDING, None, ""
    if decision is not None:
        kind = str(decision.kind)
        state = ReviewState.REJECTED if kind == "reject" else ReviewState.ACCEPTED
        operator, note = decision.operator, decision.reason or ""
        if kind == "edit" and decision.start is not None and decision.end is not None:
            finding = replace(
                finding,
                start=decision.start,
                end=decision.end,
                text=document.text[decision.start : decision.end],
                locator=document.locate(decision.start, decision.end),
            )
    return FindingRow(finding, state, operator, note, key=str(stored.id))


class WorkspaceReviewSession:
    def __init__(self, workspace, user, document: Document, *, profile: Callable[[], str]) -> None:
        self.workspace, self.user, self.document = workspace, user, document
        self._profile = profile
        info = workspace.find_document(document.sha256)
        self.document_id: int | None = info.id if info else None
        self.core = workspace.session(info.id, user) if info else None
        self._rows: dict[str, FindingRow] = {}
        self._stored: list = []
        if self.core is not None:
            self._reload()

    # -- reading --------------------------------------------------------------------------------------
    def _reload(self) -> dict[str, FindingRow]:
        self._stored = self.core.findings() if self.core else []
        rows = {str(s.id): row_of(s, self.document) for s in self._stored}
        self._rows = rows
        return rows

    def rows(self) -> list[FindingRow]:
        return list(self._rows.values())

    def _changes(self, change, *, focus: str | None = None) -> Changes:
        """Turn the core's Change (finding ids) into the rows the view must repaint, re-reading only
        those findings (re-reading all 3,000 findings of a long PDF made each key press 200-400 ms)."""
        ids = {int(i) for i in change.finding_ids}
        fresh = {s.id: s for s in _load_some(self.workspace, self.document_id, ids)}
        by_id = {s.id: s for s in self._stored}
        rows, removed = [], []
        for fid in ids:
            stored = fresh.get(fid)
            if stored is None or not stored.active:
                by_id.pop(fid, None)
                if self._rows.pop(str(fid), None) is not None:
                    removed.append(str(fid))
                continue
            by_id[fid] = stored
            row = self._rows[str(fid)] = row_of(stored, self.document)
            rows.append(row)
        self._stored = sorted(by_id.values(), key=lambda s: (s.finding.start, s.finding.end, s.id))
        return Changes(
            rows=tuple(rows), removed=tuple(removed), status=bool(change.status_changed), focus=focus
        )

    def _require(self):
        if self.core is None:
            raise _not_detected()
        return self.core

    # -- detection ------------------------------------------------------------------------------------
    def record_findings(self, findings: list[Finding]) -> Changes:
        if self.core is None:
            info = self.workspace.import_document(self.document, findings, self.user)
            self.document_id = info.id
            self.core = self.workspace.session(info.id, self.user)
        self._reload()  # a document already in the workspace keeps the findings it was reviewed with
        return Changes(reset=True, status=True)

    # -- decisions ------------------------------------------------------------------------------------
    def operator_for(self, entity_type: str) -> str:
        """The profile's operator; content the profile keeps (restricted, organisations) is redacted
        when the reviewer accepts it, since accepting means "remove it from the published copy"."""
        from reviewer.core.deidentify.profiles import load_profile

        operator = str(load_profile(self._profile()).rule_for(entity_type).operator)
        return "redact" if operator == "keep" else operator

    def accept(self, row_id: str, operator: str | None = None) -> Changes:
        row = self._rows[row_id]
        op = operator or self.operator_for(row.finding.entity_type)
        return self._changes(self._require().accept(int(row_id), op))

    def reject(self, row_id: str, reason: str) -> Changes:
        return self._changes(self._require().reject(int(row_id), reason))

    def edit_span(self, row_id: str, start: int, end: int) -> Changes:
        row = self._rows[row_id]
        op = row.operator or self.operator_for(row.finding.entity_type)
        return self._changes(self._require().edit_span(int(row_id), start, end, op))

    def add_manual(self, start: int, end: int, entity_type: str, note: str = "") -> Changes:
        finding_id = self._require().add_manual_finding(
            start, end, entity_type=entity_type, note=note, locator=self.document.locate(start, end)
        )
        from reviewer.core.review.decisions import Change

        return self._changes(Change(self.document_id or 0, (finding_id,)), focus=str(finding_id))

    def undo(self) -> Changes:
        return self._changes(self._require().undo())

    def redo(self) -> Changes:
        return self._changes(self._require().redo())

    def can_undo(self) -> bool:
        return bool(self.core and self.core.can_undo)

    def can_redo(self) -> bool:
        return bool(self.core and self.core.can_redo)

    # -- what the export will contain ----------------------------------------------------------------
    def accepted_findings(self) -> list[Finding]:
        return [r.finding for r in self._rows.values() if r.state == ReviewState.ACCEPTED]

    def plan(self):
        """The core's plan from the review: accepted with their operator, edited spans, rejected left
        alone, undecided ones under the profile (the export never silently publishes them)."""
        from reviewer.core.deidentify.plan import plan_from_decisions
        from reviewer.core.deidentify.profiles import load_profile

        if self.core is None:
            raise _not_detected()
        folder = getattr(self.workspace.location, "folder", None)
        key = None
        if folder is not None:
            from reviewer.core.deidentify.workspace_key import workspace_key

            key = workspace_key(folder)
        pairs = [(s.finding, s.decision) for s in self._stored]
        return plan_from_decisions(pairs, load_profile(self._profile()), key=key)

    def preview_text(self) -> str:
        return preview_of(self.plan(), self.document)


def apply_in_pieces(plan, text: str, piece: int = 8192) -> str:
    """`plan.apply_text` piece by piece, cut at block separators (no value spans two blocks): one
    regex pass over a 300-page text holds the GIL for a third of a second and would freeze the GUI."""
    pattern = plan.pattern()
    if pattern is None:
        return text
    out, start = [], 0
    while start < len(text):
        end = text.find("\n", min(len(text), start + piece))
        end = len(text) if end < 0 else end + 1
        out.append(pattern.sub(lambda m: plan.values[m.group()], text[start:end]))
        start = end
    return "".join(out)


_BODY = {"paragraph", "table_cell", "page", "line"}


def preview_of(plan, document: Document) -> str:
    """The de-identified text block by block (no value spans two blocks, so this equals applying the
    plan to the whole text), with the places outside the body labelled: headers, comments, metadata."""
    from PySide6.QtCore import QCoreApplication

    def label(kind: str) -> str:
        return {
            "header": QCoreApplication.translate("Preview", "Header"),
            "footer": QCoreApplication.translate("Preview", "Footer"),
            "comment": QCoreApplication.translate("Preview", "Comment"),
            "footnote": QCoreApplication.translate("Preview", "Footnote"),
            "endnote": QCoreApplication.translate("Preview", "Endnote"),
            "textbox": QCoreApplication.translate("Preview", "Text box"),
            "property": QCoreApplication.translate("Preview", "Document property"),
            "annotation": QCoreApplication.translate("Preview", "Annotation"),
            "outline": QCoreApplication.translate("Preview", "Bookmark"),
            "attachment": QCoreApplication.translate("Preview", "Attachment"),
            "hyperlink": QCoreApplication.translate("Preview", "Link target"),
            "alt_text": QCoreApplication.translate("Preview", "Alt text"),
            "chart": QCoreApplication.translate("Preview", "Chart"),
            "diagram": QCoreApplication.translate("Preview", "SmartArt"),
        }.get(kind, kind)

    out = []
    for block in document.blocks:
        text = apply_in_pieces(plan, block.text)
        kind = str(block.kind)
        if kind in _BODY:
            out.append(text)
        else:
            where = f" {block.path}" if kind == "property" else ""
            out.append(f"〔{label(kind)}{where}〕{text}")
    return "\n".join(out)


class DetectionOnlySession:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.document_id = None
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

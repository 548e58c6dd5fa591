"""The window's view of the core workspace: who is logged in, the document list, attribute records,
sign-off, exports and the audit history. Thin: every rule (roles, state machine, approval checks,
verification) lives in the core; this module only gathers what the panels show.

The store opens one connection per operation (NullPool), so slow calls (argon2 log-in, signing,
exports) may run on the task runner's I/O pool.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reviewer.core.documents.model import Document
from reviewer.core.errors import ReviewerError
from reviewer.core.service.workspace import DocumentSummary
from reviewer.ui.workspace_session import DetectionOnlySession, WorkspaceReviewSession

DocumentRow = DocumentSummary  # one line of the workspace document list (the core computes it)


class WorkspaceFacade(QObject):
    user_changed = Signal(object)  # core User or None
    documents_changed = Signal()

    def __init__(self, workspace, profile=lambda: "auto", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.user = None
        self._profile = profile

    # -- users --------------------------------------------------------------------------------------------
    def needs_admin(self) -> bool:
        return self.workspace.needs_admin()

    def create_first_admin(self, username: str, password: str, also_reviewer: bool = False):
        return self.workspace.create_first_admin(username, password, also_reviewer=also_reviewer)

    def users(self):
        return self.workspace.users()

    def create_user(self, admin, username: str, roles, password: str, display_name=None, *, admin_password: str):
        return self.workspace.create_user(admin, username, roles, password, display_name,
                                          admin_password=admin_password)

    def set_roles(self, admin, username: str, roles, *, admin_password: str):
        return self.workspace.set_roles(admin, username, roles, admin_password=admin_password)

    def set_active(self, admin, username: str, active: bool, *, admin_password: str):
        return self.workspace.set_active(admin, username, active, admin_password=admin_password)

    def authenticate(self, username: str, password: str):
        """Checks the password (argon2: run it off the GUI thread); does not change the user."""
        return self.workspace.login(username, password)

    def set_user(self, user) -> None:
        self.user = user
        self.user_changed.emit(user)

    # -- documents ------------------------------------------------------------------------------------------
    def open_session(self, document: Document):
        if self.user is None:
            return DetectionOnlySession(document)
        return WorkspaceReviewSession(self.workspace, self.user, document, profile=self._profile)

    def document_rows(self) -> list[DocumentRow]:
        return self.workspace.document_summaries()

    def info(self, document_id: int):
        return self.workspace.document(document_id)

    def events(self, document_id: int | None):
        return self.workspace.events(document_id)

    # -- attribute --------------------------------------------------------------------------------------------
    @property
    def catalog(self):
        return self.workspace.catalog

    def attribute_record(self, document_id: int):
        stored = self.workspace.attribute_record(document_id)
        return stored.record if stored else None

    def suggestion(self, session: WorkspaceReviewSession):
        """The core's suggested attribute from the findings the reviewer still stands by."""
        return session.review.suggest_attribute()

    # -- sign-off -----------------------------------------------------------------------------------------------
    def approval_problems(self, document_id: int, approver=None):
        return self.workspace.approval_problems(document_id, approver)

    def approve(self, document_id: int, approver, password: str, comment: str = ""):
        return self.workspace.approve(document_id, approver, password, comment=comment)

    def return_for_rework(self, document_id: int, supervisor, reason: str, password: str):
        return self.workspace.return_for_rework(document_id, supervisor, reason, password=password)

    # -- exports -------------------------------------------------------------------------------------------------
    def export_copy(self, session: WorkspaceReviewSession, output: str | Path, *, undecided: str = "profile",
                    override_reason: str | None = None, progress=None, cancelled=None):
        """The core's export (gate → plan → write → verify → record), on the I/O lane."""
        session.sync_profile()
        return session.review.export_copy(output, undecided=undecided, override_reason=override_reason,
                                          progress=progress, cancelled=cancelled)

    def export_log(self, document_id: int, fmt: str, output: str | Path) -> Path:
        """The review log (保密审查记录); a damaged audit chain is refused, never exported as if intact."""
        from reviewer.core.reports.log_export import export_review_log

        log = export_review_log(self.workspace, fmt, output, document_id=document_id, catalog=self.catalog)
        if getattr(log, "chain_ok", True) is False:
            raise _chain_broken(Path(output))
        return Path(output)


class AuditChainBroken(ReviewerError):
    code = "audit_chain_broken"


def _chain_broken(path: Path) -> AuditChainBroken:
    return AuditChainBroken(
        f"审计链校验失败，审查记录 {path.name} 已标注为不可信。请联系审计员核查（reviewer audit verify）。",
        f"The audit chain does not verify; the review log {path.name} is marked untrustworthy. "
        "Ask an auditor to check it (reviewer audit verify).",
    )

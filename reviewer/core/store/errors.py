"""Errors a user can meet when opening a workspace or signing in."""

from __future__ import annotations

from reviewer.core.errors import ReviewerError


class WorkspaceError(ReviewerError):
    code = "workspace"


class WorkspaceTooNew(WorkspaceError):
    code = "workspace_too_new"


class AuthenticationFailed(WorkspaceError):
    code = "authentication_failed"


class PermissionDenied(WorkspaceError):
    code = "permission_denied"


class UserExists(WorkspaceError):
    code = "user_exists"


class NotFound(WorkspaceError):
    code = "not_found"


class StaleWrite(WorkspaceError):
    """Someone else changed the record since it was read (issue 11: shared workspaces)."""

    code = "stale_write"


class DocumentCheckedOut(WorkspaceError):
    """Another user holds a live checkout lease on the document (issue 11)."""

    code = "checked_out"

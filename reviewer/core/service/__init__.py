"""The service floor: every operation a reviewer, a supervisor, an auditor or the CLI performs on a
workspace, each one call, one transaction, one audit event. Front ends (the Qt window, the CLI) are
thin adapters over it and hold no SQL and no review rules."""

from reviewer.core.service.workspace import Workspace, open_workspace

__all__ = ["Workspace", "open_workspace"]

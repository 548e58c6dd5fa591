"""Workspace persistence (SQLAlchemy Core: SQLite by default, PostgreSQL for teams).

`open_workspace` and `Workspace` are imported lazily: the store's low-level modules (schema, dialect)
are used by the audit and review packages, which the workspace facade itself imports.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Workspace", "open_workspace"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from reviewer.core.store import workspace

        return getattr(workspace, name)
    raise AttributeError(name)

"""Where a workspace lives: a folder (SQLite file inside) or a database URL (PostgreSQL, issue 11)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

DB_FILENAME = "workspace.sqlite3"
WITNESS_FILENAME = "audit-head.json"


@dataclass(frozen=True, slots=True)
class Location:
    url: str
    folder: Path | None  # set for a folder workspace; holds the database and the head witness

    @property
    def witness_path(self) -> Path | None:
        return None if self.folder is None else self.folder / WITNESS_FILENAME

    def display(self) -> str:
        return str(self.folder) if self.folder is not None else _hide_password(self.url)


def default_folder() -> Path:
    return platformdirs.user_data_path("reviewer", appauthor=False) / "workspace"


def resolve(path_or_url: str | Path | None) -> Location:
    """`None` → the per-user data folder; "scheme://..." → a database URL; anything else → a folder."""
    if path_or_url is None:
        folder = default_folder()
    elif isinstance(path_or_url, str) and "://" in path_or_url:
        return Location(url=path_or_url, folder=None)
    else:
        folder = Path(path_or_url)
    folder = folder.expanduser().resolve()
    return Location(url=f"sqlite:///{folder / DB_FILENAME}", folder=folder)


def _hide_password(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    if "@" in rest and ":" in rest.split("@", 1)[0]:
        user = rest.split("@", 1)[0].split(":", 1)[0]
        return f"{scheme}{sep}{user}:***@{rest.split('@', 1)[1]}"
    return url

"""What protects a folder workspace on disk: private permissions and the chain-head witness file.

The folder is 0700 and every file the workspace keeps in it is 0600 (password hashes, sealed keys and
the documents' full unredacted text live there): the database is created empty with that mode before
SQLite opens it, and SQLite gives its -wal and -shm files the database's mode. Files of an older
workspace are tightened when it is opened.

The witness (`audit-head.json`) copies the chain head at milestones (a user registered, an export, a
sign-off, closing). It pins the chain against a rollback of the database alone. Once a witness was
written (noted in the database), a missing one is never silently recreated: `audit verify` reports it
until someone re-pins it against a head kept outside (`reviewer audit witness --expect-head SEQ:HASH`).
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from reviewer.core.store.location import DB_FILENAME, WITNESS_FILENAME

PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700
WORKSPACE_FILES = (DB_FILENAME, f"{DB_FILENAME}-wal", f"{DB_FILENAME}-shm", f"{DB_FILENAME}-journal",
                   WITNESS_FILENAME, "deidentify.key")
WITNESS_KEY = "head_witness"  # workspace_meta: a witness file has been written for this database


def secure_folder(folder: Path) -> None:
    """Create the folder 0700 and the database file 0600 (if new); tighten what an older version left."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    os.chmod(folder, PRIVATE_FOLDER)
    database = folder / DB_FILENAME
    if not database.exists():
        with contextlib.suppress(FileExistsError):
            os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    for name in WORKSPACE_FILES:
        path = folder / name
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_mode & 0o077:
                os.chmod(path, PRIVATE_FILE)


def read_witness(path: Path | None) -> tuple[int, str] | str | None:
    """(count, hash); None when there is none; "damaged" when it cannot be read."""
    if path is None or not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return int(data["count"]), str(data["hash"])
    except (OSError, ValueError, KeyError, TypeError):
        return "damaged"


def witness_bytes(count: int, digest: str) -> bytes:
    return json.dumps({"count": count, "hash": digest}).encode("utf-8")

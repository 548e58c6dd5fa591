"""Worker for the concurrency test: records decisions and reports the ids it saw committed.

Run: python -m tests.core.store.concurrent_writer URL_OR_DIR OFFSET COUNT
"""

from __future__ import annotations

import sys

from reviewer.core.store import open_workspace


def main() -> None:
    where, offset, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    ws = open_workspace(where)
    session = ws.session(ws.documents()[0].id, ws.get_user("alice"))
    ids = [f.id for f in session.findings()]
    for i in range(count):
        session.accept(ids[(i + offset) % len(ids)], "mask")
        print(session._undo[-1].row_id, flush=True)
    ws.engine.dispose()


if __name__ == "__main__":
    main()

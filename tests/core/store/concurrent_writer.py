"""Worker for the concurrency test: a reviewer deciding findings on shared documents.

Run: python -m tests.core.store.concurrent_writer WHERE USER COUNT SEED
Each decision is made with the finding version the worker read (`expected_version`); a quarter of
them reuse a version read earlier (a reviewer writing on a page loaded a while ago, or submitting
twice), which must be refused if anyone decided that finding since. Prints, one line each:
  ok FINDING VERSION DECISION_ID | stale FINDING VERSION | times START END
and stops after COUNT acknowledged decisions.
"""

from __future__ import annotations

import random
import sys
import time

from reviewer.core.service import open_workspace
from reviewer.core.store.errors import StaleWrite


def main() -> None:
    where, username, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    ws = open_workspace(where)
    user = ws.get_user(username)
    documents = [d.id for d in ws.documents()]
    rng = random.Random(seed)
    sessions: dict[int, object] = {}
    remembered: list[tuple[int, int, int]] = []  # (document, finding, version) read earlier
    out = []
    done = 0
    start = time.time()
    while done < count:
        if remembered and rng.random() < 0.25:
            doc, finding, version = remembered.pop(rng.randrange(len(remembered)))
        else:
            doc = rng.choice(documents)
            if doc not in sessions:
                sessions[doc] = ws.session(doc, user)
            findings = sessions[doc].findings()
            chosen, other = rng.choice(findings), rng.choice(findings)
            finding, version = chosen.id, chosen.version
            remembered.append((doc, other.id, other.version))
        session = sessions[doc]
        try:
            if rng.random() < 0.5:
                session.accept(finding, "mask", expected_version=version)
            else:
                session.reject(finding, f"{username} {done}", expected_version=version)
        except StaleWrite:
            out.append(f"stale {finding} {version}")
            continue
        out.append(f"ok {finding} {version} {session._undo[-1][-1].row_id}")
        done += 1
        if rng.random() < 0.1:  # a double submission: the version it names was just used
            remembered.append((doc, finding, version))
    end = time.time()
    ws.engine.dispose()
    print("\n".join(out))
    print(f"times {start} {end}", flush=True)


if __name__ == "__main__":
    main()

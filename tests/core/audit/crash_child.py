"""Child process for the crash test: records decisions as fast as it can and acknowledges each one
on stdout only after its transaction committed. Run: python -m tests.core.audit.crash_child DIR SEED.
Imports nothing heavy (no detector), so that each of the 20 rounds starts quickly."""

from __future__ import annotations

import random
import sys

from reviewer.core.service import open_workspace


def main() -> None:
    folder, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    ws = open_workspace(folder)
    alice = ws.get_user("alice")  # signed in already: argon2 is not what is tested
    document = ws.documents()[0]
    session = ws.session(document.id, alice)
    findings = [f.id for f in session.findings()]
    text_length = len(ws.findings(document.id)[0].finding.text) + 200
    print("READY", flush=True)
    step = 0
    while True:
        step += 1
        roll = rng.random()
        if roll < 0.1 and session.can_undo:
            command = session._undo[-1][-1]  # a step of one command here
            session.undo()
            if command.kind == "decision":
                print(f"UNDO {command.row_id}", flush=True)
            else:  # undoing a manual finding removes it: never decide on it afterwards
                findings = [f.id for f in session.findings()]
            continue
        if roll < 0.18:
            start = rng.randrange(0, text_length)
            finding_id = session.add_manual_finding(start, start + 2, note=f"step {step}")
            findings.append(finding_id)
            print(f"MANUAL {finding_id} {start}", flush=True)
            continue
        finding_id = rng.choice(findings)
        if rng.random() < 0.5:
            operator = rng.choice(["mask", "pseudonym", "redact", "generalize"])
            session.accept(finding_id, operator)
            detail = operator
        else:
            detail = f"reason-{step}"
            session.reject(finding_id, detail)
        print(f"ACK {session._undo[-1][-1].row_id} {finding_id} {detail}", flush=True)


if __name__ == "__main__":
    main()

"""600 mutated copies of real documents (fixed seed): each ends as a Document or a reader's own
ReviewerError, in its own time limit, in a worker process that would show a segfault or a hang.

Mutations (bench/mutate.py): byte and bit flips, truncation, zeroed and duplicated blocks, numbers
swapped for edge values; docx zip members cut, flipped, unbalanced, dropped or with lying headers;
PDF xref offsets shifted, startxref pointing nowhere, trailers cut, stream lengths and object
references wrong. "Escaped" counts errors that only the loader's catch-all turned into "corrupt": a
parser exception the readers did not anticipate, which would be a vague message for the user.
"""

from __future__ import annotations

import collections
import time
from pathlib import Path

from bench.isolated import IsolatedLoader
from bench.mutate import variants

DATA = Path(__file__).resolve().parents[2] / "data"
SEEDS = ["documents/planted.docx", "documents/libreoffice-planted.docx", "documents/layout.docx",
         "documents/reportlab-cjk.pdf", "documents/libreoffice-planted.pdf", "documents/gbk-crlf.txt",
         "documents/utf16le-bom.txt", "export/operators.pdf", "export/vertical.pdf", "export/leak.docx",
         "export/leak.pdf", "regressions/empty-owner-password.pdf", "regressions/no-xref-no-eof.pdf"]
COUNT = 600
PER_FILE_TIMEOUT = 15.0


def test_600_mutated_files_no_traceback_no_hang(tmp_path):
    seeds = {name: (DATA / name).read_bytes() for name in SEEDS}
    outcomes: collections.Counter[str] = collections.Counter()
    by_mutator: collections.Counter[str] = collections.Counter()
    bad: list[str] = []
    started = time.perf_counter()
    with IsolatedLoader(timeout=PER_FILE_TIMEOUT) as loader:
        for k, (name, how, data) in enumerate(variants(seeds, COUNT, seed=20261128)):
            path = tmp_path / f"{k:03d}-{Path(name).name}"
            path.write_bytes(data)
            result = loader.load(path)
            outcomes[result.outcome] += 1
            by_mutator[how.split("+")[0]] += 1
            if result.outcome in ("crash", "over_time") or result.fallback:
                bad.append(f"{path.name} ({how}): {result.outcome} {result.message[-500:]}")
            elif result.outcome == "clean_error":
                assert "\n" not in result.message and "Traceback" not in result.message
            path.unlink()
    assert sum(outcomes.values()) == COUNT
    assert not bad, "\n".join(bad)
    # the mutations are real: many variants fail to read, many still read, every mutator was used
    assert outcomes["read"] >= 100 and outcomes["clean_error"] >= 100, outcomes
    assert {"pdf_xref", "pdf_startxref", "docx_member_xml", "docx_raw_member", "truncate", "flip_bytes"} \
        <= set(by_mutator), by_mutator
    assert time.perf_counter() - started < 120

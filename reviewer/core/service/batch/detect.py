"""The detector a batch worker process runs: the same engine as `reviewer scan` and the app.

A worker module has `setup()` (once per process: load the engine) and `detect(document, threshold, *,
terms)`.
Each batch worker owns one core: its engine runs single-process (no detection helper per worker, which
would double the processes and the memory) with one BLAS thread.
"""

from __future__ import annotations

import dataclasses


def setup() -> None:
    from threadpoolctl import threadpool_limits

    from reviewer.core.detection.analyze import warm_up
    from reviewer.core.detection.engine import get_engine

    threadpool_limits(1)
    engine = get_engine()
    engine.config = dataclasses.replace(engine.config, processes=1)
    warm_up(engine)


def detect(document, threshold: float | None, *, terms=None):  # noqa: ANN001, ANN201 - a Document; its findings
    """`terms`: the term lists the batch runs with (issue 33), applied as the app and `scan` apply them."""
    from reviewer.core.detection import analyze

    return analyze(document, terms=terms, **({} if threshold is None else {"threshold": threshold}))

"""The core functions the window uses, bound once by the composition root (`reviewer.app`).

Keeping them in one small record makes the window testable (pure UI tests bind a fake detector) and
keeps presidio and spaCy out of the GUI process altogether: the real engine runs in a child process
(`reviewer.core.detection.engine_process`), driven from the NLP lane of the task runner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.documents.model import Document
from reviewer.core.types import Finding
from reviewer.ui.session import ReviewSession

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


@dataclass(frozen=True)
class Services:
    load_document: Callable[[Path], Document]
    warm_up: Callable[[], Any]  # starts the detection engine (seconds); NLP lane only
    analyze: Callable[
        ..., list[Finding]
    ]  # analyze(document, *, threshold, progress, cancelled); NLP lane only
    open_session: Callable[[Document], ReviewSession]
    workspace: Any = None  # reviewer.ui.workspace_session.WorkspaceFacade when the store is available


def core_services(open_session: Callable[[Document], ReviewSession], workspace: Any = None) -> Services:
    """The real core, imported lazily so that start-up does not wait for presidio/spaCy."""

    def load(path: Path) -> Document:
        from reviewer.core.documents import load_document

        return load_document(path)

    def warm_up() -> Any:
        from reviewer.core.detection.engine_process import shared_engine

        return shared_engine().start()

    def analyze(document: Document, **options: Any) -> list[Finding]:
        from reviewer.core.detection.engine_process import shared_engine

        return shared_engine().analyze(document, **options)

    return Services(load, warm_up, analyze, open_session, workspace)

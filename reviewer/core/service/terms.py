"""The office's term lists (敏感词库) and detection runs, for every front end (issue 33).

- `term_set(workspace)`: the current lists, to pass to `detection.analyze(terms=…)` with each call (the
  GUI's detection runs in a child process: the lists travel with the call, never through a global);
- `save_term_lists`, `import_term_file`, `export_term_file`: each change is the next version and one audit
  event (who, when, what); txt and xlsx files;
- `detection_options(workspace, document_id)`: what a detection of that document runs with (the lists, the
  recorded attribute for the draft-status check);
- `record_detection`: store a detection run (the first imports the document; later ones add what the
  lists now find and retire what they no longer find), with the list version it used.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from reviewer.core.detection.judgments import JudgmentContext
from reviewer.core.detection.terms.files import read_terms, write_terms
from reviewer.core.detection.terms.model import TermChange, TermEntry, TermKind, TermSet
from reviewer.core.review import documents, term_lists
from reviewer.core.review.attribute import latest_record
from reviewer.core.review.detections import DetectionRecord
from reviewer.core.review.detections import record_detection as record_run
from reviewer.core.review.documents import DocumentInfo
from reviewer.core.review.term_lists import TermVersion
from reviewer.core.review.users import Role, User, require_role
from reviewer.core.types import Finding


def _name(actor: User | str) -> str:
    return actor.username if isinstance(actor, User) else str(actor)


def term_set(workspace) -> TermSet:  # noqa: ANN001 - a service.workspace.Workspace
    with workspace.read() as conn:
        return term_lists.current_terms(conn)


def term_history(workspace) -> list[TermVersion]:  # noqa: ANN001
    with workspace.read() as conn:
        return term_lists.term_history(conn)


def save_term_lists(workspace, actor: User, entries: Sequence[TermEntry], *, source: str = "editor"  # noqa: ANN001
                    ) -> tuple[TermSet, TermChange]:
    """Store `entries` as the lists' next version (one audit event); unchanged lists write nothing."""
    with workspace.write() as conn:
        result = term_lists.save_terms(conn, list(entries), actor=actor, source=source)
    if result[1]:
        workspace.write_witness()
    return result


def import_term_file(workspace, actor: User, path: str | Path, *, kind: TermKind | None = None,  # noqa: ANN001
                     replace: bool = False) -> tuple[TermSet, TermChange]:
    """Add the terms of a .txt/.xlsx file to the lists (or, with `replace`, make the file the lists).
    `kind`: the list for a plain word list without sections or a 类别 column."""
    read = read_terms(path, default_kind=kind)
    current = term_set(workspace)
    entries = read if replace else [*current.entries, *read]
    return save_term_lists(workspace, actor, entries, source=f"import:{Path(path).name}")


def export_term_file(workspace, path: str | Path) -> Path:  # noqa: ANN001
    return write_terms(term_set(workspace).entries, path)


def term_list_label(terms: TermSet | None) -> dict[str, Any]:
    """How a detection event names the lists it ran with."""
    if not terms:
        return {"version": terms.version if terms is not None else 0, "digest": "", "count": 0}
    return {"version": terms.version, "digest": terms.digest, "count": len(terms.entries)}


def detection_options(workspace, document_id: int | None) -> dict[str, Any]:  # noqa: ANN001
    """Keyword arguments for `detection.analyze` on a workspace document: the current lists, and the recorded
    attribute (the draft-status check compares the document with it)."""
    attribute = None
    if document_id is not None:
        with workspace.read() as conn:
            stored = latest_record(conn, document_id)
            attribute = str(stored.record.attribute) if stored else None
    return {"terms": term_set(workspace), "judgments": JudgmentContext(attribute=attribute)}


def record_detection(workspace, document, findings: Iterable[Finding], actor: User | str, *,  # noqa: ANN001
                     terms: TermSet | None = None, judgments: JudgmentContext | None = None
                     ) -> tuple[DocumentInfo, DetectionRecord]:
    if isinstance(actor, User):
        require_role(actor, Role.REVIEWER, Role.SUPERVISOR, Role.ADMIN, action_zh="登记检测结果",
                     action_en="record detection results")
    findings = list(findings)
    checks = {"release": judgments.resolved_release().isoformat() if judgments else None,
              "attribute": judgments.attribute if judgments else None}
    with workspace.write() as conn:
        info, created = documents.import_document(conn, document, findings, actor=_name(actor))
        record = record_run(conn, info, findings, actor=_name(actor), term_list=term_list_label(terms),
                            checks=checks, first=created)
        info = documents.get_document(conn, info.id)
    return info, record

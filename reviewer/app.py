"""Composition root of the desktop app (interim: a plain window showing a document's text)."""

from __future__ import annotations

import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / "penalty-decision.txt"


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

    from reviewer.core.documents import load_document

    argv = list(sys.argv if argv is None else argv)
    app = QApplication.instance() or QApplication(argv)
    path = Path(argv[1]) if len(argv) > 1 else SAMPLE
    document = load_document(path)
    window = QMainWindow()
    window.setWindowTitle(f"保密审查 — {path.name}")
    view = QPlainTextEdit(document.text)
    view.setReadOnly(True)
    window.setCentralWidget(view)
    window.resize(1100, 750)
    window.show()
    return app.exec()

"""Errors as dialogs: the core's one-line message in the UI language, never a traceback."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reviewer.core.errors import ReviewerError

log = logging.getLogger(__name__)


def error_text(error: BaseException, language: str) -> str:
    """A ReviewerError says what to do; anything else is a bug, reported without a traceback."""
    if isinstance(error, ReviewerError):
        return error.message(language)
    log.error("unexpected error", exc_info=error)
    return QCoreApplication.translate(
        "ErrorDialog", "An unexpected error occurred (%1). Please report it to the administrator."
    ).replace("%1", type(error).__name__)


def show_error(
    parent: QWidget | None, error: BaseException, language: str, title: str | None = None
) -> QMessageBox:
    """Non-blocking (open(), not exec()), so that tests and background callbacks never hang on it."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("ErrorDialog", "Cannot continue"),
        error_text(error, language),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("errorDialog")
    box.open()
    return box

"""Typed errors with a one-line message in Chinese and English that says what to do.

Every error a user can meet derives from `ReviewerError`; the CLI and the UI print `str(error)`
(bilingual) or pick `message_zh` / `message_en` by UI language. Never a traceback.
"""

from __future__ import annotations


class ReviewerError(Exception):
    """Base: `message_zh` and `message_en` are complete sentences including what to do."""

    code = "error"

    def __init__(self, message_zh: str, message_en: str, *, path: str | None = None) -> None:
        self.message_zh = message_zh
        self.message_en = message_en
        self.path = path
        super().__init__(f"{message_zh} / {message_en}")

    def message(self, language: str = "zh") -> str:
        return self.message_zh if language.startswith("zh") else self.message_en


class DocumentError(ReviewerError):
    """A document could not be read."""


class UnsupportedFormat(DocumentError):
    code = "unsupported_format"


class CorruptDocument(DocumentError):
    code = "corrupt_document"


class EncryptedDocument(DocumentError):
    code = "encrypted_document"


class TooLarge(DocumentError):
    code = "too_large"


class ConfigurationError(ReviewerError):
    """A resource (YAML, model, catalog) is missing or invalid: never fall back silently."""

    code = "configuration"

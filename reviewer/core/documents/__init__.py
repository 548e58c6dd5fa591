"""Document readers, one package per format (docx/, pdf/, txt/, xlsx/); `load_document(path)` is the entry point.
Writers of de-identified copies live with de-identification (`reviewer.core.deidentify.writers`)."""

from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat, RunSpan

__all__ = ["Block", "BlockKind", "Document", "DocumentFormat", "RunSpan", "load_document"]


def load_document(path, **options) -> Document:  # noqa: ANN001 - re-exported below
    from reviewer.core.documents.loader import load_document as _load

    return _load(path, **options)

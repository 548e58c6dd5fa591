"""Document readers (and writers), one module per format. `load_document(path)` is the entry point."""

from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat, RunSpan

__all__ = ["Block", "BlockKind", "Document", "DocumentFormat", "RunSpan", "load_document"]


def load_document(path, **options) -> Document:  # noqa: ANN001 - re-exported below
    from reviewer.core.documents.loader import load_document as _load

    return _load(path, **options)

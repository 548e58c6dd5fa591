"""Placeholder loader: txt only, replaced by the readers (docx_reader, pdf_reader, txt_reader)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat
from reviewer.core.errors import CorruptDocument, UnsupportedFormat


def load_document(path: str | Path) -> Document:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise CorruptDocument(f"无法读取文件 {p}：{exc.strerror}。请检查路径和权限。",
                              f"Cannot read {p}: {exc.strerror}. Check the path and permissions.") from exc
    if p.suffix.lower() != ".txt":
        raise UnsupportedFormat(f"不支持的文件格式：{p.name}。", f"Unsupported format: {p.name}.")
    text = data.decode("utf-8-sig")
    blocks = [Block(kind=BlockKind.LINE, part="text", path=f"line {i}", text=line, line=i)
              for i, line in enumerate(text.splitlines(), 1)]
    return Document.build(path=str(p), format=DocumentFormat.TXT, sha256=hashlib.sha256(data).hexdigest(),
                          size=len(data), blocks=blocks, encoding="utf-8", newline="\n")

"""Small documents built from blocks, for unit tests of placement rules (end-to-end tests read real files)."""

from __future__ import annotations

from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat


def docx_like(*paragraphs: str, header: str | None = None, footer: str | None = None,
              cells: tuple[str, ...] = (), comment: str | None = None) -> Document:
    blocks = []
    if header is not None:
        blocks.append(Block(BlockKind.HEADER, "word/header1.xml", "hdr/p[0]", header))
    blocks += [Block(BlockKind.PARAGRAPH, "word/document.xml", f"body/p[{i}]", t) for i, t in enumerate(paragraphs)]
    blocks += [Block(BlockKind.TABLE_CELL, "word/document.xml", f"body/tbl[0]/tr[0]/tc[{i}]/p[0]", t)
               for i, t in enumerate(cells)]
    if footer is not None:
        blocks.append(Block(BlockKind.FOOTER, "word/footer1.xml", "ftr/p[0]", footer))
    if comment is not None:
        blocks.append(Block(BlockKind.COMMENT, "word/comments.xml", "comment[id=0]/p[0]", comment))
    return Document.build(path="t.docx", format=DocumentFormat.DOCX, sha256="0" * 64, size=0, blocks=blocks)


BODY = ("重庆市某某局文件", "关于做好2024年政务公开工作的通知", "各区县（自治县）人民政府，市政府各部门：",
        "现将有关事项通知如下。", "重庆市某某局", "2024年3月1日")


def found(document: Document) -> list[tuple[str, str]]:
    from reviewer.core.detection.classified import detect

    return [(str(f.entity_type), f.text) for f in detect(document)]

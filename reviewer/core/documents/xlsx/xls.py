"""Excel 97-2003 workbooks (BIFF8; also WPS .et/.ett saved in that format): cells, and what else we can reach.

Cell values, sheet names and visibility, merged ranges: python-calamine. Hidden rows and columns,
headers and footers, cell comments with their authors, defined names with string constants: our own walk
of the Workbook stream (biff.py). The summary properties (author, last saved by, company, manager…): olefile.
Not read from an .xls: text boxes, charts, pivot caches, formulas' string operands, data-validation
prompts, VBA, embedded objects. The de-identified copy is written as xlsx from what was read (so what is
not read is not carried over either; writers/xls.py says so in its notes).
"""

from __future__ import annotations

import io

from reviewer.core.documents.limits import Limits, check_deadline, check_text, too_large
from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat
from reviewer.core.documents.xlsx.biff import BiffSheet, BiffWorkbook, read_biff
from reviewer.core.documents.xlsx.cells import cell_ref, sheet_blocks
from reviewer.core.documents.xlsx.structure import header_footer_text
from reviewer.core.errors import EncryptedDocument

PART = "Workbook"
_STATES = {1: "sheet", 2: "very-hidden sheet"}
_PROPERTIES = (
    "title",
    "subject",
    "author",
    "keywords",
    "comments",
    "last_saved_by",
    "category",
    "company",
    "manager",
)


def _encrypted(path: str) -> EncryptedDocument:
    return EncryptedDocument(
        f"文件已加密：{path} 设有密码。请在 Excel/WPS 中输入密码后另存为不加密的 xlsx 再审查。",
        f"Encrypted file: {path} needs a password. Open it in Excel/WPS with the password, "
        "save an unencrypted xlsx and review that.",
        path=path,
    )


def workbook_stream(data: bytes, path: str, limits: Limits) -> tuple[bytes, dict[str, str]]:
    """The Workbook stream (capped) and the summary properties, decoded with their own code page."""
    import olefile

    with olefile.OleFileIO(data) as ole:
        name = "Workbook" if ole.exists("Workbook") else "Book"
        size = ole.get_size(name)
        if size > limits.max_part_size:
            raise too_large(
                "工作簿数据流大小（字节）",
                "the size of the Workbook stream (bytes)",
                size,
                limits.max_part_size,
                "max_part_size",
                path=path,
            )
        stream = ole.openstream(name).read()
        properties = _properties(ole)
    return stream, properties


def _properties(ole) -> dict[str, str]:  # noqa: ANN001 - olefile.OleFileIO
    try:
        meta = ole.get_metadata()
    except Exception:  # noqa: BLE001 - a damaged property stream: the cells are still read
        return {}
    found: dict[str, str] = {}
    for name in _PROPERTIES:
        value = getattr(meta, name, None)
        page = meta.codepage_doc if name in ("category", "company", "manager") else meta.codepage
        if isinstance(value, bytes):
            value = value.decode(_codec(page), errors="replace")
        if isinstance(value, str) and value.strip("\x00 "):
            found[name] = value.strip("\x00 ")
    return found


def _codec(page: int | None) -> str:
    """The property set's code page (olefile reads it as a signed 16-bit number: 65001 comes as -535)."""
    page = page & 0xFFFF if page is not None else None
    if page == 65001:
        return "utf-8"
    if page == 1200:
        return "utf-16-le"
    if page in (None, 936, 0):
        return "gb18030"
    return f"cp{page}"


def read_xls(data: bytes, path: str, sha256: str, limits: Limits) -> Document:
    import python_calamine

    stream, properties = workbook_stream(data, path, limits)
    biff = read_biff(stream)
    if biff.encrypted:
        raise _encrypted(path)
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise _encrypted(path) from None
    by_name = {s.name: s for s in biff.sheets}
    blocks: list[Block] = []
    total = 0

    def add(block: Block) -> None:
        nonlocal total
        blocks.append(block)
        total += len(block.text) + 1
        if len(blocks) % 4096 == 0:
            check_text(total, limits, path=path)

    for index, meta in enumerate(book.sheets_metadata):
        check_deadline(path)
        extra = by_name.get(meta.name) or BiffSheet(meta.name, 0)
        state = _STATES.get(extra.state) or (None if str(meta.visible).endswith("Visible") else "sheet")
        if str(meta.typ).endswith("WorkSheet"):
            sheet = book.get_sheet_by_index(index)
            for block in sheet_blocks(
                meta.name,
                PART,
                sheet.to_python(),
                sheet.start or (0, 0),
                merged=sheet.merged_cell_ranges or (),
                sheet_hidden=state,
                hidden_rows=frozenset(extra.hidden_rows),
                hidden_cols=frozenset(extra.hidden_cols),
                offset=total,
            ):
                add(block)
        _sheet_extras(meta.name, extra, state, add)
    _names(biff, add)
    for name, value in properties.items():
        add(
            Block(
                kind=BlockKind.PROPERTY,
                part="SummaryInformation",
                path=name,
                text=value,
                attrs={"name": name},
            )
        )
    return Document.build(
        path=path,
        format=DocumentFormat.XLS,
        sha256=sha256,
        size=len(data),
        blocks=blocks,
        properties=properties,
    )


def _sheet_extras(name: str, sheet: BiffSheet, state: str | None, add) -> None:  # noqa: ANN001
    hidden = {"hidden": state} if state else {}
    for tag, raw in (("header", sheet.header), ("footer", sheet.footer)):
        text = header_footer_text(raw)
        if text:
            add(
                Block(
                    kind=BlockKind.HEADER if tag == "header" else BlockKind.FOOTER,
                    part=PART,
                    path=f"{name}!{tag}",
                    text=text,
                    attrs={"sheet": name, "type": tag, **hidden},
                )
            )
    for row, col, author, text in sheet.comments:
        ref = cell_ref(row, col)
        if author.strip():
            add(
                Block(
                    kind=BlockKind.COMMENT,
                    part=PART,
                    path=f"{name}!{ref}/comment/@author",
                    text=author,
                    attrs={"sheet": name, "cell": ref, "author": author, "hidden": "comment"},
                )
            )
        if text.strip():
            add(
                Block(
                    kind=BlockKind.COMMENT,
                    part=PART,
                    path=f"{name}!{ref}/comment",
                    text=text,
                    attrs={
                        "sheet": name,
                        "cell": ref,
                        "hidden": "comment",
                        **({"author": author} if author.strip() else {}),
                    },
                )
            )


def _names(biff: BiffWorkbook, add) -> None:  # noqa: ANN001
    for k, (name, constant) in enumerate(biff.names):
        if name:
            add(
                Block(
                    kind=BlockKind.DEFINED_NAME,
                    part=PART,
                    path=f"definedName[{k}]",
                    text=f"{name}={constant}" if constant else name,
                    attrs={"name": name, "hidden": "defined-name"},
                )
            )

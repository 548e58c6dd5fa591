"""Term lists as files an office already keeps: plain text and Excel (xlsx).

Text (UTF-8, or GB18030 as Chinese Windows saves it): `#` starts a comment; a line `[阻断发布]` (or
`[block]`, `[敏感表述]`/`[review]`, `[必删]`/`[deny]`, `[不标记]`/`[allow]`) starts a section; each other line is a
term, optionally followed by a tab and a note. Lines before any section go to `default_kind` (a plain word
list imported as one kind).

Excel: the first sheet; a header row naming the columns 词条/term (required), 类别/kind and 备注/note
(optional; without 类别 every row is `default_kind`). Read with python-calamine, written with XlsxWriter.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reviewer.core.atomic import write_bytes_atomic
from reviewer.core.detection.terms.model import (
    KIND_ZH,
    TermEntry,
    TermKind,
    TermListInvalid,
    parse_kind,
)

TEXT_HEADER = "# 单位敏感词库 / office term lists — reviewer\n# 每行一个词条，制表符后可写备注 / one term per line, a tab, then a note\n"
XLSX_COLUMNS = ("类别", "词条", "备注", "添加人", "添加时间")
MAX_FILE_BYTES = 20_000_000


def _unreadable(path: Path, detail: str) -> TermListInvalid:
    return TermListInvalid(f"无法读取词库文件 {path.name}：{detail}。请检查文件后重试。",
                           f"Cannot read the term file {path.name}: {detail}. Check the file and retry.",
                           path=str(path))


def _no_kind(path: Path, where: str) -> TermListInvalid:
    return TermListInvalid(
        f"词库文件 {path.name} 的{where}没有类别。请用 [阻断发布]、[敏感表述]、[必删]、[不标记] 分节（或填写“类别”列），"
        "或导入时选择一个类别。",
        f"The term file {path.name} has no kind for {where}. Use sections [block], [review], [deny], [allow] (or a "
        "'kind' column), or choose a kind when importing.", path=str(path))


def read_terms(path: str | Path, *, default_kind: TermKind | None = None) -> list[TermEntry]:
    """Entries in a .txt or .xlsx file (not yet validated: `validate_entries` does that with the rest)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc.strerror or "not found") from exc
    if size > MAX_FILE_BYTES:
        raise _unreadable(path, f"文件过大（{size} 字节）/ too large")
    with path.open("rb") as fh:
        head = fh.read(4)
    if head.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, default_kind)
    if path.suffix.lower() in (".xlsx", ".xls", ".xlsm"):
        raise _unreadable(path, "不是 xlsx 工作簿 / not an xlsx workbook")
    return _read_text(path, default_kind)


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _unreadable(path, "编码无法识别（请存为 UTF-8）/ unknown encoding (save as UTF-8)")


def _read_text(path: Path, default_kind: TermKind | None) -> list[TermEntry]:
    text = _decode(path.read_bytes(), path)
    if "\x00" in text:
        raise _unreadable(path, "不是文本文件 / not a text file")
    kind = default_kind
    out = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line[0] in "[【" and line[-1] in "]】":
            kind = parse_kind(line)
            if kind is None:
                raise TermListInvalid(f"词库文件 {path.name} 第 {number} 行的分节名“{line}”无法识别。",
                                      f"Line {number} of {path.name}: unknown section '{line}'.", path=str(path))
            continue
        if kind is None:
            raise _no_kind(path, f"第 {number} 行 / line {number}")
        term, _, note = raw.strip().partition("\t")
        out.append(TermEntry(kind, term.strip(), note.strip()))
    return out


def _read_xlsx(path: Path, default_kind: TermKind | None) -> list[TermEntry]:
    try:
        from python_calamine import CalamineWorkbook

        workbook = CalamineWorkbook.from_path(str(path))
        rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=True)
    except Exception as exc:  # noqa: BLE001 - calamine raises its own kinds for broken files
        raise _unreadable(path, f"工作簿无法打开（{type(exc).__name__}）/ the workbook cannot be opened") from exc
    header_at = next((i for i, row in enumerate(rows[:20])
                      if any(str(c).strip().lower() in ("词条", "term", "敏感词", "词语") for c in row)), None)
    if header_at is None:
        raise _unreadable(path, "第一张工作表前 20 行中没有“词条”列 / no 'term' column header in the first sheet")
    names = [str(c).strip().lower() for c in rows[header_at]]

    def column(*labels: str) -> int | None:
        return next((i for i, n in enumerate(names) if n in labels), None)

    term_col = column("词条", "term", "敏感词", "词语")
    kind_col = column("类别", "kind", "类型", "分类")
    note_col = column("备注", "note", "说明")
    out = []
    for number, row in enumerate(rows[header_at + 1:], header_at + 2):
        cells = [str(c).strip() if c is not None else "" for c in row]

        def cell(i: int | None, cells: list[str] = cells) -> str:
            return cells[i] if i is not None and i < len(cells) else ""

        term = cell(term_col)
        if not term:
            continue
        if cell(kind_col):
            kind = parse_kind(cell(kind_col))
            if kind is None:
                raise TermListInvalid(f"词库文件 {path.name} 第 {number} 行的类别“{cell(kind_col)}”无法识别。",
                                      f"Row {number} of {path.name}: unknown kind '{cell(kind_col)}'.",
                                      path=str(path))
        elif default_kind is not None:
            kind = default_kind
        else:
            raise _no_kind(path, f"第 {number} 行 / row {number}")
        out.append(TermEntry(kind, term, cell(note_col)))
    return out


def write_terms(entries: Iterable[TermEntry], path: str | Path) -> Path:
    """Write the lists as .xlsx (by suffix) or text; atomically (a temporary file renamed into place)."""
    path = Path(path)
    entries = list(entries)
    data = _xlsx_bytes(entries) if path.suffix.lower() == ".xlsx" else _text(entries).encode("utf-8")
    write_bytes_atomic(path, data)
    return path


def _text(entries: list[TermEntry]) -> str:
    parts = [TEXT_HEADER]
    for kind in TermKind:
        parts.append(f"\n[{KIND_ZH[kind]}]\n")
        for e in entries:
            if e.kind is kind:
                parts.append(f"{e.term}\t{e.note}\n" if e.note else f"{e.term}\n")
    return "".join(parts)


def _xlsx_bytes(entries: list[TermEntry]) -> bytes:
    import io

    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                            "strings_to_numbers": False, "strings_to_urls": False})
    sheet = workbook.add_worksheet("敏感词库")
    bold = workbook.add_format({"bold": True})
    text = workbook.add_format({"num_format": "@"})  # 13800001111 stays text, never 1.38E+10
    sheet.write_row(0, 0, XLSX_COLUMNS, bold)
    for row, e in enumerate(entries, 1):
        for col, value in enumerate((KIND_ZH[e.kind], e.term, e.note, e.added_by, e.added_at)):
            sheet.write_string(row, col, value, text)
    sheet.set_column(0, 0, 10)
    sheet.set_column(1, 1, 28)
    sheet.set_column(2, 2, 40)
    sheet.set_column(3, 4, 22)
    sheet.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()

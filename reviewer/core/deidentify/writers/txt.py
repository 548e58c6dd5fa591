"""Redacted copy of a text file with the original encoding, BOM and newlines byte for byte.

The reader normalises newlines for detection; the writer therefore re-reads the original bytes and
replaces values in the text decoded with the same codec, so mixed `\\r\\n`/`\\n` files keep every
newline as it was. A replacement character the encoding cannot hold (█ in GB2312) becomes `*`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.deidentify.plan import RedactionPlan
from reviewer.core.documents.model import Document
from reviewer.core.errors import CorruptDocument

_BOMS = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff",
         "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}


@dataclass(frozen=True, slots=True)
class TxtWriteReport:
    encoding: str
    replaced: int
    substituted_chars: int  # replacement characters the encoding could not represent


def write_txt(document: Document, plan: RedactionPlan, output: str | Path) -> TxtWriteReport:
    source = Path(document.path)
    data = source.read_bytes()
    encoding = document.encoding or "utf-8"
    bom = _BOMS.get(encoding, b"") if getattr(document, "bom", False) and data.startswith(
        _BOMS.get(encoding, b"\x00\x00\x00\x00\x00")) else b""
    try:
        text = data[len(bom):].decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise CorruptDocument(f"无法按 {encoding} 重新读取 {source.name}，文件可能在审查期间被修改。请重新打开文件。",
                              f"Cannot re-read {source.name} as {encoding}; it may have changed during the review. "
                              "Open it again.", path=str(source)) from exc
    count = 0
    substituted = 0
    pattern = plan.flexible_pattern()
    if pattern is not None:
        def repl(m: object) -> str:
            nonlocal count, substituted
            count += 1
            new = plan.replacement_for(m.group())  # type: ignore[attr-defined]
            out = []
            for ch in new:
                try:
                    ch.encode(encoding)
                    out.append(ch)
                except UnicodeEncodeError:
                    out.append("*")
                    substituted += 1
            return "".join(out)

        text = pattern.sub(repl, text)
    Path(output).write_bytes(bom + text.encode(encoding))
    return TxtWriteReport(encoding=encoding, replaced=count, substituted_chars=substituted)


def write_copy(document: Document, plan: RedactionPlan, output: Path, *, options=None,  # noqa: ANN001
               progress: Callable[[int, int], None] | None = None) -> tuple[str, ...]:
    """The writers' common entry point (`reviewer.core.deidentify.writers.write_copy`)."""
    r = write_txt(document, plan, output)
    notes = [f"{r.replaced} replacements ({r.encoding})"]
    if r.substituted_chars:
        notes.append(f"{r.substituted_chars} replacement characters not in {r.encoding} written as *")
    return tuple(notes)

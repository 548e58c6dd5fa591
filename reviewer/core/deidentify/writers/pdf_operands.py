"""Content streams parsed by qpdf (pikepdf) and fed to pdfminer's interpreter as pdfminer's own operands.

pdfminer's content-stream parser is pure Python and was a third of mapping a page's glyphs; qpdf
parses the same bytes in C++ in a fiftieth of the time. The instructions are the ones the writer
rewrites (`rewrite_stream` parses the page with pikepdf too), so the interpreted and the rewritten
operator sequences come from one parser. pdfminer keeps the text state, fonts and widths.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

import pikepdf
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import LIT

from reviewer.core.documents.pdf.strings import name_bytes

_scratch: pikepdf.Pdf | None = None


class Unparsable(Exception):
    """qpdf cannot parse the stream: the caller falls back to pdfminer's own parser."""


def instructions(streams: list[object]) -> Iterator[tuple[str, list[object]]]:
    """(operator, pdfminer operands) of the concatenated content `streams` (pdfminer stream objects);
    an inline image is ("EI", [a PDFStream with its dictionary]). Unparsable when qpdf refuses them."""
    global _scratch
    data = b"\n".join(stream_value(s).get_data() for s in streams)
    if _scratch is None:
        _scratch = pikepdf.new()
    try:
        parsed = pikepdf.parse_content_stream(pikepdf.Stream(_scratch, data))
    except (pikepdf.PdfError, ValueError, RuntimeError) as exc:
        raise Unparsable(str(exc)) from None
    for inst in parsed:
        if isinstance(inst, pikepdf.ContentStreamInlineImage):
            image = inst.iimage
            attrs = {key.lstrip("/"): _operand(value) for key, value in image.obj.items()}
            yield "EI", [PDFStream(attrs, b"")]
            continue
        yield str(inst.operator), [_operand(o) for o in inst.operands]


def _operand(value: object) -> object:
    kind = type(value)
    if kind is int or kind is float or kind is bool:
        return value
    if kind is Decimal:
        return float(value)
    if isinstance(value, pikepdf.String):
        return bytes(value)
    if isinstance(value, pikepdf.Name):
        raw = name_bytes(value)
        try:
            return LIT(raw.decode("utf-8"))
        except UnicodeDecodeError:
            return LIT(raw)  # pdfminer keeps such a name as bytes too
    if isinstance(value, pikepdf.Array):
        return [_operand(v) for v in value]
    if isinstance(value, pikepdf.Dictionary):
        return {key.lstrip("/"): _operand(v) for key, v in value.items()}
    if value is None:
        return None
    return value


def method_name(operator: str) -> str:
    return "do_" + operator.replace("*", "_a").replace('"', "_w").replace("'", "_q")


def run(instructions_: Iterator[tuple[str, list[object]]], lookup: Callable[[str], Callable | None]) -> None:
    """Call the interpreter's `do_` method of each operator with its last operands, as pdfminer's own
    `execute` does (an operator with too few operands is skipped, unknown operators are ignored)."""
    for operator, operands in instructions_:
        method = lookup(method_name(operator))
        if method is None:
            continue
        count = method.__code__.co_argcount - 1
        if count == 0:
            method()
        elif len(operands) >= count:
            method(*operands[len(operands) - count:])

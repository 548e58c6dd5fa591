"""A faster tokenizer for pdfminer's content-stream parser, with pdfminer's exact results.

The writer maps and edits every page's content stream with pdfminer and the verifier reads every page
of the written file with it again; pdfminer's tokenizer is a character-level state machine that makes a
dozen Python calls per token, most of the time spent on a long PDF. `FastContentParser` reads the common
tokens (operators, numbers, names, hex and plain literal strings, arrays and dictionary brackets) with
one regular expression each, producing the very objects pdfminer would (same interned keywords and
names, same positions), and hands every other case back to pdfminer's own state machine: a comment, a
name with a # escape, a string with a backslash or nested parentheses, a token that may continue past
the buffer, a NUL byte, anything odd. `tests/core/test_pdf_tokens.py` compares both token streams on
every PDF the tests use and on mutated streams.
"""

from __future__ import annotations

import re

from pdfminer import pdfinterp
from pdfminer.psparser import (
    ESC_STRING,
    KEYWORD_DICT_BEGIN,
    KEYWORD_DICT_END,
    KWD,
    LIT,
    SPC,
    PSBaseParserToken,
)

_DELIM = rb"/%\[\]()<>{}\s"
_FAST = re.compile(
    rb"[ \t\n\r\f\v]*(?:"
    rb"(?P<kw>[A-Za-z][^#" + _DELIM + rb"]*)(?=[#" + _DELIM + rb"])"
    rb"|(?P<int>[-+]?\d+)(?=[^\d.])"
    rb"|(?P<float>[-+]?(?:\d+\.\d*|\.\d+))(?=[^\d.])"
    rb"|/(?P<lit>[^#" + _DELIM + rb"]*)(?=[" + _DELIM + rb"])"
    rb"|<(?P<hex>[0-9a-fA-F \t\n\r\f\v]*)>(?=[^>])"
    rb"|\((?P<str>(?:[^()\\]|\\[\s\S])*)\)"
    rb"|(?P<dict><<|>>)"
    rb"|(?P<one>[\[\]{}'\"])"
    rb")"
)
_OPENED = {"lit": 1, "hex": 1, "str": 1}  # the token starts at its opening character


_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|\r\n|([\s\S]))")
_ESCAPED = {k: bytes((v,)) for k, v in ESC_STRING.items()}


def _unescape(raw: bytes) -> bytes | None:
    """A literal string's escapes as pdfminer reads them: octal codes, the named escapes, a backslash
    before a line end drops both, and (pdfminer's own reading) an unknown escape drops the character.
    None for an octal code over 255, which pdfminer refuses: the slow path raises its error."""
    if b"\\" not in raw:
        return raw
    over = []

    def one(m: re.Match[bytes]) -> bytes:
        if m.group(1) is not None:
            code = int(m.group(1), 8)
            if code > 255:
                over.append(code)
                return b""
            return bytes((code,))
        return b"" if m.group(2) is None else _ESCAPED.get(m.group(2), b"")

    out = _ESCAPE.sub(one, raw)
    return None if over else out


def _hex(group: bytes) -> bytes:
    """pdfminer's reading of a hex string (white space dropped, pairs of digits, a last lone digit is
    a byte of its own value) by bytes.fromhex: the group holds only hex digits and white space."""
    digits = SPC.sub(b"", group)
    if len(digits) % 2:
        return bytes.fromhex(digits[:-1].decode()) + bytes((int(digits[-1:], 16),))
    return bytes.fromhex(digits.decode())


class FastContentParser(pdfinterp.PDFContentParser):
    """pdfminer's content parser; `nexttoken` takes the regular-expression path when it can."""

    BUFSIZ = 1 << 16  # fewer tokens cut by a buffer's end (those go the slow way)

    def nexttoken(self) -> tuple[int, PSBaseParserToken]:
        if self._tokens or self.eof or self._parse1.__func__ is not _PARSE_MAIN:
            return super().nexttoken()
        buf, i = self.buf, self.charpos
        m = _FAST.match(buf, i) if i < len(buf) else None
        if m is None or m.lastgroup is None:
            return super().nexttoken()
        kind = m.lastgroup
        text = m.group(kind)
        if kind == "str":
            text = _unescape(text)
            if text is None:
                return super().nexttoken()
        self.charpos = m.end()
        pos = self.bufpos + m.start(kind) - _OPENED.get(kind, 0)
        if kind == "kw":
            token: PSBaseParserToken = True if text == b"true" else False if text == b"false" else KWD(text)
        elif kind == "int":
            token = int(text)
        elif kind == "float":
            token = float(text)
        elif kind == "lit":
            try:
                token = LIT(str(text, "utf-8"))
            except UnicodeDecodeError:
                token = LIT(text)
        elif kind == "hex":
            token = _hex(text)
        elif kind == "str":
            token = text
        elif kind == "dict":
            token = KEYWORD_DICT_BEGIN if text == b"<<" else KEYWORD_DICT_END
        else:
            token = KWD(text)
        return pos, token


_PARSE_MAIN = pdfinterp.PDFContentParser._parse_main
_ORIGINAL = pdfinterp.PDFContentParser


def install() -> None:
    """Make pdfminer's page interpreter (ours and pdfplumber's) parse content streams with the fast
    tokenizer. pdfminer looks the class up by name in `pdfminer.pdfinterp` when it executes a page."""
    pdfinterp.PDFContentParser = FastContentParser


def original() -> type:
    """pdfminer's own parser class (for the tests that compare both)."""
    return _ORIGINAL

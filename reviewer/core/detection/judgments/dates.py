"""Dates as Chinese official documents write them, and the two a document states about itself.

Forms read: 2018年6月6日, 二〇一八年六月六日, 2018年6月底/末, 2018年底, 6月30日 and 9月底 (the year from the
document's own date, or 今年/明年), 年底 (this year), 2018-06-30 / 2018.6.30 / 2018/6/30. A month without a
day counts as the month's last day (the latest reading: a deadline is called past only when it surely is).

成文日期 (GB/T 9704-2012 7.3.5.1): the date line under the issuer's signature, the first line that holds only
a full date and follows a short signature line. 发文字号: the first 机关代字〔年份〕序号 that stands on its own
line in the document's first lines.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from reviewer.core.detection.normalize import normalize
from reviewer.core.documents.model import BlockKind, Document

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_YEAR = r"(?:\d{4}|[〇零○OＯ一二三四五六七八九]{4})"
DATE = re.compile(
    rf"(?P<full>(?P<y>{_YEAR})\s*年\s*(?:(?P<m>{_NUM})\s*月\s*(?:(?P<d>{_NUM})\s*[日号]|(?P<me>底|末))?"
    rf"|(?P<ye>底|末)))"
    rf"|(?P<iso>(?<!\d)(?P<iy>\d{{4}})[-./](?P<im>\d{{1,2}})[-./](?P<id>\d{{1,2}})(?!\d))"
    rf"|(?P<short>(?P<rel>今年|明年|本年|当年)?\s*(?P<sm>{_NUM})\s*月\s*(?:(?P<sd>{_NUM})\s*[日号]|(?P<sme>底|末)))"
    rf"|(?P<yearend>(?P<rel2>今年|明年|本年|当年)?(?:年底|年末))"
)
DATE_ONLY_LINE = re.compile(rf"\s*(?:{_YEAR}\s*年\s*{_NUM}\s*月\s*{_NUM}\s*日)\s*")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,14}\s{0,3}[〔\[［【(（](?P<year>\d{4})[〕\]］】)）]\s{0,2}\d{1,5}\s{0,2}号")
SENTENCE_MARKS = "。！？；，："
_SIGNER = re.compile(r"签发人\s*[:：]?\s*[\u4e00-\u9fff、\s]{2,20}")  # 上行文: 签发人 beside the number


def cn_number(text: str) -> int:
    """12, 十二, 二十, 三十一 → int."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def cn_year(text: str) -> int:
    return int(text) if text.isdigit() else int("".join(str(_CN_DIGITS[c]) for c in text))


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, slots=True)
class FoundDate:
    start: int  # offsets within the text searched
    end: int
    value: date
    exact: bool  # a day was written (not 月底 / 年底 / a month alone)
    year_written: bool


# Every character a date can be written with: the date pattern runs only inside runs of them that hold 年, 月
# or a separator (its optional leading parts would otherwise be tried at every 一 of a document).
_DATE_RUN = re.compile(r"[0-9〇零○OＯ一二三四五六七八九十今明本当年月日号底末\s\-./]*[年月\-./][0-9〇零○OＯ一二三四五六七八九十"
                       r"今明本当年月日号底末\s\-./]*")


def find_dates(text: str, *, base_year: int | None) -> list[FoundDate]:
    """Every date in `text` (already normalised: ASCII digits). `base_year` completes dates written without
    a year (6月30日, 年底); without it such dates are skipped."""
    out = []
    for run in _DATE_RUN.finditer(text):
        for m in DATE.finditer(text, run.start(), run.end()):
            try:
                found = _parse(m, base_year)
            except (ValueError, KeyError):
                continue  # 2月30日, 13月: not a date
            if found is not None:
                out.append(FoundDate(m.start(), m.end(), found[0], found[1], found[2]))
    return out


def _parse(m: re.Match[str], base_year: int | None) -> tuple[date, bool, bool] | None:
    if m.group("full"):
        year = cn_year(m.group("y"))
        if m.group("ye"):
            return date(year, 12, 31), False, True
        if m.group("m") is None:
            return None  # "2018年" alone is a year, not a date
        month = cn_number(m.group("m"))
        if m.group("d"):
            return date(year, month, cn_number(m.group("d"))), True, True
        return _last_day(year, month), False, True
    if m.group("iso"):
        return date(int(m.group("iy")), int(m.group("im")), int(m.group("id"))), True, True
    rel = m.group("rel") or m.group("rel2")
    if base_year is None:
        return None
    year = base_year + (1 if rel == "明年" else 0)
    if m.group("short"):
        month = cn_number(m.group("sm"))
        if m.group("sd"):
            return date(year, month, cn_number(m.group("sd"))), True, False
        return _last_day(year, month), False, False
    return date(year, 12, 31), False, False


@dataclass(frozen=True, slots=True)
class Anchor:
    """A fact the document states about itself, with where it is (document offsets)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SignedDate(Anchor):
    value: date


@dataclass(frozen=True, slots=True)
class DocNumber(Anchor):
    year: int
    year_start: int  # offsets of the four digits of the year
    year_end: int


BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.PAGE, BlockKind.LINE})


def body_lines(document: Document) -> Iterator[tuple[int, str]]:
    """The body's non-empty lines with their document offsets (a PDF page's text holds many lines;
    headers, footers, tables, properties and comments are not the body), lazily."""
    for block in document.blocks:
        if block.kind not in BODY_KINDS:
            continue
        offset = 0
        for line in block.text.split("\n"):
            if line.strip():
                yield block.start + offset, line
            offset += len(line) + 1


def _placed(start: int, line: str, span: tuple[int, int]) -> tuple[int, int, str]:
    norm = normalize(line)
    s, e = norm.span_to_original(*span)
    return start + s, start + e, line[s:e]


def signing_date(document: Document) -> SignedDate | None:
    """The 成文日期: a line holding only a full date, right after a short line with no sentence mark (the
    issuer's signature), first such pair in the document. Not a 印发 date (版记) nor a date inside a sentence."""
    lines = body_lines(document)
    previous = next(lines, (0, ""))[1]
    for start, line in lines:
        previous, before = line, previous
        if "年" not in line:
            continue
        text = normalize(line).text
        if not DATE_ONLY_LINE.fullmatch(text):
            continue
        signature = before.strip()
        if len(signature) > 40 or any(mark in signature for mark in SENTENCE_MARKS) or "印发" in signature:
            continue
        found = find_dates(text, base_year=None)
        if len(found) != 1:
            continue
        s, e, shown = _placed(start, line, (found[0].start, found[0].end))
        return SignedDate(s, e, shown, found[0].value)
    return None


def document_number(document: Document, *, head_lines: int = 12) -> DocNumber | None:
    """The document's own 发文字号: alone on its line (or with 签发人 beside it) among the first lines."""
    for start, line in itertools.islice(body_lines(document), head_lines):
        text = normalize(line).text
        m = DOC_NUMBER.search(text)
        if m is None or "《" in text or any(mark in text for mark in "。；"):
            continue
        rest = (text[:m.start()] + " " + text[m.end():]).strip()
        if rest and not _SIGNER.fullmatch(rest):
            continue
        s, e, shown = _placed(start, line, m.span())
        ys, ye, _ = _placed(start, line, m.span("year"))
        return DocNumber(s, e, shown, int(m.group("year")), ys, ye)
    return None

"""Normalise text before pattern matching, keeping a map back to the original offsets.

Documents mix full-width forms (１３９…, ＡＢＣ, ＠, －) with ASCII and sometimes carry invisible
characters inside numbers (zero-width spaces and soft hyphens pasted from web pages or Word). Patterns
are written for ASCII only, so the text is normalised first: full-width digits, letters and the few
symbols identifiers use become ASCII (one character for one character, so offsets stay put) and
invisible characters are removed (which shifts offsets; `to_original` maps them back).
Chinese punctuation (，。：（）) is left alone: the NER model and the context words rely on it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_TRANSLATE: dict[int, str] = {}
for _fw, _ascii in ((0xFF10, "0123456789"), (0xFF21, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
                    (0xFF41, "abcdefghijklmnopqrstuvwxyz")):
    for _i, _ch in enumerate(_ascii):
        _TRANSLATE[_fw + _i] = _ch
_TRANSLATE.update({
    0xFF20: "@", 0xFF0E: ".", 0xFF0D: "-", 0xFF0B: "+", 0xFF3F: "_", 0xFF0A: "*",
    0x3000: " ", 0x00A0: " ", 0x2009: " ", 0x202F: " ",  # ideographic / no-break / thin spaces
    0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-",  # dashes
    0xFE58: "-", 0xFE63: "-",  # small em dash / hyphen-minus: 023—65432100 is typed with them
    0x2022: "·", 0x30FB: "·", 0xFF65: "·", 0x2027: "·",  # middle-dot variants in licence plates
})
_TABLE = str.maketrans(_TRANSLATE)
# str.translate walks every character in Python-level table look-ups (~10 MB/s); most chunks have
# nothing to translate, which one `re` scan (~1 GB/s) tells.
_TRANSLATABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TRANSLATE)) + "]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """`text` is what the patterns see; `_cuts` lists normalised offsets where characters were removed."""

    text: str
    _cuts: tuple[int, ...] = ()  # normalised offset of each removed character, ascending (may repeat)

    @property
    def removed(self) -> bool:
        """Whether characters were removed (offsets differ from the original's)."""
        return bool(self._cuts)

    def to_original(self, offset: int) -> int:
        """Map a normalised offset to the original text (identity when nothing was removed)."""
        if not self._cuts:
            return offset
        return offset + bisect.bisect_right(self._cuts, offset)

    def spans_a_cut(self, start: int, end: int) -> bool:
        """Whether a removed character lay strictly inside [start, end)."""
        i = bisect.bisect_right(self._cuts, start)
        return i < len(self._cuts) and self._cuts[i] < end

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span; removed characters inside the span stay inside it."""
        if not self._cuts:
            return start, end
        return start + bisect.bisect_right(self._cuts, start), end + bisect.bisect_left(self._cuts, end)


def normalize(text: str) -> NormalizedText:
    translated = text.translate(_TABLE) if _TRANSLATABLE.search(text) else text
    if _INVISIBLE.search(translated) is None:
        return NormalizedText(translated)
    cuts: list[int] = []
    pieces: list[str] = []
    last = 0
    removed = 0
    for m in _INVISIBLE.finditer(translated):
        pieces.append(translated[last:m.start()])
        cuts.append(m.start() - removed)
        removed += 1
        last = m.end()
    pieces.append(translated[last:])
    return NormalizedText("".join(pieces), tuple(cuts))


# A line break inside an identifier: PDF page text breaks lines wherever the page does, so an ID or a
# phone number at the end of a line continues on the next one (50010619870\n3154515).
_WRAP = re.compile(r"(?<=[0-9A-Za-z@._-])\n(?=[0-9A-Za-z@._-])")


def unwrap_lines(text: str) -> NormalizedText | None:
    """`text` without the line breaks that sit between identifier characters, or None if there are none.

    Used for a second pass whose results count only where they span a removed break: joining every
    such break would also glue table rows together (…13896001234\n2 李四)."""
    cuts = [m.start() - i for i, m in enumerate(_WRAP.finditer(text))]
    if not cuts:
        return None
    return NormalizedText(_WRAP.sub("", text), tuple(cuts))


# A two-character name padded to the width of three (王　琴, 李 刚: Word tables, rosters, award lists): one
# space between a surname and one character, with no Han character on either side.
_PADDED = re.compile("(?<![\u3400-\u9fff])([\u3400-\u9fff])[ \u3000]([\u3400-\u9fff])(?![\u3400-\u9fff])")


# the same after a role word or a title, whatever follows (局长何　平介绍, 从业人员刘　芳未取得, 兽医王　斌、)
_PADDED_AFTER_TITLE = re.compile("(?=([\u3400-\u9fff])[ \u3000]([\u3400-\u9fff])(?![ \u3000][\u3400-\u9fff]))")
# every candidate, overlapping ones included (科　雷　鸣: 科　雷 is tried and left, 雷　鸣 taken)
_PADDED_ANY = re.compile("(?<![\u3400-\u9fff])(?=([\u3400-\u9fff])[ \u3000]([\u3400-\u9fff])(?![\u3400-\u9fff]))")


def _padded_pairs(text: str) -> list[tuple[int, str, str]]:
    """(start, first, second) of the padded two-character names of `text` that `unpad` joins, in order and
    without overlaps."""
    if " " not in text and "\u3000" not in text:
        return []
    from reviewer.core.detection.ner.rules import after_title
    from reviewer.core.detection.ner.surnames import SINGLE_SURNAMES

    found = []
    for m in _PADDED_ANY.finditer(text):
        # a surname, or any character right after a colon (复核：杞 锐)
        if m.group(1) in SINGLE_SURNAMES or text[m.start() - 1:m.start()] in ("：", ":"):
            found.append((m.start(), m.group(1), m.group(2)))
    for m in _PADDED_AFTER_TITLE.finditer(text):
        if m.group(1) in SINGLE_SURNAMES and after_title(text, m.start()):
            found.append((m.start(), m.group(1), m.group(2)))
    out: list[tuple[int, str, str]] = []
    for pair in sorted(set(found)):
        if not out or out[-1][0] + 3 <= pair[0]:
            out.append(pair)
    return out


def padded_names(text: str) -> list[tuple[int, int]]:
    """Spans of the padded two-character names (王　琴) that are names by their padding alone: a space inside
    two characters is how a name is set to the width of three, nothing else in Chinese text is padded so.
    Left out: form labels (姓　名, 备　注, 日　期：), a character spaced out in a title (通　知 alone on its line,
    决　定　书), and an ordinary word that stands alone on its line."""
    from reviewer.core.detection.ner.rules import NOT_NAMES, common_words

    out = []
    for start, first, second in _padded_pairs(text):
        end = start + 3
        compact = first + second
        if compact in NOT_NAMES or compact in _LABELS or text[end:end + 1] in ("：", ":") \
                or text[start - 1:start] in ("：", ":") and first not in _surnames():
            continue
        spaced_before = start >= 2 and text[start - 1] in " \u3000" and _HAN.match(text[start - 2]) \
            and (start < 3 or not _HAN.match(text[start - 3]))
        spaced_after = text[end:end + 1] in (" ", "\u3000") and _HAN.match(text[end + 1:end + 2] or "x") \
            and not _HAN.match(text[end + 2:end + 3] or "x")
        if spaced_before and spaced_after:
            continue  # 决　定　书: every character spaced out
        if compact in common_words():
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line = text[line_start:start] + text[end:len(text) if line_end < 0 else line_end]
            if not _HAN.search(line):
                continue  # 通　报 alone on its line: a spaced-out title
        out.append((start, end))
    return out


_HAN = re.compile("[\u3400-\u9fff]")
# labels of forms and headings that are padded to the width of a name column
_LABELS = frozenset({"单位", "金额", "附件", "日期", "地址", "备注", "姓名", "性别", "民族", "职务", "电话", "主送", "抄送",
                     "签发", "事由", "时间", "地点", "说明", "年龄", "序号", "合计", "总计", "籍贯", "学历", "职称", "住址",
                     "编号", "文号", "标题", "主题", "内容", "意见", "结论", "其他", "通知", "通报", "公告", "批复"})


def _surnames() -> frozenset[str]:
    from reviewer.core.detection.ner.surnames import SINGLE_SURNAMES

    return SINGLE_SURNAMES


def unpad(text: str) -> NormalizedText:
    """`text` with the padding inside two-character names removed (offsets map back, the span keeps the
    space), so the NER model and the role rules read 王琴 as they would unpadded."""
    cuts: list[int] = []
    pieces: list[str] = []
    last = 0
    for start, _, _ in _padded_pairs(text):
        space = start + 1
        pieces.append(text[last:space])
        cuts.append(space - len(cuts))
        last = space + 1
    if not cuts:
        return NormalizedText(text)
    pieces.append(text[last:])
    return NormalizedText("".join(pieces), tuple(cuts))

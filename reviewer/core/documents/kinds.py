"""What kind of document this is (公文种类 / 公开类别), its title and its 文号, read from its own text.

The kind decides which policy profile a reviewer starts from (a penalty decision publishes the punished party,
an appointment notice the appointee's published fields), so it is recognised the way a clerk would: the title
first (the line naming the document: …行政处罚决定书, …任前公示), then the 文号's issuer code (渝北市监处罚〔2024〕47号),
then words of the body. Each guess says why (`evidence`); the reviewer can change it. The catalogue is
`resources/document_kinds.yaml` (strict: unknown keys and duplicate codes are errors).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.documents.model import BlockKind, Document
from reviewer.core.errors import ConfigurationError, ReviewerError
from reviewer.core.resources import resource
from reviewer.core.yaml_resource import load_yaml_resource

DEFAULT_KINDS_PATH = resource("document_kinds.yaml")
OTHER = "other"  # no kind recognised: the general profile
TOP_LINES = 14  # the title and 文号 stand in the first lines of the body (版头, 发文字号, 标题)
ROLES = ("party", "legal_representative", "agent", "witness", "official", "contact", "applicant", "subject",
         "journalist", "expert", "family", "third_party")

# A 文号 (发文字号, GB/T 9704: 机关代字〔年份〕序号号), also with 第 before the number; or a case number (案号)
# written （2024）赣0102执812号. The issuer is the run of Chinese characters before the bracketed year.
DOC_NUMBER = re.compile(r"(?P<issuer>[\u4e00-\u9fff]{1,14})\s{0,2}[〔\[［【]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］】]"
                        r"\s*第?\s*(?P<number>\d{1,6})\s*号")
_PAGE_MARK = re.compile(r"^[\s—\-－–]*(?:第\s*)?\d+\s*(?:页|/\s*\d+\s*页?)?[\s—\-－–]*$")
_TITLE_END = re.compile(r"(公示|公告|决定|决定书|答复书|答复|告知书|通知|请示|报告|纪要|公报|名单|花名册|意见书|认定书|"
                        r"复函|函|回复|专报|简报|清单|通报|方案|意见|办法|规定)(（[^）]{0,30}）)?$")
_TRAILING_NOTE = re.compile(r"[（(][^（）()]{0,30}[）)]$")
_ISSUER_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{4,30}(局|政府|委员会|委|办公室|办|厅|部|院|中心|支队|大队|街道|"
                          r"办事处|镇|乡|所|站|组|领导小组|文件)$")


@dataclass(frozen=True, slots=True)
class Kind:
    code: str
    zh: str
    en: str
    profile: str
    titles: tuple[re.Pattern[str], ...]
    numbers: tuple[re.Pattern[str], ...] = ()
    cues: tuple[re.Pattern[str], ...] = ()
    roster_role: str | None = None
    audience_zh: str = ""
    audience_en: str = ""
    unowned: str = "person"  # whose a contact detail is when nothing in the text says (procurement: institutions')


@dataclass(frozen=True, slots=True)
class KindCatalog:
    kinds: tuple[Kind, ...]
    source: str

    def get(self, code: str) -> Kind:
        for kind in self.kinds:
            if kind.code == code:
                return kind
        if code == OTHER:
            return OTHER_KIND
        raise UnknownKind(f"未知的文种“{code}”。可选：{'、'.join(k.code for k in self.kinds)}。",
                          f"Unknown document kind '{code}'. Choose one of: {', '.join(k.code for k in self.kinds)}.")

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(k.code for k in self.kinds) + (OTHER,)


OTHER_KIND = Kind(OTHER, "其他", "Other", "general", ())


class UnknownKind(ReviewerError):
    code = "unknown_kind"


@dataclass(frozen=True, slots=True)
class KindGuess:
    """The recognised kind with its evidence, the title and the 文号 read from the text."""

    kind: Kind
    evidence: str  # why, in Chinese: 标题“…行政处罚决定书”
    title: str = ""
    doc_number: str = ""
    score: int = 0

    @property
    def code(self) -> str:
        return self.kind.code

    @property
    def profile(self) -> str:
        return self.kind.profile


def _fail(source: str, where: str, zh: str, en: str) -> ConfigurationError:
    return ConfigurationError(f"文种目录 {source} 的 {where} 有误：{zh}。请改正后重新打开。",
                              f"Document-kind catalog {source}, {where}: {en}. Fix it and reopen.", path=source)


_KEYS = {"code", "zh", "en", "profile", "titles"}
_OPTIONAL = {"numbers", "cues", "roster_role", "audience_zh", "audience_en", "unowned"}


def _patterns(source: str, where: str, value: Any) -> tuple[re.Pattern[str], ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(source, where, "应为非空文字的列表", "expected a list of non-empty strings")
    try:
        return tuple(re.compile(v) for v in value)
    except re.error as exc:
        raise _fail(source, where, f"正则表达式无效（{exc}）", f"invalid regular expression ({exc})") from None


def parse_catalog(data: Any, source: str) -> KindCatalog:
    if not isinstance(data, dict) or set(data) != {"version", "kinds"}:
        raise _fail(source, "顶层/top level", "应只含 version 和 kinds", "expected exactly 'version' and 'kinds'")
    if data["version"] != 1:
        raise _fail(source, "version", "只支持版本 1", "only version 1 is supported")
    if not isinstance(data["kinds"], list) or not data["kinds"]:
        raise _fail(source, "kinds", "应为非空列表", "expected a non-empty list")
    kinds, seen = [], set()
    for i, raw in enumerate(data["kinds"]):
        where = f"kinds[{i}]"
        if not isinstance(raw, dict):
            raise _fail(source, where, "应为键值映射", "expected a mapping")
        unknown = sorted(set(raw) - _KEYS - _OPTIONAL)
        missing = sorted(_KEYS - set(raw))
        if unknown or missing:
            raise _fail(source, where, f"未知的键 {unknown}，缺少的键 {missing}", f"unknown keys {unknown}, missing {missing}")
        for key in ("code", "zh", "en", "profile", "roster_role", "audience_zh", "audience_en"):
            if key in raw and (not isinstance(raw[key], str) or not raw[key].strip()):
                raise _fail(source, f"{where}.{key}", "应为非空文字", "expected non-empty text")
        if raw["code"] in seen or raw["code"] == OTHER:
            raise _fail(source, f"{where}.code", f"代码“{raw['code']}”重复或保留",
                        f"duplicate or reserved code {raw['code']!r}")
        seen.add(raw["code"])
        if raw.get("unowned", "person") not in ("person", "institution"):
            raise _fail(source, f"{where}.unowned", "应为 person 或 institution", "expected person or institution")
        if raw.get("roster_role") is not None and raw["roster_role"] not in ROLES:
            raise _fail(source, f"{where}.roster_role", f"未知的角色“{raw['roster_role']}”",
                        f"unknown role {raw['roster_role']!r}")
        titles = _patterns(source, f"{where}.titles", raw["titles"]) if raw["titles"] else ()
        kinds.append(Kind(raw["code"], raw["zh"], raw["en"], raw["profile"], titles,
                          _patterns(source, f"{where}.numbers", raw.get("numbers", [])) if raw.get("numbers") else (),
                          _patterns(source, f"{where}.cues", raw.get("cues", [])) if raw.get("cues") else (),
                          raw.get("roster_role"), raw.get("audience_zh", ""), raw.get("audience_en", ""),
                          raw.get("unowned", "person")))
    return KindCatalog(tuple(kinds), source)


def load_kinds(path: str | Path | None = None) -> KindCatalog:
    """The kind catalogue (the shipped one by default); cached per path and mtime."""
    return load_yaml_resource(Path(path) if path is not None else DEFAULT_KINDS_PATH, parse_catalog,
                              what_zh="文种目录", what_en="Document-kind catalog")


# ------------------------------------------------------------------------------------------ reading the text

def body_lines(document: Document) -> list[str]:
    """The body's non-empty lines in reading order (no properties, headers, footers or page marks)."""
    skip = {BlockKind.PROPERTY, BlockKind.HEADER, BlockKind.FOOTER, BlockKind.COMMENT, BlockKind.HYPERLINK,
            BlockKind.ATTACHMENT, BlockKind.OUTLINE, BlockKind.ALT_TEXT}
    return _lines(b.text for b in document.blocks if b.kind not in skip)


def _lines(texts: Iterable[str]) -> list[str]:
    out = []
    for text in texts:
        for line in text.splitlines():
            line = line.strip(" \t\u3000\u00a0")
            if line and not _PAGE_MARK.match(line):
                out.append(line)
    return out


def title_property(document: Document) -> str:
    for b in document.blocks:
        if b.kind == BlockKind.PROPERTY and b.path.lower().lstrip("/") in ("title", "dc:title") and b.text.strip():
            return b.text.strip()
    return ""


def recognize_document(document: Document, catalog: KindCatalog | None = None) -> KindGuess:
    """The kind, title and 文号 of a loaded document."""
    return recognize(body_lines(document), title_property=title_property(document), catalog=catalog)


def recognize_text(text: str, catalog: KindCatalog | None = None) -> KindGuess:
    """The same from a stored detection text (blocks joined by newlines; properties may be in it too)."""
    return recognize(_lines([text]), catalog=catalog)


def recognize(lines: Sequence[str], *, title_property: str = "", catalog: KindCatalog | None = None) -> KindGuess:
    catalog = catalog or load_kinds()
    top = list(lines[:TOP_LINES])
    # a title wrapped over two lines (a PDF's long title): each line joined with the next is a candidate too
    candidates = [(i, line, False) for i, line in enumerate(top)]
    candidates += [(i, top[i] + top[i + 1], True) for i in range(len(top) - 1) if not _TITLE_END.search(top[i])]
    number = _doc_number(top, title_property)
    body = "\n".join(lines)
    hit = _title_hit(catalog, candidates, title_property)
    if hit is not None:
        kind, title, where = hit
        return KindGuess(kind, f"{where}“{_short(title)}”", _full_title(title, top), number, 10)
    best: tuple[int, Kind, str] | None = None
    issuer = DOC_NUMBER.search(number).group("issuer") if number and DOC_NUMBER.search(number) else ""
    for kind in catalog.kinds:
        score, why = 0, []
        if issuer and any(p.search(issuer) for p in kind.numbers):
            score += 4
            why.append(f"文号“{number}”")
        cues = [p.pattern for p in kind.cues if p.search(body)]
        if cues:
            score += min(3, len(cues))
            why.append("正文含“" + "”“".join(c.replace("\\", "") for c in cues[:3]) + "”")
        if score >= 3 and (best is None or score > best[0]):
            best = (score, kind, "，".join(why))
    title = _generic_title(top, title_property)
    if best is None:
        return KindGuess(OTHER_KIND, "未识别出文种：按通用策略处理", title, number, 0)
    return KindGuess(best[1], best[2], title, number, best[0])


def _title_hit(catalog: KindCatalog, candidates, title_property: str) -> tuple[Kind, str, str] | None:
    """The kind named by the title: a line that ends like a title (…公示, …决定书) beats one that does not (a
    table row); a kind word at the end of the line (…的请示, ignoring a closing （…）) beats one inside it
    (关于申请医疗救助资金的请示 is a 请示); one line beats two joined (a title wrapped in a PDF); then the earlier
    line; then the catalogue's order. The title property is the last resort."""
    hits = []
    for order, kind in enumerate(catalog.kinds):
        for pattern in kind.titles:
            for i, line, joined in candidates:
                if len(line) > 80 or not _looks_like_title(line):
                    continue
                core = _TRAILING_NOTE.sub("", line)
                m = pattern.search(core) or pattern.search(line)
                if m is not None:
                    rank = (0 if _TITLE_END.search(line) else 1, 0 if m.end() >= len(core) else 1, joined, i, order)
                    hits.append((rank, kind, line, "标题"))
            if title_property and pattern.search(title_property):
                hits.append(((2, 0, False, TOP_LINES, order), kind, title_property, "文档属性中的标题"))
    if not hits:
        return None
    _, kind, line, where = min(hits, key=lambda h: h[0])
    return kind, line, where


def _looks_like_title(line: str) -> bool:
    """A title line names the document: it ends like a title (…公示, …决定书, …请示) or is short and has no
    sentence punctuation (a 文种 heading under the 版头)."""
    core = re.sub(r"（[^）]*）$", "", line)
    return bool(_TITLE_END.search(line)) or ("。" not in core and "，" not in core and len(core) <= 40)


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[:n] + "…"


def _full_title(line: str, top: Sequence[str]) -> str:
    """The title as the record names it: a title wrapped over two lines is joined (关于申请追加… / …的请示); a
    文种 heading under the 版头 gets the issuing body (重庆市某区市场监督管理局 / 行政处罚决定书)."""
    line = DOC_NUMBER.sub("", line).replace("（）", "").strip()
    if line not in top:
        return line
    i = top.index(line)
    previous = top[i - 1] if i > 0 else ""
    if previous.startswith("关于") and not line.startswith("关于") and not _TITLE_END.search(previous) \
            and len(previous + line) <= 80:
        return previous + line
    if _ISSUER_LINE.match(previous) and not previous.endswith("文件") and not line.startswith("关于") \
            and not re.match(r"^(中共|[\u4e00-\u9fff]{0,1}[省市区县镇乡])", line):
        return previous + line
    return line


def _generic_title(top: Sequence[str], title_property: str) -> str:
    for i, line in enumerate(top):
        if _TITLE_END.search(line) and len(line) <= 80 and "。" not in line:
            return _full_title(line, top)
        if i + 1 < len(top) and _TITLE_END.search(line + top[i + 1]) and len(line + top[i + 1]) <= 80 \
                and "。" not in line + top[i + 1]:
            return line + top[i + 1]
    return title_property


def _doc_number(top: Sequence[str], title_property: str) -> str:
    """The document's own 文号: on a line of its own (or after a label, beside 签发人) or in the title; a number
    cited in a sentence (根据《…办法》（通府规〔2023〕2号）) is another document's."""
    for line in [*top, title_property]:
        for m in DOC_NUMBER.finditer(line):
            before = line[:m.start()]
            if any(w in before for w in ("《", "根据", "依据", "按照", "依照")) or before.count("（") > before.count("）") \
                    and line is not title_property:
                continue
            return re.sub(r"\s+", "", m.group())
    return ""

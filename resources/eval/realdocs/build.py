"""Render the hand-written realdocs sources into real files and write keys.jsonl.

Run from the repository root with the project's interpreter:

    .venv/bin/python resources/eval/realdocs/build.py            # every source
    .venv/bin/python resources/eval/realdocs/build.py 07 12      # only these ids (keys.jsonl is still rewritten)

Each `src/NN-slug.rd` is one document: a front matter (`key: value` lines up to `---`), then the body, one
paragraph per line, with the gold annotations inline (see README.md for the markup). The builder strips the
markup, writes `files/NN-slug.{docx,pdf,txt}` (docx with python-docx, PDF with reportlab and a CJK TrueType
font, tables with Paragraph cells that wrap inside fixed column widths), reads every file back with the
product's reader (`load_document`) and locates each annotation in `document.text`: the occurrence of its text
(whitespace between characters allowed: wrapped cells break lines) whose surroundings best match the source.
A tie, an annotation that cannot be found, a wrong check digit or a missing role/owner stops the build.

Files are reproducible (fixed dates in the docx zip and properties, reportlab's invariant mode), so a rebuild
without source changes leaves git clean.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import json
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reviewer.eval.realdocs import (
    GROUP_OF,
    KEEP,
    context_score,
    occurrences,
    squeeze,
)

SRC = HERE / "src"
FILES = HERE / "files"
KEYS = HERE / "keys.jsonl"
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
FIXED_TIME = dt.datetime(2024, 6, 1, 9, 0, 0)

CODES = {
    "P": "PERSON", "A": "CN_ADDRESS", "O": "ORGANIZATION", "ID": "CN_ID_CARD", "MOB": "CN_MOBILE_PHONE",
    "TEL": "CN_LANDLINE_PHONE", "EM": "EMAIL_ADDRESS", "BANK": "CN_BANK_CARD", "USCC": "CN_USCC",
    "PLATE": "CN_LICENSE_PLATE", "PP": "CN_PASSPORT", "HKM": "CN_HK_MACAO_PERMIT", "QQ": "CN_QQ",
    "WX": "CN_WECHAT", "BIRTH": "CN_BIRTH_DATE", "SEN": "SENSITIVE_PERSONAL", "K": KEEP,
    "CM": "CLASSIFIED_MARKING", "COPY": "COPY_NUMBER", "SS": "STATE_SECRET_STATEMENT", "WS": "WORK_SECRET",
    "IU": "INTERNAL_USE", "PI": "PROCESS_INFORMATION", "URG": "URGENCY_MARKING", "DN": "DISCLOSURE_NOTE",
}
ALL_TYPES = set(CODES.values()) | set(GROUP_OF)
OWNED = {"CN_ADDRESS", "CN_MOBILE_PHONE", "CN_LANDLINE_PHONE", "EMAIL_ADDRESS", "CN_BANK_CARD", "CN_ID_CARD",
         "CN_LICENSE_PLATE", "CN_USCC", "CN_PASSPORT", "CN_HK_MACAO_PERMIT", "CN_QQ", "CN_WECHAT",
         "CN_BIRTH_DATE", "SENSITIVE_PERSONAL"}
FRONT_KEYS = {"kind", "title", "format", "profile", "split", "region", "author", "landscape", "notes"}
PROFILES = {"general", "punitive-notice", "mandatory-disclosure"}
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CTX = 24  # characters of source context kept on each side of an annotation


# ----------------------------------------------------------------------------------------------- markup

@dataclass
class Mark:
    types: tuple[str, ...]
    start: int  # in the plain text of its line
    end: int
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Line:
    """A paragraph-like unit: plain text, its annotations, and the directive that placed it."""

    style: str  # body, title, center, red, left, right, header, footer, cell
    text: str
    marks: list[Mark]


@dataclass
class Table:
    rows: list[list[Line]]
    widths: list[float]
    grid: bool = True
    valign: str = "TOP"
    font: float = 9.5


@dataclass
class Source:
    id: str
    slug: str
    path: Path
    meta: dict[str, str]
    items: list = field(default_factory=list)  # Line | Table | "pagebreak" | "gap"
    author: Line | None = None

    title_line: Line | None = None

    @property
    def lines(self) -> list[tuple[Line, str, int]]:
        """Every annotated unit with the text its context is taken from and its offset in that text.

        Body lines and table cells share one stream (the document read in order, cells of a row joined),
        so a short line such as a signature takes its context from the lines around it; headers, footers
        and document properties are their own context."""
        out: list[tuple[Line, str, int]] = []
        own = [x for x in (self.author, self.title_line) if x is not None]
        units: list[Line] = []
        for item in self.items:
            if isinstance(item, Line):
                if item.style in ("header", "footer"):
                    own.append(item)
                else:
                    units.append(item)
            elif isinstance(item, Table):
                for row in item.rows:
                    units.extend(row)
        stream = "".join(u.text for u in units)
        offset = 0
        for u in units:
            out.append((u, stream, offset))
            offset += len(u.text)
        out.extend((x, x.text, 0) for x in own)
        return out


def _split_top(s: str, sep: str) -> list[str]:
    parts, depth, cur = [], 0, []
    for c in s:
        if c == "〖":
            depth += 1
        elif c == "〗":
            depth -= 1
        if c == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    parts.append("".join(cur))
    return parts


def parse_inline(s: str, where: str) -> tuple[str, list[Mark]]:
    out: list[str] = []
    marks: list[Mark] = []
    pos = i = 0
    while i < len(s):
        c = s[i]
        if c == "〗":
            raise ValueError(f"{where}: unbalanced 〗 in {s!r}")
        if c != "〖":
            out.append(c)
            pos += 1
            i += 1
            continue
        depth, j = 0, i
        while j < len(s):
            if s[j] == "〖":
                depth += 1
            elif s[j] == "〗":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if j == len(s):
            raise ValueError(f"{where}: unbalanced 〖 in {s!r}")
        fields = _split_top(s[i + 1:j], "|")
        if len(fields) < 2:
            raise ValueError(f"{where}: annotation without text: {s[i:j + 1]!r}")
        types = tuple(CODES.get(t.strip(), t.strip()) for t in fields[0].split("+"))
        for t in types:
            if t not in ALL_TYPES:
                raise ValueError(f"{where}: unknown type {t!r}")
        inner, sub = parse_inline(fields[1], where)
        if "?" in inner:
            if sub or not set(types) & {"CN_ID_CARD", "CN_USCC", "CN_BANK_CARD"}:
                raise ValueError(f"{where}: '?' outside an identifier: {inner!r}")
            inner = complete(types, inner)
        attrs: dict[str, str] = {}
        for a in fields[2:]:
            a = a.strip()
            if not a:
                continue
            if "=" in a:
                k, v = a.split("=", 1)
                attrs[k.strip()] = v.strip()
            elif "PERSON" in types:
                attrs["role"] = a
            else:
                attrs["owner"] = a
        marks.append(Mark(types, pos, pos + len(inner), attrs, inner))
        marks.extend(Mark(m.types, m.start + pos, m.end + pos, m.attrs, m.text) for m in sub)
        out.append(inner)
        pos += len(inner)
        i = j + 1
    return "".join(out), marks


# ------------------------------------------------------------------------------------------ check codes

def mod11_2(body17: str) -> str:
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(body17)) % 11
    return "10X98765432"[total]


def gb32100(body17: str) -> str:
    weights = [pow(3, i, 31) for i in range(17)]
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(body17, weights, strict=True)) % 31
    return USCC_CHARS[(31 - total) % 31]


def luhn(body: str) -> str:
    digits = [int(d) for d in body][::-1]
    total = sum(sum(divmod(d * 2, 10)) if i % 2 == 0 else d for i, d in enumerate(digits))
    return str((10 - total % 10) % 10)


def complete(types: tuple[str, ...], value: str) -> str:
    pos = value.index("?")
    body = re.sub(r"[^0-9A-Z]", "", value[:pos])
    if "CN_ID_CARD" in types:
        check = mod11_2(body[-17:])
    elif "CN_USCC" in types:
        check = gb32100(body[-17:])
    else:
        check = luhn(body)
    return value[:pos] + check + value[pos + 1:]


def validate(mark: Mark, where: str) -> None:
    t, v = mark.types, re.sub(r"[\s\-·]", "", mark.text)
    bad = "invalid" in mark.attrs  # a deliberate typo, still personal information
    if "PERSON" in t and not mark.attrs.get("role"):
        raise ValueError(f"{where}: person {mark.text!r} has no role")
    if set(t) & OWNED and not mark.attrs.get("owner"):
        raise ValueError(f"{where}: {t[0]} {mark.text!r} has no owner")
    if "CN_ID_CARD" in t and not bad:
        if len(v) == 18:
            ok = v[17] == mod11_2(v[:17])
            try:
                dt.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
            except ValueError:
                ok = False
        else:
            ok = len(v) == 15 and v.isdigit()
        if not ok:
            raise ValueError(f"{where}: ID {mark.text!r} fails GB 11643 (mark it invalid=typo if deliberate)")
    if "CN_USCC" in t and not bad and (len(v) != 18 or v[17] != gb32100(v[:17])):
        raise ValueError(f"{where}: USCC {mark.text!r} fails GB 32100")
    if "CN_BANK_CARD" in t and not bad and (not v.isdigit() or v[-1] != luhn(v[:-1])):
        raise ValueError(f"{where}: bank card {mark.text!r} fails Luhn")
    if "CN_MOBILE_PHONE" in t and not bad and not re.fullmatch(r"(?:\+?86)?1[3-9][0-9]{9}", v):
        raise ValueError(f"{where}: mobile {mark.text!r} is not 1[3-9] + 9 digits")


# ------------------------------------------------------------------------------------------ the sources

DIRECTIVES = {"title", "center", "red", "left", "right", "header", "footer"}


def parse_source(path: Path) -> Source:
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    if not sep:
        raise ValueError(f"{path.name}: no '---' after the front matter")
    meta: dict[str, str] = {}
    for raw in head.splitlines():
        if not raw.strip() or raw.startswith(";;"):
            continue
        k, _, v = raw.partition(":")
        if k.strip() not in FRONT_KEYS:
            raise ValueError(f"{path.name}: unknown front-matter key {k!r}")
        meta[k.strip()] = v.strip()
    for k in ("kind", "title", "format", "profile", "split"):
        if not meta.get(k):
            raise ValueError(f"{path.name}: front matter lacks {k}")
    if meta["format"] not in ("docx", "pdf", "txt"):
        raise ValueError(f"{path.name}: format must be docx, pdf or txt")
    if meta["profile"] not in PROFILES:
        raise ValueError(f"{path.name}: unknown profile {meta['profile']}")
    if meta["split"] not in ("dev", "test"):
        raise ValueError(f"{path.name}: split must be dev or test")
    ident, _, slug = path.stem.partition("-")
    src = Source(ident, slug, path, meta)
    if meta.get("author"):
        plain, marks = parse_inline(meta["author"], f"{path.name}:author")
        src.author = Line("property", plain, marks)
    plain, marks = parse_inline(meta["title"], f"{path.name}:title")
    meta["title"] = plain
    if meta["format"] != "txt":  # docx core properties and the PDF document info carry the title
        src.title_line = Line("property", plain, marks)
    lines = body.splitlines()
    i = 0
    while i < len(lines):
        raw = lines[i]
        where = f"{path.name}:{i + len(head.splitlines()) + 2}"
        i += 1
        if not raw.strip() or raw.startswith(";;"):
            continue
        if raw.startswith("@pagebreak"):
            src.items.append("pagebreak")
            continue
        if raw.startswith("@gap"):
            src.items.append("gap")
            continue
        if raw.startswith("@table"):
            opts = dict(o.split("=", 1) for o in raw.split()[1:])
            rows = []
            while i < len(lines) and not lines[i].startswith("@end"):
                if lines[i].strip() and not lines[i].startswith(";;"):
                    cells = [c.strip(" ") for c in lines[i].split("‖")]
                    rows.append([Line("cell", *parse_inline(c, f"{where}+{len(rows)}")) for c in cells])
                i += 1
            i += 1
            width = len(rows[0])
            if any(len(r) != width for r in rows):
                raise ValueError(f"{where}: table rows have different numbers of cells")
            widths = [float(w) for w in opts.get("widths", ",".join("1" * width)).split(",")]
            if len(widths) != width:
                raise ValueError(f"{where}: {len(widths)} widths for {width} columns")
            src.items.append(Table(rows, widths, opts.get("grid", "1") == "1",
                                   opts.get("valign", "top").upper(), float(opts.get("font", 9.5))))
            continue
        style = "body"
        if raw.startswith("@"):
            name, _, rest = raw[1:].partition(" ")
            if name not in DIRECTIVES:
                raise ValueError(f"{where}: unknown directive @{name}")
            style, raw = name, rest
        src.items.append(Line(style, *parse_inline(raw, where)))
    for line, _, _ in src.lines:
        for m in line.marks:
            validate(m, path.name)
    return src


def sources(ids: set[str] | None = None) -> list[Source]:
    out = [parse_source(p) for p in sorted(SRC.glob("*.rd"))]
    seen: set[str] = set()
    for s in out:
        if s.id in seen:
            raise ValueError(f"duplicate id {s.id}")
        seen.add(s.id)
    return [s for s in out if ids is None or s.id in ids]


# ---------------------------------------------------------------------------------------------- docx

def render_docx(src: Source, path: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    d = docx.Document()
    sec = d.sections[0]
    if src.meta.get("landscape"):
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Cm(2.6)
    normal = d.styles["Normal"]
    normal.font.name = "仿宋_GB2312"
    normal.font.size = Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")

    def para(container, line: Line, size: float | None = None):
        p = container.add_paragraph()
        run = p.add_run(line.text)
        if line.style in ("title", "red"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.font.size = Pt(20 if line.style == "title" else 24)
            run.bold = line.style == "title"
            run.font.name = "方正小标宋简体"
            run.element.rPr.rFonts.set(qn("w:eastAsia"), "方正小标宋简体")
            if line.style == "red":
                run.font.color.rgb = RGBColor(0xD0, 0, 0)
        elif line.style == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif line.style == "right":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif line.style == "body":
            p.paragraph_format.first_line_indent = Pt(28)
        if size:
            run.font.size = Pt(size)
        return p

    for item in src.items:
        if item == "pagebreak":
            d.add_page_break()
        elif item == "gap":
            d.add_paragraph()
        elif isinstance(item, Table):
            t = d.add_table(rows=len(item.rows), cols=len(item.widths))
            if item.grid:
                t.style = "Table Grid"
            usable = (sec.page_width - sec.left_margin - sec.right_margin)
            total = sum(item.widths)
            for r, row in enumerate(item.rows):
                for c, cell_line in enumerate(row):
                    cell = t.cell(r, c)
                    cell.width = int(usable * item.widths[c] / total)
                    cell.paragraphs[0].text = ""
                    run = cell.paragraphs[0].add_run(cell_line.text)
                    run.font.size = Pt(item.font + 1)
                    run.bold = r == 0
        elif item.style == "header":
            p = sec.header.paragraphs[0] if not sec.header.paragraphs[0].text else sec.header.add_paragraph()
            p.text = item.text
        elif item.style == "footer":
            p = sec.footer.paragraphs[0] if not sec.footer.paragraphs[0].text else sec.footer.add_paragraph()
            p.text = item.text
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            para(d, item)
    cp = d.core_properties
    cp.author = src.author.text if src.author else ""
    cp.last_modified_by = cp.author
    cp.title = src.meta["title"]
    cp.comments = ""
    cp.subject = ""
    cp.keywords = ""
    cp.revision = 1
    cp.created = cp.modified = FIXED_TIME
    cp.last_printed = FIXED_TIME
    buffer = io.BytesIO()
    d.save(buffer)
    _fixed_zip(buffer.getvalue(), path)


def _fixed_zip(data: bytes, path: Path) -> None:
    """Rewrite the zip with fixed member dates so that a rebuild gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(2024, 6, 1, 9, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            payload = zin.read(info.filename)
            if info.filename == "docProps/app.xml":
                payload = re.sub(rb"<Application>[^<]*</Application>", b"<Application>WPS Office</Application>",
                                 payload)
                payload = re.sub(rb"<AppVersion>[^<]*</AppVersion>", b"<AppVersion>12.0000</AppVersion>", payload)
            zout.writestr(member, payload)
    path.write_bytes(out.getvalue())


# ----------------------------------------------------------------------------------------------- pdf

def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_pdf(src: Source, path: Path) -> bool:
    """Write the PDF; return whether some table cell wraps over more than one line."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    if "ZenHei" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("ZenHei", FONT, subfontIndex=0))
    size = landscape(A4) if src.meta.get("landscape") else A4
    base = ParagraphStyle("body", fontName="ZenHei", fontSize=11.5, leading=19, wordWrap="CJK",
                          alignment=TA_JUSTIFY, firstLineIndent=23)
    styles = {
        "body": base,
        "left": ParagraphStyle("left", parent=base, firstLineIndent=0, alignment=TA_LEFT),
        "right": ParagraphStyle("right", parent=base, firstLineIndent=0, alignment=TA_RIGHT),
        "center": ParagraphStyle("center", parent=base, firstLineIndent=0, alignment=TA_CENTER),
        "title": ParagraphStyle("title", parent=base, firstLineIndent=0, alignment=TA_CENTER, fontSize=17,
                                leading=26, spaceAfter=6),
        "red": ParagraphStyle("red", parent=base, firstLineIndent=0, alignment=TA_CENTER, fontSize=21,
                              leading=30, textColor=colors.HexColor("#D00000"), spaceAfter=8),
    }
    headers = [i.text for i in src.items if isinstance(i, Line) and i.style == "header"]
    footers = [i.text for i in src.items if isinstance(i, Line) and i.style == "footer"]

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("ZenHei", 9)
        width, height = size
        for k, h in enumerate(headers):
            canvas.drawString(doc.leftMargin, height - 40 - 12 * k, h)
        text = "　".join(footers) if footers else ""
        canvas.drawCentredString(width / 2, 30, f"{text}　— {doc.page} —" if text else f"— {doc.page} —")
        canvas.restoreState()

    story: list = []
    wraps = False
    frame_width = size[0] - 2 * 64
    for item in src.items:
        if item == "pagebreak":
            story.append(PageBreak())
        elif item == "gap":
            story.append(Spacer(1, 10))
        elif isinstance(item, Table):
            cell_style = ParagraphStyle("cell", parent=base, firstLineIndent=0, alignment=TA_LEFT,
                                        fontSize=item.font, leading=item.font * 1.35)
            head_style = ParagraphStyle("head", parent=cell_style, alignment=TA_CENTER)
            total = sum(item.widths)
            widths = [frame_width * w / total for w in item.widths]
            data = []
            for r, row in enumerate(item.rows):
                cells = []
                for c, cell in enumerate(row):
                    p = Paragraph(_esc(cell.text), head_style if r == 0 else cell_style)
                    p.wrap(widths[c] - 6, 10_000)
                    if r and len(getattr(p.blPara, "lines", [])) > 1:
                        wraps = True
                    cells.append(Paragraph(_esc(cell.text), head_style if r == 0 else cell_style))
                data.append(cells)
            t = RLTable(data, colWidths=widths, repeatRows=1)
            style = [("VALIGN", (0, 0), (-1, -1), item.valign), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                     ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
            if item.grid:
                style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
            else:
                style.append(("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black))
            t.setStyle(TableStyle(style))
            story.append(t)
        elif item.style in ("header", "footer"):
            continue
        else:
            story.append(Paragraph(_esc(item.text), styles[item.style]))
    doc = SimpleDocTemplate(str(path), pagesize=size, leftMargin=64, rightMargin=64, topMargin=62,
                            bottomMargin=56, title=src.meta["title"],
                            author=src.author.text if src.author else "", subject="", creator="WPS 文字",
                            producer="WPS 文字", invariant=1)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return wraps


# ----------------------------------------------------------------------------------------------- txt

def render_txt(src: Source, path: Path) -> None:
    out: list[str] = []
    for item in src.items:
        if item == "pagebreak":
            out.append("\f")
        elif item == "gap":
            out.append("")
        elif isinstance(item, Table):
            for row in item.rows:
                out.append("\t".join(c.text for c in row))
        elif item.style == "body":
            out.append("　　" + item.text)
        elif item.style in ("title", "red", "center"):
            out.append("　　　　" + item.text)
        elif item.style == "right":
            out.append("　" * 16 + item.text)
        else:
            out.append(item.text)
    path.write_text("\r\n".join(out) + "\r\n", encoding="utf-8")


# ------------------------------------------------------------------------------------------- locating

def _context(stream: str, offset: int, mark: Mark) -> tuple[str, str]:
    left = squeeze(stream[max(0, offset + mark.start - 4 * CTX):offset + mark.start])[0][-CTX:]
    right = squeeze(stream[offset + mark.end:offset + mark.end + 4 * CTX])[0][:CTX]
    return left, right


def _in_place(document, start: int, style: str, src: Source) -> bool:
    """Whether an occurrence sits in the kind of block its source line renders to."""
    kind = str(document.block_at(start).kind)
    if style == "property":
        return kind == "property"
    if style in ("header", "footer") and src.meta["format"] == "docx":
        return kind == style
    return kind not in ("property", "header", "footer")


def locate(src: Source, document) -> tuple[list[dict], list[dict], list[str]]:
    """Gold entities and must-keep strings with their offsets in `document.text`, plus warnings."""
    text = document.text
    entities: list[dict] = []
    keep: list[dict] = []
    pdf_pages = document.pages or 1
    for line, stream, offset in src.lines:
        for m in line.marks:
            cands = [c for c in occurrences(text, m.text) if _in_place(document, c[0], line.style, src)]
            if not cands:
                raise ValueError(f"{src.path.name}: {m.text!r} not found in the rendered {src.meta['format']}")
            left, right = _context(stream, offset, m)
            scores = [context_score(text, s, e, left, right) for s, e in cands]
            best = max(scores)
            chosen = [k for k, sc in enumerate(scores) if sc == best]
            running = line.style in ("header", "footer") and src.meta["format"] == "pdf"
            if running:
                if len(chosen) != pdf_pages:
                    raise ValueError(f"{src.path.name}: running head {m.text!r} found {len(chosen)} times "
                                     f"on {pdf_pages} pages")
            elif len(chosen) > 1 and line.style != "property":  # docx: creator and lastModifiedBy
                raise ValueError(f"{src.path.name}: {m.text!r} is ambiguous ({len(chosen)} places fit its "
                                 f"context {left!r} … {right!r})")
            every = occurrences(text, m.text)
            for k in chosen:
                start, end = cands[k]
                base = {"text": m.text, "start": start, "end": end, "occurrence": every.index(cands[k])}
                for t in m.types:
                    if t == KEEP:
                        keep.append(base | {"what": m.attrs.get("what", keep_kind(m))})
                        continue
                    rec = {"type": t, **base}
                    for a in ("role", "owner"):
                        if a in m.attrs:
                            rec[a] = m.attrs[a]
                    if "owner" in m.attrs:
                        rec["owner_kind"] = "institution" if m.attrs["owner"].startswith("机构") else "person"
                    if "invalid" in m.attrs:
                        rec["invalid"] = m.attrs["invalid"]
                    if "note" in m.attrs:
                        rec["note"] = m.attrs["note"]
                    entities.append(rec)
    entities.sort(key=lambda e: (e["start"], e["end"], e["type"]))
    keep.sort(key=lambda e: (e["start"], e["end"]))
    warnings = []
    seen = set()
    for e in entities:
        key = (e["type"], e["start"], e["end"])
        if key in seen:
            raise ValueError(f"{src.path.name}: {e['type']} {e['text']!r} annotated twice at the same place")
        seen.add(key)
    for group in set(GROUP_OF.values()):
        spans = sorted((e["start"], e["end"], e["text"]) for e in entities if GROUP_OF[e["type"]] == group)
        for (s1, e1, t1), (s2, e2, t2) in itertools.pairwise(spans):
            if s2 < e1:
                raise ValueError(f"{src.path.name}: {group} golds overlap: {t1!r} and {t2!r}")
        # an unannotated occurrence of a gold personal value would score a correct finding as false
        if group in ("RESTRICTED",):
            continue
        for value in {t for _, _, t in spans if len(squeeze(t)[0]) >= 2}:
            for s, e in occurrences(text, value):
                if not any(gs <= s and e <= ge for gs, ge, _ in spans):
                    warnings.append(f"{src.path.name}: {group} {value!r} also occurs unannotated at {s}: "
                                    f"…{text[max(0, s - 12):e + 12]!r}…")
    return entities, keep, warnings


def keep_kind(m: Mark) -> str:
    t = m.text
    if "ORGANIZATION" in m.types:
        return "机构名称"
    if len(m.types) > 1:
        return "联系方式"
    if re.search(r"[〔\[（(][0-9]{4}[〕\]）)]", t) or t.endswith("号"):
        return "文号"
    if t.startswith("《"):
        return "法规名称"
    if re.search(r"元|万|[0-9],[0-9]{3}", t):
        return "金额"
    if re.fullmatch(r"[0-9\-－]+", t):
        return "热线"
    return "机构名称"


# -------------------------------------------------------------------------------------------- driver

def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def render(src: Source, directory: Path) -> tuple[Path, bool]:
    """Write the document into `directory`; return its path and whether a PDF table cell wraps."""
    out = directory / f"{src.id}-{src.slug}.{src.meta['format']}"
    wraps = False
    if src.meta["format"] == "docx":
        render_docx(src, out)
    elif src.meta["format"] == "pdf":
        wraps = render_pdf(src, out)
    else:
        render_txt(src, out)
    return out, wraps


def record(src: Source, out: Path, wraps: bool) -> tuple[dict, list[str]]:
    """The keys.jsonl record of a rendered document (read back with the product's reader)."""
    from reviewer.core.documents import load_document

    entities, keep, warnings = locate(src, load_document(out))
    return {
        "id": src.id, "file": f"files/{out.name}", "source": f"src/{src.path.name}",
        "kind": src.meta["kind"], "title": src.meta["title"], "format": src.meta["format"],
        "profile": src.meta["profile"], "split": src.meta["split"], "region": src.meta.get("region", ""),
        "wrapping_table": wraps, "tables": sum(isinstance(i, Table) for i in src.items),
        "source_sha256": sha256(src.path), "file_sha256": sha256(out), "builder_sha256": sha256(Path(__file__)),
        "entities": entities, "keep": keep,
    }, warnings


def counts_table(records: list[dict]) -> str:
    """The README's table of documents per kind, format and split (tests compare it with keys.jsonl)."""
    kinds: dict[str, list[dict]] = {}
    for r in records:
        kinds.setdefault(r["kind"], []).append(r)
    lines = ["| kind | documents | docx | pdf (wrapping table) | txt | dev | test |",
             "|---|---|---|---|---|---|---|"]

    def row(name: str, rs: list[dict]) -> str:
        n = {f: sum(r["format"] == f for r in rs) for f in ("docx", "pdf", "txt")}
        wrap = sum(r["format"] == "pdf" and r["wrapping_table"] for r in rs)
        dev = sum(r["split"] == "dev" for r in rs)
        return (f"| {name} | {len(rs)} | {n['docx']} | {n['pdf']} ({wrap}) | {n['txt']} | {dev} | "
                f"{len(rs) - dev} |")

    for kind in sorted(kinds, key=lambda k: (-len(kinds[k]), k)):
        lines.append(row(kind, kinds[kind]))
    lines.append(row(f"**total: {len(kinds)} kinds**", records))
    return "\n".join(lines)


COUNTS_BEGIN, COUNTS_END = "<!-- counts:begin -->", "<!-- counts:end -->"


def build(ids: set[str] | None = None) -> int:
    FILES.mkdir(exist_ok=True)
    records: dict[str, dict] = {}
    if KEYS.exists() and ids:
        for raw in KEYS.read_text(encoding="utf-8").splitlines():
            rec = json.loads(raw)
            records[rec["id"]] = rec
    all_warnings: list[str] = []
    for src in sources(ids):
        for stale in FILES.glob(f"{src.id}-*"):
            if stale.stem != f"{src.id}-{src.slug}" or stale.suffix != f".{src.meta['format']}":
                stale.unlink()
        out, wraps = render(src, FILES)
        records[src.id], warnings = record(src, out, wraps)
        all_warnings += warnings
        print(f"{out.name}: {len(records[src.id]['entities'])} entities, {len(records[src.id]['keep'])} must-keep"
              + (", wrapping table" if wraps else ""), file=sys.stderr)
    existing = {p.stem.partition("-")[0] for p in SRC.glob("*.rd")}
    kept = [records[k] for k in sorted(records) if k in existing]
    KEYS.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in kept) + "\n", encoding="utf-8")
    readme = HERE / "README.md"
    if readme.exists():
        text = readme.read_text(encoding="utf-8")
        if COUNTS_BEGIN in text:
            head, _, rest = text.partition(COUNTS_BEGIN)
            _, _, tail = rest.partition(COUNTS_END)
            readme.write_text(f"{head}{COUNTS_BEGIN}\n{counts_table(kept)}\n{COUNTS_END}{tail}", encoding="utf-8")
    for w in all_warnings:
        print("warning:", w, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(build(set(sys.argv[1:]) or None))

"""Generated batch inputs: small docx, PDF and txt documents (some with a live 密级 marking, identity numbers,
names, or nothing), a few broken files and duplicates, packed in a zip — made at test time, fast."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

NAMES = ("张建国", "李秀英", "王小明", "赵丽华")
REGIONS = ("500106", "110101", "440305", "510104")
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
PROSE = (
    "根据《中华人民共和国政府信息公开条例》规定，现将有关情况公告如下",
    "各有关单位要高度重视，认真组织实施",
    "本通知自发布之日起施行",
    "请各区县人民政府结合实际抓好落实",
)


def id_number(rng: random.Random) -> str:
    body = (
        rng.choice(REGIONS)
        + f"{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        + f"{rng.randint(0, 999):03d}"
    )
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]


def lines_for(i: int, rng: random.Random) -> tuple[list[str], bool]:
    """A document's lines and whether it carries a live marking."""
    marked = i % 23 == 5
    lines = [f"机密★{rng.choice((5, 10, 20))}年"] if marked else []
    lines.append(f"关于第{i}号事项的通知")
    lines += [rng.choice(PROSE) + "。" for _ in range(rng.randint(2, 5))]
    if i % 3 == 0:
        lines.append(f"当事人{rng.choice(NAMES)}，公民身份号码{id_number(rng)}。")
    elif i % 3 == 1 and i % 2:
        lines.append(f"联系人{rng.choice(NAMES)}，{rng.choice(NAMES)}。")
    lines.append(f"编号 {i:04d}")
    return lines, marked


def docx_bytes(lines: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def pdf_bytes(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setFont("STSong-Light", 12)
    for row, line in enumerate(lines):
        c.drawString(40, 800 - 18 * row, line)
    c.showPage()
    c.save()
    return out.getvalue()


BROKEN = {
    "broken/truncated.docx": b"PK\x03\x04" + bytes(range(40)),
    "broken/truncated.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R",
    "broken/empty.pdf": b"",
}


def make_archive(
    folder: Path, n: int = 300, *, seed: int = 31, extra: dict[str, bytes] | None = None
) -> tuple[Path, dict]:
    """A zip of about `n` members (docx, pdf, txt in turn; three broken; two duplicates); returns its path
    and what it holds: {"marked": member names with a live marking, "broken": [...], "duplicates": {...}}."""
    rng = random.Random(seed)
    members: dict[str, bytes] = {}
    marked = []
    for i in range(n - len(BROKEN) - 2):
        lines, is_marked = lines_for(i, rng)
        kind = ("docx", "pdf", "txt")[i % 3]
        name = f"docs/{i // 50:02d}/notice-{i:04d}.{kind}"
        members[name] = (
            docx_bytes(lines)
            if kind == "docx"
            else pdf_bytes(lines)
            if kind == "pdf"
            else ("\n".join(lines) + "\n").encode("utf-8")
        )
        if is_marked:
            marked.append(name)
    members.update(BROKEN)
    first = sorted(members)[0]
    members["copies/same-as-first" + Path(first).suffix] = members[first]
    members["copies/again-" + Path(first).name] = members[first]
    members.update(extra or {})
    path = folder / "archive.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(members):
            z.writestr(name, members[name])
    return path, {
        "marked": marked,
        "broken": sorted(BROKEN),
        "members": sorted(members),
        "duplicate_of": first,
    }

"""Measure pdfplumber against pypdfium2's text API on a generated 300-page CJK PDF.

    .venv/bin/python tests/core/documents/bench_pdf_readers.py [PAGES]

Both give text plus one box per character; this prints the time of each, and how far the two
agree (same non-space characters in the same order; box centres within a point). The reader uses
the faster one. Not collected by pytest (no test_ prefix); the load-time guard is a slow test.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

LINE = "第{page}页第{line}行：当事人王小明，公民身份号码110101199003071234，联系电话13800138000。"


def make_cjk_pdf(target: Path, pages: int, lines: int = 40) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(target))
    for page in range(1, pages + 1):
        c.setFont("STSong-Light", 10)
        for line in range(lines):
            c.drawString(40, 800 - 19 * line, LINE.format(page=page, line=line + 1))
        c.showPage()
    c.save()


def with_pdfplumber(path: Path) -> list[tuple[str, list[tuple[float, float, float, float]]]]:
    import pdfplumber

    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = page.chars
            pages.append(("".join(c["text"] for c in chars), [(c["x0"], c["top"], c["x1"], c["bottom"])
                                                              for c in chars]))
            page.flush_cache()
    return pages


def with_reviewer(path: Path) -> list[tuple[str, list]]:
    from reviewer.core.documents import load_document

    doc = load_document(path)
    return [(b.text, list(b.boxes or ())) for b in doc.blocks if b.kind == "page"]


def compare(plumber: list, pdfium: list) -> tuple[bool, float]:
    """Same visible characters in order; the largest distance between matching box centres."""
    worst = 0.0
    for (t1, b1), (t2, b2) in zip(plumber, pdfium, strict=True):
        v1 = [(ch, box) for ch, box in zip(t1, b1) if not ch.isspace()]
        v2 = [(ch, box) for ch, box in zip(t2, b2) if not ch.isspace() and box is not None]
        if [c for c, _ in v1] != [c for c, _ in v2]:
            return False, worst
        for (_, a), (_, b) in zip(v1, v2):
            worst = max(worst, abs((a[0] + a[2]) / 2 - (b[0] + b[2]) / 2), abs((a[1] + a[3]) / 2 - (b[1] + b[3]) / 2))
    return True, worst


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cjk.pdf"
        t = time.perf_counter()
        make_cjk_pdf(path, pages)
        print(f"generated {pages} pages, {path.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        pdfium = with_reviewer(path)
        t_pdfium = time.perf_counter() - t
        chars = sum(len(text) for text, _ in pdfium)
        print(f"reviewer (pypdfium2): {t_pdfium:.2f} s, {chars} chars with boxes")
        t = time.perf_counter()
        plumber = with_pdfplumber(path)
        t_plumber = time.perf_counter() - t
        print(f"pdfplumber: {t_plumber:.2f} s ({t_plumber / t_pdfium:.0f}x slower)")
        same, worst = compare(plumber, pdfium)
        print(f"same characters: {same}; largest box-centre difference: {worst:.2f} pt")


if __name__ == "__main__":
    main()

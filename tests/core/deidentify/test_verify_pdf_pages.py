"""A long PDF's pdfplumber reading is shared with the page helper; the verification report is the
serial one, survivor for survivor, whichever process read the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.deidentify import verify
from reviewer.core.documents.pdf import pages as pdf_pages
from tests.core.documents.bench_pdf_readers import make_cjk_pdf

PAGES = 80


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("verify") / "long.pdf"
    make_cjk_pdf(path, PAGES, lines=20)
    return path


def test_shared_and_serial_verification_report_the_same_survivors(long_pdf, monkeypatch):
    helped: list[int] = []

    def spy(*args, **kwargs):
        made, n = pdf_pages.share_pages(*args, **kwargs)
        helped.append(n)
        return made, n

    monkeypatch.setattr(verify, "share_pages", spy)
    values = ["第3页第1行", "第41页第20行", f"第{PAGES}页第7行"]  # each on one page only
    pdf_pages.warm_up()
    shared = verify.verify_output(long_pdf, values, format="pdf")
    with monkeypatch.context() as m:
        m.setattr(pdf_pages, "MIN_PAGES", 10**9)
        serial = verify.verify_output(long_pdf, values, format="pdf")
    assert helped[0] >= pdf_pages.CHUNK and helped[1] == 0  # the helper read pages, then none
    assert shared == serial
    where = {s.where for s in shared.survivors}
    for page in (3, 41, PAGES):
        assert f"page {page} characters (pdfplumber)" in where and f"page {page} text (pdfplumber)" in where
        assert f"page {page} text (pdfium)" in where
    assert not shared.ok


def test_the_helper_reads_what_this_process_reads(long_pdf):
    import pdfplumber
    import pypdfium2

    from reviewer.core.deidentify import verify_pages

    with pdfplumber.open(long_pdf) as doc:
        pdfium_doc = pypdfium2.PdfDocument(str(long_pdf))
        here = [verify_pages.page_reading(doc, i, pdfium_doc) for i in range(10, 14)]
        pdfium_doc.close()
    assert verify_pages.helper_pages(str(long_pdf), 10, 14) == here
    assert "第11页第1行" in here[0][0] and "第11页第1行" in here[0][1] and "第11页第1行" in here[0][4]
    verify_pages.close_helper_pages(str(long_pdf))
    assert verify_pages._open is None


def test_the_lean_reading_is_pdfplumbers_page_for_page(long_pdf, tmp_path):
    """The verifier reads pages without pdfplumber's objects; what it reads is pdfplumber's own page.chars
    and extract_text, character for character (a CJK report, the leak suite, scrambled, rotated text)."""
    import pdfplumber

    from bench import real_world
    from reviewer.core.deidentify.verify_pages import page_reading
    from tests.core.deidentify.conftest import DATA

    files = [long_pdf, DATA / "leak.pdf", real_world.scrambled_pdf(tmp_path / "s.pdf"),
             real_world.gbk_font_pdf(tmp_path / "g.pdf", embedded=True)]
    rotated = tmp_path / "rotated.pdf"
    import pikepdf

    with pikepdf.open(DATA / "leak.pdf") as pdf:
        for k, page in enumerate(pdf.pages):
            page.Rotate = 90 * (k + 1)
        pdf.save(rotated)
    files.append(rotated)
    import pypdfium2

    compared = 0
    for path in files:
        pdfium_doc = pypdfium2.PdfDocument(str(path))
        with pdfplumber.open(path) as doc:
            for index, page in enumerate(doc.pages):
                chars = page.chars
                expected = ("".join(c["text"] for c in chars), page.extract_text() or "", len(page.images),
                            sum(1 for c in chars if c["text"].startswith("(cid:")))
                assert page_reading(doc, index, pdfium_doc)[:4] == expected, (path, index)
                compared += 1
        pdfium_doc.close()
    assert compared > PAGES


@pytest.mark.parametrize("name", ["export/scan-ocr.pdf", "detection/realistic-plots.pdf"])
def test_the_pictures_judged_during_the_page_reading_are_the_ocr_checks_own(name):
    """The verifier judges each page's pictures for the OCR check while it has the page open; what it
    collects must be exactly what the OCR check's own pass over the file finds (else a scanned page would
    go unread and the export still be called verified). A scanned file and a text file."""
    import pypdfium2

    from reviewer.core.documents.pdf.ocr import plan_regions

    path = Path(__file__).resolve().parents[2] / "data" / name
    regions: list = []
    verify._verify_pdf(path, verify._Matcher([], ()), [], None, regions)
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        assert regions == plan_regions(pdf, None)
    finally:
        pdf.close()
    assert bool(regions) == name.startswith("export/scan")

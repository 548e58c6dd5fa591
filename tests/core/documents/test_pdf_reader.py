"""PDF: page text with a box per character, and the text outside the pages."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from reviewer.core.documents import BlockKind, DocumentFormat, load_document
from reviewer.core.errors import TooLarge
from tests.core.documents.conftest import DATA, PLANTED


@pytest.fixture(scope="module")
def cjk():
    return load_document(DATA / "reportlab-cjk.pdf")


def test_pages_have_text_and_one_box_per_character(cjk):
    pages = [b for b in cjk.blocks if b.kind is BlockKind.PAGE]
    assert cjk.format is DocumentFormat.PDF and cjk.pages == 3 and len(pages) == 3
    assert pages[0].text == "某某市市场监督管理局\n行政处罚决定书\n当事人：王小明"
    for page in pages:
        assert len(page.boxes) == len(page.text)
        assert all(box is not None for ch, box in zip(page.text, page.boxes) if ch != "\n")


def test_a_value_locates_to_its_page_and_boxes(cjk):
    value = PLANTED["pdf_page2"]
    start = cjk.text.index(value)
    loc = cjk.locate(start, start + len(value))
    assert (loc["kind"], loc["page"], loc["part"]) == ("page", 2, "page 2")
    assert len(loc["boxes"]) == 18
    x0, top, x1, bottom = loc["bbox"]
    # drawn by reportlab at x=72 on an A4 page, baseline 770 pt from the bottom, 12 pt STSong-Light,
    # after the seven characters of "公民身份号码："
    assert x0 == pytest.approx(72 + 7 * 12, abs=0.5)
    assert top == pytest.approx(842 - 770 - 12, abs=3) and bottom == pytest.approx(842 - 770 + 3, abs=3)
    assert x1 > x0 + 17 * 5


@pytest.mark.parametrize(("key", "kind", "path"), [
    ("pdf_author", BlockKind.PROPERTY, "Author"),
    ("xmp_creator", BlockKind.PROPERTY, "dc:creator[0]"),
    ("pdf_annotation", BlockKind.ANNOTATION, "annot[0]/Contents"),
    ("pdf_outline", BlockKind.OUTLINE, "outline[0]"),
    ("pdf_attachment", BlockKind.ATTACHMENT, "file[0][0]"),
])
def test_text_outside_the_pages_is_read(cjk, key, kind, path):
    [block] = [b for b in cjk.blocks if PLANTED[key] in b.text]
    assert (block.kind, block.path) == (kind, path)
    assert cjk.text[block.start:block.end] == block.text


def test_empty_user_password_opens(data):
    doc = load_document(data / "encrypted-owner-only.pdf")
    assert "当事人：王小明" in doc.text and doc.pages == 1


def test_libreoffice_pdf_carries_header_body_table_and_textbox(data):
    doc = load_document(data / "libreoffice-planted.pdf")
    for key in ("header", "split_id", "table_cell", "textbox", "footer"):
        [block] = [b for b in doc.blocks if PLANTED[key] in b.text]
        assert block.kind is BlockKind.PAGE and block.page == 1


def test_page_cap(data):
    with pytest.raises(TooLarge) as err:
        load_document(data / "reportlab-cjk.pdf", max_pages=2)
    assert "max_pages" in str(err.value) and "页数" in str(err.value)


def test_claimed_page_count_is_not_trusted(data):
    """The page tree says two billion pages; pdfium counts the one that exists."""
    doc = load_document(data / "absurd-page-count.pdf")
    assert doc.pages == 1


@pytest.mark.slow
def test_a_300_page_cjk_pdf_loads_with_boxes_in_under_10_seconds(tmp_path):
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_pdf_readers import make_cjk_pdf

    path = tmp_path / "300.pdf"
    make_cjk_pdf(path, 300)
    started = time.perf_counter()
    doc = load_document(path)
    elapsed = time.perf_counter() - started
    pages = [b for b in doc.blocks if b.kind is BlockKind.PAGE]
    assert len(pages) == 300 and all(len(p.boxes) == len(p.text) > 2000 for p in pages)
    print(f"300-page CJK PDF with character boxes: {elapsed:.2f} s")
    assert elapsed < 10.0


def test_packed_boxes_behave_like_a_tuple_of_boxes():
    from reviewer.core.documents.pdf.char_boxes import CharBoxes

    plain = ((1.0, 2.0, 3.0, 4.0), None, (5.0, 6.0, 7.5, 8.25))
    packed = CharBoxes.from_boxes(plain)
    assert len(packed) == 3 and packed == plain and tuple(packed) == plain
    assert packed[1] is None and packed[-1] == (5.0, 6.0, 7.5, 8.25)
    assert packed[0:2] == plain[0:2] and isinstance(packed[0:2], tuple)
    with pytest.raises(IndexError):
        packed[3]
    assert repr(packed) == "CharBoxes(3 boxes)"


def test_generated_line_breaks_have_no_box(cjk):
    page = cjk.blocks[0]
    breaks = [i for i, ch in enumerate(page.text) if ch == "\n"]
    assert breaks and all(page.boxes[i] is None for i in breaks)


def test_xmp_with_an_entity_attack_is_read_as_plain_words(tmp_path):
    import pikepdf

    pdf = pikepdf.open(DATA / "reportlab-cjk.pdf")
    xmp = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
           b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>&e; xmp.leak@example.com'
           b'</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>')
    pdf.Root.Metadata = pdf.make_stream(xmp)
    pdf.save(tmp_path / "xmp.pdf")
    doc = load_document(tmp_path / "xmp.pdf")
    [block] = [b for b in doc.blocks if "xmp.leak@example.com" in b.text]
    assert block.part == "XMP metadata" and "root:" not in doc.text


def test_rotated_page_says_so(tmp_path):
    import pikepdf

    pdf = pikepdf.open(DATA / "reportlab-cjk.pdf")
    pdf.pages[1].Rotate = 90
    pdf.save(tmp_path / "rotated.pdf")
    doc = load_document(tmp_path / "rotated.pdf")
    assert [dict(b.attrs) for b in doc.blocks if b.kind is BlockKind.PAGE] == [{}, {"rotation": "90"}, {}]


def test_concurrent_loads_are_serialised_and_agree():
    """pdfium is not thread-safe: loads from several threads must still give identical documents."""
    from concurrent.futures import ThreadPoolExecutor

    paths = [DATA / "reportlab-cjk.pdf", DATA / "libreoffice-planted.pdf"] * 4
    with ThreadPoolExecutor(4) as pool:
        docs = list(pool.map(load_document, paths))
    for path, doc in zip(paths, docs):
        assert doc.text == load_document(path).text


def test_progress_per_page_and_cancel():
    from reviewer.core.documents.errors import LoadCancelled

    seen = []
    load_document(DATA / "reportlab-cjk.pdf", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    with pytest.raises(LoadCancelled):
        load_document(DATA / "reportlab-cjk.pdf", progress=lambda done, total: seen.append(done),
                      cancelled=lambda: len(seen) >= 4)
    assert seen[-1] == 1  # stopped before the second page

"""Files the corpus run or the fuzzer found mis-read: each now reads, or fails with its own clear message.

The shapes come from real files (pypdf's r6-user-password.pdf, pikepdf's newline-buffer-test.pdf and
fuzzing/corpus/small.pdf, selenium-pypdf-issue-177.pdf); the files here are our own small copies of
those shapes (tests/data/regressions/make_regressions.py). Fuzzer finds (`fuzz-*`) are checked in
bulk: each must end in a Document or a ReviewerError within seconds.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reviewer.core.documents import load_document
from reviewer.core.errors import ReviewerError

REGRESSIONS = Path(__file__).resolve().parents[2] / "data" / "regressions"
ID = "110101199003074578"


@pytest.mark.parametrize("name", ["empty-owner-password.pdf", "damaged-xref-padded.pdf"])
def test_repairable_and_owner_only_encrypted_pdfs_are_read_with_boxes(name):
    document = load_document(REGRESSIONS / name)
    assert document.pages == 1
    start = document.text.index(ID)
    page = document.blocks[0]
    assert page.kind == "page" and ID in page.text
    boxes = page.boxes[start - page.start: start - page.start + len(ID)]
    assert len(boxes) == len(ID) and all(box is not None and box[2] > box[0] for box in boxes)
    assert document.text.startswith("张三")


def test_pdf_without_xref_or_eof_marker_is_read():
    document = load_document(REGRESSIONS / "no-xref-no-eof.pdf")
    assert document.pages == 1 and "13812345678" in document.blocks[0].text


def test_pdf_with_an_empty_page_tree_is_an_empty_document_not_an_encrypted_one():
    document = load_document(REGRESSIONS / "zero-pages.pdf")
    assert document.pages == 0 and document.text == ""


def test_document_info_with_a_lone_surrogate_is_read():
    document = load_document(REGRESSIONS / "lone-surrogate-title.pdf")
    assert ID in document.blocks[0].text
    assert document.properties["info.Title"] == "\ufffdA\u5f20" and document.properties["info.Author"] == "张三"


def test_annotation_with_a_non_utf8_name_is_read():
    document = load_document(REGRESSIONS / "non-utf8-annotation-name.pdf")
    [annotation] = [b for b in document.blocks if b.kind == "annotation"]
    assert annotation.text == "Li Si 13912345678" and annotation.page == 1
    assert "13812345678" in document.blocks[0].text


def test_outline_title_with_a_lone_surrogate_is_read():
    document = load_document(REGRESSIONS / "lone-surrogate-outline.pdf")
    [outline] = [b for b in document.blocks if b.kind == "outline"]
    assert outline.text == "张\ufffdA 李四" and outline.page == 1


def test_absurd_predictor_columns_read_in_time():
    started = time.perf_counter()
    document = load_document(REGRESSIONS / "absurd-predictor-columns.pdf")
    assert time.perf_counter() - started < 5
    assert ID in document.blocks[0].text


def test_page_tree_naming_the_catalog_is_a_clean_corrupt_error():
    from reviewer.core.errors import CorruptDocument

    with pytest.raises(CorruptDocument, match="cannot be parsed|cannot parse") as caught:
        load_document(REGRESSIONS / "kids-point-at-catalog.pdf")
    assert caught.value.__cause__ is None  # the reader's own error, not the loader's catch-all


def test_user_password_is_still_refused(tmp_path):
    """The repair path must not open what needs a password: qpdf's refusal stays an EncryptedDocument."""
    import io

    import pikepdf

    with pikepdf.open(REGRESSIONS / "empty-owner-password.pdf", password="") as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(owner="owner", user="user", R=6))
    path = tmp_path / "locked.pdf"
    path.write_bytes(out.getvalue())
    from reviewer.core.errors import EncryptedDocument

    with pytest.raises(EncryptedDocument, match="password"):
        load_document(path)


def test_fuzz_finds_end_cleanly():
    """Every `fuzz-*` file bench/fuzz.py saved: a Document or one clean line, within seconds each."""
    finds = sorted(p for p in REGRESSIONS.glob("fuzz-*") if p.is_file())
    for path in finds:
        started = time.perf_counter()
        try:
            load_document(path)
        except ReviewerError as exc:
            assert "\n" not in str(exc) and "Traceback" not in str(exc), path.name
            # a reader's own error, not a parser exception the loader's catch-all had to wrap
            assert exc.__cause__ is None or isinstance(exc.__cause__, ReviewerError), (path.name, exc.__cause__)
        assert time.perf_counter() - started < 10, path.name
    assert finds  # the fuzzer's first find (a lone surrogate in the document info) is kept


@pytest.mark.parametrize("name", ["empty-owner-password.pdf", "damaged-xref-padded.pdf", "no-xref-no-eof.pdf",
                                  "absurd-predictor-columns.pdf", "zero-pages.pdf"])
def test_openable_copy_opens_everywhere_with_the_same_pages(name, tmp_path):
    """What writers should export from: pdfium, qpdf and pdfminer open it, and it reads the same."""
    import io

    import pikepdf
    import pypdfium2
    from pdfminer.pdfpage import PDFPage

    from reviewer.core.documents.pdf.reader import openable_copy

    path = REGRESSIONS / name
    original = load_document(path)
    copy = openable_copy(path.read_bytes(), str(path))
    with pikepdf.open(io.BytesIO(copy)) as pdf:
        assert len(pdf.pages) == original.pages and not pdf.is_encrypted
    if original.pages:
        pypdfium2.PdfDocument(copy).close()
        assert len(list(PDFPage.get_pages(io.BytesIO(copy)))) == original.pages
    copied = tmp_path / "copy.pdf"
    copied.write_bytes(copy)
    again = load_document(copied)
    pages = [b for b in original.blocks if b.kind == "page"]
    assert [b.text for b in again.blocks if b.kind == "page"] == [b.text for b in pages]
    assert [list(b.boxes) for b in again.blocks if b.kind == "page"] == [list(b.boxes) for b in pages]


@pytest.mark.parametrize("name", ["empty-owner-password.pdf", "damaged-xref-padded.pdf", "no-xref-no-eof.pdf"])
def test_pdfs_the_reader_repairs_also_export_verified_clean(name, tmp_path):
    """A file the reader could read must not end in a traceback at export: the writer gets the same copy."""
    import subprocess
    import sys

    output = tmp_path / "clean.pdf"
    result = subprocess.run([sys.executable, "-m", "reviewer", "redact", str(REGRESSIONS / name), "-o", str(output)],
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    text = load_document(output).text
    assert "13812345678" not in text and ID not in text

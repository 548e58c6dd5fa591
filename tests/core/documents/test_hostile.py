"""Bad input ends in a typed, bilingual, one-line error within seconds; never a traceback or a hang."""

from __future__ import annotations

import io
import random
import time
import zipfile

import pytest

from reviewer.core.documents import DocumentFormat, load_document
from reviewer.core.documents.sniff import sniff_format
from reviewer.core.errors import (
    ConfigurationError,
    CorruptDocument,
    DocumentError,
    EncryptedDocument,
    TooLarge,
    UnsupportedFormat,
)
from tests.core.documents.conftest import DATA, PLANTED

HOSTILE = [
    ("zip-bomb.docx", TooLarge, "max_part_size"),
    ("xxe.docx", CorruptDocument, "XXE"),
    ("billion-laughs.docx", CorruptDocument, "DTD"),
    ("truncated.docx", CorruptDocument, "damaged zip"),
    ("truncated.pdf", CorruptDocument, "truncated"),
    ("random.docx", UnsupportedFormat, "not docx, PDF or text"),
    ("encrypted.docx", EncryptedDocument, "password"),
    ("encrypted-user-password.pdf", EncryptedDocument, "password"),
]


@pytest.mark.parametrize(("name", "error", "hint"), HOSTILE)
def test_hostile_file_gives_one_line_bilingual_error(name, error, hint):
    started = time.perf_counter()
    with pytest.raises(error) as caught:
        load_document(DATA / name)
    assert time.perf_counter() - started < 5
    message = str(caught.value)
    assert "\n" not in message and hint in message
    zh, en = caught.value.message_zh, caught.value.message_en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh) and not any("\u4e00" <= ch <= "\u9fff" for ch in en[:20])
    assert name in zh and name in en


def test_xxe_never_reads_the_entity_target():
    with pytest.raises(CorruptDocument) as caught:
        load_document(DATA / "xxe.docx")
    assert "root:" not in str(caught.value)


@pytest.mark.parametrize(("name", "fmt"), [("docx-named.pdf", DocumentFormat.DOCX),
                                           ("pdf-named.docx", DocumentFormat.PDF)])
def test_wrong_extension_loads_by_content(name, fmt):
    doc = load_document(DATA / name)
    assert doc.format is fmt
    assert (PLANTED["split_id"] if fmt is DocumentFormat.DOCX else PLANTED["pdf_page2"]) in doc.text


@pytest.mark.parametrize(("head", "hint"), [(b"GIF89a" + b"\0" * 50, "GIF"),
                                            (b"7z\xbc\xaf\x27\x1c" + b"\0" * 50, "7z"),
                                            (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "legacy binary")])
def test_recognised_other_formats(head, hint):
    with pytest.raises(UnsupportedFormat) as caught:
        sniff_format(head, "x.docx")
    assert hint in str(caught.value)


def test_a_damaged_picture_is_one_clear_line(tmp_path):
    """PNG, JPEG and TIFF are read by OCR (issue 27); a damaged one is reported like any damaged file."""
    path = tmp_path / "scan.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 50)
    assert sniff_format(path.read_bytes(), str(path)) is DocumentFormat.IMAGE
    with pytest.raises(CorruptDocument):
        load_document(path)


def test_presentation_named_docx(tmp_path):
    path = tmp_path / "slides.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("ppt/presentation.xml", "<presentation/>")
    with pytest.raises(UnsupportedFormat, match="pptx"):
        load_document(path)  # (a workbook named .docx is read as a workbook: tests/core/documents/test_xlsx_reader.py)


def test_caps_are_configurable_and_strict():
    with pytest.raises(TooLarge, match="max_file_size"):
        load_document(DATA / "planted.docx", max_file_size=1000)
    with pytest.raises(TooLarge, match="max_text_chars"):
        load_document(DATA / "planted.docx", max_text_chars=100)
    with pytest.raises(TooLarge, match="max_text_chars"):
        load_document(DATA / "reportlab-cjk.pdf", max_text_chars=30)
    with pytest.raises(TooLarge, match="max_part_size"):
        load_document(DATA / "planted.docx", max_part_size=2000)
    with pytest.raises(ConfigurationError, match="max_pagez"):
        load_document(DATA / "planted.docx", max_pagez=3)


def test_missing_file_and_folder_are_typed_errors(tmp_path):
    with pytest.raises(DocumentError, match="File not found"):
        load_document(tmp_path / "nope.docx")
    with pytest.raises(DocumentError, match="is a folder"):
        load_document(tmp_path)
    (tmp_path / "empty.docx").write_bytes(b"")
    with pytest.raises(CorruptDocument, match="empty file"):
        load_document(tmp_path / "empty.docx")


def test_docx_without_body_is_corrupt(tmp_path):
    path = tmp_path / "nobody.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/'
                                         'wordprocessingml/2006/main"/>')
    with pytest.raises(CorruptDocument, match="missing main part"):
        load_document(path)


def test_deeply_nested_tables_are_refused_not_crashing(tmp_path):
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    inner = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    for _ in range(120):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
    path = tmp_path / "deep.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", f"<w:document {w}><w:body>{inner}</w:body></w:document>")
    with pytest.raises(DocumentError):
        load_document(path, max_xml_depth=50)


@pytest.mark.parametrize("name", ["planted.docx", "reportlab-cjk.pdf", "libreoffice-planted.docx", "gbk-crlf.txt"])
def test_mutated_files_load_or_fail_cleanly(tmp_path, name):
    """Flipped and cut bytes: either a Document or a DocumentError, never another exception."""
    original = (DATA / name).read_bytes()
    rng = random.Random(name)
    started = time.perf_counter()
    for k in range(25):
        data = bytearray(original)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if k % 5 == 0:
            data = data[: rng.randrange(1, len(data))]
        path = tmp_path / f"m{k}{(DATA / name).suffix}"
        path.write_bytes(bytes(data))
        try:
            load_document(path)
        except DocumentError as exc:
            assert "\n" not in str(exc)
    assert time.perf_counter() - started < 30


def test_zip_member_lying_about_its_size(tmp_path):
    """A central directory that claims a tiny part: reading stops at the cap, whatever it says."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<a>" + b" " * 5_000_000 + b"</a>")
    data = bytearray(buf.getvalue())
    # patch the uncompressed size in the central directory entry (offset 24 from its signature)
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 24: cd + 28] = (100).to_bytes(4, "little")
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(DocumentError):
        load_document(path, max_part_size=1_000_000)

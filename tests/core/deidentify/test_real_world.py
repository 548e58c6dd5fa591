"""Redaction that holds on files as Chinese offices and their tools make them (issue 32).

Each fixture is made at test time by bench/real_world.py and reproduces one failure seen on a corpus
of third-party test files; each test runs the real pipeline (the reader, the detector, the writer, the
independent verifier), mostly through `reviewer redact` itself.
"""

from __future__ import annotations

import zipfile

import pikepdf
import pypdfium2
import pytest

from bench import real_world
from reviewer.core.deidentify.verify import verify_output
from reviewer.core.documents import load_document
from reviewer.core.documents.pdf.strings import name_bytes

from .conftest import run_redact

VALUES = [real_world.PERSON, real_world.PHONE, real_world.ID_NUMBER]


def _pdfium_text(path) -> str:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def _redacted(capsys, source, tmp_path, *extra: str):
    out = tmp_path / f"out{source.suffix}"
    code, stdout, stderr = run_redact(capsys, str(source), "-o", str(out), *extra)
    return code, out, stdout, stderr


# --- PDF ------------------------------------------------------------------------------------

@pytest.mark.parametrize("font", real_world.GB_FONTS)
@pytest.mark.parametrize("embedded", [False, True])
def test_fonts_named_in_gbk_bytes_are_scanned_and_redacted(capsys, tmp_path, font, embedded):
    """宋体 named `/#CB#CE#CC#E5`: `str()` of that name raised UnicodeDecodeError in the verifier (a
    traceback, with zero findings too). Now scan reads it, the copy is verified, the GBK title is read
    as what it says."""
    source = real_world.gbk_font_pdf(tmp_path / "gbk.pdf", font=font, embedded=embedded, title="申请书")
    with pikepdf.open(source) as pdf:  # the fixture is what it claims: a font name that is not UTF-8
        names = [o.get("/BaseFont") for o in pdf.objects if isinstance(o, pikepdf.Dictionary)
                 and o.get("/Type") == "/Font" and "/BaseFont" in o]
        assert names and all(name_bytes(n) == font.encode("gbk") for n in names)
        with pytest.raises(UnicodeDecodeError):
            str(names[0])
    report = verify_output(source, [], format="pdf")  # zero values: no crash; the GBK author read as such
    assert report.survivors == () and report.residues == (f"document info /Author '{real_world.PERSON}' left",)
    document = load_document(source)
    assert document.properties["info.Title"] == "申请书"
    code, out, stdout, stderr = _redacted(capsys, source, tmp_path)
    assert code == 0, stderr
    assert "Traceback" not in stderr
    text = _pdfium_text(out)
    assert "经审查" in text and not [v for v in VALUES if v in text]
    assert verify_output(out, VALUES, format="pdf").ok


def test_a_value_drawn_out_of_order_on_page_two_goes_with_its_page_one_copy(tmp_path):
    """The value is found once (page 1); page 2 draws the same name character by character out of order
    (建, 国, then 王), so it is not in the glyph sequence the writer searched, and it survived. Every
    value is now also found in the reading order the detector and the verifier see."""
    from reviewer.commands.redact import manual_findings
    from reviewer.core.deidentify.export import write_verified
    from reviewer.core.deidentify.plan import plan_from_decisions
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.deidentify.writers.pdf_content_editor import map_pages

    source = real_world.scrambled_pdf(tmp_path / "scrambled.pdf")
    glyphs = "".join(g.text for g in list(map_pages(source.read_bytes()))[1].glyphs)
    assert real_world.PERSON not in glyphs and "建国王" in glyphs  # drawn out of order on page 2
    document = load_document(source)
    assert [real_world.PERSON in b.text for b in document.blocks if b.kind == "page"] == [True, True]
    page_one = [f for f in manual_findings(document, [real_world.PERSON], "PERSON") if f.locator["page"] == 1]
    assert len(page_one) == 1
    plan = plan_from_decisions([(page_one[0], None)], load_profile("general"))
    for rasterize in (False, True):
        out = tmp_path / f"out-{rasterize}.pdf"
        result = write_verified(document, plan, out, pdf_rasterize=rasterize)
        assert result.report.ok
        assert real_world.PERSON not in _pdfium_text(out)
        assert "特此说明" in _pdfium_text(out) or rasterize


def test_trailing_data_after_eof_is_read_not_called_truncated(capsys, tmp_path):
    from reviewer.core.errors import CorruptDocument

    source = real_world.trailing_data_pdf(tmp_path / "trailing.pdf")
    assert source.read_bytes().rstrip().endswith(b"</html>")
    document = load_document(source)
    assert real_world.PERSON in document.text
    code, out, _, stderr = _redacted(capsys, source, tmp_path)
    assert code == 0, stderr
    # a file really cut in transit is still refused: no %%EOF, an object cut in half
    cut = tmp_path / "cut.pdf"
    data = real_world.reportlab_pdf()
    cut.write_bytes(data[: data.index(b"endobj", len(data) // 2)])
    with pytest.raises(CorruptDocument, match="truncated"):
        load_document(cut)


def test_a_broken_catalog_is_read_and_redacted_from_the_pages_pdfium_finds(capsys, tmp_path):
    """The trailer's /Root names an object beyond /Size: qpdf finds no catalog, pdfium reads the pages.
    Scan reads the text; the export is written from pdfium's copy and its notes say so."""
    source = real_world.broken_root_pdf(tmp_path / "broken.pdf")
    with pytest.raises(pikepdf.PdfError):
        pikepdf.open(source)
    assert real_world.PERSON in _pdfium_text(source)
    document = load_document(source)
    assert real_world.PERSON in document.text
    code, out, stdout, stderr = _redacted(capsys, source, tmp_path)
    assert code == 0, stderr
    from reviewer.core.documents.pdf.reader import REBUILT, REWRITTEN

    assert REWRITTEN in stdout or REBUILT in stdout
    text = _pdfium_text(out)
    assert "经审查" in text and not [v for v in VALUES if v in text]


def test_a_pdf_whose_only_encrypted_part_is_an_attachment_is_not_said_to_need_a_password(capsys, tmp_path):
    source = real_world.encrypted_attachment_pdf(tmp_path / "attachment.pdf")
    with pytest.raises(pikepdf.PasswordError):  # qpdf wants the attachment's password for the whole file
        pikepdf.open(source)
    assert len(pypdfium2.PdfDocument(str(source))) == 1  # anyone can open the document
    document = load_document(source)
    assert real_world.PERSON in document.text
    assert any(b.kind == "attachment" and b.text == "附件.pdf" for b in document.blocks)
    code, out, _, stderr = _redacted(capsys, source, tmp_path)
    assert code == 0, stderr
    assert "password" not in stderr
    with pikepdf.open(out) as pdf:
        assert not pdf.attachments and not pdf.is_encrypted


def test_pdfium_refusals_are_worded_never_pdfium_success(tmp_path):
    from reviewer.core.documents.pdf.reader import pdfium_reason
    from reviewer.core.errors import CorruptDocument

    class Refusal(Exception):
        err_code = 0  # what pypdfium2 prints as "Failed to load document (PDFium: Success)"

    assert "Success" not in pdfium_reason(Refusal()) and "pdfium" in pdfium_reason(Refusal())
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    with pytest.raises(CorruptDocument) as caught:
        load_document(garbage)
    assert "Success" not in str(caught.value)


# --- docx -----------------------------------------------------------------------------------

def _members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def test_a_glossary_with_a_folder_entry_goes_with_its_folder_relationship_and_content_type(capsys, tmp_path):
    source = real_world.docx_with_glossary(tmp_path / "glossary.docx")
    assert "word/glossary/" in _members(source)
    before = verify_output(source, [], format="docx")  # the verifier names every piece of it
    assert any("word/glossary/ present" in r for r in before.residues)
    assert any("relationship" in r and "glossary" in r for r in before.residues)
    assert any("content type" in r and "glossary" in r for r in before.residues)
    code, out, _, stderr = _redacted(capsys, source, tmp_path)
    assert code == 0, stderr
    members = _members(out)
    assert not [n for n in members if n.lower().startswith("word/glossary")]
    assert b"glossary" not in members["[Content_Types].xml"]
    assert b"glossary" not in members["word/_rels/document.xml.rels"]


def test_comments_go_with_their_own_relationships_part(capsys, tmp_path):
    source = real_world.docx_with_comments(tmp_path / "comments.docx")
    assert "word/_rels/comments.xml.rels" in _members(source)
    code, out, stdout, stderr = _redacted(capsys, source, tmp_path)
    assert code == 0, stderr
    members = _members(out)
    assert not [n for n in members if "comments" in n.lower() or "people" in n.lower()]
    rels = members["word/_rels/document.xml.rels"].decode()
    assert "comments" not in rels and "people" not in rels
    assert "comments" not in members["[Content_Types].xml"].decode()
    # the verifier agrees on what removed means: a leftover relationships part fails the export
    leftover = tmp_path / "leftover.docx"
    with zipfile.ZipFile(leftover, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
        z.writestr("word/_rels/comments.xml.rels", _members(source)["word/_rels/comments.xml.rels"])
    assert not verify_output(leftover, [], format="docx").ok


@pytest.mark.parametrize(("encoding", "utf16"), [("utf-8", True), ("utf-8", False), ("gbk", False), ("gbk", True)])
def test_an_ole_package_label_is_read_in_its_own_encoding_and_rewritten(capsys, tmp_path, encoding, utf16):
    """A UTF-8 label read as GBK became mojibake that detection tagged as a name no byte of the file
    holds, so no writer could remove it: exit 3 on a clean file. The label is now decoded by what the
    object declares, and a name in it is rewritten in place."""
    label = f"{real_world.PERSON}的申请.pdf"
    source = real_world.docx_with_package(tmp_path / "package.docx", encoding=encoding, utf16=utf16, label=label)
    document = load_document(source)
    labels = [b.text for b in document.blocks if b.kind == "attachment" and b.path.endswith("label")]
    assert labels and set(labels) == {label}, labels
    code, out, _, stderr = _redacted(capsys, source, tmp_path)
    assert code == 0, stderr
    ole = _members(out)["word/embeddings/oleObject1.bin"]
    for enc in ("utf-8", "gbk", "utf-16-le"):
        assert real_world.PERSON.encode(enc) not in ole
    from reviewer.core.documents.docx.ole import ole_fields

    assert dict(ole_fields(ole))["label"].endswith("的申请.pdf")


# --- pictures -------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "codec"), [("bilevel", "/CCITTFaxDecode"), ("jpeg", "/DCTDecode")])
def test_a_scanned_page_keeps_its_picture_format_and_size(capsys, tmp_path, kind, codec):
    """A redaction on a scan re-renders the page as a picture with the boxes burned in. It was always a
    144 dpi colour JPEG: a 5 KB bilevel scan came back as 54 KB. It is now encoded as the scan was
    (its codec, resolution, and a JPEG's quantisation tables), and the boxes are black in it."""
    source = real_world.scanned_pdf(tmp_path / "scan.pdf", kind=kind)

    def picture(path):
        with pikepdf.open(path) as pdf:
            images = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
            assert len(images) == 1
            return str(images[0].get("/Filter")), len(images[0].read_raw_bytes()), int(images[0].Width)

    before = picture(source)
    assert before[0] == codec
    code, out, stdout, stderr = _redacted(capsys, source, tmp_path)
    assert code == 0, stderr
    assert "rendered as images" in stdout  # by the OCR hook, which paints what OCR read (writers/pdf_scans.py)
    after = picture(out)
    assert after[0] == codec and after[2] == before[2]  # same codec, same resolution
    assert after[1] <= 1.5 * before[1], (before, after)
    page = pypdfium2.PdfDocument(str(out))[0].render(scale=1).to_pil().convert("L")
    # the person's name after the 王 the mask keeps, at (72 + 4 characters, 720) in points: black now
    x, y = 72 + 12 * 4 + 6, 842 - 720 - 4
    assert page.getpixel((x, y)) < 64

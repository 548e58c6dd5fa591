"""Acceptance: the PDF leak suite — glyphs really removed, the rest of the text intact and in place."""

from __future__ import annotations

import pdfplumber
import pikepdf
import pypdf

from reviewer.core.deidentify.verify import verify_output

from .conftest import (
    DATA,
    detect_and_export,
    names_args,
    pdf_stream_bytes,
    published_paragraphs,
    raw_hits,
    run_redact,
    sha256,
)


def _redact(capsys, tmp_path, *extra):
    out = tmp_path / "clean.pdf"
    code, _, stderr = run_redact(capsys, str(DATA / "leak.pdf"), "-o", str(out), *names_args(), *extra)
    assert code == 0, stderr
    return out


def test_leak_suite_pdf_has_zero_survivors(capsys, tmp_path, leak):
    before = sha256(DATA / "leak.pdf")
    out = _redact(capsys, tmp_path)
    assert sha256(DATA / "leak.pdf") == before
    report = verify_output(out, leak.PLANTED, format="pdf")
    assert report.ok, (report.survivors, report.residues)
    assert raw_hits(out.read_bytes(), leak.PLANTED) == []
    streams = pdf_stream_bytes(out)
    assert len(streams) >= 3
    for data in streams:
        assert raw_hits(data, leak.PLANTED) == []
    # pypdf, a third extractor, agrees
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    assert not [v for v in leak.PLANTED if v in text.replace(" ", "")]


def test_verifier_sees_every_planted_place_in_the_original(leak):
    report = verify_output(DATA / "leak.pdf", leak.PLANTED, format="pdf")
    where = " | ".join(f"{s.value}@{s.where}" for s in report.survivors)
    assert "page 1 text (pdfplumber)" in where and "page 2 text (pdfium)" in where
    assert f"{leak.NAME_SPLIT}@" in where and "/Title" in where  # outline title
    assert "XMP" in where
    for residue in ("XMP metadata", "/JavaScript", "/EmbeddedFiles", "/Text annotation", "/Author"):
        assert any(residue in r for r in report.residues), residue


def _chars(path):
    with pdfplumber.open(path) as pdf:
        return [[(c["text"], round(c["x0"], 1), round(c["top"], 1)) for c in page.chars] for page in pdf.pages]


def test_unredacted_text_intact_and_in_place(capsys, tmp_path, leak):
    out = _redact(capsys, tmp_path)
    before, after = _chars(DATA / "leak.pdf"), _chars(out)
    assert len(before) == len(after) == 2
    removed_total = 0
    for old, new in zip(before, after, strict=True):
        assert set(new) <= set(old)  # nothing moved, nothing added
        removed = [c for c in old if c not in set(new)]
        removed_total += len(removed)
        # only characters of de-identified values were removed
        value_chars = set("".join(leak.PLANTED))
        assert all(c[0] in value_chars for c in removed), removed
    assert removed_total > 60
    with pdfplumber.open(out) as pdf:
        text = pdf.pages[0].extract_text()
        assert "本局决定：处罚款人民币50,000元。" in text
        assert "行政处罚决定书" in text
        assert "公民身份号码：500106" in text and "4515" in text  # the mask keeps head and tail
        assert "配偶证件号110101" in text and "核实无误" in text  # text in a Form XObject
        assert "本页其余文字保持不变。" in pdf.pages[1].extract_text()  # rotated page
    reader = pypdf.PdfReader(str(out))
    assert "本局决定" in reader.pages[0].extract_text() and len(reader.pages) == 2


def test_opaque_box_over_every_removed_character(capsys, tmp_path):
    out = _redact(capsys, tmp_path)
    before, after = _chars(DATA / "leak.pdf"), _chars(out)
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        boxes = [r for r in page.rects if r.get("fill")]
        removed = [c for c in before[0] if c not in set(after[0])]
        for text, x0, top in removed:
            assert any(b["x0"] - 1 <= x0 <= b["x1"] and b["top"] - 1 <= top <= b["bottom"] for b in boxes), text


def test_metadata_outline_annotations_attachments_scrubbed(capsys, tmp_path):
    out = _redact(capsys, tmp_path)
    with pikepdf.open(out) as pdf:
        assert "/Metadata" not in pdf.Root and "/AF" not in pdf.Root
        assert "/Author" not in pdf.docinfo
        assert "/JavaScript" not in pdf.Root.get("/Names", {}) and len(pdf.attachments) == 0
        annots = list(pdf.pages[0].obj.get("/Annots", []))
        assert [str(a.Subtype) for a in annots] == ["/Link"]
        assert str(annots[0].A.URI) == "mailto:[电子邮箱]"
        assert str(pdf.Root.Outlines.First.Title) == "王某的处罚决定"
        assert str(pdf.docinfo.get("/Subject")) == "李某 186****6789"


def test_punitive_notice_pdf_keeps_names(capsys, tmp_path, leak):
    out = _redact(capsys, tmp_path, "--profile", "punitive-notice")
    with pdfplumber.open(out) as pdf:
        text = pdf.pages[0].extract_text()
    assert leak.NAME_SPLIT in text and leak.NAME_ZHANG_1 in text
    assert leak.ID_1 not in text.replace(" ", "") and "500106" in text


def test_vertical_writing_falls_back_to_a_rendered_page(capsys, tmp_path, leak):
    """Vertical CJK text is not mapped glyph by glyph: that page becomes an image with burned-in boxes."""
    out = tmp_path / "vertical.pdf"
    code, stdout, stderr = run_redact(capsys, str(DATA / "vertical.pdf"), "-o", str(out), "--person", leak.NAME_SPLIT)
    assert code == 0, stderr
    assert "pages [1] re-rendered as images" in stdout
    assert verify_output(out, [leak.NAME_SPLIT, leak.PHONE_TABLE], format="pdf").ok
    with pdfplumber.open(out) as pdf:
        assert pdf.pages[0].chars == [] and len(pdf.pages[0].images) == 1
        assert "第二页横排文字" in pdf.pages[1].extract_text().replace("\n", "")  # untouched page keeps its text
    assert len(pypdf.PdfReader(str(out)).pages) == 2


def test_boxes_are_burned_into_the_rendered_page(capsys, tmp_path, leak):
    """Forced rasterisation: the pixels under each removed character are black, the page has no text."""
    import pypdfium2

    out = tmp_path / "raster.pdf"
    code, stdout, stderr = run_redact(capsys, str(DATA / "leak.pdf"), "-o", str(out), "--pdf-rasterize",
                                      *names_args())
    assert code == 0, stderr
    assert verify_output(out, leak.PLANTED, format="pdf").ok
    before, after = _chars(DATA / "leak.pdf"), _chars(out)
    assert after == [[], []]
    edited = tmp_path / "edited.pdf"
    assert run_redact(capsys, str(DATA / "leak.pdf"), "-o", str(edited), *names_args())[0] == 0
    removed = [c for c in before[0] if c not in set(_chars(edited)[0])]
    image = pypdfium2.PdfDocument(str(out))[0].render(scale=1).to_pil().convert("L")
    inside = [c for c in removed if c[1] + 3 < image.width]  # the planted e-mail runs off the page edge
    assert len(inside) > 50
    for text, x0, top in inside:
        assert image.getpixel((int(x0) + 2, int(top) + 4)) < 40, text


def test_scanned_page_with_ocr_layer_is_rendered_not_covered(capsys, tmp_path, leak):
    """Glyphs of an invisible OCR layer lie on the scan image: a box would leave the pixels in the image
    data, so the page is re-rendered with the box burned in and the original image is gone."""
    import pypdfium2

    src = DATA / "scan-ocr.pdf"
    out = tmp_path / "scan.pdf"
    code, stdout, stderr = run_redact(capsys, str(src), "-o", str(out), "--person", leak.NAME_SPLIT)
    assert code == 0, stderr
    assert "pages [1] re-rendered as images" in stdout and "check those pages visually" in stdout
    assert "read again by OCR" in stdout and "page 1 (" in stdout  # the verifier read the page's pixels too
    with pikepdf.open(src) as pdf:
        originals = [bytes(x.read_raw_bytes()) for x in pdf.pages[0].get_images().values()]
    assert len(originals) == 1
    assert originals[0] not in out.read_bytes()
    removed = [c for c in _chars(src)[0] if c[0] in "建国9600"]
    assert len(removed) == 6
    image = pypdfium2.PdfDocument(str(out))[0].render(scale=1).to_pil().convert("L")
    for text, x0, top in removed:
        assert image.getpixel((int(x0) + 3, int(top) + 6)) < 40, text
    assert verify_output(out, [leak.NAME_SPLIT, leak.PHONE_TABLE], format="pdf").ok


def _pdfium_chars(path):
    """(char, rounded box) per character as pdfium sees it (spec-exact for the \" operator)."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        textpage = doc[0].get_textpage()
        chars = []
        for i in range(textpage.count_chars()):
            text = textpage.get_text_range(i, 1)
            if text.strip():
                chars.append((text, *(round(v, 1) for v in textpage.get_charbox(i))))
        return chars
    finally:
        doc.close()


def test_kerning_spacing_scaling_and_quote_operators_keep_positions(capsys, tmp_path, leak):
    src = DATA / "operators.pdf"
    out = tmp_path / "ops.pdf"
    code, _, stderr = run_redact(capsys, str(src), "-o", str(out))
    assert code == 0, stderr
    assert verify_output(out, [leak.PHONE_TABLE, leak.PHONE_HEADER], format="pdf").ok
    before, after = _pdfium_chars(src), _pdfium_chars(out)
    assert set(after) <= set(before)  # every remaining glyph exactly where it was
    removed = [c[0] for c in before if c not in set(after)]
    assert 8 <= len(removed) <= 14 and set(removed) <= set("96001234135")  # only masked digits went
    text = "".join(c[0] for c in after)
    assert "Tel138" in text and "end" in text and "next138" in text and "1234line" in text
    assert "quote135" in text and "5678x" in text


def test_other_spelling_of_a_value_on_another_page(tmp_path):
    """Only 13896001234 was detected; page 2 writes it 138-9600-1234: its digits go too."""
    from reviewer.core.deidentify.plan import plan_redactions
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.deidentify.writers.pdf import write_pdf
    from reviewer.core.types import Finding

    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding))
    for line in (b"Tel 13896001234 end", b"Fax 138-9600-1234 end"):
        pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, 612, 792], Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
            Contents=pdf.make_stream(b"BT /F1 12 Tf 72 700 Td (" + line + b") Tj ET"))))
    src = tmp_path / "two.pdf"
    pdf.save(src)
    finding = Finding(entity_type="CN_MOBILE_PHONE", start=4, end=15, text="13896001234", score=1.0, recognizer="t",
                      explanation="")
    out = tmp_path / "out.pdf"
    report = write_pdf(src, plan_redactions([finding], load_profile("general")), out)
    assert report.pages_edited == (1, 2) and report.glyphs_removed == 8
    assert verify_output(out, ["13896001234"], format="pdf").ok
    with pdfplumber.open(out) as doc:
        assert [p.extract_text() for p in doc.pages] == ["Tel 138 1234 end", "Fax 138- -1234 end"]


def test_every_pdfium_document_is_opened_under_the_shared_lock(capsys, tmp_path, monkeypatch):
    """pdfium is not thread-safe: the writer and the verifier hold the process-wide lock the reader and
    the PDF view hold (a page rendered during an export crashed the process when they did not)."""
    from tests.pdfium_spy import record_lock_on_open

    held = record_lock_on_open(monkeypatch)
    _redact(capsys, tmp_path)
    assert len(held) >= 3 and all(held), held  # read, pages to map, verification (at least)


def test_a_gap_left_by_a_removal_never_spells_another_removed_value(tmp_path):
    """Found exporting published sentences: 黄龙玉 keeps its surname (黄某甲), and with 龙玉 removed the
    page reads 黄 明年, which extractors join into 黄明, the professor's name elsewhere in the plan.
    The verifier refused the export; the writer now removes such a run whole."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from reviewer.core.deidentify.export import write_verified
    from reviewer.core.deidentify.plan import plan_redactions
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.documents import load_document
    from reviewer.core.types import EntityType, Finding, category_of

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    src = tmp_path / "gap.pdf"
    c = canvas.Canvas(str(src))
    c.setFont("STSong-Light", 12)
    c.drawString(40, 760, "价格居高不下，“黄龙玉明年应该能回归理性”。")
    c.drawString(40, 730, "金融学教授黄明告诉记者。")
    c.showPage()
    c.save()
    document = load_document(src)
    findings = []
    for name in ("黄龙玉", "黄明"):
        i = document.text.index(name)
        findings.append(Finding(str(EntityType.PERSON), i, i + len(name), name, 0.9, "t", "",
                                category_of(EntityType.PERSON), document.locate(i, i + len(name))))
    plan = plan_redactions(findings, load_profile("general"))
    assert plan.values == {"黄龙玉": "黄某甲", "黄明": "黄某乙"}
    result = write_verified(document, plan, tmp_path / "out.pdf")
    assert result.report.ok
    with pdfplumber.open(result.output) as doc:
        text = doc.pages[0].extract_text().replace(" ", "")
    assert "黄明" not in text and "龙玉" not in text
    assert "年应该能回归理性" in text and "金融学教授黄" in text and "告诉记者" in text


def test_a_pdf_of_published_sentences_exports_and_verifies(tmp_path):
    """71 pages of published news and web sentences (bench.generate's real-text corpus), detected by the
    real engine and exported under the general profile: the export must verify. It did not before
    two fixes (a gap that spelled another name; pixels searched as bytes)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    paragraphs = published_paragraphs(tmp_path)[2000:2600]
    text = "".join(ch for ch in "".join(paragraphs) if ord(ch) < 0x10000)
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    src = tmp_path / "published.pdf"
    c = canvas.Canvas(str(src))
    lines = [text[i:i + 38] for i in range(0, len(text), 38)]
    for first in range(0, len(lines), 40):
        c.setFont("STSong-Light", 10)
        for j, line in enumerate(lines[first:first + 40]):
            c.drawString(40, 800 - 19 * j, line)
        c.showPage()
    c.save()
    plan, result = detect_and_export(src, tmp_path / "out.pdf", min_findings=1000, min_values=500)
    # every page edited, none re-rendered as an image (41 of 71 were, while a · missing from the CMap
    # made the glyph map unsafe)
    assert not any("re-rendered" in note for note in result.notes), result.notes
    with pdfplumber.open(result.output) as doc:
        out = "".join((p.extract_text() or "") for p in doc.pages).replace(" ", "").replace("\n", "")
    assert not [v for v in plan.values if len(v) >= 3 and v in out]


def test_export_reports_progress_page_by_page_while_writing_and_verifying(tmp_path):
    """A long PDF takes seconds to write and verify: progress comes per page in both halves."""
    from reviewer.core.deidentify.export import PROGRESS_TOTAL, write_verified
    from reviewer.core.deidentify.plan import plan_redactions
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.documents import load_document
    from reviewer.core.types import EntityType, Finding, category_of
    from tests.core.documents.bench_pdf_readers import make_cjk_pdf

    src = tmp_path / "long.pdf"
    make_cjk_pdf(src, 40, lines=10)
    document = load_document(src)
    i = document.text.index("王小明")
    finding = Finding(str(EntityType.PERSON), i, i + 3, "王小明", 0.9, "t", "", category_of(EntityType.PERSON),
                      document.locate(i, i + 3))
    seen: list[tuple[int, int]] = []
    result = write_verified(document, plan_redactions([finding], load_profile("general")), tmp_path / "out.pdf",
                            progress=lambda done, total: seen.append((done, total)))
    assert result.report.ok
    done = [d for d, _ in seen]
    assert {t for _, t in seen} == {PROGRESS_TOTAL} and done == sorted(done) and done[-1] == PROGRESS_TOTAL
    half = PROGRESS_TOTAL // 2
    assert len({d for d in done if 0 < d < half}) >= 20  # writing: the pages one by one
    # verifying: pages read here one by one, the page helper's in chunks of 12
    assert len({d for d in done if half < d < PROGRESS_TOTAL}) >= 10


def _rendered_boxes(path):
    """(char, centre x, centre y from the top) of page 1 as pdfium draws it."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        page = doc[0]
        height = page.get_height()
        textpage = page.get_textpage()
        out = []
        for i in range(textpage.count_chars()):
            left, bottom, right, top = textpage.get_charbox(i)
            out.append((textpage.get_text_range(i, 1), (left + right) / 2, height - (bottom + top) / 2))
        return out
    finally:
        doc.close()


def _second_line_pdf(tmp_path, second_line):
    """Two lines of STSong-Light (reportlab: UniGB-UCS2-H); 张三 is a finding on the first line only, so
    on the second it is found by its text. Returns the document and the general-profile plan."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from reviewer.core.deidentify.plan import plan_redactions
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.documents import load_document
    from reviewer.core.types import EntityType, Finding, category_of

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    src = tmp_path / "lines.pdf"
    c = canvas.Canvas(str(src))
    c.setFont("STSong-Light", 12)
    c.drawString(72, 700, "甲方张三同意，无圆点。")
    c.drawString(72, 680, second_line)
    c.save()
    document = load_document(src)
    i = document.text.index("张三")
    finding = Finding(str(EntityType.PERSON), i, i + 2, "张三", 0.9, "t", "", category_of(EntityType.PERSON),
                      document.locate(i, i + 2))
    plan = plan_redactions([finding], load_profile("general"))
    assert plan.values == {"张三": "张某"}
    return document, plan


def _pixels(path, boxes):
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        image = doc[0].render(scale=1).to_pil().convert("L")
    finally:
        doc.close()
    return [image.getpixel((int(x), int(y))) for _, x, y in boxes]


def test_a_code_missing_from_the_cmap_moves_nothing_and_hides_nothing(tmp_path):
    """reportlab writes · through UniGB-UCS2-H, whose code pdfminer's CMap lacks: pdfminer skips it
    without advancing, a renderer draws it one em wide. The writer used pdfminer's positions: the page
    was re-rendered as an image with its boxes one character to the left, over the kept 张, and the
    removed 三 stayed legible in the pixels (41 of 71 pages of published text were rendered so). Now
    the page is edited (its text layer kept), and forced rendering blackens exactly the removed glyphs."""
    from reviewer.core.deidentify.export import write_verified

    document, plan = _second_line_pdf(tmp_path, "西晋·司马彪著，张三同意。")
    assert "西晋·司马彪著，张三同意。" in document.text
    before = _rendered_boxes(document.path)
    removed = [b for b in before if b[0] == "三"]
    kept = [b for b in before if b[0] in "张同"]
    assert len(removed) == 2 and len(kept) == 4

    edited = write_verified(document, plan, tmp_path / "edited.pdf")
    assert edited.report.ok and not any("re-rendered" in n for n in edited.notes), edited.notes
    after = _rendered_boxes(edited.output)
    assert "".join(b[0] for b in after).replace("\r\n", "\n").split("\n") == ["甲方张 同意，无圆点。", "西晋·司马彪著，张 同意。"]
    assert {(ch, round(x, 1), round(y, 1)) for ch, x, y in after if ch.strip()} \
        == {(ch, round(x, 1), round(y, 1)) for ch, x, y in before if ch.strip() and ch != "三"}

    raster = write_verified(document, plan, tmp_path / "raster.pdf", pdf_rasterize=True)
    assert raster.report.ok and any("re-rendered" in n for n in raster.notes)
    assert all(p < 40 for p in _pixels(raster.output, removed)), _pixels(raster.output, removed)
    assert all(p > 40 for p in _pixels(raster.output, kept)), _pixels(raster.output, kept)


def test_a_page_pdfminer_misreads_is_rendered_with_boxes_where_pdfium_draws(tmp_path):
    """A code whose first byte the CMap lacks (a private-use character): pdfminer loses step and reads 司
    as S, one byte late, and every later position of the line is off. Such a page is re-rendered; its
    boxes were burned at pdfminer's positions and 三 stayed legible. They now also go where pdfium,
    which draws the image, has the characters of each value."""
    from reviewer.core.deidentify.export import write_verified

    document, plan = _second_line_pdf(tmp_path, "西晋\ue000司马彪著，张三同意。")
    removed = [b for b in _rendered_boxes(document.path) if b[0] == "三"]
    assert len(removed) == 2
    result = write_verified(document, plan, tmp_path / "out.pdf")
    assert result.report.ok and any("re-rendered" in n for n in result.notes), result.notes
    assert all(p < 40 for p in _pixels(result.output, removed)), _pixels(result.output, removed)


def test_pictures_in_a_pdf_lose_their_exif_and_xmp_without_losing_a_pixel(tmp_path):
    """reportlab (like most PDF makers) passes a JPEG through as it is, EXIF with GPS position and owner
    included, and an image may carry its own XMP: both are removed, the image data is unchanged, and the
    verifier refuses a copy that still has them."""
    import io

    import pypdfium2
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from reviewer.core.documents.pdf.streams import jpeg_bytes
    from tests.docx_chunks import photo_with_exif

    photo = photo_with_exif("王建国")
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    src = tmp_path / "photo.pdf"
    c = canvas.Canvas(str(src))
    c.setFont("STSong-Light", 12)
    c.drawString(72, 760, "现场检查照片如下，当事人张伟在场。")
    c.drawImage(ImageReader(io.BytesIO(photo)), 72, 500, width=192, height=144)
    c.save()
    with pikepdf.open(src, allow_overwriting_input=True) as pdf:
        image = next(o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image")
        assert b"Exif" in jpeg_bytes(pdf, image)  # passed through (under reportlab's ASCII85 layer)
        image.Metadata = pdf.make_stream(b'<x:xmpmeta><dc:creator>Wang Jianguo</dc:creator></x:xmpmeta>')
        pdf.save(src)
    before = verify_output(src, ["张伟"], format="pdf")
    assert any("picture metadata (EXIF, JPEG comment)" in r for r in before.residues), before.residues
    assert any("XMP metadata left" in r and "catalog" not in r for r in before.residues), before.residues
    plan, result = detect_and_export(src, tmp_path / "out.pdf", min_findings=0, min_values=0)
    assert any("removed from 1 pictures" in note for note in result.notes), result.notes
    out = result.output.read_bytes() if hasattr(result.output, "read_bytes") else open(result.output, "rb").read()
    assert b"Exif" not in out and b"Wang Jianguo" not in out and b"Zhang Wei" not in out
    with pikepdf.open(result.output) as pdf:
        image = next(o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image")
        data = jpeg_bytes(pdf, image)
    assert data[data.index(b"\xff\xda"):] == photo[photo.index(b"\xff\xda"):]  # the scan data untouched
    box = (72, 842 - 500 - 144, 72 + 192, 842 - 500)  # the picture, on A4 at 72 dpi (the name above is boxed)
    renders = [pypdfium2.PdfDocument(str(p))[0].render(scale=1).to_pil().crop(box).tobytes()
               for p in (src, result.output)]
    assert renders[0] == renders[1] and len(set(renders[0])) > 50

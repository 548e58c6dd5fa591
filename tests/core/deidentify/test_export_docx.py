"""Acceptance: the docx leak suite through `reviewer redact` (real detector, names added by hand)."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import docx
from lxml import etree

from reviewer.core.deidentify.verify import verify_output

from .conftest import (
    DATA,
    detect_and_export,
    docx_part_bytes,
    names_args,
    published_paragraphs,
    raw_hits,
    run_redact,
    sha256,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _redact(capsys, tmp_path, *extra):
    out = tmp_path / "clean.docx"
    code, stdout, stderr = run_redact(capsys, str(DATA / "leak.docx"), "-o", str(out), *names_args(), *extra)
    return code, out, stdout, stderr


def test_leak_suite_docx_has_zero_survivors(capsys, tmp_path, leak):
    before = sha256(DATA / "leak.docx")
    code, out, stdout, stderr = _redact(capsys, tmp_path)
    assert code == 0, stderr
    assert sha256(DATA / "leak.docx") == before  # the input is never touched
    # independent verification, run again from scratch with every planted value
    report = verify_output(out, leak.PLANTED, format="docx")
    assert report.ok, (report.survivors, report.residues)
    # raw grep: the file bytes and every decompressed part, in several encodings
    assert raw_hits(out.read_bytes(), leak.PLANTED) == []
    for name, data in docx_part_bytes(out).items():
        assert raw_hits(data, leak.PLANTED) == [], name


def test_the_original_is_caught_by_the_verifier_everywhere(leak):
    """The verifier sees every planted place in the unredacted file: comments, authors, runs joined."""
    report = verify_output(DATA / "leak.docx", leak.PLANTED, format="docx")
    where = " | ".join(f"{s.value}@{s.where}" for s in report.survivors)
    for place in ("word/comments.xml", "word/header1.xml", "word/footer1.xml", "word/footnotes.xml",
                  "docProps/core.xml", "docProps/custom.xml", "word/_rels/document.xml.rels"):
        assert place in where, place
    assert f"{leak.NAME_SPLIT}@word/document.xml paragraph" in where  # only visible with runs joined
    assert any("author attribute" in r for r in report.residues)
    assert any("comments.xml present" in r for r in report.residues)
    assert any("<w:ins>" in r or "<w:del>" in r for r in report.residues)


def test_structure_scrubbed(capsys, tmp_path, leak):
    code, out, _, stderr = _redact(capsys, tmp_path)
    assert code == 0, stderr
    parts = docx_part_bytes(out)
    assert "word/comments.xml" not in parts and "docProps/thumbnail.jpeg" not in parts
    assert b"comments.xml" not in parts["[Content_Types].xml"] + parts["word/_rels/document.xml.rels"]
    body = parts["word/document.xml"]
    for tag in (b"<w:ins ", b"<w:del ", b"w:delText", b"commentReference", b"commentRangeStart"):
        assert tag not in body
    d = docx.Document(str(out))
    assert d.core_properties.author == "" and d.core_properties.last_modified_by == ""
    assert d.core_properties.title == "关于王某的行政处罚决定书"
    texts = [p.text for p in d.paragraphs]
    assert "当事人：王某，公民身份号码：500106********4515，开户银行账号***************5677。" in texts
    assert "承办人张某甲与张某乙于2026年4月2日送达。联系邮箱 " in texts  # same surname, two people
    assert "补充：另查明其配偶证件号110101********0417。" in texts  # insertion accepted, deletion dropped
    assert d.sections[0].header.paragraphs[0].text == "案卷：王某  联系电话135****5678"  # same pseudonym
    assert d.sections[0].footer.paragraphs[0].text == "当事人证件 500106********4515"
    assert b"mailto:[\xe7\x94\xb5\xe5\xad\x90\xe9\x82\xae\xe7\xae\xb1]" in parts["word/_rels/document.xml.rels"]
    assert "经办人张某乙，电话159****6781".encode() in parts["word/footnotes.xml"]
    assert "文本框：王某 135****5678".encode() in body


def _runs(xml: bytes) -> list[list[tuple[str, str]]]:
    """Per paragraph: (run properties XML, text) of every run that shows text, in order."""
    root = etree.fromstring(xml)
    result = []
    for p in root.iter(f"{W}p"):
        runs = []
        for r in p.iter(f"{W}r"):
            if next(r.iterancestors(f"{W}p")) is not p or any(a.tag == f"{W}del" for a in r.iterancestors()):
                continue
            if r.find(f"{W}t") is None:
                continue
            rpr = r.find(f"{W}rPr")
            runs.append((etree.tostring(rpr) if rpr is not None else b"", "".join(t.text or "" for t in r.iter(f"{W}t"))))
        result.append(runs)
    return result


def test_formatting_preserved_around_every_replacement(capsys, tmp_path):
    code, out, _, stderr = _redact(capsys, tmp_path)
    assert code == 0, stderr
    before, after = docx_part_bytes(DATA / "leak.docx"), docx_part_bytes(out)
    changed = 0
    for part in ("word/document.xml", "word/header1.xml", "word/footer1.xml", "word/footnotes.xml"):
        old, new = _runs(before[part]), _runs(after[part])
        assert len(old) == len(new), part
        for p_old, p_new in zip(old, new, strict=True):
            assert [rpr for rpr, _ in p_old] == [rpr for rpr, _ in p_new], part  # same runs, same properties
            changed += sum(a != b for (_, a), (_, b) in zip(p_old, p_new, strict=True))
    assert changed >= 8
    # the name split over three runs: each run keeps its own formatting, the surname stays bold
    d_old, d_new = docx.Document(str(DATA / "leak.docx")), docx.Document(str(out))
    old_runs, new_runs = d_old.paragraphs[1].runs, d_new.paragraphs[1].runs
    assert [r.text for r in old_runs[1:4]] == ["王", "建", "国"]
    assert [r.text for r in new_runs[1:4]] == ["王", "某", ""]
    for a, b in zip(old_runs, new_runs, strict=True):
        assert (a.bold, a.italic, a.underline, a.font.name, a.font.size) == (
            b.bold, b.italic, b.underline, b.font.name, b.font.size)


def test_punitive_notice_keeps_the_name_and_masks_id_and_phone(capsys, tmp_path, leak):
    out = tmp_path / "notice.docx"
    code, _, stderr = run_redact(capsys, str(DATA / "penalty-decision.docx"), "-o", str(out),
                                 "--profile", "punitive-notice", "--person", leak.NAME_SPLIT)
    assert code == 0, stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[1] == "当事人：王建国"
    assert texts[2] == "公民身份号码：500106********4515"
    assert texts[3] == "联系电话：138****1234"
    assert "当事人王建国销售过期食品" in texts[4]
    assert verify_output(out, [leak.ID_1, leak.PHONE_TABLE], format="docx").ok


def test_verification_failure_writes_nothing_and_lists_survivors(capsys, tmp_path, leak):
    """An embedded OLE object the writer cannot rewrite still holds a phone number: exit 3, no output."""
    src = tmp_path / "embedded.docx"
    shutil.copy(DATA / "leak.docx", src)
    with zipfile.ZipFile(src, "a") as z:
        z.writestr("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0" + leak.PHONE_TABLE.encode("utf-16-le"))
    out = tmp_path / "clean.docx"
    code, _, stderr = run_redact(capsys, str(src), "-o", str(out), *names_args())
    assert code == 3
    assert not out.exists() and list(tmp_path.glob(".clean.docx*")) == []
    assert leak.PHONE_TABLE in stderr and "word/embeddings/oleObject1.bin" in stderr


def test_unreadable_input_exits_1(capsys, tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    code, _, stderr = run_redact(capsys, str(bad), "-o", str(tmp_path / "x.docx"))
    assert code == 1 and stderr
    assert not (tmp_path / "x.docx").exists()


def test_output_must_not_overwrite_input(capsys, tmp_path):
    src = tmp_path / "in.docx"
    shutil.copy(DATA / "penalty-decision.docx", src)
    before = sha256(src)
    code, _, stderr = run_redact(capsys, str(src), "-o", str(src))
    assert code == 1 and "overwrite" in stderr
    assert sha256(src) == before


def test_a_docx_of_published_sentences_exports_and_verifies(tmp_path):
    """400 paragraphs of published news and web sentences with identifiers planted (bench.generate), in body
    text and table cells, detected by the real engine and exported under the general profile."""
    paragraphs = published_paragraphs(tmp_path)[:400]
    d = docx.Document()
    for i, p in enumerate(paragraphs):
        if i % 40 == 0:
            table = d.add_table(rows=2, cols=2)
            table.cell(0, 0).text, table.cell(0, 1).text = "姓名", "备注"
            table.cell(1, 0).text, table.cell(1, 1).text = p[:20], p[20:80]
        d.add_paragraph(p)
    src = tmp_path / "published.docx"
    d.save(src)
    plan, result = detect_and_export(src, tmp_path / "out.docx", min_findings=500, min_values=300)
    out = docx.Document(result.output)
    cells = [c.text for t in out.tables for r in t.rows for c in r.cells]
    text = "\n".join([p.text for p in out.paragraphs] + cells)  # a table row cuts a sentence: not one text
    assert not [v for v in plan.values if len(v) >= 3 and v in text]
    assert any(v not in text and v in "".join(paragraphs) for v in plan.values)  # values really were in it


def _chunked_docx(tmp_path):
    from tests.docx_chunks import html_entities, rtf_gbk, with_chunks

    html = f"<html><body><p>{html_entities('领取人：王建国，身份证号110101199003074578')}</p></body></html>"
    return with_chunks(tmp_path / "chunks.docx", "关于补助发放情况的说明", [
        ("html", html.encode("ascii")), ("rtf", rtf_gbk("联系人：李晓梅，电话13812345678"))], after="特此说明。")


def test_imported_chunks_are_detected_deidentified_and_turned_into_paragraphs(tmp_path):
    """An HTML chunk written with character references and an RTF chunk in GBK escapes: the values are
    in neither part as UTF-8 bytes, so before the chunks were read nothing was found and the copy
    verified with both people's identifiers in it. The real engine now finds them, the writer turns the
    chunks into paragraphs (parts dropped) and the verifier passes."""
    from reviewer.core.documents import load_document

    src = _chunked_docx(tmp_path)
    plan, result = detect_and_export(src, tmp_path / "out.docx", min_findings=3, min_values=3)
    assert {"王建国", "110101199003074578", "李晓梅", "13812345678"} <= set(plan.values)
    assert any("altChunk" in note for note in result.notes)
    with zipfile.ZipFile(result.output) as out:
        assert not [n for n in out.namelist() if "chunk" in n]
        assert b"altChunk" not in out.read("word/document.xml") and b"aFChunk" not in out.read(
            "word/_rels/document.xml.rels")
    text = [b.text for b in load_document(result.output).blocks if b.part == "word/document.xml"]
    assert text[0] == "关于补助发放情况的说明" and text[-1] == "特此说明。" and len(text) == 4
    assert text[1].startswith("领取人：王某") and "4578" in text[1] and "110101199003074578" not in text[1]
    assert text[2].startswith("联系人：李某") and "13812345678" not in text[2]


def test_the_verifier_reads_an_imported_chunk_left_in_a_copy(tmp_path):
    """A copy that still holds an encoded chunk fails, though a byte search finds nothing."""
    src = _chunked_docx(tmp_path)
    assert raw_hits(src.read_bytes(), ["王建国", "李晓梅"]) == []
    report = verify_output(src, ["王建国", "李晓梅", "13812345678"], format="docx")
    assert {s.value for s in report.survivors} == {"王建国", "李晓梅", "13812345678"}
    assert any("chunk0.html (text)" in s.where for s in report.survivors)


def test_an_unreadable_imported_chunk_stops_the_export(tmp_path):
    import pytest

    from reviewer.core.deidentify.errors import ExportRefused
    from reviewer.core.deidentify.export import write_verified
    from reviewer.core.deidentify.plan import plan_from_decisions
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.detection import analyze
    from reviewer.core.documents import load_document
    from tests.docx_chunks import with_chunks

    src = with_chunks(tmp_path / "odd.docx", "申请人王建国，电话13812345678。", [("bin", b"\x00\x01binary")])
    document = load_document(src)
    plan = plan_from_decisions([(f, None) for f in analyze(document)], load_profile("general"))
    with pytest.raises(ExportRefused) as caught:
        write_verified(document, plan, tmp_path / "out.docx")
    assert "chunk0.bin" in str(caught.value)
    assert not (tmp_path / "out.docx").exists()


def test_chart_and_smartart_text_is_detected_and_removed_with_the_chart_workbook(tmp_path):
    """Word draws a chart's title and category names and a SmartArt's boxes from their own parts; a
    chart keeps its data in an embedded workbook. None of it was read, so names shown there went out
    unreviewed. Read, detected by the real engine, replaced in the chart, the SmartArt and the workbook
    (a masked number cell becomes a text cell), verified."""
    from reviewer.core.documents import BlockKind, load_document
    from tests.docx_chunks import with_chart_and_smartart

    src = with_chart_and_smartart(tmp_path / "chart.docx", "2024年度补助发放情况见下图。", "补助发放（经办人：李晓梅）",
                                  [("王建国", 1200), ("张伟", 800), ("联系电话", 13812345678)],
                                  ["组长：欧阳明", "联系电话13912345678"])
    document = load_document(src)
    assert [b.text for b in document.blocks if b.kind is BlockKind.CHART] == [
        "补助发放（经办人：李晓梅）", "补助金额", "王建国", "张伟", "联系电话", "13812345678"]
    assert [b.text for b in document.blocks if b.kind is BlockKind.DIAGRAM] == ["组长：欧阳明", "联系电话13912345678"]
    plan, result = detect_and_export(src, tmp_path / "out.docx", min_findings=5, min_values=5)
    assert {"李晓梅", "王建国", "张伟", "欧阳明", "13812345678", "13912345678"} <= set(plan.values)
    parts = docx_part_bytes(result.output)
    workbook = zipfile.ZipFile(io.BytesIO(parts["word/embeddings/Microsoft_Excel_Sheet1.xlsx"]))
    sheet = workbook.read("xl/worksheets/sheet1.xml")
    for data in (*parts.values(), workbook.read("xl/sharedStrings.xml"), sheet):
        assert raw_hits(data, list(plan.values)) == []
    assert b'<c r="B4" t="str"><v>138****5678</v>' in sheet and b'<c r="B2"><v>1200</v>' in sheet
    chart = [b.text for b in load_document(result.output).blocks if b.kind is BlockKind.CHART]
    assert chart[0] == "补助发放（经办人：李某）" and chart[2:] == ["王某", "张某", "联系电话", "138****5678"]


def test_document_variables_custom_xml_and_building_blocks_do_not_carry_names_out(tmp_path):
    """Office systems keep the drafter's name and phone in document variables and custom XML data, and
    a template's building blocks keep a signature: none of it is shown by Word, all of it is published
    with the file. The first two are read as document properties, detected and replaced; the building
    blocks are removed."""
    from reviewer.core.documents import BlockKind, load_document
    from tests.docx_chunks import with_hidden_data

    src = with_hidden_data(
        tmp_path / "hidden.docx", "关于2024年度政务公开工作的通知。",
        {"拟稿人": "王建国", "拟稿人电话": "13812345678"},
        '<?xml version="1.0" encoding="UTF-8"?><oa:meta xmlns:oa="urn:example:oa"><oa:审核人>李晓梅</oa:审核人>'
        '<oa:签发 人="欧阳明" 日期="2024-05-01"/></oa:meta>',
        "经办人：张伟，电话13912345678")
    document = load_document(src)
    props = {b.path: b.text for b in document.blocks if b.kind is BlockKind.PROPERTY}
    assert props["docVar:拟稿人"] == "王建国" and props["docVar:拟稿人电话"] == "13812345678"
    assert props["customXml:审核人"] == "李晓梅" and props["customXml:签发@人"] == "欧阳明"
    plan, result = detect_and_export(src, tmp_path / "out.docx", min_findings=3, min_values=3)
    assert {"王建国", "13812345678", "李晓梅", "欧阳明"} <= set(plan.values)
    assert any("word/glossary/document.xml" in note for note in result.notes)
    parts = docx_part_bytes(result.output)
    assert not [n for n in parts if n.startswith("word/glossary/")]
    assert b"glossary" not in parts["word/_rels/document.xml.rels"] + parts["[Content_Types].xml"]
    for data in parts.values():
        assert raw_hits(data, ["王建国", "13812345678", "李晓梅", "欧阳明", "张伟", "13912345678"]) == []


def test_pictures_lose_their_gps_position_and_owner_without_losing_a_pixel(tmp_path):
    """A site photo's EXIF gives where it was taken and whose phone took it; a PNG keeps text chunks.
    The copy's pictures carry none of it, the pixels are the same bytes of image data, and the verifier
    refuses a copy that still has picture metadata."""
    from PIL import Image

    from tests.docx_chunks import photo_with_exif, png_with_text

    photo, scan = photo_with_exif("王建国"), png_with_text("李晓梅")
    document = docx.Document()
    document.add_paragraph("现场检查照片如下，当事人张伟在场。")
    document.add_picture(io.BytesIO(photo))
    document.add_picture(io.BytesIO(scan))
    src = tmp_path / "photos.docx"
    document.save(src)
    before = verify_output(src, ["张伟"], format="docx")
    assert any("picture metadata (EXIF, JPEG comment)" in r for r in before.residues), before.residues
    assert any("picture metadata (PNG iTXt, PNG tEXt)" in r for r in before.residues), before.residues
    plan, result = detect_and_export(src, tmp_path / "out.docx", min_findings=0, min_values=0)
    assert any("removed from 2 pictures" in note for note in result.notes), result.notes
    parts = docx_part_bytes(result.output)
    media = {n: d for n, d in parts.items() if n.startswith("word/media/")}
    assert len(media) == 2
    for name, data in media.items():
        original = photo if name.endswith((".jpg", ".jpeg")) else scan
        assert raw_hits(data, ["王建国", "李晓梅", "Zhang Wei"]) == [] and b"Exif" not in data and b"iTXt" not in data
        with Image.open(io.BytesIO(data)) as new, Image.open(io.BytesIO(original)) as old:
            assert new.tobytes() == old.tobytes() and not new.getexif()
    jpeg = next(d for n, d in media.items() if n.endswith((".jpg", ".jpeg")))
    assert jpeg[jpeg.index(b"\xff\xda"):] == photo[photo.index(b"\xff\xda"):]  # the scan data untouched


ROSTER = [["姓名", "身份证号", "联系电话", "金额"], ["王建国", "110101199003074578", 13812345678, 1200],
          ["李晓梅", "500106198703154515", 13896001234, 800]]


def test_an_embedded_workbook_is_read_and_de_identified_and_its_preview_blanked(tmp_path):
    """A notice that embeds its roster as an Excel object: Word shows a picture of the rows, a double
    click opens the workbook with every ID number. Only the file name was listed, so nothing in it was
    detected and the copy verified with the roster intact. Now its rows are read, the real engine finds
    the names, ID numbers and phones (a phone typed as a number too), the workbook is de-identified and
    the preview, which drew the removed values (EMF text), is blanked to the same size."""
    import struct

    from reviewer.core.documents import BlockKind, load_document
    from tests.docx_chunks import emf_with_text, with_embedded_workbook, workbook

    preview = emf_with_text("王建国 110101199003074578 13812345678")
    src = with_embedded_workbook(tmp_path / "roster.docx", "2024年度临时救助发放名单见附件表格。", workbook(ROSTER),
                                 preview, "emf")
    rows = [b.text for b in load_document(src).blocks if b.kind is BlockKind.ATTACHMENT]
    assert rows == ["Microsoft_Excel_Worksheet.xlsx", "姓名\t身份证号\t联系电话\t金额",
                    "王建国\t110101199003074578\t13812345678\t1200", "李晓梅\t500106198703154515\t13896001234\t800"]
    plan, result = detect_and_export(src, tmp_path / "out.docx", min_findings=5, min_values=5)
    assert {"王建国", "110101199003074578", "13812345678", "李晓梅", "500106198703154515", "13896001234"} <= set(plan.values)
    assert any("1 preview pictures of embedded objects blanked" in n for n in result.notes), result.notes
    parts = docx_part_bytes(result.output)
    inner = zipfile.ZipFile(io.BytesIO(parts["word/embeddings/Microsoft_Excel_Worksheet.xlsx"]))
    for data in (*parts.values(), *(inner.read(n) for n in inner.namelist())):
        assert raw_hits(data, list(plan.values)) == []
    blank = parts["word/media/preview.emf"]
    assert blank[40:44] == b" EMF" and blank[8:40] == preview[8:40]  # same bounds and frame
    assert struct.unpack("<II", blank[48:56]) == (len(blank), 2)  # header + EOF only
    rows = [b.text for b in load_document(result.output).blocks if b.kind is BlockKind.ATTACHMENT]
    assert rows[2] == "王某\t110101********4578\t138****5678\t1200"


def test_an_embedded_workbook_with_a_picture_preview_keeps_its_size(tmp_path):
    from PIL import Image

    from tests.docx_chunks import with_embedded_workbook, workbook

    buf = io.BytesIO()
    Image.new("RGB", (120, 40), (30, 30, 30)).save(buf, "PNG")
    src = with_embedded_workbook(tmp_path / "roster.docx", "名单见附件。", workbook(ROSTER), buf.getvalue(), "png")
    plan, result = detect_and_export(src, tmp_path / "out.docx", min_findings=5, min_values=5)
    with Image.open(io.BytesIO(docx_part_bytes(result.output)["word/media/preview.png"])) as blank:
        assert blank.size == (120, 40) and blank.getcolors() == [(120 * 40, (255, 255, 255))]


def test_a_picture_named_after_a_person_is_renamed_with_its_references(tmp_path):
    """Converters keep a picture's file name (word/media/王建国身份证.jpg). The writer replaced the name
    in the relationship target but not the member's own name: the name stayed in the file and the
    picture link was broken. Member, target and content type now change together."""
    from PIL import Image

    from tests.docx_chunks import docx_bytes, rebuilt

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "gray").save(buf, "PNG")
    base = docx_bytes("申请人王建国提交了身份证复印件。")
    obj = ('<w:p><w:r><w:pict><v:shape style="width:60pt;height:60pt"><v:imagedata r:id="rIdPhoto"/></v:shape>'
           '</w:pict></w:r></w:p>')
    src = rebuilt(tmp_path / "named.docx", base, document=obj.encode(),
                  rels='<Relationship Id="rIdPhoto" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                       'relationships/image" Target="media/王建国身份证.png"/>',
                  types='<Override PartName="/word/media/王建国身份证.png" ContentType="image/png"/>',
                  parts={"word/media/王建国身份证.png": buf.getvalue()})
    plan, result = detect_and_export(src, tmp_path / "out.docx", min_findings=0, min_values=0)
    assert "王建国" in plan.values
    parts = docx_part_bytes(result.output)
    assert "word/media/王某身份证.png" in parts and not [n for n in parts if "王建国" in n]
    assert 'Target="media/王某身份证.png"' in parts["word/_rels/document.xml.rels"].decode()
    assert 'PartName="/word/media/王某身份证.png"' in parts["[Content_Types].xml"].decode()
    report = verify_output(src, ["王建国"], format="docx")
    assert any("(member name)" in s.where for s in report.survivors)


def test_a_file_inserted_as_an_object_shows_its_source_path_and_author(tmp_path):
    """Insert > Object > From file keeps the file's name, the path it came from (the Windows account:
    C:\\Users\\张三\\…) and the author in an OLE binary. Only the member name was listed, so a name there
    was never detected and the copy verified with it inside. Now the fields are read, the real engine
    finds the names, and the writer rewrites them in place (same byte length, the inserted file itself
    untouched); a name inside the inserted file is still refused, naming the object."""
    import pytest

    from reviewer.core.deidentify.errors import VerificationFailed
    from reviewer.core.deidentify.export import write_verified
    from reviewer.core.deidentify.plan import plan_from_decisions
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.detection import analyze
    from reviewer.core.documents import BlockKind, load_document
    from reviewer.core.documents.docx.ole import ole_fields
    from tests.docx_chunks import docx_bytes, ole_package, rebuilt

    def inserted(name: str, payload: bytes) -> Path:
        obj = ('<w:p><w:r><w:object><v:shape id="_x0000_i1026" style="width:60pt;height:40pt"/><o:OLEObject '
               'Type="Embed" ProgID="Package" ShapeID="_x0000_i1026" r:id="rIdOle"/></w:object></w:r></w:p>')
        return rebuilt(tmp_path / name, docx_bytes("身份证明材料见下方附件。"), document=obj.encode(),
                       rels='<Relationship Id="rIdOle" Type="http://schemas.openxmlformats.org/officeDocument/'
                            '2006/relationships/oleObject" Target="embeddings/oleObject1.bin"/>',
                       types='<Default Extension="bin" ContentType="application/vnd.openxmlformats-'
                             'officedocument.oleObject"/>',
                       parts={"word/embeddings/oleObject1.bin": ole_package(
                           "王建国身份证.pdf", "C:\\Users\\张三\\Desktop\\王建国身份证.pdf", payload,
                           author="李晓梅")})

    src = inserted("inserted.docx", b"%PDF-1.4")
    document = load_document(src)
    fields = {b.path.rsplit("/", 1)[-1]: b.text for b in document.blocks
              if b.kind is BlockKind.ATTACHMENT and b.part == "word/embeddings/oleObject1.bin"}
    assert fields["label"] == "王建国身份证.pdf" and fields["author"] == "李晓梅"
    assert fields["path"] == "C:\\Users\\张三\\Desktop\\王建国身份证.pdf"
    findings = analyze(document)
    names = {f.text for f in findings if f.entity_type == "PERSON"}
    assert {"王建国", "李晓梅"} <= names, names
    plan = plan_from_decisions([(f, None) for f in findings], load_profile("general"))
    result = write_verified(document, plan, tmp_path / "out.docx")
    assert any("embedded objects de-identified" in n for n in result.notes)
    ole = docx_part_bytes(Path(result.output))["word/embeddings/oleObject1.bin"]
    texts = dict(ole_fields(ole))
    assert texts["label"].endswith("身份证.pdf") and "王建国" not in texts["label"], texts
    assert "李晓梅" not in ole.decode("latin-1") and "李晓梅".encode("gbk") not in ole
    assert b"%PDF-1.4" in ole  # the inserted file is not touched

    leaky = inserted("leaky.docx", "王建国的身份证".encode("gbk"))
    document = load_document(leaky)
    plan = plan_from_decisions([(f, None) for f in analyze(document)], load_profile("general"))
    with pytest.raises(VerificationFailed) as caught:
        write_verified(document, plan, tmp_path / "out2.docx")
    assert "word/embeddings/oleObject1.bin" in str(caught.value)
    assert not (tmp_path / "out2.docx").exists()


def test_a_chunk_that_points_at_the_package_itself_is_ignored(tmp_path):
    """A hostile altChunk whose target is word/document.xml: read as an imported file it would have
    made the writer drop the main document. Chunks are imported files, never the package's own parts."""
    from reviewer.core.documents import load_document
    from tests.docx_chunks import REL_TYPE, docx_bytes, rebuilt

    src = rebuilt(tmp_path / "self.docx", docx_bytes("申请人王建国，电话13812345678。"),
                  document=b'<w:altChunk r:id="rIdSelf"/>',
                  rels=f'<Relationship Id="rIdSelf" Type="{REL_TYPE}" Target="document.xml"/>')
    assert [b.text for b in load_document(src).blocks if b.part == "word/document.xml"] == ["申请人王建国，电话13812345678。"]
    plan, result = detect_and_export(src, tmp_path / "out.docx", min_findings=1, min_values=1)
    parts = docx_part_bytes(result.output)
    assert "word/document.xml" in parts and "申请人王某" in parts["word/document.xml"].decode()

"""The verifier on its own: normalisation, and what it reports."""

from __future__ import annotations

import io
import zipfile

import pytest

from reviewer.core.deidentify.errors import VerificationFailed
from reviewer.core.deidentify.verify import normalise, verify_output


def test_normalisation_folds_width_case_and_spacing():
    assert normalise("１３８ 9600\u200b1234") == "13896001234"
    assert normalise("LiXiaoMei@Example.gov.cn") == "lixiaomei@example.gov.cn"


@pytest.mark.parametrize("variant", ["１３８９６００１２３４", "138 9600 1234", "138\u00a09600\u20091234", "1389600\u200d1234",
                                     "138-9600-1234", "(138)9600.1234"])
def test_txt_survivor_found_after_normalisation(tmp_path, variant):
    path = tmp_path / "t.txt"
    path.write_text(f"电话：{variant}。", encoding="utf-8")
    report = verify_output(path, ["13896001234"], format="txt")
    assert not report.ok and report.survivors[0].value == "13896001234"
    with pytest.raises(VerificationFailed) as info:
        report.raise_if_failed()
    assert "13896001234" in str(info.value) and info.value.code == "verification_failed"


def _docx(parts: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return buf.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_docx_value_split_over_runs_and_in_attributes(tmp_path):
    path = tmp_path / "d.docx"
    path.write_bytes(_docx({
        "word/document.xml": f'<w:document {W}><w:body><w:p><w:r><w:t>王</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>'
                             '<w:t>建</w:t></w:r><w:r><w:t>国</w:t></w:r></w:p></w:body></w:document>',
        "word/_rels/document.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                                        'relationships"><Relationship Id="r1" Target="mailto:lixiaomei%40example.gov.cn"'
                                        ' TargetMode="External" Type="x"/></Relationships>',
    }))
    report = verify_output(path, ["王建国", "lixiaomei@example.gov.cn"], format="docx")
    places = {(s.value, s.where) for s in report.survivors}
    assert ("王建国", "word/document.xml paragraph 1 (runs joined)") in places
    assert any(v == "lixiaomei@example.gov.cn" and "url-decoded" in w for v, w in places)


def test_skeleton_matching_is_only_for_long_values(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("王-建国；电话 138****1234；张，伟", encoding="utf-8")
    report = verify_output(path, ["13896001234", "张伟", "王建国"], format="txt")
    assert report.ok  # short names are not matched across punctuation, a masked number is clean


def test_single_characters_are_not_searched(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("王", encoding="utf-8")
    assert verify_output(path, ["王"], format="txt").ok


def test_pdf_image_pixels_are_not_searched_as_bytes_but_other_streams_are(tmp_path):
    """A page rendered with its boxes burned in is compressed pixels, where a two-character name's 4 bytes
    (UTF-16, GBK) occur by chance: 7 such false survivors refused a 71-page export of published text.
    The same bytes in a stream that is not an image are still found."""
    import os

    import pikepdf

    name = "黄明"
    pixels = os.urandom(3000) + name.encode("utf-16-be") + os.urandom(3000) + name.encode("gbk")
    pdf = pikepdf.new()
    image = pdf.make_stream(pixels, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=100, Height=60,
                            ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8)
    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 612, 792],
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=image)),
        Contents=pdf.make_stream(b"q 100 0 0 60 72 600 cm /Im1 Do Q"))))
    clean = tmp_path / "image.pdf"
    pdf.save(clean, compress_streams=False)
    report = verify_output(clean, [name], format="pdf")
    assert report.ok, report.survivors
    assert report.ocr and "page 1 picture 0" in report.ocr[0]  # the pixels are read by OCR instead (issue 27)

    pdf.Root.Extra = pdf.make_stream(os.urandom(2000) + name.encode("utf-16-be"))  # not declared an image
    dirty = tmp_path / "extra.pdf"
    pdf.save(dirty, compress_streams=False)
    where = {s.where for s in verify_output(dirty, [name], format="pdf").survivors}
    assert "file bytes" in where and any(w.endswith(" stream") for w in where)

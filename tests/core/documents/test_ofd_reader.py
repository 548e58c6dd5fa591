"""The OFD reader on ofdrw's 56 test files (../shared/data/ofd) and on a package written here.

Every corpus file is read (or refused with one bilingual line; none is today), its page text agrees with
ofdkit's, an independent reader (every character ofdkit finds on the pages, we find; templates we read
once where ofdkit repeats them per page), and the sealed official document gives its 文号 and body.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reviewer.core.documents import load_document
from reviewer.core.documents.model import BlockKind, DocumentFormat
from reviewer.core.errors import ReviewerError, TooLarge
from tests.ofd_package import DOC_NUMBER, ID_NUMBER, NAME, PHONE, UNIT_PHONE, sealed_notice

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "data" / "ofd"  # ../shared beside the checkout
FILES = sorted(CORPUS.glob("*.ofd"))
MM = 72 / 25.4


def test_the_corpus_is_there():
    assert len(FILES) == 56, f"expected ofdrw's 56 OFD files in {CORPUS}"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_file_is_read_with_the_characters_ofdkit_reads(path):
    ofdkit = pytest.importorskip("ofdkit")
    try:
        document = load_document(path, max_seconds=30)
    except ReviewerError as exc:  # a clean refusal: one line, both languages
        assert "\n" not in str(exc) and exc.message_zh and exc.message_en
        return
    assert document.format is DocumentFormat.OFD and document.pages >= 1
    ours = {c for b in document.blocks if b.kind is BlockKind.PAGE for c in b.text if not c.isspace()}
    theirs = {c for c in ofdkit.extract_text(path) if not c.isspace()}
    assert theirs <= ours, f"characters ofdkit reads and we do not: {sorted(theirs - ours)[:20]}"
    for block in document.blocks:
        if block.kind is BlockKind.PAGE:
            assert len(block.boxes) == len(block.text)
            assert all(b is None or (b[0] <= b[2] and b[1] <= b[3]) for b in block.boxes)


def test_sealed_official_document_gives_its_number_and_body():
    document = load_document(CORPUS / "converter__n.ofd")
    first = next(b for b in document.blocks if b.kind is BlockKind.PAGE and b.page == 1)
    assert "路卫发〔2011〕76号" in first.text
    assert "关于同意张阿三同志辞职的批复" in first.text
    assert "经研究，同意张阿三同志辞职。" in first.text.replace("\n", "")
    assert document.properties["ofd.signatures"] == "1"
    assert any(i.source.endswith("Seal.esl") for i in document.images)  # the seal's picture, for OCR
    # the number's characters sit where the file puts them: X 80.98 mm + the DeltaX sum, 5.6 mm type
    start = first.text.index("路卫发")
    box = first.boxes[start]
    assert box[0] == pytest.approx(80.98 * MM, abs=0.01)
    assert first.boxes[start + 1][0] == pytest.approx((80.98 + 5.57) * MM, abs=0.01)
    assert box[3] - box[1] == pytest.approx(5.6 * MM, abs=0.01)


def test_generated_package_every_place_is_read(tmp_path):
    path = tmp_path / "notice.ofd"
    sealed_notice(path)
    document = load_document(path)
    page = document.blocks[0]
    assert DOC_NUMBER in page.text
    assert f"申请人：{NAME}" in page.text  # written one character per text object, read as one line
    assert PHONE in page.text and ID_NUMBER in page.text and UNIT_PHONE in page.text  # incl. the composite unit
    start = page.text.index(NAME)
    assert [round(b[0] / MM, 2) for b in page.boxes[start:start + 3]] == [40.0, 44.2, 48.4]
    kinds = {(b.kind, b.part.rsplit("/", 1)[-1]) for b in document.blocks}
    assert (BlockKind.PAGE, "Content.xml") in kinds and (BlockKind.ANNOTATION, "Annotation.xml") in kinds
    assert (BlockKind.ATTACHMENT, "申请.txt") in kinds and (BlockKind.PROPERTY, "CustomTag.xml") in kinds
    template = next(b for b in document.blocks if b.attrs.get("type") == "template")
    assert template.page == 1 and "15011112222" in template.text
    annotation = next(b for b in document.blocks if b.kind is BlockKind.ANNOTATION)
    assert ID_NUMBER in annotation.text and annotation.attrs["author"] == "李晓梅"
    assert document.properties["Author"] == "李晓梅"
    assert [i.source for i in document.images] == ["Doc_0/Res/photo.png", "Doc_0/Signs/Sign_0/Seal.esl"]
    loc = document.locate(document.text.index(ID_NUMBER), document.text.index(ID_NUMBER) + 18)
    assert loc["page"] == 1 and len(loc["boxes"]) == 18


def test_hostile_packages_end_in_one_clean_line(tmp_path):
    bomb = tmp_path / "bomb.ofd"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>" + " " * 3_000_000)
    with pytest.raises(TooLarge, match="max_compression_ratio"):
        load_document(bomb)
    entities = tmp_path / "entities.ofd"
    with zipfile.ZipFile(entities, "w") as zf:
        zf.writestr("OFD.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                               '<OFD><DocBody><DocRoot>&b;</DocRoot></DocBody></OFD>')
    with pytest.raises(ReviewerError) as caught:
        load_document(entities)
    assert "\n" not in str(caught.value)
    source, loop = tmp_path / "source.ofd", tmp_path / "loop.ofd"  # a composite unit that draws itself
    sealed_notice(source, signed=False)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(loop, "w") as zf:
        for info in old.infolist():
            if info.filename != "Doc_0/PublicRes.xml":
                zf.writestr(info, old.read(info))
        zf.writestr("Doc_0/PublicRes.xml",
                    '<Res><CompositeGraphicUnits><CompositeGraphicUnit ID="70"><Content>'
                    '<CompositeObject ID="9" ResourceID="70" Boundary="1 1 5 5"/></Content></CompositeGraphicUnit>'
                    '</CompositeGraphicUnits></Res>')
    assert NAME in load_document(loop).text

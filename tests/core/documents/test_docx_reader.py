"""docx: every hiding place read once, with part, paragraph path and run map."""

from __future__ import annotations

import time

import pytest

from reviewer.core.documents import BlockKind, DocumentFormat, load_document
from tests.core.documents.conftest import DATA, PLANTED


@pytest.fixture(scope="module")
def planted():
    return load_document(DATA / "planted.docx")


def _block_with(doc, value):
    hits = [b for b in doc.blocks if value in b.text]
    assert len(hits) == 1, f"{value!r} should be in exactly one block, found {[(b.kind, b.path) for b in hits]}"
    return hits[0]


@pytest.mark.parametrize(("key", "kind", "part", "path"), [
    ("header", BlockKind.HEADER, "word/header1.xml", "hdr/p[0]"),
    ("footer", BlockKind.FOOTER, "word/footer1.xml", "ftr/p[0]"),
    ("comment", BlockKind.COMMENT, "word/comments.xml", "comment[id=0]/p[0]"),
    ("tracked_insertion", BlockKind.PARAGRAPH, "word/document.xml", "body/p[3]"),
    ("tracked_deletion", BlockKind.PARAGRAPH, "word/document.xml", "body/p[3]/del"),
    ("table_cell", BlockKind.TABLE_CELL, "word/document.xml", "body/tbl[0]/tr[1]/tc[2]/p[0]"),
    ("textbox", BlockKind.TEXTBOX, "word/document.xml", "body/p[4]/txbx[0]/p[0]"),
    ("split_id", BlockKind.PARAGRAPH, "word/document.xml", "body/p[1]"),
    ("footnote", BlockKind.FOOTNOTE, "word/footnotes.xml", "footnote[id=1]/p[0]"),
    ("endnote", BlockKind.ENDNOTE, "word/endnotes.xml", "endnote[id=1]/p[0]"),
    ("hyperlink", BlockKind.HYPERLINK, "word/document.xml", "body/p[6]/hyperlink[0]"),
    ("custom_property", BlockKind.PROPERTY, "docProps/custom.xml", "custom:承办人手机"),
    ("core_author", BlockKind.PROPERTY, "docProps/core.xml", "creator"),
    ("comment_author", BlockKind.COMMENT, "word/comments.xml", "comment[id=0]/@author"),
    ("change_author", BlockKind.PROPERTY, "word/document.xml", "revision-author[0]"),
])
def test_each_planted_value_sits_in_one_block_with_its_locator(planted, key, kind, part, path):
    value = PLANTED[key]
    block = _block_with(planted, value)
    assert (block.kind, block.part, block.path) == (kind, part, path)
    start = planted.text.index(value)
    assert planted.text[start:start + len(value)] == value  # the detection text holds it verbatim
    loc = planted.locate(start, start + len(value))
    assert (loc["kind"], loc["part"], loc["path"]) == (str(kind), part, path)
    assert loc["offset"] == block.text.index(value)


def test_split_name_and_id_read_as_one_string_and_map_back_to_their_runs(planted):
    name = "".join(PLANTED["split_name_runs"])
    start = planted.text.index(name)
    loc = planted.locate(start, start + len(name))
    assert [(r["run"], r["offset"], r["length"]) for r in loc["runs"]] == [(1, 0, 1), (2, 0, 1), (3, 0, 1)]
    start = planted.text.index(PLANTED["split_id"])
    loc = planted.locate(start, start + 18)
    assert [(r["run"], r["length"]) for r in loc["runs"]] == [(5, 6), (6, 8), (7, 4)]


def test_tracked_changes_carry_change_and_author(planted):
    value = PLANTED["tracked_insertion"]
    start = planted.text.index(value)
    [run] = planted.locate(start, start + len(value))["runs"]
    assert (run["change"], run["author"]) == ("ins", PLANTED["change_author"])
    value = PLANTED["tracked_deletion"]
    start = planted.text.index(value)
    [run] = planted.locate(start, start + len(value))["runs"]
    assert (run["change"], run["author"]) == ("del", PLANTED["change_author"])
    # the paragraph's own text is the current version: the deletion is not glued to the insertion
    assert _block_with(planted, PLANTED["tracked_insertion"]).text == "联系电话变更为" + PLANTED["tracked_insertion"]


def test_comment_author_and_header_section_attributes(planted):
    comment = _block_with(planted, PLANTED["comment"])
    assert comment.attrs["author"] == PLANTED["comment_author"]
    header = _block_with(planted, PLANTED["header"])
    assert dict(header.attrs) == {"section": "0", "type": "default"}
    assert planted.properties["core.creator"] == PLANTED["core_author"]
    assert _block_with(planted, PLANTED["hyperlink"]).text == f"mailto:{PLANTED['hyperlink']}"
    assert planted.format is DocumentFormat.DOCX and len(planted.sha256) == 64


def test_layout_sections_nested_tables_content_controls_and_moves():
    doc = load_document(DATA / "layout.docx")
    by_text = {b.text: b for b in doc.blocks if b.text}
    headers = {b.text: dict(b.attrs) for b in doc.blocks if b.kind is BlockKind.HEADER}
    assert headers == {"S0 默认页眉": {"section": "0", "type": "default"},
                       "S0 首页页眉": {"section": "0", "type": "first"},
                       "S0 偶数页页眉": {"section": "0", "type": "even"},
                       "S1 默认页眉": {"section": "1", "type": "default"}}
    footers = {b.text: b.attrs["type"] for b in doc.blocks if b.kind is BlockKind.FOOTER}
    assert footers == {"S0 默认页脚": "default", "S0 首页页脚": "first", "S0 偶数页页脚": "even"}
    assert by_text["内层 1,1"].path == "body/tbl[0]/tr[1]/tc[0]/tbl[0]/tr[1]/tc[1]/p[0]"
    assert by_text["内层 1,1"].kind is BlockKind.TABLE_CELL
    assert by_text["外层 1,1"].path == "body/tbl[0]/tr[1]/tc[1]/p[0]"
    assert by_text["内容控件文字"].path == "body/sdt[0]/p[0]"
    assert by_text["制表\t符\n换行后"].path == "body/p[1]"
    assert by_text["移动：移来的"].runs[-1].change == "ins"
    assert by_text["移走的"].path == "body/p[2]/del" and by_text["移走的"].runs[0].change == "del"


def test_libreoffice_made_docx_keeps_every_planted_value():
    doc = load_document(DATA / "libreoffice-planted.docx")
    kinds = {}
    for key in ("header", "footer", "comment", "tracked_insertion", "tracked_deletion", "table_cell", "textbox",
                "split_id", "footnote", "endnote", "hyperlink", "custom_property"):
        kinds[key] = _block_with(doc, PLANTED[key]).kind
    assert kinds["header"] is BlockKind.HEADER and kinds["footer"] is BlockKind.FOOTER
    assert kinds["comment"] is BlockKind.COMMENT and kinds["textbox"] is BlockKind.TEXTBOX
    assert kinds["table_cell"] is BlockKind.TABLE_CELL and kinds["footnote"] is BlockKind.FOOTNOTE
    assert "".join(PLANTED["split_name_runs"]) in doc.text


def test_every_character_maps_back(planted):
    """Each block's slice of Document.text is the block's text, and blocks do not overlap."""
    for block in planted.blocks:
        assert planted.text[block.start:block.end] == block.text
        for run in block.runs:
            assert 0 <= run.start < run.end <= len(block.text)


@pytest.mark.slow
def test_a_200_page_docx_loads_fast(tmp_path):
    import docx

    d = docx.Document()
    for i in range(5000):  # about 200 pages
        p = d.add_paragraph(f"第{i}段：当事人王小明，公民身份号码110101199003071234，")
        p.add_run("联系电话13800138000。").bold = True
        if i % 100 == 0:
            table = d.add_table(rows=5, cols=4)
            table.cell(4, 3).text = f"表{i}"
    d.save(tmp_path / "long.docx")
    started = time.perf_counter()
    doc = load_document(tmp_path / "long.docx")
    elapsed = time.perf_counter() - started
    assert sum(b.kind is BlockKind.PARAGRAPH for b in doc.blocks) == 5000
    assert elapsed < 3.0, f"200-page docx took {elapsed:.2f} s"


def _minimal_docx(path, body_xml: str, ns: str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"):
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", f'<w:document xmlns:w="{ns}"><w:body>{body_xml}</w:body></w:document>')
    return path


def test_field_code_hyperlink_target_is_read(tmp_path):
    body = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:field.leak@example.com" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>写信</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    doc = load_document(_minimal_docx(tmp_path / "field.docx", body))
    assert [(b.kind, b.path, b.text) for b in doc.blocks] == [
        (BlockKind.PARAGRAPH, "body/p[0]", "写信"),
        (BlockKind.HYPERLINK, "body/p[0]/hyperlink[0]", "mailto:field.leak@example.com")]


def test_strict_open_xml_is_a_clear_unsupported_format(tmp_path):
    from reviewer.core.errors import UnsupportedFormat

    path = _minimal_docx(tmp_path / "strict.docx", "<w:p/>", ns="http://purl.oclc.org/ooxml/wordprocessingml/main")
    with pytest.raises(UnsupportedFormat, match="Strict Open XML"):
        load_document(path)


def test_formatting_change_authors_are_listed(tmp_path):
    body = ('<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="格式修改人"><w:rPr/></w:rPrChange></w:rPr>'
            '<w:t>加粗</w:t></w:r></w:p>')
    doc = load_document(_minimal_docx(tmp_path / "fmt.docx", body))
    [author] = [b for b in doc.blocks if b.kind is BlockKind.PROPERTY]
    assert (author.text, author.path) == ("格式修改人", "revision-author[0]")


def test_picture_alt_text_is_read_once(tmp_path):
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    drawing = (f'<w:drawing><wp:inline xmlns:wp="{wp}"><wp:docPr id="1" name="Picture 1" title="照片" '
               'descr="张三身份证照片 alt.leak@example.com"/></wp:inline></w:drawing>')
    body = (f'<w:p><w:r><w:t>见附图</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="wp">'
            f"{drawing}</mc:Choice><mc:Fallback>{drawing}</mc:Fallback></mc:AlternateContent></w:r></w:p>")
    doc = load_document(_minimal_docx(tmp_path / "alt.docx", body))
    assert [(b.kind, b.path, b.text) for b in doc.blocks] == [
        (BlockKind.PARAGRAPH, "body/p[0]", "见附图"),
        (BlockKind.ALT_TEXT, "body/p[0]/drawing[0]/@title", "照片"),
        (BlockKind.ALT_TEXT, "body/p[0]/drawing[0]/@descr", "张三身份证照片 alt.leak@example.com")]


def test_embedded_objects_are_named(tmp_path):
    import zipfile

    path = _minimal_docx(tmp_path / "embed.docx", "<w:p/>")
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("word/embeddings/花名册.xlsx", b"PK")
    [block] = [b for b in load_document(path).blocks if b.kind is BlockKind.ATTACHMENT]
    assert (block.text, block.part, block.attrs["name"]) == ("花名册.xlsx", "word/embeddings", "word/embeddings/花名册.xlsx")


def test_imported_chunks_are_read_in_place_in_every_format(tmp_path):
    """w:altChunk: office systems that convert HTML to docx leave the words in a separate part that Word
    shows in place. Unread, a name and an ID number there went out unreviewed (and the export verified)."""
    from tests.docx_chunks import docx_bytes, html_entities, mht_quoted_printable, rtf_gbk, with_chunks

    html = f"<html><head><style>p{{color:red}}</style></head><body><p>{html_entities('领取人：王建国')}</p>" \
           f"<table><tr><td>{html_entities('身份证号')}</td><td>110101199003074578</td></tr></table></body></html>"
    path = with_chunks(tmp_path / "chunks.docx", "关于补助发放情况的说明", [
        ("html", html.encode("ascii")),
        ("mht", mht_quoted_printable("<p>联系人：李晓梅</p><p>电话13812345678</p>")),
        ("rtf", rtf_gbk("经办人：张伟")),
        ("txt", "备注：住址重庆市渝中区解放碑街道民族路1号".encode("gbk")),
        ("docx", docx_bytes("附件：欧阳明的申请书")),
    ], after="以上情况特此说明。")
    document = load_document(path)
    body = [b.text for b in document.blocks if b.part == "word/document.xml"]
    assert body == ["关于补助发放情况的说明", "领取人：王建国", "身份证号 110101199003074578", "联系人：李晓梅",
                    "电话13812345678", "经办人：张伟", "备注：住址重庆市渝中区解放碑街道民族路1号", "附件：欧阳明的申请书",
                    "以上情况特此说明。"]
    chunk_blocks = [b for b in document.blocks if "alt_chunk" in b.attrs]
    assert {b.attrs["alt_chunk"] for b in chunk_blocks} == {f"word/chunk{k}.{ext}" for k, ext in
                                                            enumerate(("html", "mht", "rtf", "txt", "docx"))}
    assert all(b.kind is BlockKind.PARAGRAPH for b in chunk_blocks)


def test_an_imported_chunk_in_an_unknown_format_is_named(tmp_path):
    from tests.docx_chunks import with_chunks

    document = load_document(with_chunks(tmp_path / "odd.docx", "正文", [("bin", b"\x00\x01binary")]))
    named = [b for b in document.blocks if b.kind is BlockKind.ATTACHMENT]
    assert [b.text for b in named] == ["chunk0.bin"] and "unreadable" in named[0].attrs

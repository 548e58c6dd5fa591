"""txt: encodings (Chinese first), newlines kept for the writer, one block per line."""

from __future__ import annotations

import pytest

from reviewer.core.documents import BlockKind, DocumentFormat, load_document
from reviewer.core.documents.txt.reader import encode_text
from reviewer.core.errors import UnsupportedFormat
from tests.core.documents.conftest import DATA, PLANTED

EXPECTED = ("行政处罚决定书\n当事人：张三，公民身份号码：" + PLANTED["txt_id"] + "\n"
            "联系电话：13700137000\n地址：某某市某某区某某路1号")


@pytest.mark.parametrize(("name", "encoding", "bom", "newline"), [
    ("utf8.txt", "utf-8", False, "\n"),
    ("utf8-bom.txt", "utf-8", True, "\n"),
    ("utf16le-bom.txt", "utf-16-le", True, "\r\n"),
    ("utf16be-bom.txt", "utf-16-be", True, "\n"),
    ("gbk-crlf.txt", "gbk", False, "\r\n"),
    ("gb18030.txt", "gb18030", False, "\n"),
])
def test_every_encoding_reads_the_same_text(name, encoding, bom, newline):
    doc = load_document(DATA / name)
    extra = "\n生僻字：䶮𠮷" if name == "gb18030.txt" else ""
    assert doc.format is DocumentFormat.TXT
    assert doc.text == EXPECTED + extra
    assert (doc.encoding, doc.bom, doc.newline) == (encoding, bom, newline)
    # the writer can reproduce the file byte for byte
    assert encode_text(doc, doc.text + "\n") == (DATA / name).read_bytes()


def test_lines_and_columns_locate_a_value():
    doc = load_document(DATA / "gbk-crlf.txt")
    start = doc.text.index(PLANTED["txt_id"])
    loc = doc.locate(start, start + 18)
    assert loc["kind"] == "line" and loc["line"] == 2
    assert loc["column"] == len("当事人：张三，公民身份号码：") + 1
    assert all(b.kind is BlockKind.LINE for b in doc.blocks)
    assert [b.line for b in doc.blocks] == [1, 2, 3, 4]


def test_utf16_without_bom_and_lone_cr(tmp_path):
    path = tmp_path / "nobom.txt"
    path.write_bytes("第一行\r第二行 13800138000\r".encode("utf-16-le"))
    doc = load_document(path)
    assert doc.text == "第一行\n第二行 13800138000"
    assert (doc.encoding, doc.newline, doc.bom) == ("utf-16-le", "\r", False)


def test_mixed_newlines_keep_the_dominant_one(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"a\r\nb\r\nc\nd\r\n")
    doc = load_document(path)
    assert doc.text == "a\nb\nc\nd" and doc.newline == "\r\n"


def test_empty_txt_is_an_empty_document(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    doc = load_document(path)
    assert doc.text == "" and len(doc.blocks) == 1


def test_binary_content_is_not_text(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(UnsupportedFormat) as err:
        load_document(path)
    assert "\n" not in str(err.value) and "Unsupported format" in str(err.value)

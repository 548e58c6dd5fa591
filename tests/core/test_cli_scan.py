"""`python -m reviewer scan`: the output contract, exit codes and hostile inputs, through a real process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.documents.conftest import DATA, PLANTED

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ["path", "entity_type", "category", "text", "start", "end", "score", "locator", "recognizer",
            "explanation"]


def scan(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "reviewer", "scan", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout, env=env)


@pytest.fixture(scope="module")
def planted_records():
    result = scan(str(DATA / "planted.docx"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return [json.loads(line) for line in result.stdout.splitlines()]


# planted value -> (entity type, locator kind, part, path) the interim detector must report
EXPECTED = {
    "header": ("CN_MOBILE_PHONE", "header", "word/header1.xml", "hdr/p[0]"),
    "footer": ("EMAIL_ADDRESS", "footer", "word/footer1.xml", "ftr/p[0]"),
    "comment": ("CN_ID_CARD", "comment", "word/comments.xml", "comment[id=0]/p[0]"),
    "tracked_insertion": ("CN_MOBILE_PHONE", "paragraph", "word/document.xml", "body/p[3]"),
    "tracked_deletion": ("EMAIL_ADDRESS", "paragraph", "word/document.xml", "body/p[3]/del"),
    "table_cell": ("CN_ID_CARD", "table_cell", "word/document.xml", "body/tbl[0]/tr[1]/tc[2]/p[0]"),
    "textbox": ("CN_MOBILE_PHONE", "textbox", "word/document.xml", "body/p[4]/txbx[0]/p[0]"),
    "split_id": ("CN_ID_CARD", "paragraph", "word/document.xml", "body/p[1]"),
    "footnote": ("CN_MOBILE_PHONE", "footnote", "word/footnotes.xml", "footnote[id=1]/p[0]"),
    "endnote": ("EMAIL_ADDRESS", "endnote", "word/endnotes.xml", "endnote[id=1]/p[0]"),
    "hyperlink": ("EMAIL_ADDRESS", "hyperlink", "word/document.xml", "body/p[6]/hyperlink[0]"),
    "custom_property": ("CN_MOBILE_PHONE", "property", "docProps/custom.xml", "custom:承办人手机"),
}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_each_planted_value_is_reported_with_its_locator(planted_records, key):
    entity, kind, part, path = EXPECTED[key]
    hits = [r for r in planted_records if r["text"] == PLANTED[key] and r["entity_type"] == entity]
    assert len(hits) == 1, [r for r in planted_records if PLANTED[key] in r["text"]]
    record = hits[0]
    assert list(record)[:10] == CONTRACT
    assert record["entity_type"] == entity and record["category"] == "personal"
    loc = record["locator"]
    assert (loc["kind"], loc["part"], loc["path"]) == (kind, part, path)
    assert 0 <= record["score"] <= 1 and record["end"] - record["start"] == len(PLANTED[key])


def test_split_value_locator_lists_three_runs_and_tracked_change_author(planted_records):
    [split] = [r for r in planted_records if r["text"] == PLANTED["split_id"] and r["entity_type"] == "CN_ID_CARD"]
    assert [r["run"] for r in split["locator"]["runs"]] == [5, 6, 7]
    [ins] = [r for r in planted_records
             if r["text"] == PLANTED["tracked_insertion"] and r["entity_type"] == "CN_MOBILE_PHONE"]
    assert ins["locator"]["runs"][0]["author"] == PLANTED["change_author"]
    [header] = [r for r in planted_records if r["text"] == PLANTED["header"] and r["entity_type"] == "CN_MOBILE_PHONE"]
    assert (header["locator"]["section"], header["locator"]["type"]) == ("0", "default")


def test_offsets_index_the_detection_text(planted_records):
    from reviewer.core.documents import load_document

    text = load_document(DATA / "planted.docx").text
    for record in planted_records:
        assert text[record["start"]:record["end"]] == record["text"]


def test_folder_recursion_json_and_text_formats(tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(DATA / "utf8.txt", tmp_path / "a.txt")
    shutil.copy(DATA / "reportlab-cjk.pdf", tmp_path / "sub" / "b.pdf")
    (tmp_path / "sub" / "ignored.gif").write_bytes(b"GIF89a")  # PNG, JPEG and TIFF are inputs (OCR), GIF is not
    result = scan("--format", "json", str(tmp_path))
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert {Path(r["path"]).name for r in records} == {"a.txt", "b.pdf"}
    assert {r["text"] for r in records} >= {PLANTED["txt_id"], PLANTED["pdf_page2"]}
    [pdf_id] = [r for r in records if r["text"] == PLANTED["pdf_page2"] and r["entity_type"] == "CN_ID_CARD"]
    assert pdf_id["locator"]["page"] == 2 and len(pdf_id["locator"]["boxes"]) == 18
    result = scan("--format", "text", str(tmp_path / "a.txt"))
    assert result.returncode == 0
    assert f"L2:15\tCN_ID_CARD\t{PLANTED['txt_id']}\t" in result.stdout


def test_office_files_in_a_folder_are_reported_not_skipped(tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)  # a legacy binary
    shutil.copy(DATA / "utf8.txt", tmp_path / "roster.csv")
    (tmp_path / "photo.gif").write_bytes(b"GIF89a")  # a picture kind not read: skipped in a folder
    result = scan(str(tmp_path))
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert "old.xls" in line and "Save it as docx" in line
    assert PLANTED["txt_id"] in result.stdout  # the .csv is read as text


def test_no_findings_still_exit_0(tmp_path):
    (tmp_path / "clean.txt").write_text("本决定书自送达之日起生效。\n", encoding="utf-8")
    result = scan(str(tmp_path / "clean.txt"))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_unreadable_input_exits_1_and_the_others_are_still_scanned():
    result = scan(str(DATA / "xxe.docx"), str(DATA / "utf8.txt"), str(DATA / "missing.docx"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and "xxe.docx" in lines[0] and "missing.docx" in lines[1]
    assert PLANTED["txt_id"] in result.stdout


@pytest.mark.parametrize("args", [[], ["--format", "xml", "x.txt"], ["--bogus", "x.txt"]])
def test_usage_errors_exit_2(args):
    result = scan(*args)
    assert result.returncode == 2 and "usage" in result.stderr


@pytest.mark.parametrize("name", ["zip-bomb.docx", "xxe.docx", "billion-laughs.docx", "truncated.docx",
                                  "truncated.pdf", "random.docx", "encrypted.docx", "encrypted-user-password.pdf"])
def test_hostile_file_ends_in_seconds_with_one_line_and_exit_1(name):
    result = scan(str(DATA / name), timeout=30)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(str(DATA / name)) and " / " in lines[0]


@pytest.mark.parametrize("name", ["docx-named.pdf", "pdf-named.docx"])
def test_wrong_extension_is_scanned_by_content(name):
    result = scan(str(DATA / name))
    assert result.returncode == 0, result.stderr
    texts = {json.loads(line)["text"] for line in result.stdout.splitlines()}
    assert PLANTED["split_id"] in texts or PLANTED["pdf_page2"] in texts

"""Review-log export through the real CLI: CSV/JSON carry every event; DOCX/PDF are the 保密审查记录."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import docx
import pdfplumber
import pypdf
import pytest

from reviewer.core.audit.chain import event_body, hash_body
from tests.core.store.workspace_fixtures import (
    PASSWORDS,
    decide_all,
    proactive_record,
    redact_and_record,
    withheld_record,
)

ROOT = Path(__file__).resolve().parents[3]


def log_cli(folder: Path, fmt: str, output: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reviewer", "log", "export", "--workspace", str(folder),
                           "--format", fmt, "-o", str(output), *extra],
                          capture_output=True, text=True, cwd=ROOT, timeout=180)


@pytest.fixture
def reviewed(ws, people, penalty, internal, tmp_path):
    """Two documents: the penalty notice approved and released, the internal request withheld."""
    session = ws.session(penalty.id, people.alice)
    decide_all(session)
    session.record_attribute(proactive_record())
    export_sha = redact_and_record(ws, penalty.id, tmp_path)
    session.submit()
    ws.approve(penalty.id, people.bob, PASSWORDS["bob"])
    ws.release(penalty.id, people.bob, PASSWORDS["bob"], channel="政府网站")
    other = ws.session(internal.id, people.erin)
    decide_all(other)
    other.record_attribute(withheld_record())
    other.submit()
    head = ws.head()
    folder = ws.location.folder
    ws.close()
    return folder, penalty, internal, export_sha, head


def test_csv_and_json_carry_every_event(reviewed, tmp_path):
    folder, penalty, _internal, _sha, head = reviewed
    assert log_cli(folder, "csv", tmp_path / "log.csv").returncode == 0
    with open(tmp_path / "log.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [int(r["seq"]) for r in rows] == list(range(1, head.count + 1))
    for r in rows:  # each row re-checks on its own: the export is the chain, not a summary
        doc_id = int(r["document_id"]) if r["document_id"] else None
        body = event_body(int(r["seq"]), r["ts"], r["actor"], r["action"], doc_id, r["document_sha256"] or None,
                          r["details"], r["prev_hash"])
        assert hash_body(body) == r["hash"]
    assert rows[-1]["hash"] == head.hash

    result = log_cli(folder, "json", tmp_path / "log.json")
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "log.json").read_text(encoding="utf-8"))
    assert len(data["events"]) == head.count and data["head"] == {"count": head.count, "hash": head.hash}
    assert data["chain_verified"] is True
    approved = next(d for d in data["documents"] if d["id"] == penalty.id)
    assert approved["approver"] == "bob" and approved["signature_status"].startswith("有效")

    result = log_cli(folder, "json", tmp_path / "one.json", "--document", str(penalty.id))
    one = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))
    assert {e["document_id"] for e in one["events"]} == {penalty.id}
    assert [d["id"] for d in one["documents"]] == [penalty.id]


def _expected_fields(export_sha: str, head) -> list[str]:
    return ["保密审查记录", "行政处罚决定书", "渝中市监处罚〔2026〕18号", "主动公开", "第二十条",
            "渝中区市场监督管理局", "决定作出后20个工作日内", "政府网站，面向社会", "公民身份号码", "5*", "部分遮盖",
            "alice", "bob", "Ed25519", export_sha, f"{head.count}:{head.hash}",
            "关于2026年度重点项目资金安排的请示", "不予公开", "第十四条", "文件标有机密级国家秘密", "机密★5年", "erin"]


# codes that must not reach the filed (Chinese) record: they are shown by their names (issue 26)
CODES = ("CN_ID_CARD", "CN_MOBILE_PHONE", "PERSON", "DISCLOSURE_NOTE", "accept", "reject", "mask", "redact",
         "released", "submitted")


def test_docx_review_log_contains_the_fields(reviewed, tmp_path):
    folder, _penalty, _internal, export_sha, head = reviewed
    result = log_cli(folder, "docx", tmp_path / "log.docx")
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(tmp_path / "log.docx"))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    parts += [p.text for p in document.sections[0].footer.paragraphs]
    text = "\n".join(parts)
    for field in _expected_fields(export_sha, head):
        assert field in text, field
    assert "500106198703154519" not in text  # identifiers are masked in the record
    assert not [c for c in CODES if c in text]


def test_pdf_review_log_contains_the_fields_with_embedded_cjk_font(reviewed, tmp_path):
    folder, _penalty, _internal, export_sha, head = reviewed
    result = log_cli(folder, "pdf", tmp_path / "log.pdf")
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(tmp_path / "log.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
    flat = text.replace("\n", "")
    for field in _expected_fields(export_sha, head):
        if len(field) == 64:  # hashes wrap inside table cells
            assert field in flat, field
        else:
            assert field in text or field in flat, field
    assert fonts and all("WenQuanYiZenHei" in f for f in fonts)  # every character in the CJK font
    reader = pypdf.PdfReader(tmp_path / "log.pdf")
    embedded = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()
                if "WenQuanYiZenHei" in str(f.get_object()["/BaseFont"])]
    assert embedded and all("/FontFile2" in f["/FontDescriptor"].get_object() for f in embedded)
    assert "500106198703154519" not in flat
    assert not [c for c in CODES if c in flat]


def test_pdf_export_without_the_font_is_a_clear_error(reviewed, tmp_path):
    from reviewer.core.reports import export_pdf
    from reviewer.core.reports.review_log import build_review_log
    from reviewer.core.service import open_workspace

    folder = reviewed[0]
    ws = open_workspace(folder)
    try:
        log = build_review_log(ws)
    finally:
        ws.engine.dispose()
    with pytest.raises(export_pdf.FontMissing, match="fonts-wqy-zenhei"):
        export_pdf._register_font(tmp_path / "no-such-font.ttc")
    assert log.documents


def test_export_of_a_broken_chain_is_written_but_flagged(reviewed, tmp_path):
    import sqlite3

    folder = reviewed[0]
    with sqlite3.connect(folder / "workspace.sqlite3", isolation_level=None) as con:
        con.execute("UPDATE audit_events SET actor = 'mallory' WHERE seq = 5")
    result = log_cli(folder, "json", tmp_path / "broken.json")
    assert result.returncode == 4 and "does not verify" in result.stderr
    assert json.loads((tmp_path / "broken.json").read_text(encoding="utf-8"))["chain_verified"] is False

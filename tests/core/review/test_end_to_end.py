"""One flow through the real commands: redact (import + export) → review → sign-off → verify → log.

`reviewer redact --workspace` imports the document with the real detector's findings and records its
verified export; the review happens in the workspace; the first export predates the decisions, so
approval is refused until redact runs again and records a fresh verified export.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from reviewer.core.review.errors import ExportNotVerified
from reviewer.core.review.states import ReviewStatus
from reviewer.core.service import open_workspace
from tests.core.store.workspace_fixtures import DATA, PASSWORDS, decide_all, proactive_record

ROOT = Path(__file__).resolve().parents[3]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reviewer", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


@pytest.mark.slow
def test_redact_review_sign_off_verify_and_log(ws_path, tmp_path):
    source = DATA / "penalty-notice.txt"
    clean = tmp_path / "penalty-clean.txt"
    first = cli("redact", str(source), "-o", str(clean), "--workspace", str(ws_path))
    assert first.returncode == 0, first.stderr

    ws = open_workspace(ws_path)
    try:
        [document] = ws.documents()
        assert document.status == ReviewStatus.IMPORTED and len(ws.exports(document.id)) == 1
        alice, bob = ws.get_user("alice"), ws.get_user("bob")
        session = ws.session(document.id, alice)
        assert session.findings(), "the detector found nothing to review"
        decide_all(session)
        session.record_attribute(proactive_record())
        session.submit()
        with pytest.raises(ExportNotVerified):
            ws.approve(document.id, bob, PASSWORDS["bob"])
    finally:
        ws.close()

    second = cli("redact", str(source), "-o", str(clean), "--workspace", str(ws_path))
    assert second.returncode == 0, second.stderr
    assert "500106198703154519" not in clean.read_text(encoding="utf-8")

    ws = open_workspace(ws_path)
    try:
        event = ws.approve(document.id, bob, PASSWORDS["bob"])
        ws.release(document.id, bob, PASSWORDS["bob"], channel="政府网站")
        assert ws.document(document.id).status == ReviewStatus.RELEASED
        import hashlib
        assert event.details["export_sha256"] == hashlib.sha256(clean.read_bytes()).hexdigest()
    finally:
        ws.close()

    verified = cli("audit", "verify", "--workspace", str(ws_path))
    assert verified.returncode == 0, verified.stderr
    log = tmp_path / "log.pdf"
    assert cli("log", "export", "--workspace", str(ws_path), "--format", "pdf", "-o", str(log)).returncode == 0
    with pdfplumber.open(log) as pdf:
        text = "".join((page.extract_text() or "").replace("\n", "") for page in pdf.pages)
    # the title and 文号 come from the document's text, every status in Chinese (issue 26)
    for field in ("保密审查记录", "重庆市渝中区市场监督管理局行政处罚决定书", "渝中市监处罚〔2026〕18号", "主动公开",
                  "alice", "bob", "有效", "已发布"):
        assert field in text, field
    assert "penalty-notice" not in text and "released" not in text

"""`reviewer redact --profile auto` (the default) takes the profile the document's kind selects and says so;
`--basis-labels` prints each redaction's legal basis after the replacement, and on the box in a PDF."""

from __future__ import annotations

import json
import subprocess
import sys

import pdfplumber

from reviewer.core.documents import load_document
from reviewer.core.resources import PROJECT_ROOT, resource


def redact(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reviewer", "redact", *args], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=300)


def test_auto_is_the_default_and_prints_the_kind_and_the_profile(tmp_path):
    out = tmp_path / "out.txt"
    result = redact(str(resource("samples", "penalty-decision.txt")), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "文种：行政处罚决定书（标题“行政处罚决定书”）→ 策略 punitive-notice" in result.stdout
    assert "kind: Administrative penalty decision → profile punitive-notice" in result.stdout
    text = out.read_text(encoding="utf-8")
    assert "当事人：王建国" in text  # the punished party is the point of the notice
    assert "500106198703154519" not in text and "13896001234" not in text  # his ID and phone are not
    assert "023-65432100" in text and "lixiaomei@example.gov.cn" in text  # the agency's contact stays
    assert "渝某市监处罚〔2026〕118号" in text


def test_a_named_profile_is_used_as_named_and_json_keeps_stdout_for_the_summary(tmp_path):
    out = tmp_path / "out.txt"
    result = redact(str(resource("samples", "penalty-decision.txt")), "-o", str(out), "--profile", "general")
    assert result.returncode == 0, result.stderr
    assert "文种" not in result.stdout and "王建国" not in out.read_text(encoding="utf-8")
    result = redact(str(resource("samples", "penalty-decision.txt")), "-o", str(tmp_path / "j.txt"), "--json")
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["kind"] == "penalty_decision" and summary["profile"] == "punitive-notice"
    assert "策略 punitive-notice" in result.stderr


def test_basis_labels_in_text_and_on_pdf_boxes(tmp_path):
    out = tmp_path / "out.txt"
    result = redact(str(resource("samples", "penalty-decision.txt")), "-o", str(out), "--basis-labels")
    assert result.returncode == 0, result.stderr
    assert "公民身份号码：500106********4519〔条例15〕" in out.read_text(encoding="utf-8")
    pdf_out = tmp_path / "out.pdf"
    result = redact(str(resource("samples", "penalty-decision.pdf")), "-o", str(pdf_out), "--basis-labels")
    assert result.returncode == 0, result.stderr
    assert "legal-basis labels drawn on" in result.stdout
    with pdfplumber.open(pdf_out) as pdf:
        words = pdf.pages[0].extract_words()
        chars = pdf.pages[0].chars
    labels = [w for w in words if w["text"] == "条例15"]
    assert labels, words
    white = [c for c in chars if c["text"] == "条" and c.get("non_stroking_color") in ((1, 1, 1), [1, 1, 1])]
    assert white  # drawn in white on the black box
    text = load_document(pdf_out).text
    assert "500106198703154515" not in text and "王建国" in text


def test_the_review_log_in_english_from_the_cli(tmp_path):
    ws = tmp_path / "ws"
    out = tmp_path / "out.txt"
    assert redact(str(resource("samples", "penalty-decision.txt")), "-o", str(out), "--workspace",
                  str(ws)).returncode == 0
    log = tmp_path / "log.json"
    result = subprocess.run([sys.executable, "-m", "reviewer", "log", "export", "--workspace", str(ws), "--format",
                             "json", "-o", str(log), "--language", "en"], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads(log.read_text(encoding="utf-8"))
    [document] = data["documents"]
    assert document["title"] == "重庆市某区市场监督管理局行政处罚决定书" and document["doc_number"] == "渝某市监处罚〔2026〕118号"
    assert {f["decision"] for f in document["findings"]} == {"not decided"}

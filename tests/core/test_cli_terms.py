"""Issue 33 through real processes: `reviewer scan` prints the wording and timing findings with their category
(the JSON contract's keys first), applies a term list file or a workspace's lists; `reviewer terms` imports,
lists and exports the lists of a workspace; `reviewer redact --workspace` removes a deny-listed name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.official_docs import HEATING_NOTICE, write_docx, write_pdf

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ["path", "entity_type", "category", "text", "start", "end", "score", "locator", "recognizer",
            "explanation"]


def reviewer(*args: str, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "reviewer", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout, env=env, input=stdin)


def records(result: subprocess.CompletedProcess) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_scan_prints_wording_and_timing_findings_with_their_category(tmp_path):
    docx = write_docx(tmp_path / "notice.docx", HEATING_NOTICE)
    pdf = write_pdf(tmp_path / "notice.pdf", HEATING_NOTICE)
    out = records(reviewer("scan", "--release-date", "2026-12-07", str(docx), str(pdf)))
    for path in (docx, pdf):
        mine = [r for r in out if r["path"] == str(path) and r["entity_type"].startswith(("WORDING_", "TIMING_"))]
        assert sorted(r["entity_type"] for r in mine) == ["TIMING_DEADLINE", "TIMING_EFFECTIVE",
                                                         "WORDING_OUTDATED_NAME", "WORDING_PROMISE",
                                                         "WORDING_PROMISE"]
        for r in mine:
            assert list(r)[:len(CONTRACT)] == CONTRACT and r["category"] == "other"
            assert r["severity"] in ("review", "info") and r["explanation"]
            assert r["attributes"]["check"] == ("timing" if r["entity_type"].startswith("TIMING_") else "wording")
    deadline = next(r for r in out if r["entity_type"] == "TIMING_DEADLINE")
    assert deadline["attributes"]["release"] == "2026-12-07" and deadline["severity"] == "review"
    # released before the deadline: no timing finding for it
    early = records(reviewer("scan", "--release-date", "2026-11-21", str(docx)))
    assert not any(r["entity_type"] == "TIMING_DEADLINE" for r in early)
    bad = reviewer("scan", "--release-date", "next week", str(docx))
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr


def test_scan_applies_a_term_list_file(tmp_path):
    lists = tmp_path / "敏感词库.txt"
    lists.write_text("[阻断发布]\n过期食品\t专案代号（测试）\n[不标记]\n李晓梅\t本局承办人\n", encoding="utf-8")
    sample = ROOT / "resources" / "samples" / "penalty-decision.docx"
    out = records(reviewer("scan", "--terms", str(lists), str(sample)))
    block = next(r for r in out if r["entity_type"] == "TERM_BLOCK")
    assert (block["category"], block["severity"], block["text"]) == ("restricted", "block", "过期食品")
    assert "专案代号" in block["explanation"] and list(block)[:len(CONTRACT)] == CONTRACT
    assert not any(r["text"] == "李晓梅" for r in out)


@pytest.fixture
def workspace(tmp_path) -> Path:
    folder = tmp_path / "ws"
    assert reviewer("workspace", "init", "--workspace", str(folder), "--admin", "admin", "--password-stdin",
                    stdin="admin-pass-1\n").returncode == 0
    return folder


def test_terms_import_list_export_and_redact_with_the_workspace_lists(workspace, tmp_path):
    plain = tmp_path / "必删.txt"
    plain.write_text("王建国\t当事人申请不公开（测试）\n", encoding="utf-8")
    refused = reviewer("terms", "import", str(plain), "--workspace", str(workspace), "--as", "admin",
                       "--password-stdin", stdin="admin-pass-1\n")
    assert refused.returncode == 1 and "[阻断发布]" in refused.stderr  # a plain list needs its kind
    done = reviewer("terms", "import", str(plain), "--kind", "deny", "--workspace", str(workspace), "--as", "admin",
                    "--password-stdin", stdin="admin-pass-1\n")
    assert done.returncode == 0 and "第 1 版" in done.stdout and "+1" in done.stdout
    listed = reviewer("terms", "list", "--workspace", str(workspace))
    assert "[必删]\n王建国\t当事人申请不公开（测试）" in listed.stdout
    exported = tmp_path / "out.xlsx"
    assert reviewer("terms", "export", "-o", str(exported), "--workspace", str(workspace)).returncode == 0
    assert exported.stat().st_size > 0
    sample = ROOT / "resources" / "samples" / "penalty-decision.txt"
    scanned = records(reviewer("scan", "--workspace", str(workspace), str(sample)))
    assert any(r["entity_type"] == "TERM_DENY" and r["text"] == "王建国" for r in scanned)
    copy = tmp_path / "copy.txt"
    result = reviewer("redact", str(sample), "-o", str(copy), "--profile", "punitive-notice",
                      "--workspace", str(workspace))
    assert result.returncode == 0, result.stderr
    assert "王建国" not in copy.read_text(encoding="utf-8")  # the punished party's name, deny-listed
    audit = reviewer("audit", "verify", "--workspace", str(workspace))
    assert audit.returncode == 0, audit.stdout + audit.stderr

"""The export gate and the export's own promises, through the CLI and the core (real detection, real files).

A document carrying a live 密级 marking is not exported as a release copy: `reviewer redact` exits 5 and
writes nothing; `--allow-restricted --reason` writes it and the reason is in the audit log. A cancelled
export leaves nothing behind. The result says what was checked and, apart from it, what was not.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.core.deidentify.errors import ExportCancelled
from reviewer.core.deidentify.profiles import load_profile
from reviewer.core.documents import load_document
from reviewer.core.resources import PROJECT_ROOT, resource
from reviewer.core.service import open_workspace
from reviewer.core.service.exporting import ExportBlocked, export_copy

CLASSIFIED = ("机密★10年\n000012\n"
              "关于调整部分干部职务的会议纪要\n"
              "本纪要涉及国家秘密，未经批准不得复制。\n"
              "会议听取了村民王建国的情况反映，联系电话13896001234。\n"
              "（此件不公开）\n")


def redact(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reviewer", "redact", *args], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def classified(tmp_path) -> Path:
    path = tmp_path / "minutes.txt"
    path.write_text(CLASSIFIED, encoding="utf-8")
    return path


def test_redact_refuses_a_live_marking_with_exit_5_and_writes_nothing(classified, tmp_path):
    out = tmp_path / "out.txt"
    result = redact(str(classified), "-o", str(out))
    assert result.returncode == 5, result.stderr
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    assert "机密★10年" in result.stderr and "--allow-restricted" in result.stderr
    assert "verified" not in result.stdout


def test_the_override_needs_a_reason_and_a_workspace(classified, tmp_path):
    out = tmp_path / "out.txt"
    assert redact(str(classified), "-o", str(out), "--allow-restricted").returncode == 2
    no_ws = redact(str(classified), "-o", str(out), "--allow-restricted", "--reason", "报送")
    assert no_ws.returncode == 2 and "--workspace" in no_ws.stderr and not out.exists()


def test_the_override_writes_and_its_reason_is_in_the_audit_log(classified, tmp_path):
    out, ws = tmp_path / "out.txt", tmp_path / "ws"
    result = redact(str(classified), "-o", str(out), "--workspace", str(ws), "--allow-restricted",
                    "--reason", "报送市保密局审查", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["override"]["reason"] == "报送市保密局审查" and "机密★10年" in summary["override"]["markings"]
    text = out.read_text(encoding="utf-8")
    assert "13896001234" not in text and "王建国" not in text
    workspace = open_workspace(ws, create=False)
    try:
        record = [e for e in workspace.events() if e.action == "export.recorded"][-1]
        assert record.details["override"]["reason"] == "报送市保密局审查"
        assert record.details["verified"] is True and workspace.verify().ok
    finally:
        workspace.close()


def test_undecided_findings_follow_the_profile_and_the_summary_says_so(tmp_path):
    out = tmp_path / "out.txt"
    result = redact(str(resource("samples", "penalty-decision.txt")), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "not decided by a reviewer (the profile was applied)" in result.stdout
    assert "covers the removed values only" in result.stdout  # "verified" claims no more than it checked


def test_a_cancelled_export_leaves_nothing(tmp_path):
    from reviewer.core.detection import analyze

    document = load_document(resource("samples", "penalty-decision.pdf"))
    pairs = [(f, None) for f in analyze(document)]
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2  # during the write

    with pytest.raises(ExportCancelled):
        export_copy(document, pairs, load_profile("general"), tmp_path / "out.pdf", cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []


def test_the_core_gate_names_every_unresolved_marking(classified, tmp_path):
    from reviewer.core.detection import analyze
    from reviewer.core.review.decisions import Decision, DecisionKind

    document = load_document(classified)
    findings = list(analyze(document))
    with pytest.raises(ExportBlocked) as refused:
        export_copy(document, [(f, None) for f in findings], load_profile("general"), tmp_path / "o.txt")
    assert "机密★10年" in refused.value.markings
    # redaction does not cure a marking: accepting it still blocks; a rejection (false positive) clears it
    accepted = [(f, Decision(DecisionKind.ACCEPT, "redact") if f.severity == "block" else None) for f in findings]
    with pytest.raises(ExportBlocked):
        export_copy(document, accepted, load_profile("general"), tmp_path / "o.txt")
    rejected = [(f, Decision(DecisionKind.REJECT, reason="误报") if f.severity == "block" else None) for f in findings]
    assert export_copy(document, rejected, load_profile("general"), tmp_path / "o.txt").override_reason is None

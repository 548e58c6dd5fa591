"""Acceptance through the whole pipeline: `analyze` (which merges classified.detect) and `reviewer scan`."""

import json
import subprocess
import sys
from pathlib import Path

from reviewer.core.detection import analyze
from reviewer.core.detection.classified import suggest_attribute
from reviewer.core.documents import load_document
from reviewer.core.types import Category, DisclosureAttribute, Severity

DATA = Path(__file__).resolve().parents[3] / "data" / "restricted"
ROOT = Path(__file__).resolve().parents[4]


def test_analyze_seed_has_only_its_disclosure_note_as_restricted_content():
    findings = analyze(load_document(DATA / "chongqing-2018-disclosure-work-plan.txt"))
    restricted = [f for f in findings if f.category is Category.RESTRICTED]
    assert [(str(f.entity_type), f.text, f.attributes["attribute"]) for f in restricted] == [
        ("DISCLOSURE_NOTE", "此件公开发布", "主动公开")]


def test_analyze_header_marking_blocks_and_suggests_withheld():
    findings = analyze(load_document(DATA / "header-secret-5y.docx"))
    blocking = [f for f in findings if f.severity is Severity.BLOCK]
    assert [(str(f.entity_type), f.text) for f in blocking] == [("CLASSIFIED_MARKING", "机密★5年")]
    suggestion = suggest_attribute(findings)
    assert suggestion.attribute is DisclosureAttribute.WITHHELD and "第十四条" in suggestion.legal_basis


def test_scan_cli_reports_the_marking_with_severity_and_attributes():
    result = subprocess.run([sys.executable, "-m", "reviewer", "scan", str(DATA / "header-secret-5y.docx")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    (record,) = [r for r in records if r["category"] == "restricted"]
    assert record["entity_type"] == "CLASSIFIED_MARKING" and record["severity"] == "block"
    assert record["attributes"]["level"] == "机密" and record["attributes"]["period"] == "5年"
    assert record["locator"]["kind"] == "header"

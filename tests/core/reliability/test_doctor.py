"""`reviewer doctor`: every check passes on this installation; broken pieces each get a FAIL line saying
what to fix, and the exit code is 1. Through the real CLI in a subprocess, on real resources."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from reviewer.core.service import open_workspace

ROOT = Path(__file__).resolve().parents[3]


def _doctor(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reviewer", "doctor", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, check=False)


def _lines(result: subprocess.CompletedProcess) -> dict[str, str]:
    """check name -> "OK"/"FAIL" plus its detail."""
    found = {}
    for line in result.stdout.splitlines():
        if line.startswith(("OK  ", "FAIL")):
            status, rest = line.split(None, 1)
            name, _, detail = rest.partition(": ")
            found[name] = f"{status} {detail}"
    return found


def test_doctor_passes_on_this_installation(tmp_path):
    folder = tmp_path / "ws"
    open_workspace(folder).close()
    result = _doctor("--workspace", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    checks = _lines(result)
    assert all(v.startswith("OK") for v in checks.values()), checks
    assert len(checks) == 10 + len(list((ROOT / "resources" / "profiles").glob("*.yaml")))  # LibreOffice, OCR, rules
    assert "read a test line" in checks["OCR engine (scans and pictures)"]
    assert "zh_reviewer_ner loaded in" in checks["NER model"] and "PERSON" in checks["NER model"]
    assert "opens, 0 documents" in checks["workspace"]
    assert "Chinese glyphs" in checks["CJK font for PDF export"]
    assert "Chinese font families" in checks["Qt (desktop app)"]
    assert "Traceback" not in result.stderr


def test_doctor_names_each_broken_piece_and_what_to_do(tmp_path):
    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", resources, ignore=shutil.ignore_patterns("samples", "eval", "icons"))
    analyzer = resources / "analyzer.yaml"
    analyzer.write_text(analyzer.read_text(encoding="utf-8").replace("models/zh_reviewer_ner", "models/gone"),
                        encoding="utf-8")
    rules = resources / "classified.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\nsurprise_key: 1\n", encoding="utf-8")
    (resources / "legal_basis.yaml").write_text("entries: [unclosed\n", encoding="utf-8")
    bodies = resources / "renamed_bodies.yaml"  # issue 33: an entry naming a reform that is not listed
    bodies.write_text(bodies.read_text(encoding="utf-8").replace("reform: tax_2018", "reform: tax_2019", 1),
                      encoding="utf-8")
    general = resources / "profiles" / "general.yaml"
    general.write_text(general.read_text(encoding="utf-8") + "\nunknown_option: true\n", encoding="utf-8")
    broken_ws = tmp_path / "ws"
    broken_ws.mkdir()
    (broken_ws / "workspace.sqlite3").write_bytes(b"this is not a database" * 100)

    result = _doctor("--resources", str(resources), "--workspace", str(broken_ws),
                     "--font", str(tmp_path / "missing.ttc"))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    checks = {name.replace(str(resources), "R"): v for name, v in _lines(result).items()}
    failed = {name for name, v in checks.items() if v.startswith("FAIL")}
    judgments = "wording and timing rules R/judgments.yaml, renamed_bodies.yaml"
    assert failed == {"NER model", "restricted-content rules R/classified.yaml", "legal-basis catalog R/legal_basis.yaml",
                      "policy profile R/profiles/general.yaml", "workspace", "CJK font for PDF export",
                      judgments}, checks
    assert "tax_2019" in checks[judgments]
    assert "make model" in checks["NER model"]
    assert "surprise_key" in checks["restricted-content rules R/classified.yaml"]
    assert "unknown_option" in checks["policy profile R/profiles/general.yaml"]
    assert "apt-get install fonts-wqy-zenhei" in checks["CJK font for PDF export"]
    assert checks["detection config R/analyzer.yaml"].startswith("OK")  # the YAML itself is still valid
    assert checks["policy profile R/profiles/punitive-notice.yaml"].startswith("OK")
    assert "checks passed" in result.stdout and "need fixing" in result.stdout

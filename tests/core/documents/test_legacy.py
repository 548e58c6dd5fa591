"""Word 97 (.doc), WPS (.wps), RTF and ODT: made with LibreOffice from our planted docx at test time, read
through LibreOffice's docx, scanned and redacted by the real pipeline; the antiword fallback and the refusal
without either; the hidden text of the OLE streams."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from reviewer.core.deidentify.errors import ExportRefused
from reviewer.core.deidentify.export import write_verified
from reviewer.core.deidentify.plan import plan_from_decisions
from reviewer.core.deidentify.profiles import load_profile
from reviewer.core.deidentify.verify import verify_output
from reviewer.core.detection import analyze
from reviewer.core.documents import load_document
from reviewer.core.documents.legacy import convert, ole
from reviewer.core.documents.model import DocumentFormat
from reviewer.core.errors import UnsupportedFormat
from tests.core.documents.conftest import DATA, PLANTED

SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install "
                                   "libreoffice-writer-nogui (the Makefile's SYSTEM_PACKAGES does)")
VALUES = ("11010519491231002X", "13812345678", "320102197505053015", "15011112222")


def _soffice_convert(source: Path, target_format: str, folder: Path) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([SOFFICE, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to",
                        target_format, "--outdir", str(folder), str(source)], check=True, capture_output=True,
                       timeout=180)
    return folder / f"{source.stem}.{target_format.split(':')[0]}"


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory) -> dict[str, Path]:
    """planted.docx saved by LibreOffice as Word 97, RTF and ODT; the .wps is the Word 97 file under WPS's name
    (WPS Writer's .wps is the same binary format)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("legacy")
    doc = _soffice_convert(DATA / "planted.docx", "doc:MS Word 97", folder)
    wps = folder / "planted-wps.wps"
    shutil.copy(doc, wps)
    return {"doc": doc, "wps": wps, "rtf": _soffice_convert(DATA / "planted.docx", "rtf", folder),
            "odt": _soffice_convert(DATA / "planted.docx", "odt", folder)}


@needs_soffice
@pytest.mark.parametrize("kind", ["doc", "wps", "rtf", "odt"])
def test_read_through_libreoffice(fixtures, kind):
    document = load_document(fixtures[kind])
    assert document.format is DocumentFormat(kind if kind != "wps" else "doc")
    for value in VALUES:
        assert value in document.text, value
    conversion = document.conversion
    assert conversion.tool.startswith("LibreOffice") and Path(conversion.output).is_file()
    assert document.sha256 == hashlib.sha256(fixtures[kind].read_bytes()).hexdigest()  # the original's
    assert conversion.output_sha256 == hashlib.sha256(Path(conversion.output).read_bytes()).hexdigest()


@needs_soffice
def test_conversion_is_cached_per_sha256(fixtures):
    first = load_document(fixtures["doc"]).conversion
    data = fixtures["doc"].read_bytes()
    again = convert.to_docx(data, hashlib.sha256(data).hexdigest(), "doc", "x.doc")
    assert str(again.docx) == first.output
    assert again is convert.cached(hashlib.sha256(data).hexdigest())


@needs_soffice
@pytest.mark.parametrize("kind", ["doc", "wps"])
def test_redacted_copy_is_a_verified_docx_and_the_original_is_unchanged(fixtures, kind, tmp_path):
    source = fixtures[kind]
    before = source.read_bytes()
    document = load_document(source)
    plan = plan_from_decisions([(f, None) for f in analyze(document)], load_profile("general"))
    assert set(VALUES) <= set(plan.values)
    with pytest.raises(ExportRefused, match=r"\.docx"):
        write_verified(document, plan, tmp_path / f"copy.{kind}")
    result = write_verified(document, plan, tmp_path / "copy.docx")
    assert result.format == "docx" and result.report.ok
    assert "converted to docx" in result.notes[0] and "original is unchanged" in result.notes[0]
    assert source.read_bytes() == before
    copy = load_document(tmp_path / "copy.docx")
    for value in VALUES:
        assert value not in copy.text
    assert verify_output(tmp_path / "copy.docx", VALUES, format="docx").ok


@needs_soffice
def test_cli_scan_and_redact_a_wps(fixtures, tmp_path):
    scan = subprocess.run([sys.executable, "-m", "reviewer", "scan", str(fixtures["wps"])], capture_output=True,
                          text=True, timeout=300)
    assert scan.returncode == 0, scan.stderr
    found = {json.loads(line)["text"] for line in scan.stdout.splitlines()}
    assert {"11010519491231002X", "13812345678"} <= found
    redact = subprocess.run([sys.executable, "-m", "reviewer", "redact", str(fixtures["wps"]), "-o",
                             str(tmp_path / "clean.docx")], capture_output=True, text=True, timeout=300)
    assert redact.returncode == 0, redact.stderr
    assert "an independent re-read finds none of them" in redact.stdout and "converted to docx" in redact.stdout


@needs_soffice
def test_hidden_text_of_the_ole_streams(fixtures):
    data = fixtures["doc"].read_bytes()
    text, ranges = ole.piece_text(*_streams(data))
    assert PLANTED["split_id"] in text and ranges  # Word's own piece table, read without LibreOffice
    hidden = ole.hidden_text(data, shown="")  # nothing shown: everything the binary holds is reported
    assert any(h.where.startswith("summary information author") and h.text == "张作者" for h in hidden)
    assert any(PLANTED["split_id"] in h.text for h in hidden)
    document = load_document(fixtures["doc"])
    shown = ole.hidden_text(data, shown=document.text.replace("13812345678", ""))
    assert [h.text for h in shown if "13812345678" in h.text]  # a paragraph missing from the conversion


def _streams(data: bytes) -> tuple[bytes, bytes]:
    import io

    import olefile

    with olefile.OleFileIO(io.BytesIO(data)) as f:
        word = f.openstream("WordDocument").read()
        table = "1Table" if int.from_bytes(word[0x0A:0x0C], "little") & 0x0200 else "0Table"
        return word, f.openstream(table).read()


@needs_soffice
def test_without_libreoffice_antiword_reads_text_only_and_export_is_refused(fixtures, monkeypatch, tmp_path):
    if shutil.which("antiword") is None:
        pytest.skip("antiword is not installed: apt-get install antiword (the Makefile's SYSTEM_PACKAGES does)")
    monkeypatch.setenv(convert.SOFFICE_ENV, "none")
    document = load_document(fixtures["doc"])  # (without soffice the session cache is not consulted either)
    assert document.conversion.output is None and "antiword (text only" in document.conversion.tool
    assert "11010519491231002X" in document.text
    plan = plan_from_decisions([(f, None) for f in analyze(document)], load_profile("general"))
    with pytest.raises(ExportRefused, match="antiword"):
        write_verified(document, plan, tmp_path / "copy.docx")


def test_without_libreoffice_or_antiword_a_clear_refusal(monkeypatch, tmp_path):
    monkeypatch.setenv(convert.SOFFICE_ENV, "none")
    monkeypatch.setenv("PATH", str(tmp_path))  # no antiword either
    with pytest.raises(UnsupportedFormat) as caught:
        load_document(DATA / "legacy.doc")
    message = str(caught.value)
    assert "libreoffice-writer-nogui" in message and "\n" not in message and "legacy.doc" in caught.value.message_zh


def test_doctor_says_how_to_install_libreoffice(monkeypatch):
    from reviewer.commands.doctor import run_checks

    monkeypatch.setenv(convert.SOFFICE_ENV, "none")
    check = next(c for c in run_checks() if c.name.startswith("LibreOffice"))
    assert not check.ok and "apt-get install -y libreoffice-writer-nogui" in check.detail

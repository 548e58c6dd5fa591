"""Shared helpers: the leak suite files and an in-process `reviewer redact` runner."""

from __future__ import annotations

import hashlib
import io
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "export"
EVERY_VALUE = DATA.parent / "profiles" / "every-value.yaml"  # general without its keeps by role and owner
sys.path.insert(0, str(DATA))
import make_leak_suite as suite  # noqa: E402  (the generator holds the planted values)

ENCODINGS = ("utf-8", "utf-16-be", "utf-16-le", "gb18030")


def run_redact(capsys, *args: str) -> tuple[int, str, str]:
    from reviewer.cli import main

    code = main(["redact", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def names_args() -> list[str]:
    """Names arrive from the NER model later; until then the reviewer adds them by hand. The 承办人's e-mail
    (…@example.gov.cn) is the agency's contact, which profiles keep since issue 26: the suite removes it by
    hand too, since what it checks is that a removed value leaves every place it hides in (mailto: links).
    For the same reason the suite runs under `every-value` (`writer_args`): names added by hand get a role from
    their context since issue 26, and the kind's profile would keep the punished party (王建国) and the
    承办人 (张伟); a later `--profile` in a test's own arguments wins."""
    names = [a for name in suite.PLANTED_NAMES for a in ("--person", name)]
    return writer_args() + names + ["--manual", suite.EMAIL]


def writer_args() -> list[str]:
    """The profile of the writers' coverage tests: every value removed by its type, whoever it belongs to."""
    return ["--profile", str(EVERY_VALUE)]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw_hits(data: bytes, values) -> list[tuple[str, str]]:
    """Values found in raw bytes in any of the encodings a file may hold text in."""
    hits = []
    for value in values:
        for enc in ENCODINGS:
            if value.encode(enc) in data:
                hits.append((value, enc))
    return hits


def docx_part_bytes(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def pdf_stream_bytes(path: Path) -> list[bytes]:
    """Every stream of the PDF decompressed with zlib directly (not through pikepdf)."""
    import re

    data = path.read_bytes()
    streams = []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        body = m.group(1)
        try:
            streams.append(zlib.decompressobj().decompress(body))
        except zlib.error:
            streams.append(body)
    return streams


@pytest.fixture(scope="session")
def leak():
    return suite


@pytest.fixture()
def workdir(tmp_path):
    return tmp_path


__all__ = ["DATA", "docx_part_bytes", "io", "names_args", "pdf_stream_bytes", "raw_hits", "run_redact", "sha256"]


def published_paragraphs(tmp_path: Path) -> list[str]:
    """bench.generate's published sentences (MSRA + CLUENER, identifiers planted), one paragraph per line."""
    from bench.generate import make_real_txt

    make_real_txt(tmp_path / "sentences.txt")
    return (tmp_path / "sentences.txt").read_text(encoding="utf-8").splitlines()


def detect_and_export(src: Path, out: Path, *, min_findings: int, min_values: int):
    """The real engine over `src`, every finding accepted under the general profile without its keeps by role
    and owner (`every-value`: these tests check the writers reach every place, whoever a value belongs to),
    a verified copy at `out`."""
    from reviewer.core.deidentify.export import write_verified
    from reviewer.core.deidentify.plan import plan_from_decisions
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.detection import analyze
    from reviewer.core.documents import load_document

    document = load_document(src)
    findings = analyze(document)
    assert len(findings) > min_findings
    plan = plan_from_decisions([(f, None) for f in findings], load_profile(EVERY_VALUE))
    result = write_verified(document, plan, out)
    assert result.report.ok and result.report.checked_values > min_values
    return plan, result

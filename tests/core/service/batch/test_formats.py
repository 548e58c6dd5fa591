"""A batch reads what the app reads (issues 27, 28, 33): a roster workbook (xlsx, and xls where LibreOffice
can make one), a scanned ID card picture read by OCR in the worker process (its results in the workspace's
OCR cache), and the workspace's term lists applied, each document's detection run recorded with them."""

from __future__ import annotations

import shutil
from pathlib import Path

from reviewer.commands import scan
from reviewer.core.detection.terms.model import TermEntry, TermKind
from reviewer.core.service import open_workspace
from reviewer.core.service.batch import inputs, jobs, local
from reviewer.core.service.terms import save_term_lists
from tests import ocr_fixtures
from tests.roster_files import make_roster

TERM = "天河二号扩容工程"  # an office's project code name on its block list


def test_batch_inputs_are_the_files_scan_reads():
    assert inputs.DOCUMENT_SUFFIXES == scan.SUPPORTED_SUFFIXES
    assert inputs.OFFICE_SUFFIXES == scan.OFFICE_SUFFIXES
    assert inputs.ARCHIVE_SUFFIXES == scan.ARCHIVE_SUFFIXES


def test_a_batch_reads_workbooks_and_scans_and_applies_the_term_lists(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    roster = make_roster(tmp_path / "made")
    shutil.copy(roster.xlsx, folder / roster.xlsx.name)
    if roster.xls is not None:
        shutil.copy(roster.xls, folder / roster.xls.name)
    card = ocr_fixtures.id_card_jpeg(folder / "身份证复印件.jpg")
    (folder / "工作简报.txt").write_text(f"工作简报\n{TERM}进展顺利，下周验收。\n", encoding="utf-8")

    ws = open_workspace(tmp_path / "ws")
    admin = ws.create_first_admin("root", "root-password-1")
    terms, _change = save_term_lists(ws, admin, [TermEntry(TermKind.BLOCK, TERM, "项目代号")])
    batch = local.run_local(ws, [str(folder)], actor="os:tester", options=local.WorkerOptions(processes=2))
    assert batch.status == "finished" and batch.settings["terms"]["version"] == terms.version == 1

    items = {Path(it.key).name: it for it in jobs.items(ws, batch.id)}
    assert all(it.state == jobs.DONE for it in items.values()), {k: it.error for k, it in items.items()}

    def found(name: str) -> set[tuple[str, str]]:
        return {(str(f.finding.entity_type), f.finding.text) for f in ws.findings(items[name].document_id)}

    want = (
        {("CN_ID_CARD", v) for v in roster.ids}
        | {("CN_MOBILE_PHONE", v) for v in roster.phones}
        | {("CN_BANK_CARD", v) for v in roster.accounts}
    )
    workbooks = [roster.xlsx.name] + ([roster.xls.name] if roster.xls is not None else [])
    for name in workbooks:
        assert want <= found(name), name
        assert items[name].result["format"] in ("xlsx", "xls")
    picture = found("身份证复印件.jpg")
    assert {("CN_ID_CARD", card.ids[0]), ("CN_MOBILE_PHONE", card.phones[0])} <= picture
    assert any(text == card.names[0] for _type, text in picture)
    assert list((tmp_path / "ws" / "ocr-cache").rglob("*.json"))  # read once, kept in the workspace's folder
    assert ("TERM_BLOCK", TERM) in found("工作简报.txt")

    for name, it in items.items():  # each import is a detection run naming the lists it used
        runs = [e for e in ws.events(it.document_id) if e.action == "findings.detected"]
        assert [e.details["term_list"]["digest"] for e in runs] == [terms.digest], name
    assert ws.verify().ok
    ws.close()

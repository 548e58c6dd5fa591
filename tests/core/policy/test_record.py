"""Acceptance (issue 26): the review record (保密审查记录) of the sample decision, exported as docx and PDF and read
back, is fit for filing — Chinese labels for every type, operator, status and reason, the document's real title,
文号 and kind, the reviewer's display name, a legal basis on every redaction row, the export's notes — and the
"部分公开" statement (条例第三十七条) says what was withheld and why, from the same decisions."""

from __future__ import annotations

import re
import subprocess
import sys

import docx
import pdfplumber
import pytest

from reviewer.core.detection import analyze
from reviewer.core.documents import load_document
from reviewer.core.reports.log_export import export_review_log
from reviewer.core.reports.statement import StatementIncomplete, build_statement, export_statement
from reviewer.core.resources import PROJECT_ROOT, resource
from tests.core.store.workspace_fixtures import PASSWORDS

CODES = ("PERSON", "CN_ID_CARD", "CN_MOBILE_PHONE", "CN_ADDRESS", "DISCLOSURE_NOTE", "pseudonym", "mask",
         "generalize", "punitive_notice", "institutional_contact", "official_role", "accept", "reject", "imported",
         "in_review", "penalty_decision")


def _reviewed(ws, people, fmt: str, *, decide_all: bool = True):
    """The sample decision reviewed as a reviewer would: what the profile removes accepted (with the default basis),
    what it keeps rejected with a preset reason, the printed 附注 confirmed; attribute recorded, copy exported."""
    reviewer = ws.create_user(people.admin, "lisc", "reviewer", PASSWORDS["alice"], display_name="李审查",
                              admin_password=PASSWORDS["admin"])
    document = load_document(resource("samples", f"penalty-decision.{fmt}"))
    review = ws.review(document, reviewer)
    review.import_findings(analyze(document))
    rows = [r for r in review.rows() if r.origin != "propagated"]
    if not decide_all:
        return review, rows
    removed = [r.key for r in rows if r.replacement is not None or r.finding.entity_type == "DISCLOSURE_NOTE"]
    review.decide(removed, "accept")
    for r in review.rows():
        if r.decision is not None or r.origin == "propagated":
            continue
        reason = {"party": "punitive_notice", "official": "official_role", "contact": "official_role"}.get(
            r.role or "", "institutional_contact" if r.owner == "institution" else "not_personal")
        review.decide([r.key], "reject", reason=reason)
    suggestion = review.suggest_attribute()
    from reviewer.core.review.attribute import DisclosureRecord

    review.record_attribute(DisclosureRecord(suggestion.attribute, suggestion.legal_basis, suggestion.rationale,
                                             "区市场监督管理局办公室", "李审查"))
    review.export_copy(ws.location.folder.parent / f"copy.{fmt}")
    return review, rows


def _docx_tables(path) -> tuple[str, list[list[str]]]:
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    fields, findings = document.tables[0], document.tables[1]
    text += "\n" + "\n".join(c.text for r in fields.rows for c in r.cells)
    return text, [[c.text for c in r.cells] for r in findings.rows]


def _pdf_tables(path) -> tuple[str, list[list[str]]]:
    with pdfplumber.open(str(path)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        tables = [t for page in pdf.pages for t in page.extract_tables()]
    rows = [[(c or "").replace("\n", "") for c in row] for t in tables if len(t[0]) == 7 for row in t]
    return text.replace("\n", ""), rows


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("sample", ["docx", "pdf"])
def test_the_review_record_of_the_sample_decision_reads_back_fit_for_filing(ws, people, tmp_path, sample, fmt):
    review, _rows = _reviewed(ws, people, sample)
    out = tmp_path / f"log.{fmt}"
    export_review_log(ws, fmt, out, document_id=review.document_id, catalog=ws.catalog)
    text, rows = (_docx_tables if fmt == "docx" else _pdf_tables)(out)
    flat = re.sub(r"\s", "", text)
    for field in ("保密审查记录", "重庆市某区市场监督管理局行政处罚决定书", "渝某市监处罚〔2026〕118号", "行政处罚决定书",
                  "主动公开", "审查中", "李审查（lisc）"):
        assert field in flat, field
    body = [r for r in rows if r and r[0].isdigit()]
    header = next(r for r in rows if r and r[0] == "序号")
    assert header == ["序号", "类型", "内容（遮盖）", "处理决定", "依据", "决定人", "时间"]
    assert body and all("李审查（lisc）" in r[5] for r in body)
    redactions = [r for r in body if r[3].startswith("采纳并处理")]
    assert len(redactions) >= 5 and all(r[4].startswith("第十五条") for r in redactions)  # a basis on every one
    kinds = {r[1] for r in body}
    assert {"姓名（当事人）", "公民身份号码", "手机号码（个人）"} <= kinds
    decisions = {r[3] for r in body}
    assert "驳回：应当保留：惩戒性公示" in decisions and "确认（附注照印，与认定核对）" in decisions
    assert any(d.startswith("采纳并处理：化名") for d in decisions)
    assert not [c for c in CODES if c in flat + "".join(map("".join, body))]
    assert "500106198703154515" not in flat  # values are masked in the record
    assert ("替换" in flat) if sample == "docx" else ("已从第" in flat)  # the export's notes, in Chinese


def test_the_record_in_english_shows_the_same_codes_by_their_english_names(ws, people, tmp_path):
    review, _rows = _reviewed(ws, people, "docx")
    out = tmp_path / "log-en.docx"
    export_review_log(ws, "docx", out, document_id=review.document_id, catalog=ws.catalog, language="en")
    text, rows = _docx_tables(out)
    assert "Confidentiality review record" in text and "Document number" in text
    decisions = {r[3] for r in rows[1:]}
    assert "rejected: Must stay: punitive notice" in decisions  # the stored code, in the record's language


def test_the_partial_disclosure_statement_says_what_was_withheld_and_why(ws, people, tmp_path):
    review, _rows = _reviewed(ws, people, "docx")
    statement = build_statement(ws, review.document_id)
    text = statement.text()
    assert text.startswith("关于《重庆市某区市场监督管理局行政处罚决定书》（渝某市监处罚〔2026〕118号）部分公开的说明")
    assert "第三十七条" in text and "《中华人民共和国政府信息公开条例》第十五条" in text
    assert "证人、见证人的姓名1处" in text and "公民身份号码" in text and "个人信息保护法》第二十五条" in text
    for value in ("刘芳", "王建国", "500106198703154515", "13896001234"):
        assert value not in text  # kinds of information and counts, never the values
    assert statement.places == sum(p.places for p in statement.parts) > 0
    out = tmp_path / "statement.docx"
    export_statement(ws, review.document_id, "docx", out)
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert paragraphs[0] == text.splitlines()[0] and any("第三十七条" in p for p in paragraphs)


def test_no_statement_while_findings_are_undecided_and_the_cli_says_what_to_do(ws, people, tmp_path):
    review, _rows = _reviewed(ws, people, "docx", decide_all=False)
    with pytest.raises(StatementIncomplete) as info:
        build_statement(ws, review.document_id)
    assert "逐项决定" in str(info.value)
    folder = ws.location.folder
    ws.close()
    out = tmp_path / "s.txt"
    cli = [sys.executable, "-m", "reviewer", "log", "statement", "--workspace", str(folder), "--document",
           str(review.document_id), "--format", "txt", "-o", str(out)]
    result = subprocess.run(cli, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "部分公开说明" in result.stderr and not out.exists()


def test_every_entity_type_has_a_name_in_both_languages_of_the_record():
    from reviewer.core.reports.labels import TYPES, type_label
    from reviewer.core.types import EntityType

    assert set(EntityType) <= set(TYPES)  # a new type (issue 33's term and wording checks too) needs its name
    for entity_type in EntityType:
        assert type_label(entity_type, "zh") != str(entity_type) and type_label(entity_type, "en")

"""Term lists kept by the office in the workspace (issue 33): versions, who may change them, the audit events,
detection runs that pick up a changed list, the review log's record of the version used, and the
suggestions for the attribute's three judgments. Real workspace, real detection, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import update

from reviewer.core.detection import analyze
from reviewer.core.detection.engine import get_engine
from reviewer.core.detection.terms import TermEntry, TermKind
from reviewer.core.documents import load_document
from reviewer.core.reports.review_log import build_review_log, document_fields
from reviewer.core.review.decisions import DecisionKind
from reviewer.core.service import open_workspace
from reviewer.core.service.exporting import ExportBlocked
from reviewer.core.service.terms import (
    detection_options,
    export_term_file,
    import_term_file,
    save_term_lists,
    term_history,
    term_set,
)
from reviewer.core.store import schema
from reviewer.core.store.errors import PermissionDenied
from reviewer.core.types import EntityType
from tests.official_docs import HEATING_NOTICE, write_docx

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


@pytest.fixture
def workspace(tmp_path):
    ws = open_workspace(tmp_path / "ws")
    admin = ws.create_first_admin("admin", "admin-pass-1")
    users = {"admin": admin, "li": ws.create_user(admin, "li", "reviewer", "reviewer-pass-1", "李审查"),
             "zhang": ws.create_user(admin, "zhang", "supervisor", "supervisor-pass-1", "张主任")}
    yield ws, users
    ws.close()


def test_each_change_is_a_version_and_an_audit_event_with_who_and_when(workspace):
    ws, users = workspace
    assert term_set(ws).version == 0 and not term_set(ws)
    with pytest.raises(PermissionDenied):  # a reviewer could clear their own document with the allow list
        save_term_lists(ws, users["li"], [TermEntry(TermKind.ALLOW, "李晓梅", "")])
    first, change = save_term_lists(ws, users["zhang"], [TermEntry(TermKind.BLOCK, "XK-17工程", "涉密项目代号"),
                                                          TermEntry(TermKind.DENY, "13800001111", "举报人电话")])
    assert first.version == 1 and len(change.added) == 2 and first.changed_by == "zhang"
    assert all(e.added_by == "zhang" and e.added_at == first.changed_at for e in first.entries)
    same, nothing = save_term_lists(ws, users["admin"], list(first.entries))
    assert not nothing and same.version == 1 and len(term_history(ws)) == 1  # unchanged: nothing written
    second, change = save_term_lists(ws, users["admin"], [first.entries[0], TermEntry(TermKind.ALLOW, "李晓梅",
                                                                                      "本局承办人")])
    assert second.version == 2
    assert [e.term for e in change.added] == ["李晓梅"] and [e.term for e in change.removed] == ["13800001111"]
    kept = next(e for e in second.entries if e.term == "XK-17工程")
    assert kept.added_by == "zhang"  # a kept entry keeps who added it
    events = [e for e in ws.events() if e.action == "terms.changed"]
    assert [(e.actor, e.details["version"]) for e in events] == [("zhang", 1), ("admin", 2)]
    assert events[1].details["added"] == [["allow", "李晓梅", "本局承办人"]]
    assert events[1].details["removed"] == [["deny", "13800001111", "举报人电话"]]
    assert events[1].details["digest"] == second.digest and events[1].ts == second.changed_at
    assert ws.verify().ok


def test_a_version_edited_behind_the_program_is_reported(workspace):
    ws, users = workspace
    save_term_lists(ws, users["admin"], [TermEntry(TermKind.ALLOW, "李晓梅", "本局承办人")])
    with ws.write() as conn:
        conn.execute(update(schema.term_lists).values(
            entries_json=json.dumps([["allow", "王建国", "", "admin", ""]], ensure_ascii=False)))
    report = ws.verify()
    assert not report.ok and any("词库" in p.message_zh for p in report.problems)


def test_import_and_export_through_the_workspace(workspace, tmp_path):
    ws, users = workspace
    plain = tmp_path / "领导名单.txt"
    plain.write_text("李晓梅\t本局承办人\n张家界\t地名\n", encoding="utf-8")
    saved, change = import_term_file(ws, users["admin"], plain, kind=TermKind.ALLOW)
    assert saved.version == 1 and {e.term for e in saved.of(TermKind.ALLOW)} == {"李晓梅", "张家界"}
    event = next(e for e in ws.events() if e.action == "terms.changed")
    assert event.details["source"] == "import:领导名单.txt" and event.actor == "admin"
    exported = export_term_file(ws, tmp_path / "out.xlsx")
    replaced, _ = import_term_file(ws, users["admin"], exported, replace=True)
    assert replaced.version == 1  # the same lists: no new version


@pytest.fixture(scope="module")
def engine():
    return get_engine()


def _detect(ws, document):
    options = detection_options(ws, getattr(ws.find_document(document.sha256), "id", None))
    return analyze(document, **options), options


def test_a_detection_after_a_list_change_adds_and_retires_findings_and_the_log_names_the_version(engine, workspace):
    ws, users = workspace
    document = load_document(SAMPLES / "penalty-decision.docx")
    review = ws.review(document, users["li"], profile="punitive-notice")
    findings, options = _detect(ws, document)
    review.import_findings(findings, **options)
    first = {(f.finding.entity_type, f.finding.text) for f in review.stored()}
    assert not any(t.startswith("TERM_") for t, _ in first)
    # the office lists a blocking term, a deny-listed name, and its own official on the allow list
    save_term_lists(ws, users["zhang"], [TermEntry(TermKind.BLOCK, "过期食品", "专案代号（测试）"),
                                         TermEntry(TermKind.DENY, "王建国", "（测试）"),
                                         TermEntry(TermKind.ALLOW, "李晓梅", "本局承办人")])
    li_person = next(s for s in review.stored() if s.finding.text == "李晓梅" and s.finding.entity_type == "PERSON")
    phone = next(s for s in review.stored() if s.finding.entity_type == EntityType.CN_MOBILE_PHONE)
    review.decide([str(phone.id)], DecisionKind.ACCEPT)
    findings, options = _detect(ws, document)
    review.import_findings(findings, **options)
    stored = review.stored()
    types = {(str(s.finding.entity_type), s.finding.text) for s in stored}
    assert ("TERM_BLOCK", "过期食品") in types and ("TERM_DENY", "王建国") in types
    assert li_person.id not in {s.id for s in stored}  # retired: on the allow list, nobody had decided it
    assert phone.id in {s.id for s in stored}  # decided findings stay
    run = [e for e in ws.events(review.document_id) if e.action == "findings.detected"]
    assert [e.details["term_list"]["version"] for e in run] == [0, 1]
    assert run[1].details["added"] >= 2 and li_person.id in run[1].details["retired"]
    assert ws.verify().ok
    with pytest.raises(ExportBlocked):
        review.export_copy(Path(ws.location.folder) / "copy.docx")
    log = build_review_log(ws, document_id=review.document_id)
    fields = dict(document_fields(log.documents[0]))
    assert fields["单位敏感词库 / office term lists"].startswith("第 1 版（3 条")


def test_the_attribute_dialog_suggestions_come_from_the_findings_dates_and_kind(engine, workspace, tmp_path):
    ws, users = workspace
    document = load_document(write_docx(tmp_path / "notice.docx", HEATING_NOTICE))
    review = ws.review(document, users["li"])
    findings, options = _detect(ws, document)
    review.import_findings(findings, **options)
    suggestion = review.suggest_judgments()
    assert "机构改革前的名称 1 处（“国土资源局”）" in suggestion.wording
    assert "绝对化承诺 2 处" in suggestion.wording
    assert "成文日期 2026-11-20" in suggestion.timing and "施行日期 2026-12-01" in suggestion.timing
    assert suggestion.kind is None and suggestion.channel == ""  # no rule names this kind's audience
    # rejected findings are no longer suggested
    outdated = [s for s in review.stored() if s.finding.entity_type == EntityType.WORDING_OUTDATED_NAME]
    review.decide([str(s.id) for s in outdated], DecisionKind.REJECT, reason="指改革前的机构")
    assert "机构改革前" not in review.suggest_judgments().wording
    # accepting a wording finding acknowledges it: the text stays in the copy
    promise = next(s for s in review.stored() if s.finding.entity_type == EntityType.WORDING_PROMISE)
    review.decide([str(promise.id)], DecisionKind.ACCEPT)
    row = next(r for r in review.rows() if r.key == str(promise.id))
    assert row.state == "accepted" and row.decision.operator == "keep" and row.replacement is None
    assert promise.finding.text not in review.plan().values


def test_a_channel_wider_than_the_audience_is_warned(engine, workspace, tmp_path):
    ws, users = workspace
    path = write_docx(tmp_path / "compensation.docx", [
        "某区国有土地上房屋征收分户补偿情况公示", "根据《国有土地上房屋征收与补偿条例》，现将分户补偿情况公示如下。"])
    review = ws.review(load_document(path), users["li"])
    assert review.suggest_judgments().kind == "征收分户补偿"
    assert "房屋征收范围内" in review.suggest_judgments().channel
    assert review.channel_warning("征收范围内公告栏") == ""
    assert "超出征收分户补偿规定的公开范围" in review.channel_warning("政府网站")

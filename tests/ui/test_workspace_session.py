"""The workspace adapter: rows from the core's stored findings, and the de-identified preview equal to
the core plan applied to the whole text (computed piece by piece to keep the GIL free)."""

from __future__ import annotations

from reviewer.core.documents import load_document
from reviewer.ui.labels import ReviewState
from reviewer.ui.workspace_session import WorkspaceReviewSession, apply_in_pieces
from tests.ui.conftest import DATA, fake_findings


def test_preview_is_the_core_plan_applied_to_the_text(workspace):
    ws, users = workspace
    document = load_document(DATA / "notice.pdf")
    session = WorkspaceReviewSession(ws, users["li"], document, profile=lambda: "general")
    assert session.rows() == [] and session.document_id is None
    session.record_findings(fake_findings(document))
    rows = session.rows()
    assert len(rows) == 5 and session.document_id is not None
    session.accept(rows[0].id)
    session.reject(rows[1].id, "已公开")
    plan = session.plan()
    preview = session.preview_text()
    assert plan.apply_text(document.text) == apply_in_pieces(plan, document.text, piece=16)
    body = "\n".join(plan.apply_text(b.text) for b in document.blocks if b.kind == "page")
    assert preview.startswith(body + "\n〔")  # pages first, then the labelled metadata
    assert "〔Document property Producer〕ReportLab" in preview
    assert rows[1].finding.text in preview  # rejected: stays
    assert rows[0].finding.text not in preview and rows[2].finding.text not in preview  # accepted, undecided
    states = {r.id: r.state for r in session.rows()}
    assert states[rows[0].id] == ReviewState.ACCEPTED and states[rows[1].id] == ReviewState.REJECTED
    # the rows kept up to date piece by piece equal a full re-read of the store, through edits,
    # manual findings and undo
    start = document.text.index("李晓梅")
    session.add_manual(start, start + 3, "PERSON", "承办人")
    session.edit_span(rows[2].id, rows[2].finding.start, rows[2].finding.end - 1)
    session.undo()
    session.undo()
    session.redo()
    again = WorkspaceReviewSession(ws, users["li"], document, profile=lambda: "general")
    assert {r.id: r for r in again.rows()} == {r.id: r for r in session.rows()}
    assert {r.id: r.state for r in again.rows() if r.id in states} == states  # the edit was undone
    manual = [r for r in session.rows() if r.id not in states]
    assert [(r.finding.text, r.state) for r in manual] == [("李晓梅", ReviewState.PENDING)]  # redone


def test_preview_labels_chart_smartart_link_and_alt_text_in_chinese(translations, tmp_path):
    """Text from a chart, a SmartArt, a link target or a picture's alt text is labelled in the preview
    (it was shown with the bare kind name: 〔alt_text〕)."""
    from reviewer.core.deidentify.plan import plan_from_decisions
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.ui.workspace_session import preview_of
    from tests.docx_chunks import with_chart_and_smartart

    translations.install("zh_CN")
    src = with_chart_and_smartart(tmp_path / "chart.docx", "正文。", "补助发放", [("王建国", 1200)], ["组长：欧阳明"])
    document = load_document(src)
    preview = preview_of(plan_from_decisions([], load_profile("general")), document)
    assert "〔图表〕补助发放" in preview and "〔图表〕王建国" in preview and "〔SmartArt 图形〕组长：欧阳明" in preview
    assert "〔chart〕" not in preview and "〔diagram〕" not in preview


def test_the_exported_copy_is_named_without_the_removed_values(workspace, tmp_path):
    """The dialog proposes <source name>.deidentified.<ext>; a source named after a person (当事人 王建国)
    would publish the name with the file. The copy gets the plan applied to its name."""
    from reviewer.ui.workspace_facade import WorkspaceFacade

    ws, users = workspace
    src = tmp_path / "王建国行政处罚决定书.txt"
    src.write_text("当事人：王建国\n处罚决定如下。\n", encoding="utf-8")
    facade = WorkspaceFacade(ws, profile=lambda: "general")
    facade.set_user(users["li"])
    document = load_document(src)
    session = facade.open_session(document)
    session.record_findings(fake_findings(document))
    for row in session.rows():
        session.accept(row.id)
    (tmp_path / "out").mkdir()
    result = facade.export_copy(session, tmp_path / "out" / "王建国行政处罚决定书.deidentified.txt")
    assert result.output.endswith("王某行政处罚决定书.deidentified.txt")
    assert (tmp_path / "out" / "王某行政处罚决定书.deidentified.txt").read_text(encoding="utf-8").startswith("当事人：王某")
    assert not (tmp_path / "out" / "王建国行政处罚决定书.deidentified.txt").exists()

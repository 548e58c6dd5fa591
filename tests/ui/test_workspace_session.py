"""The workspace adapter: rows from the core service, the preview made by the export's writer, every
change of the copy a row of the table (propagated occurrences included)."""

from __future__ import annotations

from reviewer.core.documents import load_document
from reviewer.ui.labels import ReviewState
from reviewer.ui.widgets import preview_text
from reviewer.ui.workspace_session import WorkspaceReviewSession
from tests.ui.conftest import DATA, fake_findings


def _session(ws, user, document):
    return WorkspaceReviewSession(ws, user, document, profile=lambda: "general")


def test_rows_and_preview_follow_the_stored_decisions(workspace, tmp_path):
    ws, users = workspace
    src = tmp_path / "notice.txt"
    src.write_text("当事人：王建国，电话13896001234。\n李晓梅经办。\n王建国已缴纳罚款。\n", encoding="utf-8")
    document = load_document(src)
    session = _session(ws, users["li"], document)
    assert session.rows() == [] and session.document_id is None
    session.record_findings(fake_findings(document))
    rows = {r.finding.text: r for r in session.rows() if r.origin == "detected"}
    assert set(rows) == {"王建国", "13896001234", "李晓梅"} and session.document_id is not None
    # the second 王建国 is no finding of the fake detector, yet the copy changes it: it is a row
    propagated = [r for r in session.rows() if r.origin == "propagated"]
    assert [(r.finding.text, r.replacement, r.source) for r in propagated] == [("王建国", "王某", rows["王建国"].id)]
    session.accept(rows["王建国"].id)
    session.reject(rows["李晓梅"].id, "经办人，机构公开")
    session.refresh_rows()
    by_id = {r.id: r for r in session.rows()}
    assert by_id[rows["王建国"].id].state == ReviewState.ACCEPTED and by_id[rows["王建国"].id].replacement == "王某"
    assert by_id[rows["李晓梅"].id].replacement is None and by_id[rows["李晓梅"].id].note == "经办人，机构公开"
    assert by_id[rows["13896001234"].id].replacement == "138****1234"  # undecided: the profile applies
    preview = preview_text(session.preview().blocks)
    assert preview == "当事人：王某，电话138****1234。\n李晓梅经办。\n王某已缴纳罚款。"
    # a reopened session reads the same rows from the store
    again = _session(ws, users["li"], document)
    assert {r.id: (r.state, r.replacement) for r in again.rows()} == {
        r.id: (r.state, r.replacement) for r in session.rows()}


def test_a_propagated_occurrence_can_be_kept_on_its_own(workspace, tmp_path):
    """王建国 the person goes; the road named 王建国路 stays when the reviewer rejects that occurrence:
    the table, the preview and the exported file all say so, and the verifier checks the rest."""
    ws, users = workspace
    src = tmp_path / "road.txt"
    src.write_text("当事人：王建国，住王建国路168号。\n王建国签收。\n", encoding="utf-8")
    document = load_document(src)
    session = _session(ws, users["li"], document)
    session.record_findings(fake_findings(document))
    person = next(r for r in session.rows() if r.origin == "detected")
    session.accept(person.id)
    session.refresh_rows()
    road_at = document.text.index("王建国路")
    road = next(r for r in session.rows() if r.finding.start == road_at)
    assert road.origin == "propagated" and road.state == ReviewState.ACCEPTED and road.replacement == "王某"
    changes = session.reject(road.id, "路名，不是人名")
    assert road.id in changes.removed  # the occurrence became a finding of its own
    session.refresh_rows()
    kept = next(r for r in session.rows() if r.finding.start == road_at)
    assert kept.state == ReviewState.REJECTED and kept.replacement is None and kept.origin == "propagated"
    assert preview_text(session.preview().blocks) == "当事人：王某，住王建国路168号。\n王某签收。"
    (tmp_path / "out").mkdir()
    out = session.review.export_copy(tmp_path / "out" / "road.txt")
    assert (tmp_path / "out" / "road.txt").read_text(encoding="utf-8") == "当事人：王某，住王建国路168号。\n王某签收。\n"
    assert out.kept_places == 1 and "1" in out.checked_en()
    # one undo takes back the rejection and the occurrence's own row together
    session.undo()
    session.refresh_rows()
    again = next(r for r in session.rows() if r.finding.start == road_at)
    assert again.id.startswith("p:") and again.replacement == "王某"
    actions = [e.action for e in ws.events(session.document_id)]
    assert actions.count("finding.removed") == 1 and actions[-2:] == ["decision.undone", "finding.removed"]


def test_preview_labels_chart_smartart_link_and_alt_text_in_chinese(translations, tmp_path, workspace):
    """Text from a chart, a SmartArt, a link target or a picture's alt text is labelled in the preview
    (it was shown with the bare kind name: 〔alt_text〕); the preview is the written copy read back."""
    from tests.docx_chunks import with_chart_and_smartart

    ws, users = workspace
    translations.install("zh_CN")
    src = with_chart_and_smartart(tmp_path / "chart.docx", "正文。", "补助发放", [("王建国", 1200)], ["组长：欧阳明"])
    document = load_document(src)
    session = _session(ws, users["li"], document)
    session.record_findings([])
    preview = preview_text(session.preview().blocks)
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
    record = ws.exports(session.document_id)[-1]
    assert record.verified and record.output_path == str((tmp_path / "out" / "王某行政处罚决定书.deidentified.txt").resolve())


def test_pdf_preview_is_the_exported_page(workspace, tmp_path):
    """The PDF preview is the page the export writes: its text is the exported page's text, and its
    pixels equal a rendering of the exported page where the boxes are."""
    import pypdfium2

    ws, users = workspace
    document = load_document(DATA / "notice.pdf")
    session = _session(ws, users["li"], document)
    session.record_findings(fake_findings(document))
    for row in session.rows():
        if row.origin != "propagated":
            session.accept(row.id)
    preview = session.preview(page=1)
    out = session.review.export_copy(tmp_path / "notice.pdf").output
    pdf = pypdfium2.PdfDocument(out)
    try:
        page = pdf[0]
        text = page.get_textpage().get_text_range()
        image = page.render(scale=preview.scale).to_pil().convert("RGB")
    finally:
        pdf.close()
    assert preview.text == text
    assert (image.width, image.height) == (preview.width, preview.height)
    from PIL import Image, ImageChops

    shown = Image.frombytes("RGB", (preview.width, preview.height), preview.rgb)
    boxes = [b for r in session.rows() if r.replacement is not None
             for b in (r.finding.locator or {}).get("boxes", []) if (r.finding.locator or {}).get("page") == 1]
    assert boxes
    for x0, top, x1, bottom in boxes:
        area = tuple(round(v * preview.scale) for v in (x0, top, x1, bottom))
        assert ImageChops.difference(shown.crop(area), image.crop(area)).getbbox() is None
        assert shown.crop(area).getextrema()[0][0] < 40  # the box is there: black pixels

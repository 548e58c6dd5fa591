"""The document view on real files: text positions map to Document.text offsets, PDF pages render
and finding boxes land on the right page."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from reviewer.core.documents import load_document
from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat
from reviewer.ui.document_view import DocumentView
from reviewer.ui.findings_table_model import FindingRow
from reviewer.ui.labels import ReviewState
from reviewer.ui.pdf_view import merge_line_boxes, read_layout
from tests.ui.conftest import DATA, fake_findings


def test_text_view_highlights_every_finding_at_its_offsets(qtbot):
    document = load_document(DATA / "roster.docx")
    view = DocumentView()
    qtbot.addWidget(view)
    view.set_document(document)
    rows = [FindingRow(f) for f in fake_findings(document)]
    view.set_rows(rows)
    text_view = view.text_view
    assert text_view.toPlainText() == document.text
    selections = text_view.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == [r.finding.text for r in rows]
    view.show_finding(rows[2].id)
    current = [s for s in text_view.extraSelections() if s.cursor.selectedText() == rows[2].finding.text][0]
    assert current.format.foreground().color().name() == "#ffffff"
    text_view.select_span(rows[1].finding.start, rows[1].finding.end)
    assert view.selected_span() == (rows[1].finding.start, rows[1].finding.end)


def test_offsets_survive_characters_outside_the_bmp(qtbot):
    text = "申请人𠀀𠀁明，电话13800138000"  # two CJK Extension B characters count as 2 UTF-16 units each
    block = Block(kind=BlockKind.LINE, part="text", path="line 1", text=text, line=1)
    document = Document.build(path="x.txt", format=DocumentFormat.TXT, sha256="0", size=1, blocks=[block])
    view = DocumentView()
    qtbot.addWidget(view)
    view.set_document(document)
    start = text.index("138")
    view.text_view.select_span(start, start + 11)
    assert view.text_view.textCursor().selectedText() == "13800138000"
    assert view.selected_span() == (start, start + 11)


def test_pdf_pages_render_and_boxes_sit_on_the_finding_page(qtbot):
    path = DATA / "notice.pdf"
    document = load_document(path)
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(700, 900)
    view.show()
    view.set_document(document, read_layout(str(path)))
    assert view.currentWidget() is view.pdf_view
    rows = [FindingRow(f) for f in fake_findings(document)]
    late = [r for r in rows if r.finding.locator["page"] == 3]
    assert late and all(r.finding.locator["boxes"] for r in rows)
    view.set_rows(rows)
    pdf = view.pdf_view
    qtbot.waitUntil(lambda: 0 in pdf.rendered_pages(), timeout=5000)
    for row in rows:  # boxes are drawn when their page comes into view: page 1 now, page 3 later
        assert pdf.box_count(row.id) == (1 if row.finding.locator["page"] == 1 else 0)
    view.show_finding(late[0].id)
    assert pdf.box_count(late[0].id) == 1  # one line
    box = pdf._boxes[late[0].id][0].sceneBoundingRect()
    page3 = pdf.page_origin(3)
    assert box.top() > page3.y() and box.left() > page3.x()
    qtbot.waitUntil(lambda: 2 in pdf.rendered_pages(), timeout=5000)
    assert pdf.mapToScene(pdf.viewport().rect()).boundingRect().intersects(box)
    # a manual selection by rectangle maps back to the text offsets of the characters inside it
    span = pdf.select_rect(box.adjusted(-0.5, -0.5, 0.5, 0.5))
    assert document.text[span[0] : span[1]] == late[0].finding.text
    assert view.selected_span() == span


def test_rejected_findings_are_drawn_without_fill(qtbot):
    path = DATA / "notice.pdf"
    document = load_document(path)
    view = DocumentView()
    qtbot.addWidget(view)
    view.set_document(document, read_layout(str(path)))
    rows = [FindingRow(f) for f in fake_findings(document)]
    view.set_rows([rows[0], FindingRow(rows[1].finding, state=ReviewState.REJECTED, note="x")])
    assert view.pdf_view._boxes[rows[0].id][0].brush().color().alpha() > 0
    assert view.pdf_view._boxes[rows[1].id][0].brush().style().name == "NoBrush"


def test_line_boxes_merge_per_line():
    rects = merge_line_boxes([(10, 100, 20, 114), (20, 100, 30, 114), (10, 130, 20, 144)])
    assert rects == [QRectF(10, 100, 20, 14), QRectF(10, 130, 10, 14)]


def test_long_documents_highlight_only_what_is_near_the_viewport(qtbot):
    from reviewer.core.types import Finding

    lines = [f"第{i}行 申请人联系电话1390000{i:04d}，发放金额1200元。" for i in range(3000)]
    blocks = [
        Block(kind=BlockKind.LINE, part="text", path=f"line {i}", text=t, line=i + 1)
        for i, t in enumerate(lines)
    ]
    document = Document.build(path="long.txt", format=DocumentFormat.TXT, sha256="0", size=1, blocks=blocks)
    rows = []
    for block in document.blocks:
        start = block.start + block.text.index("139")
        rows.append(
            FindingRow(
                Finding(
                    "CN_MOBILE_PHONE",
                    start,
                    start + 11,
                    document.text[start : start + 11],
                    1.0,
                    "test",
                    "phone",
                    locator=document.locate(start, start + 11),
                )
            )
        )
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(700, 800)
    view.show()
    view.set_document(document)
    view.set_rows(rows)
    qtbot.waitUntil(lambda: len(view.text_view.extraSelections()) > 0, timeout=2000)
    shown = view.text_view.extraSelections()
    assert 0 < len(shown) < len(rows) // 3  # a window around the viewport, not all 3000
    target = rows[2500]
    view.show_finding(target.id)
    texts = [s.cursor.selectedText() for s in view.text_view.extraSelections()]
    assert target.finding.text in texts and rows[10].finding.text not in texts
    assert view.text_view.textCursor().position() == target.finding.start

"""Web pages: a 政务公开 page with values in text, `alt`, a `mailto:`, a comment, a hidden element, a script and
the author <meta>; a saved web archive (.mht) — read, redacted by the real pipeline, verified independently."""

from __future__ import annotations

import email.policy
from email.message import EmailMessage

import pytest
from lxml import html as lhtml

from reviewer.core.deidentify.export import write_verified
from reviewer.core.deidentify.plan import plan_from_decisions
from reviewer.core.deidentify.profiles import load_profile
from reviewer.core.deidentify.verify import verify_output
from reviewer.core.detection import analyze
from reviewer.core.documents import load_document
from reviewer.core.documents.model import BlockKind, DocumentFormat
from tests.core.deidentify.conftest import run_redact, writer_args

NAME, ID, PHONE, MAIL = "王建国", "110105194912310021", "13812345678", "wang.jianguo@example.com"
PAGE = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="gbk"><meta name="author" content="{NAME}">
<title>最低生活保障审批结果公示</title>
<script>var applicant = {{"name": "\\u738b\\u5efa\\u56fd", "tel": "{PHONE}"}};</script></head>
<body><div class="content" id="zoom">
<h1>最低生活保障审批结果公示</h1>
<p>经审核，申请人<span class="n">{NAME}</span>，公民身份号码{ID}，符合最低生活保障条件。</p>
<!-- 经办人备注：{NAME}联系电话{PHONE} -->
<p style="display: none">内部：{NAME} {PHONE}</p>
<p><img src="page_files/scan.jpg" alt="{NAME}的申请表" width="300"></p>
<p>如有异议，请联系 <a href="mailto:{MAIL}">{MAIL}</a>，<a href="tel:{PHONE}" data-owner="{NAME}">电话</a>。</p>
<table class="list"><tr><th>姓名</th><th>电话</th></tr><tr><td>{NAME}</td><td>{PHONE}</td></tr></table>
</div></body></html>
"""


def _tags(data: bytes) -> list[tuple[str, tuple[str, ...]]]:
    root = lhtml.document_fromstring(data)
    return [(e.tag, tuple(sorted(e.attrib))) for e in root.iter() if isinstance(e.tag, str)]


@pytest.fixture()
def page(tmp_path):
    path = tmp_path / "公示.html"
    path.write_bytes(PAGE.encode("gbk"))
    return path


def test_every_place_is_read_with_its_dom_path(page):
    document = load_document(page)
    assert document.format is DocumentFormat.HTML and document.encoding == "gb18030"  # GBK read as its superset
    by_path = {b.path: b for b in document.blocks}
    assert f"申请人{NAME}，公民身份号码{ID}" in by_path["html/body/div/p[0]"].text
    assert by_path["html/body/div/p[1]"].attrs["type"] == "hidden"
    assert by_path["html/body/div/p[2]/img/@alt"].kind is BlockKind.ALT_TEXT
    assert by_path["html/body/div/p[3]/a[0]/@href"].text == f"mailto:{MAIL}"
    assert any(b.kind is BlockKind.COMMENT and PHONE in b.text for b in document.blocks)
    assert any(b.attrs.get("type") == "script" and b.text == NAME for b in document.blocks)  # \\u escapes resolved
    assert document.properties["html/head/meta[1][@name=author]"] == NAME
    assert [i.source.rsplit("/", 2)[-2:] for i in document.images] == [["page_files", "scan.jpg"]]
    loc = document.locate(document.text.index(ID), document.text.index(ID) + len(ID))
    assert loc["path"] == "html/body/div/p[0]"


def test_redacted_and_verified_layout_kept(page, tmp_path):
    original = page.read_bytes()
    document = load_document(page)
    plan = plan_from_decisions([(f, None) for f in analyze(document)], load_profile("general"))
    assert {ID, PHONE, MAIL} <= set(plan.values)
    plan = plan_from_decisions([(f, None) for f in analyze(document)]
                               + [(_person(document), None)], load_profile("general"))
    result = write_verified(document, plan, tmp_path / "clean.html")
    assert result.report.ok
    assert page.read_bytes() == original
    data = (tmp_path / "clean.html").read_bytes()
    text = data.decode("gbk")
    for value in (NAME, ID, PHONE, MAIL):
        assert value not in text
    assert "\\u738b\\u5efa\\u56fd" not in text  # the escaped name in the script went too
    assert '<meta name="author" content="">' in text
    assert _tags(data) == _tags(original)  # same elements and attributes: the layout is kept
    assert "公民身份号码110105********0021" in text and "最低生活保障审批结果公示" in text
    assert any("_files" in n for n in result.notes)


def _person(document):
    from reviewer.core.types import Category, EntityType, Finding

    start = document.text.index(NAME)
    return Finding(EntityType.PERSON, start, start + len(NAME), NAME, 1.0, "reviewer", "added by the reviewer",
                   Category.PERSONAL)


def test_verifier_alone_reports_each_place(page):
    report = verify_output(page, [NAME, PHONE, MAIL], format="html")
    places = " ".join(s.where for s in report.survivors)
    assert "comment" in places and "<img alt=…>" in places and "<a href=…>" in places and "script" in places
    assert any("author" in r for r in report.residues)


def test_cli_redact_a_page(page, tmp_path, capsys):
    # every-value: the page is a 低保 notice, whose profile publishes the household head's name (issue 26)
    code, out, err = run_redact(capsys, str(page), "-o", str(tmp_path / "clean.htm"), *writer_args(), "--person", NAME)
    assert code == 0, err
    assert "an independent re-read finds none of them" in out
    assert NAME not in (tmp_path / "clean.htm").read_bytes().decode("gbk")


def test_web_archive(tmp_path):
    from PIL import Image

    message = EmailMessage(policy=email.policy.default)
    message["MIME-Version"] = "1.0"
    message["Subject"] = "saved page"
    message.make_related()
    message.add_related(PAGE.replace('charset="gbk"', 'charset="utf-8"').encode("utf-8"), maintype="text",
                        subtype="html", cte="quoted-printable", headers=["Content-Location: file:///C:/page.htm"])
    import io

    picture = io.BytesIO()
    exif = Image.Exif()
    exif[0x013B] = NAME  # Artist
    Image.new("RGB", (8, 8)).save(picture, "JPEG", exif=exif.tobytes())
    message.add_related(picture.getvalue(), maintype="image", subtype="jpeg",
                        headers=["Content-Location: file:///C:/page_files/scan.jpg"])
    path = tmp_path / "page.mht"
    path.write_bytes(message.as_bytes())
    document = load_document(path)
    assert document.format is DocumentFormat.HTML and document.properties["html.archive"] == "mht"
    assert ID in document.text and any("scan.jpg" in i.source for i in document.images)
    plan = plan_from_decisions([(f, None) for f in analyze(document)] + [(_person(document), None)],
                               load_profile("general"))
    result = write_verified(document, plan, tmp_path / "clean.mht")
    assert result.report.ok and any("metadata" in n for n in result.notes)
    raw = (tmp_path / "clean.mht").read_bytes()
    copy = load_document(tmp_path / "clean.mht")
    for value in (NAME, ID, PHONE):
        assert value not in copy.text
    assert b"Content-Location: file:///C:/page_files/scan.jpg" in raw  # the picture is kept, without its EXIF

"""docx writer edge cases on hand-built packages: field codes, moved and deleted rows, custom XML."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from reviewer.core.deidentify.plan import plan_redactions
from reviewer.core.deidentify.profiles import load_profile
from reviewer.core.deidentify.verify import verify_output
from reviewer.core.deidentify.writers.docx import write_docx
from reviewer.core.types import Finding

EMAIL = "lixiaomei@example.gov.cn"
PHONE = "13896001234"
NAME = "王建国"


def _package(tmp_path, body_xml: str, extra: dict[str, str] | None = None):
    d = docx.Document()
    d.add_paragraph("[BODY]")
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(buf)
    path = tmp_path / "in.docx"
    with zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.decode().replace("<w:p><w:r><w:t>[BODY]</w:t></w:r></w:p>", body_xml).encode()
                assert b"[BODY]" not in data
            out.writestr(info.filename, data)
        for name, text in (extra or {}).items():
            out.writestr(name, text)
    return path


def _plan(*values: tuple[str, str]):
    findings = [Finding(entity_type=t, start=i * 100, end=i * 100 + len(v), text=v, score=1.0, recognizer="test",
                        explanation="") for i, (t, v) in enumerate(values)]
    return plan_redactions(findings, load_profile("general"))


def _write(tmp_path, src, plan):
    out = tmp_path / "out.docx"
    write_docx(src, plan, out)
    with zipfile.ZipFile(out) as z:
        return out, {n: z.read(n).decode("utf-8", "replace") for n in z.namelist()}


def test_field_codes_split_over_runs_and_simple_fields(tmp_path):
    body = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK '
            '"mailto:lixiaomei@exa</w:instrText></w:r><w:r><w:instrText>mple.gov.cn" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>写信</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
            f'<w:p><w:fldSimple w:instr=" HYPERLINK &quot;mailto:{EMAIL}&quot; "><w:r><w:t>邮件</w:t></w:r>'
            '</w:fldSimple></w:p>')
    src = _package(tmp_path, body)
    out, parts = _write(tmp_path, src, _plan(("EMAIL_ADDRESS", EMAIL)))
    assert verify_output(src, [EMAIL], format="docx").survivors  # the verifier sees both field codes
    assert verify_output(out, [EMAIL], format="docx").ok
    assert "mailto:[电子邮箱]" in parts["word/document.xml"]
    assert docx.Document(str(out)).paragraphs[0].text == "写信"


def test_deleted_row_and_moved_text_are_resolved(tmp_path):
    body = ('<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>'
            '<w:tr><w:tc><w:p><w:r><w:t>保留行</w:t></w:r></w:p></w:tc></w:tr>'
            '<w:tr><w:trPr><w:del w:id="1" w:author="李晓梅" w:date="2026-01-01T00:00:00Z"/></w:trPr>'
            f'<w:tc><w:p><w:del w:id="2" w:author="李晓梅"><w:r><w:delText>{PHONE}</w:delText></w:r></w:del></w:p>'
            '</w:tc></w:tr></w:tbl>'
            '<w:p><w:moveFrom w:id="3" w:author="李晓梅"><w:r><w:t>旧位置的文字</w:t></w:r></w:moveFrom>'
            '<w:moveTo w:id="4" w:author="李晓梅"><w:r><w:rPr><w:i/></w:rPr><w:t>新位置的文字</w:t></w:r></w:moveTo></w:p>')
    src = _package(tmp_path, body)
    out, parts = _write(tmp_path, src, _plan(("CN_MOBILE_PHONE", PHONE), ("PERSON", "李晓梅")))
    report = verify_output(out, [PHONE, "李晓梅"], format="docx")
    assert report.ok, (report.survivors, report.residues)
    d = docx.Document(str(out))
    assert len(d.tables[0].rows) == 1 and d.tables[0].cell(0, 0).text == "保留行"
    assert d.paragraphs[0].text == "新位置的文字" and d.paragraphs[0].runs[0].italic
    assert "旧位置的文字" not in parts["word/document.xml"]


def test_custom_xml_and_value_across_a_hyperlink_boundary(tmp_path):
    body = ('<w:p><w:r><w:t>当事人王</w:t></w:r><w:hyperlink w:anchor="x"><w:r><w:rPr><w:b/></w:rPr>'
            '<w:t>建国</w:t></w:r></w:hyperlink><w:r><w:t>到场。</w:t></w:r></w:p>')
    src = _package(tmp_path, body, {"customXml/item9.xml": f"<data><name>{NAME}</name><tel>{PHONE}</tel></data>"})
    out, parts = _write(tmp_path, src, _plan(("PERSON", NAME), ("CN_MOBILE_PHONE", PHONE)))
    assert verify_output(out, [NAME, PHONE], format="docx").ok
    assert parts["customXml/item9.xml"].endswith("<data><name>王某</name><tel>138****1234</tel></data>")
    runs = docx.Document(str(out)).paragraphs[0].iter_inner_content()
    texts = [getattr(r, "text", "") for r in runs]
    assert texts == ["当事人王", "某", "到场。"]


@pytest.mark.parametrize("given", ["某", "某某"])
def test_pseudonym_style_from_the_profile(tmp_path, given):
    profile = tmp_path / "p.yaml"
    profile.write_text(f'name: p\nextends: general\nentities:\n  PERSON: {{operator: pseudonym, params: {{given: "{given}"}}}}\n',
                       encoding="utf-8")
    from reviewer.core.deidentify.profiles import load_profile as load

    finding = Finding(entity_type="PERSON", start=0, end=3, text=NAME, score=1.0, recognizer="t", explanation="")
    assert plan_redactions([finding], load(profile)).values[NAME] == "王" + given


def test_value_read_through_tabs_breaks_and_hyphens(tmp_path):
    """The reader shows w:noBreakHyphen as '-' and w:tab as a tab: a value read that way is replaced
    in the runs too, and the verifier sees the digits whatever separates them."""
    body = ('<w:p><w:r><w:t>电话138</w:t><w:noBreakHyphen/><w:t>9600</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>'
            '<w:noBreakHyphen/><w:t>1234</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>姓名王</w:t>'
            '<w:tab/><w:t>建国</w:t></w:r></w:p>')
    src = _package(tmp_path, body)
    assert verify_output(src, ["138-9600-1234"], format="docx").survivors
    assert verify_output(src, ["13896001234"], format="docx").survivors  # digits seen across the hyphens
    out, parts = _write(tmp_path, src, _plan(("CN_MOBILE_PHONE", "138-9600-1234"), ("PERSON", "王\t建国")))
    assert verify_output(out, ["138-9600-1234", "13896001234"], format="docx").ok
    paragraphs = docx.Document(str(out)).paragraphs
    assert paragraphs[0].text == "电话138-****-1234"  # the mask keeps the hyphens, as elements
    assert paragraphs[1].text == "姓名王某"  # the tab inside the name went with it
    assert parts["word/document.xml"].count("<w:noBreakHyphen/>") == 2
    assert '<w:tab w:val="left" w:pos="720"/>' in parts["word/document.xml"]  # tab stops are not text

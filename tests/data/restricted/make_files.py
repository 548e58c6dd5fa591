"""Write the small real files the restricted-content tests read (run from the repository root):

    .venv/bin/python tests/data/restricted/make_files.py

docx files come from python-docx, PDFs from reportlab with the built-in CID font STSong-Light, laid out
like a GB/T 9704 official document by the same writers the evaluation uses; the outputs are committed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx

from reviewer.eval.restricted import Case, write_docx, write_pdf

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[3] / "shared" / "seeds" / "chongqing-2018-disclosure-work-plan.txt"


def _docx(name: str, *, header: str | None = None, footer: str | None = None, paragraphs: list[str]) -> None:
    document = docx.Document()
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    for text in paragraphs:
        document.add_paragraph(text)
    document.core_properties.author = "reviewer tests"
    document.save(str(HERE / name))


CUSTOM_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="密级"><vt:lpwstr>机密</vt:lpwstr></property>'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="公开方式"><vt:lpwstr>依申请公开</vt:lpwstr>'
    '</property></Properties>')


def _with_custom_properties(source: Path, target: Path) -> None:
    """An office-automation system stores 密级 and 公开方式 as custom document properties."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/docProps/custom.xml" ContentType='
                                    b'"application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
            elif item.filename == "_rels/.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdCustom1" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
                                    b'Target="docProps/custom.xml"/></Relationships>')
            zout.writestr(item, data)
        zout.writestr("docProps/custom.xml", CUSTOM_XML.encode("utf-8"))


def _stamped_pdf(path: Path) -> None:
    """The 密级 drawn after the body (a stamp added last): it comes last in the page's text order."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    pdf.setFont("STSong-Light", 22)
    pdf.drawCentredString(width / 2, height - 160, "重庆市某某局文件")
    pdf.setFont("STSong-Light", 16)
    pdf.drawCentredString(width / 2, height - 200, "某发〔2024〕7号")
    pdf.drawString(79, height - 260, "各区县（自治县）应急管理局：")
    pdf.drawString(111, height - 290, "现将有关事项通知如下。")
    pdf.drawRightString(width - 74, height - 72, "机密★5年")
    pdf.save()


def _head_table_docx(path: Path) -> None:
    """Templates often set the 版头 in a borderless table: 份号 and 密级 in the cells of the first rows."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "000017"
    table.cell(1, 0).text = "秘密★2年"
    table.cell(1, 1).text = "特急"
    for text in ["重庆市某某局文件", "关于做好防汛工作的通知", "各区县（自治县）应急管理局：", "现将有关事项通知如下。"]:
        document.add_paragraph(text)
    document.save(str(path))


def _libreoffice(source: Path, fmt: str, target: Path) -> None:
    """Convert with LibreOffice (Debian libreoffice-writer-nogui), if installed; outputs are committed."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print(f"soffice not found: {target.name} not regenerated")
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", fmt,
                        "--outdir", tmp, str(source)], check=True, capture_output=True, timeout=180)
        produced = Path(tmp) / (source.stem + "." + fmt.split(":")[0])
        shutil.copyfile(produced, target)


def _deleted_mark_docx(path: Path) -> None:
    """The 密级 line removed with tracked changes on: Word no longer shows it, the file still holds it."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    document = docx.Document()
    paragraph = document.add_paragraph()
    deletion = OxmlElement("w:del")
    deletion.set(qn("w:id"), "1")
    deletion.set(qn("w:author"), "拟稿人")
    deletion.set(qn("w:date"), "2024-03-01T09:00:00Z")
    run = OxmlElement("w:r")
    text = OxmlElement("w:delText")
    text.text = "秘密★1年"
    run.append(text)
    deletion.append(run)
    paragraph._p.append(deletion)
    for line in ["重庆市某某局文件", "关于做好防汛工作的通知", "各区县（自治县）应急管理局：", "现将有关事项通知如下。"]:
        document.add_paragraph(line)
    document.save(str(path))


def _normalise_zip(path: Path) -> None:
    """Fixed zip timestamps, so regenerating does not change files whose content did not change."""
    with zipfile.ZipFile(path) as zin:
        items = [(item, zin.read(item.filename)) for item in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item, data in items:
            fixed = zipfile.ZipInfo(item.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(fixed, data)


def _lines_pdf(path: Path, lines: list[str]) -> None:
    """A plain A4 page: one line per string at the GB/T 9704 left margin, top down (no wrapping by us)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    y = height - 72.0
    for text in lines:
        pdf.setFont("STSong-Light", 16)
        pdf.drawString(79.0, y, text)
        y -= 28
    pdf.save()


def _wording_variants() -> None:
    """Restricted-content wordings offices use besides the GB/T 9704 model: 份号 as an ordinal, 内部★ in the
    header, 密级 and 保密期限 as two labels, marks after the document's name (本通知仅供参考，不宜公开…),
    仅供市领导参阅 / 限本单位范围内传阅, 工作秘密 declared of named content; and the talk that is no mark."""
    _docx("wording-variants.docx", header="内部★", paragraphs=[
        "第12份", "密级：秘密　　保密期限：1年", "加急", "某某市某某区人民政府办公室文件",
        "关于做好老旧小区改造项目资金审计整改工作的通知", "各街道办事处，区直有关部门：",
        "审计报告所列问题线索属于工作秘密，整改情况按程序报送。",
        "审计结果中不属于工作秘密的部分，按规定向社会公告；涉及工作秘密的，按有关规定处理。",
        "区住房和城乡建设局已起草了资金管理办法征求意见稿并公开征求意见。本表所列数据仅供参考。",
        "各单位报送第3份材料时，一并附整改台账。", "某某市某某区人民政府办公室", "2024年5月20日",
        "本通知仅供参考，不宜公开，不得外传。", "本专报仅供市领导参阅，阅后收回。", "限本单位范围内传阅",
        "（共印25份）"])
    _lines_pdf(HERE / "draft-request.pdf", [
        "份号：000123", "机密★2年", "紧急程度：特急",
        "关于某某区印染产业集聚区企业搬迁补助资金安排的请示（", "送审稿）",
        "某某区人民政府：",
        "按照补助资金管理办法，拟安排搬迁补助资金如下。企业申报材料涉及商业秘密的部分，我局已依法保密。",
        "妥否，请批示。", "某某区经济和信息化局", "2024年6月11日",
        "内部资料　注意保存　请勿外传"])
    _docx("draft-head.docx", paragraphs=[
        "内部资料　仅供参考", "某某市养犬管理条例草案", "（2024年5月）",
        "第一条　为了规范养犬行为，保障公民健康和人身安全，制定本条例。",
        "附件：养犬登记申请表（仅供参考）", "请注意保密"])
    _lines_pdf(HERE / "briefing-internal.pdf", [
        "工作秘密★", "份号：0126", "工作简报（内部）", "第5期", "某某区人民政府办公室　　2024年3月8日",
        "关于某某片区征收工作进展情况的报告",
        "片区内群众举报线索属于工作秘密范畴，请有关街道妥善处理。补偿标准由各街道内部掌握执行。",
        "信访人个人信息不属于工作秘密的，也应依法保护。",
        "本期简报不宜对外公开，请勿转载。"])


def main() -> None:
    body = ["重庆市某某局", "关于做好2024年度安全生产检查工作的通知", "各区县（自治县）应急管理局：",
            "现将有关事项通知如下。除依法需要保密的外，检查结果都要及时公开。", "重庆市某某局", "2024年5月6日"]
    _docx("header-secret-5y.docx", header="机密★5年", paragraphs=body)
    _docx("first-lines-2012.docx", paragraphs=["000001", "机密★5年", "特急", *body])
    _docx("mentions.docx", header="重庆市某某区人民政府办公室", footer="— 1 —", paragraphs=[
        "重庆市某某区人民政府办公室", "关于加强政府信息公开保密审查工作的通知", "各街道办事处、镇人民政府，区政府各部门：",
        "除依法需要保密的外，政府信息都要及时公开。除涉及国家秘密外，所有使用财政资金的单位都要公开预决算。",
        "要加强政府信息公开审查，落实“先审查、后公开”制度，严防泄露国家秘密和工作秘密。",
        "严禁在互联网计算机上处理涉密文件；对内部资料要加强管理，不得外传。",
        "会议审议通过了《某某区城市更新条例（草案）》，形成会议纪要。",
        "公文的密级和保密期限、紧急程度（特急、加急）应当按照规定标注，如“机密★5年”。",
        "重庆市某某区人民政府办公室", "2024年3月1日", "（此件公开发布）"])
    _docx("markers.docx", footer="内部资料　注意保存", paragraphs=[
        "重庆市某某区物业管理办法（征求意见稿）", "第一条　为规范物业管理活动，制定本办法。",
        "本资料仅供内部参考，请勿扩散。", "重庆市某某区住房和城乡建设委员会", "2024年4月1日", "（此件依申请公开）"])
    write_pdf(Case("pdf2012", "pdf-2012", ("000001", "机密★5年", "特急"), ()), HERE / "first-page-2012.pdf")
    write_pdf(Case("pdf1999", "pdf-1999", ("秘密★1年", "加急"), (), copy="000036"), HERE / "first-page-1999.pdf")
    write_docx(Case("cell", "docx-cell", ("密级 | 秘密",), ()), HERE / "drafting-sheet-cell.docx")
    _wording_variants()
    _with_custom_properties(HERE / "mentions.docx", HERE / "custom-properties.docx")
    _stamped_pdf(HERE / "stamp-drawn-last.pdf")
    _head_table_docx(HERE / "head-table.docx")
    _deleted_mark_docx(HERE / "deleted-mark.docx")
    document = docx.Document()  # the mark only in the first-page header (Word: "different first page")
    document.sections[0].different_first_page_header_footer = True
    document.sections[0].first_page_header.paragraphs[0].text = "绝密★长期"
    document.sections[0].header.paragraphs[0].text = "重庆市某某局"
    for text in body:
        document.add_paragraph(text)
    document.save(str(HERE / "first-page-header.docx"))
    long_body = ["重庆市某某局", "关于做好2024年度安全生产检查工作的通知", "各区县（自治县）应急管理局："] + [
        f"{n}．各单位要按照职责分工，认真组织开展安全生产检查，及时消除隐患，确保检查工作取得实效。" for n in range(1, 40)]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "lo-source.docx"
        document = docx.Document()
        document.sections[0].header.paragraphs[0].text = "秘密★1年"
        for text in ["000042", "秘密★1年", "特急", *long_body]:
            document.add_paragraph(text)
        document.save(str(source))
        if not (HERE / "libreoffice-2pages.pdf").exists():  # LibreOffice stamps the time: keep the committed ones
            _libreoffice(source, "pdf", HERE / "libreoffice-2pages.pdf")
        if not (HERE / "libreoffice-resaved.docx").exists():
            _libreoffice(source, "docx:MS Word 2007 XML", HERE / "libreoffice-resaved.docx")
    for path in HERE.glob("*.docx"):
        if not path.name.startswith("libreoffice"):
            _normalise_zip(path)
    if SEED.exists():  # the real 2018 Chongqing work plan (a public document), copied so a clone has it
        (HERE / SEED.name).write_bytes(SEED.read_bytes())


if __name__ == "__main__":
    main()

"""Generate the real test documents in this folder (and the demo documents in resources/samples/).

    .venv/bin/python tests/data/documents/make_test_files.py

python-docx (plus raw WordprocessingML where it has no API: tracked changes, text boxes, footnotes,
endnotes, custom properties, content controls), reportlab with the built-in CID font STSong-Light,
pikepdf for PDF annotations/XMP/attachments. Optional tools, used when present and otherwise the
committed outputs are kept: LibreOffice (`apt-get install -y libreoffice-writer-nogui`) for the
LibreOffice-made docx/pdf and the legacy .doc, msoffcrypto-tool for the password-protected docx.
The outputs are committed so CI needs none of these tools. All personal data here is fictional.
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SAMPLES = ROOT / "resources" / "samples"
sys.path.insert(0, str(HERE))

from planted import PLANTED  # noqa: E402

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# ---------------------------------------------------------------- docx
def _ns() -> str:
    spaces = {
        "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
        "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "v": "urn:schemas-microsoft-com:vml",
        "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    }
    return " ".join(f'xmlns:{k}="{v}"' for k, v in spaces.items())


def _textbox_run(text: str, shape_id: int) -> str:
    """A DrawingML text box (mc:Choice) with its VML copy (mc:Fallback), as Word writes them."""
    para = f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"
    return (
        f'<w:r {_ns()}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="2743200" cy="457200"/>'
        f'<wp:docPr id="{shape_id}" name="Text Box {shape_id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2743200" cy="457200"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{para}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape id="tb{0}" type="#_x0000_t202" style="width:216pt;height:36pt">'
        f"<v:textbox><w:txbxContent>{para}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>".replace("{0}", str(shape_id)))


def _add_part(document, name: str, content_type: str, xml: str, reltype: str, *, package_level: bool = False):
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = Part(PackURI(name), content_type, xml.encode("utf-8"), document.part.package)
    owner = document.part.package if package_level else document.part
    return owner.relate_to(part, reltype)


def _notes_xml(kind: str, notes: dict[int, str]) -> str:
    tag = kind[:-1]  # footnotes -> footnote
    body = "".join(
        f'<w:{tag} w:id="{i}"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:{tag}>'
        for i, text in notes.items())
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind} {W_NS}>'
            f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
            f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
            f"</w:{tag}>{body}</w:{kind}>")


def make_planted_docx(target: Path) -> None:
    """The acceptance docx: one planted value in every place text hides (see planted.py)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.shared import Pt, RGBColor

    d = docx.Document()
    d.core_properties.author = PLANTED["core_author"]
    d.core_properties.title = "行政处罚决定书（测试）"
    d.sections[0].header.paragraphs[0].text = f"承办人联系电话：{PLANTED['header']}"
    d.sections[0].footer.paragraphs[0].text = f"监督邮箱：{PLANTED['footer']}"
    d.add_paragraph("某某市市场监督管理局 行政处罚决定书")
    # a name and an ID number each split over three differently formatted runs
    p = d.add_paragraph("当事人：")
    for piece, fmt in zip(PLANTED["split_name_runs"], ("bold", "italic", "underline")):
        setattr(p.add_run(piece).font, fmt, True)
    p.add_run("，公民身份号码：")
    a, b, c = PLANTED["split_id_runs"]
    p.add_run(a).bold = True
    r = p.add_run(b)
    r.italic = True
    r.font.size = Pt(14)
    r = p.add_run(c)
    r.underline = True
    r.font.color.rgb = RGBColor(0xC0, 0, 0)
    # a comment anchored on body text
    p = d.add_paragraph()
    anchor = p.add_run("经查，当事人存在违法行为。")
    d.add_comment([anchor], text=f"核对身份证号 {PLANTED['comment']}", author=PLANTED["comment_author"],
                  initials="ZSH")
    # tracked insertion and deletion
    p = d.add_paragraph("联系电话变更为")
    p._p.append(parse_xml(f'<w:ins {W_NS} w:id="901" w:author="{PLANTED["change_author"]}" '
                          f'w:date="2024-05-01T10:00:00Z"><w:r><w:t>{PLANTED["tracked_insertion"]}</w:t></w:r>'
                          "</w:ins>"))
    p._p.append(parse_xml(f'<w:del {W_NS} w:id="902" w:author="{PLANTED["change_author"]}" '
                          f'w:date="2024-05-01T10:00:00Z"><w:r><w:delText>{PLANTED["tracked_deletion"]}'
                          "</w:delText></w:r></w:del>"))
    # a table cell
    t = d.add_table(rows=2, cols=3)
    for j, head in enumerate(("姓名", "单位", "身份证号")):
        t.cell(0, j).text = head
    t.cell(1, 0).text = "李某"
    t.cell(1, 1).text = "某公司"
    t.cell(1, 2).text = PLANTED["table_cell"]
    # a text box (DrawingML with a VML fallback: must be read once)
    p = d.add_paragraph("见右侧文本框：")
    p._p.append(parse_xml(_textbox_run(f"举报人电话 {PLANTED['textbox']}", 1)))
    # footnote, endnote
    _add_part(d, "/word/footnotes.xml",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
              _notes_xml("footnotes", {1: f"证人电话 {PLANTED['footnote']}"}), RT.FOOTNOTES)
    _add_part(d, "/word/endnotes.xml",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
              _notes_xml("endnotes", {1: f"附：{PLANTED['endnote']}"}), RT.ENDNOTES)
    p = d.add_paragraph("证人证言见脚注")
    p._p.append(parse_xml(f'<w:r {W_NS}><w:footnoteReference w:id="1"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:endnoteReference w:id="1"/></w:r>'))
    # a hyperlink whose target is an e-mail address
    rid = d.part.relate_to(f"mailto:{PLANTED['hyperlink']}", RT.HYPERLINK, is_external=True)
    p = d.add_paragraph("如有异议请")
    p._p.append(parse_xml(f'<w:hyperlink {_ns()} r:id="{rid}"><w:r><w:t>联系承办人</w:t></w:r></w:hyperlink>'))
    # a custom document property
    _add_part(d, "/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml",
              '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
              'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="承办人手机">'
              f"<vt:lpwstr>{PLANTED['custom_property']}</vt:lpwstr></property></Properties>",
              RT.CUSTOM_PROPERTIES, package_level=True)
    d.save(target)


def make_layout_docx(target: Path) -> None:
    """Structure: nested tables, two sections with first/even/default headers, content control,
    moved text, tabs and breaks."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.settings.odd_and_even_pages_header_footer = True
    s0 = d.sections[0]
    s0.different_first_page_header_footer = True
    s0.header.paragraphs[0].text = "S0 默认页眉"
    s0.first_page_header.paragraphs[0].text = "S0 首页页眉"
    s0.even_page_header.paragraphs[0].text = "S0 偶数页页眉"
    s0.footer.paragraphs[0].text = "S0 默认页脚"
    s0.first_page_footer.paragraphs[0].text = "S0 首页页脚"
    s0.even_page_footer.paragraphs[0].text = "S0 偶数页页脚"
    d.add_paragraph("第一节正文")
    outer = d.add_table(rows=2, cols=2)
    outer.cell(0, 0).text = "外层 0,0"
    outer.cell(1, 1).text = "外层 1,1"
    inner = outer.cell(1, 0).add_table(rows=2, cols=2)
    inner.cell(1, 1).text = "内层 1,1"
    p = d.add_paragraph()
    p.add_run("制表\t符")
    p.add_run().add_break()
    p.add_run("换行后")
    body = d.element.body
    body.sectPr.addprevious(parse_xml(
        f"<w:sdt {W_NS}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>内容控件文字</w:t></w:r></w:p></w:sdtContent></w:sdt>"))
    p = d.add_paragraph("移动：")
    p._p.append(parse_xml(f'<w:moveFrom {W_NS} w:id="1" w:author="移动者"><w:r><w:delText>移走的</w:delText>'
                          "</w:r></w:moveFrom>"))
    p._p.append(parse_xml(f'<w:moveTo {W_NS} w:id="2" w:author="移动者"><w:r><w:t>移来的</w:t></w:r></w:moveTo>'))
    s1 = d.add_section()
    s1.header.is_linked_to_previous = False
    s1.header.paragraphs[0].text = "S1 默认页眉"
    d.add_paragraph("第二节正文")
    d.save(target)


def make_hostile_docx(folder: Path, good: Path) -> None:
    """Zip bomb, XXE, billion laughs, truncated and random bytes, all named .docx."""
    with zipfile.ZipFile(good) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}

    def write(name: str, replace: dict[str, bytes]) -> None:
        with zipfile.ZipFile(folder / name, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
            for n, data in {**parts, **replace}.items():
                out.writestr(n, data)

    head = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    doc = (f'<w:document {W_NS}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>').encode()
    write("xxe.docx", {"word/document.xml": head + b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM '
                       b'"file:///etc/passwd">]>\n' + doc})
    lol = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    write("billion-laughs.docx", {"word/document.xml": head + f'<!DOCTYPE w:document [<!ENTITY lol0 "lol">{lol}]>\n'
                                  .encode() + doc.replace(b"&xxe;", b"&lol9;")})
    # 300 MB of spaces inside the main part: deflates to about 300 KB
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for n, data in parts.items():
            if n != "word/document.xml":
                out.writestr(n, data)
        with out.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(head + f"<w:document {W_NS}><w:body><w:p><w:r><w:t>".encode())
            chunk = b" " * (1024 * 1024)
            for _ in range(300):
                fh.write(chunk)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    (folder / "zip-bomb.docx").write_bytes(bomb.getvalue())
    data = good.read_bytes()
    (folder / "truncated.docx").write_bytes(data[: len(data) // 2])
    (folder / "random.docx").write_bytes(random.Random(20261128).randbytes(20000))


# ---------------------------------------------------------------- pdf
def _cjk_canvas(target, pages: list[list[str]], *, title: str = "行政处罚决定书（PDF 测试）",
                author: str = PLANTED["pdf_author"], **kwargs):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(target), invariant=1, **kwargs)  # reproducible bytes
    c.setAuthor(author)
    c.setTitle(title)
    for lines in pages:
        c.setFont("STSong-Light", 12)
        for k, line in enumerate(lines):
            c.drawString(72, 770 - 20 * k, line)
        c.showPage()
    c.save()


PDF_PAGES = [
    ["某某市市场监督管理局", "行政处罚决定书", "当事人：王小明"],
    [f"公民身份号码：{PLANTED['pdf_page2']}", "联系电话：13500135000"],
    ["本决定书自送达之日起生效。"],
]


def make_pdfs(folder: Path) -> None:
    import pikepdf
    from reportlab.lib.pdfencrypt import StandardEncryption

    plain = folder / "reportlab-cjk.pdf"
    _cjk_canvas(plain, PDF_PAGES)
    with pikepdf.open(plain, allow_overwriting_input=True) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:creator"] = [PLANTED["xmp_creator"]]
        page = pdf.pages[0]
        page.obj["/Annots"] = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[400, 700, 420, 720],
            Contents=pikepdf.String(f"批注：当事人电话 {PLANTED['pdf_annotation']}"),
            T=pikepdf.String("批注人")))]))
        with pdf.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem(f"附件 {PLANTED['pdf_outline']}", 1))
        pdf.attachments[PLANTED["pdf_attachment"]] = pikepdf.AttachedFileSpec(pdf, b"fictional", mime_type="text/plain")
        pdf.save(plain)
    _cjk_canvas(folder / "encrypted-user-password.pdf", PDF_PAGES[:1],
                encrypt=StandardEncryption("secret", ownerPassword="owner", strength=128))
    _cjk_canvas(folder / "encrypted-owner-only.pdf", PDF_PAGES[:1],
                encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0, strength=128))
    data = plain.read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 2])
    # a page tree that claims two billion pages (the one real page is all there is)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    (folder / "absurd-page-count.pdf").write_bytes(bytes(out))


# ---------------------------------------------------------------- txt
TXT_TEXT = ("行政处罚决定书\n当事人：张三，公民身份号码：" + PLANTED["txt_id"] + "\n"
            "联系电话：13700137000\n地址：某某市某某区某某路1号\n")


def make_txts(folder: Path) -> None:
    encodings = {
        "utf8.txt": ("utf-8", b"", "\n"),
        "utf8-bom.txt": ("utf-8", b"\xef\xbb\xbf", "\n"),
        "utf16le-bom.txt": ("utf-16-le", b"\xff\xfe", "\r\n"),
        "utf16be-bom.txt": ("utf-16-be", b"\xfe\xff", "\n"),
        "gbk-crlf.txt": ("gbk", b"", "\r\n"),
        "gb18030.txt": ("gb18030", b"", "\n"),
    }
    for name, (codec, bom, newline) in encodings.items():
        text = TXT_TEXT + ("生僻字：䶮𠮷\n" if codec == "gb18030" else "")
        (folder / name).write_bytes(bom + text.replace("\n", newline).encode(codec))


# ---------------------------------------------------------------- optional tools
def soffice(args: list[str], cwd: Path) -> bool:
    exe = shutil.which("libreoffice") or shutil.which("soffice")
    if not exe:
        print("LibreOffice not found: keeping the committed LibreOffice outputs", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", *args], cwd=cwd,
                       check=True, capture_output=True, timeout=300)
    return True


def make_libreoffice(folder: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "libreoffice-planted.docx"
        shutil.copy(folder / "planted.docx", src)
        if not soffice(["--convert-to", "pdf", "--outdir", str(folder), str(src)], folder):
            return
        # LibreOffice refuses to overwrite its input: round-trip through odt
        soffice(["--convert-to", "odt", "--outdir", tmp, str(src)], folder)
        src.unlink()
        soffice(["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder),
                 str(Path(tmp) / "libreoffice-planted.odt")], folder)
        shutil.copy(folder / "layout.docx", Path(tmp) / "legacy.docx")
        soffice(["--convert-to", "doc:MS Word 97", "--outdir", str(folder), str(Path(tmp) / "legacy.docx")],
                folder)


def make_encrypted_docx(folder: Path) -> None:
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        print("msoffcrypto-tool not installed: keeping the committed encrypted.docx", file=sys.stderr)
        return
    with open(folder / "layout.docx", "rb") as src, open(folder / "encrypted.docx", "wb") as out:
        OOXMLFile(src).encrypt("secret", out)


# ---------------------------------------------------------------- samples
def make_samples() -> None:
    from make_samples import make_sample_docx, make_sample_pdf

    make_sample_docx(SAMPLES / "penalty-decision.docx")
    make_sample_pdf(SAMPLES / "penalty-decision.pdf", _cjk_canvas)


def main() -> None:
    folder = HERE
    make_planted_docx(folder / "planted.docx")
    make_layout_docx(folder / "layout.docx")
    make_hostile_docx(folder, folder / "planted.docx")
    shutil.copy(folder / "planted.docx", folder / "docx-named.pdf")
    make_pdfs(folder)
    shutil.copy(folder / "reportlab-cjk.pdf", folder / "pdf-named.docx")
    make_txts(folder)
    make_encrypted_docx(folder)
    make_libreoffice(folder)
    make_samples()
    print("ok:", ", ".join(sorted(p.name for p in folder.iterdir() if p.suffix not in {".py"})))


if __name__ == "__main__":
    main()

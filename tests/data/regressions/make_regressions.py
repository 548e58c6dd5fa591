"""Generate the small files behind tests/core/reliability/test_regressions.py.

Each reproduces, with our own content, a real-world shape that the corpus run (`make corpus`) or the
fuzzer (`make fuzz`) found mis-read: `python -m tests.data.regressions.make_regressions` rewrites them.
Fuzzer finds are added next to these as `fuzz-<sha>.<ext>` files by bench/fuzz.py.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf

HERE = Path(__file__).resolve().parent
TEXT = "张三 身份证号 110101199003074578"


def _reportlab_pdf(pages: int = 1) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for k in range(pages):
        c.setFont("STSong-Light", 14)
        c.drawString(72, 760, f"{TEXT} 第{k + 1}页")
        c.showPage()
    c.save()
    return buf.getvalue()


def _qpdf(data: bytes, **save: object) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        out = io.BytesIO()
        pdf.save(out, static_id=True, **save)
        return out.getvalue()


def _pdf(objects: list[bytes]) -> bytes:
    """Numbered objects, a correct xref table and trailer."""
    body = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (k, obj)
    startxref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer << /Root 1 0 R /Size %d >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, startxref)
    return bytes(body)


def main() -> None:
    plain = _reportlab_pdf()
    # a user password but an empty owner password: anyone may open it (pdfium alone refuses it)
    (HERE / "empty-owner-password.pdf").write_bytes(
        _qpdf(plain, encryption=pikepdf.Encryption(owner="", user="secret", R=6)))
    # a page tree without pages: nothing to read, but not an error
    (HERE / "zero-pages.pdf").write_bytes(
        _pdf([b"<< /Pages 2 0 R /Type /Catalog >>", b"<< /Count 0 /Kids [ ] /Type /Pages >>"]))
    # an annotation whose /Subtype name is not UTF-8 (str() of the name raised; a fuzzer find)
    content = b"BT /F1 12 Tf 20 200 Td (Zhang San 13812345678) Tj ET"
    (HERE / "non-utf8-annotation-name.pdf").write_bytes(_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R /Annots [6 0 R] "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Annot /Subtype /W#e4#b8x /Rect [0 0 10 10] /Contents (Li Si 13912345678) >>"]))
    # every xref offset wrong and %%EOF followed by NUL padding (a download padded to a block size)
    damaged = bytearray(_qpdf(plain, object_stream_mode=pikepdf.ObjectStreamMode.disable))
    xref = damaged.rindex(b"\nxref\n")
    table = damaged[xref:damaged.index(b"trailer", xref)]
    damaged[xref:xref + len(table)] = re.sub(rb"\d{10} 00000 n", b"0000000001 00000 n", bytes(table))
    (HERE / "damaged-xref-padded.pdf").write_bytes(bytes(damaged) + b"\x00" * 3000)
    # no xref table, no %%EOF: just objects and a trailer (pdfium rebuilds; qpdf needs pdfium's copy)
    (HERE / "no-xref-no-eof.pdf").write_bytes(
        b"%PDF-1.0\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
        b"endobj 3 0 obj<</Type/Page/MediaBox[0 0 300 300]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>"
        b"endobj 4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 20 200 Td (Zhang San 13812345678) Tj ET\nendstream "
        b"endobj 5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj trailer<</Size 6/Root 1 0 R>>")
    # a document-info Title in UTF-16 with a lone surrogate (found by the fuzzer): the pages still read
    with pikepdf.open(io.BytesIO(plain)) as pdf:
        pdf.docinfo["/Title"] = pikepdf.String(b"\xfe\xff\xd8\x00\x00A\x5f\x20")
        pdf.docinfo["/Author"] = pikepdf.String("张三".encode("utf-16-be").join((b"\xfe\xff", b"")))
        out = io.BytesIO()
        pdf.save(out, static_id=True)
    (HERE / "lone-surrogate-title.pdf").write_bytes(out.getvalue())
    # an outline title in UTF-16 with a lone surrogate (pypdfium2's decode raised; a fuzzer find)
    (HERE / "lone-surrogate-outline.pdf").write_bytes(_pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
        b"<< /Title <FEFF5F20D80000410020674E56DB> /Parent 6 0 R /Dest [3 0 R /Fit] >>"]))
    # shapes of fuzzer finds made from corpus files (those files are not ours to commit):
    # an xref stream whose predictor claims 4294967296 columns (qpdf allocated it: over a minute)
    xref_stream = _qpdf(plain, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    (HERE / "absurd-predictor-columns.pdf").write_bytes(
        re.sub(rb"/Columns \d+", b"/Columns 4294967296", xref_stream, count=1))
    # a page tree whose /Kids names the catalog (qpdf: "/Count is wrong after flattening pages tree")
    classic = _qpdf(plain, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    (HERE / "kids-point-at-catalog.pdf").write_bytes(re.sub(rb"/Kids \[ ", b"/Kids [ 1 0 R ", classic, count=1))


if __name__ == "__main__":
    main()

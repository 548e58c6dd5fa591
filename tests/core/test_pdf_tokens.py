"""The fast content-stream tokenizer gives pdfminer's tokens exactly: the same objects (type and value),
at the same positions, on every page of every PDF the tests and samples hold, on mutated streams, and
on the odd cases it hands back to pdfminer."""

from __future__ import annotations

import random
from pathlib import Path

import pikepdf
import pytest
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import PSEOF

from reviewer.core.pdf_tokens import FastContentParser, original

ROOT = Path(__file__).resolve().parents[2]
PDFS = sorted({*ROOT.joinpath("tests").rglob("*.pdf"), *ROOT.joinpath("resources").rglob("*.pdf")})


def tokens(cls: type, data: bytes, bufsiz: int | None = None) -> list[tuple[int, type, object]]:
    parser = cls([PDFStream({}, data)])
    if bufsiz:
        parser.BUFSIZ = bufsiz
    out = []
    while True:
        try:
            pos, token = parser.nexttoken()
        except PSEOF:
            return out
        except Exception as exc:  # noqa: BLE001 - pdfminer's own failure on a broken stream: the same one
            return [*out, (-1, type(exc), str(exc))]
        out.append((pos, type(token), token))


def content_streams(path: Path) -> list[bytes]:
    out = []
    try:
        with pikepdf.open(path) as pdf:
            for page in pdf.pages:
                out.append(page.Contents.read_bytes() if "/Contents" in page and isinstance(
                    page.Contents, pikepdf.Stream) else b"".join(
                    s.read_bytes() for s in page.get("/Contents", [])))
                for _name, xobj in (page.Resources.get("/XObject", {}) if "/Resources" in page else {}).items():
                    if isinstance(xobj, pikepdf.Stream) and xobj.get("/Subtype") == "/Form":
                        out.append(xobj.read_bytes())
    except Exception:  # noqa: BLE001 - the broken files of the tests: nothing to compare
        return out
    return out


def test_the_corpus_is_not_empty():
    streams = [s for p in PDFS for s in content_streams(p)]
    assert len(PDFS) > 20 and sum(len(s) for s in streams) > 100_000


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_every_page_of_every_pdf_tokenises_as_pdfminer_does(path):
    for data in content_streams(path):
        assert tokens(FastContentParser, data) == tokens(original(), data)


ODD = [
    b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET",
    b"/Na#20me 1 0 0 1 0 0 cm",  # a name with a # escape
    b"(a\\)b\\n\\101) Tj (nested (paren) here) Tj",
    b"(\\1234) (\\0a) (\\\r\nx) (\\\rx) (\\q) (\\\\) (\\777) Tj",  # octal, line ends, unknown, too big
    b"<48656c6c6f> Tj <4 8 6> Tj <> Tj <00>>> <<>>",
    b"1.2.3 -.5 +5 +-5 - . 5. .e 12abc 3.x",
    b"% a comment\n0 g\x00 1 g",
    b"[(a) -120 (b)] TJ ' \" { } ) *",
    b"true false truex falsey T* d0 d1 BDC EMC",
    b"BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff\x10\x20 EI Q",
    b"q 1 0 0 1 0 0 cm /Im1 Do Q 12",  # a number at the very end
    b"/A<</B 1>>/C[1 2]",
    b"\xe4\xb8\xad /\xe4\xb8\xad /\xff\xfe",  # non-ASCII bytes as keyword and names
]


@pytest.mark.parametrize("data", ODD)
def test_odd_streams_tokenise_as_pdfminer_does(data):
    assert tokens(FastContentParser, data) == tokens(original(), data)


def test_tokens_cut_by_a_small_buffer_tokenise_as_pdfminer_does():
    data = b"".join(ODD) + b" ".join(content_streams(PDFS[0])[:1])
    for size in (1, 2, 3, 7, 16, 64):
        assert tokens(FastContentParser, data, size) == tokens(original(), data, size)


def test_mutated_streams_tokenise_as_pdfminer_does():
    rng = random.Random(20261207)
    seeds = [s for p in PDFS[:30] for s in content_streams(p)[:2] if s][:40] + ODD
    alphabet = b"()<>[]{}/%#\\.-+0123456789aAzZ \n\r\t\x00\xff'\"TjBIDE"
    for _ in range(400):
        data = bytearray(rng.choice(seeds)[:2000])
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(data) + 1)
            if rng.random() < 0.5 and data:
                del data[at:at + rng.randint(1, 4)]
            else:
                data[at:at] = bytes(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
        data = bytes(data)
        assert tokens(FastContentParser, data) == tokens(original(), data), data[:200]


def test_install_makes_pdfminer_use_it():
    from pdfminer import pdfinterp

    from reviewer.core import pdf_tokens

    pdf_tokens.install()
    assert pdfinterp.PDFContentParser is FastContentParser

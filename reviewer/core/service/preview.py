"""The preview is the copy: made by the export's own writer from the same plan, then read back.

For a PDF the page the reviewer looks at is written alone (the writer on a one-page file, the plan's
located boxes moved to it) and rendered: boxes where characters go, exactly as the export draws them.
For the other formats the whole copy is written to a temporary folder and read back with the product's
reader, so the preview shows the text the file will hold (comments and properties gone, tracked
changes flattened), not a second opinion about it. Nothing is verified here: that is the export's job.
"""

from __future__ import annotations

import functools
import io
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from reviewer.core.deidentify.plan import RedactionPlan
from reviewer.core.deidentify.writers import WriteOptions, output_format, write_copy
from reviewer.core.documents.model import Document, DocumentFormat

PREVIEW_SCALE = 1.5  # 108 dpi: legible on screen, quick to render


@dataclass(frozen=True, slots=True)
class PreviewBlock:
    kind: str  # BlockKind value: paragraph, header, comment, property …
    path: str
    text: str


@dataclass(frozen=True, slots=True)
class TextPreview:
    blocks: tuple[PreviewBlock, ...]
    notes: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


@dataclass(frozen=True, slots=True)
class PagePreview:
    page: int  # 1-based
    pages: int
    width: int  # pixels
    height: int
    rgb: bytes  # width * height * 3 bytes, rows top to bottom
    scale: float  # pixels per PDF point
    notes: tuple[str, ...]
    text: str = ""  # the page's text in the written copy (pdfium): what a reader can still select


def preview_copy(document: Document, plan: RedactionPlan, *, page: int | None = None,
                 scale: float = PREVIEW_SCALE) -> TextPreview | PagePreview:
    with tempfile.TemporaryDirectory(prefix="reviewer-preview-") as folder:
        if document.format == DocumentFormat.PDF:
            return _pdf_page(document, plan, max(1, min(page or 1, document.pages or 1)), scale, Path(folder))
        out = Path(folder) / f"preview.{output_format(DocumentFormat(document.format))}"
        notes = write_copy(document, plan, out, options=WriteOptions())
        from reviewer.core.documents import load_document

        written = load_document(out)
        return TextPreview(tuple(PreviewBlock(str(b.kind), b.path, b.text) for b in written.blocks), notes)


def _pdf_page(document: Document, plan: RedactionPlan, page: int, scale: float, folder: Path) -> PagePreview:
    import pypdfium2

    from reviewer.core.documents.pdf.pdfium_lock import PDFIUM_LOCK

    source = folder / "page.pdf"
    source.write_bytes(_single_page(document.path, document.sha256, page))
    # the page's own reading (text layer and OCR lines) moved to page 1: the writer finds values through it
    # as the export does through the whole reading (a blockless document would find only located ones,
    # and no OCR-read value would be painted)
    blocks = [replace(b, page=1) for b in document.blocks if b.page == page]
    single = Document.build(path=str(source), format=DocumentFormat.PDF, sha256="", size=source.stat().st_size,
                            blocks=blocks, pages=1)
    out = folder / "page-out.pdf"
    notes = write_copy(single, _on_page(plan, page), out, options=WriteOptions())
    with PDFIUM_LOCK:
        pdf = pypdfium2.PdfDocument(str(out))
        try:
            # every pdfium object closed here, under the lock: one left to the garbage collector would be
            # freed in whatever thread collects it, while another thread is inside pdfium
            written = pdf[0]
            bitmap = written.render(scale=scale)
            image = bitmap.to_pil().convert("RGB")  # a copy: the bitmap can go
            bitmap.close()
            textpage = written.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            written.close()
        finally:
            pdf.close()
    return PagePreview(page, document.pages or 1, image.width, image.height, image.tobytes(), scale, notes, text)


@functools.lru_cache(maxsize=8)
def _single_page(path: str, sha256: str, page: int) -> bytes:
    """The page alone in a PDF of its own. Opening a 300-page file takes pikepdf most of a second (and the
    interpreter with it): a reviewer's decisions on one page re-render its preview without that."""
    import pikepdf

    from reviewer.core.documents.pdf.reader import openable_copy

    del sha256  # part of the key: another file at the same path is another document
    data = openable_copy(Path(path).read_bytes(), path)
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf, pikepdf.new() as one:
        one.pages.append(pdf.pages[page - 1])
        one.save(out)
    return out.getvalue()


def _on_page(plan: RedactionPlan, page: int) -> RedactionPlan:
    """The plan for a one-page file holding `page`: located findings of that page move to page 1; those
    located on other pages are dropped (their values are still matched on this page, as everywhere)."""
    kept = []
    for r in plan.replacements:
        loc = r.finding.locator or {}
        where = loc.get("page")
        if where is None:
            kept.append(r)
        elif where == page:
            kept.append(replace(r, finding=replace(r.finding, locator={**loc, "page": 1})))
    return replace(plan, replacements=tuple(kept))



"""PDF text outside the page content: XMP metadata, annotations (and form values), embedded files.

pdfium has no API for the XMP stream, so these come from pikepdf (qpdf), which reads objects lazily
and is as strict about encryption as pdfium: the empty user password is tried, nothing else.
"""

from __future__ import annotations

import io
import re

import pikepdf
from lxml import etree

from reviewer.core.documents.limits import Limits, check_deadline
from reviewer.core.documents.model import Block, BlockKind

_XMP_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                              remove_comments=True, remove_pis=True)
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_TAGS = re.compile(r"<[^>]*>")
_MAX_XMP = 4 * 1024 * 1024
_ANNOT_KEYS = ("/Contents", "/T", "/Subj", "/TU", "/V")
_MAX_ANNOTS = 100_000
_STREAM_NAME = re.compile(r"stream <[^>]*>:?")  # qpdf names an in-memory input after its Python repr


def extra_blocks(data: bytes, path: str, pages: int, limits: Limits) -> list[Block]:
    from reviewer.core.documents.pdf.reader import encrypted

    try:
        pdf = pikepdf.open(io.BytesIO(data), password="")
    except pikepdf.PasswordError:
        raise encrypted(path) from None
    except _QPDF_ERRORS as exc:
        raise _unparsable(path, exc) from None
    with pdf:
        try:
            blocks = _xmp_blocks(pdf)
            blocks += _annotation_blocks(pdf, path)
            blocks += _attachment_blocks(pdf)
        except _QPDF_ERRORS as exc:  # objects are parsed lazily: damage may show only now
            raise _unparsable(path, exc) from None
    return blocks


# qpdf reports damage as PdfError, and C++ overflow/range/runtime errors as these built-in types
_QPDF_ERRORS = (pikepdf.PdfError, ValueError, OverflowError, RuntimeError)


def _unparsable(path: str, exc: Exception) -> Exception:
    from reviewer.core.documents.errors import corrupt

    detail = _STREAM_NAME.sub("", str(exc)).strip()[:200]
    return corrupt(path, f"PDF 对象无法解析 / cannot parse PDF objects: {detail}")


def _xmp_blocks(pdf: pikepdf.Pdf) -> list[Block]:
    metadata = pdf.Root.get("/Metadata")
    if not isinstance(metadata, pikepdf.Stream):
        return []
    raw = metadata.read_bytes()[:_MAX_XMP]
    blocks: list[Block] = []
    try:
        if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
            raise etree.XMLSyntaxError("DTD refused", None, 0, 0)
        root = etree.fromstring(raw.strip(), _XMP_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        # unreadable XML still holds readable words: show them rather than nothing
        text = " ".join(_TAGS.sub(" ", raw.decode("utf-8", "replace")).split())
        return [Block(kind=BlockKind.PROPERTY, part="XMP metadata", path="xmp", text=text)] if text else []
    counts: dict[str, int] = {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == f"{{{_RDF}}}Description":
            for key, value in el.attrib.items():
                if not key.startswith(f"{{{_RDF}}}") and value.strip():
                    _add_xmp(blocks, counts, _qname(el, key), value)
        elif not len(el) and el.text and el.text.strip():
            owner = el
            while owner is not None and owner.tag.startswith(f"{{{_RDF}}}"):
                owner = owner.getparent()
            _add_xmp(blocks, counts, _qname(owner if owner is not None else el, None), el.text)
    return blocks


def _qname(el: etree._Element, attribute: str | None) -> str:
    tag = etree.QName(attribute or el.tag)
    prefix = next((p for p, ns in (el.nsmap or {}).items() if ns == tag.namespace and p), "")
    return f"{prefix}:{tag.localname}" if prefix else tag.localname


def _add_xmp(blocks: list[Block], counts: dict[str, int], name: str, value: str) -> None:
    k = counts.get(name, 0)
    counts[name] = k + 1
    blocks.append(Block(kind=BlockKind.PROPERTY, part="XMP metadata", path=f"{name}[{k}]", text=value.strip(),
                        attrs={"name": name}))


def _annotation_blocks(pdf: pikepdf.Pdf, path: str) -> list[Block]:
    blocks: list[Block] = []
    seen = 0
    for number, page in enumerate(pdf.pages, 1):
        check_deadline(path)
        annots = page.obj.get("/Annots")
        if not isinstance(annots, pikepdf.Array):
            continue
        for i, annot in enumerate(annots):
            seen += 1
            if seen > _MAX_ANNOTS or not isinstance(annot, pikepdf.Dictionary):
                continue
            subtype = _name_text(annot.get("/Subtype"))
            if subtype == "/Popup":
                continue  # repeats its parent's contents
            values = [(key, annot.get(key)) for key in _ANNOT_KEYS]
            action = annot.get("/A")
            if isinstance(action, pikepdf.Dictionary):
                values.append(("/URI", action.get("/URI")))
            for key, value in values:
                if isinstance(value, pikepdf.String) and str(value).strip():
                    blocks.append(Block(kind=BlockKind.ANNOTATION, part=f"page {number}",
                                        path=f"annot[{i}]{key}", text=str(value).strip(), page=number,
                                        attrs={"name": f"{subtype.lstrip('/')} {key.lstrip('/')}".strip()}))
    return blocks


def _name_text(name: object) -> str:
    """A PDF name as text; names are bytes, and str() of a non-UTF-8 one raises (a fuzzer find)."""
    if name is None:
        return ""
    try:
        return str(name)
    except UnicodeDecodeError:
        return name.unparse().decode("latin-1")  # type: ignore[attr-defined]


def _attachment_blocks(pdf: pikepdf.Pdf) -> list[Block]:
    blocks: list[Block] = []
    for k, (name, spec) in enumerate(pdf.attachments.items()):
        names = {name}
        filename = getattr(spec, "filename", None)
        if filename:
            names.add(filename)
        description = getattr(spec, "description", None)
        for j, text in enumerate(sorted(names) + ([description] if description else [])):
            if text and text.strip():
                blocks.append(Block(kind=BlockKind.ATTACHMENT, part="embedded files", path=f"file[{k}][{j}]",
                                    text=text.strip(), attrs={"name": name}))
    return blocks

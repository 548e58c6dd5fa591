"""PDF text outside the page content: document info, XMP metadata, annotations (and form values),
embedded files.

pdfium has no API for the XMP stream, so these come from pikepdf (qpdf), which reads objects lazily
and is as strict about encryption as pdfium: the empty user password is tried, nothing else. Strings
and names are decoded by `strings.text_of` (GBK titles and file names read as what they say).
"""

from __future__ import annotations

import io
import re

import pikepdf
from lxml import etree

from reviewer.core.documents.limits import Limits, check_deadline
from reviewer.core.documents.model import Block, BlockKind
from reviewer.core.documents.pdf.strings import key_text, text_of

_XMP_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                              remove_comments=True, remove_pis=True)
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_TAGS = re.compile(r"<[^>]*>")
_MAX_XMP = 4 * 1024 * 1024
_ANNOT_KEYS = ("/Contents", "/T", "/Subj", "/TU", "/V")
_MAX_ANNOTS = 100_000
_STREAM_NAME = re.compile(r"stream <[^>]*>:?")  # qpdf names an in-memory input after its Python repr


def extra_blocks(data: bytes, path: str, pages: int, limits: Limits) -> tuple[list[Block], dict[str, str]]:
    """The blocks of XMP, annotations and attachments, and the document info's strings (the reader makes
    their blocks). EncryptedDocument when qpdf needs a password, CorruptDocument when it cannot parse."""
    from reviewer.core.documents.pdf.reader import encrypted

    try:
        pdf = pikepdf.open(io.BytesIO(data), password="")
    except pikepdf.PasswordError:
        raise encrypted(path) from None
    except _QPDF_ERRORS as exc:
        raise _unparsable(path, exc) from None
    with pdf:
        try:
            _ = len(pdf.pages), pdf.Root.get("/Type")  # a broken catalog shows here
            info = _document_info(pdf)
            blocks = _xmp_blocks(pdf)
            blocks += _annotation_blocks(pdf, path)
            blocks += _attachment_blocks(pdf)
        except _QPDF_ERRORS as exc:  # objects are parsed lazily: damage may show only now
            raise _unparsable(path, exc) from None
    return blocks, info


_MAX_INFO = 1000


def _document_info(pdf: pikepdf.Pdf) -> dict[str, str]:
    """Every string of the document info dictionary (Title, Author … and custom keys such as Company),
    keyed as pdfium names them (no slash)."""
    info = pdf.trailer.get("/Info")
    if not isinstance(info, pikepdf.Dictionary):
        return {}
    found: dict[str, str] = {}
    for k, (key, value) in enumerate(info.items()):
        if k >= _MAX_INFO:
            break
        if isinstance(value, pikepdf.String):
            text = text_of(value).strip()
            if text:
                found[key_text(key).lstrip("/")] = text
    return found


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
            subtype = text_of(annot.get("/Subtype"))
            if subtype == "/Popup":
                continue  # repeats its parent's contents
            values = [(key, annot.get(key)) for key in _ANNOT_KEYS]
            action = annot.get("/A")
            if isinstance(action, pikepdf.Dictionary):
                values.append(("/URI", action.get("/URI")))
            for key, value in values:
                if isinstance(value, pikepdf.String) and text_of(value).strip():
                    blocks.append(Block(kind=BlockKind.ANNOTATION, part=f"page {number}",
                                        path=f"annot[{i}]{key}", text=text_of(value).strip(), page=number,
                                        attrs={"name": f"{subtype.lstrip('/')} {key.lstrip('/')}".strip()}))
    return blocks


_MAX_ATTACHMENTS = 10_000


def _attachment_blocks(pdf: pikepdf.Pdf) -> list[Block]:
    """The name under which each file is embedded, its file names (/UF, /F) and description: the name tree
    is walked here so that GBK names are decoded by our rules (pikepdf's own API reads them as
    PDFDocEncoding)."""
    blocks: list[Block] = []
    names = pdf.Root.get("/Names")
    tree = names.get("/EmbeddedFiles") if isinstance(names, pikepdf.Dictionary) else None
    for k, (name, spec) in enumerate(_name_tree(tree)):
        if k >= _MAX_ATTACHMENTS:
            break
        texts = {name}
        if isinstance(spec, pikepdf.Dictionary):
            texts |= {text_of(spec.get(key)) for key in ("/UF", "/F")}
            description = text_of(spec.get("/Desc"))
        else:
            description = ""
        for j, text in enumerate(sorted(t for t in texts if t) + ([description] if description else [])):
            if text.strip():
                blocks.append(Block(kind=BlockKind.ATTACHMENT, part="embedded files", path=f"file[{k}][{j}]",
                                    text=text.strip(), attrs={"name": name}))
    return blocks


def _name_tree(node: object, depth: int = 0, seen: set | None = None):
    """(key text, value) pairs of a name tree, in order; loops and absurd depths are cut."""
    seen = set() if seen is None else seen
    if not isinstance(node, pikepdf.Dictionary) or depth > 32:
        return
    if node.is_indirect:
        if node.objgen in seen:
            return
        seen.add(node.objgen)
    pairs = node.get("/Names")
    if isinstance(pairs, pikepdf.Array):
        items = list(pairs)
        for i in range(0, len(items) - 1, 2):
            yield text_of(items[i]), items[i + 1]
    kids = node.get("/Kids")
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            yield from _name_tree(kid, depth + 1, seen)

"""Document-level scrubbing of a PDF: metadata, actions, attachments, annotations, and every string.

Removed: XMP (of the document and of any object), JavaScript, open actions, embedded and associated
files, forms, thumbnails, private application data, every annotation except plain links (comments,
attachments, widgets), and the metadata inside JPEG pictures (EXIF with GPS position and owner). Values
are replaced in every string of every reachable object (document info, outline titles, link URIs,
structure-tree /Alt and /ActualText) and in marked-content properties of the page streams.
"""

from __future__ import annotations

import pikepdf

from reviewer.core.deidentify.plan import RedactionPlan
from reviewer.core.documents.image_metadata import strip_image_metadata
from reviewer.core.documents.pdf.streams import jpeg_bytes
from reviewer.core.documents.pdf.strings import key_object, text_of

_DROP_ROOT = ("/Metadata", "/OpenAction", "/AA", "/AcroForm", "/PieceInfo", "/SpiderInfo", "/Threads", "/AF")
_DROP_PAGE = ("/Thumb", "/Metadata", "/PieceInfo", "/AA", "/AF")


def scrub_structure(pdf: pikepdf.Pdf) -> int:
    root = pdf.Root
    for key in _DROP_ROOT:
        if key in root:
            del root[key]
    names = root.get("/Names")
    if names is not None:
        for key in ("/JavaScript", "/EmbeddedFiles"):
            if key in names:
                del names[key]
    info = pdf.trailer.get("/Info")
    if info is not None:
        for key in ("/Author",):
            if key in info:
                del info[key]
    removed = 0
    for page in pdf.pages:
        obj = page.obj
        for key in _DROP_PAGE:
            if key in obj:
                del obj[key]
        annots = obj.get("/Annots")
        if annots is None:
            continue
        keep = []
        for annot in annots:
            action = annot.get("/A")
            unsafe = action is not None and action.get("/S") in ("/JavaScript", "/Launch", "/SubmitForm")
            if annot.get("/Subtype") == "/Link" and not unsafe:
                if "/AP" in annot:  # an appearance stream may draw text no extractor reads
                    del annot["/AP"]
                keep.append(annot)
            else:
                removed += 1
        if keep:
            obj.Annots = pikepdf.Array(keep)
        else:
            del obj["/Annots"]
    return removed


def strip_picture_metadata(pdf: pikepdf.Pdf) -> int:
    """XMP attached to any object, and EXIF/XMP/comments inside JPEG image streams (passed through
    unchanged by most PDF makers), removed without re-encoding the image; returns the pictures changed.
    JavaScript (/JS) and embedded-file (/EF) entries go from every object as well: a hostile file hides
    them where no viewer looks (a page dictionary), and the verifier refuses any that is left."""
    changed = 0
    for obj in pdf.objects:
        if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            continue
        for key in ("/Metadata", "/JS", "/EF"):
            if key in obj:
                del obj[key]
        jpeg = jpeg_bytes(pdf, obj)
        if jpeg is None:
            continue
        stripped = strip_image_metadata(jpeg)
        if stripped != jpeg:
            parms = obj.get("/DecodeParms")
            if isinstance(parms, pikepdf.Array):
                parms = parms[-1] if len(parms) else None
            # the transport filters before DCTDecode (ASCII85 in reportlab's files) are not needed
            obj.write(stripped, filter=pikepdf.Name.DCTDecode, decode_parms=parms)
            changed += 1
    return changed


def replace_strings(pdf: pikepdf.Pdf, plan: RedactionPlan) -> int:
    """Replace values in every string of every reachable object (info, outline titles, URIs …)."""
    pattern = plan.flexible_pattern()
    if pattern is None:
        return 0
    count = 0
    seen: set[tuple[int, int]] = set()

    def fix(value: object) -> object | None:
        nonlocal count
        if isinstance(value, pikepdf.String):
            text = text_of(value)  # a GBK title is read as what it says, and written back as UTF-16
            if pattern.search(text):
                count += 1
                return pikepdf.String(pattern.sub(lambda m: plan.replacement_for(m.group()), text))
        return None

    def walk(obj: object) -> None:
        if isinstance(obj, pikepdf.Object) and obj.is_indirect:
            if obj.objgen in seen:
                return
            seen.add(obj.objgen)
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            for key, value in list(obj.items()):
                new = fix(value)
                if new is not None:
                    obj[key_object(key)] = new
                else:
                    walk(value)
        elif isinstance(obj, pikepdf.Array):
            for i, value in enumerate(list(obj)):
                new = fix(value)
                if new is not None:
                    obj[i] = new
                else:
                    walk(value)

    walk(pdf.trailer)
    for page in pdf.pages:
        _replace_marked_content(pdf, page, pattern, plan)
    return count


def _replace_marked_content(pdf: pikepdf.Pdf, page: pikepdf.Page, pattern: object, plan: RedactionPlan) -> None:
    """Values in marked-content properties (/ActualText, /Alt) of the page stream are replaced too (a page
    whose content qpdf cannot parse is re-rendered as a picture by the writer)."""
    try:
        instructions = pikepdf.parse_content_stream(page)
    except (pikepdf.PdfError, TypeError, ValueError, RuntimeError):
        return
    changed = False
    for inst in instructions:
        if str(getattr(inst, "operator", "")) not in ("BDC", "DP"):
            continue
        for operand in inst.operands:
            if isinstance(operand, pikepdf.Dictionary):
                for key, value in list(operand.items()):
                    if isinstance(value, pikepdf.String) and pattern.search(text_of(value)):
                        new = pattern.sub(lambda m: plan.replacement_for(m.group()), text_of(value))
                        operand[key_object(key)] = pikepdf.String(new)
                        changed = True
    if changed:
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))

"""OFD (GB/T 33190) into blocks: page text with a box per character, templates, annotations,
attachments, custom tags, outlines and the document info.

Our own reader, not ofdkit's: ofdkit (pinned, used by the tests as a second opinion on the text)
collapses a TextCode into one run with an estimated width, so it cannot give a box per character,
and it reads neither annotations nor attachments nor signatures; a redaction needs all of them.

Blocks, in order: each page's text (part = its Content.xml, page = 1-based), each template's text
once (on the first page that uses it), annotations (their appearance text, remark and parameters),
attachments (name, and the text of XML or text attachments), custom tags (invoice fields: buyer,
tax id …), outlines, document info. Images (page ImageObjects, seals) are listed in
`Document.images` for OCR; signatures are counted in `properties`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lxml import etree

from reviewer.core.documents.errors import check_cancelled, corrupt
from reviewer.core.documents.limits import Limits, check_deadline, check_text, too_large
from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat, ImageRef
from reviewer.core.documents.ofd import glyphs as g
from reviewer.core.documents.ofd.package import OfdPackage, local, parse_xml
from reviewer.core.errors import UnsupportedFormat

DOC_INFO_FIELDS = ("Title", "Author", "Subject", "Abstract", "Creator")
TEXT_ATTACHMENTS = (".xml", ".txt", ".csv", ".json", ".html", ".htm")


def children(element: etree._Element | None, name: str) -> Iterator[etree._Element]:
    if element is None:
        return
    for c in element:
        if local(c.tag) == name:
            yield c


def child(element: etree._Element | None, name: str) -> etree._Element | None:
    return next(children(element, name), None)


def child_text(element: etree._Element | None, name: str) -> str:
    found = child(element, name)
    return (found.text or "").strip() if found is not None else ""


@dataclass
class Body:
    """One DocBody: its Document.xml and what it points to, resolved to package members."""

    index: int
    doc_info: etree._Element | None
    document: str  # Document.xml member
    root: etree._Element
    templates: dict[str, str] = field(default_factory=dict)  # TemplatePage ID -> member
    resources: list[str] = field(default_factory=list)  # PublicRes/DocumentRes members
    pages: list[tuple[str | None, str | None]] = field(default_factory=list)  # (page ID, Content.xml member)
    signatures: str | None = None


def bodies(package: OfdPackage) -> tuple[str, etree._Element, list[Body]]:
    """OFD.xml and its document bodies (refuses a zip that is not an OFD package)."""
    entry = package.find("OFD.xml")
    if entry is None:
        raise UnsupportedFormat(f"不支持的文件格式：{package.path} 是 zip 压缩包，但不是 OFD 文件（缺少 OFD.xml）。",
                                f"Unsupported format: {package.path} is a zip archive but not an OFD file (no "
                                "OFD.xml).", path=package.path)
    root = package.xml(entry)
    if local(root.tag) != "OFD":
        raise corrupt(package.path, f"OFD.xml 的根元素是 <{local(root.tag)}> / OFD.xml has root <{local(root.tag)}>")
    found = []
    for i, body in enumerate(children(root, "DocBody")):
        document = package.resolve(entry, child_text(body, "DocRoot"))
        if document is None:
            continue
        doc_root = package.xml(document)
        common = child(doc_root, "CommonData")
        b = Body(i, child(body, "DocInfo"), document, doc_root,
                 signatures=package.resolve(entry, child_text(body, "Signatures")))
        for template in children(common, "TemplatePage"):
            member = package.resolve(document, template.get("BaseLoc"))
            if member is not None:
                b.templates[(template.get("ID") or "").strip()] = member
        for element in common if common is not None else ():
            if local(element.tag) in ("PublicRes", "DocumentRes"):
                member = package.resolve(document, element.text)
                if member is not None:
                    b.resources.append(member)
        for page in children(child(doc_root, "Pages"), "Page"):
            b.pages.append(((page.get("ID") or "").strip() or None, package.resolve(document, page.get("BaseLoc"))))
        found.append(b)
    if not found:
        raise corrupt(package.path, "没有可读的 Document.xml / no readable Document.xml")
    return entry, root, found


def units_and_media(package: OfdPackage, members: list[str]) -> tuple[dict[str, etree._Element], dict[str, str]]:
    """Composite graphic units by ID, and multimedia (images) by ID → member, from resource parts."""
    units: dict[str, etree._Element] = {}
    media: dict[str, str] = {}
    for member in members:
        try:
            root, _ = parse_xml(package.read(member))
        except etree.XMLSyntaxError:
            continue
        base = (root.get("BaseLoc") or "").strip().strip("/")
        for unit in children(child(root, "CompositeGraphicUnits"), "CompositeGraphicUnit"):
            units.setdefault((unit.get("ID") or "").strip(), unit)
        for item in children(child(root, "MultiMedias"), "MultiMedia"):
            location = child_text(item, "MediaFile")
            found = package.resolve(member, f"{base}/{location}" if base and not location.startswith("/") else
                                    location) or package.resolve(member, location)
            media[(item.get("ID") or "").strip()] = found or location
    return units, media


class _Reader:
    def __init__(self, package: OfdPackage, limits: Limits) -> None:
        self.package = package
        self.limits = limits
        self.blocks: list[Block] = []
        self.images: list[ImageRef] = []
        self.chars = 0
        self.notes: list[str] = []

    def add(self, block: Block) -> None:
        if not block.text.strip():
            return
        self.chars += len(block.text) + 1
        check_text(self.chars, self.limits, path=self.package.path)
        self.blocks.append(block)

    def text_block(self, kind: BlockKind, part: str, path: str, runs: list[g.Run], page: int | None,
                   attrs: dict[str, str] | None = None) -> None:
        line = g.join_runs(runs)
        boxes = tuple(g.points(gl.box) if gl is not None else None for gl in line.glyphs)
        self.add(Block(kind=kind, part=part, path=path, text=line.text, boxes=boxes, page=page, attrs=attrs or {}))

    def image_refs(self, images: list[g.ImageUse], media: dict[str, str], page: int, where: str) -> None:
        for use in images:
            self.images.append(ImageRef(source=media.get(use.resource_id, use.resource_id), page=page,
                                        box=g.points(use.box), where=where))


def read_ofd(data: bytes, path: str, sha256: str, limits: Limits, *,
             progress: Callable[[int, int], None] | None = None,
             cancelled: Callable[[], bool] | None = None) -> Document:
    package = OfdPackage(data, path, limits)
    entry, _, found = bodies(package)
    reader = _Reader(package, limits)
    total_pages = sum(len(b.pages) for b in found)
    if total_pages > limits.max_pages:
        raise too_large("页数", "the page count", total_pages, limits.max_pages, "max_pages", path=path)
    signatures = 0
    page_number = 0
    for body in found:
        units, media = units_and_media(package, body.resources)
        template_first_page: dict[str, int] = {}
        page_ids: dict[str, int] = {}
        for page_id, member in body.pages:
            page_number += 1
            check_cancelled(cancelled)
            check_deadline(path)
            if page_id:
                page_ids[page_id] = page_number
            if member is None:
                reader.notes.append(f"page {page_number}: content missing")
                continue
            root = package.xml(member)
            page_units, page_media = units, media
            extra = [m for r in children(root, "PageRes") if (m := package.resolve(member, r.text)) is not None]
            if extra:
                more_units, more_media = units_and_media(package, extra)
                page_units, page_media = {**units, **more_units}, {**media, **more_media}
            for ref in children(root, "Template"):
                template = body.templates.get((ref.get("TemplateID") or "").strip())
                if template is not None:
                    template_first_page.setdefault(template, page_number)
            runs, images = g.walk(g.page_content(root), page_units, tick=lambda: check_deadline(path))
            reader.text_block(BlockKind.PAGE, member, f"page[{page_number - 1}]", runs, page_number)
            reader.image_refs(images, page_media, page_number, member)
            if progress is not None:
                progress(page_number, total_pages)
        for template, first in template_first_page.items():
            root = package.xml(template)
            runs, images = g.walk(g.page_content(root), units)
            reader.text_block(BlockKind.PAGE, template, "template", runs, first, {"type": "template"})
            reader.image_refs(images, media, first, template)
        _annotations(reader, body, page_ids, units, media)
        _attachments(reader, body)
        _custom_tags(reader, body)
        _outlines(reader, body)
        signatures += _signatures(reader, body)
        _doc_info(reader, body, entry)
    if total_pages == 0:
        reader.notes.append("no pages")
    properties = {b.path: b.text for b in reader.blocks if b.kind is BlockKind.PROPERTY and b.part == entry}
    signatures += sum(1 for name in package.members if name.rsplit("/", 1)[-1].lower() == "ofdentries.xml")
    if signatures:
        properties["ofd.signatures"] = str(signatures)  # incl. integrity protection (GM/T 0099 OFDEntries.xml)
    pua = sum(1 for b in reader.blocks for ch in b.text if 0xE000 <= ord(ch) <= 0xF8FF)
    if pua:
        reader.notes.append(f"{pua} characters in a private font encoding cannot be read as text")
    if reader.notes:
        properties["ofd.notes"] = "; ".join(reader.notes)
    return Document.build(path=path, format=DocumentFormat.OFD, sha256=sha256, size=len(data), blocks=reader.blocks,
                          pages=total_pages, properties=properties, images=tuple(reader.images))


def _annotations(reader: _Reader, body: Body, page_ids: dict[str, int], units: dict, media: dict) -> None:
    package = reader.package
    index = package.optional_xml(body.document, child_text(body.root, "Annotations"))
    if index is None:
        return
    index_name, index_root = index
    for page in children(index_root, "Page"):
        number = page_ids.get((page.get("PageID") or "").strip())
        found = package.optional_xml(index_name, child_text(page, "FileLoc"))
        if found is None:
            continue
        member, root = found
        for k, annot in enumerate(children(root, "Annot")):
            attrs = {"type": annot.get("Type") or ""}
            creator = (annot.get("Creator") or "").strip()
            if creator:
                attrs["author"] = creator
            appearance = child(annot, "Appearance")
            if appearance is not None:
                runs, images = g.walk(appearance, units, g.object_transform(appearance))
                reader.text_block(BlockKind.ANNOTATION, member, f"annot[{k}]", runs, number, attrs)
                reader.image_refs(images, media, number or 0, member)
            extra = [child_text(annot, "Remark")]
            extra += [f"{(p.get('Name') or '').strip()}: {(p.text or '').strip()}"
                      for p in children(child(annot, "Parameters"), "Parameter") if (p.text or "").strip()]
            if creator:
                extra.append(creator)
            for n, text in enumerate(t for t in extra if t):
                reader.add(Block(kind=BlockKind.ANNOTATION, part=member, path=f"annot[{k}]/remark[{n}]", text=text,
                                 page=number, attrs=attrs))


def _attachments(reader: _Reader, body: Body) -> None:
    package = reader.package
    index = package.optional_xml(body.document, child_text(body.root, "Attachments"))
    if index is None:
        return
    index_name, root = index
    for k, attachment in enumerate(children(root, "Attachment")):
        name = (attachment.get("Name") or "").strip()
        location = child_text(attachment, "FileLoc")
        label = " ".join(t for t in (name, location.rsplit("/", 1)[-1]) if t)
        reader.add(Block(kind=BlockKind.ATTACHMENT, part=index_name, path=f"attachment[{k}]", text=label,
                         attrs={"name": name}))
        member = package.resolve(index_name, location)
        if member is None or not member.lower().endswith(TEXT_ATTACHMENTS):
            continue
        lines = _xml_lines(package.read(member)) if member.lower().endswith(".xml") else \
            package.read(member).decode("utf-8", "replace").splitlines()
        for n, text in enumerate(lines):
            reader.add(Block(kind=BlockKind.ATTACHMENT, part=member, path=f"attachment[{k}]/line[{n}]", text=text,
                             attrs={"name": name}))


def _xml_lines(data: bytes) -> list[str]:
    """Each element's own text and attribute values, one per line (invoice XML, custom tags)."""
    try:
        root, _ = parse_xml(data)
    except etree.XMLSyntaxError:
        return data.decode("utf-8", "replace").splitlines()
    lines = []
    for element in root.iter():
        if local(element.tag) == "ObjectRef":
            continue  # a reference to a page object, not text
        for value in element.attrib.values():
            if value.strip():
                lines.append(value.strip())
        if isinstance(element.tag, str) and element.text and element.text.strip():
            lines.append(element.text.strip())
    return lines


def _custom_tags(reader: _Reader, body: Body) -> None:
    package = reader.package
    index = package.optional_xml(body.document, child_text(body.root, "CustomTags"))
    if index is None:
        return
    index_name, root = index
    for k, tag in enumerate(children(root, "CustomTag")):
        member = package.resolve(index_name, child_text(tag, "FileLoc"))
        if member is None:
            continue
        for n, text in enumerate(_xml_lines(package.read(member))):
            reader.add(Block(kind=BlockKind.PROPERTY, part=member, path=f"customtag[{k}]/{n}", text=text))


def _outlines(reader: _Reader, body: Body) -> None:
    outlines = child(body.root, "Outlines")
    if outlines is None:
        return
    for k, element in enumerate(e for e in outlines.iter() if local(e.tag) == "OutlineElem"):
        reader.add(Block(kind=BlockKind.OUTLINE, part=body.document, path=f"outline[{k}]",
                         text=(element.get("Title") or "").strip()))
    for k, bookmark in enumerate(e for e in body.root.iter() if local(e.tag) == "Bookmark"):
        reader.add(Block(kind=BlockKind.OUTLINE, part=body.document, path=f"bookmark[{k}]",
                         text=(bookmark.get("Name") or "").strip()))


def _signatures(reader: _Reader, body: Body) -> int:
    """The count of signatures; their seals' pictures go to the images (OCR hook)."""
    package = reader.package
    index = package.optional_xml(None, body.signatures) if body.signatures else None
    if index is None:
        return 0
    index_name, root = index
    count = 0
    for signature in children(root, "Signature"):
        count += 1
        found = package.optional_xml(index_name, signature.get("BaseLoc"))
        if found is None:
            continue
        member, sig = found
        info = child(sig, "SignedInfo")
        seal = package.resolve(member, child_text(child(info, "Seal"), "BaseLoc"))
        for stamp in children(info, "StampAnnot"):
            box = g.numbers(stamp.get("Boundary"), 4)
            reader.images.append(ImageRef(source=seal or member, page=None, where=f"{member} seal",
                                          box=g.points((box[0], box[1], box[0] + box[2], box[1] + box[3]))
                                          if box else None))
    return count


def _doc_info(reader: _Reader, body: Body, entry: str) -> None:
    info = body.doc_info
    if info is None:
        return
    for name in DOC_INFO_FIELDS:
        reader.add(Block(kind=BlockKind.PROPERTY, part=entry, path=name, text=child_text(info, name)))
    for k, keyword in enumerate(children(child(info, "Keywords"), "Keyword")):
        reader.add(Block(kind=BlockKind.PROPERTY, part=entry, path=f"Keyword[{k}]", text=(keyword.text or "").strip()))
    for data in children(child(info, "CustomDatas"), "CustomData"):
        name = (data.get("Name") or "").strip()
        reader.add(Block(kind=BlockKind.PROPERTY, part=entry, path=f"custom:{name}", text=(data.text or "").strip()))

"""Redacted copy of an OFD package: characters deleted, boxes drawn, the package XML written by us.

- Page, template and annotation text: each container's lines are read with the reader's glyph walk
  (`documents/ofd/glyphs.py`), every occurrence of a removed value is found in the joined text, the
  characters the replacement does not keep (a mask's visible digits, a pseudonym's surname stay)
  are deleted from their TextCodes with DeltaX/DeltaY rewritten so every other glyph keeps its place
  (writers/ofd_text.py), and an opaque path is drawn over where they were, in a new top layer of
  the page, template or annotation appearance. Text in composite units is deleted in the unit (its
  resource part) and boxed on each page that draws it. Removing characters can make the kept ones
  spell a value again: the lines are read again until none is left.
- Text objects no page reaches (unused units and templates) lose the characters too, without a box.
- Every other text and attribute of every XML part (annotation remarks and parameters, outlines,
  bookmarks) gets the replacement text; document info fields and custom data that hold a value are
  removed, and so is the Author; custom tags (invoice fields) that hold a value are removed with
  their part; attachments that hold a value, or whose content is not text we read, are removed.
- Electronic signatures and seals, and integrity protection (GM/T 0099 OFDEntries.xml), are always
  removed (the copy differs from what was signed, so they could only fail to verify, or mislead); the
  notes say so.
Members are copied byte for byte unless changed; nothing is fetched or resolved (no entities).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from reviewer.core.deidentify.plan import RedactionPlan, keep_mask
from reviewer.core.deidentify.writers import ofd_text
from reviewer.core.documents.limits import Limits
from reviewer.core.documents.ofd import glyphs as g
from reviewer.core.documents.ofd.package import OfdPackage, local, member_name, normalise, parse_xml
from reviewer.core.documents.ofd.reader import TEXT_ATTACHMENTS, bodies, child, child_text, children

MAX_ROUNDS = 5
_ACCOUNT_KEYS = ("user", "author", "owner", "operator")  # CustomData "user.name": the producer's login name


@dataclass
class _Container:
    """Where boxes for a run of text go: a page's or template's Content, or an annotation Appearance."""

    part: str
    element: etree._Element  # Content or Appearance
    origin: tuple[float, float] = (0.0, 0.0)
    boxes: list[g.BoxMM] = field(default_factory=list)


class _Package:
    """The parsed XML members we may change, and which changed or go."""

    def __init__(self, package: OfdPackage) -> None:
        self.package = package
        self.trees: dict[str, tuple[etree._Element, bool]] = {}
        self.dirty: set[str] = set()
        self.dropped: set[str] = set()

    def tree(self, member: str) -> etree._Element:
        if member not in self.trees:
            self.trees[member] = parse_xml(self.package.read(member))
        return self.trees[member][0]

    def ref(self, base: str | None, location: str | None) -> str | None:
        return self.package.resolve(base, location)


def write_ofd(source: Path, plan: RedactionPlan, output: Path,
              progress: Callable[[int, int], None] | None = None) -> tuple[str, ...]:
    package = OfdPackage(source.read_bytes(), str(source), Limits())
    pkg = _Package(package)
    entry, ofd_root, found = bodies(package)
    pkg.trees[entry] = (ofd_root, False)
    for body in found:
        pkg.trees[body.document] = (body.root, False)
    notes: list[str] = []
    pattern = plan.flexible_pattern()
    containers: list[tuple[_Container, list[g.Run]]] = []
    reached: set[int] = set()
    total = sum(len(b.pages) for b in found) or 1
    done = 0
    for body in found:
        units = _units(pkg, body.resources)
        for _, member in body.pages:
            done += 1
            if member is None:
                continue
            root = pkg.tree(member)
            page_units = units
            extra = [m for r in children(root, "PageRes") if (m := pkg.ref(member, r.text)) is not None]
            if extra:
                page_units = {**units, **_units(pkg, extra)}
            content = g.page_content(root)
            if content is not None:
                containers.append((_Container(member, content), g.walk(content, page_units)[0]))
            if progress is not None:
                progress(done, total)
        for template in body.templates.values():
            content = g.page_content(pkg.tree(template))
            if content is not None:
                containers.append((_Container(template, content), g.walk(content, units)[0]))
        containers += _annotation_containers(pkg, body, units)
    for _, runs in containers:
        reached.update(id(gl.obj) for run in runs for gl in run.glyphs)
    removed = 0
    if pattern is not None:
        removed = _remove_values(plan, pattern, containers, pkg)
        removed += _unreached_text(plan, pattern, pkg, reached)
    boxes = _draw_boxes(pkg, containers, found)
    if removed:
        notes.append(f"{removed} characters removed from the text, {boxes} opaque boxes drawn over them")
    notes += _attachments(pkg, found, plan)
    notes += _custom_tags(pkg, found, plan)
    notes += _doc_info(pkg, entry, ofd_root, plan)
    notes += _signatures(pkg, entry, ofd_root)
    if pattern is not None:
        _replace_everywhere(pkg, plan, pattern)
    _write_zip(pkg, output)
    return tuple(notes)


def _units(pkg: _Package, members: list[str]) -> dict[str, etree._Element]:
    units: dict[str, etree._Element] = {}
    for member in members:
        try:
            root = pkg.tree(member)
        except etree.XMLSyntaxError:
            continue
        for unit in children(child(root, "CompositeGraphicUnits"), "CompositeGraphicUnit"):
            units.setdefault((unit.get("ID") or "").strip(), unit)
    return units


def _annotation_containers(pkg: _Package, body, units) -> list[tuple[_Container, list[g.Run]]]:  # noqa: ANN001
    index = pkg.ref(body.document, child_text(body.root, "Annotations"))
    if index is None:
        return []
    out = []
    for page in children(pkg.tree(index), "Page"):
        member = pkg.ref(index, child_text(page, "FileLoc"))
        if member is None:
            continue
        for annot in children(pkg.tree(member), "Annot"):
            appearance = child(annot, "Appearance")
            if appearance is None:
                continue
            t = g.object_transform(appearance)
            out.append((_Container(member, appearance, (t[4], t[5])), g.walk(appearance, units, t)[0]))
    return out


def _remove_values(plan: RedactionPlan, pattern, containers, pkg: _Package) -> int:  # noqa: ANN001
    """Delete the characters of every occurrence, round after round, until no line spells a value."""
    gone: dict[int, set[int]] = {}  # id(TextObject) -> removed positions
    objects: dict[int, tuple[etree._Element, str]] = {}
    for rnd in range(MAX_ROUNDS):
        found_any = False
        for container, runs in containers:
            remaining = [g.Run(tuple(gl for gl in run.glyphs if gl.position not in gone.get(id(gl.obj), ())))
                         for run in runs]
            line = g.join_runs([r for r in remaining if r.glyphs])
            for m in pattern.finditer(line.text):
                matched = m.group()
                bare = plan.replacement_for(matched, bare=True)  # what a mask keeps, without a basis label
                keep = keep_mask(matched, bare) if rnd == 0 else (False,) * len(matched)
                for i, flag in enumerate(keep):
                    glyph = line.glyphs[m.start() + i]
                    if flag or glyph is None:
                        continue
                    gone.setdefault(id(glyph.obj), set()).add(glyph.position)
                    objects[id(glyph.obj)] = (glyph.obj, container.part)
                    container.boxes.append(glyph.box)
                    found_any = True
        if not found_any:
            break
    count = 0
    for key, positions in gone.items():
        obj, _ = objects[key]
        count += ofd_text.remove_positions(obj, positions)
        pkg.dirty.add(_member_of(pkg, obj))
    return count


def _member_of(pkg: _Package, element: etree._Element) -> str:
    root = element.getroottree().getroot()
    for member, (tree, _) in pkg.trees.items():
        if tree is root:
            return member
    raise KeyError("element of an unknown part")


def _unreached_text(plan: RedactionPlan, pattern, pkg: _Package, reached: set[int]) -> int:  # noqa: ANN001
    """Text objects no page, template or annotation draws: their characters go too (no box to draw)."""
    count = 0
    for member in _xml_members(pkg):
        root = pkg.tree(member)
        for obj in [e for e in root.iter() if local(e.tag) == "TextObject" and id(e) not in reached]:
            line = g.join_runs(list(g.text_runs(obj, g.IDENTITY)))
            positions = {line.glyphs[i].position for m in pattern.finditer(line.text)
                         for i in range(m.start(), m.end()) if line.glyphs[i] is not None}
            if positions:
                count += ofd_text.remove_positions(obj, positions)
                pkg.dirty.add(member)
    return count


def _xml_members(pkg: _Package) -> list[str]:
    out = []
    for name, info in pkg.package.members.items():
        if name in pkg.dropped or not name.lower().endswith(".xml"):
            continue
        try:
            pkg.tree(name)
        except etree.XMLSyntaxError:
            continue
        out.append(name)
    return out


def _draw_boxes(pkg: _Package, containers, found) -> int:  # noqa: ANN001
    next_id = _max_unit_id(found) + 1
    drawn = 0
    for container, _ in containers:
        if not container.boxes:
            continue
        ns = etree.QName(container.element).namespace or ""
        if local(container.element.tag) == "Content":
            holder = etree.SubElement(container.element, f"{{{ns}}}Layer" if ns else "Layer", ID=str(next_id))
            next_id += 1
        else:
            holder = container.element
        for box in ofd_text.merge_boxes(container.boxes):
            holder.append(ofd_text.box_object(ns, next_id, box, container.origin))
            next_id += 1
            drawn += 1
        pkg.dirty.add(container.part)
    for body in found:
        common = child(body.root, "CommonData")
        max_id = child(common, "MaxUnitID")
        if max_id is not None and drawn:
            max_id.text = str(max(next_id, _int(max_id.text)))
            pkg.dirty.add(body.document)
    return drawn


def _max_unit_id(found) -> int:  # noqa: ANN001
    best = 0
    for body in found:
        best = max(best, _int(child_text(child(body.root, "CommonData"), "MaxUnitID")))
    return best


def _int(text: str | None) -> int:
    try:
        return int(float(text or 0))
    except (ValueError, OverflowError):
        return 0


def _holds_value(pattern, texts) -> bool:  # noqa: ANN001
    return pattern is not None and any(t and pattern.search(t) for t in texts)


def _all_text(root: etree._Element) -> list[str]:
    out = []
    for element in root.iter():
        out.append(element.text or "")
        out.extend(element.attrib.values())
    return out


def _attachments(pkg: _Package, found, plan: RedactionPlan) -> list[str]:  # noqa: ANN001
    pattern = plan.flexible_pattern()
    dropped = 0
    for body in found:
        index = pkg.ref(body.document, child_text(body.root, "Attachments"))
        if index is None:
            continue
        root = pkg.tree(index)
        for attachment in list(children(root, "Attachment")):
            member = pkg.ref(index, child_text(attachment, "FileLoc"))
            texts = _all_text(attachment)
            readable = member is not None and member.lower().endswith(TEXT_ATTACHMENTS)
            if readable:
                texts.append(pkg.package.read(member).decode("utf-8", "replace"))
            if readable and not _holds_value(pattern, texts):
                continue
            root.remove(attachment)
            if member is not None:
                pkg.dropped.add(member)
            pkg.dirty.add(index)
            dropped += 1
    return [f"{dropped} attachments removed (they held removed values, or content that cannot be checked)"] \
        if dropped else []


def _custom_tags(pkg: _Package, found, plan: RedactionPlan) -> list[str]:  # noqa: ANN001
    pattern = plan.flexible_pattern()
    dropped = 0
    for body in found:
        index = pkg.ref(body.document, child_text(body.root, "CustomTags"))
        if index is None:
            continue
        root = pkg.tree(index)
        for tag in list(children(root, "CustomTag")):
            member = pkg.ref(index, child_text(tag, "FileLoc"))
            texts = [] if member is None else [pkg.package.read(member).decode("utf-8", "replace")]
            try:
                texts += _all_text(pkg.tree(member)) if member is not None else []
            except etree.XMLSyntaxError:
                pass
            if not _holds_value(pattern, texts):
                continue
            root.remove(tag)
            if member is not None:
                pkg.dropped.add(member)
            pkg.dirty.add(index)
            dropped += 1
    return [f"{dropped} custom tags (structured fields such as an invoice's buyer) removed: they held removed "
            "values"] if dropped else []


def _doc_info(pkg: _Package, entry: str, ofd_root: etree._Element, plan: RedactionPlan) -> list[str]:
    pattern = plan.flexible_pattern()
    removed = []
    for body in children(ofd_root, "DocBody"):
        info = child(body, "DocInfo")
        if info is None:
            continue
        for element in list(info.iter()):
            if element is info or not isinstance(element.tag, str) or element.getparent() is None:
                continue
            name = local(element.tag)
            account = name == "CustomData" and any(k in (element.get("Name") or "").lower() for k in _ACCOUNT_KEYS)
            if name == "Author" or account or (len(element) == 0 and _holds_value(pattern, [element.text or ""])):
                label = name if name != "CustomData" else f"CustomData {element.get('Name', '')}"
                element.getparent().remove(element)
                removed.append(label)
    if removed:
        pkg.dirty.add(entry)
        return [f"document info removed: {', '.join(removed)}"]
    return []


def _signatures(pkg: _Package, entry: str, ofd_root: etree._Element) -> list[str]:
    count = 0
    for element in children(ofd_root, "DocBody"):
        for sig_ref in list(children(element, "Signatures")):
            index = pkg.ref(entry, sig_ref.text)
            element.remove(sig_ref)
            pkg.dirty.add(entry)
            if index is None:
                continue
            pkg.dropped.add(index)
            for signature in children(pkg.tree(index), "Signature"):
                count += 1
                member = pkg.ref(index, signature.get("BaseLoc"))
                if member is None:
                    continue
                pkg.dropped.add(member)
                sig = pkg.tree(member)
                for location in [child_text(sig, "SignedValue")] + [
                        child_text(s, "BaseLoc") for s in sig.iter() if local(s.tag) == "Seal"]:
                    target = pkg.ref(member, location)
                    if target is not None:
                        pkg.dropped.add(target)
    count += _integrity(pkg)
    if count:
        return [f"{count} electronic signatures and seals removed: a de-identified copy no longer matches what was "
                "signed, so they are invalid; sign the published copy again if it needs a seal "
                f"（已移除 {count} 个电子签章：去标识化后签章失效，如需盖章请对发布件重新签章）"]
    return []


def _integrity(pkg: _Package) -> int:
    """GM/T 0099 integrity protection (OFDEntries.xml with a signed digest of the parts) is a signature too."""
    found = 0
    for name in list(pkg.package.members):
        if name.rsplit("/", 1)[-1].lower() != "ofdentries.xml":
            continue
        try:
            root = pkg.tree(name)
        except etree.XMLSyntaxError:
            continue
        if local(root.tag) != "DocEntries":
            continue
        found += 1
        pkg.dropped.add(name)
        target = pkg.ref(name, child_text(root, "SignedValueLoc"))
        if target is not None:
            pkg.dropped.add(target)
    return found


def _replace_everywhere(pkg: _Package, plan: RedactionPlan, pattern) -> None:  # noqa: ANN001
    """Values left in any other text or attribute of any XML part (remarks, outlines, parameters)."""
    def sub(text: str) -> str:
        return pattern.sub(lambda m: plan.replacement_for(m.group()), text)

    for member in _xml_members(pkg):
        root = pkg.tree(member)
        changed = False
        for element in root.iter():
            if local(element.tag) != "TextCode" and element.text and pattern.search(element.text):
                element.text = sub(element.text)
                changed = True
            if element.tail and pattern.search(element.tail):
                element.tail = sub(element.tail)
                changed = True
            for key, value in element.attrib.items():
                if pattern.search(value):
                    element.set(key, sub(value))
                    changed = True
        if changed:
            pkg.dirty.add(member)


def _write_zip(pkg: _Package, output: Path) -> None:
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as out:
        for info in pkg.package.zip.infolist():
            name = normalise(member_name(info))
            if info.is_dir() or name in pkg.dropped:
                continue
            if name in pkg.dirty:
                root, _ = pkg.trees[name]
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            else:
                data = pkg.package.read(name)
            out.writestr(zipfile.ZipInfo(name, date_time=info.date_time), data, compress_type=zipfile.ZIP_DEFLATED)


def write_copy(document, plan: RedactionPlan, output: Path, *, options=None,  # noqa: ANN001
               progress: Callable[[int, int], None] | None = None) -> tuple[str, ...]:
    """The writers' common entry point (`reviewer.core.deidentify.writers.write_copy`)."""
    return write_ofd(Path(document.path), plan, output, progress)

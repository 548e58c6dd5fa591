"""Which glyphs of a PDF page go: every occurrence of every value of the plan, found in the page's
content-stream order, in its reading order (pdfium's, as detection and the verifier read it) and
under the boxes of located findings; and the pages' glyph maps made on both cores.

Mapping a page (pdfminer interpreting its content streams) and choosing its glyphs is most of the
time of writing a long PDF, so pages are shared with the page helper process
(`documents.pdf.pages.share_pages`): it keeps the document and the plan's needles between chunks and
returns, per page, a map holding only the chosen glyphs and what editing the streams needs.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace

from reviewer.core.deidentify.plan import RedactionPlan
from reviewer.core.deidentify.writers.pdf_content_editor import Glyph, PageMap, PageMapper
from reviewer.core.documents.pdf.pages import share_pages
from reviewer.core.documents.pdf.pdfium_lock import pdfium_page_texts
from reviewer.core.trie_regex import compile_literals

_INVISIBLE = {" ", "\t", "\n", "\r", "\u3000", "\u00a0", "\u200b", "\ufeff"}
Box = tuple[float, float, float, float]


@functools.lru_cache(maxsize=65536)
def norm_chars(text: str) -> str:
    """Normalised as values are (NFKC, case folded, no blanks); called for every character: cached."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c not in _INVISIBLE)


@dataclass(frozen=True, slots=True)
class Needles:
    """The plan's values normalised once per export: per page, 2,400 values took 90 % of a 300-page write.
    Occurrences are found with Aho-Corasick automatons (every occurrence, overlapping ones too, in one
    pass over a page), then claimed longest value first as the text writers replace them."""

    masks: tuple[tuple[str, list[bool]], ...]  # normalised value and keep flags, longest first
    skeletons: tuple[tuple[tuple[str, bool], ...], ...]  # letters, digits and keep flags (6+), longest first
    any_value: re.Pattern[str] | None = None  # every normalised value, for the text left after removal
    values: object = None  # automaton: normalised value -> (rank in masks, length, keep flags)
    skeleton_values: object = None  # automaton: skeleton -> (rank in skeletons, length, keep flags)
    contexts: frozenset[str] = frozenset()  # which masks are kept contexts (`RedactionPlan.kept_masks`)


def needles_of(plan: RedactionPlan) -> Needles:
    return needles_from_masks(plan.keep_masks, plan.kept_masks)


def needles_from_masks(keep_masks: dict[str, tuple[bool, ...]],
                       kept_masks: dict[str, tuple[bool, ...]] | None = None) -> Needles:
    """Needles of the plan's values and of its kept contexts (an occurrence a reviewer keeps): a context
    is claimed like a value, longer first, with its own flags — the value inside it stays, other
    removed values inside it still go."""
    import ahocorasick

    contexts = [_normalised_keep(c, k) for c, k in (kept_masks or {}).items()]
    plain = [_normalised_keep(v, k) for v, k in keep_masks.items()]
    masks = sorted(plain + contexts, key=lambda vk: -len(vk[0]))
    skeletons = []
    for value, keep in keep_masks.items():
        pairs = tuple((n, flag) for ch, flag in zip(value, keep, strict=True)
                      for n in norm_chars(ch) if n.isalnum())
        if len(pairs) >= 6:
            skeletons.append(pairs)
    skeletons.sort(key=lambda p: -len(p))
    values = skeleton_values = None
    if any(v for v, _ in masks):
        values = ahocorasick.Automaton()
        for rank, (value, flags) in enumerate(masks):
            if value and not values.exists(value):
                values.add_word(value, (rank, len(value), tuple(flags)))
        values.make_automaton()
    if skeletons:
        skeleton_values = ahocorasick.Automaton()
        for rank, pairs in enumerate(skeletons):
            key = "".join(n for n, _ in pairs)
            if not skeleton_values.exists(key):
                skeleton_values.add_word(key, (rank, len(key), tuple(flag for _, flag in pairs)))
        skeleton_values.make_automaton()
    return Needles(tuple(masks), tuple(skeletons), compile_literals({v for v, _ in plain if v}), values,
                   skeleton_values, frozenset(c for c, _ in contexts if c))


def _occurrences(text: str, automaton: object) -> list[tuple[int, int, tuple[bool, ...]]]:
    """(start, end, keep flags) of every occurrence in `text`, in the order they are claimed: longest value
    first, then left to right."""
    if automaton is None or not text:
        return []
    found = [(rank, end + 1 - size, end + 1, flags) for end, (rank, size, flags) in automaton.iter(text)]
    found.sort()
    return [(start, end, flags) for _, start, end, flags in found]


def _normalised(text: str) -> tuple[str, list[int]]:
    """`text` normalised as values are (NFKC, case folded, no blanks), and each character's index in `text`."""
    chars: list[str] = []
    owner: list[int] = []
    for i, ch in enumerate(text):
        for n in norm_chars(ch):
            chars.append(n)
            owner.append(i)
    return "".join(chars), owner


def _removed_positions(text: str, needles: Needles) -> list[int]:
    """Indices (into `text`) of the characters to remove: every occurrence of a value, longest first and
    never inside a longer one, then long values by their letters and digits only (`138-9600-1234` for
    13896001234, as the verifier also reads them), never inside a value already matched."""
    return _claim(text, needles)[0]


def _claim(text: str, needles: Needles) -> tuple[list[int], set[int]]:
    """`_removed_positions`, and the indices a kept context keeps (never removed as part of a value)."""
    norm, owner = _normalised(text)
    claimed = bytearray(len(norm))
    covered: set[int] = set()
    removed: set[int] = set()
    protected: set[int] = set()
    for start, end, flags in _occurrences(norm, needles.values):
        if any(claimed[start:end]):
            continue
        claimed[start:end] = b"\x01" * (end - start)
        covered.update(owner[start:end])
        removed.update(owner[start + k] for k, keep in enumerate(flags) if not keep)
        if needles.contexts and norm[start:end] in needles.contexts:
            protected.update(owner[start + k] for k, keep in enumerate(flags) if keep)
    if needles.skeleton_values is not None:
        skeleton_owner = [owner[i] for i, ch in enumerate(norm) if ch.isalnum()]
        skeleton = "".join(ch for ch in norm if ch.isalnum())
        for start, end, flags in _occurrences(skeleton, needles.skeleton_values):
            places = skeleton_owner[start:end]
            if covered.intersection(places):
                continue
            covered.update(places)
            removed.update(skeleton_owner[start + k] for k, keep in enumerate(flags) if not keep)
    return sorted(removed), protected


def choose_glyphs(page: PageMap, needles: Needles,
                   located: dict[int, list[tuple[float, float, float, float]]]) -> list[Glyph]:
    """Glyphs to remove: every match of a value in the page's glyph text (content-stream order), plus
    glyphs under located boxes (findings' characters, and every value as the reader reads the page)."""
    text: list[str] = []
    owner: list[int] = []
    for i, g in enumerate(page.glyphs):
        text.append(g.text)
        owner.extend([i] * len(g.text))
    removed, kept = _claim("".join(text), needles)
    chosen = {owner[k]: page.glyphs[owner[k]] for k in removed}
    protected = {owner[k] for k in kept}
    boxes = [in_map_space(page, box) for box in located.get(page.number, [])]
    if boxes:
        # glyph centres in pdfplumber's top-left coordinates, sorted by y for a range search per box
        centres = sorted(((page.height - (g.bbox[1] + g.bbox[3]) / 2, (g.bbox[0] + g.bbox[2]) / 2, i)
                          for i, g in enumerate(page.glyphs)))
        ys = [c[0] for c in centres]
        for x0, top, x1, bottom in boxes:
            lo, hi = bisect.bisect_left(ys, top - 0.5), bisect.bisect_right(ys, bottom + 0.5)
            for _, cx, i in centres[lo:hi]:
                if x0 - 0.5 <= cx <= x1 + 0.5:
                    chosen[i] = page.glyphs[i]
    if chosen:
        _no_value_left(page, needles, chosen, protected)
    return [chosen[i] for i in sorted(chosen)]


def reading_order_boxes(document: object, needles: Needles) -> dict[int, list[Box]]:
    """Per page, the boxes of the characters to remove of every value in the page's text as the reader
    read it (pdfium's order, the order detection and the verifier's pdfium check see). A value whose
    characters the content stream draws out of order (re-flowed or kerned text: 建国 then 王) is not in
    the glyph sequence, so these boxes find its glyphs by position, as a finding's own boxes do."""
    pages: dict[int, list[tuple[float, float, float, float]]] = {}
    for block in getattr(document, "blocks", ()):
        if block.kind != "page" or not block.page or not block.boxes:
            continue
        boxes = block.boxes
        for i in _removed_positions(block.text, needles):
            box = boxes[i] if i < len(boxes) else None
            if box is not None:
                pages.setdefault(block.page, []).append(tuple(box))
    return pages


def _no_value_left(page: PageMap, needles: Needles, chosen: dict[int, Glyph], protected: set[int] = frozenset()
                   ) -> None:
    """Removing characters can bring others together that spell a removed value: 黄龙玉 keeps 黄 (黄某),
    and with 龙玉 gone, 黄 and the 明 of 明年 read as 黄明, another name of the plan, wherever text
    extractors join across the gap (the verifier does, and refused the export). Such a run goes
    whole; repeated, as each removal opens a new gap (a few rounds at most in practice)."""
    if needles.any_value is None:
        return
    for _ in range(8):
        chars: list[str] = []
        owner: list[int] = []
        for i, g in enumerate(page.glyphs):
            if i not in chosen:
                for ch in norm_chars(g.text):
                    chars.append(ch)
                    owner.append(i)
        added = False
        for m in needles.any_value.finditer("".join(chars)):
            if protected.intersection(owner[m.start():m.end()]):
                continue  # the occurrence a reviewer kept, inside its context
            for i in owner[m.start():m.end()]:
                if i not in chosen:
                    chosen[i] = page.glyphs[i]
                    added = True
        if not added:
            return


def _normalised_keep(value: str, keep: tuple[bool, ...]) -> tuple[str, list[bool]]:
    chars: list[str] = []
    flags: list[bool] = []
    for ch, flag in zip(value, keep, strict=True):
        for n in norm_chars(ch):
            chars.append(n)
            flags.append(flag)
    nvalue = "".join(chars)
    if nvalue != norm_chars(value):
        flags = [False] * len(norm_chars(value))
        nvalue = norm_chars(value)
    return nvalue, flags


def pages_to_map(data: bytes, plan: RedactionPlan) -> set[int]:
    """Pages whose pdfium text holds a value: only those need the (slow) glyph-level map. A value that
    pdfium misses on another page is still caught by verification, which then refuses the export."""
    values = {norm_chars(v) for v in plan.values}
    values.discard("")
    skeletons = {k for v in values for k in ["".join(c for c in v if c.isalnum())] if len(k) >= 6}
    pages: set[int] = set()
    if not values:
        return pages
    for index, raw in enumerate(pdfium_page_texts(data)):
        text = norm_chars(raw)
        skeleton = "".join(c for c in text if c.isalnum())
        if any(v in text for v in values) or any(k in skeleton for k in skeletons):
            pages.add(index + 1)
    return pages


def located_boxes(plan: RedactionPlan) -> dict[int, list[tuple[float, float, float, float]]]:
    """Per page, the boxes (pdfplumber top-left coordinates) of the removed characters of located findings."""
    pages: dict[int, list[tuple[float, float, float, float]]] = {}
    for r in plan.replacements:
        loc = r.finding.locator or {}
        if not isinstance(loc.get("page"), int) or not loc.get("boxes"):
            continue
        boxes = loc["boxes"]
        aligned = len(boxes) == len(r.keep)
        for i, box in enumerate(boxes):
            if not aligned or not r.keep[i]:
                pages.setdefault(loc["page"], []).append(tuple(box))
    return pages


def map_and_choose(data: bytes, wanted: set[int], needles: Needles, keep_masks: dict[str, tuple[bool, ...]],
                   located: dict[int, list[Box]], step: Callable[[int, int], None],
                   kept_masks: dict[str, tuple[bool, ...]] | None = None
                   ) -> tuple[dict[int, PageMap], dict[int, list[Glyph]]]:
    """Maps of the `wanted` pages (1-based) holding only their chosen glyphs, and those glyphs, made here
    and in the page helper. `step(done, total)` after each page or chunk; it raises to stop (cancel)."""
    numbers = sorted(wanted)
    mapper: list[PageMapper] = []
    key = uuid.uuid4().hex
    done = [0]

    def local(index: int) -> PageMap:
        if not mapper:
            mapper.append(PageMapper(data))
        return slim(mapper[0].map(numbers[index]), needles, located)

    def task(first: int, last: int, first_task: bool) -> tuple[Callable, tuple]:
        setup = (data, dict(keep_masks), dict(kept_masks or {})) if first_task else None
        chunk = numbers[first:last]
        return helper_maps, (key, setup, chunk, {n: located[n] for n in chunk if n in located})

    def arrived(made: list[PageMap]) -> None:
        done[0] += len(made)
        step(done[0], len(numbers))

    # chunks of 4: a page takes ~10 ms here, and the export's progress should move page by page
    made, _ = share_pages(len(numbers), local, task, arrived, close=(close_helper_maps, (key,)), chunk=4)
    maps = {m.number: m for m in made}
    return maps, {n: m.glyphs for n, m in maps.items()}


def slim(page: PageMap, needles: Needles, located: dict[int, list[Box]]) -> PageMap:
    """`page` with only its chosen glyphs: what editing, boxing and rasterising the page need; `uncertain`
    when a character to remove (by its box) overlaps no chosen glyph."""
    chosen = choose_glyphs(page, needles, located)
    return replace(page, glyphs=chosen, uncertain=uncovered(page, chosen, located.get(page.number, [])))


def in_map_space(page: PageMap, box: Box) -> Box:
    """A reader's box (pdfium: unrotated page space, top-left origin) in the map's top-left coordinates
    (pdfminer's device space, which a /Rotate turns)."""
    a, b, c, d, e, f = page.ctm
    if (a, b, c, d) == (1, 0, 0, 1):
        return box
    x0, top, x1, bottom = box
    points = [(x, page.top - y) for x in (x0, x1) for y in (top, bottom)]
    xs = [a * x + c * y + e for x, y in points]
    ys = [page.height - (b * x + d * y + f) for x, y in points]
    return (min(xs), min(ys), max(xs), max(ys))


def uncovered(page: PageMap, chosen: list[Glyph], boxes: list[Box]) -> bool:
    """Whether a box (top-left coordinates) of a character to remove overlaps none of the chosen glyphs:
    where pdfium and pdfminer place a font's characters differently (a font without a Unicode map,
    widths pdfium substitutes), the glyph drawn there was not found and must not be left legible."""
    if not boxes:
        return False
    boxes = [in_map_space(page, box) for box in boxes]
    placed = sorted((page.height - g.bbox[3], page.height - g.bbox[1], g.bbox[0], g.bbox[2]) for g in chosen)
    tops = [p[0] for p in placed]
    for x0, top, x1, bottom in boxes:
        hi = bisect.bisect_right(tops, bottom + 0.5)
        if not any(g_top <= bottom + 0.5 and top - 0.5 <= g_bottom and g_x0 <= x1 + 0.5 and x0 - 0.5 <= g_x1
                   for g_top, g_bottom, g_x0, g_x1 in placed[:hi]):
            return True
    return False


_helper_state: tuple[str, PageMapper, Needles] | None = None  # in the page helper: the document being written


def helper_maps(key: str, setup: tuple[bytes, dict] | None, numbers: list[int],
                located: dict[int, list[Box]]) -> list[PageMap]:
    """In the page helper: `slim` maps of pages `numbers` of the document `key` (its bytes and the plan's
    keep masks come with the first task)."""
    global _helper_state
    if setup is not None:
        data, keep_masks, kept_masks = setup
        _helper_state = (key, PageMapper(data), needles_from_masks(keep_masks, kept_masks))
    if _helper_state is None or _helper_state[0] != key:
        raise LookupError("document not open in the helper")
    _, mapper, needles = _helper_state
    return [slim(mapper.map(n), needles, located) for n in numbers]


def close_helper_maps(key: str | None) -> None:
    """In the page helper: forget the document `key` (any, for None)."""
    global _helper_state
    if _helper_state is not None and (key is None or _helper_state[0] == key):
        _helper_state = None

"""`analyze(document)`: every finding of a document, sorted by position.

Blocks are analysed in chunks of consecutive blocks (one presidio call per chunk: patterns over
normalised text), table cells column by column with the header as context; then NER over the chunk's
blocks that contain Chinese characters (`nlp.pipe`); then restricted-content rules
(`classified.detect`) once per document. Progress is reported and cancellation honoured per chunk
and per NER text.
"""

from __future__ import annotations

import bisect
import dataclasses
import os
import re
from collections.abc import Callable, Sequence

from presidio_analyzer import AnalysisExplanation, RecognizerResult

from reviewer.core.detection.columns import column_findings
from reviewer.core.detection.engine import CHINESE, DetectionEngine, get_engine
from reviewer.core.detection.explain import explain
from reviewer.core.detection.guards import guard, issuer_start
from reviewer.core.detection.health import bracketed_health, roster_health
from reviewer.core.detection.judgments import JudgmentContext, check_document, printed_attribute_of
from reviewer.core.detection.ner.rules import COMMON_WORDS_PATH, common_words, word_broken_by_line
from reviewer.core.detection.normalize import NormalizedText, normalize, padded_names, unpad, unwrap_lines
from reviewer.core.detection.pdf_cells import pdf_cells, property_cells
from reviewer.core.detection.possible_names import (
    FLOOR,
    METADATA_KEY,
    POSSIBLE,
    is_possible,
    plausible,
    possible,
)
from reviewer.core.detection.possible_names import candidates as possible_names
from reviewer.core.detection.roles import assign_roles
from reviewer.core.detection.tables import column_groups
from reviewer.core.detection.terms.apply import apply_terms
from reviewer.core.detection.terms.model import TermSet
from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat
from reviewer.core.errors import ReviewerError
from reviewer.core.resources import resource
from reviewer.core.types import Finding, category_of

_NAME = RecognizerResult.RECOGNIZER_NAME_KEY
NER_SEGMENT = 5000  # characters per NER text
_DEIDENTIFIED_MARKS = ("某", "*", "＊", "×", "Ｘ")
# Document numbers (发文字号, GB/T 9704: 机关代字〔年份〕序号号) are not personal information, whatever
# a recognizer or the NER model makes of their parts.
# Matched from the bracketed year (a fast scan), then extended back over the issuer's characters, which
# a line break may separate from the year (渝府办发 / 〔2018〕52号, a PDF line pasted as a paragraph).
DOCUMENT_NUMBER = re.compile(r"[〔\[［【(（][0-9]{4}[〕\]］】)）][0-9]{1,5}号")


def document_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of the document numbers in `text`, issuer included (a bracketed year without one is not)."""
    spans = []
    for m in DOCUMENT_NUMBER.finditer(text):
        issuer = issuer_start(text, m.start())
        if issuer is not None:
            spans.append((issuer, m.end()))
    return spans


class InvalidThreshold(ReviewerError):
    code = "invalid_threshold"

    def __init__(self, value: float) -> None:
        super().__init__(f"分数阈值 {value} 无效：请使用 0 到 1 之间的数。",
                         f"Score threshold {value} is invalid: use a number between 0 and 1.")


class DetectionCancelled(ReviewerError):
    code = "cancelled"

    def __init__(self) -> None:
        super().__init__("检测已取消。", "Detection was cancelled.")


def analyze(document: Document, *, threshold: float | None = None,
            progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None,
            terms: TermSet | None = None, judgments: JudgmentContext | None = None) -> list[Finding]:
    """All findings at or above `threshold` (default: the configuration's `default_threshold`).

    `progress(done_blocks, total_blocks)` is called after each chunk; when `cancelled()` returns True
    the work stops and `DetectionCancelled` is raised (partial results are not returned as complete).
    `terms`: the workspace's term lists (敏感词库); `judgments`: today, the planned release date and the
    recorded attribute for the wording and timing checks (default: today, no attribute).
    """
    restricted: list[Finding] = []
    cells = pdf_cells(document) + property_cells(document)  # ruled PDF cells, author fields (issue 25)
    personal = complete_names(document, _personal(
        document, threshold=threshold, ner=True, progress=progress, cancelled=cancelled,
        side=lambda: restricted.extend(_restricted(document, threshold)), cells=cells))
    # tier 2 (possible_names.py): plausible names below the bar are kept as marked candidates, never acted on
    guarded = same_names(document, line_broken_names(document, guard(document, personal)), threshold)
    findings = possible_names(document, personal, guarded)
    findings = _with_roster_health(findings, roster_health(document, cells) + bracketed_health(document, findings))
    findings += _wrapped_cells(document, cells, findings, threshold)
    findings = _wrapped_text_cells(document, cells, findings, threshold)
    _check(cancelled)
    findings.extend(restricted)
    findings = _office_checks(document, findings, threshold, terms, judgments)  # issue 33
    # --- roles and owners (issue 26, detection/roles.py): who each person is in the document, whose each
    # contact detail is; profiles decide by them. Last, so findings the office checks add get them too.
    findings = assign_roles(document, findings)
    return sorted(findings, key=lambda f: (f.start, f.end, f.entity_type))


def _wrapped_cells(document: Document, cells: Sequence[Block], findings: list[Finding],
                   threshold: float | None) -> list[Finding]:
    """Identifiers wrapped inside one PDF cell (91440300MA5DK3T81⏎R): the page-level unwrapping glues the
    neighbouring cells' digits to them, a cell alone does not. Kept where a result spans a removed break and
    overlaps no finding."""
    engine = get_engine()
    limit = engine.config.default_threshold if threshold is None else float(threshold)
    taken = [(f.start, f.end) for f in findings]
    out: list[Finding] = []
    for cell in cells:
        if "wrapped" not in cell.attrs or "\n" not in cell.text:
            continue
        unwrapped = unwrap_lines(cell.text)
        if unwrapped is None:
            continue
        for r in resolve_overlaps([(r, r.start, r.end) for r in engine.analyze_patterns(
                unwrapped.text, threshold=limit, context=(cell.attrs.get("header", ""),))], engine.priority):
            result = r[0]
            if not unwrapped.spans_a_cut(result.start, result.end):
                continue
            s, e = unwrapped.span_to_original(result.start, result.end)
            start, end = cell.start + s, cell.start + e
            if any(ts < end and start < te for ts, te in taken):
                continue
            taken.append((start, end))
            out.append(_finding(document, result, start, end))
    return out


_CELL_BREAK = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*")
_JOINED_TYPES = ("CN_ADDRESS", "SENSITIVE_PERSONAL")


def _wrapped_text_cells(document: Document, cells: Sequence[Block], findings: list[Finding],
                        threshold: float | None) -> list[Finding]:
    """Addresses and health phrases that a wrapped PDF cell breaks over lines (…菊泉街1188弄15号1202⏎室,
    化工新材料产业⏎园北三东路27号, 其妻患尿毒⏎症): the cell's breaks are no separators, so the address grammar and
    the sensitive-information patterns read the cell joined. A result that spans a removed break is added where
    nothing of its type was found; an address also replaces the pieces of it found line by line."""
    from reviewer.core.detection.ner import rules

    engine = None
    limit = 0.0
    out = list(findings)
    for cell in cells:
        if "wrapped" not in cell.attrs or "\n" not in cell.text:
            continue
        cuts = []
        pieces = []
        last = removed = 0
        for m in _CELL_BREAK.finditer(cell.text):
            pieces.append(cell.text[last:m.start()])
            for _ in range(m.end() - m.start()):
                cuts.append(m.start() - removed)
            removed += m.end() - m.start()
            last = m.end()
        pieces.append(cell.text[last:])
        joined = NormalizedText("".join(pieces), tuple(cuts))
        text = joined.text
        found: list[tuple[str, int, int, float, str]] = []
        for s, e in [*rules.grammar_address_spans(text), *rules.corps_addresses(text), *rules.plot_addresses(text)]:
            found.append(("CN_ADDRESS", s, e, 0.7, "ChineseAddressRecognizer"))
        if engine is None:
            engine = get_engine()
            limit = engine.config.default_threshold if threshold is None else float(threshold)
        for r in engine.analyze_patterns(text, threshold=limit, context=(cell.attrs.get("header", ""),)):
            if r.entity_type == "SENSITIVE_PERSONAL":
                found.append((r.entity_type, r.start, r.end, float(r.score),
                              r.recognition_metadata.get(_NAME, "")))
        for kind, s, e, score, recognizer in found:
            if not joined.spans_a_cut(s, e):
                continue
            ls, le = joined.span_to_original(s, e)
            start, end = cell.start + ls, cell.start + le
            same = [f for f in out if f.entity_type == kind and f.start < end and start < f.end]
            if any(not (start <= f.start and f.end <= end) for f in same) or (same and kind != "CN_ADDRESS"):
                continue  # kept as found: a finding that reaches beyond it, a health term the roster pass read whole
            why = ("规则：表格单元格换行处断开的文字，按整格连读后识别 / rule: found in a wrapped table cell read "
                   "without its line breaks")
            out = [f for f in out if f not in same]
            out.append(Finding(entity_type=kind, start=start, end=end, text=document.text[start:end],
                               score=score, recognizer=recognizer, explanation=why, category=category_of(kind),
                               locator=document.locate(start, end)))
    return out


def _with_roster_health(findings: list[Finding], health: list[Finding]) -> list[Finding]:
    """Health terms of roster cells, in place of the pattern findings they overlap (a longer, surer span)."""
    if not health:
        return findings
    spans = sorted((f.start, f.end) for f in health)
    kept = [f for f in findings if not any(s < f.end and f.start < e for s, e in spans)
            or f.entity_type != "SENSITIVE_PERSONAL"]
    return kept + health


def _office_checks(document: Document, findings: list[Finding], threshold: float | None,
                   terms: TermSet | None, judgments: JudgmentContext | None) -> list[Finding]:
    """The wording and timing checks, then the office's term lists (whose allow list also hides them)."""
    engine = get_engine()
    limit = engine.config.default_threshold if threshold is None else float(threshold)
    printed = printed_attribute_of(findings)
    findings = findings + [f for f in check_document(document, judgments, printed_attribute=printed)
                           if f.score >= limit]
    if terms:
        findings = apply_terms(document, findings, terms, engine.analyze_ad_hoc, _finding)
    return findings


WARM_UP_WORDS = 2_000  # frequent words: most of the characters and bigrams a document will bring
WARM_UP_SAMPLE = resource("samples", "penalty-decision.txt")


def warm_up(engine: DetectionEngine | None = None) -> list[Finding]:
    """Analyse a built-in text once (the sample decision, frequent words): the first document an
    engine sees costs about a third more than the next one (first pattern matches, the e-mail
    recognizer's suffix list, the model's first characters and large arrays). Worth it where an
    engine lives on: the app's engine process and the helper; not in a one-off CLI scan. Returns
    the findings in that text (the sample's person, identity number, phone, address…)."""
    engine = engine or get_engine()
    # an installation without the samples still warms up on the words (and must still start)
    lines = WARM_UP_SAMPLE.read_text(encoding="utf-8").splitlines() if WARM_UP_SAMPLE.is_file() else []
    words = COMMON_WORDS_PATH.read_text(encoding="utf-8").split()[:WARM_UP_WORDS]
    lines += ["，".join(words[i:i + 16]) + "。" for i in range(0, len(words), 16)]
    blocks = [Block(kind=BlockKind.PARAGRAPH, part="body", path=f"p[{i}]", text=t) for i, t in enumerate(lines)]
    document = Document.build(path="warm-up", format=DocumentFormat.TXT, sha256="", size=0, blocks=blocks)
    placed = placed_chunk(engine, document.blocks, engine.config.default_threshold, None, ner=True)
    return [_finding(document, r, start, end) for r, start, end in placed] + _restricted(document, None)


def complete_names(document: Document, findings: list[Finding]) -> list[Finding]:
    """A name cut short (王建 where the text reads 王建国) is extended to a longer name found elsewhere in
    the same document, when the text at that place continues with it.

    Why: the model decides each block alone, and a neighbouring word can pull a boundary in (王建国电话:
    国电 is also a company name). A reviewer expects one person to be one finding wherever the name
    stands, and a pseudonym plan keyed on 王建 and 王建国 would call one person 王某 and 王某甲.
    """
    names = {f.text for f in findings if f.entity_type == "PERSON" and len(f.text) >= 2 and not is_possible(f)}
    if len(names) < 2:
        return findings
    longest = max(map(len, names))
    taken = {(f.start, f.end) for f in findings}
    out = []
    for f in findings:
        if f.entity_type == "PERSON":
            # the longest known name that the text at this place reads (a few slices per finding)
            end = next((f.start + n for n in range(longest, len(f.text), -1)
                        if document.text[f.start:f.start + n] in names), None)
            if end is not None and (f.start, end) not in taken:
                why = "（按文中其他位置的同名补全 / completed to the same name found elsewhere in the document）"
                f = dataclasses.replace(f, end=end, text=document.text[f.start:end],
                                        locator=document.locate(f.start, end), explanation=f.explanation + why)
        out.append(f)
    return out


_HAN_CHAR = re.compile("[\u3400-\u9fff]")
_SPACE_RUN = re.compile(r"\s+")
SAME_NAME = "SameNameRule"
# names × characters searched (str.find over the text without whitespace): a few milliseconds at most. Above
# it (a roster of thousands of names: its name column already finds every cell) the step is left out.
SAME_NAME_BUDGET = 30_000_000


def same_names(document: Document, findings: list[Finding], threshold: float | None = None) -> list[Finding]:
    """Every other occurrence of a name the document names with confidence, found where the model missed it or
    took it for a weak candidate: written across a line break (唐⏎国华, 阿⏎苏拉惹: PDF text breaks lines inside
    words), padded (雷　鸣) or in a sentence the model read otherwise (…的阿苏拉惹驾驶…).

    Why: a reviewer expects one person to be found wherever the name stands, and a copy that masks a name in
    one place and leaves it in the next discloses it all the same. Names of three characters or more (and ·
    names) are taken anywhere; a two-character name that is no ordinary word only where it stands alone
    (between non-Han characters), since it is too often the start of a longer word or name. A name inside an
    organisation, an address or another finding already made is left to that finding.
    """
    limit = get_engine().config.default_threshold if threshold is None else float(threshold)
    text = document.text
    sure = [f for f in findings if f.entity_type == "PERSON" and not is_possible(f) and f.score >= limit]
    names: dict[str, Finding] = {}
    for f in sure:
        name = "".join(f.text.split())
        if len(name) >= 3 or (len(name) == 2 and name not in common_words()):
            if name not in names or names[name].score < f.score:
                names[name] = f
    if not names:
        return findings
    # the text without whitespace, and where each removed run was (to map offsets back)
    runs = [(m.start(), m.end()) for m in _SPACE_RUN.finditer(text)]
    squeezed = _SPACE_RUN.sub("", text) if runs else text
    if len(names) * len(squeezed) > SAME_NAME_BUDGET:
        return findings
    kept_before: list[int] = []  # for each run: the squeezed offset of the character after it
    removed_upto = [0]  # characters removed by the first k runs
    for a, b in runs:
        kept_before.append(a - removed_upto[-1])
        removed_upto.append(removed_upto[-1] + b - a)

    def original(i: int) -> int:
        return i + removed_upto[bisect.bisect_right(kept_before, i)]

    sure_ids = {id(f) for f in sure}
    persons = [f for f in findings if f.entity_type == "PERSON"]
    others = sorted((f.start, f.end) for f in findings if f.entity_type != "PERSON")
    removed: set[int] = set()
    added: list[Finding] = []
    why = "（同一文档中已确认的姓名在此处再次出现 / the same name, found with confidence elsewhere in the document）"
    for name, source in sorted(names.items(), key=lambda item: -len(item[0])):
        i = squeezed.find(name)
        while i >= 0:
            start, end = original(i), original(i + len(name) - 1) + 1
            i = squeezed.find(name, i + 1)
            if text.count("\n", start, end) > 1 or _overlapping(others, start, end):
                continue  # across paragraphs, or inside an organisation or address found
            hits = [f for f in persons + added if id(f) not in removed and f.start < end and start < f.end]
            # a model span one character longer than the name, seen nowhere else (辅警苟磊蹚过: 苟　磊 in the list
            # above tells where the name ends), is cut back to it
            longer = [f for f in hits if id(f) in sure_ids and f.start == start and f.end == end + 1
                      and squeezed.count("".join(f.text.split())) == 1]
            if not longer and len(name) == 2 and ((start > 0 and _HAN_CHAR.match(text[start - 1]))
                                                  or (end < len(text) and _HAN_CHAR.match(text[end]))):
                continue
            removed.update(id(f) for f in longer)
            hits = [f for f in hits if f not in longer]
            # a weak candidate, or a sure span the model cut inside this occurrence (苏拉惹 of 阿⏎苏拉惹), gives way
            if any(id(f) in sure_ids and (f.start < start or end < f.end or (f.start, f.end) == (start, end))
                   for f in hits) or any(f.recognizer == SAME_NAME for f in hits):
                continue
            removed.update(id(f) for f in hits)
            added.append(dataclasses.replace(source, start=start, end=end, text=text[start:end],
                                             locator=document.locate(start, end), recognizer=SAME_NAME,
                                             explanation=source.explanation + why))
    if not added:
        return findings
    return [f for f in findings if id(f) not in removed] + added


_BROKEN_TAIL = re.compile("[ \\t\\u3000]*\\n[ \\t\\u3000]*([\\u3400-\\u9fff])(?=[（(，,、。；;：:）)\\s]|$)")


LINE_OF_PROSE = 20  # characters: a line of a paragraph, not a table cell (a roster's 王琴⏎男 is two cells)


def line_broken_names(document: Document, findings: list[Finding]) -> list[Finding]:
    """A two-character name whose last character the line break carried to the next line, alone before a
    delimiter (…、欧阳明、邓建⏎华（采购人代表）): PDF text breaks lines inside names, and the model stops at
    the break. Extended over the break to the three-character name, on a line of running text only."""
    text = document.text
    out = []
    for f in findings:
        if f.entity_type == "PERSON" and len(f.text) == 2 and not is_possible(f) \
                and (m := _BROKEN_TAIL.match(text, f.end)) is not None and m.group(1) not in "男女" \
                and f.end - text.rfind("\n", 0, f.start) > LINE_OF_PROSE \
                and not any(o is not f and o.start < m.end() and f.end < o.end for o in findings):
            why = "（名字的最后一个字被换行移到下一行，已连上 / the name's last character wrapped to the next line）"
            f = dataclasses.replace(f, end=m.end(), text=text[f.start:m.end()],
                                    locator=document.locate(f.start, m.end()), explanation=f.explanation + why)
        out.append(f)
    return out


def _overlapping(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (end, -1))
    return any(s < end and start < e for s, e in spans[max(0, i - 16):i])


def analyze_patterns(document: Document, *, threshold: float | None = None) -> list[Finding]:
    """Only the pattern recognizers (no NER, no restricted content): for benchmarks and quick checks."""
    return sorted(_personal(document, threshold=threshold, ner=False), key=lambda f: (f.start, f.end))


PARALLEL_MIN_CHARS = 60_000  # below this the helper's start-up and messages cost more than they save
SMALLEST_CHUNK = 4_000  # the tail of shared work: smaller chunks cost more per character than they save


def _personal(document: Document, *, threshold: float | None, ner: bool,
              progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None,
              side: Callable[[], object] | None = None, cells: Sequence[Block] = ()) -> list[Finding]:
    """Chunks of consecutive blocks, then each table column with its header as context. `side()` is
    called once, during the shared work when a helper takes part (so the helper takes more chunks),
    else after the chunks."""
    engine = get_engine()
    limit = engine.config.default_threshold if threshold is None else float(threshold)
    if not 0.0 <= limit <= 1.0:
        raise InvalidThreshold(limit)
    blocks = document.blocks
    # --- column semantics (issue 28, detection/columns.py): the cells of a column whose header says what it
    # holds are found as a column; the cells that fully explains skip the passes below, the rest go on.
    by_column = column_findings(document, cells)
    answered = by_column.answered
    columns = column_groups(blocks)
    in_column = {i for _, indices in columns.values() for i in indices} | answered
    groups: list[tuple[list[Block], tuple[str, ...]]] = [
        (chunk, ()) for chunk in _chunks([b for i, b in enumerate(blocks) if i not in in_column],
                                         engine.config.chunk_chars)]
    for header, indices in columns.values():
        groups.extend((chunk, (header,)) for chunk in _chunks([blocks[i] for i in indices if i not in answered],
                                                              engine.config.chunk_chars))
    done = len(answered)
    processes = min(engine.config.processes, os.cpu_count() or 1)
    if ner and engine.has_ner and processes > 1 and len(groups) > 1 and len(document.text) >= PARALLEL_MIN_CHARS:
        from threadpoolctl import threadpool_limits

        from reviewer.core.detection import parallel

        def finished(n: int) -> None:
            nonlocal done
            done += n
            if progress is not None:
                progress(done, len(blocks))

        def convert(placed: list[tuple[RecognizerResult, int, int]]) -> list[Finding]:
            return [_finding(document, r, s, e) for r, s, e in placed]

        def local(chunk: list[Block], context: tuple[str, ...]) -> list[Finding]:
            return convert(placed_chunk(engine, chunk, limit, cancelled, ner=ner, context=context))

        work = _graded(groups, engine.config.chunk_chars, processes)
        with threadpool_limits(1):  # the helpers have the other cores
            return by_column.merge(parallel.run_shared(
                str(engine.config.path), work, limit, ner, local, finished, lambda: _check(cancelled),
                workers=processes - 1, convert=convert, side=side), limit)
    findings: list[Finding] = []
    step = max(1, len(blocks) // 200)  # NER is slow: report within a chunk too, at most ~200 times
    for chunk, context in groups:
        _check(cancelled)

        def within(k: int, base: int = done) -> None:
            if progress is not None and k % step == 0:
                progress(base + k, len(blocks))

        findings.extend(_finding(document, r, s, e) for r, s, e in
                        placed_chunk(engine, chunk, limit, cancelled, ner=ner, context=context, report=within))
        done += len(chunk)
        if progress is not None:
            progress(done, len(blocks))
    if side is not None:
        _check(cancelled)
        side()
    return by_column.merge(findings, limit)


def _check(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise DetectionCancelled()


def _chunks(blocks: Sequence[Block], size: int) -> list[list[Block]]:
    """Runs of blocks holding about `size` characters each (a longer block is a chunk of its own)."""
    chunks: list[list[Block]] = []
    current: list[Block] = []
    length = 0
    for block in blocks:
        current.append(block)
        length += len(block.text) + 1
        if length >= size:
            chunks.append(current)
            current, length = [], 0
    if current:
        chunks.append(current)
    return chunks


def _graded(groups: list[tuple[list[Block], tuple[str, ...]]], size: int,
            workers: int) -> list[tuple[list[Block], tuple[str, ...]]]:
    """The groups' blocks, in order, cut again: each chunk about `size` characters and at most a quarter
    of what is left per worker, at least SMALLEST_CHUNK characters (consecutive groups with one context
    are one run). Why: a chunk a process has started cannot be taken back, so the last ones decide how
    long the other process waits."""
    remaining = sum(len(b.text) + 1 for blocks, _ in groups for b in blocks)
    out: list[tuple[list[Block], tuple[str, ...]]] = []
    current: list[Block] = []
    length = 0
    context: tuple[str, ...] = ()
    for blocks, group_context in groups:
        if current and group_context != context:
            out.append((current, context))
            remaining -= length
            current, length = [], 0
        context = group_context
        for block in blocks:
            current.append(block)
            length += len(block.text) + 1
            if length >= max(SMALLEST_CHUNK, min(size, remaining // (4 * workers))):
                out.append((current, context))
                remaining -= length
                current, length = [], 0
    if current:
        out.append((current, context))
    return out


def placed_chunk(engine: DetectionEngine, blocks: Sequence[Block], limit: float,
                 cancelled: Callable[[], bool] | None, *, ner: bool, context: tuple[str, ...] = (),
                 report: Callable[[int], None] | None = None) -> list[tuple[RecognizerResult, int, int]]:
    """Patterns over the chunk's normalised blocks joined by "\n" (no pattern crosses a newline); a
    second pass over blocks with identifiers broken across lines; then NER. Results are placed in
    document offsets (blocks carry their own), so a helper process needs only the blocks."""
    norms = _normalize_blocks(blocks)
    joined, to_document = _join(blocks, norms)
    raw = engine.analyze_patterns(joined, threshold=limit, context=context)
    kept = resolve_overlaps([(r, *to_document(r.start, r.end)) for r in raw], engine.priority)
    kept.extend(_wrapped(engine, blocks, norms, kept, limit, context))
    placed = list(kept)
    if ner and engine.has_ner:
        covered = sorted((s, e) for _, s, e in kept)
        placed.extend(item for item in ner_chunk(engine, blocks, limit, cancelled, report)
                      if not _inside(covered, item[1], item[2]))
    numbers = [to_document(start, end) for start, end in document_numbers(joined)]
    if numbers:
        placed = [p for p in (_before_number(p, numbers) for p in placed) if p is not None]
    return placed


def _before_number(placed: tuple[RecognizerResult, int, int],
                   numbers: list[tuple[int, int]]) -> tuple[RecognizerResult, int, int] | None:
    """A result that overlaps a document number is dropped, except an address that the number only ends
    (…龙城路38号柳城教函〔2024〕36号文件: the address is cut where the issuer begins; guard() checks the rest)."""
    r, start, end = placed
    hits = [s for s, e in numbers if start < e and s < end]
    if not hits:
        return placed
    if r.entity_type == "CN_ADDRESS" and min(hits) > start:
        return r, start, min(hits)
    return None


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of `spans` (sorted, non-overlapping: kept pattern results)."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][1] >= end


def _normalize_blocks(blocks: Sequence[Block]) -> list[NormalizedText]:
    """Each block normalised; in one pass over the chunk when nothing is removed (the usual case)."""
    whole = normalize("\n".join(b.text for b in blocks))
    if not whole.removed:
        norms, position = [], 0
        for b in blocks:
            norms.append(NormalizedText(whole.text[position:position + len(b.text)]))
            position += len(b.text) + 1
        return norms
    return [normalize(b.text) for b in blocks]


def _join(blocks: Sequence[Block], texts: Sequence[NormalizedText]) -> tuple[str, Callable[[int, int], tuple[int, int]]]:
    """Join normalised block texts with "\n"; return the text and a map from its spans to the document."""
    offsets: list[int] = []
    position = 0
    for t in texts:
        offsets.append(position)
        position += len(t.text) + 1

    def to_document(s: int, e: int) -> tuple[int, int]:
        i = bisect.bisect_right(offsets, s) - 1
        ls, le = texts[i].span_to_original(s - offsets[i], e - offsets[i])
        return blocks[i].start + ls, blocks[i].start + le

    return "\n".join(t.text for t in texts), to_document


def _wrapped(engine: DetectionEngine, blocks: Sequence[Block], norms: Sequence[NormalizedText],
             kept: list[tuple[RecognizerResult, int, int]], limit: float,
             context: tuple[str, ...]) -> list[tuple[RecognizerResult, int, int]]:
    """Identifiers broken across lines (PDF page text): found in the blocks with those breaks removed,
    kept only where a result spans a removed break and overlaps nothing found in the first pass."""
    candidates = [(i, u) for i, n in enumerate(norms) if "\n" in n.text and (u := unwrap_lines(n.text))]
    if not candidates:
        return []
    unwrapped = [u for _, u in candidates]
    offsets = [0]
    for u in unwrapped[:-1]:
        offsets.append(offsets[-1] + len(u.text) + 1)
    raw = engine.analyze_patterns("\n".join(u.text for u in unwrapped), threshold=limit, context=context)
    taken = [(s, e) for _, s, e in kept]
    out: list[tuple[RecognizerResult, int, int]] = []
    for r, _, _ in resolve_overlaps([(r, r.start, r.end) for r in raw], engine.priority):
        k = bisect.bisect_right(offsets, r.start) - 1
        local = (r.start - offsets[k], r.end - offsets[k])
        if not unwrapped[k].spans_a_cut(*local):
            continue
        i = candidates[k][0]
        s, e = norms[i].span_to_original(*unwrapped[k].span_to_original(*local))
        s, e = blocks[i].start + s, blocks[i].start + e
        if any(s < te and ts < e for ts, te in taken):
            continue
        out.append((r, s, e))
    return out


def resolve_overlaps(placed: list[tuple[RecognizerResult, int, int]],
                     priority: dict[str, int]) -> list[tuple[RecognizerResult, int, int]]:
    """Where two pattern findings overlap, keep the better one: higher score, then the one whose
    context word was found, then the recognizer listed first in the configuration, then the longer."""
    def rank(item: tuple[RecognizerResult, int, int]) -> tuple:
        r, s, e = item
        ctx = bool(r.analysis_explanation and r.analysis_explanation.supportive_context_word)
        return (-r.score, not ctx, priority.get(r.recognition_metadata.get(_NAME, ""), 99), -(e - s), s)

    kept: list[tuple[RecognizerResult, int, int]] = []
    starts: list[int] = []  # kept spans never overlap, so sorted starts imply sorted ends
    ends: list[int] = []
    for item in sorted(placed, key=rank):
        _, s, e = item
        i = bisect.bisect_left(starts, e)  # kept spans starting before this one ends
        if i and ends[i - 1] > s:
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        kept.append(item)
    return kept


def ner_chunk(engine: DetectionEngine, blocks: Sequence[Block], limit: float, cancelled: Callable[[], bool] | None,
         report: Callable[[int], None] | None = None) -> list[tuple[RecognizerResult, int, int]]:
    """NER per block (long blocks in segments), only where there are Chinese characters, via nlp.pipe.
    `report(k)` is called when the chunk's k-th block is done."""
    segments = [(k, block, start, text, unpad(text)) for k, block in enumerate(blocks, 1)
                if CHINESE.search(block.text) for start, text in _segments(block.text, NER_SEGMENT)]
    placed: list[tuple[RecognizerResult, int, int]] = []
    texts = (norm.text for _, _, _, _, norm in segments)
    for (k, block, offset, original, norm), artifacts in zip(segments, engine.ner_artifacts(texts), strict=True):
        _check(cancelled)
        text = norm.text
        following = next((b.text.lstrip() for b in blocks[k:] if b.text.strip()), "")
        for r in engine.analyze_ner(text, artifacts, threshold=min(limit, FLOOR)):
            value = text[r.start:r.end]
            if r.score < limit:  # below the bar: a possible name (tier 2) if it looks like one, else nothing
                if r.entity_type != "PERSON" or not plausible(value):
                    continue
                r.recognition_metadata[METADATA_KEY] = POSSIBLE
            if r.entity_type == "PERSON" and any(mark in value for mark in _DEIDENTIFIED_MARKS):
                continue  # 张某, 李某某: already de-identified
            s, e = norm.span_to_original(r.start, r.end)
            if r.entity_type == "PERSON" and offset + e == len(block.text) \
                    and word_broken_by_line(text[:r.end] + "\n" + following[:1], r.end):
                continue  # 牵头单位：市发 / 展改革委: a PDF line pasted as a paragraph of its own
            start = block.start + offset
            placed.append((r, start + s, start + e))
        placed.extend(_padded(block.start + offset, original, placed))
        if report is not None:
            report(k)
    return placed


PADDED_NAME = "PaddedNameRule"
PADDED_SCORE = 0.85


def _padded(base: int, text: str, placed: list[tuple[RecognizerResult, int, int]]
            ) -> list[tuple[RecognizerResult, int, int]]:
    """Padded two-character names (normalize.padded_names: 雷　鸣 after a unit, 何　平 after 局长) that the model did
    not mark: the padding is the evidence. A model span that overlaps one and stays within a character of it
    (何平介 of 局长何　平介绍) gives way to it."""
    out = []
    for s, e in padded_names(text):
        start, end = base + s, base + e
        hits = [p for p in placed if p[0].entity_type == "PERSON" and p[1] < end and start < p[2]]
        if any(p[1:] == (start, end) or p[1] < start - 1 or p[2] > end + 1 for p in hits):
            continue
        for p in hits:
            placed.remove(p)
        why = "补齐宽度的两字姓名（姓与名之间加空格） / a two-character name padded with a space to the width of three"
        explanation = AnalysisExplanation(recognizer=PADDED_NAME, original_score=PADDED_SCORE, textual_explanation=why)
        out.append((RecognizerResult(entity_type="PERSON", start=s, end=e, score=PADDED_SCORE,
                                     analysis_explanation=explanation,
                                     recognition_metadata={_NAME: PADDED_NAME}), start, end))
    return out


def _segments(text: str, size: int) -> list[tuple[int, str]]:
    """`text` cut after a sentence end (。！？；) near every `size` characters: spaCy refuses very long
    texts and a character-level NER model gains nothing from seeing a whole page at once."""
    if len(text) <= size:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = max(text.rfind(p, start + size // 2, end) for p in "。！？；\n")
            end = cut + 1 if cut >= 0 else end
        out.append((start, text[start:end]))
        start = end
    return out


def _finding(document: Document, r: RecognizerResult, start: int, end: int) -> Finding:
    e = r.analysis_explanation
    attributes = {}
    if e is not None and e.validation_result is not None:
        attributes["validated"] = bool(e.validation_result)
    if e is not None and e.supportive_context_word:
        attributes["context_word"] = e.supportive_context_word
    f = Finding(entity_type=r.entity_type, start=start, end=end, text=document.text[start:end],
                score=round(float(r.score), 4), recognizer=r.recognition_metadata.get(_NAME, ""),
                explanation=explain(r), category=category_of(r.entity_type),
                locator=document.locate(start, end), attributes=attributes)
    if r.recognition_metadata.get(METADATA_KEY) == POSSIBLE:
        f = possible(f, "模型识别为人名，但证据不足，分数低于阈值 / the model found a name on weak evidence, "
                        "scored below the threshold")
    return f


def _restricted(document: Document, threshold: float | None) -> list[Finding]:
    """Restricted-content findings from the rules in `classified/` (same threshold as the CLI's)."""
    from reviewer.core.detection.classified import detect

    return list(detect(document, threshold=threshold))

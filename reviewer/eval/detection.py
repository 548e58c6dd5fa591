"""`python -m reviewer.eval detection`: precision/recall/F1 per type on the labelled sentences.

The set (resources/eval/pi/labelled.jsonl, built from the hand-written sentences.txt) is run through
the real pipeline, `reviewer.core.detection.analyze`, as one document with one block per sentence.
A finding counts only if its type and exact span match a label. NER types (PERSON, CN_ADDRESS,
ORGANIZATION) have their own evaluation (`python -m reviewer.eval ner`) and are ignored here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.resources import resource

DATA = resource("eval", "pi", "labelled.jsonl")
STRUCTURED = ("CN_ID_CARD", "CN_MOBILE_PHONE", "CN_LANDLINE_PHONE", "EMAIL_ADDRESS", "CN_BANK_CARD", "CN_USCC",
              "CN_LICENSE_PLATE", "CN_PASSPORT", "CN_HK_MACAO_PERMIT", "IP_ADDRESS")
CONTEXTUAL = ("CN_QQ", "CN_WECHAT", "CN_BIRTH_DATE", "SENSITIVE_PERSONAL")
TYPES = STRUCTURED + CONTEXTUAL
# Acceptance (issue 3) for structured identifiers.
MIN_RECALL = 0.995
MIN_PRECISION = 0.99

Key = tuple[int, int, int, str]  # sentence id, start, end, type


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Evaluation:
    sentences: int
    per_type: dict[str, Score]
    structured: Score
    contextual: Score
    false_positives: list[tuple[Key, str]]
    false_negatives: list[tuple[Key, str]]

    @property
    def accepted(self) -> bool:
        return self.structured.recall >= MIN_RECALL and self.structured.precision >= MIN_PRECISION


def load(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(records: list[dict], *, threshold: float | None = None) -> Evaluation:
    from reviewer.core.detection import analyze
    from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat

    blocks = [Block(kind=BlockKind.LINE, part="eval", path=f"sentence {r['id']}", text=r["text"], line=r["id"])
              for r in records]
    data = "\n".join(r["text"] for r in records).encode("utf-8")
    document = Document.build(path=str(DATA), format=DocumentFormat.TXT, sha256=hashlib.sha256(data).hexdigest(),
                              size=len(data), blocks=blocks)
    gold = {(r["id"], s["start"], s["end"], s["type"]) for r in records for s in r["spans"]}
    predicted: set[Key] = set()
    for f in analyze(document, threshold=threshold):
        if f.entity_type in TYPES:
            block = document.block_at(f.start)
            predicted.add((block.line or 0, f.start - block.start, f.end - block.start, f.entity_type))
    text = {r["id"]: r["text"] for r in records}
    tp, fp, fn = Counter(), Counter(), Counter()
    for key in gold & predicted:
        tp[key[3]] += 1
    for key in predicted - gold:
        fp[key[3]] += 1
    for key in gold - predicted:
        fn[key[3]] += 1
    per_type = {t: Score(tp[t], fp[t], fn[t]) for t in TYPES}

    def total(types: tuple[str, ...]) -> Score:
        return Score(sum(tp[t] for t in types), sum(fp[t] for t in types), sum(fn[t] for t in types))

    return Evaluation(sentences=len(records), per_type=per_type, structured=total(STRUCTURED),
                      contextual=total(CONTEXTUAL),
                      false_positives=sorted((k, text[k[0]]) for k in predicted - gold),
                      false_negatives=sorted((k, text[k[0]]) for k in gold - predicted))


def report(ev: Evaluation, *, verbose: bool) -> str:
    lines = [f"{ev.sentences} labelled sentences (resources/eval/pi)", "",
             f"{'type':<22}{'gold':>6}{'found':>7}{'P':>9}{'R':>9}{'F1':>9}"]

    def row(name: str, s: Score) -> str:
        return f"{name:<22}{s.tp + s.fn:>6}{s.tp + s.fp:>7}{s.precision:>9.2%}{s.recall:>9.2%}{s.f1:>9.2%}"

    lines += [row(t, ev.per_type[t]) for t in TYPES]
    lines += ["", row("structured (micro)", ev.structured), row("contextual (micro)", ev.contextual), "",
              f"acceptance (structured recall >= {MIN_RECALL:.1%}, precision >= {MIN_PRECISION:.0%}): "
              + ("PASS" if ev.accepted else "FAIL")]
    if verbose:
        for title, items in (("false positives", ev.false_positives), ("false negatives", ev.false_negatives)):
            lines += ["", f"{title}:"]
            lines += [f"  #{k[0]} {k[3]} {t[k[1]:k[2]]!r}  in: {t}" for k, t in items] or ["  (none)"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reviewer.eval detection", description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=None, help="score threshold (default from config)")
    parser.add_argument("--data", type=Path, default=DATA, help="labelled JSON Lines file")
    parser.add_argument("-v", "--verbose", action="store_true", help="list false positives and negatives")
    parser.add_argument("--check", action="store_true", help="exit 1 unless the acceptance targets are met")
    args = parser.parse_args(argv)
    ev = evaluate(load(args.data), threshold=args.threshold)
    print(report(ev, verbose=args.verbose))
    return 1 if args.check and not ev.accepted else 0

"""``python -m reviewer.eval ner``: precision / recall / F1 of our NER per label and evaluation set.

Sets:
- ``gov``: the hand-written government-style set (resources/eval/ner/*.txt), scored AS SERVED: the spaCy
  pipeline inside presidio plus our recognizers and rules (PERSON, CN_ADDRESS, ORGANIZATION);
- ``gov_holdout``: a smaller hand-written set (resources/eval/ner/holdout/) never used for error analysis;
- ``cluener_dev``, ``resume_test``, ``msra_test``, ``weibo_test``: public test sets (see models/README.md),
  plus ``msra_test_no_lists``: MSRA test without its 8 unsegmented name-list sentences (a diagnostic),
  scored at model level (PERSON, LOCATION, ORGANIZATION spans, exact match). They live outside the repo
  (../shared/data/ner or $REVIEWER_NER_DATA); a missing set is reported, never silently skipped.
``--write`` stores the scores in models/zh_reviewer_ner/meta.json and models/README.md (``make model``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core.resources import PROJECT_ROOT

ROOT = PROJECT_ROOT
PIPELINE_DIR = ROOT / "models" / "zh_reviewer_ner"
GOV_DIR = ROOT / "resources" / "eval" / "ner"
README = ROOT / "models" / "README.md"
PUBLIC_SETS = ("cluener_dev", "resume_test", "msra_test", "msra_test_no_lists", "weibo_test")
LIST_NAMES = 10  # an MSRA sentence with this many names is an unsegmented name list (8 sentences, 35 % of names)
ALL_SETS = ("gov", "gov_holdout", *PUBLIC_SETS)
GOV_LABELS = {"P": "PERSON", "A": "CN_ADDRESS", "O": "ORGANIZATION"}
_MARK = re.compile(r"\{([^{}|]+)\|([PAO])\}")
SCORES_BEGIN, SCORES_END = "<!-- scores:begin -->", "<!-- scores:end -->"

Span = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class LabelScore:
    label: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f": round(self.f1, 4),
                "support": self.tp + self.fn}


@dataclass(frozen=True, slots=True)
class SetScore:
    name: str
    sentences: int
    chars: int
    labels: tuple[LabelScore, ...]
    errors: tuple[str, ...] = field(default=())

    def to_json(self) -> dict:
        return {"sentences": self.sentences, "chars": self.chars,
                "labels": {s.label: s.to_json() for s in self.labels}}


def parse_marked(line: str) -> tuple[str, list[Span]]:
    """``当事人：{罗建军|P}，住{…|A}`` -> plain text and (start, end, label) spans."""
    text, spans, pos, last = [], [], 0, 0
    for m in _MARK.finditer(line):
        text.append(line[last:m.start()])
        pos += m.start() - last
        surface = m.group(1)
        spans.append((pos, pos + len(surface), GOV_LABELS[m.group(2)]))
        text.append(surface)
        pos += len(surface)
        last = m.end()
    text.append(line[last:])
    plain = "".join(text)
    if "{" in plain or "|" in plain:
        raise ValueError(f"broken markup in evaluation line: {line!r}")
    return plain, spans


def gov_examples(directory: Path = GOV_DIR) -> list[tuple[str, list[Span]]]:
    examples = []
    for path in sorted(directory.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                examples.append(parse_marked(line.strip()))
    return examples


def public_examples(name: str) -> list[tuple[str, list[Span]]]:
    from reviewer.eval import corpora  # reads ../shared/data/ner (not shipped)

    reader = {"cluener_dev": lambda: corpora.cluener("dev"), "resume_test": lambda: corpora.resume("test"),
              "msra_test": lambda: corpora.msra("test"), "weibo_test": lambda: corpora.weibo("test"),
              "msra_test_no_lists": lambda: (ex for ex in corpora.msra("test")
                                             if sum(s[2] == "PERSON" for s in ex.spans) < LIST_NAMES)}[name]
    return [(ex.text, list(ex.spans)) for ex in reader()]


def score(gold: Sequence[Iterable[Span]], predicted: Sequence[Iterable[Span]], labels: Sequence[str]
          ) -> tuple[LabelScore, ...]:
    out = []
    for label in labels:
        tp = fp = fn = 0
        for g, p in zip(gold, predicted, strict=True):
            gs = {s for s in g if s[2] == label}
            ps = {s for s in p if s[2] == label}
            tp += len(gs & ps)
            fp += len(ps - gs)
            fn += len(gs - ps)
        out.append(LabelScore(label, tp, fp, fn))
    return tuple(out)


def load_pipeline(path: Path = PIPELINE_DIR):
    from reviewer.core.detection.ner import load_spacy_pipeline

    return load_spacy_pipeline(path)


def served_analyzer(path: Path = PIPELINE_DIR, lac_ensemble: bool = False):
    """A presidio AnalyzerEngine with only our three NER recognizers, built as the product builds it
    (reviewer.core.detection.engine): the pipeline loaded by path, lazy artifacts, the clause context
    enhancer of resources/analyzer.yaml."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NerModelConfiguration

    from reviewer.core.detection.config import DEFAULT_CONFIG, load_config
    from reviewer.core.detection.context import ClauseContextEnhancer
    from reviewer.core.detection.engine import PathSpacyNlpEngine
    from reviewer.core.detection.ner import build_recognizers

    ner_config = NerModelConfiguration(model_to_presidio_entity_mapping={
        "PERSON": "PERSON", "LOCATION": "LOCATION", "ORGANIZATION": "ORGANIZATION"})
    engine = PathSpacyNlpEngine(load_pipeline(path), "zh", ner_config)
    registry = RecognizerRegistry(supported_languages=["zh"])
    for recognizer in build_recognizers("zh", lac_ensemble=lac_ensemble):
        registry.add_recognizer(recognizer)
    ctx = load_config(DEFAULT_CONFIG).context
    return AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=["zh"],
                          context_aware_enhancer=ClauseContextEnhancer(
                              boost=ctx.boost, min_score_with_context=ctx.min_score_with_context,
                              prefix_chars=ctx.prefix_chars, suffix_chars=ctx.suffix_chars))


def evaluate_gov(path: Path = PIPELINE_DIR, name: str = "gov", lac_ensemble: bool = False) -> SetScore:
    examples = gov_examples(GOV_DIR / "holdout" if name == "gov_holdout" else GOV_DIR)
    analyzer = served_analyzer(path, lac_ensemble)
    predicted = []
    for text, _ in examples:
        results = analyzer.analyze(text=text, language="zh", score_threshold=0.5)
        predicted.append([(r.start, r.end, r.entity_type) for r in results])
    labels = score([g for _, g in examples], predicted, ("PERSON", "CN_ADDRESS", "ORGANIZATION"))
    return SetScore(name, len(examples), sum(len(t) for t, _ in examples), labels)


def evaluate_public(name: str, nlp) -> SetScore:
    examples = public_examples(name)
    predicted = [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
                 for doc in nlp.pipe((t for t, _ in examples), batch_size=256)]
    labels = score([g for _, g in examples], predicted, ("PERSON", "LOCATION", "ORGANIZATION"))
    return SetScore(name, len(examples), sum(len(t) for t, _ in examples), labels)


def benchmark(nlp, texts: Sequence[str], repeat: int = 2) -> dict[str, float]:
    """Characters per second of the spaCy NER stage (nlp.pipe, one process) on the given texts."""
    chars = sum(map(len, texts)) * repeat
    list(nlp.pipe(texts[:50]))
    begin = time.perf_counter()
    for _ in range(repeat):
        for _doc in nlp.pipe(texts, batch_size=256):
            pass
    return {"chars_per_second_1_process": round(chars / (time.perf_counter() - begin))}


def run(sets: Sequence[str], path: Path = PIPELINE_DIR, lac_ensemble: bool = False) -> dict[str, SetScore]:
    results: dict[str, SetScore] = {}
    nlp = None
    for name in sets:
        if name in ("gov", "gov_holdout"):
            results[name] = evaluate_gov(path, name, lac_ensemble)
            continue
        nlp = nlp or load_pipeline(path)
        results[name] = evaluate_public(name, nlp)
    return results


def format_table(results: dict[str, SetScore]) -> str:
    lines = ["| set | sentences | label | precision | recall | F1 | support |", "|---|---|---|---|---|---|---|"]
    for res in results.values():
        for s in res.labels:
            lines.append(f"| {res.name} | {res.sentences} | {s.label} | {s.precision:.3f} | {s.recall:.3f} "
                         f"| {s.f1:.3f} | {s.tp + s.fn} |")
    return "\n".join(lines)


def write(results: dict[str, SetScore], path: Path = PIPELINE_DIR, extra: dict | None = None) -> None:
    meta_path = path / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["reviewer_scores"] = {name: res.to_json() for name, res in results.items()}
    if extra:
        meta.setdefault("reviewer_benchmark", {}).update(extra)
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if README.exists():
        text = README.read_text(encoding="utf-8")
        if SCORES_BEGIN in text and SCORES_END in text:
            head, rest = text.split(SCORES_BEGIN, 1)
            _, tail = rest.split(SCORES_END, 1)
            README.write_text(f"{head}{SCORES_BEGIN}\n{format_table(results)}\n{SCORES_END}{tail}", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reviewer.eval ner", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", action="append", choices=ALL_SETS, help="evaluation set (default: all)")
    parser.add_argument("--model", type=Path, default=PIPELINE_DIR, help="pipeline directory")
    parser.add_argument("--write", action="store_true", help="store scores in meta.json and models/README.md")
    parser.add_argument("--bench", action="store_true", help="also measure characters per second")
    parser.add_argument("--lac", action="store_true", help="gov sets: serve with the LAC name ensemble")
    args = parser.parse_args(argv)
    sets = tuple(args.set or ALL_SETS)
    results = run(sets, args.model, args.lac)
    print(format_table(results))
    extra = None
    if args.bench:
        nlp = load_pipeline(args.model)
        texts = [t for t, _ in gov_examples()] + [t for t, _ in public_examples("cluener_dev")]
        extra = benchmark(nlp, texts)
        print(json.dumps(extra))
    if args.write and not args.lac:
        write(results, args.model, extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())

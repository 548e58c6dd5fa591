"""``make model``: build the corpora, train the NER, install it into models/zh_reviewer_ner, score it.

Steps (all seeded, CPU only):
1. corpora -> spaCy DocBins in models/training/corpus/ (gitignored; the public data never enters the repo):
   the public training splits, 20,000 generated government sentences, and a renamed copy of every public
   sentence with a person in it (``replace_names``); 30 % of the training sentences cut into PDF-like lines
   (``cut_lines``);
2. training with models/training/config.cfg into models/training/output/stage1/ (9,000 steps at most,
   learning rate decaying linearly from 0.002; stops after 2,000 steps without a better dev score);
3. copy the best checkpoint to models/zh_reviewer_ner and record provenance in its meta.json;
4. ``python -m reviewer.eval ner --write`` scores every evaluation set into meta.json and models/README.md;
5. ``python -m models.training.bench --write`` measures speed, load time, memory and size.
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import shutil
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from models import LABELS, PIPELINE_DIR
from models.training import govgen
from reviewer.core.detection.ner import char_tagger, gazetteer, lexicon  # noqa: F401  (register the factories)
from reviewer.core.detection.ner.bigrams import normalise  # also registers the reviewer_char_bigrams factory
from reviewer.eval import corpora

HERE = Path(__file__).resolve().parent
CORPUS_DIR = HERE / "corpus"
OUTPUT_DIR = HERE / "output"
SEED = 0
CLUENER_HOLDOUT = 1000  # CLUENER train sentences held out for model selection (CLUENER dev is a test set)
GOV_TRAIN, GOV_DEV = 20000, 600
GOV_LISTS_TRAIN, GOV_LISTS_DEV = 1500, 50  # generated rosters (govgen.generate_lists)
GOV_ENUM_TRAIN, GOV_ENUM_DEV = 2000, 50  # generated enumerations without persons (govgen.generate_enumerations)
GOV_CLAUSES_TRAIN = 0  # composed clauses (govgen.generate_clauses); experiments, the dev set does not change
AUGMENT_NAMES = True
FOREIGN_NAMES = 0.0  # share of the renamed copies' names that are foreign (govgen.foreign_person); experiments
REPEAT: dict[str, int] = {}  # source -> times it appears in the training set (experiments)
LINE_BREAKS = 0.3  # share of training sentences cut into PDF-like lines (``cut_lines``); 0 gives model O's corpus



def training_sets() -> tuple[list[tuple[str, corpora.Example]], list[tuple[str, corpora.Example]]]:
    rng = random.Random(SEED)
    cluener = list(corpora.cluener("train"))
    rng.shuffle(cluener)
    train = [("cluener", ex) for ex in cluener[CLUENER_HOLDOUT:]]
    train += [("resume", ex) for ex in corpora.resume("train")]
    train += [("msra_val", ex) for ex in corpora.msra("val")]
    train += [("people_daily", ex) for ex in corpora.people_daily("dev")]
    train += [("people_daily", ex) for ex in corpora.people_daily("test")]
    train += [("weibo", ex) for ex in corpora.weibo("train")]
    train += [("gov_generated", ex) for ex in govgen.generate(GOV_TRAIN, seed=1)]
    train += [("gov_lists", ex) for ex in govgen.generate_lists(GOV_LISTS_TRAIN, seed=4)]
    train += [("gov_enumerations", ex) for ex in govgen.generate_enumerations(GOV_ENUM_TRAIN, seed=6)]
    train += [("gov_clauses", ex) for ex in govgen.generate_clauses(GOV_CLAUSES_TRAIN, seed=8)]
    dev = [("cluener_holdout", ex) for ex in cluener[:CLUENER_HOLDOUT]]
    dev += [("resume_dev", ex) for ex in corpora.resume("dev")]
    dev += [("weibo_dev", ex) for ex in corpora.weibo("dev")]
    dev += [("gov_generated", ex) for ex in govgen.generate(GOV_DEV, seed=2)]
    dev += [("gov_lists", ex) for ex in govgen.generate_lists(GOV_LISTS_DEV, seed=5)]
    dev += [("gov_enumerations", ex) for ex in govgen.generate_enumerations(GOV_ENUM_DEV, seed=7)]
    # never train on a sentence that also appears in an evaluation set
    held = {normalise(ex.text) for ex in (*corpora.cluener("dev"), *corpora.resume("test"),
                                         *corpora.msra("test"), *corpora.weibo("test"))}
    train = [(src, ex) for src, ex in train if normalise(ex.text) not in held]
    if AUGMENT_NAMES:
        train += replace_names(train, seed=3)
    train += [item for item in train for _ in range(REPEAT.get(item[0], 1) - 1)]
    if LINE_BREAKS:
        cut = random.Random(SEED + 2000)  # its own stream: at 0 the corpus is that of earlier models
        train = [(src, cut_lines(ex, cut)) if cut.random() < LINE_BREAKS else (src, ex) for src, ex in train]
    rng.shuffle(train)
    return train, dev


def cut_lines(ex: corpora.Example, rng: random.Random, shortest: int = 12, longest: int = 40) -> corpora.Example:
    """The sentence as a text PDF's extraction gives it: a line break every ``shortest``–``longest``
    characters, wherever the line ends, mid-word included, but never inside an entity (the served side
    sees whole names). Why: no corpus has a line break inside a sentence, and a wider-window model (W,
    models/README.md) learnt to take a word opening a line (公民 of 公民身份号码) for a name."""
    inside = bytearray(len(ex.text) + 1)
    for start, end, _ in ex.spans:
        inside[start + 1:end] = b"\x01" * (end - start - 1)
    cuts, pos = [], rng.randint(shortest, longest)
    while pos < len(ex.text):
        while pos < len(ex.text) and inside[pos]:
            pos += 1
        if pos < len(ex.text):
            cuts.append(pos)
        pos += rng.randint(shortest, longest)
    if not cuts:
        return ex
    parts, last = [], 0
    for pos in cuts:
        parts.append(ex.text[last:pos])
        last = pos
    parts.append(ex.text[last:])
    spans = tuple((start + bisect.bisect_right(cuts, start), end + bisect.bisect_right(cuts, start), label)
                  for start, end, label in ex.spans)
    return corpora.Example("\n".join(parts), spans)


def replace_names(examples: list[tuple[str, corpora.Example]], seed: int) -> list[tuple[str, corpora.Example]]:
    """A copy of every sentence with a PERSON except the generated prose (public corpora and the generated
    rosters), each name swapped for a generated one.

    Why: the public corpora repeat a few thousand (often famous) names; the model should learn that a
    name is a name by its context and its surname, not by memory. Generated names sample surnames
    uniformly (compound and minority names included), so rare surnames that are also common words
    (陆, 田, 房, 宁, 白…) are seen as names too.
    """
    rng = random.Random(seed)
    foreign = random.Random(seed + 1000)  # its own stream: at 0 the copies are those of earlier models
    out = []
    for src, ex in examples:
        if src in ("gov_generated", "gov_clauses") or not any(label == "PERSON" for _, _, label in ex.spans):
            continue
        text, spans, shift, last = [], [], 0, 0
        for start, end, label in sorted(ex.spans):
            text.append(ex.text[last:start])
            if label != "PERSON":
                value = ex.text[start:end]
            elif FOREIGN_NAMES and foreign.random() < FOREIGN_NAMES:
                value = govgen.foreign_person(foreign)
            else:
                value = govgen.person(rng)
            spans.append((start + shift, start + shift + len(value), label))
            text.append(value)
            shift += len(value) - (end - start)
            last = end
        text.append(ex.text[last:])
        out.append((src + "_renamed", corpora.Example("".join(text), tuple(spans))))
    return out


def to_docbin(nlp, examples) -> DocBin:
    db = DocBin(store_user_data=False)
    for _, ex in examples:
        doc = nlp.make_doc(normalise(ex.text))
        ents = []
        for start, end, label in ex.spans:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and label in LABELS and span.text.strip():
                ents.append(span)
        doc.ents = spacy.util.filter_spans(ents)
        db.add(doc)
    return db


def build_corpus() -> dict[str, int]:
    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("zh")
    train, dev = training_sets()
    to_docbin(nlp, train).to_disk(CORPUS_DIR / "train.spacy")
    to_docbin(nlp, dev).to_disk(CORPUS_DIR / "dev.spacy")
    counts: dict[str, int] = {}
    for src, _ in train:
        counts[src] = counts.get(src, 0) + 1
    (CORPUS_DIR / "counts.json").write_text(json.dumps({"train": counts, "dev": len(dev)}, indent=1))
    return counts


def train(config: Path, output: Path, overrides: dict[str, object]) -> None:
    """``spacy train`` without its ``require_cpu()``, which would put back thinc's BLIS ops (3x slower here)."""
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_nlp

    from reviewer.core.detection.ner.ops import use_blas_ops

    output.mkdir(parents=True, exist_ok=True)
    use_blas_ops()
    config_ = spacy.util.load_config(config, interpolate=False, overrides={
        "paths.train": str(CORPUS_DIR / "train.spacy"), "paths.dev": str(CORPUS_DIR / "dev.spacy"),
        "paths.gazetteer": str(HERE / "gazetteer.tsv"), "paths.lexicon": str(HERE / "dictionary.txt"),
        **overrides})
    nlp = init_nlp(config_, use_gpu=-1)
    print("ops:", type(nlp.get_pipe("tok2vec").model.ops).__name__, flush=True)
    train_nlp(nlp, output, use_gpu=-1, stdout=sys.stdout, stderr=sys.stderr)


def install(best: Path) -> None:
    """Copy the best checkpoint into models/zh_reviewer_ner and describe it in meta.json."""
    if PIPELINE_DIR.exists():
        shutil.rmtree(PIPELINE_DIR)
    shutil.copytree(best, PIPELINE_DIR)
    config_path = PIPELINE_DIR / "config.cfg"  # training paths (machine-specific) are not part of the model
    config = spacy.util.load_config(config_path)
    for key in ("train", "dev", "source", "gazetteer", "lexicon"):
        if key in config["paths"]:
            config["paths"][key] = None
    config.to_disk(config_path)
    drop_strings(PIPELINE_DIR)
    meta_path = PIPELINE_DIR / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update({
        "name": "zh_reviewer_ner",
        "version": "1.0.0",
        "description": "Character-level Chinese NER (PERSON, LOCATION, ORGANIZATION) for disclosure review; "
                       "trained by models/training/train.py, see models/README.md",
        "license": "Proprietary model weights; trained on research corpora, see models/README.md",
        "sources": json.loads((CORPUS_DIR / "counts.json").read_text()),
    })
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")


def drop_strings(pipeline: Path) -> None:
    """Ship an empty vocab/strings.json. Every string the model meets is made again while it reads a text:
    characters by the tokenizer, bigrams and norms by reviewer_char_bigrams, words by reviewer_char_lexicon,
    labels by the entity layer; the features are hashes and need no stored string. The 376k strings
    training left (mostly bigrams) cost 0.25 s of load time and 70 MB per process, and 6.6 MB on disk.
    Dropping them changes no feature, vector or entity (the scores in meta.json are re-measured)."""
    (pipeline / "vocab" / "strings.json").write_text(json.dumps([]), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    global CORPUS_DIR, GOV_TRAIN, GOV_LISTS_TRAIN, GOV_ENUM_TRAIN, AUGMENT_NAMES, REPEAT, FOREIGN_NAMES, LINE_BREAKS
    global GOV_CLAUSES_TRAIN
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", type=Path, default=HERE / "config.cfg")
    parser.add_argument("--output", type=Path, default=OUTPUT_DIR)
    parser.add_argument("--skip-corpus", action="store_true", help="reuse the corpus directory")
    parser.add_argument("--corpus-dir", type=Path, default=CORPUS_DIR, help="where the DocBins go (experiments)")
    parser.add_argument("--gov-train", type=int, default=GOV_TRAIN, help="generated government sentences")
    parser.add_argument("--gov-lists", type=int, default=GOV_LISTS_TRAIN, help="generated rosters")
    parser.add_argument("--gov-enumerations", type=int, default=GOV_ENUM_TRAIN, help="generated enumerations")
    parser.add_argument("--gov-clauses", type=int, default=GOV_CLAUSES_TRAIN, help="generated composed clauses")
    parser.add_argument("--no-augment-names", action="store_true", help="without the renamed copies")
    parser.add_argument("--foreign-names", type=float, default=FOREIGN_NAMES,
                        help="share of the renamed copies' names that are foreign")
    parser.add_argument("--repeat", action="append", default=[], metavar="SOURCE=N",
                        help="repeat a source N times in the training set, e.g. cluener=2")
    parser.add_argument("--line-breaks", type=float, default=LINE_BREAKS,
                        help="share of training sentences cut into PDF-like lines")
    parser.add_argument("--teacher", action="append", default=[], type=Path, metavar="PIPELINE",
                        help="distil from these trained pipelines (their mean tag probabilities, distil.py)")
    parser.add_argument("--targets", type=Path, action="append", default=[],
                        help="the teachers' probabilities (npz): written with --teacher, else read; repeatable")
    parser.add_argument("--temperature", type=float, default=1.0,
                        help="with --teacher: soften the teachers' distributions (logits / temperature)")
    parser.add_argument("--gold-weight", type=float, default=0.5,
                        help="with --teacher: the gold tag's share of each character's target")
    parser.add_argument("--no-install", action="store_true", help="train only (experiments)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="config override, e.g. training.max_steps=20000")
    args = parser.parse_args(argv)
    CORPUS_DIR, GOV_TRAIN, AUGMENT_NAMES = args.corpus_dir, args.gov_train, not args.no_augment_names
    GOV_LISTS_TRAIN, GOV_ENUM_TRAIN, GOV_CLAUSES_TRAIN = args.gov_lists, args.gov_enumerations, args.gov_clauses
    FOREIGN_NAMES, LINE_BREAKS = args.foreign_names, args.line_breaks
    REPEAT = {k: int(v) for k, _, v in (item.partition("=") for item in args.repeat)}
    if not args.skip_corpus:
        print("corpus:", build_corpus(), flush=True)
    overrides = {}
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = json.loads(value) if value[:1] in "0123456789[{-" or value in ("true", "false") \
            else value
    if args.teacher or args.targets:
        from models.training import distil

        targets = args.targets or [CORPUS_DIR / "teachers.npz"]
        if args.teacher:
            count = distil.teacher_probabilities(args.teacher, CORPUS_DIR / "train.spacy", targets[0],
                                                 temperature=args.temperature)
            print("teachers:", count, "documents", flush=True)
        distil.install(targets, args.gold_weight)
    train(args.config, args.output / "stage1", overrides)
    best = args.output / "stage1" / "model-best"
    if args.no_install:
        return 0
    install(best)
    from models.training.bench import main as bench
    from reviewer.eval.ner import main as evaluate

    return evaluate(["--write"]) or bench(["--write"])


if __name__ == "__main__":
    sys.exit(main())

"""``make model``: build the corpora, train the NER, install it into models/zh_reviewer_ner, score it.

Steps (all seeded, CPU only):
1. corpora -> spaCy DocBins in models/training/corpus/ (gitignored; the public data never enters the repo);
2. ``spacy train`` with models/training/config.cfg into models/training/output/stage1/ (lr 0.002), then
   stage 2: config_finetune.cfg sources tok2vec + ner from stage 1's best checkpoint and trains on with
   lr 0.0005 and large batches into output/stage2/ (the stage-1 dev F1 had flattened at ~80.4);
3. copy stage 2's ``model-best`` to models/zh_reviewer_ner and record provenance in its meta.json;
4. ``python -m reviewer.eval ner --write`` scores every evaluation set into meta.json and models/README.md;
5. ``python -m models.training.bench --write`` measures speed, load time, memory and size.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from models import LABELS, PIPELINE_DIR
from models.training import corpora, govgen
from reviewer.core.detection.ner.bigrams import normalise  # also registers the reviewer_char_bigrams factory

HERE = Path(__file__).resolve().parent
CORPUS_DIR = HERE / "corpus"
OUTPUT_DIR = HERE / "output"
SEED = 0
CLUENER_HOLDOUT = 1000  # CLUENER train sentences held out for model selection (CLUENER dev is a test set)
GOV_TRAIN, GOV_DEV = 9000, 600



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
    dev = [("cluener_holdout", ex) for ex in cluener[:CLUENER_HOLDOUT]]
    dev += [("resume_dev", ex) for ex in corpora.resume("dev")]
    dev += [("weibo_dev", ex) for ex in corpora.weibo("dev")]
    dev += [("gov_generated", ex) for ex in govgen.generate(GOV_DEV, seed=2)]
    # never train on a sentence that also appears in an evaluation set
    held = {normalise(ex.text) for ex in (*corpora.cluener("dev"), *corpora.resume("test"),
                                         *corpora.msra("test"), *corpora.weibo("test"))}
    train = [(src, ex) for src, ex in train if normalise(ex.text) not in held]
    rng.shuffle(train)
    return train, dev


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
    from spacy.cli.train import train as spacy_train

    output.mkdir(parents=True, exist_ok=True)
    spacy_train(config, output, overrides={"paths.train": str(CORPUS_DIR / "train.spacy"),
                                           "paths.dev": str(CORPUS_DIR / "dev.spacy"), **overrides})


def install(best: Path) -> None:
    """Copy the best checkpoint into models/zh_reviewer_ner and describe it in meta.json."""
    if PIPELINE_DIR.exists():
        shutil.rmtree(PIPELINE_DIR)
    shutil.copytree(best, PIPELINE_DIR)
    config_path = PIPELINE_DIR / "config.cfg"  # training paths (machine-specific) are not part of the model
    config = spacy.util.load_config(config_path)
    for key in ("train", "dev", "source"):
        if key in config["paths"]:
            config["paths"][key] = None
    config.to_disk(config_path)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", type=Path, default=HERE / "config.cfg")
    parser.add_argument("--output", type=Path, default=OUTPUT_DIR)
    parser.add_argument("--finetune-config", type=Path, default=HERE / "config_finetune.cfg")
    parser.add_argument("--no-finetune", action="store_true", help="stage 1 only")
    parser.add_argument("--skip-corpus", action="store_true", help="reuse models/training/corpus/")
    parser.add_argument("--no-install", action="store_true", help="train only (experiments)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="config override, e.g. training.max_steps=20000")
    args = parser.parse_args(argv)
    if not args.skip_corpus:
        print("corpus:", build_corpus(), flush=True)
    overrides = {}
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = json.loads(value) if value[:1] in "0123456789[{-" or value in ("true", "false") \
            else value
    train(args.config, args.output / "stage1", overrides)
    best = args.output / "stage1" / "model-best"
    if not args.no_finetune:
        train(args.finetune_config, args.output / "stage2", {"paths.source": str(best)})
        best = args.output / "stage2" / "model-best"
    if args.no_install:
        return 0
    install(best)
    from models.training.bench import main as bench
    from reviewer.eval.ner import main as evaluate

    return evaluate(["--write"]) or bench(["--write"])


if __name__ == "__main__":
    sys.exit(main())

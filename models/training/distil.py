"""Distillation: train a model of the shipped size on the averaged tag probabilities of several teachers.

Why: every recipe peaks after 2–3 epochs, so the 56k training sentences, not the model's size, limit it, and
three seeds of R's recipe averaged at run time reach both public targets that one seed misses
(models/README.md, tenth session). An ensemble costs its size in speed at run time; a student would not.
Measured: at temperature 1 the students stay within the seeds' spread (the teachers are nearly one-hot on
the sentences they were trained on); softened teachers (``temperature`` 2–3) gave the best CLUENER scores
of that session but not MSRA's. Nothing shipped is trained this way.

The target of each character is ``gold_weight`` × gold tag + (1 − ``gold_weight``) × the teachers' mean
probabilities. Training only: ``install`` replaces the entity layer's loss in this process; the product
never imports this module.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy

from reviewer.core.detection.ner.char_tagger import CharEntityTagger, _gold_tags


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def teacher_probabilities(teachers: Sequence[Path], docbin: Path, out: Path, batch_size: int = 256,
                          temperature: float = 1.0) -> int:
    """The teachers' mean tag probabilities for every document of ``docbin``, written to ``out`` (npz:
    float16 rows, per-document offsets, text keys, the tag order). Returns the number of documents.
    A ``temperature`` above 1 softens each teacher's distribution (logits divided by it) before the mean:
    on sentences they were trained on, the teachers are nearly one-hot at 1."""
    import spacy
    from spacy.tokens import DocBin

    from reviewer.core.detection.ner import load_spacy_pipeline

    texts = [doc.text for doc in DocBin().from_disk(docbin).get_docs(spacy.blank("zh").vocab)]
    total, labels = None, None
    for path in teachers:
        nlp = load_spacy_pipeline(path)
        ner = nlp.get_pipe("ner")
        if labels is None:
            labels = ner.labels
        elif ner.labels != labels:
            raise ValueError(f"{path}: tags {ner.labels} differ from the first teacher's {labels}")
        rows: list[numpy.ndarray] = []
        original = ner.set_annotations

        decoder = ner._table()

        def capture(docs, scores, rows=rows, decoder=decoder):
            for s in scores:  # the decoder's own log-softmax, on logits / temperature
                logp, _ = decoder.log_probabilities(numpy.asarray(s, dtype="float64") / temperature)
                rows.append(numpy.exp(logp))

        ner.set_annotations = capture
        try:
            sizes = [len(doc) for doc in nlp.pipe(texts, batch_size=batch_size)]
        finally:
            ner.set_annotations = original
        if sizes != [len(r) for r in rows]:
            raise ValueError(f"{path}: the captured rows do not match the tokens")
        flat = numpy.concatenate(rows)
        total = flat if total is None else total + flat
    assert total is not None and labels is not None
    mean = (total / len(teachers)).astype("float16")
    lengths = numpy.array([len(r) for r in rows], dtype="int64")
    # raw bytes, not numpy's "S16": that strips a digest's trailing zero bytes
    keys = numpy.frombuffer(b"".join(_key(t) for t in texts), dtype="uint8").reshape(-1, 16)
    numpy.savez(out, probs=mean, lengths=lengths, keys=keys, labels=numpy.array(labels))
    return len(texts)


def load_targets(*paths: Path) -> tuple[dict[bytes, numpy.ndarray], tuple[str, ...]]:
    """One table from one or more target files (e.g. one per fold of the training set)."""
    table: dict[bytes, numpy.ndarray] = {}
    labels: tuple[str, ...] | None = None
    for path in paths:
        data = numpy.load(path)
        probs, lengths = data["probs"], data["lengths"]
        starts = numpy.concatenate(([0], numpy.cumsum(lengths)[:-1]))
        rows = zip(data["keys"], starts, lengths, strict=True)
        table.update((k.tobytes(), probs[s:s + n]) for k, s, n in rows)
        these = tuple(str(label) for label in data["labels"])
        if labels is not None and these != labels:
            raise ValueError(f"{path}: tags {these} differ from {labels}")
        labels = these
    if labels is None:
        raise ValueError("no target file")
    return table, labels


def install(paths: Sequence[Path], gold_weight: float) -> None:
    """Make ``CharEntityTagger.get_loss`` (this process) pull each character towards the mixed target."""
    table, labels = load_targets(*paths)

    def get_loss(self, examples, scores):
        if tuple(self.labels) != labels:
            raise ValueError(f"the student's tags {self.labels} differ from the teachers' {labels}")
        index = {tag: i for i, tag in enumerate(self.labels)}
        d_scores, loss = [], 0.0
        for eg, guess in zip(examples, scores, strict=True):
            guess = self.model.ops.to_numpy(guess)
            target = numpy.zeros_like(guess)
            gold = _gold_tags(eg)
            known = numpy.array([g is not None for g in gold], dtype=bool)
            rows = numpy.flatnonzero(known)
            target[rows, [index[gold[i]] for i in rows]] = 1.0
            soft = table.get(_key(eg.reference.text))
            if soft is None or len(soft) != len(guess):
                # silently falling back to the gold alone would train an ordinary model under this name
                raise ValueError(f"no teachers' probabilities for the training sentence "
                                 f"{eg.reference.text[:40]!r}: write the targets again for this corpus "
                                 "(train.py --teacher)")
            soft = soft.astype(guess.dtype)
            soft /= soft.sum(axis=1, keepdims=True)
            target = numpy.where(known[:, None], gold_weight * target + (1 - gold_weight) * soft, soft)
            d_scores.append(self.model.ops.asarray(guess - target))
            loss += float(-(target * numpy.log(numpy.maximum(guess, 1e-9))).sum())
        return loss, d_scores

    CharEntityTagger.get_loss = get_loss

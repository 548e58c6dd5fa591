"""The BILUO decoder of reviewer_char_ner: the stretch-wise Viterbi finds the best valid tag sequence."""

from __future__ import annotations

import itertools

import numpy
import pytest

from reviewer.core.detection.ner.char_tagger import _Table

LABELS = ("O", *(f"{p}-{k}" for k in ("LOCATION", "PERSON") for p in "BILU"))


def _valid(path: tuple[str, ...]) -> bool:
    open_kind = None
    for tag in path:
        prefix, _, kind = tag.partition("-")
        if open_kind is None and prefix in "IL" or open_kind is not None and (prefix not in "IL" or kind != open_kind):
            return False
        open_kind = kind if prefix in "BI" else None
    return open_kind is None


def _spans(path: tuple[str, ...]) -> list[tuple[int, int, str]]:
    spans, start = [], 0
    for j, tag in enumerate(path):
        prefix, _, kind = tag.partition("-")
        if prefix in "BU":
            start = j
        if prefix in "LU":
            spans.append((start, j + 1, kind))
    return spans


@pytest.mark.parametrize("seed", range(40))
def test_decode_equals_brute_force_over_valid_sequences(seed: int) -> None:
    rng = numpy.random.default_rng(seed)
    n = int(rng.integers(1, 6))
    scores = rng.normal(size=(n, len(LABELS))).astype("float32") * 3
    if seed % 3 == 0:
        scores[:, 0] += 6  # mostly confident O: exercises the stretch splitting
    table = _Table(LABELS)
    top = scores.max(axis=1, keepdims=True)
    logp = scores - top - numpy.log(numpy.exp(scores - top).sum(axis=1, keepdims=True))
    # characters sure to be O are fixed; the rest is searched exhaustively
    fixed = logp[:, 0] >= table.SURE_OUT
    choices = [("O",) if f else LABELS for f in fixed]
    best = max((p for p in itertools.product(*choices) if _valid(p)),
               key=lambda p: sum(logp[j, LABELS.index(t)] for j, t in enumerate(p)))
    assert table.decode(scores) == _spans(best)


def test_all_out_and_empty() -> None:
    table = _Table(LABELS)
    scores = numpy.zeros((5, len(LABELS)), dtype="float32")
    scores[:, 0] = 20
    assert table.decode(scores) == []
    assert table.decode(numpy.zeros((0, len(LABELS)), dtype="float32")) == []


def _stretch_viterbi(table: _Table, scores: numpy.ndarray) -> list[tuple[int, int, str]]:
    """Reference: Viterbi on every stretch of unsure characters, one stretch per search, no argmax shortcut."""
    logp, unsure = table.log_probabilities(scores)
    spans, j = [], 0
    while j < len(unsure):
        if not unsure[j]:
            j += 1
            continue
        k = j
        while k < len(unsure) and unsure[k]:
            k += 1
        spans += table._viterbi(logp, numpy.array([j]), numpy.array([k]))
        j = k
    return spans


@pytest.mark.parametrize("seed", range(30))
def test_argmax_shortcut_equals_viterbi_on_long_documents(seed: int) -> None:
    """Long documents with confident O, clean entities and noisy stretches: the shortcut (valid argmax
    paths taken as they are) gives exactly the spans of a Viterbi search on every stretch."""
    rng = numpy.random.default_rng(100 + seed)
    n = 400
    scores = rng.normal(size=(n, len(LABELS))).astype("float32")
    scores[:, 0] += rng.choice([12.0, 0.0], size=n, p=[0.7, 0.3])
    for start in rng.integers(0, n - 4, size=15):  # clean B-I-L entities
        kind = rng.choice(["LOCATION", "PERSON"])
        for offset, prefix in enumerate("BIL"):
            scores[start + offset] = -5
            scores[start + offset, LABELS.index(f"{prefix}-{kind}")] = 8
    table = _Table(LABELS)
    assert table.decode(scores) == _stretch_viterbi(table, scores)


def test_one_search_per_batch_finds_what_each_document_alone_would() -> None:
    """set_annotations searches the whole batch at once; on real sentences (MSRA test, with empty and
    whitespace-only documents between them) every document gets the spans its own scores decode to."""
    from reviewer.core.detection.ner import load_spacy_pipeline
    from reviewer.eval.corpora import DATA_DIR
    from reviewer.eval.ner import PIPELINE_DIR

    nlp = load_spacy_pipeline(PIPELINE_DIR)
    lines = (DATA_DIR / "msra" / "test" / "sentences.txt").read_text(encoding="utf-8").splitlines()[:300]
    texts = [line.replace(" ", "") for line in lines]
    texts[5:5] = ["", " ", "\n"]
    docs = [nlp.make_doc(t) for t in texts]
    for name, proc in nlp.pipeline:
        if name == "ner":
            break
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    ner = nlp.get_pipe("ner")
    scores = ner.predict(docs)
    ner.set_annotations(docs, scores)
    table = _Table(ner.labels)
    expected = [table.decode(s) for s in scores]
    assert [[(e.start, e.end, e.label_) for e in d.ents] for d in docs] == expected
    assert sum(map(len, expected)) > 200

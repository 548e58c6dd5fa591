"""Distillation (models/training/distil.py): the teachers' probabilities are stored per document and
found again by its text, and the entity layer's loss pulls towards gold and teachers in the given shares.
Runs the shipped pipeline as the teacher, on real corpus sentences."""

from __future__ import annotations

from itertools import islice

import numpy
import pytest
import spacy
from spacy.tokens import DocBin
from spacy.training import Example

from models import PIPELINE_DIR
from models.training import distil, train
from reviewer.core.detection.ner import load_spacy_pipeline
from reviewer.core.detection.ner.bigrams import normalise
from reviewer.core.detection.ner.char_tagger import CharEntityTagger
from reviewer.eval import corpora


@pytest.fixture(scope="module")
def nlp():
    return load_spacy_pipeline(PIPELINE_DIR)


def _zero_ending_text() -> str:
    """A text whose key ends with a zero byte (numpy's fixed-width bytes would drop it)."""
    for n in range(10_000):
        text = f"第{n}号：申请人王建华"
        if distil._key(text)[-1] == 0:
            return text
    raise AssertionError("no such text")


@pytest.fixture(scope="module")
def targets(tmp_path_factory, nlp):
    """Teacher probabilities of 60 MSRA sentences, a sentence with spaces and one whose key ends in 0."""
    texts = [normalise(ex.text) for ex in islice(corpora.msra("val"), 60)]
    texts += ["委员：叶澜 任承固 安韦友 宗文怡。", _zero_ending_text()]
    folder = tmp_path_factory.mktemp("distil")
    db = train.to_docbin(spacy.blank("zh"), [("test", corpora.Example(t, ())) for t in texts])
    db.to_disk(folder / "train.spacy")
    assert distil.teacher_probabilities([PIPELINE_DIR, PIPELINE_DIR], folder / "train.spacy",
                                        folder / "t.npz") == len(texts)
    return texts, folder / "t.npz"


def test_every_document_gets_one_probability_row_per_token(targets, nlp) -> None:
    texts, path = targets
    table, labels = distil.load_targets(path)
    assert labels == tuple(nlp.get_pipe("ner").labels)
    for text in texts:
        rows = table[distil._key(text)]
        assert len(rows) == len(nlp.make_doc(text))
        numpy.testing.assert_allclose(rows.astype("float64").sum(axis=1), 1.0, atol=2e-3)


def test_the_stored_probabilities_read_the_names_the_teacher_finds(targets, nlp) -> None:
    _, path = targets
    table, labels = distil.load_targets(path)
    text = "委员：叶澜 任承固 安韦友 宗文怡。"
    doc = nlp(text)
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("任承固", "PERSON") in found
    rows = table[distil._key(text)].astype("float64")
    best = [labels[i] for i in rows.argmax(axis=1)]
    tokens = [t.text for t in nlp.make_doc(text)]
    assert best[tokens.index("任"):tokens.index("固") + 1] == ["B-PERSON", "I-PERSON", "L-PERSON"]


def test_the_loss_mixes_gold_and_teachers_in_the_given_shares(targets, nlp, monkeypatch) -> None:
    _, path = targets
    monkeypatch.setattr(CharEntityTagger, "get_loss", CharEntityTagger.get_loss)  # restored afterwards
    ner = nlp.get_pipe("ner")
    labels = tuple(ner.labels)
    table, _ = distil.load_targets(path)
    text = "委员：叶澜 任承固 安韦友 宗文怡。"
    predicted = nlp.make_doc(text)
    reference = nlp.make_doc(text)
    reference.ents = [reference.char_span(6, 9, label="PERSON")]  # 任承固 only: gold and teacher differ
    example = Example(predicted, reference)
    rng = numpy.random.default_rng(0)
    guess = rng.dirichlet(numpy.ones(len(labels)), size=len(predicted)).astype("float32")
    gold = numpy.zeros_like(guess)
    for i, tag in enumerate(example.get_aligned_ner()):
        gold[i, labels.index(tag)] = 1.0
    soft = table[distil._key(text)].astype("float32")
    soft /= soft.sum(axis=1, keepdims=True)
    distil.install([path], gold_weight=0.3)
    loss, (d_scores,) = ner.get_loss([example], [guess])
    numpy.testing.assert_allclose(d_scores, guess - (0.3 * gold + 0.7 * soft), atol=1e-6)
    assert loss > 0
    # a character without gold (missing annotation) follows the teachers alone
    missing = nlp.make_doc(text)
    _, (d3,) = ner.get_loss([Example(nlp.make_doc(text), missing)], [guess])
    numpy.testing.assert_allclose(d3, guess - soft, atol=1e-6)
    # a sentence the teachers never saw is an error, not a silent fall back to the gold alone
    other, reference = nlp.make_doc("申请人李国强。"), nlp.make_doc("申请人李国强。")
    reference.ents = [reference.char_span(3, 6, label="PERSON")]
    with pytest.raises(ValueError, match="no teachers' probabilities"):
        ner.get_loss([Example(other, reference)], [guess[:len(other)]])


def test_a_student_with_other_tags_is_refused(targets, nlp, monkeypatch) -> None:
    _, path = targets
    monkeypatch.setattr(CharEntityTagger, "get_loss", CharEntityTagger.get_loss)
    data = dict(numpy.load(path))
    data["labels"] = data["labels"][::-1]
    other = path.with_name("reversed.npz")
    numpy.savez(other, **data)
    distil.install([other], gold_weight=0.5)
    doc = nlp.make_doc("申请人李国强。")
    with pytest.raises(ValueError, match="differ from the teachers"):
        nlp.get_pipe("ner").get_loss([Example(doc, nlp.make_doc(doc.text))], 
                                     [numpy.zeros((len(doc), 13), "f")])


def test_docbin_texts_are_the_keys(targets) -> None:
    """The loss looks a sentence up by the reference text that the corpus reader makes from the DocBin."""
    _, path = targets
    table, _ = distil.load_targets(path)
    docs = DocBin().from_disk(path.with_name("train.spacy")).get_docs(spacy.blank("zh").vocab)
    assert all(distil._key(doc.text) in table for doc in docs)
    assert distil._key(_zero_ending_text()) in table


def test_targets_of_several_folds_make_one_table_and_must_agree_on_tags(targets, tmp_path) -> None:
    texts, path = targets
    data = dict(numpy.load(path))
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    cut = int(data["lengths"][:10].sum())
    numpy.savez(first, probs=data["probs"][:cut], lengths=data["lengths"][:10], keys=data["keys"][:10],
                labels=data["labels"])
    numpy.savez(second, probs=data["probs"][cut:], lengths=data["lengths"][10:], keys=data["keys"][10:],
                labels=data["labels"])
    whole, _ = distil.load_targets(path)
    joined, _ = distil.load_targets(first, second)
    assert joined.keys() == whole.keys() and len(joined) == len(set(texts))
    assert all(numpy.array_equal(joined[k], whole[k]) for k in whole)
    numpy.savez(second, probs=data["probs"][cut:], lengths=data["lengths"][10:], keys=data["keys"][10:],
                labels=data["labels"][::-1])
    with pytest.raises(ValueError, match="differ"):
        distil.load_targets(first, second)


def test_a_temperature_softens_each_teacher_and_keeps_its_best_tag(targets, tmp_path) -> None:
    texts, path = targets
    soft = tmp_path / "soft.npz"
    distil.teacher_probabilities([PIPELINE_DIR], path.with_name("train.spacy"), soft, temperature=2.0)
    plain, _ = distil.load_targets(path)
    warm, _ = distil.load_targets(soft)
    for text in texts[:20]:
        p1 = plain[distil._key(text)].astype("float64")
        p2 = warm[distil._key(text)].astype("float64")
        root = numpy.sqrt(p1)  # softmax(z / 2) is proportional to softmax(z) ** 0.5
        numpy.testing.assert_allclose(p2, root / root.sum(axis=1, keepdims=True), atol=5e-3)
        assert (p2.argmax(axis=1) == p1.argmax(axis=1)).all()
        assert p2.max(axis=1).mean() < p1.max(axis=1).mean()


def test_train_distils_from_a_teacher_end_to_end(tmp_path, monkeypatch) -> None:
    """``train.py --teacher``: the teachers' file is written for the corpus, the loss is replaced, and a
    student trains (4 steps on 40 MSRA sentences)."""
    monkeypatch.setattr(CharEntityTagger, "get_loss", CharEntityTagger.get_loss)
    monkeypatch.setattr(train, "CORPUS_DIR", train.CORPUS_DIR)
    examples = [("msra_val", ex) for ex in islice(corpora.msra("val"), 40)]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    train.to_docbin(spacy.blank("zh"), examples).to_disk(corpus / "train.spacy")
    train.to_docbin(spacy.blank("zh"), examples[:10]).to_disk(corpus / "dev.spacy")
    original = CharEntityTagger.get_loss
    assert train.main(["--skip-corpus", "--corpus-dir", str(corpus), "--output", str(tmp_path / "out"),
                       "--no-install", "--teacher", str(PIPELINE_DIR), "--temperature", "2",
                       "--set", "training.max_steps=4", "--set", "training.eval_frequency=2"]) == 0
    table, _ = distil.load_targets(corpus / "teachers.npz")
    assert len(table) == len({normalise(ex.text) for _, ex in examples})
    assert CharEntityTagger.get_loss is not original
    assert (tmp_path / "out" / "stage1" / "model-last" / "ner").is_dir()

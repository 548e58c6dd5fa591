"""The inference tok2vec (folded embedding tables, fused encoder) gives the committed pipeline's vectors
and entities on real text (MSRA news sentences, the provincial work plan, a generated roster page), and
thinc's own results for other shapes of the same architecture."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy

from reviewer.core.detection.ner import load_spacy_pipeline
from reviewer.core.detection.ner.fast_tok2vec import install, installed
from reviewer.eval.corpora import DATA_DIR
from reviewer.eval.ner import PIPELINE_DIR

SEED = Path(__file__).resolve().parents[5] / "shared" / "seeds" / "chongqing-2018-disclosure-work-plan.txt"


def _texts() -> list[str]:
    msra = (DATA_DIR / "msra" / "test" / "sentences.txt").read_text(encoding="utf-8")
    seed = SEED.read_text(encoding="utf-8")
    roster = [f"补贴资金已发放至{name}的银行账户，联系人{name}，电话13800138000。"
              for name in ("王建国", "李晓梅", "欧阳明", "王建国", "赵子龙")] * 8
    return ([line.replace(" ", "") for line in msra.splitlines()[:400]]
            + [p for p in seed.splitlines() if p.strip()] + roster)


@pytest.fixture(scope="module")
def pipelines():
    return load_spacy_pipeline(PIPELINE_DIR, fast=False), load_spacy_pipeline(PIPELINE_DIR)


def test_the_served_pipeline_has_it_and_the_plain_one_does_not(pipelines) -> None:
    plain, fast = pipelines
    assert installed(fast) and not installed(plain)
    assert install(fast)  # installing twice is harmless
    names = [n.name for n in fast.get_pipe("tok2vec").model.walk()]
    assert names.count("folded_embed") == 1 and names.count("fused_encode") == 1


def test_same_vectors_and_entities_on_real_text(pipelines) -> None:
    plain, fast = pipelines
    texts = _texts()
    assert len(texts) > 400
    plain_docs = list(plain.pipe(texts, batch_size=64))
    fast_docs = list(fast.pipe(texts, batch_size=64))
    for a, b in zip(plain_docs, fast_docs, strict=True):
        numpy.testing.assert_allclose(a.tensor, b.tensor, rtol=1e-4, atol=1e-5)
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [
            (e.start_char, e.end_char, e.label_) for e in b.ents]
    assert sum(len(d.ents) for d in fast_docs) > 300  # real findings were compared, not empty docs


def test_batches_really_repeat_rows(pipelines) -> None:
    """What the speed-up rests on: a batch of real text repeats feature rows (MSRA: about two in five)."""
    _, fast = pipelines
    docs = _featured(fast, _texts()[:64])
    extract = fast.get_pipe("tok2vec").model.layers[0].layers[0].layers[0]
    assert extract.name == "extract_features"
    rows = numpy.concatenate(extract.predict(docs))
    unique = len(numpy.unique(rows, axis=0))
    assert 0.2 < unique / len(rows) < 0.9


def _featured(nlp, texts: list[str]) -> list:
    docs = [nlp.make_doc(t) for t in texts]
    for name, proc in nlp.pipeline:
        if name == "tok2vec":
            break
        docs = [proc(doc) for doc in docs]
    return docs


def test_training_runs_the_layers_it_replaced(pipelines) -> None:
    """is_train goes through thinc's layers (gradients exist only there); their output is the plain one
    (with dropout off: the saved model keeps its training rate of 0.1)."""
    from thinc.api import set_dropout_rate

    plain, fast = pipelines
    docs = _featured(fast, _texts()[:50])
    model = fast.get_pipe("tok2vec").model
    set_dropout_rate(model, 0.0)
    trained, backprop = model.begin_update(docs)
    assert callable(backprop)
    for a, b in zip(plain.get_pipe("tok2vec").model.predict(docs), trained, strict=True):
        numpy.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize(("width", "depth", "window", "pieces"), [(32, 2, 2, 3), (48, 4, 1, 2)])
def test_other_shapes_of_the_architecture_give_thincs_vectors(width, depth, window, pieces) -> None:
    """A freshly initialised MultiHashEmbed + MaxoutWindowEncoder of other widths, depths, windows and
    maxout pieces: the inference layers read those from the model and match thinc's forward pass."""
    nlp = spacy.blank("zh")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": width, "attrs": ["NORM", "SHAPE"],
                  "rows": [500, 50], "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": depth,
                   "window_size": window, "maxout_pieces": pieces}}})
    nlp.initialize()
    docs = [nlp.make_doc(t) for t in ["张三在北京工作。", "", "a", "补贴资金已发放至王建国的银行账户 13800138000"] * 3]
    model = nlp.get_pipe("tok2vec").model
    expected = model.predict(docs)
    assert install(nlp) and installed(nlp)
    for a, b in zip(expected, model.predict(docs), strict=True):
        assert a.shape == b.shape
        numpy.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-5)


def test_a_pipeline_of_another_shape_is_left_alone() -> None:
    nlp = spacy.blank("zh")
    assert not install(nlp)  # no tok2vec at all
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.CharacterEmbed.v2", "width": 32, "rows": 100, "nM": 16, "nC": 4,
                  "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 32, "depth": 1,
                   "window_size": 1, "maxout_pieces": 2}}})
    nlp.initialize()
    before = [n.name for n in nlp.get_pipe("tok2vec").model.walk()]
    assert not install(nlp) and not installed(nlp)
    assert [n.name for n in nlp.get_pipe("tok2vec").model.walk()] == before


def test_summed_rows_start_again_past_their_limit(pipelines, monkeypatch) -> None:
    """The per-value rows (characters, gazetteer marks, word-length codes) are a bounded store: past its
    limit it empties and fills again, and the vectors stay thinc's."""
    from reviewer.core.detection.ner.fast_tok2vec import _SummedRows

    plain, _ = pipelines
    monkeypatch.setattr(_SummedRows, "LIMIT", 50)
    clears = []
    clear = _SummedRows._clear
    monkeypatch.setattr(_SummedRows, "_clear", lambda self: (clears.append(1), clear(self)))
    fast = load_spacy_pipeline(PIPELINE_DIR)
    texts = _texts()[:120]
    for batch in range(0, len(texts), 20):
        docs = _featured(fast, texts[batch:batch + 20])
        for a, b in zip(plain.get_pipe("tok2vec").model.predict(docs), fast.get_pipe("tok2vec").model.predict(docs),
                        strict=True):
            numpy.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-5)
    assert len(clears) > 3  # once at load, then whenever the store passed its limit

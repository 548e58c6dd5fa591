"""The embedding computed once per distinct feature row gives the committed pipeline's vectors and
entities on real text (MSRA news sentences, the provincial work plan, a generated roster page)."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy

from reviewer.core.detection.ner import load_spacy_pipeline
from reviewer.core.detection.ner.embed_dedup import install, installed
from reviewer.eval.ner import PIPELINE_DIR

from models.training.corpora import DATA_DIR

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
    return load_spacy_pipeline(PIPELINE_DIR, dedup=False), load_spacy_pipeline(PIPELINE_DIR)


def test_the_served_pipeline_has_it_and_the_plain_one_does_not(pipelines) -> None:
    plain, dedup = pipelines
    assert installed(dedup) and not installed(plain)
    assert install(dedup)  # installing twice is harmless
    assert [n.name for n in dedup.get_pipe("tok2vec").model.walk()].count("dedup_rows") == 1


def test_same_vectors_and_entities_on_real_text(pipelines) -> None:
    plain, dedup = pipelines
    texts = _texts()
    assert len(texts) > 400
    plain_docs = list(plain.pipe(texts, batch_size=64))
    dedup_docs = list(dedup.pipe(texts, batch_size=64))
    for a, b in zip(plain_docs, dedup_docs, strict=True):
        numpy.testing.assert_allclose(a.tensor, b.tensor, rtol=1e-4, atol=1e-5)
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [
            (e.start_char, e.end_char, e.label_) for e in b.ents]
    assert sum(len(d.ents) for d in dedup_docs) > 300  # real findings were compared, not empty docs


def test_batches_really_repeat_rows(pipelines) -> None:
    """What the speed-up rests on: a batch of real text repeats feature rows (MSRA: about two in five)."""
    _, dedup = pipelines
    docs = [dedup.make_doc(t) for t in _texts()[:64]]
    for _, proc in dedup.pipeline:
        if proc is dedup.get_pipe("tok2vec"):
            break
        docs = [proc(doc) for doc in docs]
    embed = dedup.get_pipe("tok2vec").model.layers[0]
    rows = numpy.concatenate(embed.layers[0].predict(docs))
    unique = len(numpy.unique(rows, axis=0))
    assert 0.2 < unique / len(rows) < 0.9


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

"""The reviewer_char_bigrams component: the features the NER model was trained on."""

from __future__ import annotations

import spacy

import reviewer.core.detection.ner.bigrams  # noqa: F401


def test_bigrams_and_full_width_norms() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("reviewer_char_bigrams")
    doc = nlp("张三１２ＡB")
    assert [t.text for t in doc] == ["张", "三", "１", "２", "Ａ", "B"]  # offsets stay on the original text
    strings = nlp.vocab.strings
    assert [t.tag for t in doc] == [strings.add(b) for b in ["张三", "三1", "12", "2A", "AB", "B\u2402"]]
    assert [t.norm_ for t in doc] == ["张", "三", "1", "2", "a", "b"]


def test_empty_text() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("reviewer_char_bigrams")
    assert len(nlp("")) == 0


def test_memory_zone_releases_the_bigram_strings() -> None:
    """Long scans wrap their batches in nlp.memory_zone(): new bigrams do not accumulate."""
    nlp = spacy.blank("zh")
    nlp.add_pipe("reviewer_char_bigrams")
    nlp("预热")
    before = len(nlp.vocab.strings)
    with nlp.memory_zone():
        doc = nlp("甲乙丙丁戊己庚辛壬癸")
        assert doc[0].tag_ == "甲乙"
    assert len(nlp.vocab.strings) == before


def test_cached_features_equal_fresh_ones_in_and_out_of_memory_zones() -> None:
    """The caches only save work: the same texts give the same TAG/NORM arrays on a cold component,
    a warm one, and inside a memory zone (where nothing is cached)."""
    from spacy.attrs import NORM, TAG

    texts = ["张三１２ＡB", "a  b\n\n c ", "", "甲乙丙丁 戊己\u3000庚", "张三在北京", "Hello World "]
    cold = spacy.blank("zh")
    cold.add_pipe("reviewer_char_bigrams")
    expected = [cold(t).to_array([TAG, NORM]).tolist() for t in texts]
    warm = spacy.blank("zh")
    warm.add_pipe("reviewer_char_bigrams")
    for _ in range(2):
        assert [warm(t).to_array([TAG, NORM]).tolist() for t in texts] == expected
    with warm.memory_zone():
        assert [warm(t).to_array([TAG, NORM]).tolist() for t in texts] == expected
    assert [warm(t).to_array([TAG, NORM]).tolist() for t in texts] == expected

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

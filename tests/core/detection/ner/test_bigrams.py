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


def test_a_batch_gets_what_each_document_alone_gets() -> None:
    """`pipe` computes a batch's features together; each document's last character still pairs with
    END, and texts with whitespace or none at all come out as `__call__` makes them."""
    from spacy.attrs import NORM, TAG

    from reviewer.eval.corpora import DATA_DIR

    nlp = spacy.blank("zh")
    component = nlp.add_pipe("reviewer_char_bigrams")
    lines = (DATA_DIR / "msra" / "test" / "sentences.txt").read_text(encoding="utf-8").splitlines()[:300]
    texts = [line if i % 5 == 0 else line.replace(" ", "") for i, line in enumerate(lines)]
    texts[3:3] = ["", "Ａ", "", " 张三 ", "１２"]
    alone = [component(nlp.make_doc(t)).to_array([TAG, NORM]).tolist() for t in texts]
    batched = [d.to_array([TAG, NORM]).tolist() for d in component.pipe((nlp.make_doc(t) for t in texts), batch_size=50)]
    assert batched == alone
    with nlp.memory_zone():
        zoned = [d.to_array([TAG, NORM]).tolist() for d in component.pipe((nlp.make_doc(t) for t in texts), batch_size=50)]
    assert zoned == alone


def test_features_equal_the_per_character_definition_on_real_text() -> None:
    """TAG is the hash of a token's normalised text joined with the next token's (END after the last),
    NORM that of its lower-cased normalised text: checked token by token on 300 MSRA sentences, batched
    and alone, against the definition written out (the component finds them per distinct pair)."""
    from reviewer.core.detection.ner.bigrams import END, normalise
    from reviewer.eval.corpora import DATA_DIR

    nlp = spacy.blank("zh")
    component = nlp.add_pipe("reviewer_char_bigrams")
    strings = nlp.vocab.strings
    lines = (DATA_DIR / "msra" / "test" / "sentences.txt").read_text(encoding="utf-8").splitlines()[:300]
    texts = [line if i % 4 == 0 else line.replace(" ", "") for i, line in enumerate(lines)] + ["ＡＡａA", "张"]
    docs = list(component.pipe((nlp.make_doc(t) for t in texts), batch_size=64))
    docs += [component(nlp.make_doc(t)) for t in texts[:20]]
    checked = 0
    for doc in docs:
        words = [normalise(t.text) for t in doc] + [END]
        for i, token in enumerate(doc):
            assert token.tag == strings[words[i] + words[i + 1]]
            assert token.norm == strings[words[i].lower()]
            checked += 1
    assert checked > 10_000

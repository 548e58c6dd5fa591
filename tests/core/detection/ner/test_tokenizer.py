"""reviewer.CharTokenizer.v1 gives exactly spaCy's Chinese character tokens and trailing spaces."""

from __future__ import annotations

import random

import spacy
from spacy.lang.zh import ChineseTokenizer, Segmenter

from reviewer.core.detection.ner.tokenizer import CharTokenizer, doc_text


def test_same_tokens_and_spaces_as_spacy_on_random_texts() -> None:
    vocab = spacy.blank("zh").vocab
    ours, theirs = CharTokenizer(vocab), ChineseTokenizer(vocab, segmenter=Segmenter.char)
    rng = random.Random(4)
    alphabet = [*"中文张三ab1", " ", "  ", "\n", "\t", "\u3000", "\r\n", "\x1c", "\xa0", "\u2028", "１"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        a, b = ours(text), theirs(text)
        assert [(t.text, t.whitespace_) for t in a] == [(t.text, t.whitespace_) for t in b], repr(text)
        assert a.text == text
        assert doc_text(a) == doc_text(b) == text, repr(text)


def test_doc_text_of_docs_built_from_words() -> None:
    """Docs not made by our tokenizer (training examples, spaCy's own) give their text too."""
    vocab = spacy.blank("zh").vocab
    doc = spacy.tokens.Doc(vocab, words=["张三", "在", "北京", " ", "工作", "。"], spaces=[True, False, False, False, True, False])
    assert doc_text(doc) == doc.text == "张三 在北京 工作 。"
    assert doc_text(spacy.tokens.Doc(vocab, words=[])) == ""


def test_pipeline_uses_it() -> None:
    from models import PIPELINE_DIR
    from reviewer.core.detection.ner import load_spacy_pipeline

    assert isinstance(load_spacy_pipeline(PIPELINE_DIR).tokenizer, CharTokenizer)

"""Tokenizer ``reviewer.CharTokenizer.v1``: spaCy's Chinese character segmentation, without its aligner.

spaCy's ``ChineseTokenizer`` (segmenter "char") splits a text into characters and then re-aligns them with
``util.get_words_and_spaces``, a Python loop that slices the text once per character (about a fifth of
the whole NER time). The result is simple to state: every non-space character is a token, a single ASCII
space right after one becomes its trailing space, and any other run of whitespace is one token. This
produces the same tokens and spaces (checked against spaCy's on random texts in the tests).
"""

from __future__ import annotations

import re

from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.tokens import Doc
from spacy.util import registry

_WHITESPACE = re.compile(r"\s")
_TOKEN = re.compile(r"(\S)( ?)|(\s+)")


class CharTokenizer(ChineseTokenizer):
    def __init__(self, vocab) -> None:
        super().__init__(vocab, segmenter=Segmenter.char)

    def __call__(self, text: str) -> Doc:
        if not _WHITESPACE.search(text):
            words = list(text)
            return Doc(self.vocab, words=words, spaces=[False] * len(words))
        words, spaces = [], []
        for char, space, run in _TOKEN.findall(text):
            words.append(char or run)
            spaces.append(bool(space))
        return Doc(self.vocab, words=words, spaces=spaces)


@registry.tokenizers("reviewer.CharTokenizer.v1")
def create_char_tokenizer():
    def factory(nlp):
        return CharTokenizer(nlp.vocab)

    return factory

"""Tokenizer ``reviewer.CharTokenizer.v1``: spaCy's Chinese character segmentation, without its aligner.

spaCy's ``ChineseTokenizer`` (segmenter "char") splits a text into characters and then re-aligns them with
``util.get_words_and_spaces``, a Python loop that slices the text once per character (about a fifth of
the whole NER time). The result is simple to state: every non-space character is a token, a single ASCII
space right after one becomes its trailing space, and any other run of whitespace is one token. This
produces the same tokens and spaces (checked against spaCy's on random texts in the tests).
"""

from __future__ import annotations

import re

from spacy.attrs import ORTH, SPACY
from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.tokens import Doc
from spacy.util import registry

_WHITESPACE = re.compile(r"\s")
_TOKEN = re.compile(r"(\S)( ?)|(\s+)")
TEXT_KEY = "reviewer.text"


class CharTokenizer(ChineseTokenizer):
    def __init__(self, vocab) -> None:
        super().__init__(vocab, segmenter=Segmenter.char)

    def __call__(self, text: str) -> Doc:
        if not _WHITESPACE.search(text):
            words = list(text)
            doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        else:
            words, spaces = [], []
            for char, space, run in _TOKEN.findall(text):
                words.append(char or run)
                spaces.append(bool(space))
            doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[TEXT_KEY] = text  # the Doc's text exactly (tested): doc_text need not rebuild it
        return doc


@registry.tokenizers("reviewer.CharTokenizer.v1")
def create_char_tokenizer():
    def factory(nlp):
        return CharTokenizer(nlp.vocab)

    return factory


_ORTH_TEXT: dict[int, str] = {}  # orth hash -> its string: a pure function, so one cache serves every Doc
_ORTH_TEXT_LIMIT = 200_000


def doc_text(doc: Doc) -> str:
    """``doc.text``, without the Token object per character that spaCy's property builds (and without
    any work for a Doc our tokenizer made: it keeps the text it was given; a Doc's text never changes).

    Why: the word-list components need the text of every Doc, and ``doc.text`` made two Python objects
    per character, about a tenth of the NER's time on one core (profiled on the gov set + CLUENER + MSRA).
    """
    text = doc.user_data.get(TEXT_KEY)
    if text is not None:
        return text
    if not len(doc):
        return ""
    columns = doc.to_array([ORTH, SPACY])
    orths = columns[:, 0].tolist()
    cache = _ORTH_TEXT
    if len(cache) > _ORTH_TEXT_LIMIT:
        cache.clear()
    strings = doc.vocab.strings
    for orth in set(orths).difference(cache):
        cache[orth] = strings[orth]
    if columns[:, 1].any():
        return "".join([cache[o] + " " if s else cache[o] for o, s in zip(orths, columns[:, 1].tolist())])
    return "".join(map(cache.__getitem__, orths))

"""spaCy component ``reviewer_char_bigrams``: store each character's right-hand bigram in ``token.tag_``.

Why: our pipeline tokenises Chinese into single characters; a hash embedding of character bigrams
(MultiHashEmbed attrs NORM + TAG) gives the CNN word-like units without a segmenter download. The
component is stateless; it is registered through the ``spacy_factories`` entry point in pyproject.toml,
so ``spacy.load(models/zh_reviewer_ner)`` works in any process where ``reviewer`` is installed.
Nothing else in the pipeline reads ``tag_`` (there is no tagger).
"""

from __future__ import annotations

import numpy
from spacy.attrs import TAG
from spacy.language import Language
from spacy.tokens import Doc

END = "\u2402"  # marks the end of a text: the last character's "bigram"


class CharBigrams:
    def __init__(self, nlp: Language, name: str = "reviewer_char_bigrams") -> None:
        self.name = name
        self.strings = nlp.vocab.strings

    def __call__(self, doc: Doc) -> Doc:
        words = [t.text for t in doc]
        if not words:
            return doc
        add = self.strings.add
        nxt = words[1:] + [END]
        values = numpy.fromiter((add(a + b) for a, b in zip(words, nxt)), dtype="uint64", count=len(words))
        doc.from_array([TAG], values.reshape(-1, 1))
        return doc


@Language.factory("reviewer_char_bigrams")
def make_char_bigrams(nlp: Language, name: str) -> CharBigrams:
    return CharBigrams(nlp, name)

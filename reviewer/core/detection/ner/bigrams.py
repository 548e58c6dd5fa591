"""spaCy component ``reviewer_char_bigrams``: store each character's right-hand bigram in ``token.tag_``
and map full-width digits/letters to ASCII in ``token.norm_`` (training text is normalised the same way).

Why: our pipeline tokenises Chinese into single characters; a hash embedding of character bigrams
(MultiHashEmbed attrs NORM + TAG) gives the CNN word-like units without a segmenter download. The
component is stateless; it is registered through the ``spacy_factories`` entry point in pyproject.toml,
so ``spacy.load(models/zh_reviewer_ner)`` works in any process where ``reviewer`` is installed.
Nothing else in the pipeline reads ``tag_`` (there is no tagger).
"""

from __future__ import annotations

import numpy
from spacy.attrs import NORM, TAG
from spacy.language import Language
from spacy.tokens import Doc

END = "\u2402"  # marks the end of a text: the last character's "bigram"
_FULLWIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)) for c in range(*r)}


def normalise(text: str) -> str:
    """Full-width digits and Latin letters -> ASCII, one character for one (offsets unchanged)."""
    return text.translate(_FULLWIDTH)


class CharBigrams:
    def __init__(self, nlp: Language, name: str = "reviewer_char_bigrams") -> None:
        self.name = name
        self.strings = nlp.vocab.strings

    def __call__(self, doc: Doc) -> Doc:
        words = [normalise(t.text) for t in doc]
        if not words:
            return doc
        add = self.strings.add
        nxt = words[1:] + [END]
        values = numpy.empty((len(words), 2), dtype="uint64")
        # bigrams keep their case (as in training); NORM is lower case like spaCy's default lexeme norm.
        # The bigrams are added to the StringStore (nlp.pipe(n_process=2) serialises docs with their
        # strings); a long-running caller bounds that growth with `with nlp.memory_zone():` (spaCy 3.8).
        values[:, 0] = numpy.fromiter((add(a + b) for a, b in zip(words, nxt)), dtype="uint64", count=len(words))
        values[:, 1] = numpy.fromiter((add(w.lower()) for w in words), dtype="uint64", count=len(words))
        doc.from_array([TAG, NORM], values)
        return doc


@Language.factory("reviewer_char_bigrams")
def make_char_bigrams(nlp: Language, name: str) -> CharBigrams:
    return CharBigrams(nlp, name)

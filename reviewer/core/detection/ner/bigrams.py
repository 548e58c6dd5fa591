"""spaCy component ``reviewer_char_bigrams``: store each character's right-hand bigram in ``token.tag_``
and map full-width digits/letters to ASCII in ``token.norm_`` (training text is normalised the same way).

Why: our pipeline tokenises Chinese into single characters; a hash embedding of character bigrams
(MultiHashEmbed attrs NORM + TAG) gives the CNN word-like units without a segmenter download. The
component is stateless; it is registered through the ``spacy_factories`` entry point in pyproject.toml,
so ``spacy.load(models/zh_reviewer_ner)`` works in any process where ``reviewer`` is installed.
Nothing else in the pipeline reads ``tag_`` (there is no tagger).
"""

from __future__ import annotations

import operator

import numpy
from spacy.attrs import NORM, ORTH, TAG
from spacy.language import Language
from spacy.tokens import Doc

END = "\u2402"  # marks the end of a text: the last character's "bigram"
_FULLWIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)) for c in range(*r)}


def normalise(text: str) -> str:
    """Full-width digits and Latin letters -> ASCII, one character for one (offsets unchanged)."""
    return text.translate(_FULLWIDTH)


class CharBigrams:
    """Per-character features from the orth ids, with caches so that most characters cost a dict lookup.

    Hash values are cached only outside ``nlp.memory_zone()``: inside one, spaCy drops the strings added
    there when the zone ends, and a cached hash would outlive its string (docs would no longer serialise
    with their strings for ``nlp.pipe(n_process=2)``). The caches are cleared past ``CACHE_LIMIT`` entries.
    """

    CACHE_LIMIT = 500_000

    def __init__(self, nlp: Language, name: str = "reviewer_char_bigrams") -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.strings = nlp.vocab.strings
        self._text: dict[int, str] = {}  # orth -> normalised text (a pure function: always cacheable)
        self._norm: dict[int, int] = {}  # orth -> StringStore hash of the normalised, lower-cased text
        self._bigram: dict[str, int] = {}  # two normalised texts -> StringStore hash

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        orths = doc.to_array(ORTH).tolist()
        text, add = self._text, self.strings.add
        if len(self._bigram) > self.CACHE_LIMIT or len(text) > self.CACHE_LIMIT:
            self._bigram.clear()
            self._norm.clear()
            text.clear()
        for o in {o for o in orths if o not in text}:
            text[o] = normalise(self.strings[o])
        words = [text[o] for o in orths]
        pairs = list(map(operator.add, words, words[1:] + [END]))
        values = numpy.empty((len(words), 2), dtype="uint64")
        # bigrams keep their case (as in training); NORM is lower case like spaCy's default lexeme norm
        if self.vocab.in_memory_zone:
            values[:, 0] = [add(p) for p in pairs]
            values[:, 1] = [add(w.lower()) for w in words]
        else:
            bigram, norm = self._bigram, self._norm
            values[:, 0] = [bigram.get(p) or bigram.setdefault(p, add(p)) for p in pairs]
            values[:, 1] = [norm.get(o) or norm.setdefault(o, add(w.lower())) for o, w in zip(orths, words)]
        doc.from_array([TAG, NORM], values)
        return doc


@Language.factory("reviewer_char_bigrams")
def make_char_bigrams(nlp: Language, name: str) -> CharBigrams:
    return CharBigrams(nlp, name)

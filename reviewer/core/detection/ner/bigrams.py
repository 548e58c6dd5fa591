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
from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import NORM, ORTH, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

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
        if len(doc):
            doc.from_array([TAG, NORM], self._values(doc.to_array(ORTH).tolist(), [len(doc)]))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """The features of a batch computed together: for short blocks (a roster's cells, one sentence
        per paragraph) the per-document set-up cost as much as the characters."""
        for batch in minibatch(docs, batch_size):
            arrays = [doc.to_array(ORTH) for doc in batch]
            lengths = [len(a) for a in arrays]
            if not any(lengths):
                yield from batch
                continue
            ends = numpy.cumsum(lengths)
            values = self._values(numpy.concatenate(arrays).tolist(), [e for e, n in zip(ends, lengths) if n])
            for doc, end, n in zip(batch, ends.tolist(), lengths, strict=True):
                if n:
                    doc.from_array([TAG, NORM], values[end - n:end])
                yield doc

    def _values(self, orths: list[int], ends: Iterable[int]) -> numpy.ndarray:
        """TAG and NORM per character of one or more texts whose characters are `orths`, each text
        ending just before one of `ends` (its last character's bigram is with END)."""
        text, add = self._text, self.strings.add
        if len(self._bigram) > self.CACHE_LIMIT or len(text) > self.CACHE_LIMIT:
            self._bigram.clear()
            self._norm.clear()
            text.clear()
        for o in {o for o in orths if o not in text}:
            text[o] = normalise(self.strings[o])
        words = [text[o] for o in orths]
        following = words[1:] + [END]
        for end in ends:
            following[end - 1] = END
        pairs = list(map(operator.add, words, following))
        values = numpy.empty((len(words), 2), dtype="uint64")
        # bigrams keep their case (as in training); NORM is lower case like spaCy's default lexeme norm
        if self.vocab.in_memory_zone:
            values[:, 0] = [add(p) for p in pairs]
            values[:, 1] = [add(w.lower()) for w in words]
        else:
            bigram, norm = self._bigram, self._norm
            values[:, 0] = [bigram.get(p) or bigram.setdefault(p, add(p)) for p in pairs]
            values[:, 1] = [norm.get(o) or norm.setdefault(o, add(w.lower())) for o, w in zip(orths, words)]
        return values


@Language.factory("reviewer_char_bigrams")
def make_char_bigrams(nlp: Language, name: str) -> CharBigrams:
    return CharBigrams(nlp, name)

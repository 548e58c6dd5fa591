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
            doc.from_array([TAG, NORM], self._values(doc.to_array(ORTH), [len(doc)]))
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
            values = self._values(numpy.concatenate(arrays), [e for e, n in zip(ends, lengths) if n])
            for doc, end, n in zip(batch, ends.tolist(), lengths, strict=True):
                if n:
                    doc.from_array([TAG, NORM], values[end - n:end])
                yield doc

    def _values(self, orths: numpy.ndarray, ends: Iterable[int]) -> numpy.ndarray:
        """TAG and NORM per character of one or more texts whose characters are `orths`, each text
        ending just before one of `ends` (its last character's bigram is with END). Strings are made
        once per distinct character and per distinct pair of a batch (numpy finds them), not per
        character: in a batch of sentences about half the bigrams repeat."""
        text, add = self._text, self.strings.add
        if len(self._bigram) > self.CACHE_LIMIT or len(text) > self.CACHE_LIMIT:
            self._bigram.clear()
            self._norm.clear()
            text.clear()
        distinct, inverse = numpy.unique(orths, return_inverse=True)
        inverse = inverse.ravel()
        words = []
        for o in distinct.tolist():
            word = text.get(o)
            if word is None:
                word = text[o] = normalise(self.strings[o])
            words.append(word)
        end = len(words)  # the index of END
        following = numpy.empty(len(inverse), dtype="int64")
        following[:-1] = inverse[1:]
        following[numpy.fromiter(ends, dtype="int64") - 1] = end
        pairs, pair_of = numpy.unique(inverse * (end + 1) + following, return_inverse=True)
        words.append(END)
        firsts, seconds = numpy.divmod(pairs, end + 1)
        texts = list(map(operator.add, [words[i] for i in firsts.tolist()], [words[i] for i in seconds.tolist()]))
        values = numpy.empty((len(inverse), 2), dtype="uint64")
        # bigrams keep their case (as in training); NORM is lower case like spaCy's default lexeme norm
        if self.vocab.in_memory_zone:
            bigrams = numpy.array([add(t) for t in texts], dtype="uint64")
            norms = numpy.array([add(w.lower()) for w in words[:end]], dtype="uint64")
        else:
            bigram, norm = self._bigram, self._norm
            bigrams = numpy.array([bigram.get(t) or bigram.setdefault(t, add(t)) for t in texts], dtype="uint64")
            norms = numpy.array([norm.get(o) or norm.setdefault(o, add(w.lower()))
                                 for o, w in zip(distinct.tolist(), words[:end], strict=True)], dtype="uint64")
        values[:, 0] = bigrams[pair_of.ravel()]
        values[:, 1] = norms[inverse]
        return values


@Language.factory("reviewer_char_bigrams")
def make_char_bigrams(nlp: Language, name: str) -> CharBigrams:
    return CharBigrams(nlp, name)

"""Embed each distinct character once per batch: the tok2vec's embedding, computed on unique feature rows.

A character's embedding (hash embeddings of NORM, bigram TAG and gazetteer LEMMA, then a Maxout and a
LayerNorm) depends only on those three ids, and a batch repeats them: in MSRA's news sentences about two
rows in five repeat within a batch of 64 texts, in generated rosters most do. Computing the mixer once per
distinct row and copying the result gives the same vectors (the same products, row by row) and the same
entities; the encoder layers after it see each character's context and are left alone.

Only for inference: the wrapper trains like the layers it wraps, and `install` leaves a pipeline whose
tok2vec does not have the expected shape (another architecture) unchanged.
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from thinc.api import Model, chain, noop, with_array

NAME = "dedup_rows"


def dedup_rows(inner: Model) -> Model:
    """`inner` applied to the distinct rows of an ids array, its output gathered back to every row."""

    def forward(model: Model, X, is_train: bool):
        if is_train:
            return inner(X, is_train)
        rows = numpy.ascontiguousarray(X)
        if rows.ndim != 2 or rows.shape[0] < 2:
            return inner.predict(rows), None
        keys = rows.view(numpy.dtype((numpy.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
        _, first, inverse = numpy.unique(keys, return_index=True, return_inverse=True)
        if len(first) == len(rows):
            return inner.predict(rows), None
        return inner.predict(rows[first])[inverse.ravel()], None

    return Model(NAME, forward, layers=[inner])


def _is_mixer(layer: Model) -> bool:
    return layer.name.startswith("with_array(maxout")


def install(nlp: Language) -> bool:
    """Wrap the embedding of the pipeline's tok2vec in `dedup_rows`; True when it was installed."""
    if "tok2vec" not in nlp.pipe_names:
        return False
    model = nlp.get_pipe("tok2vec").model
    if not model.layers:
        return False
    embed = model.layers[0]
    names = [layer.name for layer in embed.layers]
    if any(NAME in n for n in names):
        return True
    if (len(names) != 5 or names[:2] != ["extract_features", "list2ragged"] or "hashembed" not in names[2]
            or not _is_mixer(embed.layers[3]) or names[4] != "ragged2list"):
        return False
    hashed, mixer = embed.layers[2].layers[0], embed.layers[3].layers[0]
    embed.layers[2] = with_array(dedup_rows(chain(hashed, mixer)))
    embed.layers[3] = noop()
    return True


def installed(nlp: Language) -> bool:
    return "tok2vec" in nlp.pipe_names and any(node.name == NAME for node in nlp.get_pipe("tok2vec").model.walk())

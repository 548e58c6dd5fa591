"""The committed tok2vec for inference, in fewer and larger numpy operations: same vectors, same entities.

The NER's time is its tok2vec (about two thirds on one core), and thinc computes it layer by layer as
trained. For inference two things can be computed once instead:

- **Embedding.** A character's embedding is ``LayerNorm(maxout(W · [e_1; …; e_6] + b))`` where each
  ``e_f`` is the sum of four hashed rows of feature f's table. Up to the maxout this is linear, so each
  table is multiplied by its block of ``W`` once, at load (``E_f · W_fᵀ``, 78 MB for the shipped model):
  the embedding becomes one gather-and-add of pre-multiplied rows, with no matrix product. For the
  features with few values (the character, the gazetteer mark, the word-length code) each value's four
  rows are summed once and kept, so a character gathers 15 rows instead of 24. It is also
  computed once per distinct feature row of a batch and gathered back: a batch repeats rows (in MSRA's
  news sentences about two in five, in generated rosters most).
- **Encoder.** The three residual window layers run over one flat array per batch (thinc's ``seq2col``,
  one matrix product), instead of thinc's chain of layer objects each allocating its outputs.
- **After each product** (embedding and encoder layers alike), bias, maxout, layer norm and the residual
  sum are one compiled pass per row (kernels.py, numba): they had been five numpy passes over the batch.

Measured on one core (gov set + MSRA test, batches of 256 texts): embedding 0.52 → 0.37 s, encoder
0.54–0.60 → 0.45 s per 179k characters. The results differ from thinc's only by float32 rounding
(≤ 1e-5); tests compare vectors and entities on real text.

Only for inference: each wrapper runs the layers it replaces when training (``is_train``), and `install`
leaves a pipeline whose tok2vec does not have the expected shape (another architecture) unchanged.
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from thinc.api import Model, NumpyOps

from reviewer.core.detection.ner.kernels import compile_kernels, maxout_norm

EMBED, ENCODE = "folded_embed", "fused_encode"
_OPS = NumpyOps()


def _named(model: Model, name: str) -> list[Model]:
    return [node for node in model.walk() if node.name == name]


def _maxout_params(maxout: Model) -> tuple[numpy.ndarray, numpy.ndarray, int, int]:
    nO, nP, nI = maxout.get_dim("nO"), maxout.get_dim("nP"), maxout.get_dim("nI")
    W = numpy.asarray(maxout.get_param("W")).reshape(nO * nP, nI)
    return numpy.ascontiguousarray(W.T), _vector(maxout.get_param("b")).reshape(nO * nP), nO, nP


def _vector(param) -> numpy.ndarray:
    """A parameter as the kernel takes it (one compiled version: contiguous float32)."""
    return numpy.ascontiguousarray(numpy.asarray(param), dtype="float32")


# Features with few distinct values (characters; gazetteer marks; word-length codes): each value's four
# hashed rows are summed once and kept, so a character needs one row for each of them instead of four.
FEW_VALUES = frozenset({"NORM", "LEMMA", "DEP"})


class _SummedRows:
    """Per value of each feature in `features` ((column, seed, rows, offset) as in the folded table), the
    sum of its four hashed rows, computed when the value is first seen. Values and rows are kept sorted
    by value for numpy's searchsorted; past LIMIT values the store starts again (a text of every
    Unicode character should not grow it without bound)."""

    LIMIT = 200_000

    def __init__(self, folded: numpy.ndarray, features: list[tuple[int, int, int, int]]) -> None:
        self.folded, self.features = folded, features
        self._clear()

    def _clear(self) -> None:
        self.values = [numpy.zeros(0, dtype="uint64") for _ in self.features]
        self.rows = [numpy.zeros((0, self.folded.shape[1]), dtype="float32") for _ in self.features]
        self.table = numpy.zeros((0, self.folded.shape[1]), dtype="float32")

    def lookup(self, distinct: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The table of summed rows and, per row of `distinct` (feature ids), its index per feature."""
        if sum(len(v) for v in self.values) > self.LIMIT:
            self._clear()
        positions, grown = [], False
        for j, (column, seed, size, offset) in enumerate(self.features):
            ids = numpy.ascontiguousarray(distinct[:, column])
            known = self.values[j]
            at = numpy.searchsorted(known, ids)
            missing = ids[known[numpy.minimum(at, len(known) - 1)] != ids] if len(known) else ids
            if len(missing):
                new = numpy.unique(missing)
                rows = _OPS.gather_add(self.folded, _OPS.hash(new, seed) % size + offset)
                values = numpy.concatenate([known, new])
                order = numpy.argsort(values, kind="stable")
                self.values[j], self.rows[j] = values[order], numpy.concatenate([self.rows[j], rows])[order]
                at, grown = numpy.searchsorted(self.values[j], ids), True
            positions.append(at)
        if grown or not len(self.table):
            self.table = numpy.ascontiguousarray(numpy.concatenate(self.rows))
        starts = numpy.cumsum([0] + [len(v) for v in self.values[:-1]])
        index = numpy.stack(positions, axis=1) + starts
        return self.table, numpy.ascontiguousarray(index, dtype="uint32")


def folded_embed(embed: Model) -> Model:
    """MultiHashEmbed (extract_features >> hash embeddings >> maxout >> layernorm) for inference."""
    columns = list(embed.layers[0].attrs["columns"])
    hashed = _named(embed, "hashembed")
    maxout, norm = _named(embed, "maxout")[0], _named(embed, "layernorm")[0]
    WT, bias, nO, nP = _maxout_params(maxout)
    tables, offsets, start = [], [], 0
    for layer in hashed:
        E = numpy.asarray(layer.get_param("E"))
        offsets.append(start)
        start += len(E)
    folded = numpy.empty((start, WT.shape[1]), dtype="float32")
    width = WT.shape[0] // len(hashed)
    for i, (layer, offset) in enumerate(zip(hashed, offsets, strict=True)):
        E = numpy.asarray(layer.get_param("E"))
        numpy.matmul(E, WT[i * width:(i + 1) * width], out=folded[offset:offset + len(E)])
        tables.append((int(layer.attrs["column"]), int(layer.attrs["seed"]), len(E), offset))
    G, b = _vector(norm.get_param("G")), _vector(norm.get_param("b"))
    names = [str(c) for c in columns]
    summed = _SummedRows(folded, [t for t in tables if names[t[0]] in FEW_VALUES])
    hashed_here = [t for t in tables if names[t[0]] not in FEW_VALUES]

    def forward(model: Model, docs, is_train: bool):
        if is_train:
            return embed(docs, is_train)
        arrays = [doc.to_array(columns) for doc in docs]
        if not arrays:
            return [], None
        rows = numpy.ascontiguousarray(numpy.concatenate(arrays), dtype="uint64")
        if not len(rows):
            return [numpy.zeros((0, nO), dtype="float32") for _ in arrays], None
        keys = rows.view(numpy.dtype((numpy.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
        _, first, inverse = numpy.unique(keys, return_index=True, return_inverse=True)
        distinct = rows[first]
        hashes = numpy.empty((len(distinct), 4 * len(hashed_here)), dtype="uint32")
        for i, (column, seed, size, offset) in enumerate(hashed_here):
            ids = numpy.ascontiguousarray(distinct[:, column])
            hashes[:, 4 * i:4 * i + 4] = _OPS.hash(ids, seed) % size + offset
        Z = _OPS.gather_add(folded, hashes) if len(hashed_here) else numpy.zeros((len(distinct), len(bias)), "float32")
        if summed.features:
            Z += _OPS.gather_add(*summed.lookup(distinct))
        out = numpy.empty((len(distinct), nO), dtype="float32")
        maxout_norm(Z, bias, nP, G, b, out, False)
        out = out[inverse.ravel()]
        return numpy.split(out, numpy.cumsum([len(a) for a in arrays])[:-1]), None

    return Model(EMBED, forward, layers=[embed], dims={"nO": nO})


def fused_encode(encode: Model) -> Model:
    """with_array(residual(expand_window >> maxout >> layernorm >> dropout) × depth) for inference."""
    pad = int(encode.attrs["pad"])
    layers = []
    for block in _named(encode, "residual(expand_window>>maxout>>layernorm>>dropout)"):
        window = _named(block, "expand_window")[0].attrs["window_size"]
        WT, bias, nO, nP = _maxout_params(_named(block, "maxout")[0])
        norm = _named(block, "layernorm")[0]
        layers.append((int(window), WT, bias, nO, nP, _vector(norm.get_param("G")), _vector(norm.get_param("b"))))

    def forward(model: Model, Xs, is_train: bool):
        if is_train:
            return encode(Xs, is_train)
        if not Xs:
            return [], None
        lengths = [len(x) for x in Xs]
        X = _OPS.flatten(Xs, pad=pad)
        for window, WT, bias, _nO, nP, G, b in layers:
            maxout_norm(_OPS.seq2col(X, window) @ WT, bias, nP, G, b, X, True)
        return _OPS.unflatten(X, lengths, pad=pad), None

    return Model(ENCODE, forward, layers=[encode], dims={"nO": layers[-1][3] if layers else None})


_EMBED_NAMES = ["extract_features", "list2ragged", None, None, "ragged2list"]


def _expected_shape(tok2vec: Model) -> bool:
    if len(tok2vec.layers) != 2:
        return False
    embed, encode = tok2vec.layers
    names = [layer.name for layer in embed.layers]
    if len(names) != 5 or any(want and want != got for want, got in zip(_EMBED_NAMES, names)):
        return False
    hashed = _named(embed, "hashembed")
    if not hashed or not names[2].startswith("with_array(") or names[3] != "with_array(maxout>>layernorm>>dropout)":
        return False
    blocks = _named(encode, "residual(expand_window>>maxout>>layernorm>>dropout)")
    return (encode.name.startswith("with_array(") and len(blocks) == len(encode.layers[0].layers)
            and len({int(h.get_param("E").shape[1]) for h in hashed}) == 1 and "pad" in encode.attrs)


def install(nlp: Language) -> bool:
    """Replace the pipeline's tok2vec layers by their inference versions; True when they are in place."""
    if "tok2vec" not in nlp.pipe_names:
        return False
    model = nlp.get_pipe("tok2vec").model
    if installed(nlp):
        return True
    if not _expected_shape(model):
        return False
    compile_kernels()
    model.layers[0] = folded_embed(model.layers[0])
    model.layers[1] = fused_encode(model.layers[1])
    return True


def installed(nlp: Language) -> bool:
    if "tok2vec" not in nlp.pipe_names:
        return False
    return [layer.name for layer in nlp.get_pipe("tok2vec").model.layers] == [EMBED, ENCODE]

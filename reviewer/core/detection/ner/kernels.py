"""Compiled kernel for the tok2vec's step after each matrix product: bias, maxout, layer norm (and the
residual sum) in one pass over each row, instead of five numpy passes over the whole batch.

Why numba: after the matrix products, these element-wise passes were a third of the encoder's time on one
core, each reading and writing the whole (characters × 128) array; one pass per row keeps it in cache.
The sums of the layer norm may be reassociated (``fastmath`` reassoc/contract, not nnan/ninf), so the
results differ from thinc's by float32 rounding only, as the numpy version did (tests compare both).
``cache=True`` keeps the compiled code beside this file (``__pycache__``): the first process on a machine
compiles it (about a second), later ones load it.
"""

from __future__ import annotations

import numba
import numpy

_EPS = numpy.float32(1e-8)  # thinc's LayerNorm
_FAST = {"reassoc", "contract", "arcp", "nsz"}


@numba.njit(cache=True, fastmath=_FAST, nogil=True)
def maxout_norm(Z: numpy.ndarray, bias: numpy.ndarray, pieces: int, G: numpy.ndarray, b: numpy.ndarray,
                out: numpy.ndarray, residual: bool) -> None:
    """Per row i: ``y = LayerNorm(maxout(Z[i] + bias))`` (pieces adjacent, as thinc's Maxout lays out
    ``nO × nP``); ``out[i] += y`` when `residual`, else ``out[i] = y``."""
    n, width = out.shape
    m = numpy.empty(width, dtype=numpy.float32)
    for i in range(n):
        total = numpy.float32(0.0)
        for j in range(width):
            k = j * pieces
            v = Z[i, k] + bias[k]
            for p in range(1, pieces):
                v = max(v, Z[i, k + p] + bias[k + p])
            m[j] = v
            total += v
        mean = total / width
        square = numpy.float32(0.0)
        for j in range(width):
            d = m[j] - mean
            m[j] = d
            square += d * d
        scale = numpy.float32(1.0) / numpy.sqrt(square / width + _EPS)
        if residual:
            for j in range(width):
                out[i, j] += m[j] * scale * G[j] + b[j]
        else:
            for j in range(width):
                out[i, j] = m[j] * scale * G[j] + b[j]


def compile_kernels() -> None:
    """Compile (or load from the cache) now, at model load, rather than in the first document."""
    Z = numpy.zeros((1, 2), dtype=numpy.float32)
    one = numpy.ones(1, dtype=numpy.float32)
    maxout_norm(Z, numpy.zeros(2, dtype=numpy.float32), 2, one, one, numpy.zeros((1, 1), dtype=numpy.float32), True)

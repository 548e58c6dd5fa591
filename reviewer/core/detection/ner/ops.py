"""Thinc ops whose matrix products go through numpy (OpenBLAS) instead of thinc's bundled BLIS.

Why: on this class of machine (a hypervisor hides AVX2) BLIS falls back to a generic kernel: 22-33 GFLOP/s
for the tok2vec's products, where numpy's OpenBLAS reaches 53-111 GFLOP/s on one core and uses both cores
for large batches. The tok2vec is nearly all matrix products, so this one method is most of the NER's speed.
Everything else (hash embeddings, maxout, the parser's own C loops) is NumpyOps unchanged.
"""

from __future__ import annotations

import numpy
from thinc.api import NumpyOps, get_current_ops, registry, set_current_ops


@registry.ops("ReviewerBlasOps")
class BlasOps(NumpyOps):
    name = "reviewer_blas"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):  # type: ignore[override]
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


def use_blas_ops() -> None:
    """Make models created from now on (in this thread) use BlasOps; call before ``spacy.load``."""
    if not isinstance(get_current_ops(), BlasOps):
        set_current_ops(BlasOps())

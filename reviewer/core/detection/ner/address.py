"""CN_ADDRESS: locations from the NER model extended by address grammar, plus addresses after 住址：/地址：.

Only addresses precise enough to find a dwelling or premises (with 号/组/单元/室/幢…) are reported:
a bare place name (重庆市渝中区) is not personal information.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from reviewer.core.detection.ner import rules
from reviewer.core.detection.ner.base import (
    LOCATION_LABELS,
    MODEL_NAME,
    ORGANIZATION_LABELS,
    NerBackedRecognizer,
)

GRAMMAR_SCORE = 0.7
_TRIGGER = re.compile(r"(?:住址|住所地?|地址|住在|家住|现住|居住于|位于|经营场所|通讯地址|户籍地)[：:]?\s*")
_RUN = re.compile(f"[{rules.HAN}0-9０-９A-Za-z\\-－]{{4,50}}")


class ChineseAddressRecognizer(NerBackedRecognizer):
    ENTITY = "CN_ADDRESS"

    def __init__(self, supported_language: str = "zh") -> None:
        super().__init__(supported_entities=[self.ENTITY], supported_language=supported_language,
                         name="ChineseAddressRecognizer")

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        spans = sorted(self.model_entities(nlp_artifacts, LOCATION_LABELS))
        # an address the model labelled as an organisation (CLUENER's address/government overlap)
        spans += [(s, e, sc) for s, e, sc in self.model_entities(nlp_artifacts, ORGANIZATION_LABELS)
                  if rules.is_specific_address(text[s:e]) and not rules.looks_like_organization(text[s:e])]
        spans.sort()
        results: list[RecognizerResult] = []
        covered_to = -1
        for i, (start, end, score) in enumerate(spans):
            if start < covered_to:
                continue
            # adjacent model spans (重庆市江北区 | 建新东路17号) form one address
            while i + 1 < len(spans) and spans[i + 1][0] <= end:
                i += 1
                end = max(end, spans[i][1])
            start, end = rules.trim_address(text, *rules.clean_span(text, start, end))
            extended = rules.extend_address(text, start, end)
            candidate = text[start:extended]
            if not rules.is_specific_address(candidate) or rules.is_government_body(candidate):
                continue
            grown = f"，按地址语法延伸 {extended - end} 字 / extended by address grammar" if extended > end else ""
            why = (f"模型 {MODEL_NAME} 识别为地点，含门牌等具体信息{grown} / NER model {MODEL_NAME} found a "
                   "location with a house number or similar detail")
            results.append(self.result(self.ENTITY, start, extended, score, why))
            covered_to = extended
        for start, end in [*self._grammar_addresses(text), *rules.grammar_address_spans(text),
                           *rules.corps_addresses(text), *rules.plot_addresses(text)]:
            overlapping = [r for r in results if r.start < end and start < r.end]
            if any(not (start <= r.start and r.end <= end) for r in overlapping) or \
                    any((r.start, r.end) == (start, end) for r in overlapping):
                continue  # keep the model's span unless the grammar strictly contains it
            results = [r for r in results if r not in overlapping]
            why = "规则：符合地址语法（区县、道路、门牌号）的文字 / rule: text with address grammar (district, road, number)"
            results.append(self.result(self.ENTITY, start, end, GRAMMAR_SCORE, why))
        return sorted(results, key=lambda r: r.start)

    @staticmethod
    def _grammar_addresses(text: str) -> list[tuple[int, int]]:
        found = []
        for trig in _TRIGGER.finditer(text):
            run = _RUN.match(text, trig.end())
            if not run:
                continue
            start = run.start()
            # the address ends at the last terminal piece (号/单元/室…) found inside the run
            end = start
            for pos in range(start, run.end()):
                ext = rules.extend_address(text, pos, pos)
                if ext > end:
                    end = ext
            if end > start and rules.is_specific_address(text[start:end]):
                found.append((start, end))
        return found

"""ORGANIZATION: companies, institutions and government bodies from the NER model (category `other`:
shown to the reviewer, but not personal information)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from reviewer.core.detection.ner import rules
from reviewer.core.detection.ner.base import MODEL_NAME, ORGANIZATION_LABELS, NerBackedRecognizer


class ChineseOrganizationRecognizer(NerBackedRecognizer):
    ENTITY = "ORGANIZATION"

    def __init__(self, supported_language: str = "zh") -> None:
        super().__init__(supported_entities=[self.ENTITY], supported_language=supported_language,
                         name="ChineseOrganizationRecognizer")

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        results = []
        for start, end, score in self.model_entities(nlp_artifacts, ORGANIZATION_LABELS):
            start, end = rules.clean_span(text, start, end)
            name = text[start:end]
            if len(name) < 2 or "某某" in name:
                continue
            if rules.is_specific_address(name) and not rules.looks_like_organization(name):
                continue  # an address the model labelled as an organisation: the address recognizer takes it
            if rules.is_government_body(name):
                why = (f"模型 {MODEL_NAME} 识别为机构（政府机关，非个人信息） / NER model {MODEL_NAME} found "
                       "an organisation (a government body: not personal information)")
            else:
                why = f"模型 {MODEL_NAME} 识别为机构名称 / NER model {MODEL_NAME} found an organisation name"
            results.append(self.result(self.ENTITY, start, end, score, why))
        return results

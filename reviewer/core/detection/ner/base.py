"""Shared plumbing for the NER-backed recognizers: read spaCy entities from presidio's NlpArtifacts."""

from __future__ import annotations

from collections.abc import Iterator

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

# Model labels as trained (models/zh_reviewer_ner) and as an engine mapping may rename them.
PERSON_LABELS = frozenset({"PERSON", "PER"})
LOCATION_LABELS = frozenset({"LOCATION", "LOC", "GPE", "CN_ADDRESS"})
ORGANIZATION_LABELS = frozenset({"ORGANIZATION", "ORG"})
MODEL_NAME = "zh_reviewer_ner"


class NerBackedRecognizer(LocalRecognizer):
    """Base: no loading of its own (the engine runs the spaCy pipeline once for all recognizers)."""

    def load(self) -> None:  # the pipeline is loaded by the NLP engine
        pass

    @staticmethod
    def model_entities(nlp_artifacts: NlpArtifacts | None, labels: frozenset[str]) -> Iterator[tuple[int, int, float]]:
        if nlp_artifacts is None:
            return
        scores = nlp_artifacts.scores or [0.85] * len(nlp_artifacts.entities)
        for ent, score in zip(nlp_artifacts.entities, scores):
            if ent.label_ in labels:
                yield ent.start_char, ent.end_char, float(score)

    def result(self, entity_type: str, start: int, end: int, score: float, why: str) -> RecognizerResult:
        explanation = AnalysisExplanation(recognizer=self.name, original_score=score, textual_explanation=why)
        return RecognizerResult(
            entity_type=entity_type, start=start, end=end, score=score, analysis_explanation=explanation,
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})

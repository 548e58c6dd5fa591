"""Our own Chinese NER pipeline (issue 4): training code in ``models.training``, the trained
spaCy pipeline in ``models/zh_reviewer_ner/`` (loaded by path, never downloaded)."""

from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent
PIPELINE_DIR = MODELS_DIR / "zh_reviewer_ner"
LABELS = ("PERSON", "LOCATION", "ORGANIZATION")

"""Build the placeholder pipeline: blank ``zh`` (character segmenter, no download) + an empty NER.

Why: the engine can be wired against ``models/zh_reviewer_ner`` before the trained model lands.
Run: ``python -m models.training.placeholder`` (overwritten later by ``make model``).
"""

from __future__ import annotations

import spacy

from models import LABELS, PIPELINE_DIR


def build(out_dir=PIPELINE_DIR) -> None:
    nlp = spacy.blank("zh")  # default segmenter "char": no pkuseg/jieba download
    ner = nlp.add_pipe("ner")
    for label in LABELS:
        ner.add_label(label)
    nlp.initialize()
    nlp.meta["name"] = "zh_reviewer_ner"
    nlp.meta["version"] = "0.0.0"
    nlp.meta["description"] = "PLACEHOLDER: untrained NER (labels only); replaced by make model"
    nlp.to_disk(out_dir)


if __name__ == "__main__":
    build()

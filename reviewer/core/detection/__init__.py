"""Detection: the only place spaCy and presidio live.

`analyze(document)` returns the findings of a whole document, sorted by position. Personal
information comes from the presidio `AnalyzerEngine` (pattern recognizers + our NER pipeline),
restricted content from the rules in `classified/`.
"""

from reviewer.core.detection.analyze import analyze

__all__ = ["analyze"]

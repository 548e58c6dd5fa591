"""The presidio `AnalyzerEngine` for Chinese, built from resources/analyzer.yaml and kept loaded.

Built by hand rather than by presidio's providers so that nothing falls back: the spaCy pipeline is
loaded by path from models/ (a missing or broken model is a `ConfigurationError`, never a download of
en_core_web_lg), the registry holds exactly the recognizers the YAML lists, tldextract is offline,
and context words are matched per clause (`ClauseContextEnhancer`).

Two passes share the one engine: pattern recognizers run on normalised text without NLP artifacts
(they do not need tokens, and presidio would otherwise tokenise every character); the NER recognizers
run per block on artifacts made by `nlp.pipe`, only for blocks that contain Chinese characters.
"""

from __future__ import annotations

import functools
import gc
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import tldextract.tldextract
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc

from reviewer.core.detection.config import DEFAULT_CONFIG, EngineConfig, load_config
from reviewer.core.detection.context import EXTERNAL_CONTEXT, ClauseContextEnhancer
from reviewer.core.detection.recognizers import RECOGNIZER_CLASSES
from reviewer.core.detection.recognizers.email import offline_extractor
from reviewer.core.errors import ConfigurationError

CHINESE = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def make_tldextract_offline() -> None:
    """Point tldextract's module-level extractor (used by presidio's e-mail recognizer) at the bundled
    public suffix list: its default downloads the list on the first address it sees."""
    tldextract.tldextract.TLD_EXTRACTOR = offline_extractor()


class PathSpacyNlpEngine(SpacyNlpEngine):
    """presidio's spaCy engine around a pipeline we loaded ourselves (by path, no download).

    Artifacts skip presidio's keyword list (a stop-word look-up per character token): our context
    enhancer works on characters and does not read it.
    """

    def __init__(self, nlp: Language, language: str, ner: NerModelConfiguration) -> None:
        super().__init__(models=[{"lang_code": language, "model_name": str(nlp.path or "in-memory")}],
                         ner_model_configuration=ner)
        self.nlp = {language: nlp}

    def load(self) -> None:  # already loaded; never fetch anything
        return None

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        entities, scores = self._get_updated_entities(list(doc.ents), self._get_scores_for_entities(doc))
        return LazyNlpArtifacts(doc, entities, scores, self, language)


class LazyNlpArtifacts(NlpArtifacts):
    """NlpArtifacts whose per-token lists are built only if a recognizer asks for them.

    The NER recognizers read `entities` and `scores`; building token offsets and lemmas for every
    character token of every block cost more than the regex pass.
    """

    def __init__(self, doc: Doc, entities: list, scores: list[float], engine: SpacyNlpEngine, language: str) -> None:
        self.entities = entities
        self.tokens = doc
        self.scores = scores
        self.nlp_engine = engine
        self.language = language
        self.keywords = []

    @functools.cached_property
    def tokens_indices(self) -> list[int]:  # type: ignore[override]
        return [t.idx for t in self.tokens]

    @functools.cached_property
    def lemmas(self) -> list[str]:  # type: ignore[override]
        return [t.lemma_ or t.text for t in self.tokens]


def load_pipeline(model: Path) -> Language:
    """Load the spaCy pipeline from its directory; anything missing is a clear error."""
    if not (model / "config.cfg").is_file():
        raise ConfigurationError(
            f"找不到中文 NER 模型：{model}。请运行 make model（或重新安装）生成 models/zh_reviewer_ner。",
            f"Chinese NER model not found at {model}. Run `make model` (or reinstall) to create "
            "models/zh_reviewer_ner.", path=str(model))
    from reviewer.core.detection.ner import load_spacy_pipeline

    try:
        nlp = load_spacy_pipeline(model)
    except Exception as exc:  # spaCy raises many kinds for a broken pipeline
        raise ConfigurationError(f"中文 NER 模型 {model} 无法加载：{exc}。请重新生成模型（make model）。",
                                 f"Chinese NER model {model} cannot be loaded: {exc}. Rebuild it (make model).",
                                 path=str(model)) from exc
    if nlp.lang != "zh":
        raise ConfigurationError(f"模型 {model} 的语言是 {nlp.lang}，不是 zh。请检查 analyzer.yaml 的 nlp.model。",
                                 f"Model {model} is for language {nlp.lang}, not zh. Check nlp.model in "
                                 "analyzer.yaml.", path=str(model))
    return nlp


def _ner_recognizers(config: EngineConfig) -> list[EntityRecognizer]:
    """The NER package's recognizers (PERSON, CN_ADDRESS, ORGANIZATION) when the YAML asks for them."""
    if not config.nlp.ner_recognizers:
        return []
    try:
        from reviewer.core.detection.ner import build_recognizers
    except ImportError as exc:
        raise ConfigurationError(f"检测配置要求 NER 识别器，但 reviewer.core.detection.ner 无法导入：{exc}。请重新安装。",
                                 f"The configuration asks for NER recognizers but reviewer.core.detection.ner cannot "
                                 f"be imported: {exc}. Reinstall.", path=str(config.path)) from exc
    recognizers = list(build_recognizers(config.language, lac_ensemble=config.nlp.lac_ensemble))
    wrong = [r.name for r in recognizers if r.supported_language != config.language]
    if wrong:
        raise ConfigurationError(f"NER 识别器 {wrong} 的语言不是 {config.language}。",
                                 f"NER recognizers {wrong} are not for language {config.language}.")
    return recognizers


class DetectionEngine:
    """One loaded analyzer: `analyze_patterns(text)` and `analyze_ner(texts)`; used by one thread."""

    def __init__(self, config: EngineConfig) -> None:
        unknown = [n for n in config.recognizers if n not in RECOGNIZER_CLASSES]
        if unknown:
            raise ConfigurationError(f"检测配置 {config.path} 列出了未知的识别器 {unknown}。可用：{sorted(RECOGNIZER_CLASSES)}。",
                                     f"Detection configuration {config.path} lists unknown recognizers {unknown}. "
                                     f"Available: {sorted(RECOGNIZER_CLASSES)}.", path=str(config.path))
        make_tldextract_offline()
        self.config = config
        self.nlp = load_pipeline(config.nlp.model)
        mapping = dict(config.nlp.entity_mapping)
        ner_config = NerModelConfiguration(model_to_presidio_entity_mapping=mapping,
                                           default_score=config.nlp.default_score,
                                           labels_to_ignore=[label for label in self._labels() if label not in mapping])
        self.nlp_engine = PathSpacyNlpEngine(self.nlp, config.language, ner_config)
        pattern_recognizers = [RECOGNIZER_CLASSES[n](supported_language=config.language) for n in config.recognizers]
        ner_recognizers = _ner_recognizers(config)
        registry = RecognizerRegistry(recognizers=[*pattern_recognizers, *ner_recognizers],
                                      supported_languages=[config.language])
        ctx = config.context
        self.analyzer = AnalyzerEngine(
            registry=registry, nlp_engine=self.nlp_engine, supported_languages=[config.language],
            default_score_threshold=config.default_threshold,
            context_aware_enhancer=ClauseContextEnhancer(boost=ctx.boost,
                                                         min_score_with_context=ctx.min_score_with_context,
                                                         prefix_chars=ctx.prefix_chars, suffix_chars=ctx.suffix_chars))
        self.pattern_entities = [r.supported_entities[0] for r in pattern_recognizers]
        self.ner_entities = sorted({e for r in ner_recognizers for e in r.supported_entities})
        self.priority = {name: i for i, name in enumerate(config.recognizers)}
        self._empty = NlpArtifacts(entities=[], tokens=None, tokens_indices=[], lemmas=[], nlp_engine=None,
                                   language=config.language)

    def _labels(self) -> list[str]:
        if "ner" not in self.nlp.pipe_names:
            return []
        pipe = self.nlp.get_pipe("ner")  # a character tagger's labels are BILUO tags: ask for entity kinds
        return list(getattr(pipe, "entity_labels", pipe.labels))

    @property
    def has_ner(self) -> bool:
        return bool(self.ner_entities) and "ner" in self.nlp.pipe_names

    def analyze_patterns(self, text: str, *, threshold: float,
                         context: Sequence[str] = ()) -> list[RecognizerResult]:
        """All pattern recognizers over (normalised) text, with context and decision process.

        `context`: words that apply to all of `text` (a table column's header)."""
        token = EXTERNAL_CONTEXT.set(tuple(context))
        try:
            return self.analyzer.analyze(text=text, language=self.config.language, entities=self.pattern_entities,
                                         score_threshold=threshold, return_decision_process=True,
                                         nlp_artifacts=self._empty, context=list(context) or None)
        finally:
            EXTERNAL_CONTEXT.reset(token)

    def analyze_ad_hoc(self, text: str, recognizers: Sequence[EntityRecognizer]) -> list[RecognizerResult]:
        """Recognizers given for this call only (presidio's ad-hoc recognizers): the office's term lists,
        which change while the engine lives (issue 33)."""
        entities = sorted({e for r in recognizers for e in r.supported_entities})
        return self.analyzer.analyze(text=text, language=self.config.language, entities=entities,
                                     ad_hoc_recognizers=list(recognizers), score_threshold=0.0,
                                     return_decision_process=True, nlp_artifacts=self._empty)

    def ner_artifacts(self, texts: Iterable[str]) -> Iterator[NlpArtifacts]:
        """Run the spaCy pipeline over texts in batches (nlp.pipe)."""
        for doc in self.nlp.pipe(texts, batch_size=self.config.nlp.batch_size):
            yield self.nlp_engine._doc_to_nlp_artifact(doc, self.config.language)

    def analyze_ner(self, text: str, artifacts: NlpArtifacts, *, threshold: float) -> list[RecognizerResult]:
        if not self.ner_entities:
            return []
        return self.analyzer.analyze(text=text, language=self.config.language, entities=self.ner_entities,
                                     score_threshold=threshold, return_decision_process=True,
                                     nlp_artifacts=artifacts)


@functools.lru_cache(maxsize=4)
def _cached_engine(path: str) -> DetectionEngine:
    engine = DetectionEngine(load_config(path))
    # The engine's ~200k Python objects (word lists, vocabulary, recognizers) live as long as the process:
    # moved out of the collector's generations, they are no longer scanned by every full collection
    # (a tenth of a second per 300k characters analysed, 4 % of the time).
    gc.collect()
    gc.freeze()
    return engine


def get_engine(config_path: str | Path | None = None) -> DetectionEngine:
    """The loaded engine for a configuration (default resources/analyzer.yaml), built once per process."""
    return _cached_engine(str(Path(config_path or DEFAULT_CONFIG).resolve()))

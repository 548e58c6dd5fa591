"""The engine: strict configuration, model by path, offline tldextract, one cached engine."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import yaml

from reviewer.core.detection.config import DEFAULT_CONFIG, load_config
from reviewer.core.detection.engine import DetectionEngine, get_engine, load_pipeline
from reviewer.core.errors import ConfigurationError


def _write(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "analyzer.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_default_config_is_valid_and_lists_every_recognizer():
    config = load_config()
    assert config.language == "zh" and 0 < config.default_threshold < 1
    assert len(config.recognizers) == 14
    assert config.nlp.model.name == "zh_reviewer_ner"


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(unexpected=1), "unexpected"),
    (lambda d: d["nlp"].update(modle="x"), "modle"),
    (lambda d: d["context"].pop("boost"), "boost"),
    (lambda d: d.update(default_threshold=1.5), "default_threshold"),
    (lambda d: d.update(language="en"), "language"),
    (lambda d: d.update(default_threshold="high"), "default_threshold"),
])
def test_invalid_configuration_is_an_error(tmp_path, change, message):
    with pytest.raises(ConfigurationError) as err:
        load_config(_write(tmp_path, change))
    assert message in str(err.value)
    assert err.value.message_zh and err.value.message_en


def test_broken_yaml_and_missing_file_are_errors(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("language: [zh", encoding="utf-8")
    with pytest.raises(ConfigurationError):
        load_config(broken)
    with pytest.raises(ConfigurationError):
        load_config(tmp_path / "missing.yaml")


def test_unknown_recognizer_is_an_error(tmp_path):
    path = _write(tmp_path, lambda d: d["recognizers"].append("CnShoeSizeRecognizer"))
    with pytest.raises(ConfigurationError, match="CnShoeSizeRecognizer"):
        DetectionEngine(load_config(path))


def test_missing_model_is_a_clear_error_and_nothing_is_downloaded(tmp_path, monkeypatch):
    import spacy.cli

    monkeypatch.setattr(spacy.cli, "download", lambda *a, **k: pytest.fail("tried to download a model"))
    path = _write(tmp_path, lambda d: d["nlp"].update(model=str(tmp_path / "no_such_model")))
    with pytest.raises(ConfigurationError) as err:
        DetectionEngine(load_config(path))
    assert "no_such_model" in str(err.value) and "make model" in err.value.message_en


def test_broken_model_directory_is_a_clear_error(tmp_path):
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.cfg").write_text("[nlp]\nlang = \n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="cannot be loaded"):
        load_pipeline(model)


def test_engine_is_loaded_once():
    assert get_engine() is get_engine()
    assert get_engine().nlp.lang == "zh"


def test_tldextract_never_reaches_the_network(monkeypatch):
    import tldextract

    get_engine()  # makes the module-level extractor offline
    def refuse(*args, **kwargs):
        raise AssertionError("network access")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert tldextract.extract("mail.example.gov.cn").suffix == "gov.cn"
    from presidio_analyzer.predefined_recognizers import EmailRecognizer
    assert EmailRecognizer().validate_result("someone@example.com") is True


def test_stock_presidio_still_builds_beside_our_recognizers():
    """presidio finds recognizer classes by name among PatternRecognizer subclasses: ours must not
    shadow its own (an `EmailRecognizer` of ours once broke presidio's default registry)."""
    from presidio_analyzer import RecognizerRegistry

    get_engine()
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(languages=["en"])
    assert {"EmailRecognizer", "IpRecognizer"} <= {r.name for r in registry.recognizers}


def test_no_pattern_uses_word_boundaries():
    """`\\b` treats Chinese characters as word characters and misses 账户6217…: look-arounds only."""
    from reviewer.core.detection.recognizers import RECOGNIZER_CLASSES

    for cls in RECOGNIZER_CLASSES.values():
        for pattern in cls.PATTERNS:
            assert "\\b" not in pattern.regex, (cls.__name__, pattern.name)


def test_ner_recognizers_can_be_switched_off_in_the_yaml(tmp_path):
    engine = DetectionEngine(load_config(_write(tmp_path, lambda d: d["nlp"].update(ner_recognizers=False))))
    assert not engine.has_ner and engine.ner_entities == []
    assert [r.entity_type for r in engine.analyze_patterns("电话13896001234", threshold=0.5)] == ["CN_MOBILE_PHONE"]


def test_lac_ensemble_setting_reaches_the_person_recognizer(tmp_path):
    off = DetectionEngine(load_config(_write(tmp_path, lambda d: None)))
    on = DetectionEngine(load_config(_write(tmp_path, lambda d: d["nlp"].update(lac_ensemble=True))))

    def person(engine):
        return next(r for r in engine.analyzer.registry.recognizers if "PERSON" in r.supported_entities)

    assert person(off).lac is None
    assert person(on).lac is not None


def test_the_loaded_engine_is_out_of_the_collectors_generations():
    """Full garbage collections no longer scan the engine's objects (they live as long as the process)."""
    import gc

    get_engine()
    assert gc.get_freeze_count() > 100_000

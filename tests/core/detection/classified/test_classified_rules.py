"""The rule file is strict: every mistake an administrator can make is a clear bilingual error."""

import copy
from pathlib import Path

import pytest
import yaml

from reviewer.core.detection.classified import detect, load_rules
from reviewer.core.detection.classified.rules import DEFAULT_RULES_PATH
from reviewer.core.errors import ConfigurationError

from .helpers import BODY, docx_like

SHIPPED = yaml.safe_load(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data) -> Path:
    path = tmp_path / "classified.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_shipped_rules_load():
    rules = load_rules()
    assert rules.default_threshold == 0.5 and rules.levels == ("绝密", "机密", "秘密")
    assert len(rules.restrictions) == 4


@pytest.mark.parametrize(("mutate", "needle"), [
    (lambda d: d.update(extra=1), "extra"),
    (lambda d: d["layout"].update(head_line=6), "head_line"),
    (lambda d: d["restrictions"]["WORK_SECRET"].update(severity="urgent"), "severity"),
    (lambda d: d["restrictions"]["INTERNAL_USE"].update(markers=[]), "markers"),
    (lambda d: d["classified"]["periods"].update(years="([0-9]"), "periods.years"),
    (lambda d: d["classified"]["periods"].update(years="x*"), "periods.years"),
    (lambda d: d["classified"]["periods"].update(years="(?P<n>[0-9])年"), "periods.years"),
    (lambda d: d["disclosure_note"]["values"].update(公开发布="公开"), "公开发布"),
    (lambda d: d["explanations"].pop("COPY_NUMBER"), "COPY_NUMBER"),
    (lambda d: d.update(default_threshold=1.5), "default_threshold"),
    (lambda d: d["restrictions"]["STATE_SECRET_STATEMENT"].update(strict_statements=["没有这个"]), "strict"),
    (lambda d: d["subjects"].append("本文件"), "subjects"),
    (lambda d: d["restrictions"]["INTERNAL_USE"].update(patterns=["限(本单位"]), "patterns[0]"),
    (lambda d: d["restrictions"]["INTERNAL_USE"].update(patterns=["(?P<who>领导)参阅"]), "patterns[0]"),
])
def test_invalid_rules_are_rejected_with_the_key_named(tmp_path, mutate, needle):
    data = copy.deepcopy(SHIPPED)
    mutate(data)
    with pytest.raises(ConfigurationError) as info:
        load_rules(_write(tmp_path, data))
    assert needle in info.value.message_zh and needle in info.value.message_en
    assert "\n" not in str(info.value)


def test_missing_and_broken_files(tmp_path):
    with pytest.raises(ConfigurationError, match="not found"):
        load_rules(tmp_path / "nope.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: [1\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="YAML") as info:
        load_rules(broken)
    assert "\n" not in str(info.value)


def test_an_administrator_can_add_a_phrase(tmp_path):
    data = copy.deepcopy(SHIPPED)
    document = docx_like("限阅", *BODY)
    assert detect(document) == []
    data["restrictions"]["INTERNAL_USE"]["markers"].append("限阅")
    found = detect(document, rules=_write(tmp_path, data))
    assert [(str(f.entity_type), f.text) for f in found] == [("INTERNAL_USE", "限阅")]

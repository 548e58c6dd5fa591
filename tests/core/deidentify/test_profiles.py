"""Policy profiles: strict schema, the three built-ins and custom files."""

import pytest

from reviewer.core.deidentify.operators import OperatorKind
from reviewer.core.deidentify.plan import plan_redactions
from reviewer.core.deidentify.profiles import BUILTIN_PROFILES, load_profile
from reviewer.core.errors import ConfigurationError
from reviewer.core.types import Finding


def _finding(entity_type, text, score=1.0, start=0):
    return Finding(entity_type=entity_type, start=start, end=start + len(text), text=text, score=score,
                   recognizer="test", explanation="")


@pytest.mark.parametrize("name", BUILTIN_PROFILES)
def test_builtin_profiles_load(name):
    profile = load_profile(name)
    assert profile.name == name
    assert profile.rule_for("CN_ID_CARD").operator is OperatorKind.MASK
    assert profile.rule_for("CN_MOBILE_PHONE").operator is OperatorKind.MASK
    assert profile.rule_for("CLASSIFIED_MARKING").operator is OperatorKind.KEEP


def test_punitive_notice_keeps_names_and_organisations():
    profile = load_profile("punitive-notice")
    assert profile.rule_for("PERSON").operator is OperatorKind.KEEP
    assert profile.rule_for("ORGANIZATION").operator is OperatorKind.KEEP
    assert profile.rule_for("CN_ADDRESS").operator is OperatorKind.GENERALIZE
    assert load_profile("general").rule_for("PERSON").operator is OperatorKind.PSEUDONYM


@pytest.mark.parametrize(("text", "message"), [
    ("name: x\nentities:\n  CN_ID_CRAD: {operator: mask}\n", "CN_ID_CRAD"),
    ("name: x\nentites: {}\n", "entites"),
    ("name: x\nentities:\n  CN_ID_CARD: {operator: mask, params: {keep_haed: 3}}\n", "keep_haed"),
    ("name: x\nentities:\n  CN_ID_CARD: {operator: blur}\n", "blur"),
    ("name: x\nentities:\n  CN_ID_CARD: {operator: mask, thresold: 0.5}\n", "thresold"),
    ("name: x\nentities:\n  CN_ID_CARD: {operator: mask, threshold: 2}\n", "threshold"),
    ("name: x\nentities:\n  CN_ID_CARD: {operator: mask, params: {keep_head: '3'}}\n", "keep_head"),
    ("entities: {}\n", "name"),
])
def test_unknown_or_invalid_keys_are_errors(tmp_path, text, message):
    path = tmp_path / "custom.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigurationError) as info:
        load_profile(path)
    assert message in str(info.value)


def test_custom_profile_extends_and_overrides(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("name: mine\nextends: general\nentities:\n  CN_ID_CARD: {operator: label, threshold: 0.9}\n",
                    encoding="utf-8")
    profile = load_profile(str(path))
    plan = plan_redactions([_finding("CN_ID_CARD", "500106198703154515", score=0.95),
                            _finding("CN_ID_CARD", "110101199003070417", score=0.5, start=30),
                            _finding("CN_MOBILE_PHONE", "13896001234", start=60)], profile)
    assert plan.values["500106198703154515"] == "[身份证号]"
    assert "110101199003070417" not in plan.values  # below this profile's threshold
    assert plan.values["13896001234"] == "138****1234"  # inherited from general


def test_unknown_profile_name_lists_the_available_ones():
    with pytest.raises(ConfigurationError) as info:
        load_profile("no-such-profile")
    assert "general" in str(info.value)


def test_hash_operator_needs_a_workspace_key(tmp_path):
    path = tmp_path / "h.yaml"
    path.write_text("name: h\nentities:\n  PERSON: {operator: hash, params: {length: 6}}\n", encoding="utf-8")
    profile = load_profile(path)
    with pytest.raises(ConfigurationError):
        plan_redactions([_finding("PERSON", "王建国")], profile)
    plan = plan_redactions([_finding("PERSON", "王建国")], profile, key=b"0" * 32)
    assert plan.values["王建国"].startswith("[姓名-") and len(plan.values["王建国"]) == len("[姓名-]") + 6

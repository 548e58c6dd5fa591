"""Policy profiles: strict schema, the built-ins and custom files."""

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
    # never published whole: masked, or removed where the rule publishes none of it (低保 rosters, issue 28)
    removed = {OperatorKind.REDACT} if name == "assistance-notice" else {OperatorKind.MASK}
    assert profile.rule_for("CN_ID_CARD").operator in removed
    assert profile.rule_for("CN_MOBILE_PHONE").operator in removed
    assert profile.rule_for("CLASSIFIED_MARKING").operator is OperatorKind.KEEP


def test_punitive_notice_keeps_names_and_organisations():
    profile = load_profile("punitive-notice")
    # since issue 26 by role: the punished party and its legal representative stay, anyone else is a third party
    assert profile.roles["party"].operator is OperatorKind.KEEP
    assert profile.roles["legal_representative"].operator is OperatorKind.KEEP
    assert profile.rule_for("PERSON").operator is OperatorKind.PSEUDONYM
    assert profile.rule_for("ORGANIZATION").operator is OperatorKind.KEEP
    assert profile.rule_for("CN_ADDRESS").operator is OperatorKind.GENERALIZE
    assert load_profile("general").rule_for("PERSON").operator is OperatorKind.PSEUDONYM
    assert profile.rule_for("CN_USCC").operator is OperatorKind.KEEP  # the punished organisation's code
    mandatory = load_profile("mandatory-disclosure")
    assert mandatory.rule_for("PERSON").operator is OperatorKind.KEEP
    assert mandatory.rule_for("CN_USCC").operator is OperatorKind.MASK  # a sole trader's code identifies a person


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


def test_plan_from_review_decisions():
    from reviewer.core.deidentify.plan import plan_from_decisions
    from reviewer.core.review.decisions import Decision, DecisionKind

    text = "王建国 13896001234 500106198703154515 重庆市沙坪坝区小龙坎街道天星桥正街42号 李晓梅"
    def at(entity_type, value, **kw):
        start = text.index(value)
        return Finding(entity_type=entity_type, start=start, end=start + len(value), text=value, score=0.9,
                       recognizer="t", explanation="", locator={"page": 1, "boxes": [[0, 0, 1, 1]]}, **kw)

    address = at("CN_ADDRESS", "重庆市沙坪坝区小龙坎街道天星桥正街42号")
    edited_start = text.index("天星桥")
    pairs = [
        (at("PERSON", "王建国"), Decision(DecisionKind.ACCEPT, operator="label")),  # reviewer's operator wins
        (at("CN_MOBILE_PHONE", "13896001234"), Decision(DecisionKind.REJECT, reason="单位电话")),
        (at("CN_ID_CARD", "500106198703154515"), None),  # undecided: the profile applies
        (address, Decision(DecisionKind.EDIT, operator="generalise", start=edited_start,
                           end=edited_start + len("天星桥正街42号"), text="天星桥正街42号")),
        (at("PERSON", "李晓梅"), Decision(DecisionKind.ACCEPT, operator="pseudonym")),
    ]
    plan = plan_from_decisions(pairs, load_profile("general"))
    assert dict(plan.values) == {"王建国": "[姓名]", "500106198703154515": "500106********4515",
                                 "天星桥正街42号": "████████", "李晓梅": "李某"}
    edited = next(r for r in plan.replacements if r.finding.text == "天星桥正街42号")
    assert edited.finding.locator == {}  # the old span's boxes must not steer the PDF writer


def test_values_match_other_separator_spellings():
    plan = plan_redactions([_finding("CN_MOBILE_PHONE", "13896001234"), _finding("PERSON", "王建国", start=20)],
                           load_profile("general"))
    assert plan.apply_text("138-9600-1234，138 9600 1234，(138)96001234") == "138-****-1234，138 **** 1234，(138)****1234"
    assert plan.apply_text("王 建国与王建国") == "王某与王某"
    assert plan.apply_text("1389600123") == "1389600123"  # not the value: one digit short
    assert plan.replacement_for("138.9600.1234") == "138.****.1234"

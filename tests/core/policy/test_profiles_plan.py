"""Profiles decide by role and owner (`Profile.choose`), the plan records why and on which legal basis, prints
basis labels when asked, and never removes a printed 附注."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.deidentify.operators import OperatorKind
from reviewer.core.deidentify.plan import plan_from_decisions, plan_redactions
from reviewer.core.deidentify.profiles import load_profile
from reviewer.core.errors import ConfigurationError
from reviewer.core.review.decisions import Decision, DecisionKind
from reviewer.core.types import Category, Finding, Severity

TEXT = "当事人王建国，委托代理人陈小燕，承办人杨帆，电话023-67821056，手机13983126657。（此件公开发布）"


def at(entity_type: str, value: str, **attributes) -> Finding:
    start = TEXT.index(value)
    category = Category.RESTRICTED if entity_type == "DISCLOSURE_NOTE" else Category.PERSONAL
    return Finding(entity_type, start, start + len(value), value, 0.9, "t", "", category=category,
                   attributes=attributes, severity=Severity.INFO if category == Category.RESTRICTED else None)


FINDINGS = [at("PERSON", "王建国", role="party"), at("PERSON", "陈小燕", role="agent"),
            at("PERSON", "杨帆", role="official"),
            at("CN_LANDLINE_PHONE", "023-67821056", owner="institution"),
            at("CN_MOBILE_PHONE", "13983126657", owner="person")]


@pytest.mark.parametrize(("profile", "kept", "removed"), [
    # punitive: the party stays, a third party goes, the agency's officer and office line stay
    ("punitive-notice", {"王建国", "杨帆", "023-67821056"}, {"陈小燕": "陈某", "13983126657": "139****6657"}),
    # general: every private person goes; officials and institutional contacts stay
    ("general", {"杨帆", "023-67821056"}, {"王建国": "王某", "陈小燕": "陈某", "13983126657": "139****6657"}),
    # mandatory disclosure keeps the names it publishes, but not the agent's
    ("mandatory-disclosure", {"王建国", "杨帆", "023-67821056"}, {"陈小燕": "陈某", "13983126657": "139****6657"}),
])
def test_profiles_choose_by_role_and_owner(profile, kept, removed):
    plan = plan_redactions(FINDINGS, load_profile(profile))
    assert {f.text for f in plan.kept} == kept
    assert dict(plan.values) == removed


def test_the_rule_that_keeps_the_punished_party_cites_its_source():
    plan = plan_redactions(FINDINGS, load_profile("punitive-notice"))
    start = TEXT.index("王建国")
    assert "行政处罚法第四十八条" in plan.policy[(start, start + 3, "PERSON")]
    start = TEXT.index("023-67821056")
    assert "机构" in plan.policy[(start, start + 12, "CN_LANDLINE_PHONE")]


def test_the_rule_that_decided_and_the_legal_basis_are_on_each_replacement():
    plan = plan_redactions(FINDINGS, load_profile("punitive-notice"))
    agent = next(r for r in plan.replacements if r.finding.text == "陈小燕")
    assert agent.basis == ("第十五条", "个人信息保护法第二十五条")  # a third party: the catalogue's default by role
    assert agent.why == "委托代理人不是惩戒对象，按第三人处理（条例第十五条）"
    phone = next(r for r in plan.replacements if r.finding.text == "13983126657")
    assert phone.basis == ("第十五条",)
    decided = plan_from_decisions([(FINDINGS[1], Decision(DecisionKind.ACCEPT, "redact", legal_basis=("第十四条",)))],
                                  load_profile("general"))
    assert decided.replacements[0].basis == ("第十四条",) and decided.replacements[0].why.startswith("审查人决定")


def test_a_printed_note_is_never_a_redaction_whatever_the_decision():
    note = at("DISCLOSURE_NOTE", "此件公开发布", attribute="主动公开")
    for decision in (None, Decision(DecisionKind.ACCEPT, "redact"), Decision(DecisionKind.ACCEPT, "keep")):
        plan = plan_from_decisions([(note, decision)], load_profile("general"))
        assert plan.values == {} and plan.kept == (note,)
        assert "核对" in plan.policy[(note.start, note.end, "DISCLOSURE_NOTE")]


def test_basis_labels_follow_the_replacement_and_masks_keep_their_characters():
    profile = load_profile("general").with_basis_labels()
    plan = plan_redactions(FINDINGS, profile)
    assert plan.values["13983126657"] == "139****6657〔条例15〕"
    assert plan.values["陈小燕"] == "陈某〔条例15〕"
    assert plan.keep_masks["13983126657"] == (True,) * 3 + (False,) * 4 + (True,) * 4  # the PDF boxes stay the same
    assert plan.apply_text("手机139 8312 6657") == "手机139****6657〔条例15〕"  # another spelling: the label too
    assert plan.replacement_for("13983126657", bare=True) == "139****6657"
    off = plan_redactions(FINDINGS, load_profile("general"))
    assert off.values["13983126657"] == "139****6657" and not off.labels


def test_yaml_roles_owners_null_and_labels(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text("name: mine\nextends: punitive-notice\nbasis_labels: true\n"
                    "roles:\n  party: null\n  witness: {operator: redact, why: 测试}\nowners:\n  institution: null\n",
                    encoding="utf-8")
    profile = load_profile(path)
    assert profile.basis_labels and "party" not in profile.roles and "institution" not in profile.owners
    assert profile.choose(FINDINGS[0]).rule.operator is OperatorKind.PSEUDONYM  # no role rule: the type's
    assert profile.choose(FINDINGS[3]).rule.operator is OperatorKind.MASK
    witness = at("PERSON", "陈小燕", role="witness")
    assert profile.choose(witness).why == "测试" and profile.choose(witness).by == "role:witness"


@pytest.mark.parametrize(("text", "message"), [
    ("name: x\nroles:\n  boss: {operator: keep}\n", "boss"),
    ("name: x\nowners:\n  company: {operator: keep}\n", "company"),
    ("name: x\nbasis_labels: yes please\n", "basis_labels"),
    ("name: x\nroles:\n  party: {operator: keep, why: 3}\n", "why"),
])
def test_unknown_roles_owners_and_options_are_errors(tmp_path: Path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigurationError) as info:
        load_profile(path)
    assert message in str(info.value)


def test_auto_is_not_a_file():
    with pytest.raises(ConfigurationError) as info:
        load_profile("auto")
    assert "文种" in str(info.value)

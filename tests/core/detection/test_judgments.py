"""Wording and timing checks (issue 33) on real files: docx and PDF written at test time, the seed work plan
and the sample decision (which must give no wording or timing finding)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from reviewer.core.detection.judgments import JudgmentContext, check_document, timing_suggestion
from reviewer.core.detection.judgments.channel import advice, document_kind
from reviewer.core.detection.judgments.dates import cn_number, find_dates
from reviewer.core.detection.judgments.rules import load_judgments
from reviewer.core.documents import load_document
from reviewer.core.types import Category, EntityType, Severity
from tests.official_docs import HEATING_NOTICE, write

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "tests" / "data" / "restricted" / "chongqing-2018-disclosure-work-plan.txt"
SAMPLES = ROOT / "resources" / "samples"
TODAY = datetime.date(2026, 12, 7)


def _check(path: Path, **context) -> list:
    context.setdefault("today", TODAY)
    return check_document(load_document(path), JudgmentContext(**context))


def _types(findings) -> list[tuple[str, str]]:
    return [(str(f.entity_type), f.text) for f in findings]


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_the_heating_notice_gives_each_wording_and_timing_finding_with_its_reason(tmp_path, suffix):
    path = write(tmp_path / f"notice{suffix}", HEATING_NOTICE)
    document = load_document(path)
    findings = check_document(document, JudgmentContext(today=TODAY))
    by_type = {}
    for f in findings:
        by_type.setdefault(str(f.entity_type), []).append(f)
        assert f.category == Category.OTHER and f.explanation and f.attributes["check"] in ("wording", "timing")
        assert document.text[f.start:f.end] == f.text and f.locator  # placed in the file, PDF lines included
    outdated = by_type.pop(EntityType.WORDING_OUTDATED_NAME)
    assert [f.text for f in outdated] == ["国土资源局"]  # not 原县环境保护局 (a former body, with its year)
    assert "自然资源" in outdated[0].explanation and "国务院办公厅关于地方机构改革" in outdated[0].explanation
    assert outdated[0].severity == Severity.REVIEW
    promises = by_type.pop(EntityType.WORDING_PROMISE)
    assert [f.text.replace("\n", "") for f in promises] == ["确保100%", "一律当场办结"]  # across a PDF line
    assert all(f.severity == Severity.INFO and "兑现" in f.explanation for f in promises)
    deadline, = by_type.pop(EntityType.TIMING_DEADLINE)
    assert deadline.text.replace("\n", "").startswith("2026年11月30日前") and deadline.severity == Severity.REVIEW
    assert deadline.attributes["date"] == "2026-11-30" and deadline.attributes["days"] == -7
    assert "已过" in deadline.explanation and "2026-12-07" in deadline.explanation
    effective, = by_type.pop(EntityType.TIMING_EFFECTIVE)
    assert effective.attributes["date"] == "2026-12-01" and "公开前已经施行" in effective.explanation
    assert by_type == {}  # nothing else: 文号 and 成文日期 agree, the date is not in the future, no draft


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_a_draft_printed_as_published_with_a_wrong_number_year_and_a_close_effective_date(tmp_path, suffix):
    paragraphs = [
        "某市住房和城乡建设委员会",
        "某建发〔2025〕9号",
        "关于印发某市物业服务收费管理办法的通知",
        "（征求意见稿）",
        "各区县住房城乡建设主管部门：",
        "现将《某市物业服务收费管理办法》印发给你们，请认真贯彻执行。",
        "本办法自2026年3月1日起施行。",
        "某市住房和城乡建设委员会",
        "2026年1月5日",
        "（此件公开发布）",
    ]
    path = write(tmp_path / f"draft{suffix}", paragraphs)
    findings = _check(path, release=datetime.date(2026, 2, 20))
    types = _types(findings)
    assert (EntityType.WORDING_DRAFT_STATUS, "征求意见稿") in types  # printed 此件公开发布: a final is published
    number = next(f for f in findings if f.entity_type == EntityType.WORDING_NUMBER_YEAR)
    assert number.text == "2025" and "2026年1月5日" in number.explanation
    effective = next(f for f in findings if f.entity_type == EntityType.TIMING_EFFECTIVE)
    assert effective.severity == Severity.INFO and effective.attributes["days"] == 9
    assert "规章制定程序条例" in effective.explanation
    # the same draft without a printed 附注 and no recorded attribute: no draft-status finding
    unprinted = write(tmp_path / f"unprinted{suffix}", paragraphs[:-1])
    assert EntityType.WORDING_DRAFT_STATUS not in {f.entity_type for f in _check(unprinted)}
    # …but recorded as 主动公开 in the workspace: yes
    recorded = _check(unprinted, attribute="主动公开")
    assert EntityType.WORDING_DRAFT_STATUS in {f.entity_type for f in recorded}
    assert not any(f.entity_type == EntityType.WORDING_DRAFT_STATUS for f in _check(unprinted, attribute="不予公开"))


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_a_future_signature_date_and_an_embargo(tmp_path, suffix):
    paragraphs = [
        "某区教育委员会",
        "某教发〔2027〕2号",
        "关于2027年春季学期中小学招生工作安排的通知",
        "各中小学校：",
        "本通知在2026年12月20日之前不得公开，请各校做好招生准备。",
        "某区教育委员会",
        "2027年1月15日",
    ]
    path = write(tmp_path / f"future{suffix}", paragraphs)
    findings = _check(path)
    future = next(f for f in findings if f.entity_type == EntityType.WORDING_FUTURE_DATE)
    assert future.text == "2027年1月15日" and "晚于今天（2026-12-07）" in future.explanation
    embargo = next(f for f in findings if f.entity_type == EntityType.TIMING_EMBARGO)
    assert embargo.severity == Severity.REVIEW and "不早于 2026-12-20" in embargo.explanation
    later = _check(path, release=datetime.date(2026, 12, 21))
    lapsed = next(f for f in later if f.entity_type == EntityType.TIMING_EMBARGO)
    assert lapsed.severity == Severity.INFO and "已过" in lapsed.explanation


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_mentions_that_are_not_problems_give_nothing(tmp_path, suffix):
    """Traps: a public consultation on a draft, former bodies with 原 or a year, cited titles and laws,
    generic 部门, a current name that contains an old one, statistics 截至…, instructions, not promises."""
    paragraphs = [
        "某市司法局",
        "关于公开征求《某市养犬管理条例（草案）》意见的通知",
        "为提高立法质量，现将《某市养犬管理条例（草案）》全文公布，征求社会各界意见。",
        "一、截至2025年底，全市登记犬只12万只，原市国土资源局划拨的收容场地已移交市城市管理局。",
        "二、2017年，市环境保护局曾开展噪声专项整治。《国土资源部关于加强用地管理的通知》继续执行。",
        "三、各级环境保护部门、农业部门要加强协作，区文化旅游局配合做好宣传。",
        "四、《中华人民共和国动物防疫法》自2021年5月1日起施行，各单位要确保各项任务按时完成。",
        "五、无法律法规依据的证明一律取消，决不能以罚代管。",
        "某市司法局",
        "2026年11月25日",
        "（此件公开发布）",
    ]
    path = write(tmp_path / f"traps{suffix}", paragraphs)
    assert _types(_check(path)) == []


@pytest.mark.parametrize("path", [
    SEED,
    SAMPLES / "penalty-decision.txt",
    SAMPLES / "penalty-decision.docx",
    SAMPLES / "penalty-decision.pdf",
], ids=lambda p: p.name)
def test_no_false_alarm_on_the_seed_work_plan_and_the_sample_decision(path):
    """The seed names current bodies (in June 2018: 国土房管局 was right then) and has no draft status; the
    sample decision is consistent. Checked as recorded 主动公开, released on the day of this test run and on
    the day after signing."""
    document = load_document(path)
    for release in (None, datetime.date(2018, 6, 8) if path == SEED else datetime.date(2026, 5, 9)):
        found = check_document(document, JudgmentContext(release=release, attribute="主动公开"))
        assert _types(found) == [], path


def test_the_seed_plan_is_checked_against_its_own_date():
    """The reform names are judged against the 成文日期 (2018-06-06): the same body named in a 2026 notice
    would be flagged."""
    text = SEED.read_text(encoding="utf-8")
    assert "市国土房管局" in text and "2018年6月6日" in text
    document = load_document(SEED)
    assert check_document(document) == []


def test_dates_as_documents_write_them():
    assert cn_number("三十一") == 31 and cn_number("十二") == 12 and cn_number("六") == 6 and cn_number("二十") == 20
    found = find_dates("二〇一八年六月六日；2018年底；9月底前；2018.6.30；今年年底前；2月30日", base_year=2018)
    assert [d.value.isoformat() for d in found] == ["2018-06-06", "2018-12-31", "2018-09-30", "2018-06-30",
                                                     "2018-12-31"]  # 2月30日 is no date
    assert [d.exact for d in found] == [True, False, False, True, False]


def test_timing_suggestion_names_the_twenty_working_days_and_each_date(tmp_path):
    path = write(tmp_path / "notice.docx", HEATING_NOTICE)
    text = timing_suggestion(load_document(path), JudgmentContext(today=TODAY, release=datetime.date(2026, 11, 24)))
    assert "成文日期 2026-11-20" in text and "2026-12-18 前" in text and "未计法定节假日" in text
    assert "截止日期 2026-11-30" in text and "施行日期 2026-12-01：应在施行前公开" in text


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
@pytest.mark.parametrize(("title", "kind", "narrow", "wide"), [
    ("某区国有土地上房屋征收分户补偿情况公示", "征收分户补偿", "征收范围内公告栏", "政府网站"),
    ("某街道2026年第四季度最低生活保障对象公示", "低保公示", "社区公示栏", "政府网站、政务新媒体"),
    ("某区市场监督管理局行政处罚决定书", "处罚决定", "政府网站", None),
])
def test_the_document_kind_proposes_its_audience_and_a_wider_channel_is_warned(tmp_path, title, kind, narrow,
                                                                                wide, suffix):
    path = write(tmp_path / f"kind{suffix}", [title, "根据有关规定，现予公示。"])
    document = load_document(path)
    assert document_kind(document) == kind
    rules = load_judgments()
    fine = advice(kind, narrow, rules)
    assert fine.warning == "" and fine.suggestion and fine.source in fine.suggestion
    if wide is not None:
        warned = advice(kind, wide, rules)
        assert "超出" in warned.warning and warned.source in warned.warning and warned.chosen_scope == "public"
    assert advice(None, "政府网站", rules).warning == ""  # no rule for the kind: no judgment is claimed
    assert advice(kind, "不在政府网站公开，仅在" + narrow, rules).warning == ""  # a negated channel does not count

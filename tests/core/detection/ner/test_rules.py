"""Table tests for the rules on top of the NER model (no model needed)."""

from __future__ import annotations

import random

import pytest

from reviewer.core.detection.ner import rules


@pytest.mark.parametrize(("text", "expected"), [
    ("当事人：罗建军，男，汉族。", ["罗建军"]),
    ("申请人宋晨曦要求公开征收补偿方案。", ["宋晨曦"]),
    ("联系人：左文斌，彭水县民政局。", ["左文斌"]),
    ("法定代表人：诸葛文强，职务：执行董事。", ["诸葛文强"]),
    ("经办人：陶丽　审核人：姜伟", ["陶丽", "姜伟"]),
    ("举报人阿布都拉·艾力称其被拖欠工资。", ["阿布都拉·艾力"]),
    ("信访人胡光明反映噪声扰民。", ["胡光明"]),
    ("当事人罗建军在现场签字。", ["罗建军"]),
    ("申请人（自然人）：吕振华，住址略。", ["吕振华"]),
    # never a name: de-identified, organisations, role words
    ("信访人王某某反映的事项已终结。", []),
    ("当事人：张某，男。", []),
    ("当事人：重庆鼎晟建筑劳务有限公司，住所略。", []),
    ("申请人：本人。", []),
    ("经办人：", []),
])
def test_role_names(text: str, expected: list[str]) -> None:
    assert [text[r.start:r.end] for r in rules.role_names(text)] == expected


@pytest.mark.parametrize(("name", "deidentified"), [
    ("张某", True), ("李某某", True), ("欧阳某", True), ("王某甲", True),
    ("张谋", False), ("罗建军", False), ("某", False),
])
def test_deidentified(name: str, deidentified: bool) -> None:
    assert rules.is_deidentified(name) is deidentified


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("住址：重庆市江北区建新东路17号2单元5-1。", "重庆市江北区", "重庆市江北区建新东路17号2单元5-1"),
    ("住址：重庆市江北区建新东路17号2单元5-1。", "重庆市江北区建新东路", "重庆市江北区建新东路17号2单元5-1"),
    ("现住越秀区南坪街道文化街762号附19号阳光花园1幢308室，反映", "越秀区南坪街道文化街",
     "越秀区南坪街道文化街762号附19号阳光花园1幢308室"),
    ("家住井口镇美丽村9组31号，反映", "井口镇美丽村", "井口镇美丽村9组31号"),
    ("位于北碚区朝阳街道北京路102号附5号。", "北碚区朝阳街道北京路102号", "北碚区朝阳街道北京路102号附5号"),
    ("在渝中区召开会议", "渝中区", "渝中区"),  # nothing to extend
    ("重庆市渝中区2024年工作要点", "重庆市渝中区", "重庆市渝中区"),  # a year is not a house number
])
def test_extend_address(text: str, span: str, expected: str) -> None:
    start = text.index(span)
    assert text[start:rules.extend_address(text, start, start + len(span))] == expected


@pytest.mark.parametrize(("text", "specific"), [
    ("重庆市江北区建新东路17号", True), ("大庙镇新桥村7组", True), ("北碚区云华路199号", True),
    ("重庆市渝中区", False), ("南岸区弹子石老街", False), ("江北区", False),
])
def test_specific_address(text: str, specific: bool) -> None:
    assert rules.is_specific_address(text) is specific


@pytest.mark.parametrize(("name", "government"), [
    ("重庆市北碚区人民政府", True), ("北碚区人民政府办公室", True), ("江北区城市管理局", True),
    ("重庆市信访办公室", True), ("罗建军", False), ("重庆恒达物流有限公司", False),
])
def test_government_body(name: str, government: bool) -> None:
    assert rules.is_government_body(name) is government


@pytest.mark.parametrize(("text", "expected"), [
    ("马红军来信反映，永川区胜利路街道萱花路62号小区物业不公开账目。", ["永川区胜利路街道萱花路62号"]),
    ("住在南岸区南坪西路88号2栋15-6，和家人一起住。", ["南岸区南坪西路88号2栋15-6"]),
    ("申请人住址：渝北区仙桃街道数据谷中路107号7栋2单元1203。", ["渝北区仙桃街道数据谷中路107号7栋2单元1203"]),
    ("在九龙坡区杨家坪西郊路3号负一层销售", ["九龙坡区杨家坪西郊路3号负一层"]),
    ("秀山县清溪场镇大寨村4组村民", ["秀山县清溪场镇大寨村4组"]),
    ("重庆市渝中区2024年政务公开工作要点", []),  # a place and a year: no address
    ("会议同意村民邢德福翻建住房。", []),
])
def test_grammar_addresses(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in rules.grammar_addresses(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("（大庙镇新桥村7组）", "大庙镇新桥村7组"), ("三河镇拱桥村5组　1人", "三河镇拱桥村5组"), ("“罗建军”", "罗建军"),
    ("·叶", "叶"), ("·艾则孜", "艾则孜"), ("古丽·米拉", "古丽·米拉"),
])
def test_clean_span(text: str, expected: str) -> None:
    start, end = rules.clean_span(text, 0, len(text))
    assert text[start:end] == expected


@pytest.mark.parametrize(("name", "shaped"), [
    ("罗建军", True), ("阿布都拉·艾力", True), ("梁平区", False), ("住址：渝北区", False), ("黄水镇", False),
])
def test_name_shaped(name: str, shaped: bool) -> None:
    assert rules.name_shaped(name) is shaped


@pytest.mark.parametrize(("text", "expected"), [
    ("答：我住在南岸区南坪西路88号2栋15-6，和家人一起住。", ["南岸区南坪西路88号2栋15-6"]),
    ("你单位的住所为重庆市沙坪坝区大学城中路37号9幢1-2，法定代表人", ["重庆市沙坪坝区大学城中路37号9幢1-2"]),
    ("补助对象的房屋位于合川区钱塘镇大柱村3组12号，补助资金", ["合川区钱塘镇大柱村3组12号"]),
])
def test_grammar_addresses_start_after_function_words(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in rules.grammar_addresses(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("永川区胜利路街道萱花路62号小区物业", "永川区胜利路街道萱花路62号"),
    ("九龙坡区杨家坪西郊路3号负一层销售无中文标", "九龙坡区杨家坪西郊路3号负一层"),
    ("为重庆市沙坪坝区大学城中路37号9幢1-2", "重庆市沙坪坝区大学城中路37号9幢1-2"),
    ("重庆市渝中区", "重庆市渝中区"),
])
def test_trim_address(text: str, expected: str) -> None:
    start, end = rules.trim_address(text, 0, len(text))
    assert text[start:end] == expected


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("承办人\n司马云飞\n审核人", "司马", "司马云飞"),  # a table cell
    ("1　谭兴旺　南宾街道", "谭兴", "谭兴旺"),  # a roster column
    ("会议由王志强主持", "王志强", "王志强"),  # inside a sentence: unchanged
    ("会议由王志强主持", "王志", "王志"),  # not alone: the model's span stays
])
def test_widen_name(text: str, span: str, expected: str) -> None:
    start = text.index(span)
    s, e = rules.widen_name(text, start, start + len(span))
    assert text[s:e] == expected


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("资助名单：龙梦琪、卢子轩、汪诗涵。", "卢子轩", ["汪诗涵", "龙梦琪"]),
    ("上述人员中，阿布都拉·艾力、古丽米拉·吐尔地为少数民族。", "阿布都拉·艾力", []),  # 地为… is not delimited
    ("出席：王志强、刘晓燕、区财政局。", "王志强", ["刘晓燕"]),  # an organisation ends the list
    ("张某、李四、王五", "李四", ["王五"]),  # 张某 is de-identified
])
def test_list_neighbours(text: str, name: str, expected: list[str]) -> None:
    start = text.index(name)
    assert sorted(text[s:e] for s, e in rules.list_neighbours(text, start, start + len(name))) == sorted(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("询问人：柏杨，记录人：窦艳，被询问人：阚志远。", ["柏杨", "窦艳", "阚志远"]),
    ("经办人陶丽，审核人姜伟，审批人童新。", ["陶丽", "姜伟", "童新"]),
    ("被告戚志远经传票传唤无正当理由拒不到庭。", ["戚志远"]),
])
def test_more_role_words(text: str, expected: list[str]) -> None:
    assert [text[r.start:r.end] for r in rules.role_names(text)] == expected


def test_role_word_after_a_role_word() -> None:
    text = "姓名\n承办人\n司马云飞\n审核人\n覃丽娟"
    assert [text[r.start:r.end] for r in rules.role_names(text)] == ["司马云飞", "覃丽娟"]


@pytest.mark.parametrize(("name", "idiom"), [
    ("惠民利民", True), ("为民服务", True), ("欧阳明轩", False), ("阿布都拉·艾力", False), ("罗建军", False),
    ("尼玛扎西", False), ("格桑卓玛", False),
])
def test_idiom_shaped(name: str, idiom: bool) -> None:
    assert rules.idiom_shaped(name) is idiom


@pytest.mark.parametrize(("text", "span", "cuts"), [
    ("增强监管威慑力和公信力", "管威", True),  # 监管 | 威慑
    ("为公众查阅、司法审判等提供", "众查", True),  # 公众 | 查阅
    ("记者王伟报道", "王伟", False),
    ("请王建国同志发言", "王建国", False),
    ("王伟", "王伟", False),  # at the edges of the text there is no word to cut
])
def test_cuts_two_words(text: str, span: str, cuts: bool) -> None:
    start = text.index(span)
    assert rules.cuts_two_words(text, start, start + len(span)) is cuts


@pytest.mark.parametrize(("text", "span", "place"), [
    ("长寿区晏家街道于3月", "晏家", True),
    ("货车在G65包茂高速超限运输", "包茂", True),
    ("万盛经开区关坝镇", "万盛", True),
    ("王家镇人民政府", "王家", True),
    ("李明镇长主持会议", "李明", False),
    ("张华乡长到场", "张华", False),
    ("刘洋街道办主任", "刘洋", False),
    ("张伟同志", "张伟", False),
])
def test_names_a_place(text: str, span: str, place: bool) -> None:
    assert rules.names_a_place(text, text.index(span) + len(span)) is place


def test_join_split_names() -> None:
    text = "卓玛次仁、古丽米拉·吐尔地、张伟李娜、阿依努尔·买买提"
    def at(name: str) -> tuple[int, int, float]:
        return text.index(name), text.index(name) + len(name), 0.85
    spans = [at("卓玛"), at("次仁"), at("古丽"), at("米拉·吐尔地"), at("张伟"), at("李娜"), at("阿依努尔·买买提")]
    joined = [text[s:e] for s, e, _ in rules.join_split_names(text, spans)]
    assert joined == ["卓玛次仁", "古丽米拉·吐尔地", "张伟", "李娜", "阿依努尔·买买提"]  # 张伟李娜 are two names


@pytest.mark.parametrize(("text", "span", "broken"), [
    ("（牵头单位：市发\n\n展改革委、市编办）", "市发", True),  # 发展 cut by the line break
    ("联系人：王伟\n电话：略", "王伟", False),  # 伟电 is no word
    ("联系人：王伟", "王伟", False),
])
def test_word_broken_by_line(text: str, span: str, broken: bool) -> None:
    assert rules.word_broken_by_line(text, text.index(span) + len(span)) is broken


def test_a_role_word_before_a_sentence_is_not_a_name() -> None:
    """resources/samples/penalty-decision.txt: 当事人应自收到本决定书之日起 gave 应自收 (应 is a surname)."""
    assert rules.role_names("当事人应自收到本决定书之日起十五日内缴纳罚款。") == []
    assert [r.start for r in rules.role_names("申请人宋晨曦要求公开。")] == [3]


def _grammar_addresses_by_character(text: str) -> list[tuple[int, int]]:
    """The rule as first written, one character at a time: the reference for the regex scan."""
    found: list[tuple[int, int]] = []
    pos = 0
    for start in range(len(text)):
        if start < pos or text[start] in rules._BOUNDARY_BEFORE:
            continue
        if start and text[start - 1] not in rules._BOUNDARY_BEFORE:
            continue
        m = rules._ADMIN_HEAD.match(text, start)
        if not m:
            continue
        end = rules.extend_address(text, start, m.end())
        if end > m.end() and rules.is_specific_address(text[m.end():end]):
            found.append((start, end))
            pos = end
    return found


def test_grammar_addresses_scan_clauses_like_the_character_loop() -> None:
    """On the gov set, the work plan and generated government sentences (many addresses), the clause
    scan finds exactly what the per-character loop found."""
    from pathlib import Path

    from models.training.govgen import generate
    from reviewer.eval.ner import gov_examples

    seed = Path(__file__).resolve().parents[5] / "shared" / "seeds" / "chongqing-2018-disclosure-work-plan.txt"
    texts = [t for t, _ in gov_examples()] + seed.read_text(encoding="utf-8").splitlines()
    texts += [example.text for example in generate(600, seed=5)]
    texts += ["", "\n", "：永川区胜利路街道萱花路62号", "住 江北区建新东路17号附2号，电话"]
    # the longest heads: a 2–7 character province or 自治区, a 2–7 character city, a 1–6 character district
    rng = random.Random(3)
    pieces = ["广西壮族自治区", "内蒙古自治区", "黑龙江省", "省", "呼和浩特市", "市", "赛罕区", "区", "县",
              "街道", "镇", "建设路", "17号", "2单元", "，", "住", "的", "甲乙丙丁戊己", "庚辛"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(3, 14))) for _ in range(3000)]
    found = 0
    for text in texts:
        expected = _grammar_addresses_by_character(text)
        assert rules.grammar_addresses(text) == expected, text
        found += len(expected)
    assert found > 50

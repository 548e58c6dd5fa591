"""Table-driven tests of every pattern recognizer through the real pipeline (analyze on a document).

Each type has valid, invalid, boundary (glued to Chinese text, too long/short, masked), full-width and
spaced forms. Expected values are the original document text (full-width stays full-width).
"""

from __future__ import annotations

import pytest

from tests.core.detection.conftest import personal, spans

ID = "CN_ID_CARD"
MOBILE = "CN_MOBILE_PHONE"
LANDLINE = "CN_LANDLINE_PHONE"
EMAIL = "EMAIL_ADDRESS"
BANK = "CN_BANK_CARD"
USCC = "CN_USCC"
PLATE = "CN_LICENSE_PLATE"
PASSPORT = "CN_PASSPORT"
PERMIT = "CN_HK_MACAO_PERMIT"
IP = "IP_ADDRESS"
QQ = "CN_QQ"
WECHAT = "CN_WECHAT"
BIRTH = "CN_BIRTH_DATE"
SENSITIVE = "SENSITIVE_PERSONAL"

CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # --- CN_ID_CARD
    ("id valid", "公民身份号码：500106198703154515。", [(ID, "500106198703154515")]),
    ("id valid X glued", "身份证号11010519491231002X的持有人", [(ID, "11010519491231002X")]),
    ("id lowercase x", "证件号码11010519491231002x", [(ID, "11010519491231002x")]),
    ("id retired Chongqing code", "申请人身份证号510212196505061233", [(ID, "510212196505061233")]),
    ("id 15 digits", "身份证号510212650506123", [(ID, "510212650506123")]),
    ("id impossible date", "编码500238199902291230", []),
    ("id 19 digits is not an id", "号码5001061987031545151", []),
    ("id glued to letters", "A500106198703154515", []),
    ("id masked", "身份证号500106********4515", []),
    ("id full-width", "身份证号：５００１０６１９８７０３１５４５１５", [(ID, "５００１０６１９８７０３１５４５１５")]),
    ("id spaced", "身份证号 500106 19870315 4515 ", [(ID, "500106 19870315 4515")]),
    ("id in groups of four", "身份证：5001 0619 8703 1545 15", [(ID, "5001 0619 8703 1545 15")]),
    # --- CN_MOBILE_PHONE
    ("mobile valid", "联系电话：13896001234", [(MOBILE, "13896001234")]),
    ("mobile glued", "请拨打13896001234转人工", [(MOBILE, "13896001234")]),
    ("mobile +86 spaced", "手机+86 138 9600 1234。", [(MOBILE, "+86 138 9600 1234")]),
    ("mobile 0086", "电话0086-13896001234", [(MOBILE, "0086-13896001234")]),
    ("mobile bracket 86", "手机（+86）13896001234", [(MOBILE, "（+86）13896001234")]),
    ("mobile dashes", "联系方式：138-9600-1234", [(MOBILE, "138-9600-1234")]),
    ("mobile 4-3-4", "手机 1389 600 1234", [(MOBILE, "1389 600 1234")]),
    ("mobile bad prefix", "编号12896001234", []),
    ("mobile 10 digits", "电话1389600123", []),
    ("mobile 12 digits", "号码138960012345", []),
    ("mobile masked", "联系电话138****1234", []),
    ("mobile full-width", "手机：１３８９６００１２３４", [(MOBILE, "１３８９６００１２３４")]),
    ("mobile zero-width space inside", "手机：138\u200b96001234", [(MOBILE, "138\u200b96001234")]),
    # --- CN_LANDLINE_PHONE
    ("landline dash", "联系电话023-65432100。", [(LANDLINE, "023-65432100")]),
    ("landline parentheses", "电话（023）65432100", [(LANDLINE, "（023）65432100")]),
    ("landline spaced", "办公室 (023) 6543 2100 ", [(LANDLINE, "(023) 6543 2100")]),
    ("landline Beijing", "咨询010-62345678", [(LANDLINE, "010-62345678")]),
    ("landline extension", "电话023-65432100转8012", [(LANDLINE, "023-65432100转8012")]),
    ("landline +86", "Tel: +86-23-65432100", [(LANDLINE, "+86-23-65432100")]),
    ("landline local with context", "联系电话：65432100", [(LANDLINE, "65432100")]),
    ("landline local without context", "共计65432100人次", []),
    ("hotline", "请拨打12345政务服务热线", []),
    ("foreign passport", "马克·约翰逊（美国籍，护照号561234871）等人的证言", [("CN_PASSPORT", "561234871")]),
    ("service number 400", "客服400-810-8888", []),
    ("postcode", "邮编：400015", []),
    ("landline local starting 1", "电话023-1234567", []),
    ("landline full-width", "电话：０２３－６５４３２１００", [(LANDLINE, "０２３－６５４３２１００")]),
    ("landline em dash", "电话：023—65432100", [(LANDLINE, "023—65432100")]),
    # --- EMAIL_ADDRESS
    ("email valid", "电子邮箱 lixiaomei@example.gov.cn。", [(EMAIL, "lixiaomei@example.gov.cn")]),
    ("email glued", "邮箱wjg1987@163.com联系", [(EMAIL, "wjg1987@163.com")]),
    ("email no suffix", "地址abc@localhost", []),
    ("email unknown suffix, no context", "见 foo@bar.zzzz 文件", []),
    ("email full-width", "邮箱：ｌｉ．ｘｍ＠ｅｘａｍｐｌｅ．ｃｏｍ", [(EMAIL, "ｌｉ．ｘｍ＠ｅｘａｍｐｌｅ．ｃｏｍ")]),
    ("email spaced in table", "邮箱  wjg@qq.com  备注", [(EMAIL, "wjg@qq.com")]),
    # --- CN_BANK_CARD
    ("card Luhn valid", "补贴发放至6217003320012345677", [(BANK, "6217003320012345677")]),
    ("card spaced", "卡号 6217 0033 2001 2345 677", [(BANK, "6217 0033 2001 2345 677")]),
    ("account by context", "开户账号：50001083600050212345", [(BANK, "50001083600050212345")]),
    ("account glued", "将罚款缴至指定银行账户6217003320012345678。", [(BANK, "6217003320012345678")]),
    ("account without context", "统计编码50001083600050212345", []),
    ("card Luhn invalid without context", "代码6217003320012345678", []),
    ("card full-width", "卡号：６２１７００３３２００１２３４５６７７", [(BANK, "６２１７００３３２００１２３４５６７７")]),
    ("account hyphenated", "开户行及账号：重庆农商行 0101-0120-0000-1234", [(BANK, "0101-0120-0000-1234")]),
    # --- CN_USCC
    ("uscc valid", "统一社会信用代码：91500106MA5U7A1B2E", [(USCC, "91500106MA5U7A1B2E")]),
    ("uscc valid no context", "经营者91500106MA5U7A1B2E的门店", [(USCC, "91500106MA5U7A1B2E")]),
    ("uscc sole trader", "信用代码92500106MA60L3KX2N", [(USCC, "92500106MA60L3KX2N")]),
    ("uscc bad check no context", "编码91500106MA5U7A1B2X", []),
    ("uscc bad check with context", "统一社会信用代码91500106MA5U7A1B2X", [(USCC, "91500106MA5U7A1B2X")]),
    ("uscc letter O is invalid", "代码91500106MA5U7O1B2E", []),
    ("uscc masked with X", "统一社会信用代码：91500106MA5U7XXXX0", []),
    ("uscc with XXX and a valid check", "统一社会信用代码9150010664A97MXXXW，住所地", [(USCC, "9150010664A97MXXXW")]),
    ("uscc full-width", "信用代码：９１５００１０６ＭＡ５Ｕ７Ａ１Ｂ２Ｅ", [(USCC, "９１５００１０６ＭＡ５Ｕ７Ａ１Ｂ２Ｅ")]),
    ("uscc spaced in table", "代码\u300091500106MA5U7A1B2E\u3000法定代表人", [(USCC, "91500106MA5U7A1B2E")]),
    # --- CN_LICENSE_PLATE
    ("plate", "车牌号渝A12345的车辆", [(PLATE, "渝A12345")]),
    ("plate dot", "号牌渝A·12345", [(PLATE, "渝A·12345")]),
    ("plate new energy small", "渝AD12345", [(PLATE, "渝AD12345")]),
    ("plate new energy dot", "车辆渝A·D12345违停", [(PLATE, "渝A·D12345")]),
    ("plate new energy large", "货车渝A12345D", [(PLATE, "渝A12345D")]),
    ("plate trailer", "挂车渝A1234挂", [(PLATE, "渝A1234挂")]),
    ("plate spaced", "车牌 渝A 12345 ", [(PLATE, "渝A 12345")]),
    ("plate letter I", "渝I12345", []),
    ("plate too short", "渝A1234号", []),
    ("plate few digits", "渝AB1C2D", []),
    ("plate full-width", "车牌渝Ａ１２３４５", [(PLATE, "渝Ａ１２３４５")]),
    # --- CN_PASSPORT
    ("passport E", "护照号码：E12345678", [(PASSPORT, "E12345678")]),
    ("passport EA", "护照EA1234567号", [(PASSPORT, "EA1234567")]),
    ("passport G", "持G12345678护照", [(PASSPORT, "G12345678")]),
    ("passport P needs context", "公务护照P1234567", [(PASSPORT, "P1234567")]),
    ("passport P without context", "型号P1234567", []),
    ("passport 7 digits", "护照E1234567", []),
    ("passport full-width", "护照：Ｅ１２３４５６７８", [(PASSPORT, "Ｅ１２３４５６７８")]),
    ("passport spaced", "护照号 E12345678 ", [(PASSPORT, "E12345678")]),
    # --- CN_HK_MACAO_PERMIT
    ("permit C", "往来港澳通行证号码：C12345678", [(PERMIT, "C12345678")]),
    ("permit CA", "港澳通行证CA1234567", [(PERMIT, "CA1234567")]),
    ("home-return permit", "港澳居民来往内地通行证H12345678", [(PERMIT, "H12345678")]),
    ("permit without context", "设备C12345678", []),
    ("permit too short", "通行证C1234567", []),
    ("permit full-width", "通行证：Ｃ１２３４５６７８", [(PERMIT, "Ｃ１２３４５６７８")]),
    ("permit spaced", "通行证 C12345678 ", [(PERMIT, "C12345678")]),
    # --- IP_ADDRESS
    ("ipv4", "登录IP：192.168.1.25", [(IP, "192.168.1.25")]),
    ("ipv4 glued", "IP地址为10.12.0.1。", [(IP, "10.12.0.1")]),
    ("ipv4 octet too big", "地址256.1.1.1", []),
    ("section number", "按第1.2.3.4条执行", []),
    ("ipv6", "访问地址2001:db8::8a2e:370:7334", [(IP, "2001:db8::8a2e:370:7334")]),
    ("version number", "版本V1.2.3.4", []),
    ("ipv4 full-width", "IP：１９２．１６８．１．２５", [(IP, "１９２．１６８．１．２５")]),
    ("ipv4 spaced", "服务器 192.168.1.25 ", [(IP, "192.168.1.25")]),
    # --- CN_QQ
    ("qq", "QQ：12345678", [(QQ, "12345678")]),
    ("qq number", "QQ号码123456789，", [(QQ, "123456789")]),
    ("qq without context", "编号12345678", []),
    ("qq context in another clause", "QQ：12345678，邮编400030", [(QQ, "12345678")]),
    ("qq too short", "QQ：1234", []),
    ("qq full-width", "ＱＱ：１２３４５６７８", [(QQ, "１２３４５６７８")]),
    ("qq spaced", "QQ 12345678 ", [(QQ, "12345678")]),
    # --- CN_WECHAT
    ("wechat", "微信号：wjg_1987", [(WECHAT, "wjg_1987")]),
    ("wechat without context", "账户名wjg_1987", []),
    ("wechat too short", "微信：ab12", []),
    ("wechat full-width", "微信号：ｗｊｇ＿１９８７", [(WECHAT, "ｗｊｇ＿１９８７")]),
    ("wechat spaced", "微信 wjg_1987 ", [(WECHAT, "wjg_1987")]),
    # --- CN_BIRTH_DATE
    ("birth date", "出生日期：1987年3月15日", [(BIRTH, "1987年3月15日")]),
    ("birth date after", "王某，男，1987年3月15日出生", [(BIRTH, "1987年3月15日")]),
    ("birth month", "张某，1965年5月生，汉族", [(BIRTH, "1965年5月")]),
    ("birth dashed", "出生年月：1987-03", [(BIRTH, "1987-03")]),
    ("birth 8 digits", "出生日期19870315", [(BIRTH, "19870315")]),
    ("birth chinese numerals", "生于一九八七年三月十五日", [(BIRTH, "一九八七年三月十五日")]),
    ("document date", "重庆市人民政府办公厅 2018年6月6日", []),
    ("event date", "事故发生于2018年3月15日", []),
    ("birth impossible", "出生日期：1987年2月30日", []),
    ("birth full-width", "出生日期：１９８７年３月１５日", [(BIRTH, "１９８７年３月１５日")]),
    ("birth spaced", "出生日期 1987 年 3 月 15 日", [(BIRTH, "1987 年 3 月 15 日")]),
    # --- SENSITIVE_PERSONAL
    ("illness", "当事人患有精神分裂症，", [(SENSITIVE, "患有精神分裂症")]),
    ("disability", "该户户主肢体残疾二级", [(SENSITIVE, "肢体残疾二级")]),
    ("minor age", "申请人之子未满十四周岁", [(SENSITIVE, "未满十四周岁")]),
    ("criminal record", "其本人系刑满释放人员", [(SENSITIVE, "刑满释放人员")]),
    ("religion", "张某信仰伊斯兰教", [(SENSITIVE, "信仰伊斯兰教")]),
    ("policy on minors", "加强未成年人保护工作", []),
    ("policy on HIV", "做好艾滋病防治工作", []),
    ("illness spaced", "信访人患有 抑郁症", [(SENSITIVE, "患有 抑郁症")]),
    ("illness full-width", "经诊断为ＨＩＶ感染", [(SENSITIVE, "诊断为ＨＩＶ感染")]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_recognizer_table(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


NOT_PERSONAL = [
    "张某某，身份证号500106********4515，电话138****1234，住址重庆市某区。",
    "李某，男，公民身份号码5001**********4519。",
    "重庆市人民政府办公厅关于印发《2018年政务公开工作要点》的通知 渝府办发〔2018〕76号",
    "处罚款人民币50,000元，没收违法所得3,200元。",
    "全市共受理政府信息公开申请1234件，同比增长12.5%，办结率98.57%。",
    "如有疑问请拨打12345或12315热线，邮政编码400015。",
    "本决定自2026年5月8日起施行，有效期至2031年5月7日。",
    "补助资金共计13896001234元，惠及623456789012人次。",
    "账户余额6217003320012345678元。",
    # statements about groups, found as false positives in news and Weibo corpora (../shared/data/ner)
    "荣获“杰出公民”殊荣的分别是：为未成年人健康成长倾注满腔热情的志愿者。",
    "比如，现在癌症患者较多，于是各地纷纷开设专科。",
    "自发现首例艾滋病患儿以来，迄今全国确诊艾滋病患儿950多例。",
    "银行不得向未满18周岁的学生发卡，须落实监护人同意制度。",
    "救助对象为14个省（市）患有呼吸疾病的儿童。",
]


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_not_personal_information(text: str) -> None:
    assert spans(text) == []


def test_failed_check_digit_is_reported_lower_with_a_reason() -> None:
    good, = personal("身份证号500106198703154515")
    typo, = personal("号码500106198703154519")  # no context word: the bare lower score
    assert good.score == 1.0
    assert typo.entity_type == "CN_ID_CARD" and 0.5 <= typo.score < good.score
    assert "校验码应为5" in typo.explanation


def test_overlapping_candidates_resolve_to_one_type() -> None:
    # an 18-digit account number that is not a valid ID: the bank context decides
    assert spans("收款账户：622848008812345678") == [("CN_BANK_CARD", "622848008812345678")]
    # a valid ID in a roster row next to a phone number, one space apart
    assert spans("王某 500106198703154515 13896001234") == [
        ("CN_ID_CARD", "500106198703154515"), ("CN_MOBILE_PHONE", "13896001234")]


def _first_characters(regex: str) -> set[str]:
    """Every character a match of `regex` can begin with (literals, classes, branches, optional groups)."""
    from re import _constants as c
    from re import _parser as parser

    def walk(items) -> tuple[set[str], bool]:  # (first characters, whether all of `items` can be empty)
        out: set[str] = set()
        for op, av in items:
            if op == c.LITERAL:
                return out | {chr(av)}, False
            if op == c.IN:
                for o, a in av:
                    assert o in (c.LITERAL, c.RANGE), o
                    out |= {chr(a)} if o == c.LITERAL else {chr(x) for x in range(a[0], a[1] + 1)}
                return out, False
            if op == c.ASSERT:
                continue  # the lookahead itself
            if op == c.BRANCH:
                empty = False
                for branch in av[1]:
                    first, can_be_empty = walk(branch)
                    out |= first
                    empty |= can_be_empty
                if not empty:
                    return out, False
            elif op == c.SUBPATTERN:
                first, empty = walk(av[-1])
                out |= first
                if not empty:
                    return out, False
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                first, empty = walk(av[2])
                out |= first
                if av[0] > 0 and not empty:
                    return out, False
            else:
                raise AssertionError(op)
        return out, True

    first, empty = walk(parser.parse(regex))
    assert not empty
    return first


def test_the_first_character_lookaheads_cover_their_patterns() -> None:
    from reviewer.core.detection.recognizers import sensitive_personal as sp

    patterns = {p.name: p.regex for p in sp.CnSensitivePersonalRecognizer.PATTERNS}
    assert _first_characters(patterns["健康：伤情"]) <= set(sp.INJURY_FIRST)
    assert _first_characters(patterns["残疾类别与等级"]) <= set(sp.DISABILITY_FIRST)

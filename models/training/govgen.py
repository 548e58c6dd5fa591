"""Generate government-style training sentences (penalty decisions, subsidy rosters, disclosure replies,
letters-and-visits records, meeting minutes, notices) with PERSON / LOCATION / ORGANIZATION spans.

Why: the public corpora rarely show these registers. Everything is fictional and seeded (reproducible).
Placeholders in templates: {P} person, {A} full address, {L} place name, {G} government body,
{C} company, {I} institution, {D} already de-identified name (张某: never an entity), {T} job title,
{N} a small number, {Y} a year, {M} a month, {Q} a day, {R} an amount.
The hand-written evaluation set in resources/eval/ner/ is NOT produced here (it is written by hand).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

from models.training import lexicon as lx
from reviewer.eval.corpora import Example

TEMPLATES = (
    # penalty decisions
    "当事人：{P}，性别：男，民族：汉族，住址：{A}。",
    "当事人：{P}，女，{Y}年{M}月{Q}日出生，住所地：{A}。",
    "当事人：{C}，住所：{A}，法定代表人：{P}，统一社会信用代码见附件。",
    "{G}于{Y}年{M}月{Q}日对当事人{P}经营的{C}进行检查，发现其销售过期食品。",
    "经查，当事人{P}在{A}从事无证经营活动，违法所得{R}元。",
    "法定代表人{P}（职务：{T}）到场接受询问并在笔录上签字确认。",
    "执法人员{P}、{P}向当事人出示了执法证件，并告知其依法享有陈述、申辩的权利。",
    "当事人{D}对上述事实无异议，{G}决定给予警告并处罚款{R}元。",
    "以上事实有现场检查笔录、询问笔录、{P}的身份证复印件等证据为证。",
    "如不服本处罚决定，可在六十日内向{G}申请行政复议，或者六个月内向{L}人民法院提起行政诉讼。",
    "委托代理人{P}，系{C}员工，联系电话见卷宗。",
    # subsidy rosters
    "{N}　{P}　{L}{N}组　{R}元",
    "序号{N}，户主{P}，家庭人口{N}人，住址{A}，补助金额{R}元。",
    "{P}、{P}、{P}、{P}等{N}户享受{Y}年度农村低保补助。",
    "经{L}{T}{P}核实，{P}家庭符合特困人员救助供养条件。",
    "公示对象：{P}（{L}），{P}（{L}），{D}（已脱敏）。",
    # disclosure replies
    "{P}：你于{Y}年{M}月{Q}日通过信函方式向本机关提出政府信息公开申请，现答复如下。",
    "申请人{P}要求公开{A}房屋征收补偿方案，经检索，该信息由{G}制作。",
    "关于{D}申请公开{C}环评报告一事，本机关已依法作出答复。",
    "你申请的信息涉及第三方{P}的个人隐私，根据《政府信息公开条例》第十五条，不予公开。",
    "经办人：{P}　联系人：{P}　{G}（盖章）",
    "申请人{P}的通讯地址为{A}，本机关已通过邮政特快专递寄送答复书。",
    # letters and visits
    "信访人{P}反映其位于{A}的住房因{C}施工出现墙体开裂，要求赔偿。",
    "举报人{P}称，{C}在{L}长期夜间施工，噪声扰民。",
    "{Y}年{M}月{Q}日，{P}等{N}人到{G}上访，反映拖欠工资问题。",
    "来访人{P}，现住{A}，反映邻居{D}占用公共通道。",
    "经{G}调查，{P}反映的问题部分属实，已责令{C}限期整改。",
    "{P}同志来电反映{L}路段积水严重，已转{G}办理。",
    # meeting minutes
    "出席：{P}（{G}{T}）、{P}、{P}、{P}；列席：{P}（{C}）。",
    "会议由{G}{T}{P}主持，{P}汇报了{Y}年度工作情况。",
    "{P}指出，{G}要会同{G}做好{L}防汛工作。",
    "记录人：{P}　审核：{P}",
    "{P}同志强调，各街道要落实属地责任，{G}负责牵头。",
    # notices and general prose
    "{G}关于{Y}年度{L}城市更新项目的公示",
    "联系人：{P}，地址：{A}。",
    "根据{G}《关于做好{Y}年政务公开工作的通知》要求，现将有关事项通知如下。",
    "{C}法定代表人{P}因涉嫌虚开发票，已移送{L}公安机关处理。",
    "{I}{T}{P}表示，将配合{G}做好相关工作。",
    "{P}，男，{Y}年出生，{L}人，现任{G}{T}。",
    "{P}，女，{L}人，{I}医生，住{A}。",
    "{C}位于{A}，主要从事餐饮服务。",
    "本次抽检由{I}承担，{D}、{D}作为现场见证人签字。",
    "{G}、{G}联合开展{L}燃气安全专项检查。",
    # kinship and roles in letters-and-visits records and case files
    "{P}反映其父{P}在{L}务工期间受伤，用人单位拒绝支付医疗费用。",
    "{P}来信称，其母{P}的养老保险待遇核定有误，请求重新核算。",
    "{P}反映其丈夫{P}的工伤认定结论有误，要求重新认定。",
    "{P}的妻子{P}、儿子{P}均为共同申请人。",
    "{P}来电称，其居住的{A}楼栋外墙瓷砖脱落。",
    "{L}村民{P}反映承包地被{C}占用，未获补偿。",
    "住户{P}反映{A}楼道照明损坏，已转物业处理。",
    "来访人{P}情绪激动，接访人员{P}耐心解释政策并做好记录。",
    "{P}系{L}人，{Y}年{M}月起在{C}从事保洁工作。",
    "{P}，{L}{N}组村民，承包面积{N}亩，补贴金额{R}元。",
    # contracts, approvals, commendations and work reports
    "甲方{P}一次性支付乙方{P}补偿款{R}元，双方再无其他争议。",
    "乙方：{P}，身份证号码见附件，住址：{A}。",
    "审批意见：同意{P}按规定享受临时救助{R}元。",
    "经审核，同意{P}、{P}的低保申请，自{Y}年{M}月起发放。",
    "{G}准予{P}开办的个体诊所执业登记。",
    "{L}村民{P}家庭获评{Y}年度“最美家庭”。",
    "{G}{T}{P}带队赴{L}开展招商推介活动。",
    "{G}派员{P}对招标过程进行了全程监督。",
    "获奖人员：{P}（{I}）、{P}（{G}）、{P}（{C}）。",
    "{P}同志在{Y}年度考核中被评为优秀等次。",
    "拟任人选{P}，男，{Y}年{M}月生，现任{G}{T}。",
    "{G}对{P}等{N}名同志进行了通报表扬。",
    "请{P}于{M}月{Q}日前到{G}领取答复书，逾期视为放弃。",
    "送达人：{P}、{P}　受送达人：{P}　送达地点：{A}",
    "被申请人{G}，法定代表人{P}，{T}。",
    "{C}负责人{P}承认未取得许可即开工建设。",
    "{Y}年{M}月{Q}日，{G}执法人员{P}依法对{P}进行了询问。",
    "经{P}介绍，{P}于{Y}年受雇于{C}，月工资{R}元。",
    "记录：{G}{P}。",
    "参会人员：{P}、{P}、{P}、{D}。",
    "{P}（{L}）、{P}（{L}）两户因房屋损毁纳入临时救助。",
    "{P}家住{A}，系{G}登记在册的困难群众。",
    "今收到{P}交来的申请材料共{N}份。",
    "{P}称，{D}多次在{A}门前堆放杂物。",
)
NUMERIC_FIELDS = {
    "N": lambda r: str(r.randint(1, 30)),
    "Y": lambda r: str(r.randint(2015, 2025)),
    "M": lambda r: str(r.randint(1, 12)),
    "Q": lambda r: str(r.randint(1, 28)),
    "R": lambda r: f"{r.choice([300, 500, 800, 1200, 2000, 3500, 5000, 10000, 20000, 50000])}",
}
FIELD_RE = re.compile(r"\{([A-Z])\}")


def person(r: random.Random) -> str:
    roll = r.random()
    if roll < 0.06:
        return r.choice(lx.MINORITY_NAMES)
    surname = r.choice(lx.COMPOUND_SURNAMES) if roll < 0.14 else r.choice(lx.SURNAMES)
    if r.random() < 0.03:  # double surname of a married woman or hyphen-free compound (张王丽)
        surname += r.choice(lx.SURNAMES)
    size = 1 if r.random() < 0.3 else 2
    return surname + "".join(r.choice(lx.GIVEN_CHARS) for _ in range(size))


def foreign_person(r: random.Random) -> str:
    """A transliterated foreign name (基恩, 范马尔韦克, 季米特里·彼得连科) or, rarely, a Latin-script one."""
    if r.random() < 0.15:
        given, surname = r.choice(lx.LATIN_GIVEN), r.choice(lx.LATIN_SURNAMES)
        return r.choice((surname, given, f"{given} {surname}", (given + surname).lower()))

    def word(low: int, high: int) -> str:
        return "".join(r.choice(lx.TRANSLIT_CHARS) for _ in range(r.randint(low, high)))

    return word(2, 4) if r.random() < 0.6 else f"{word(2, 3)}·{word(2, 4)}"


def place(r: random.Random) -> str:
    prov, districts = r.choice(lx.PROVINCES)
    roll = r.random()
    if roll < 0.3:
        return prov + r.choice(districts)
    if roll < 0.5:
        return r.choice(districts) + r.choice(lx.TOWNS)
    if roll < 0.7:
        return r.choice(lx.TOWNS) + r.choice(lx.VILLAGES)
    return r.choice(districts)


def address(r: random.Random) -> str:
    prov, districts = r.choice(lx.PROVINCES)
    head = ""
    if r.random() < 0.6:
        head += prov
    head += r.choice(districts)
    if r.random() < 0.4:
        head += r.choice(lx.TOWNS)
    if r.random() < 0.25:
        return head + r.choice(lx.VILLAGES) + f"{r.randint(1, 15)}组{r.randint(1, 80)}号"
    tail = r.choice(lx.ROADS) + f"{r.randint(1, 999)}号"
    if r.random() < 0.2:
        tail += f"附{r.randint(1, 30)}号"
    if r.random() < 0.5:
        tail += r.choice(lx.COMMUNITIES)
    roll = r.random()
    if roll < 0.35:
        tail += f"{r.randint(1, 30)}栋{r.randint(1, 6)}单元{r.randint(1, 33)}-{r.randint(1, 8)}"
    elif roll < 0.7:
        tail += f"{r.randint(1, 12)}幢{r.randint(1, 3)}{r.randint(0, 2)}{r.randint(1, 9)}室"
    elif roll < 0.85:
        tail += f"{r.randint(1, 6)}单元{r.randint(1, 28)}{r.randint(0, 1)}{r.randint(1, 6)}室"
    return head + tail


def gov(r: random.Random) -> str:
    prov, districts = r.choice(lx.PROVINCES)
    roll = r.random()
    if roll < 0.15:
        return r.choice(("市政府办公厅", "区政府办公室", "县人民政府", "市人民政府", "街道办事处"))
    if roll < 0.45:
        return prov + r.choice(lx.GOV_BODIES)
    if roll < 0.75:
        return r.choice(districts) + r.choice(lx.GOV_BODIES)
    if roll < 0.9:
        return r.choice(districts) + r.choice(lx.TOWNS).replace("街道", "街道办事处").replace("镇", "镇人民政府")
    return r.choice(("市", "区", "县")) + r.choice(lx.GOV_BODIES)


def company(r: random.Random) -> str:
    prefix = r.choice(lx.CITIES_SHORT) if r.random() < 0.7 else r.choice(lx.PROVINCES)[0]
    return prefix + r.choice(lx.COMPANY_CORES) + r.choice(lx.COMPANY_KINDS)


def institution(r: random.Random) -> str:
    return r.choice(lx.CITIES_SHORT) + "市" + r.choice(lx.INSTITUTIONS) if r.random() < 0.6 else (
        r.choice(lx.PROVINCES)[1][0] + r.choice(lx.INSTITUTIONS))


FILLERS = {
    "P": ("PERSON", person),
    "A": ("LOCATION", address),
    "L": ("LOCATION", place),
    "G": ("ORGANIZATION", gov),
    "C": ("ORGANIZATION", company),
    "I": ("ORGANIZATION", institution),
    "D": (None, lambda r: r.choice(lx.DEIDENTIFIED)),
    "T": (None, lambda r: r.choice(lx.TITLES)),
}


def render(template: str, r: random.Random) -> Example:
    text, spans, pos = [], [], 0
    for piece in FIELD_RE.split(template):
        # split() alternates literal, field name, literal, ...
        if len(piece) == 1 and (piece in FILLERS or piece in NUMERIC_FIELDS):
            if piece in NUMERIC_FIELDS:
                value, label = NUMERIC_FIELDS[piece](r), None
            else:
                label, make = FILLERS[piece]
                value = make(r)
            if label:
                spans.append((pos, pos + len(value), label))
        else:
            value = piece
        text.append(value)
        pos += len(value)
    return Example("".join(text), tuple(spans))


def generate(n: int, seed: int) -> Iterator[Example]:
    """``n`` examples; about a third are two templates joined, as paragraphs in real documents are."""
    r = random.Random(seed)
    for _ in range(n):
        first = render(r.choice(TEMPLATES), r)
        if r.random() < 0.33:
            second = render(r.choice(TEMPLATES), r)
            shift = len(first.text)
            first = Example(first.text + second.text, first.spans + tuple((s + shift, e + shift, lab)
                                                                          for s, e, lab in second.spans))
        yield first


LIST_HEADS = ("{G}{Y}年度先进个人名单：", "委员：", "主任委员：", "获奖人员名单", "拟表彰对象：", "享受补助人员：",
              "治丧委员会名单", "委员（按姓氏笔画为序）：", "参加人员：", "{I}获奖人员：", "", "")
LIST_ROLES = ("主任：", "副主任：", "组长：", "副组长：", "成员：", "委员：", "秘书长：")


def generate_lists(n: int, seed: int) -> Iterator[Example]:
    """``n`` rosters: runs of 4–60 names, often with no separator at all.

    Why: name lists extracted from PDF tables or pasted from spreadsheets lose their spaces (张伟李娜王建国…);
    a character model has to learn where one name ends from surnames and name lengths alone.
    """
    r = random.Random(seed)
    for _ in range(n):
        sep = r.choices(("", "、", " ", "\u3000", "，"), weights=(50, 20, 15, 5, 10))[0]
        head = render(r.choice(LIST_HEADS), r)
        text, spans = head.text, list(head.spans)
        for i in range(r.randint(4, 60)):
            if i and r.random() < 0.05:
                text += r.choice(LIST_ROLES)
            elif i:
                text += sep
            name = person(r)
            spans.append((len(text), len(text) + len(name), "PERSON"))
            text += name
            if r.random() < 0.05:
                text += "（女）"
        yield Example(text + r.choice(("", "。", "等同志。")), tuple(spans))


ENUMERATIONS = (
    "加强{W}、{W}和{W}工作。", "为公众{W}、{W}等提供便利。", "做好{W}、{W}、{W}、{W}等方面的工作，",
    "提高{W}、{W}和{W}，增强{W}{W}。", "（牵头单位：{G}、{G}；责任单位：各区县政府）", "重点围绕{W}、{W}、{W}开展。",
    "坚持{W}{W}、{W}{W}，", "推进{W}、{W}、{W}信息公开，", "{W}、{W}、{W}等情况，由{G}负责。",
)
_COMMON_WORDS: list[str] = []
ENUMERATION_VOCABULARY = 8000  # the most frequent words of the list (it is sorted by frequency)


def common_word(r: random.Random) -> str:
    if not _COMMON_WORDS:
        path = Path(__file__).resolve().parents[2] / "resources" / "ner" / "common_words.txt"  # gazetteer.py
        _COMMON_WORDS.extend(path.read_text(encoding="utf-8").split()[:ENUMERATION_VOCABULARY])
    return r.choice(_COMMON_WORDS)


def generate_enumerations(n: int, seed: int) -> Iterator[Example]:
    """``n`` sentences that enumerate ordinary words and bodies (公开、查阅、监管…): no person at all.

    Why: the rosters teach the model that short runs between 、 are names; these teach it that most are not
    (without them the roster-trained models found names like 查阅 in the provincial work plan).
    """
    r = random.Random(seed)
    for _ in range(n):
        template = r.choice(ENUMERATIONS)
        text = FIELD_RE.sub(lambda m: common_word(r) if m.group(1) == "W" else "{" + m.group(1) + "}", template)
        yield render(text, r)


if __name__ == "__main__":
    for ex in generate(15, seed=1):
        print(ex.text, [ex.text[s:e] + "/" + lab for s, e, lab in ex.spans])


# --- compositional clauses (experiment: `train.py --gov-clauses N`) ------------------------------------
# A name in a government text is as often the object of a preposition or a verb (向某某送达, 与某某签订,
# 经某某同意, 某某的妻子) as the subject after a role word. The fixed templates above hold a few dozen
# such frames; these combine an opening, a subject and a predicate, so the model meets a name in many
# positions and learns it from the name itself rather than from one surrounding sentence.
CLAUSE_OPENINGS = ("", "", "", "{Y}年{M}月{Q}日，", "{M}月{Q}日上午，", "近日，", "经查，", "据了解，", "经核实，",
                   "调查中，", "另查明，", "同日，", "次日，", "期间，", "在{L}，", "根据群众反映，")
CLAUSE_SUBJECTS = ("{G}", "{G}", "本机关", "我局", "执法人员", "工作人员{P}", "{G}工作人员{P}", "{C}", "{I}",
                   "{L}村委会", "社区网格员{P}", "{P}", "{P}", "{P}", "{T}{P}", "承办人{P}", "{P}同志")
OBJECT_PREDICATES = (
    "向{P}送达了《{X}》", "与{P}签订了{K}", "通知{P}于{M}月{Q}日前补正材料", "委托{P}代为办理相关手续",
    "由{P}负责现场核查", "经{P}同意后调取了监控录像", "对{P}作出{F}的决定", "为{P}办理了{S}", "约谈了{P}",
    "将材料转交给{P}", "请{P}在笔录上签字", "陪同{P}前往{G}", "联系了{P}的家属", "听取了{P}的陈述和申辩",
    "核实了{P}提供的证明材料", "与{P}及其家属进行了沟通", "收到{P}提交的{X}", "向{P}了解有关情况",
    "将{P}纳入{B}保障范围", "暂停发放{P}的{B}", "为{P}发放{B}{R}元", "给予{P}{F}", "把{P}列为重点帮扶对象",
    "对{P}开展入户走访", "向{P}出具了{X}", "协助{P}申请{B}", "拨付给{P}{B}{R}元", "转账至{P}名下账户",
    "将{P}的申请退回", "认定{P}的行为构成违法", "责令{P}限期改正", "受理了{P}的复议申请", "驳回了{P}的诉讼请求",
    "对{P}的{K}进行了备案", "邀请{P}参加座谈", "安排{P}到{I}就医", "帮助{P}找到了工作", "为{P}和{P}调解了纠纷",
    "支付{P}{R}元", "告知{P}救济途径", "给{P}回复了处理意见", "与{P}、{P}分别谈话", "同{P}一起到{A}查看",
)
SUBJECT_PREDICATES = (
    "于{Y}年{M}月{Q}日提出申请", "主动退还了违法所得", "拒绝在笔录上签字", "对处理结果表示满意",
    "未按期缴纳罚款", "在{C}工作期间受伤", "多次到{G}反映问题", "申请查阅{X}", "对答复不服", "承认了违法事实",
    "因病住院治疗", "称其已搬离{A}", "要求赔偿损失{R}元", "提供了{K}原件",
)
CLAUSE_KIN = ("{P}的父亲{P}", "{P}的母亲{P}", "{P}的妻子{P}", "{P}之子{P}", "{P}的女儿{P}", "{P}及其配偶{P}",
              "{P}的监护人{P}", "{P}的代理人{P}")
CLAUSE_TAILS = ("。", "。", "。", "，并制作了笔录。", "，相关材料已归档。", "，{P}表示认可。", "，情况属实。",
                "，现予以公示。", "，请予支持。", "；")
CLAUSE_WORDS = {
    "X": ("行政处罚决定书", "责令改正通知书", "政府信息公开申请答复书", "不予受理告知书", "补正通知书", "调解协议书",
          "身份证明", "户口簿复印件", "收入证明", "病历资料"),
    "K": ("房屋租赁合同", "征收补偿协议", "劳动合同", "委托书", "承诺书", "调解协议"),
    "F": ("警告", "罚款{R}元", "没收违法所得", "暂扣许可证", "批评教育"),
    "S": ("低保手续", "医保报销", "户籍迁移", "残疾人证", "社保卡", "临时救助"),
    "B": ("临时救助金", "高龄津贴", "低保金", "就业补贴", "特困供养金", "医疗救助"),
}


def generate_clauses(n: int, seed: int) -> Iterator[Example]:
    """``n`` sentences of one or two composed clauses (opening, subject, predicate, tail)."""
    r = random.Random(seed)

    def clause() -> str:
        roll = r.random()
        if roll < 0.7:
            body = r.choice(CLAUSE_SUBJECTS) + r.choice(OBJECT_PREDICATES)
        elif roll < 0.85:
            body = r.choice(("{P}", "{P}", "{D}", "当事人{P}", "申请人{P}", "{L}村民{P}")) + r.choice(SUBJECT_PREDICATES)
        else:
            body = r.choice(CLAUSE_KIN) + r.choice(SUBJECT_PREDICATES)
        text = r.choice(CLAUSE_OPENINGS) + body + r.choice(CLAUSE_TAILS)
        return re.sub(r"\{([XKFSB])\}", lambda m: r.choice(CLAUSE_WORDS[m.group(1)]), text)

    for _ in range(n):
        template = clause()
        if r.random() < 0.35:
            template = template.rstrip("。；") + "，" + clause()
        yield render(template, r)

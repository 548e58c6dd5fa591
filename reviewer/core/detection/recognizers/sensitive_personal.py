"""SENSITIVE_PERSONAL: sensitive personal information (PIPL Art 28): health, disability, religion,
criminal records, minors.

Policy documents talk about these subjects all the time (加强未成年人保护, 艾滋病防治), which is not
personal information. So a bare term scores low and is reported only when the same clause points at
an individual (患有, 确诊, 其子, 该户, 当事人, 申请人, 张某). Phrases that can only describe a person
(患有…病, 肢体残疾二级, 刑满释放人员, 未满十四周岁) are reported on their own.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from reviewer.core.detection.context import SENTENCE_BOUNDARY
from reviewer.core.detection.health_terms import terms
from reviewer.core.detection.recognizers.base import Check, CnPatternRecognizer

# resources/ner/health_terms.txt (detection/health.py), longest first
_DISEASES = "|".join(re.escape(t) for t in terms())
_RELIGIONS = "佛教|道教|伊斯兰教|天主教|基督教|藏传佛教|东正教"
_CLAUSE = "[^，,。；;！？!?\\n]"
_ORDINAL = "[0-9一二三四五六七八九十]{1,2}"
# The characters the injury and disability patterns can start with: both open with optional parts, so without
# this lookahead the engine tries their alternations at every character (a tenth of the recognizer's time on
# published text). tests/core/detection/test_recognizers.py checks them against the patterns.
INJURY_FIRST = "CLST上下中侧双右名坐头小尺尾左手拇指掌无环枕桡椎眼第耻肋肘肝股肩肱肾背胫胸脊脑脾腓腕腰腹膝臀足趾跖跟踝轻重锁面顶颅颈额颞颧食骨骶髋髌鼻前大耳腿臂"
DISABILITY_FIRST = "1234一二三四双单左右视听言肢智精多"
_DURATION = "[零一二三四五六七八九十两0-9]+(?:年|个月|日|天)(?:零?[一二三四五六七八九十两0-9]+个月)?"
# …的人员, …以上的孕产妇: a class of people that rules talk about, not one person
_NOT_A_CLASS = "(?![^，,。；;！？!?\\n]{0,8}?(?:的|者)|以上|以下|及以上)"


class CnSensitivePersonalRecognizer(CnPatternRecognizer):
    ENTITY = "SENSITIVE_PERSONAL"
    LABEL = "敏感个人信息"
    PATTERNS = (
        Pattern("健康：患病描述", "(?:患有|患上|罹患|(?<![病重])患(?![者病儿难])|确诊为?|被诊断为|诊断为|查出)"
                + _CLAUSE + "{0,10}?(?:" + _DISEASES + "|[病症癌瘤]|障碍|肿瘤)", 0.75),
        # an injury is a body site and a wound (左锁骨骨折, 头部软组织挫伤, 右手背皮肤擦伤): only a person has one
        # 右侧胫骨平台粉碎性骨折, 左侧第4—6肋骨骨折, T12椎体爆裂性骨折, 额部皮肤挫裂伤
        Pattern("健康：伤情", f"(?=[{INJURY_FIRST}])[左右双]?侧?(?:第" + _ORDINAL + "(?:[—\\-－~～至、]" + _ORDINAL + ")?)?"
                "(?:胫腓骨|胫骨平台|胫骨|腓骨|股骨[颈干]?|跟骨|髋臼|指骨|掌骨|跖骨|趾骨|鼻骨|眼眶|腰椎|颈椎|胸椎|"
                "(?:[TLCS][0-9]{1,2})?椎体|肋骨|锁骨|桡骨|尺骨|肱骨|骨盆|髌骨|头皮|颅骨|[上下]肢|"
                "(?:头|面|颈|胸|腹|腰|背|臀|肩|肘|腕|膝|踝|足|手|眼|额|颞|枕|顶)部|[手足]背|膝关节|踝关节|肩关节|髋关节|"
                "颅脑|手?(?:拇|食|中|环|无名|小)指|手指|脾脏?|肝脏?|肾脏?|眼球|[上下]颌骨|颧骨|肩胛骨|脊柱|脊髓|骶骨|尾骨|耻骨|坐骨|"
                # a joint or limb named by its side alone (左膝软组织挫伤, 右踝扭伤): only after 左/右/双
                "(?<=[左右双侧])(?:膝|踝|肘|腕|肩|髋|手掌|手腕|大腿|小腿|前臂|上臂|腿|臂|耳|眼))"
                + _CLAUSE + "{0,6}?(?:骨折|挫裂伤|挫擦伤|挫伤|擦伤|撕裂伤|裂伤|软组织损伤|韧带(?:损伤|断裂)|半月板损伤|"
                "脱位|血肿|破裂|烧伤|烫伤|截肢|离断伤?|扭伤)"
                "|(?:轻微|轻度|中度|重度)?脑震荡", 0.6),
        # a pregnancy counted in weeks or months belongs to one woman (妊娠24周, 孕32+3周, 怀孕5个月)
        Pattern("健康：孕产", "(?:妊娠|怀孕|孕)(?:[0-9０-９]{1,2}(?:\\+[0-9])?|[一二三四五六七八九十]{1,3})(?:周|个月)"
                + _NOT_A_CLASS, 0.6),
        # a decision taken against one person: 被决定强制隔离戒毒二年, 被判处有期徒刑一年
        Pattern("犯罪记录：处罚决定", "被(?:依法)?(?P<v>(?:(?:决定|判处|处以|责令)" + _CLAUSE + "{0,4}?(?:强制隔离戒毒|社区戒毒|"
                "有期徒刑|无期徒刑|拘役|管制|行政拘留)|行政拘留|判刑)(?:" + _DURATION + ")?)" + _NOT_A_CLASS,
                0.6),
        # 曾因故意伤害罪…: a past offence is one person's history (曾因犯罪…的人员 is a class: not reported; nor is
        # the history of a person already de-identified, 李某曾因…)
        Pattern("犯罪记录：曾因…罪", "(?<!某)曾因犯?" + _CLAUSE + "{1,10}?罪" + _NOT_A_CLASS, 0.6),
        # X系刑满释放人员: a person said to belong to such a group
        Pattern("犯罪记录：系…人员", "(?<!某[系是为])(?<=[系是为])(?:刑满释放人员|社区矫正对象|吸毒人员|戒毒人员|服刑人员|在押人员)"
                + _NOT_A_CLASS, 0.6),
        # X系精神分裂症患者: a person is said to be a patient
        # …系艾滋病病毒感染者, 为乙肝病毒携带者 too
        Pattern("健康：系…患者", "(?<=[系是为])(?:" + _DISEASES + ")(?:(?=患者|患儿|病人)|(?:病毒)?(?:感染者|携带者))",
                0.6),
        # a grade of work-injury disability belongs to the person assessed (伤残等级为九级, 评定为十级伤残,
        # 劳动功能障碍七级); 一级至四级伤残的职工 is a class of people
        Pattern("健康：伤残等级", "(?=[伤劳一二三四五六七八九十1-9])(?:伤残等级(?:[为是：:]|评定为|鉴定为)?[ \u3000]*"
                "(?:[一二三四五六七八九十]|10|[1-9])级|(?:[一二三四五六七八九十]|10|[1-9])级伤残|"
                "劳动功能障碍(?:程度)?[为：:]?(?:[一二三四五六七八九十]|10|[1-9])级)" + _NOT_A_CLASS, 0.6),
        Pattern("健康：病史/病历", "病史|既往史|病历(?:资料|记录)?|住院病案", 0.3),
        Pattern("健康：疾病名称", _DISEASES, 0.3),
        Pattern("残疾类别与等级", f"(?=[{DISABILITY_FIRST}])(?:[一二三四1-4]级)?(?:双眼|单眼|[左右]眼|双耳|[左右]耳|[双左右][上下]肢)?"
                "(?:视力|听力|言语|肢体|智力|精神|多重)残疾(?:[一二三四1-4]级)?", 0.6),
        Pattern("宗教信仰", "(?:信仰|信奉|皈依)(?:" + _RELIGIONS + ")", 0.55),
        Pattern("宗教信仰（泛称）", "宗教信仰", 0.3),
        Pattern("犯罪记录：刑罚", "判处(?:有期徒刑|无期徒刑|死刑|拘役|管制)" + _CLAUSE + "{0,12}|(?:刑满释放|假释|缓刑考验|"
                "社区矫正|监外执行)(?:人员|对象)?|犯罪记录|违法犯罪记录|前科|服刑|在押", 0.35),
        Pattern("犯罪记录：吸毒", "吸毒(?:人员|史)?|强制隔离戒毒|社区戒毒", 0.35),
        Pattern("未成年人：年龄", "(?:未满|不满|未达)(?:十四|十六|十八|14|16|18)周岁", 0.6),
        Pattern("未成年人：身份", "(?:系|是|属于?|尚属)未成年人?", 0.55),
        Pattern("未成年人：困境儿童", "留守儿童|孤儿|事实无人抚养儿童", 0.2),
    )
    CONTEXT = ("患有", "确诊", "诊断", "就诊", "住院", "本人", "其子", "其女", "其父", "其母", "其妻", "其夫",
               "该户", "户主", "该生", "该同志", "该人", "该员", "当事人", "申请人", "被申请人", "信访人",
               "投诉人", "举报人", "家属", "某", "曾因", "被告人", "犯罪嫌疑人", "罪犯", "服刑人员", "累犯")
    CONTEXT_WINDOW = 16
    SUFFIX_WINDOW = 8  # 艾滋病感染者刘某
    CONTEXT_BOUNDARY = SENTENCE_BOUNDARY
    # Statements about groups are not about a person: 全国确诊艾滋病患儿950多例 (a count; one named 患儿 is a
    # person), 患有呼吸疾病的儿童.
    NEGATIVE_CONTEXT = ("全国", "全市", "全省", "全区", "全县", "我国", "各地", "部分", "一些", "许多", "大量",
                        "预防", "防治", "不得", "禁止", "严禁")
    NEGATIVE_SUFFIX_RE = re.compile(r"[^，,。；;\n]{0,8}?(?:[0-9０-９]+多?(?:例|人|名|万)|人群|群体|的儿童|"
                                    r"儿童|人数|防治|防控|筛查|宣传|的(?:学生|人员|人|未成年人)|禁止|不得|以下)")

    def check(self, value: str, pattern: Pattern) -> Check:
        if pattern.score >= 0.5:
            return Check(pattern.score, f"“{pattern.name}”类表述只能指向具体个人")
        return Check(pattern.score, f"“{pattern.name}”类词语，需同一分句中指向具体个人的词语才报告")

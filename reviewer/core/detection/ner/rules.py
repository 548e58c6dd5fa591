"""Rules on top of the NER model: role triggers, de-identified names, address grammar, government bodies.

Pure functions over text offsets so they can be table-tested without the model.
Why each rule exists:
- a name right after 当事人：/申请人/… is a person even when the model hesitates (documents name parties
  there, and a missed party name is the costliest miss in a disclosure review);
- 张某 / 李某某 are already de-identified: reporting them would be noise;
- the model often stops an address at the road; the grammar extends it to the last 号/单元/室/幢/附N号;
- a place name alone (重庆市渝中区) is not personal information, an address with a house number is;
- government bodies are organisations, never persons or home addresses.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from reviewer.core.detection.ner.surnames import (
    COMPOUND_SURNAMES,
    MONGOLIAN_NAME_ELEMENTS,
    SINGLE_SURNAMES,
    TIBETAN_NAME_ELEMENTS,
    TRANSLITERATION_CHARS,
    YI_CLAN_NAMES,
)
from reviewer.core.resources import resource

HAN = "\u3400-\u9fff"
HAS_HAN = re.compile(f"[{HAN}]")

# --- persons -------------------------------------------------------------------------------------
ROLE_TRIGGERS = ("当事人", "申请人", "联系人", "法定代表人", "经办人", "举报人", "信访人")
# further role words that introduce a person in case files, minutes and rosters (same rule, same checks)
MORE_ROLE_TRIGGERS = ("被申请人", "委托代理人", "代理人", "负责人", "投诉人", "被投诉人", "来访人", "询问人",
                      "被询问人", "记录人", "审核人", "复核人", "审批人", "承办人", "原告", "被告", "第三人", "证人",
                      "户主", "受助人", "姓名", "主持人", "记录", "请假",
                      # bylines, duty rosters and officials named by their function (issue 25)
                      "审核", "编辑", "校对", "制表", "复核", "通讯员", "记者", "摄影", "值班", "带班", "全陪导游",
                      "地陪导游", "司机", "家庭医生", "公证员", "网格员", "网格长", "社工", "签发人", "执法人员", "拟稿人", "拟稿",
                      # recipients, owners and defaulters in notices and rosters
                      "救助对象", "经营者", "被执行人", "监护人",
                      # titles at the foot of a roster or in a signature line, before a colon or a space only
                      # (乡长：巴合提别克, 村委会主任　斯郎甲): without one they are words of the sentence
                      "乡长", "镇长", "村长", "局长", "主任", "书记", "组长", "站长", "所长", "队长", "院长", "校长",
                      "理事长", "会长", "科长", "社长",
                      # a household member named by the relation (由其妻其木格代领, 之子邱　磊)
                      "其妻", "其夫", "其子", "其女", "之妻", "之夫", "之子", "之女")
_NUM = "0-9一二三四五六七八九十"
# characters that typically follow a name glued to the next word: 申请人宋晨曦要求… / 信访人胡光明反映…
_FOLLOW = frozenset("等系于现住因要称反对在的未不已经向到与和及为将自男女同来诉提申请一代")
# trigger, an optional note such as （自然人） and a colon, then a run of Han characters (· for minority names)
_ROLE_RE = re.compile(
    r"(?P<role>" + "|".join(sorted(ROLE_TRIGGERS + MORE_ROLE_TRIGGERS, key=len, reverse=True))
    + r")(?:[（(][^）)]{1,6}[）)])?\s*[：:]?\s*"
    r"(?P<run>[" + HAN + r"]{2,8}(?:[·•][" + HAN + r"]{2,8})?|[" + HAN + r"][ \u3000]{1,2}[" + HAN + r"](?![" + HAN
    + r"])|[" + HAN + r"][ \u3000]{1,2}[" + HAN + r"](?=[" + "".join(sorted(_FOLLOW)) + r"])"
    # a name the line end breaks (经营者周⏎建国）: PDF text wraps inside names; delimited on the next line
    + r"|[" + HAN + r"]{1,2}\n[" + HAN + r"]{1,3}(?=[）)，,、。；;：:\s]))"
)
# a two-character name padded to the width of three (证人黄　敏（…）, 法定代表人薛 刚): a whole run of its own
_PADDED = re.compile(f"[{HAN}][ \u3000]{{1,2}}[{HAN}]")
DEIDENTIFIED = re.compile(f"^[{HAN}]{{1,2}}某+[{HAN}]?$|某某|^[{HAN}]某$")
NOT_NAMES = frozenset({"本人", "你们", "我们", "他们", "其他", "未知", "不详", "无", "同上", "见附件", "本机关",
                       "代理人", "负责人", "委托人", "某某", "姓名", "签字", "盖章", "住址", "地址", "住所", "性别",
                       "民族", "电话", "职务", "单位", "身份", "名称", "户籍", "籍贯", "年龄", "出生"})
# Province-level names read as a surname and a given name (吉林也是类似的情况: 吉 + 林). None of the 11,674
# gold person names of the public corpora is one; an address kept to street level (吉林长春…) would also
# keep the "name", so the export could never verify.
PROVINCES = frozenset("北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 "
                      "广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门".split())


# words after which a padded two-character name may be glued to the sentence (局长何　平介绍, 民警闫　平和…)
_TITLE_WORDS = tuple(sorted(set(ROLE_TRIGGERS + MORE_ROLE_TRIGGERS) | {
    "局长", "区长", "县长", "市长", "镇长", "乡长", "主任", "书记", "科长", "处长", "主席", "经理", "组长", "队长", "所长",
    "站长", "院长", "部长", "委员", "理事长", "会长", "兽医", "医生", "护士", "教师", "民警", "辅警", "人员", "代表",
    "人选", "同志", "干部", "村民", "居民", "群众", "职工", "其妻", "其夫", "之子", "之女", "妻子", "丈夫", "儿子",
    "女儿", "父亲", "母亲"}, key=len, reverse=True))


def after_title(text: str, start: int) -> bool:
    """Whether a role word or a title ends right at `start` (从业人员|刘　芳, 局长|何　平)."""
    return text.endswith(_TITLE_WORDS, max(0, start - 4), start)


@dataclass(frozen=True, slots=True)
class RoleName:
    start: int
    end: int
    role: str


def is_deidentified(name: str) -> bool:
    """张某, 李某某, 王某甲: a surname followed by 某 is an already de-identified reference."""
    return "某" in name and bool(DEIDENTIFIED.search(name))


_NAME_CHARS = re.compile(f"^[{HAN}·•]+$")
_PLACE_CHARS = re.compile("[区县镇省乡]|[市村路街族]$")  # …族: an ethnicity (蒙古族), not a name


def name_shaped(name: str) -> bool:
    """Han characters (and · for minority names) only, and no administrative unit inside."""
    return bool(_NAME_CHARS.match(name)) and not _PLACE_CHARS.search(name)


def idiom_shaped(name: str) -> bool:
    """Four Han characters, no compound surname or Yi clan name (吉克伍呷), no ·: far more often an idiom or
    slogan than a name."""
    if len(name) != 4 or name[:2] in COMPOUND_SURNAMES or name[:2] in YI_CLAN_NAMES or "·" in name or "•" in name:
        return False
    return name[:2] not in TIBETAN_NAME_ELEMENTS and name[2:] not in TIBETAN_NAME_ELEMENTS


def starts_with_surname(name: str) -> bool:
    return name[:2] in COMPOUND_SURNAMES or name[:1] in SINGLE_SURNAMES


def minority_shaped(name: str) -> bool:
    """A name without a Han surname whose shape says it is one: a Yi clan and one or two characters (吉克伍呷), or
    a Tibetan or Mongolian name made of the usual elements (泽旺多吉, 其木格, 乌力吉巴雅尔)."""
    if 3 <= len(name) <= 4 and name[:2] in YI_CLAN_NAMES:
        return True
    return _tiles(name, TIBETAN_NAME_ELEMENTS) or _tiles(name, MONGOLIAN_NAME_ELEMENTS)


def _tiles(name: str, elements: frozenset[str]) -> bool:
    if name in elements:
        return True
    return any(name[:k] in elements and _tiles(name[k:], elements) for k in range(2, min(5, len(name))))


def plausible_name(name: str) -> bool:
    """A short Han string that starts with a surname (or a minority name with ·) and is not a role word."""
    if name in NOT_NAMES or name in PROVINCES or is_deidentified(name) or looks_like_organization(name) \
            or name.endswith("族"):  # 蒙古族, 回族: an ethnicity (a note column's 蒙古族，试用期一年)
        return False
    if "·" in name or "•" in name:
        return True
    return 2 <= len(name) <= 4 and (starts_with_surname(name) or minority_shaped(name))


COMMON_WORDS_PATH = resource("ner", "common_words.txt")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The 40,000 most frequent ordinary words of jieba's dictionary (models/training/gazetteer.py)."""
    return frozenset(COMMON_WORDS_PATH.read_text(encoding="utf-8").split())


def cuts_two_words(text: str, start: int, end: int) -> bool:
    """The span starts inside one ordinary word and ends inside another (监管威慑力 -> 管威): not a name.

    Measured on the gold names of the gov, holdout, CLUENER, MSRA, Resume and Weibo sets: it holds for
    none of 2,921, so it only removes spans that cut through prose.
    """
    words = common_words()
    return 0 < start and end < len(text) and text[start - 1:start + 1] in words and text[end - 1:end + 1] in words


_LINE_BREAK_AFTER = re.compile(r"[ \t\u3000]*\r?\n\s*(\S)")


def word_broken_by_line(text: str, end: int) -> bool:
    """The span ends where a hard line break cuts an ordinary word (牵头单位：市发 / 展改革委): text pasted
    from a PDF breaks lines inside words. True for none of the 2,921 gold names of our sets."""
    m = _LINE_BREAK_AFTER.match(text, end)
    return bool(m) and end > 0 and text[end - 1] + m.group(1) in common_words()


_PLACE_UNIT_AFTER = re.compile("(?:街道(?!办)|镇(?![长委])|乡(?![长亲])|高速|经开区|开发区|新区|大道|片区)")


def names_a_place(text: str, end: int) -> bool:
    """The span is followed by a place unit (晏家街道, 包茂高速, 万盛经开区): a place name, not a person.
    Titles (镇长, 乡长) and offices (街道办) after a name are left alone."""
    return bool(_PLACE_UNIT_AFTER.match(text, end))


def join_split_names(text: str, spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Adjacent PERSON spans that are one name: a transliterated name continued by its ·-part
    (古丽 + 米拉·吐尔地), two Tibetan or Mongolian name elements (卓玛 + 次仁, 乌力吉 + 巴雅尔) or a Yi clan and its
    given name (吉克 + 伍呷). Models trained on rosters without
    separators (张伟李娜…) tend to split such names in two."""
    out: list[tuple[int, int, float]] = []
    for start, end, score in sorted(spans):
        if out and out[-1][1] == start:
            left, right = text[out[-1][0]:start], text[start:end]
            dotted = ("·" in right or "•" in right) and "·" not in left and "•" not in left
            yi = left in YI_CLAN_NAMES and len(right) <= 2 and not dotted  # 吉克 + 伍呷
            mongolian = left in MONGOLIAN_NAME_ELEMENTS and right in MONGOLIAN_NAME_ELEMENTS  # 乌力吉 + 巴雅尔
            if dotted or yi or mongolian or (left in TIBETAN_NAME_ELEMENTS and right in TIBETAN_NAME_ELEMENTS):
                out[-1] = (out[-1][0], end, max(out[-1][2], score))
                continue
        out.append((start, end, score))
    return out


def yi_name(text: str, start: int, end: int) -> tuple[int, int]:
    """A model span cut inside a Yi name, widened to the clan and its given name: 苏拉惹 of 阿苏拉惹 (the span
    starts inside the clan), 曲比拉 of 曲比拉哈 (one character of the given name left out). The given name is one
    or two characters; a character that usually follows a name (等, 于, 患…) or starts a word ends it."""
    if start > 0 and text[start - 1:start + 1] in YI_CLAN_NAMES:
        start -= 1
    if text[start:start + 2] not in YI_CLAN_NAMES:
        return start, end
    if end - start == 3 and end < len(text) and HAS_HAN.match(text[end]) and text[end] not in _FOLLOW \
            and text[end:end + 2] not in common_words() and text[end - 1:end + 1] not in common_words():
        end += 1
    return start, end


def tibetan_names(text: str) -> list[tuple[int, int]]:
    """Runs of two or three Tibetan name elements (格绒彭措, 泽旺多吉, 旦增平措): a Tibetan name has no surname
    and is built from a small set of elements, and two of them in a row are a name in any sentence."""
    found: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _TIBETAN_RE.search(text, pos)
        if m is None:
            return found
        i = m.start()
        end = i
        while end - i < 6 and text[end:end + 2] in TIBETAN_NAME_ELEMENTS:
            end += 2
        if end - i >= 4:
            found.append((i, end))
            pos = end
        else:
            pos = i + 1


_TIBETAN_RE = re.compile("|".join(sorted(TIBETAN_NAME_ELEMENTS)))


def role_names(text: str) -> list[RoleName]:
    """Names right after a role trigger: 当事人：罗建军，… / 申请人宋晨曦要求… / 举报人阿布都拉·艾力称…"""
    found = []
    pos = 0
    while (m := _ROLE_RE.search(text, pos)) is not None:
        start, run = m.start("run"), m.group("run")
        if "\n" in run:
            compact = run.replace("\n", "")
            name = run if 2 <= len(compact) <= 4 and plausible_name(compact) and name_shaped(compact) else None
        elif _PADDED.fullmatch(run):
            name = run if plausible_name(re.sub(r"[ \u3000]", "", run)) else None
        else:
            name = run if _whole_minority_name(text, m) else _name_in_run(run)
        if name and m.group("role") in _VERB_ROLES and not _SEPARATED.search(m.group()):
            name = None  # 已审核通过, 值班安排: without a colon or a space the role word is a verb
        if name:
            found.append(RoleName(start, start + len(name), m.group("role")))
            pos = start + len(name)
            if m.group("role") in _BYLINE_ROLES:
                pos = _byline_names(text, pos, m.group("role"), found)
        else:  # the run may itself start with a role word: 姓名\n承办人\n司马云飞
            pos = start
    return found


# bylines name several people after one role word, separated by wide spaces (通讯员　高原　白云)
_BYLINE_ROLES = frozenset({"记者", "通讯员", "摄影", "编辑", "校对", "审核", "特约记者", "责任编辑"})
_BYLINE_NEXT = re.compile(f"[ \u3000]+(?P<name>[{HAN}][ \u3000][{HAN}]|[{HAN}]{{2,4}})(?=[ \u3000\n）)]|$)")
_BYLINE_WORDS = frozenset({"报道", "报导", "整理", "发自", "摄影", "实习生", "责编", "来源", "供稿", "撰稿", "视频",
                           "图文", "通讯员", "记者", "编辑", "审核", "校对", "特约记者", "责任编辑", "摄像", "制图"})


def _byline_names(text: str, pos: int, role: str, found: list[RoleName]) -> int:
    """The further names of a byline after the first (记者　次仁旺堆　通讯员　高原　白云: 白云 is the second
    通讯员, whatever the word means), up to the next role word; returns where they end."""
    while (m := _BYLINE_NEXT.match(text, pos)) is not None:
        name = re.sub(r"[ \u3000]", "", m.group("name"))
        if name in _BYLINE_WORDS or name in NOT_NAMES or not name_shaped(name) or is_deidentified(name) \
                or looks_like_organization(name) or any(name.startswith(w) for w in _BYLINE_WORDS):
            break
        found.append(RoleName(m.start("name"), m.end("name"), role))
        pos = m.end("name")
    return pos


_ITEM_END = frozenset("、，,。；;：:（(）)\n　 ")
_LIST_ITEM = re.compile(f"[{HAN}]{{2,4}}(?:[·•][{HAN}]{{2,5}})?"
                        f"(?=[{''.join(sorted(_ITEM_END))}]|等|[0-9一二三四五六七八九十两]+[人名]|$)")  # …、阿根3人


def list_neighbours(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Items of a 、-separated list around a name (龙梦琪、卢子轩、汪诗涵): each plausible item is a name too."""
    found = []
    pos = end  # rightwards
    while pos < len(text) and text[pos] == "、":
        m = _LIST_ITEM.match(text, pos + 1)
        if not m or not plausible_name(m.group()):
            break
        found.append((m.start(), m.end()))
        pos = m.end()
    pos = start  # leftwards
    while pos > 0 and text[pos - 1] == "、":
        left = pos - 1
        while left > 0 and (HAS_HAN.match(text[left - 1]) or text[left - 1] in "·•") and pos - 1 - left < 12:
            left -= 1
        item = text[left:pos - 1]
        if not (left == 0 or text[left - 1] in _ITEM_END) or not _LIST_ITEM.fullmatch(item) \
                or not plausible_name(item):
            break
        found.append((left, pos - 1))
        pos = left
    return found


# role words that are also verbs: they introduce a name only with a colon or a space (审核：方圆, 编辑 高山)
_VERB_ROLES = frozenset({"审核", "编辑", "校对", "制表", "复核", "值班", "带班", "摄影", "记录", "拟稿",
                         "乡长", "镇长", "村长", "局长", "主任", "书记", "组长", "站长", "所长", "队长", "院长", "校长",
                         "理事长", "会长", "科长", "社长"})
_SEPARATED = re.compile("[：:\\s]")
_RUN_END = frozenset(" 　\t\n，,。；;、：:（(）)")
_TITLES = frozenset({"局长", "区长", "县长", "市长", "镇长", "乡长", "主任", "书记", "科长", "处长", "主席", "同志",
                     "经理", "组长", "队长", "所长", "站长", "院长", "委员", "部长", "副局", "副区", "副县", "副市"})


def _whole_minority_name(text: str, m: re.Match[str]) -> bool:
    """A run of two to four characters right after 经办人：/审核人： and ended by a delimiter is one name even
    without a common Han surname (Yi 马海阿呷, 者永春, 普红梅; Tibetan 才让多杰): the run stops where the cell or
    the clause does."""
    run, end = m.group("run"), m.end("run")
    if end < len(text) and text[end] not in _RUN_END:
        return False
    if "·" in run or "•" in run:
        return True  # 值班：热合曼·托合提　核稿：… the whole transliterated name up to the delimiter
    colon = ":" in m.group() or "：" in m.group()
    # 当事人阿苏拉惹，男，…: the description of a person (sex after the name) closes the name as a colon would
    described = _DESCRIBED.match(text, end) is not None
    words = common_words()
    if 5 <= len(run) <= 6 and colon:
        # 乡长：巴合提别克, 值班：那顺乌力吉: a Mongolian or Kazakh name written without ·, in the characters of
        # transliterated names and with no ordinary word inside (主持人：谢谢傅主编 is a sentence)
        if any(c not in TRANSLITERATION_CHARS for c in run) or any(run[i:i + 2] in words for i in range(len(run) - 1)):
            return False
    elif not 2 <= len(run) <= 4 or not (colon or described):
        return False
    if len(run) < 4 and run in words:
        return False  # 记录：无误: a word, not a name (a surname-led name takes the usual path)
    return name_shaped(run) and run[:2] not in _TITLES and run[2:] not in _TITLES and run not in NOT_NAMES \
        and not is_deidentified(run) and not looks_like_organization(run)


_DESCRIBED = re.compile(r"[，,]\s*[男女](?:[，,。；;（(]|性|$)")


_DETERMINERS = frozenset("每各该本此这那其些")  # 被投诉人向每位旅游者…: no name holds a determiner
# surnames that are far more often a conjunction or preposition: 明确分管负责人和工作机构 lists 负责人 and 工作机构,
# 和 + a common word (工作) is no name
_CONNECTIVES = frozenset("和与及同向对跟把被给从为由")


def _name_in_run(run: str) -> str | None:
    if "·" in run or "•" in run:
        head, sep, tail = run.replace("•", "·").partition("·")
        for size in range(2, len(tail) + 1):  # shortest tail followed by a typical next character
            if size == len(tail) or tail[size] in _FOLLOW:
                return head + sep + tail[:size] if len(head) >= 2 else None
        return None
    compound = run[:2] in COMPOUND_SURNAMES
    if len(run) <= 3 or (compound and len(run) <= 4):
        return run if plausible_name(run) else None  # delimited by punctuation: the run is the name
    sizes = (4, 3) if compound else (3, 2)
    for size in sizes:
        # and the cut does not split a word (当事人应自收到本决定书: 应自 + 收到 is no name)
        # 经营者何水生撤回…: the cut leaves a word of its own (撤回) and the name does not begin with one
        follows = run[size] in _FOLLOW if size < len(run) else False
        if size == 3 and not follows and size + 2 <= len(run):  # two characters + a word: too often a word
            follows = run[size:size + 2] in common_words() and run[:2] not in common_words() \
                and not any(c in _DETERMINERS for c in run[:size]) and name_shaped(run[:size]) \
                and not (run[0] in _CONNECTIVES and run[1:size] in common_words())
            # 被申请人：梁平区市场监督管理局: a place before the word (梁平区 + 市场) is no name
        if follows and plausible_name(run[:size]) and run[size - 1:size + 1] not in common_words():
            return run[:size]
    return None


_CELL_EDGE = frozenset("\n\t 　|")


def widen_name(text: str, start: int, end: int) -> tuple[int, int]:
    """A name cut short by the model (司马 of 司马云飞): widen to the whole cell when the span sits alone in
    a table cell or roster column (bounded by line breaks or wide spaces) and the cell is a plausible name."""
    if end - start > 2:
        return start, end
    left = start
    while left > 0 and left > start - 2 and HAS_HAN.match(text[left - 1]):
        left -= 1
    right = end
    while right < len(text) and right < end + 2 and HAS_HAN.match(text[right]):
        right += 1
    alone = (left == 0 or text[left - 1] in _CELL_EDGE) and (right == len(text) or text[right] in _CELL_EDGE)
    name = text[left:right]
    limit = 4 if name[:2] in COMPOUND_SURNAMES else 3
    if (left, right) != (start, end) and alone and len(name) <= limit and plausible_name(name):
        return left, right
    return start, end


# --- organisations / government bodies -----------------------------------------------------------
GOV_SUFFIXES = ("人民政府", "政府", "办公厅", "办公室", "委员会", "管委会", "局", "厅", "委", "办", "署", "院",
                "法院", "检察院", "街道办事处", "办事处", "支队", "大队", "总队", "中心", "监委", "纪委", "所", "站",
                "公安分局", "分局", "党委", "人大常委会", "政协")
ORG_SUFFIXES = GOV_SUFFIXES + ("公司", "有限公司", "集团", "银行", "医院", "学校", "小学", "中学", "大学", "学院",
                               "协会", "商会", "合作社", "超市", "门市", "经营部", "养殖场", "店", "厂", "事务所",
                               "居委会", "村委会")
_GOV_RE = re.compile("(?:" + "|".join(sorted(GOV_SUFFIXES, key=len, reverse=True)) + ")$")
_ORG_RE = re.compile("(?:" + "|".join(sorted(ORG_SUFFIXES, key=len, reverse=True)) + ")$")


def is_government_body(name: str) -> bool:
    return bool(_GOV_RE.search(name)) and len(name) >= 2


def looks_like_organization(name: str) -> bool:
    return len(name) >= 3 and bool(_ORG_RE.search(name))


# --- addresses -----------------------------------------------------------------------------------
_N = r"[0-9０-９一二三四五六七八九十百零〇]+"
# one piece of an address tail; "terminal" pieces may end an address span
_TERMINAL = re.compile(
    rf"(?:负?{_N}(?:号楼|号院|号厂房|号车间|号仓库|号库房|号|栋|幢|单元|室|楼|层|组|弄|座|户|社)"
    rf"|{_N}排(?={_N}号)"  # 兵团连队 and village rows: 居民区3排12号
    rf"|(?<=号)之[一二三四五六七八九十]|{_N}房(?![屋产价租源])|{_N}门(?={_N})"  # 33号之一502房 (Guangdong), 11号楼3门401 (Beijing)
    rf"|附{_N}号|[-－]{_N}(?:[-－]{_N})*|[A-Za-z]座|(?:(?<=单元)|(?<=[栋幢楼层门]))[0-9]+(?![0-9]))"
)
_CONNECTOR = re.compile(
    rf"(?:[{HAN}0-9]{{1,14}}?(?:大道|路|街|巷|胡同|道)(?={_N}(?:号|弄|巷))"
    rf"|[{HAN}]{{1,8}}?(?:村|社区)(?={_N}(?:组|社|号))"
    rf"|[{HAN}]{{1,8}}?嘎查(?=第?{_N}浩特|{_N}(?:组|社|号)|[{HAN}]{{1,8}}?浩特)"  # 牧区: 嘎查 + 浩特 + 户
    rf"|(?:第?{_N}|[{HAN}]{{1,8}}?)浩特(?:[（(][^）)]{{1,12}}[)）])?(?={_N}(?:户|号))"
    rf"|[{HAN}]{{1,10}}?(?:小区|花园|苑|大厦|广场|家园|公寓|新村|宿舍|名城|中心|门诊楼|大楼|城|府|园|居民区|居民点)(?={_N}|[A-Za-z]座)"
    rf"|[{HAN}]{{0,4}}?(?:居民区|居民点)(?={_N})"
    rf"|{_N}(?=[-－]))"
)
# the head of an address written without a trigger: [省][市]区/县 at a clause boundary
_FUNCTION_CHARS = "在于住为至到从往向的是址所其我你他她房屋位"  # not 家: 石家庄, 张家口
_ADMIN_CH = f"(?:(?![{_FUNCTION_CHARS}])[{HAN}])"  # a place name never contains these function words
_ADMIN_HEAD = re.compile(
    rf"(?:{_ADMIN_CH}{{2,7}}?(?:省|自治区))?(?:(?:(?![区县旗]){_ADMIN_CH}){{2,7}}?(?:市|盟))?{_ADMIN_CH}{{1,6}}?"
    rf"(?:经济技术开发|高新技术产业开发|经济开发|开发|高新)?(?:区|县|旗)"  # 石河子经济技术开发区 is a district too
    rf"(?:{_ADMIN_CH}{{2,6}}?(?:街道|镇|乡|苏木))?"
)
_BOUNDARY_BEFORE = frozenset("在于住为至到从往向的是址：:，,。；;、（(　 \n\t")
_BOUNDARY_CLASS = "".join(re.escape(c) for c in sorted(_BOUNDARY_BEFORE))
_CLAUSE_START = re.compile(f"(?:^|(?<=[{_BOUNDARY_CLASS}]))(?=[^{_BOUNDARY_CLASS}])")  # first character of a clause
_NUMBERED = re.compile(rf"{_N}(?:号|组|单元|室|幢|栋|楼|层|弄)|附{_N}号|\d[-－]\d|浩特(?:[（(][^）)]*[)）])?{_N}户")


def extend_address(text: str, start: int, end: int, limit: int = 40) -> int:
    """Extend an address span's end through its grammar to the last 号/单元/室/幢/附N号 (or 5-1)."""
    if start < end < len(text) and text[end - 1].isdigit() and text[end] in _UNIT_AFTER_NUMBER:
        end += 1  # the model stopped before the unit: 1单元802|室内 (室内 reads as "indoors")
    pos, best = end, end
    stop = min(len(text), end + limit)
    while pos < stop:
        m = _TERMINAL.match(text, pos, stop)
        if m:
            pos = best = m.end()
            continue
        m = _CONNECTOR.match(text, pos, stop)
        if m and m.end() > pos:
            pos = m.end()
            continue
        break
    return best


_UNIT_AFTER_NUMBER = frozenset("号室栋幢组弄户")
_HEAD_END = re.compile("[区县旗]")
# a 兵团 farm's company (连队) written without a district: [第八师]一四三团十一连, a wrapped cell may break it
_CORPS_HEAD = re.compile(r"(?=[第一二三四五六七八九十〇零百0-9])(?:第[一二三四五六七八九十]{1,3}师)?[一二三四五六七八九十〇零百0-9]{2,4}\n?团\n?"
                         r"[一二三四五六七八九十0-9]{1,3}\n?连")
_HEAD_REACH = 7 + 3 + 7 + 1 + 6 + 8 + 1  # the farthest 区/县 of an admin head: [省/自治区][市]…区/县


def grammar_addresses(text: str) -> list[tuple[int, int]]:
    """Addresses found by grammar alone: 永川区胜利路街道萱花路62号 right after a clause boundary."""
    found: list[tuple[int, int]] = []
    heads = [m.start() for m in _HEAD_END.finditer(text)]  # every admin head holds one: most texts have none
    if not heads:
        return found
    pos = 0
    for clause in _CLAUSE_START.finditer(text):  # a regex scan: a Python loop per character cost 3 % of NER
        start = clause.start()
        if start < pos:
            continue
        i = bisect.bisect_right(heads, start)
        if i == len(heads):
            break
        if heads[i] - start > _HEAD_REACH:
            continue
        m = _ADMIN_HEAD.match(text, start)
        if not m:
            continue
        end = extend_address(text, start, m.end())
        if end > m.end() and is_specific_address(text[m.end():end]):
            # 天涯区要对|三亚市天涯区红塘湾海棠路118号: the clause's subject is a district, the address a new head
            found.append((start, end))
            pos = end
    return found


# first characters of county and district names that the clause scan reads as prepositions: 于都县, 即墨区, 从化区,
# 向阳区, 房山区
_PLACE_INITIALS = "于即从向房"


def address_start(text: str, start: int, end: int) -> int:
    """Where a grammar address found by the clause scan really starts: a place initial the scan took for a
    preposition (于|都县…) goes back in, a district that is only the clause's subject (天涯区要对|三亚市…) out."""
    if start > 0 and text[start - 1] in _PLACE_INITIALS and not leading_function_word(text, start - 1, _PLACE_INITIALS):
        return start - 1
    return restart_at_new_head(text, start, end)


def grammar_address_spans(text: str) -> list[tuple[int, int]]:
    """`grammar_addresses` with each start placed by `address_start`."""
    return [(address_start(text, s, e), e) for s, e in grammar_addresses(text)]


_PREPOSITION_HEAD = re.compile(rf"[{HAN}]{{1,8}}?(?:区|县|旗)[要应须需]?[对向把将给让在到]"
                               rf"(?=(?:{_ADMIN_CH}{{2,7}}?(?:省|自治区))?{_ADMIN_CH}{{2,7}}?市)")


def restart_at_new_head(text: str, start: int, end: int) -> int:
    """天涯区要对|三亚市天涯区红塘湾海棠路118号: a district that is the clause's subject, then a preposition and a
    full address (with its city): the address starts at the city."""
    m = _PREPOSITION_HEAD.match(text, start, end)
    return m.end() if m is not None else start


def corps_addresses(text: str) -> list[tuple[int, int]]:
    """Addresses in a 兵团 farm's company: 一四三团十一连居民区3排12号 (no district before them)."""
    found: list[tuple[int, int]] = []
    if "团" not in text or "连" not in text:
        return found
    for m in _CORPS_HEAD.finditer(text):
        if m.start() > 0 and text[m.start() - 1] not in _BOUNDARY_BEFORE:
            continue
        end = extend_address(text, m.start(), m.end())
        if end > m.end() and is_specific_address(text[m.end():end]):
            found.append((m.start(), end))
    return found


# A plot located by what bounds it, not by a house number (DOMAIN: a plot bounded by named roads is an address):
# 东至港兴路，西至沿江大道，北至规划三路 (two bounds or more, a cell may wrap before a comma); 宁东路以南、海晏北路以东
# E3-12地块; 南高村村北200米. A place head glued before it (鄞州区东部新城…, 濂溪区新港镇化工园区内，…) is part of it.
_BOUND_CH = rf"(?:(?!的)[{HAN}0-9０-９A-Za-z])"
_WRAP = r"(?:[ \t\u3000]*\n[ \t\u3000]*)?"  # a wrapped cell breaks a line anywhere
_BOUND_VALUE = rf"{_WRAP}{_BOUND_CH}(?:{_WRAP}{_BOUND_CH}){{0,15}}"  # the last bound never runs over a line end
_LAST_VALUE = rf"{_WRAP}{_BOUND_CH}{{1,16}}"
_BOUND_GAP = rf"{_WRAP}[，,、；;]?{_WRAP}"
_BOUND = r"[东南西北](?:至|侧至|面至)"
_FOUR_BOUNDS = re.compile(rf"{_BOUND}{_BOUND_VALUE}(?:{_BOUND_GAP}{_BOUND}{_BOUND_VALUE}(?={_BOUND_GAP}{_BOUND}))*"
                          rf"{_BOUND_GAP}{_BOUND}{_LAST_VALUE}")
_ROAD = rf"(?:{_ADMIN_CH}|[0-9])(?:{_ADMIN_CH}|[0-9]|\n(?=[{HAN}0-9])){{0,9}}?(?:大道|路|街|道|线|河|江|渠|铁路|高速)"
_SIDES = re.compile(rf"{_ROAD}以[东南西北](?:{_BOUND_GAP}{_ROAD}以[东南西北])+"
                    rf"(?:[ \t\u3000]*\n?[ \t\u3000]*[A-Za-z0-9０-９\-－]*(?:号)?地块)?")
_DISTANCE = re.compile(rf"{_ADMIN_CH}{{1,10}}?(?:村|社区|路口|桥|站|路)[东南西北]{{1,2}}(?:侧|方向|面)?约?"
                       rf"[0-9０-９]+(?:\.[0-9]+)?(?:米|公里|千米)")
_PLACE_TAIL = re.compile(rf"[{HAN}0-9]{{0,12}}?(?:内|园区|开发区|片区|新区|新城|地块|村|社区|镇|乡|街道)$")


# what each plot pattern must contain
_PLOT_NEEDLES = ((_FOUR_BOUNDS, ("至",)), (_SIDES, ("以东", "以南", "以西", "以北")), (_DISTANCE, ("米", "公里")))


def plot_addresses(text: str) -> list[tuple[int, int]]:
    """Plots and sites described by their bounds or by a distance from a place (see the patterns above)."""
    found: list[tuple[int, int]] = []
    for pattern, needles in _PLOT_NEEDLES:
        if not any(n in text for n in needles):
            continue  # the pattern cannot match: no regex scan (each starts with a class tried at every character)
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if pattern is not _FOUR_BOUNDS:
                start = _head_before(text, start, glued=True)
                if pattern is _DISTANCE and start == m.start() and not _ADMIN_HEAD.match(text, start) \
                        and not re.match(rf"{_ADMIN_CH}{{2,}}(?:村|社区)[东南西北]", m.group()):
                    continue  # 路口东200米 names no place; 含山村村西300米 does
            else:
                start, end = _bracketed_head(text, start, end)
                if start == m.start():
                    start = _head_before(text, start, glued=False)
            if not any(s < end and start < e for s, e in found):
                found.append((start, end))
    return sorted(found)


_BRACKET_HEAD = re.compile(rf"[{HAN}0-9０-９]{{2,24}}?"
                           rf"(?:街坊|连|村|组|社区|地块|宗地|片区|园区|开发区|镇|乡|街道|嘎查|苏木)$")


def _bracketed_head(text: str, start: int, end: int) -> tuple[int, int]:
    """A place with its bounds in brackets after it, 北外滩街道83街坊（东至吴淞路，…北至海宁路） or
    一四三团十二连（东至三支渠，…）: the place and the closing bracket belong to the plot. Else (start, end)."""
    before = text[max(0, start - 26):start].rstrip(" \t\u3000\n")
    if not before.endswith(("（", "(")):
        return start, end
    head = before[:-1]
    m = _BRACKET_HEAD.search(head)
    if m is None:
        return start, end
    base = max(0, start - 26)
    lo = None
    for clause in _CLAUSE_START.finditer(head):  # the last clause start that still opens a place (为|苏家屯区…)
        at = clause.start()
        if at >= m.start() and _BRACKET_HEAD.fullmatch(head, at):
            lo = base + at
    if lo is None:
        return start, end
    if lo > 0 and text[lo - 1] in _PLACE_INITIALS and not leading_function_word(text, lo - 1, _PLACE_INITIALS):
        lo -= 1  # 于|都县…村: 于 begins the county's name
    close = re.compile(r"[ \t\u3000\n]*[）)]").match(text, end)
    return lo, (close.end() if close else end)


def _head_before(text: str, start: int, *, glued: bool) -> int:
    """Where a place head ending right before `start` begins (an admin head 区/县… at a clause start), else
    `start`. Not glued: the head may end with 内/园区… and a comma (濂溪区新港镇化工园区内，东至…)."""
    lo = max(0, start - 30)
    before = text[lo:start]
    if not glued:
        stripped = before.rstrip(" \t\u3000\n，,")
        if stripped == before or not _PLACE_TAIL.search(stripped):
            return start
        before = stripped
    for clause in _CLAUSE_START.finditer(before):
        m = _ADMIN_HEAD.match(before, clause.start())
        if m is None:
            continue
        rest = before[m.end():]
        if glued and not re.fullmatch(rf"[{HAN}0-9]{{0,10}}", rest):
            continue
        if not glued and not re.fullmatch(rf"[{HAN}0-9]{{0,12}}", rest):
            continue
        return lo + clause.start()
    return start


def is_plot_address(span_text: str) -> bool:
    return bool(_FOUR_BOUNDS.search(span_text) or _SIDES.search(span_text) or _DISTANCE.search(span_text))


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip surrounding punctuation and cut at the first whitespace (a name or address has none). A leading
    ·  goes too: it is the tail of a transliterated name whose head was not found (一代宗师·叶问 gave ·叶, and
    叶问's pseudonym 叶某 would put ·叶 back into the copy)."""
    while start < end and not text[start].isalnum():
        start += 1
    for i in range(start, end):
        if text[i].isspace():
            end = i
            break
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def leading_function_word(text: str, start: int, chars: str) -> bool:
    """Whether text[start] is a preposition before the address (位于|青山区…, 住|在…) rather than its first
    character of a two-character county or district (于都县, 即墨区, 于洪区) at a line start or after a label's
    colon or punctuation."""
    if text[start] not in chars:
        return False
    place = text[start + 2:start + 3] in ("区", "县", "市", "旗")
    return not (place and (start == 0 or text[start - 1] in "：:，,。；;、（( \u3000\n\t于在住至到为是"))


def trim_address(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading function word (为/在/于…) and anything after the span's last 号/组/单元/室… piece."""
    while start < end and leading_function_word(text, start, "为在于住是即系"):
        start += 1
    last = last_address_piece(text, start, end)
    return start, (last if last is not None else end)


def last_address_piece(text: str, start: int, end: int) -> int | None:
    """The end of the last 号/组/单元/室/幢/附N号/-N piece inside [start, end), None if there is none."""
    last = None
    pos = start
    while pos < end:
        m = _TERMINAL.search(text, pos, end)
        if not m:
            break
        last, pos = m.end(), max(m.end(), pos + 1)
    return last


def is_specific_address(span_text: str) -> bool:
    """An address precise enough to find a dwelling or premises: it carries a number (号, 组, 单元, 室…)."""
    return bool(_NUMBERED.search(span_text))


def has_han(text: str) -> bool:
    return bool(HAS_HAN.search(text))

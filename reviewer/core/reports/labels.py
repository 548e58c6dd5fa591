"""Names of the core's codes in the review record's language: entity types, operators, statuses, decisions,
categories, disclosure attributes, roles and owners, and the writers' export notes.

The record (保密审查记录) is filed in Chinese: every code it shows goes through these tables, so no PERSON or
CN_MOBILE_PHONE reaches the page. English is there for an English record (`--language en`).
"""

from __future__ import annotations

import re

from reviewer.core.review.decisions import DecisionKind
from reviewer.core.review.states import ReviewStatus
from reviewer.core.types import Category, DisclosureAttribute, EntityType, Severity

LANGUAGES = ("zh", "en")

TYPES: dict[str, tuple[str, str]] = {
    EntityType.CN_ID_CARD: ("公民身份号码", "ID card number"),
    EntityType.CN_MOBILE_PHONE: ("手机号码", "Mobile phone number"),
    EntityType.CN_LANDLINE_PHONE: ("固定电话号码", "Landline number"),
    EntityType.EMAIL_ADDRESS: ("电子邮箱", "E-mail address"),
    EntityType.CN_BANK_CARD: ("银行卡号（账号）", "Bank card or account number"),
    EntityType.CN_USCC: ("统一社会信用代码", "Unified social credit code"),
    EntityType.CN_LICENSE_PLATE: ("机动车号牌", "Licence plate"),
    EntityType.CN_PASSPORT: ("护照号码", "Passport number"),
    EntityType.CN_HK_MACAO_PERMIT: ("港澳通行证号码", "HK/Macao permit number"),
    EntityType.IP_ADDRESS: ("IP 地址", "IP address"),
    EntityType.CN_QQ: ("QQ 号码", "QQ number"),
    EntityType.CN_WECHAT: ("微信号", "WeChat ID"),
    EntityType.CN_BIRTH_DATE: ("出生日期", "Date of birth"),
    EntityType.SENSITIVE_PERSONAL: ("敏感个人信息", "Sensitive personal information"),
    EntityType.PERSON: ("姓名", "Personal name"),
    EntityType.CN_ADDRESS: ("地址", "Address"),
    EntityType.ORGANIZATION: ("机构名称", "Organisation name"),
    EntityType.CLASSIFIED_MARKING: ("密级标志", "Classification marking"),
    EntityType.COPY_NUMBER: ("份号", "Copy number"),
    EntityType.URGENCY_MARKING: ("紧急程度", "Urgency marking"),
    EntityType.STATE_SECRET_STATEMENT: ("涉密声明", "State-secret statement"),
    EntityType.WORK_SECRET: ("工作秘密", "Work secret"),
    EntityType.INTERNAL_USE: ("内部资料标注", "Internal-use marking"),
    EntityType.PROCESS_INFORMATION: ("过程性信息", "Process information"),
    EntityType.DISCLOSURE_NOTE: ("公开属性附注", "Printed disclosure note"),
    EntityType.MANUAL: ("人工标注", "Marked by the reviewer"),
    # issue 33: the office's term lists, wording and timing (the same words as the GUI's, ui/labels.py)
    EntityType.TERM_BLOCK: ("敏感词：阻断发布", "Listed term: blocks release"),
    EntityType.TERM_REVIEW: ("敏感词：敏感表述", "Listed term: sensitive wording"),
    EntityType.TERM_DENY: ("敏感词：必删", "Listed term: always removed"),
    EntityType.WORDING_OUTDATED_NAME: ("机构改革前名称", "Former name of a body"),
    EntityType.WORDING_DRAFT_STATUS: ("草稿标记", "Draft status"),
    EntityType.WORDING_PROMISE: ("绝对化承诺", "Absolute commitment"),
    EntityType.WORDING_NUMBER_YEAR: ("文号年份", "Document number year"),
    EntityType.WORDING_FUTURE_DATE: ("成文日期晚于今天", "Date after today"),
    EntityType.TIMING_DEADLINE: ("截止日期", "Deadline"),
    EntityType.TIMING_EFFECTIVE: ("施行日期", "Effective date"),
    EntityType.TIMING_EMBARGO: ("禁发时间", "Embargo"),
}
OPERATORS: dict[str, tuple[str, str]] = {
    "keep": ("保留", "keep"), "mask": ("部分遮盖", "mask"), "redact": ("删除（涂黑）", "redact"),
    "label": ("以类别标签替换", "replace with a label"), "pseudonym": ("化名", "pseudonym"),
    "generalize": ("概括", "generalise"), "generalise": ("概括", "generalise"), "hash": ("密钥哈希", "keyed hash"),
}
STATUSES: dict[str, tuple[str, str]] = {
    ReviewStatus.IMPORTED: ("已导入", "imported"), ReviewStatus.IN_REVIEW: ("审查中", "in review"),
    ReviewStatus.SUBMITTED: ("已提交", "submitted"), ReviewStatus.APPROVED: ("已批准", "approved"),
    ReviewStatus.RETURNED: ("已退回", "returned"), ReviewStatus.RELEASED: ("已发布", "released"),
}
DECISIONS: dict[str, tuple[str, str]] = {
    DecisionKind.ACCEPT: ("采纳并处理", "accepted"), DecisionKind.REJECT: ("驳回", "rejected"),
    DecisionKind.EDIT: ("修改范围后处理", "span edited and accepted"), "undecided": ("未决定", "not decided"),
    "confirmed": ("确认（附注照印，与认定核对）", "confirmed (printed note kept and checked)"),
}
CATEGORIES: dict[str, tuple[str, str]] = {
    Category.PERSONAL: ("个人信息", "personal information"), Category.RESTRICTED: ("限制性内容", "restricted content"),
    Category.OTHER: ("其他", "other"),
}
SEVERITIES: dict[str, tuple[str, str]] = {
    Severity.BLOCK: ("阻止发布", "blocks release"), Severity.REVIEW: ("需审查", "needs review"),
    Severity.INFO: ("提示", "information"),
}
ATTRIBUTES: dict[str, tuple[str, str]] = {
    DisclosureAttribute.PROACTIVE: ("主动公开", "proactive disclosure"),
    DisclosureAttribute.ON_REQUEST: ("依申请公开", "disclosure on request"),
    DisclosureAttribute.WITHHELD: ("不予公开", "withheld"),
    DisclosureAttribute.REDACTED_RELEASE: ("删减后公开", "released after redaction"),
}
# a possible name (tier 2): a low-score candidate, shown with its type in the record
POSSIBLE_NAME = ("可能的姓名（低分候选）", "possible name (low-score candidate)")
OWNERS: dict[str, tuple[str, str]] = {"institution": ("机构", "institution"), "person": ("个人", "person")}


def label(table: dict[str, tuple[str, str]], code: str | None, language: str = "zh") -> str:
    if not code:
        return ""
    names = table.get(code)
    if names is None:
        return str(code)
    return names[0] if language == "zh" else names[1]


def type_label(entity_type: str, language: str = "zh") -> str:
    return label(TYPES, str(entity_type), language)


def role_label(role: str | None, language: str = "zh", *, short: bool = True) -> str:
    """A role's name (roles.yaml); `short`: without its explanation in brackets (当事人, not 当事人（被处罚人…）)."""
    if not role:
        return ""
    from reviewer.core.detection.roles import load_roles

    name = load_roles().label(role, language)
    return re.split(r"（| \(", name)[0] if short else name


def kind_label(code: str | None, language: str = "zh") -> str:
    if not code:
        return ""
    from reviewer.core.documents.kinds import load_kinds

    kind = load_kinds().get(code)
    return kind.zh if language == "zh" else kind.en


# The writers' export notes (English, as recorded in the export's audit event) in Chinese
_NOTES_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"^(\d+) value replacements$", r"替换 \1 处去标识化的值"),
    (r"^tracked changes accepted: (\d+) insertions kept, (\d+) deletions dropped$",
     r"接受全部修订：保留插入 \1 处，删除内容 \2 处已去除，修订作者已去除"),
    (r"^(\d+) comment markers removed$", r"批注已删除（\1 处批注标记）"),
    (r"^(\d+) preview pictures of embedded objects blanked.*$", r"嵌入对象的预览图 \1 张已清空（其中显示被去除的值）"),
    (r"^metadata \(EXIF/GPS, XMP, comments, text\) removed from (\d+) pictures$",
     r"\1 张图片的元数据（EXIF/GPS 位置、XMP、注释文字）已删除"),
    (r"^(\d+) imported HTML/RTF/text chunks \(altChunk\) turned into plain.*$", r"\1 个导入的 HTML/RTF/文本内容块已转为普通段落"),
    (r"^parts removed: (.*)$", r"已删除的文件部件：\1"),
    (r"^(\d+) characters removed from content streams on pages (.*)$", r"已从第 \2 页的内容流中删除 \1 个字符"),
    (r"^(\d+) metadata/outline/link strings replaced$", r"替换文档信息、书签和链接中的 \1 处文字"),
    (r"^pages (.*) re-rendered as images \(text layer lost\)$", r"第 \1 页已重新渲染为图像（不再有文字层）"),
    (r"^(\d+) annotations removed$", r"已删除 \1 个注释"),
    (r"^not checked: (\d+) images/embedded objects: .*$", r"未核对：\1 个图片或嵌入对象中的像素无法核对，请人工查看"),
    (r"^(\d+) possible names left undecided, unchanged$", r"\1 个可能的姓名（低分候选）未经审查决定，导出件未作处理"),
))


def note_label(note: str, language: str = "zh") -> str:
    """A writer's export note in the record's language (known notes translated; others as recorded)."""
    if language != "zh":
        return note
    for pattern, zh in _NOTES_ZH:
        if pattern.match(note):
            return pattern.sub(zh, note)
    return note

"""De-identification operators (GB/T 37964-2019 technique families), pure functions over one value.

Families: suppression/masking (`mask`, `redact`, `label`), generalisation (`generalize_address`),
pseudonymisation (`pseudonyms.NamePseudonymizer`) and cryptographic (`keyed_hash`, HMAC-SHA256 with a
key per workspace, so the same person gets the same token in every document of that workspace and
nobody without the key can recompute it from a guessed name).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from enum import StrEnum

from reviewer.core.types import EntityType


class OperatorKind(StrEnum):
    KEEP = "keep"  # not de-identified (e.g. names in a punitive notice)
    MASK = "mask"  # 138****1234
    REDACT = "redact"  # ████ in text, an opaque box in PDF
    LABEL = "label"  # [身份证号]
    PSEUDONYM = "pseudonym"  # 张某 / 张某甲
    GENERALIZE = "generalize"  # address down to street/township level
    HASH = "hash"  # keyed HMAC token


REDACTION_CHAR = "█"

# Separators that a mask leaves in place so `138 9600 1234` stays readable as a phone number.
_SEPARATORS = frozenset(" -\u00a0\u3000·()（）+")

LABELS: dict[str, str] = {
    EntityType.CN_ID_CARD: "身份证号",
    EntityType.CN_MOBILE_PHONE: "手机号码",
    EntityType.CN_LANDLINE_PHONE: "固定电话",
    EntityType.EMAIL_ADDRESS: "电子邮箱",
    EntityType.CN_BANK_CARD: "银行账号",
    EntityType.CN_USCC: "统一社会信用代码",
    EntityType.CN_LICENSE_PLATE: "车牌号码",
    EntityType.CN_PASSPORT: "护照号码",
    EntityType.CN_HK_MACAO_PERMIT: "通行证号码",
    EntityType.IP_ADDRESS: "IP地址",
    EntityType.CN_QQ: "QQ号",
    EntityType.CN_WECHAT: "微信号",
    EntityType.CN_BIRTH_DATE: "出生日期",
    EntityType.SENSITIVE_PERSONAL: "敏感个人信息",
    EntityType.PERSON: "姓名",
    EntityType.CN_ADDRESS: "住址",
    EntityType.ORGANIZATION: "单位名称",
    EntityType.MANUAL: "已删除",
}


def mask(value: str, *, keep_head: int = 0, keep_tail: int = 0, char: str = "*") -> str:
    """Replace the middle characters with `char`, keeping `keep_head`/`keep_tail` significant ones.

    Separators (spaces, hyphens, brackets) are kept and not counted, so `023-65432100` with
    keep_head=3, keep_tail=4 gives `023-****2100`. At least one character is always masked: a mask
    that would keep everything masks all but the head instead, never returning the value itself.
    """
    if len(char) != 1:
        raise ValueError("mask char must be one character")
    positions = [i for i, c in enumerate(value) if c not in _SEPARATORS]
    n = len(positions)
    if n == 0:
        return value
    head, tail = max(keep_head, 0), max(keep_tail, 0)
    if head + tail >= n:  # keep at least one masked character
        tail = max(0, n - head - 1)
        head = min(head, n - 1)
    hidden = set(positions[head:n - tail])
    return "".join(char if i in hidden else c for i, c in enumerate(value))


def redact(value: str, *, char: str = REDACTION_CHAR) -> str:
    """Full suppression: one block character per character (line breaks kept)."""
    return "".join(c if c in "\r\n" else char for c in value)


def label(value: str, *, entity_type: str, text: str | None = None, template: str = "[{label}]") -> str:
    """Category label such as `[身份证号]`; `text` overrides the built-in label of the entity type."""
    return template.format(label=text or LABELS.get(entity_type, entity_type))


def keyed_hash(value: str, *, key: bytes, entity_type: str, length: int = 8,
               template: str = "[{label}-{digest}]") -> str:
    """Stable pseudonymous token: HMAC-SHA256(key, type + normalised value), truncated hex.

    The entity type is part of the message so a phone number and an ID with equal digits differ.
    """
    if not key:
        raise ValueError("keyed hash needs a workspace key")
    if not 4 <= length <= 64:
        raise ValueError("hash length must be 4..64")
    normal = re.sub(r"\s+", "", value)
    digest = hmac.new(key, f"{entity_type}\x1f{normal}".encode(), hashlib.sha256).hexdigest()[:length]
    return template.format(label=LABELS.get(entity_type, entity_type), digest=digest)


# Administrative levels, coarse to fine; each is searched after the end of the previous one found so
# that 镇 in 镇江市 is not taken for a township.
_LEVELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("province", ("特别行政区", "自治区", "省")),
    ("city", ("自治州", "地区", "盟", "市")),
    ("county", ("自治县", "县级市", "区", "县", "旗")),
    ("township", ("街道办事处", "街道", "镇", "乡", "苏木")),
    ("village", ("村民委员会", "居民委员会", "村委会", "居委会", "社区", "嘎查", "村")),  # 低保/救助 公示 (roster profiles)
)
_LEVEL_NAMES = tuple(name for name, _ in _LEVELS)


def generalize_address(value: str, *, level: str = "township") -> str:
    """Keep the address down to the given administrative level (default 乡镇/街道; `village` keeps 村/社区),
    drop the rest.

    `重庆市沙坪坝区小龙坎街道天星桥正街42号3单元502室` → `重庆市沙坪坝区小龙坎街道`. When that level
    is missing the finest coarser level found is kept; with no level at all the address is fully
    redacted (an address we cannot generalise must not survive).
    """
    if level not in _LEVEL_NAMES:
        raise ValueError(f"unknown address level {level!r}")
    pos = 0
    for name, markers in _LEVELS:
        found = [value.find(m, pos) for m in markers]
        ends = [i + len(m) for i, m in zip(found, markers, strict=True) if i > pos or (i == pos and pos > 0)]
        if ends:
            pos = min(ends)
        if name == level:
            break
    if 0 < pos < len(value):
        return value[:pos]
    return redact(value)

"""Suggest the disclosure attribute (公开属性) from all findings of a document, with legal-basis codes
and a draft rationale in Chinese, for the reviewer to confirm or change (DOMAIN §1–2).

The most restrictive reason wins: a state secret (第十四条) over work secrets and internal or process
information (第十六条) over personal information (第十五条, released after redaction, 第三十七条).

The printed 附注 is the drafter's own determination (DOMAIN §1) and the record is checked against it
(review/attribute.py `check_consistency`), so the suggestion follows it wherever the findings allow: a
document printed （此件公开发布） whose only findings are personal information is 主动公开 with those parts
de-identified, not 删减后公开. Only where the content rules the printed attribute out (a state secret; restricted
content under 主动公开) does the suggestion differ, and it then says that the 附注 must be corrected, since the
check refuses the record until it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reviewer.core.legal_basis import LegalBasisCatalog, load_catalog
from reviewer.core.types import Category, DisclosureAttribute, EntityType, Finding


@dataclass(frozen=True, slots=True)
class AttributeSuggestion:
    attribute: DisclosureAttribute
    legal_basis: tuple[str, ...]  # catalog codes, e.g. ("第十四条", "保密法实施条例第五条")
    rationale: str  # draft in Chinese; required by the record unless 主动公开
    printed_attribute: DisclosureAttribute | None = None  # from the document's own 附注, if printed
    reasons: tuple[str, ...] = ()  # entity types that decided the suggestion

    @property
    def conflicts_with_printed(self) -> bool:
        return self.printed_attribute is not None and self.printed_attribute is not self.attribute


def _quote(findings: list[Finding]) -> str:
    texts = list(dict.fromkeys(f.text.strip() for f in findings))
    shown = "、".join(f"“{t}”" for t in texts[:3])
    return shown + ("等" if len(texts) > 3 else "")


_PERSONAL_ZH = {"CN_ID_CARD": "身份证号码", "CN_MOBILE_PHONE": "手机号码", "CN_LANDLINE_PHONE": "固定电话",
                "EMAIL_ADDRESS": "电子邮箱", "CN_BANK_CARD": "银行账号", "CN_USCC": "统一社会信用代码",
                "CN_LICENSE_PLATE": "车牌号", "CN_PASSPORT": "护照号码", "CN_HK_MACAO_PERMIT": "港澳通行证号码",
                "IP_ADDRESS": "IP 地址", "CN_QQ": "QQ 号", "CN_WECHAT": "微信号", "CN_BIRTH_DATE": "出生日期",
                "SENSITIVE_PERSONAL": "敏感个人信息", "PERSON": "姓名", "CN_ADDRESS": "住址"}


def _kinds(findings: list[Finding]) -> str:
    """What kinds of personal information, never the values: the rationale goes into the review log."""
    kinds = list(dict.fromkeys(_PERSONAL_ZH.get(str(f.entity_type), "其他个人信息") for f in findings))
    return "、".join(kinds[:6]) + ("等" if len(kinds) > 6 else "")


def _cite(catalog: LegalBasisCatalog, codes: Iterable[str]) -> str:
    citations = [catalog.get(c).citation_zh() for c in codes]
    out: list[str] = []
    for citation in citations:  # 《条例》第十四条、第十五条: name the instrument once per run
        name, _, article = citation.partition("》")
        if out and out[-1].startswith(name) and article:
            out[-1] += f"、{article}"
        else:
            out.append(citation)
    return "、".join(out)


def suggest_attribute(findings: Iterable[Finding], *, catalog: LegalBasisCatalog | None = None
                      ) -> AttributeSuggestion:
    """The attribute the findings point to. Pass the findings the reviewer still stands by."""
    catalog = catalog or load_catalog()
    by_type: dict[str, list[Finding]] = {}
    personal: list[Finding] = []
    for f in findings:
        by_type.setdefault(str(f.entity_type), []).append(f)
        if f.category == Category.PERSONAL:
            personal.append(f)
    notes = by_type.get(EntityType.DISCLOSURE_NOTE, [])
    printed = {DisclosureAttribute(f.attributes["attribute"]) for f in notes if "attribute" in f.attributes}
    printed_attribute = printed.pop() if len(printed) == 1 else None

    secret = by_type.get(EntityType.CLASSIFIED_MARKING, []) + by_type.get(EntityType.STATE_SECRET_STATEMENT, [])
    work = by_type.get(EntityType.WORK_SECRET, [])
    internal = by_type.get(EntityType.INTERNAL_USE, [])
    process = by_type.get(EntityType.PROCESS_INFORMATION, [])
    if secret:
        attribute, codes = DisclosureAttribute.WITHHELD, ["第十四条", "保密法实施条例第五条"]
        reasons = list(dict.fromkeys(f.entity_type for f in secret))
        text = (f"文件带有国家秘密标志或涉密声明（{_quote(secret)}），属于国家秘密。依据{_cite(catalog, codes)}，"
                "不予公开。删除标志不能解决问题：如认为已无需保密，应先由定密机关依法解密，或依据"
                f"{_cite(catalog, ['第十七条'])}报保密行政管理部门确定。")
    elif work or internal or process:
        attribute, codes, parts = DisclosureAttribute.WITHHELD, [], []
        reasons = []
        if work:
            codes += ["第十六条(一)", "保密法第六十四条"]
            reasons.append(EntityType.WORK_SECRET)
            parts.append(f"标为工作秘密（{_quote(work)}）")
        if internal:
            codes += ["第十六条(一)"]
            reasons.append(EntityType.INTERNAL_USE)
            parts.append(f"标为内部使用或限制传播（{_quote(internal)}），属于内部事务信息")
        if process:
            codes += ["第十六条(二)"]
            reasons.append(EntityType.PROCESS_INFORMATION)
            parts.append(f"标明为过程性文件（{_quote(process)}），属于过程性信息")
        codes = list(catalog.validate(codes))
        text = (f"文件{'；'.join(parts)}。依据{_cite(catalog, codes)}，可以不予公开。"
                "这是可以不予公开的情形而非必须：如文件已定稿、已无需保密或属于应当主动公开的范围，请改为主动公开并说明。")
    elif personal:
        attribute, codes = DisclosureAttribute.REDACTED_RELEASE, ["第十五条", "第三十七条"]
        reasons = sorted({str(f.entity_type) for f in personal})
        text = (f"文件含有个人信息（{_kinds(personal)}），公开会损害第三方合法权益。依据{_cite(catalog, codes)}，"
                "对个人信息作去标识化处理后公开其余部分；惩戒性公示和法定应公开的信息可保留姓名，但仍须隐去身份证号、电话和住址。")
    else:
        attribute, codes, reasons = DisclosureAttribute.PROACTIVE, ["第十九条"], []
        text = (f"未发现涉密标志、工作秘密、内部或过程性信息和个人信息。依据{_cite(catalog, codes)}，建议主动公开；"
                "请仍就公开内容表述、公开时机和公开方式作出判断。")
    if len(notes) and printed_attribute is None:
        text += "注意：文件印有多个相互矛盾的公开属性附注，请核对。"
    elif printed_attribute is not None and printed_attribute is not attribute:
        ruled_out = bool(secret) or (bool(work or internal or process)
                                     and printed_attribute is DisclosureAttribute.PROACTIVE)
        if ruled_out:
            text += (f"注意：文件附注印制的公开属性为“{printed_attribute}”（{_quote(notes)}），与文件内容不一致："
                     f"应为“{attribute}”。请改正附注（或驳回误报的限制性发现项）后再认定，否则认定记录无法保存。")
        else:
            attribute, codes, text = _follow_printed(printed_attribute, notes, personal, codes, catalog)
    return AttributeSuggestion(attribute=attribute, legal_basis=catalog.validate(codes), rationale=text,
                               printed_attribute=printed_attribute, reasons=tuple(str(r) for r in reasons))


def _follow_printed(printed: DisclosureAttribute, notes: list[Finding], personal: list[Finding], codes: list[str],
                    catalog: LegalBasisCatalog) -> tuple[DisclosureAttribute, list[str], str]:
    """The attribute the 附注 prints, where nothing in the findings rules it out, with a rationale for it."""
    text = f"文件附注印制的公开属性为“{printed}”（{_quote(notes)}），审查未发现与之不符的内容，按附注认定。"
    if personal:
        removed = ["第十五条", "第三十七条"]
        text += (f"文件中的个人信息（{_kinds(personal)}）依据{_cite(catalog, removed)}作去标识化处理后公开，"
                 "惩戒性公示和法定应公开的信息可保留姓名。")
    if printed is DisclosureAttribute.PROACTIVE:
        codes = ["第十九条"] + (["第十五条", "第三十七条"] if personal else [])
    elif not personal and not set(codes) - {"第十九条"}:
        codes = []
        text += f"附注印为{printed}，但审查未发现需要限制公开的内容：请写明理由和依据（条例第三十六条第三项）。"
    return printed, codes, text

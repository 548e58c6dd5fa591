"""The disclosure attribute record (公开属性源头认定) and its consistency checks.

A record says how the document may be disclosed, on which legal basis (codes from the catalog in
`resources/legal_basis.yaml`), why, who determined it (drafting unit and person) and the three
judgments the 2018 work plan asks for: wording, timing, and channel/scope. It is checked against the
findings: the printed 附注 (a DISCLOSURE_NOTE finding) must say the same, and a document cannot be
主动公开 while restricted content in it is not resolved.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import Connection, select

from reviewer.core.audit.chain import append_event, canonical_json
from reviewer.core.errors import ReviewerError
from reviewer.core.review.decisions import DecisionKind, StoredFinding
from reviewer.core.review.documents import DocumentInfo
from reviewer.core.review.errors import (
    BlockFindingUnresolved,
    DisclosureNoteMismatch,
    LegalBasisInvalid,
    RationaleRequired,
    RestrictedContentUnresolved,
)
from reviewer.core.store import schema
from reviewer.core.types import Category, DisclosureAttribute, EntityType, Severity


@dataclass(frozen=True, slots=True)
class DisclosureRecord:
    attribute: DisclosureAttribute
    legal_basis: tuple[str, ...] = ()
    rationale: str = ""
    determined_by_unit: str = ""  # 拟稿单位
    determined_by_person: str = ""  # 拟稿人
    wording: str = ""  # 公开内容表述 judgment
    timing: str = ""  # 公开时机 judgment
    channel_scope: str = ""  # 公开方式 (网站/公报/发布会/公示栏) and 范围

    def to_json(self) -> dict:
        data = asdict(self)
        data["attribute"] = str(self.attribute)
        data["legal_basis"] = list(self.legal_basis)
        return data

    @classmethod
    def from_json(cls, data: dict) -> DisclosureRecord:
        return cls(**{**data, "attribute": DisclosureAttribute(data["attribute"]),
                      "legal_basis": tuple(data.get("legal_basis", ()))})


def check_codes(catalog, codes) -> None:
    """Every code must be in the legal-basis catalog (`catalog.get` returns None or raises if not)."""
    for code in codes:
        try:
            entry = catalog.get(code)
        except ReviewerError:
            entry = None
        if entry is None:
            raise LegalBasisInvalid(f"法律依据代码“{code}”不在依据目录中，请从目录中选择。",
                                    f"Legal basis {code!r} is not in the catalog; pick one from the catalog.")


def validate_record(record: DisclosureRecord, catalog) -> None:
    """Field rules that need no findings: rationale, legal basis, who determined it."""
    if not isinstance(record.attribute, DisclosureAttribute):
        raise LegalBasisInvalid("公开属性无效，请从四种属性中选择。",
                                "Invalid disclosure attribute; pick one of the four.")
    proactive = record.attribute == DisclosureAttribute.PROACTIVE
    if not proactive and not record.rationale.strip():
        raise RationaleRequired(
            f"公开属性为“{record.attribute}”时必须写明理由（条例第三十六条第三项）。",
            f"A {record.attribute.name.lower()} attribute needs a written rationale (Regulation art. 36(3)).")
    if not proactive and not record.legal_basis:
        raise LegalBasisInvalid(f"公开属性为“{record.attribute}”时必须选择法律依据。",
                                f"A {record.attribute.name.lower()} attribute needs at least one legal basis.")
    check_codes(catalog, record.legal_basis)
    if not record.determined_by_unit.strip() or not record.determined_by_person.strip():
        raise LegalBasisInvalid("请填写认定单位和认定人（拟稿单位、拟稿人）。",
                                "Fill in who determined the attribute (drafting unit and person).")


def check_consistency(record: DisclosureRecord, findings: Sequence[StoredFinding]) -> None:
    """The record against the document: printed 附注, and restricted content under 主动公开.

    Rejecting a finding means "leave the text as printed"; accepting means "remove it from the
    published copy" — except the printed 附注, which is a check, not a value to remove (issue 26): accepting
    it confirms it and it is checked; rejecting it says it is not the document's note (a false positive).
    Under 主动公开 a restricted finding (other than the 附注 itself and `info` markings) conflicts unless the
    reviewer rejected it as harmless: redacting restricted content makes the document 删减后公开, not 主动公开.
    A live state-secret marking (a `block` finding not rejected) allows only 不予公开, whatever else is printed or
    redacted: redaction does not declassify (保密法; the approval gate says the same).
    """
    for stored in findings:
        f = stored.finding
        rejected = stored.decision is not None and stored.decision.kind == DecisionKind.REJECT
        if f.entity_type != EntityType.DISCLOSURE_NOTE or rejected:
            continue
        printed = f.attributes.get("attribute")
        if printed and printed != str(record.attribute):
            raise DisclosureNoteMismatch(
                f"文中附注“{f.text}”标为“{printed}”，与认定的“{record.attribute}”不一致。请更正附注或认定记录。",
                f"The printed note '{f.text}' says {printed} but the record says {record.attribute}; "
                "correct the note or the record.")
    if record.attribute != DisclosureAttribute.WITHHELD:
        blocking = [s for s in findings if s.is_block and not s.resolved_as_not_applicable]
        if blocking:
            text = blocking[0].finding.text
            raise BlockFindingUnresolved(
                f"文档含现行密级标志“{text}”，删除标志不能解密，只能认定为不予公开；如确属误报请驳回并说明理由。",
                f"The document carries a live classification marking '{text}'; redaction does not cure it, so "
                "only 不予公开 can be recorded. Reject it with a reason if it is a false positive.")
    if record.attribute == DisclosureAttribute.PROACTIVE:
        for stored in findings:
            f = stored.finding
            if (f.category == Category.RESTRICTED and f.entity_type != EntityType.DISCLOSURE_NOTE
                    and f.severity != Severity.INFO
                    and (stored.decision is None or stored.decision.kind != DecisionKind.REJECT)):
                raise RestrictedContentUnresolved(
                    f"文档含未解决的限制内容“{f.text}”，不能认定为主动公开。请先驳回误报，或改为删减后公开/依申请公开。",
                    f"The document still has restricted content '{f.text}', so it cannot be proactive; "
                    "reject it as a false positive or choose redacted/on-request release.")


def save_record(conn: Connection, doc: DocumentInfo, record: DisclosureRecord, *, actor: str) -> int:
    data = record.to_json()
    event = append_event(conn, actor=actor, action="attribute.recorded", document_id=doc.id,
                         document_sha256=doc.sha256, details=data)
    result = conn.execute(schema.attribute_records.insert().values(
        document_id=doc.id, record_json=canonical_json(data), actor=actor, created_at=event.ts,
        event_seq=event.seq))
    return result.inserted_primary_key[0]


@dataclass(frozen=True, slots=True)
class StoredRecord:
    record: DisclosureRecord
    actor: str
    created_at: str
    event_seq: int


def latest_record(conn: Connection, document_id: int) -> StoredRecord | None:
    row = conn.execute(select(schema.attribute_records)
                       .where(schema.attribute_records.c.document_id == document_id)
                       .order_by(schema.attribute_records.c.id.desc()).limit(1)).first()
    if row is None:
        return None
    return StoredRecord(DisclosureRecord.from_json(json.loads(row.record_json)), row.actor, row.created_at,
                        row.event_seq)

"""The review record (保密审查记录) assembled from the workspace, ready for any export format.

Per document: title and 文号, the attribute record (attribute, legal basis with its gist, rationale,
who determined it, the three judgments), findings with their decisions and basis, reviewers,
approver, times, the sign-off signature status, and the chain head that pins the printed copy.
Personal values are shown masked (first and last character), so the record itself leaks no identifier.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.core.audit import signing
from reviewer.core.audit.chain import ChainHead, iter_events, utc_now
from reviewer.core.errors import ReviewerError
from reviewer.core.review.attribute import DisclosureRecord, latest_record
from reviewer.core.review.decisions import DecisionKind, load_findings
from reviewer.core.review.detections import last_term_list
from reviewer.core.review.documents import DocumentInfo, exports_for, get_document, list_documents
from reviewer.core.review.signoff import reviewers_of
from reviewer.core.types import Category

DECISION_ZH = {DecisionKind.ACCEPT: "采纳并处理", DecisionKind.REJECT: "驳回", DecisionKind.EDIT: "修改范围后处理"}


@dataclass(frozen=True, slots=True)
class FindingLine:
    index: int
    entity_type: str
    category: str
    severity: str
    text: str  # masked for personal information
    decision: str  # e.g. "采纳并处理 (mask)" / "驳回：误报" / "未决定"
    legal_basis: tuple[str, ...]
    decided_by: str
    decided_at: str


@dataclass(frozen=True, slots=True)
class DocumentLog:
    document: DocumentInfo
    record: DisclosureRecord | None
    record_by: str
    basis_labels: tuple[str, ...]  # "第十五条 商业秘密、个人隐私…"
    findings: tuple[FindingLine, ...]
    reviewers: tuple[str, ...]
    submitted_at: str
    approver: str
    approved_at: str
    released_at: str
    signature_status: str
    export_sha256: str
    returns: tuple[str, ...]  # "time actor: reason"
    term_list: str = ""  # the office's term lists the newest detection used (issue 33)


@dataclass(frozen=True, slots=True)
class ReviewLog:
    workspace: str
    generated_at: str
    head: ChainHead
    chain_ok: bool
    documents: tuple[DocumentLog, ...]


def mask(text: str) -> str:
    if len(text) <= 2:
        return text[:1] + "*" * (len(text) - 1)
    return text[0] + "*" * (len(text) - 2) + text[-1]


def basis_label(catalog, code: str) -> str:
    try:
        entry = catalog.get(code) if catalog is not None else None
    except ReviewerError:
        entry = None
    title = getattr(entry, "title_zh", None) or getattr(entry, "title", None) or ""
    return f"{code} {title}".strip()


def build_document_log(conn, doc: DocumentInfo, *, catalog=None, keys: dict[str, str]) -> DocumentLog:
    lines = []
    for i, stored in enumerate(load_findings(conn, doc.id), 1):
        f, d = stored.finding, stored.decision
        text = mask(f.text) if f.category == Category.PERSONAL else f.text
        if d is None:
            decision, basis, by, at = "未决定", (), "", ""
        else:
            extra = d.operator if d.kind != DecisionKind.REJECT else f"理由：{d.reason}"
            span = f" [{d.start}-{d.end}]" if d.kind == DecisionKind.EDIT else ""
            decision, basis, by, at = f"{DECISION_ZH[d.kind]}（{extra}）{span}", d.legal_basis, d.actor, d.created_at
        lines.append(FindingLine(i, str(f.entity_type), str(f.category), str(f.severity or ""), text, decision,
                                 tuple(basis), by or "", at or ""))
    stored_record = latest_record(conn, doc.id)
    submitted = approved = released = approver = export_sha = ""
    signature = "未签批 / not signed"
    returns = []
    for event in iter_events(conn, document_id=doc.id):
        if event.action == "review.submitted":
            submitted = event.ts
        elif event.action == "review.returned":
            returns.append(f"{event.ts} {event.actor}: {event.details.get('reason', '')}")
        elif event.action == "review.released":
            released = event.ts
        elif event.action == "review.approved":
            approved, approver = event.ts, event.actor
            export_sha = event.details.get("export_sha256") or ""
            key = keys.get(event.actor)
            good = (key is not None and event.signature is not None and event.details.get("public_key") == key
                    and signing.verify_signature(key, event.body(), event.signature))
            signature = (f"有效 / valid (Ed25519 {signing.fingerprint(key)})" if good
                         else "无效 / INVALID")
    record = stored_record.record if stored_record else None
    labels = tuple(basis_label(catalog, c) for c in (record.legal_basis if record else ()))
    return DocumentLog(doc, record, stored_record.actor if stored_record else "", labels, tuple(lines),
                       tuple(reviewers_of(conn, doc.id)), submitted, approver, approved, released, signature,
                       export_sha or next((e.output_sha256 for e in reversed(exports_for(conn, doc.id))
                                           if e.verified), ""), tuple(returns),
                       term_list=term_list_text(last_term_list(conn, doc.id)))


def term_list_text(used: dict | None) -> str:
    """单位敏感词库第 3 版（12 条，SHA-256 …） — or that none was used, or that no run recorded it."""
    if used is None:
        return "未记录 / not recorded"
    if not used.get("version"):
        return "未使用 / none"
    return (f"第 {used['version']} 版（{used.get('count', 0)} 条，SHA-256 {str(used.get('digest', ''))[:16]}） / "
            f"version {used['version']}")


def build_review_log(workspace, *, document_id: int | None = None, catalog=None) -> ReviewLog:
    report = workspace.verify()
    keys = workspace.public_keys()
    with workspace.read() as conn:
        docs = [get_document(conn, document_id)] if document_id is not None else list_documents(conn)
        logs = tuple(build_document_log(conn, d, catalog=catalog, keys=keys) for d in docs)
    return ReviewLog(workspace.location.display(), utc_now(), workspace.head(), report.ok, logs)


def document_fields(entry: DocumentLog) -> list[tuple[str, str]]:
    """Label/value pairs shared by the DOCX and PDF forms."""
    d, r = entry.document, entry.record
    return [
        ("标题 / title", d.title),
        ("文号 / document number", d.doc_number or "（无 / none）"),
        ("文件 SHA-256", d.sha256),
        ("状态 / status", str(d.status)),
        ("公开属性 / disclosure attribute", str(r.attribute) if r else "未认定 / not recorded"),
        ("法律依据 / legal basis", "；".join(entry.basis_labels) or "（无 / none）"),
        ("理由 / rationale", (r.rationale if r else "") or "（无 / none）"),
        ("认定单位及认定人 / determined by", f"{r.determined_by_unit} {r.determined_by_person}" if r else ""),
        ("表述审查 / wording", r.wording if r else ""),
        ("时机审查 / timing", r.timing if r else ""),
        ("公开方式与范围 / channel and scope", r.channel_scope if r else ""),
        ("单位敏感词库 / office term lists", entry.term_list),
        ("审查人 / reviewed by", "、".join(entry.reviewers)),
        ("提交时间 / submitted (UTC)", entry.submitted_at),
        ("退回记录 / returned", "；".join(entry.returns) or "（无 / none）"),
        ("批准人 / approved by", entry.approver or "（未批准 / not approved）"),
        ("批准时间 / approved (UTC)", entry.approved_at),
        ("签名状态 / signature", entry.signature_status),
        ("导出件 SHA-256 / export", entry.export_sha256),
        ("发布时间 / released (UTC)", entry.released_at),
    ]


def finding_rows(entry: DocumentLog) -> list[list[str]]:
    header = ["序号", "类型 / type", "内容 / text", "决定 / decision", "依据 / basis", "决定人 / by", "时间 / at"]
    rows = [header]
    for f in entry.findings:
        rows.append([str(f.index), f.entity_type, f.text, f.decision, "；".join(f.legal_basis), f.decided_by,
                     f.decided_at])
    return rows

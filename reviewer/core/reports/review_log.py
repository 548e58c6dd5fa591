"""The review record (保密审查记录) assembled from the workspace, ready for any export format.

Per document: title and 文号 (read from the document's text when the import stored only a file name), its kind,
the attribute record (attribute, legal basis with its gist, rationale, who determined it, the three judgments),
findings with their decisions and the legal basis of every redaction (the reviewer's, else the catalogue's
default for the type and role, marked so), reviewers and approver by their display names, times, the sign-off
signature status, what the export removed besides the values (metadata, comments, pictures' metadata) and the
chain head that pins the printed copy. Every code is shown in the record's language (`labels.py`; Chinese by
default, for filing): types, operators, statuses, decisions, preset reject reasons. Personal values are shown
masked (first and last character), so the record itself leaks no identifier.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from reviewer.core.audit import signing
from reviewer.core.audit.chain import ChainHead, iter_events, utc_now
from reviewer.core.errors import ReviewerError
from reviewer.core.reports import labels as L
from reviewer.core.review.attribute import DisclosureRecord, latest_record
from reviewer.core.review.decisions import DecisionKind, load_findings
from reviewer.core.review.detections import last_term_list
from reviewer.core.review.documents import (
    DocumentInfo,
    document_text,
    exports_for,
    get_document,
    list_documents,
)
from reviewer.core.review.reasons import reason_label
from reviewer.core.review.signoff import reviewers_of
from reviewer.core.store import schema
from reviewer.core.types import Category, EntityType, is_possible

DECISION_ZH = {DecisionKind.ACCEPT: "采纳并处理", DecisionKind.REJECT: "驳回", DecisionKind.EDIT: "修改范围后处理"}


@dataclass(frozen=True, slots=True)
class FindingLine:
    index: int
    entity_type: str
    category: str
    severity: str
    text: str  # masked for personal information
    decision: str  # in the record's language, e.g. "采纳并处理：部分遮盖" / "驳回：不属于个人信息" / "未决定"
    legal_basis: tuple[str, ...]
    decided_by: str  # display name (user name)
    decided_at: str
    kind: str = ""  # accept / reject / edit, "" when undecided
    operator: str = ""
    reason: str = ""  # a preset's code or the reviewer's own words
    basis_default: bool = False  # no basis was given: the catalogue's default for the type and role is shown
    role: str = ""  # a person's role (detection/roles.py)
    owner: str = ""  # whose a contact detail is: institution / person
    possible: bool = False  # a possible name (tier-2 candidate, detection/possible_names.py)

    @property
    def is_redaction(self) -> bool:
        accepted = self.kind in (DecisionKind.ACCEPT, DecisionKind.EDIT)
        return accepted and self.entity_type != EntityType.DISCLOSURE_NOTE and self.operator != "keep"


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
    kind: str = ""  # 文种 code
    notes: tuple[str, ...] = ()  # what the last verified export removed besides the values, in the record's language
    language: str = "zh"
    term_list: str = ""  # the office's term lists the newest detection used (issue 33)


@dataclass(frozen=True, slots=True)
class ReviewLog:
    workspace: str
    generated_at: str
    head: ChainHead
    chain_ok: bool
    documents: tuple[DocumentLog, ...]
    language: str = "zh"


def mask(text: str) -> str:
    if len(text) <= 2:
        return text[:1] + "*" * (len(text) - 1)
    return text[0] + "*" * (len(text) - 2) + text[-1]


def basis_label(catalog, code: str, language: str = "zh") -> str:
    try:
        entry = catalog.get(code) if catalog is not None else None
    except ReviewerError:
        entry = None
    if language == "en":
        title = getattr(entry, "title_en", None) or getattr(entry, "title", None) or ""
    else:
        title = getattr(entry, "title_zh", None) or getattr(entry, "title", None) or ""
    return f"{code} {title}".strip()


def _display_names(conn) -> dict[str, str]:  # noqa: ANN001
    names = {}
    for row in conn.execute(select(schema.users.c.username, schema.users.c.display_name)):
        names[row.username] = f"{row.display_name}（{row.username}）" if row.display_name and \
            row.display_name != row.username else row.username
    return names


def _decision_text(kind: str, operator: str, reason: str, entity_type: str, language: str) -> str:
    if not kind:
        return L.label(L.DECISIONS, "undecided", language)
    if entity_type == EntityType.DISCLOSURE_NOTE and kind != DecisionKind.REJECT:
        return L.label(L.DECISIONS, "confirmed", language)
    head = L.label(L.DECISIONS, kind, language)
    colon = "：" if language == "zh" else ": "
    if kind == DecisionKind.REJECT:
        return f"{head}{colon}{reason_label(reason, language)}"
    return f"{head}{colon}{L.label(L.OPERATORS, operator, language)}"


def title_and_number(conn, doc: DocumentInfo) -> tuple[str, str, str]:  # noqa: ANN001
    """The stored title, 文号 and kind; what the document's own text says where the import stored only the file
    name (workspaces from before issue 26)."""
    title, number, kind = doc.title, doc.doc_number, doc.kind
    if title == Path(doc.path).stem or not title or not number or not kind:
        from reviewer.core.documents.kinds import recognize_text

        guess = recognize_text(document_text(conn, doc.id))
        if title == Path(doc.path).stem or not title:
            title = guess.title or title
        number = number or guess.doc_number
        kind = kind or guess.code
    return title, number, kind


def build_document_log(conn, doc: DocumentInfo, *, catalog=None, keys: dict[str, list[str]],  # noqa: ANN001
                       language: str = "zh", names: dict[str, str] | None = None) -> DocumentLog:
    names = names if names is not None else _display_names(conn)

    def who(actor: str | None) -> str:
        return names.get(actor or "", actor or "")

    lines = []
    for i, stored in enumerate(load_findings(conn, doc.id), 1):
        f, d = stored.finding, stored.decision
        text = mask(f.text) if f.category == Category.PERSONAL else f.text
        kind = str(d.kind) if d is not None else ""
        operator = (d.operator or "") if d is not None else ""
        reason = (d.reason or "") if d is not None else ""
        basis, default = (tuple(d.legal_basis) if d is not None else ()), False
        line = FindingLine(i, str(f.entity_type), str(f.category), str(f.severity or ""), text,
                           _decision_text(kind, operator, reason, str(f.entity_type), language), basis,
                           who(d.actor) if d is not None else "", (d.created_at or "") if d is not None else "",
                           kind, operator, reason, False, str(f.attributes.get("role") or ""),
                           str(f.attributes.get("owner") or ""), is_possible(f))
        if line.is_redaction and not basis and catalog is not None and hasattr(catalog, "default_for_finding"):
            basis, default = tuple(catalog.default_for_finding(f)), True
            line = FindingLine(**{**_fields(line), "legal_basis": basis, "basis_default": default})
        lines.append(line)
    stored_record = latest_record(conn, doc.id)
    submitted = approved = released = approver = export_sha = ""
    signature = "未签批" if language == "zh" else "not signed"
    returns = []
    for event in iter_events(conn, document_id=doc.id):
        if event.action == "review.submitted":
            submitted = event.ts
        elif event.action == "review.returned":
            returns.append(f"{event.ts} {who(event.actor)}：{event.details.get('reason', '')}")
        elif event.action == "review.released":
            released = event.ts
        elif event.action == "review.approved":
            approved, approver = event.ts, who(event.actor)
            export_sha = event.details.get("export_sha256") or ""
            key = event.details.get("public_key")  # one of the keys the chain registered for the approver
            good = (key in keys.get(event.actor, ()) and event.signature is not None
                    and signing.verify_signature(key, event.body(), event.signature))
            if language == "zh":
                signature = f"有效（Ed25519 {signing.fingerprint(key)}）" if good else "无效"
            else:
                signature = f"valid (Ed25519 {signing.fingerprint(key)})" if good else "INVALID"
    record = stored_record.record if stored_record else None
    codes = record.legal_basis if record else ()
    labels = tuple(basis_label(catalog, c, language) for c in codes)
    exports = [e for e in exports_for(conn, doc.id) if e.verified]
    notes = tuple(L.note_label(str(n), language) for n in (exports[-1].details.get("notes") or [])) if exports else ()
    title, number, kind = title_and_number(conn, doc)
    info = DocumentInfo(doc.id, doc.sha256, doc.path, doc.format, title, number, doc.status, doc.version,
                        doc.created_at, doc.updated_at, kind)
    return DocumentLog(info, record, who(stored_record.actor) if stored_record else "", labels, tuple(lines),
                       tuple(who(r) for r in reviewers_of(conn, doc.id)), submitted, approver, approved, released,
                       signature, export_sha or (exports[-1].output_sha256 if exports else ""), tuple(returns),
                       kind, notes, language, term_list_text(last_term_list(conn, doc.id), language))


def term_list_text(used: dict | None, language: str = "zh") -> str:
    """第 3 版（12 条，SHA-256 …） — or that none was used, or that no run recorded it (issue 33)."""
    zh = language == "zh"
    if used is None:
        return "未记录" if zh else "not recorded"
    if not used.get("version"):
        return "未使用" if zh else "none"
    digest = str(used.get("digest", ""))[:16]
    if zh:
        return f"第 {used['version']} 版（{used.get('count', 0)} 条，SHA-256 {digest}）"
    return f"version {used['version']} ({used.get('count', 0)} entries, SHA-256 {digest})"


def _fields(line: FindingLine) -> dict:
    return {name: getattr(line, name) for name in FindingLine.__dataclass_fields__}


def build_review_log(workspace, *, document_id: int | None = None, catalog=None,  # noqa: ANN001
                     language: str = "zh") -> ReviewLog:
    if language not in L.LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {L.LANGUAGES}")
    report = workspace.verify()
    keys = workspace.key_history()
    with workspace.read() as conn:
        docs = [get_document(conn, document_id)] if document_id is not None else list_documents(conn)
        names = _display_names(conn)
        logs = tuple(build_document_log(conn, d, catalog=catalog, keys=keys, language=language, names=names)
                     for d in docs)
    return ReviewLog(workspace.location.display(), utc_now(), workspace.head(), report.ok, logs, language)


_NONE = {"zh": "（无）", "en": "(none)"}
_FIELDS = {
    "title": ("标题", "Title"), "number": ("文号", "Document number"), "kind": ("文种", "Document kind"),
    "sha": ("文件 SHA-256", "File SHA-256"), "status": ("审查状态", "Status"),
    "attribute": ("公开属性", "Disclosure attribute"), "basis": ("法律依据", "Legal basis"),
    "rationale": ("理由", "Rationale"), "determined": ("认定单位及认定人", "Determined by"),
    "wording": ("公开内容表述审查", "Wording"), "timing": ("公开时机审查", "Timing"),
    "channel": ("公开方式与范围", "Channel and scope"), "terms": ("单位敏感词库", "Office term lists"),
    "reviewers": ("审查人", "Reviewed by"),
    "submitted": ("提交时间（UTC）", "Submitted (UTC)"), "returns": ("退回记录", "Returned"),
    "approver": ("批准人", "Approved by"), "approved": ("批准时间（UTC）", "Approved (UTC)"),
    "signature": ("签名状态", "Signature"), "export": ("导出件 SHA-256", "Export SHA-256"),
    "notes": ("导出处理说明", "Export notes"), "released": ("发布时间（UTC）", "Released (UTC)"),
    "possible": ("未决定的可能姓名（低分候选）", "Possible names left undecided"),
}
HEADER = {"zh": ["序号", "类型", "内容（遮盖）", "处理决定", "依据", "决定人", "时间"],
          "en": ["No.", "Type", "Text (masked)", "Decision", "Legal basis", "Decided by", "At"]}
TITLES = {"zh": "保密审查记录", "en": "Confidentiality review record"}
LINES = {"workspace": ("工作区", "Workspace"), "generated": ("生成时间（UTC）", "Generated (UTC)"),
         "head": ("审计链头", "Audit chain head"), "chain": ("审计链核验", "Audit chain verification"),
         "intact": ("完整", "intact"), "broken": ("已损坏", "BROKEN"),
         "findings": ("发现项与处理决定", "Findings and decisions"), "page": ("第 {n} 页", "page {n}"),
         "default": ("（默认）", " (default)")}


def text_of(key: str, language: str) -> str:
    zh, en = LINES[key]
    return zh if language == "zh" else en


def _f(key: str, language: str) -> str:
    zh, en = _FIELDS[key]
    return zh if language == "zh" else en


def document_fields(entry: DocumentLog, language: str | None = None) -> list[tuple[str, str]]:
    """Label/value pairs shared by the DOCX and PDF forms, in the record's language."""
    lang = language or entry.language
    d, r, none = entry.document, entry.record, _NONE[lang]
    sep = "；" if lang == "zh" else "; "
    attribute = L.label(L.ATTRIBUTES, str(r.attribute), lang) if r else (
        "未认定" if lang == "zh" else "not recorded")
    undecided_possible = sum(1 for f in entry.findings if f.possible and not f.kind)
    possible = [(_f("possible", lang), str(undecided_possible))] if undecided_possible else []
    return [
        (_f("title", lang), d.title),
        (_f("number", lang), d.doc_number or none),
        (_f("kind", lang), L.kind_label(entry.kind or d.kind, lang) or none),
        (_f("sha", lang), d.sha256),
        (_f("status", lang), L.label(L.STATUSES, str(d.status), lang)),
        (_f("attribute", lang), attribute),
        (_f("basis", lang), sep.join(entry.basis_labels) or none),
        (_f("rationale", lang), (r.rationale if r else "") or none),
        (_f("determined", lang), f"{r.determined_by_unit} {r.determined_by_person}" if r else ""),
        (_f("wording", lang), r.wording if r else ""),
        (_f("timing", lang), r.timing if r else ""),
        (_f("channel", lang), r.channel_scope if r else ""),
        (_f("terms", lang), entry.term_list),
        (_f("reviewers", lang), ("、" if lang == "zh" else ", ").join(entry.reviewers)),
        (_f("submitted", lang), entry.submitted_at),
        (_f("returns", lang), sep.join(entry.returns) or none),
        (_f("approver", lang), entry.approver or ("（未批准）" if lang == "zh" else "(not approved)")),
        (_f("approved", lang), entry.approved_at),
        (_f("signature", lang), entry.signature_status),
        (_f("export", lang), entry.export_sha256),
        (_f("notes", lang), sep.join(entry.notes) or none),
        (_f("released", lang), entry.released_at),
        *possible,
    ]


def finding_rows(entry: DocumentLog, language: str | None = None) -> list[list[str]]:
    lang = language or entry.language
    rows = [list(HEADER[lang])]
    sep = "；" if lang == "zh" else "; "
    for f in entry.findings:
        kind = L.label({"possible": L.POSSIBLE_NAME}, "possible", lang) if f.possible else L.type_label(
            f.entity_type, lang)
        who = L.role_label(f.role, lang) if f.role and f.role != "unknown" else L.label(L.OWNERS, f.owner, lang)
        if who:
            kind += f"（{who}）" if lang == "zh" else f" ({who})"
        basis = sep.join(f.legal_basis)
        if basis and f.basis_default:
            basis += text_of("default", lang)
        rows.append([str(f.index), kind, f.text, f.decision, basis, f.decided_by, f.decided_at])
    return rows

"""The "部分公开" statement a reply to a request must carry (条例第三十七条): what was withheld and why.

条例第三十七条: where the requested information contains content that must not be disclosed but can be separated,
the agency provides the rest and states the reasons for what it withholds. The statement is built from the review's
decisions: every redaction (accepted or span-edited finding; the printed 附注 is a check, never one) grouped by its
legal basis, each group naming the kinds of information (types and, for people, their role) and how many places,
never the values. A document with findings nobody decided has no statement yet: it says so and what to do.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass

from reviewer.core.errors import ReviewerError
from reviewer.core.legal_basis import UnknownLegalBasis
from reviewer.core.reports import labels as L
from reviewer.core.reports.review_log import title_and_number
from reviewer.core.review.decisions import DecisionKind, load_findings
from reviewer.core.review.documents import get_document
from reviewer.core.types import EntityType

FORMATS = ("txt", "docx")


class StatementIncomplete(ReviewerError):
    code = "statement_incomplete"

    def __init__(self, undecided: int) -> None:
        super().__init__(f"还有 {undecided} 个发现项没有作出决定，无法说明哪些内容不予公开。请先逐项决定（采纳或驳回）后再生成部分公开说明。",
                         f"{undecided} finding(s) are not decided yet, so what is withheld cannot be stated. "
                         "Decide each one (accept or reject), then generate the partial-disclosure statement.")


@dataclass(frozen=True, slots=True)
class WithheldPart:
    basis: tuple[str, ...]  # legal-basis codes
    kinds: tuple[tuple[str, int], ...]  # (kind of information, places), in Chinese
    places: int
    reason: str  # the basis' gist with its citation


@dataclass(frozen=True, slots=True)
class Statement:
    title: str
    doc_number: str
    parts: tuple[WithheldPart, ...]

    @property
    def places(self) -> int:
        return sum(p.places for p in self.parts)

    def text(self) -> str:
        name = f"《{self.title}》" + (f"（{self.doc_number}）" if self.doc_number else "")
        lines = [f"关于{name}部分公开的说明", ""]
        if not self.parts:
            lines.append(f"经审查，{name}不含依法不予公开的内容，全文公开。")
            return "\n".join(lines) + "\n"
        lines.append(f"根据《中华人民共和国政府信息公开条例》第三十七条，{name}中含有不应当公开的内容，但能够作区分处理。"
                     "本机关提供可以公开的部分，对不予公开的内容说明理由如下：")
        for i, part in enumerate(self.parts):
            what = "、".join(f"{kind}{n}处" for kind, n in part.kinds)
            lines.append(f"{_NUMERALS[i] if i < len(_NUMERALS) else i + 1}、{what}。{part.reason}")
        lines.append(f"以上不予公开的内容共{self.places}处，已在提供的文本中作去标识化或遮盖处理，其余内容予以公开。")
        return "\n".join(lines) + "\n"

    def docx(self) -> bytes:
        from docx import Document as new_docx
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        from reviewer.core.reports.export_docx import set_cjk_fonts

        doc = new_docx()
        set_cjk_fonts(doc)
        doc.styles["Normal"].font.size = Pt(14)  # 三号/四号 body of a reply letter
        lines = self.text().rstrip("\n").split("\n")
        doc.core_properties.title = lines[0]
        heading = doc.add_paragraph(lines[0])
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        heading.runs[0].bold = True
        for line in lines[2:]:
            paragraph = doc.add_paragraph(line)
            paragraph.paragraph_format.first_line_indent = Pt(28)
        buffer = io.BytesIO()
        doc.save(buffer)
        return buffer.getvalue()


_NUMERALS = "一二三四五六七八九十"


def _kind(entity_type: str, role: str, owner: str) -> str:
    name = L.type_label(entity_type)
    if entity_type == EntityType.PERSON and role and role != "unknown":
        return f"{L.role_label(role)}的姓名"
    if owner == "institution":
        return f"单位的{name}"
    return name


def _reason(catalog, codes: tuple[str, ...]) -> str:  # noqa: ANN001 - a LegalBasisCatalog
    parts = []
    for code in codes:
        try:
            entry = catalog.get(code)
        except UnknownLegalBasis:
            parts.append(f"依据{code}")
            continue
        parts.append(f"依据{entry.citation_zh()}（{entry.title_zh}）")
    return "；".join(parts) + "，不予公开。" if parts else "不予公开（未注明依据）。"


def build_statement(workspace, document_id: int, *, catalog=None) -> Statement:  # noqa: ANN001
    """The statement from the document's current decisions (refused while findings are undecided)."""
    catalog = catalog or workspace.catalog
    with workspace.read() as conn:
        doc = get_document(conn, document_id)
        stored = load_findings(conn, document_id)
        title, number, _kind_code = title_and_number(conn, doc)
    undecided = [s for s in stored if s.decision is None and s.finding.attributes.get("source") is None]
    if undecided:
        raise StatementIncomplete(len(undecided))
    groups: dict[tuple[str, ...], Counter] = {}
    for s in stored:
        d, f = s.decision, s.finding
        if d is None or d.kind == DecisionKind.REJECT or f.entity_type == EntityType.DISCLOSURE_NOTE \
                or d.operator == "keep":
            continue
        codes = tuple(d.legal_basis) or tuple(catalog.default_for_finding(f))
        kind = _kind(str(f.entity_type), str(f.attributes.get("role") or ""), str(f.attributes.get("owner") or ""))
        groups.setdefault(codes, Counter())[kind] += 1
    order = {code: i for i, code in enumerate(catalog.codes)}
    parts = [WithheldPart(codes, tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))), sum(counts.values()),
                          _reason(catalog, codes))
             for codes, counts in sorted(groups.items(), key=lambda g: [order.get(c, 99) for c in g[0]])]
    return Statement(title, number, tuple(parts))


def export_statement(workspace, document_id: int, fmt: str, output, *, catalog=None) -> Statement:  # noqa: ANN001
    """Build the statement and write it as text (UTF-8) or docx, atomically."""
    from reviewer.core.atomic import write_bytes_atomic

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {FORMATS}")
    statement = build_statement(workspace, document_id, catalog=catalog)
    data = statement.text().encode("utf-8") if fmt == "txt" else statement.docx()
    write_bytes_atomic(output, data)
    return statement
